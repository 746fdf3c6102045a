from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from app.forms import AppForm, ChoiceField, NumberField


class CommitmentForm(AppForm):
    when = StringField(
        _l("When \u2026"),
        description=_l("A moment in your week, for example \u201con Monday after breakfast\u201d."),
        validators=[InputRequired(message=_l("Write when you will do it.")),
                    Length(max=200, message=_l("Write at most 200 characters."))])
    then = StringField(
        _l("\u2026 I will"),
        description=_l("One concrete thing, for example \u201ccall the adult education centre\u201d."),
        validators=[InputRequired(message=_l("Write what you will do.")),
                    Length(max=200, message=_l("Write at most 200 characters."))])


class ShareForm(AppForm):
    days = NumberField(
        _l("How many days should the link work?"),
        description=_l("From 1 to 90 days. After that the link stops working by itself."),
        type_message=_l("Enter a number of days from 1 to 90, for example 30."),
        validators=[InputRequired(message=_l("Enter a number of days from 1 to 90, for example 30.")),
                    NumberRange(min=1, max=90, message=_l("Enter a number of days from 1 to 90, for example 30."))])
    include_notes = ChoiceField(
        _l("Should your own notes be shown?"),
        choices=(("no", _l("No, only the plan")), ("yes", _l("Yes, the plan and my notes"))),
        message=_l("Choose whether your notes should be shown."),
        validators=[InputRequired(message=_l("Choose whether your notes should be shown."))])
    include_profile = ChoiceField(
        _l("Should what you have told about yourself be shown?"),
        description=_l("Your education, Swedish, jobs, competences and where you live."),
        choices=(("no", _l("No, only the plan")), ("yes", _l("Yes, the plan and what I have told about myself"))),
        message=_l("Choose whether what you have told about yourself should be shown."),
        validators=[InputRequired(message=_l("Choose whether what you have told about yourself should be shown."))])
    consent = BooleanField(
        _l("I understand that anyone who gets the link can read my plan until it stops working or I stop sharing."),
        validators=[DataRequired(message=_l("Tick the box to show that you agree to share your plan."))])


class ButtonForm(AppForm):
    """A button alone (revoke, delete, tick off, choose): the CSRF token is the only field."""


class ImportForm(AppForm):
    file = FileField(_l("Your plan file"), description=_l("A .json file you downloaded from Vägval earlier."))
