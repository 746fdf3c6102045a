from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from app.forms import AppForm, ChoiceField, NumberField
from wtforms import StringField


class EducationForm(AppForm):
    level = ChoiceField(
        _l("Your highest completed education"),
        choices=[("none", _l("No completed school")),
                 ("compulsory", _l("Compulsory school (grundskola), 9 years or equivalent")),
                 ("upper_secondary", _l("Upper secondary school (gymnasium) or equivalent")),
                 ("post_secondary", _l("Studies after upper secondary school (university, vocational college)"))],
        message=_l("Choose your highest completed education."))
    country = ChoiceField(
        _l("Where did you study?"),
        choices=[("sweden", _l("In Sweden")), ("abroad", _l("In another country")),
                 ("both", _l("Both in Sweden and abroad"))],
        message=_l("Choose where you studied."))


class SwedishForm(AppForm):
    level = ChoiceField(
        _l("How much Swedish do you know?"),
        choices=[("none", _l("I have not started learning Swedish")),
                 ("sfi_a", _l("SFI course A")), ("sfi_b", _l("SFI course B")),
                 ("sfi_c", _l("SFI course C")), ("sfi_d", _l("SFI course D")),
                 ("sas_grund", _l("Swedish as a second language, basic level")),
                 ("sas_1", _l("Swedish (as a second language) 1")),
                 ("sas_2", _l("Swedish (as a second language) 2")),
                 ("sas_3", _l("Swedish (as a second language) 3")),
                 ("unknown", _l("I don't know"))],
        message=_l("Choose the level closest to yours, or \u201cI don't know\u201d."))


class HomeForm(AppForm):
    municipality = StringField(
        _l("Which municipality do you live in?"),
        validators=[InputRequired(message=_l("Enter the municipality you live in, for example Malmö.")),
                    Length(min=2, max=60, message=_l("The name of a municipality is 2 to 60 characters long."))])
    max_commute = NumberField(
        _l("How many minutes can you travel to school or work, one way?"),
        validators=[Optional(),
                    NumberRange(min=0, max=240, message=_l("Enter a number of minutes from 0 to 240."))])
