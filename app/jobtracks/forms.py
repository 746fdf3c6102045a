"""The counsellor's forms for job tracks and employer profiles. Field types are checked here; what
the item means (references, dates, intakes) is checked by ``app.content.local`` and its problems
are put at the fields by ``editing.place_problems``."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, FieldList, FormField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from app.forms import DATE_MESSAGE, AppForm, DateInputField, MultiChoiceField, NumberField

TEXT_MAX = 2000


class StepForm(AppForm):
    class Meta:
        csrf = False

    education = SelectField(_l("An education from the catalogue"), choices=[], validate_choice=False)
    label = StringField(_l("Or a step of your own: its name"), validators=[Length(max=300, message=_l("Shorten the name to at most 300 characters."))])
    weeks = NumberField(_l("Length in weeks"), type_message=_l("Enter the number of weeks, for example 8."))
    kind = SelectField(_l("Kind of step"), validate_choice=False, choices=[
        SelectChoice("training", _l("Training")), SelectChoice("praktik", _l("Work practice")),
        SelectChoice("language", _l("Swedish for the work"))])


class IntakeForm(AppForm):
    class Meta:
        csrf = False

    start = DateInputField(_l("Start date"), validators=[Optional()])
    apply_by = DateInputField(_l("Last day to apply"), validators=[Optional()])


class _ItemForm(AppForm):
    title = StringField(_l("Name"), validators=[InputRequired(message=_l("Write a name.")),
                                                Length(max=300, message=_l("Shorten the name to at most 300 characters."))])
    municipalities = MultiChoiceField(_l("For people living in"), message=_l("Choose at least one municipality."))
    swedish_level = SelectField(_l("The Swedish the work really takes"), choices=[], validate_choice=False)
    contact_name = StringField(_l("Contact person"), validators=[Length(max=200, message=_l("Shorten to at most 200 characters."))])
    contact_email = StringField(_l("Contact email"), validators=[Length(max=200, message=_l("Shorten to at most 200 characters."))])
    contact_phone = StringField(_l("Contact phone"), validators=[Length(max=50, message=_l("Shorten to at most 50 characters."))])
    contact_url = StringField(_l("Web page (https://…)"), validators=[Length(max=500, message=_l("Shorten to at most 500 characters."))])
    valid_from = DateInputField(_l("Valid from"), validators=[InputRequired(message=DATE_MESSAGE)])
    valid_to = DateInputField(_l("Valid to"), validators=[InputRequired(message=DATE_MESSAGE)])
    save_draft = SubmitField(_l("Save as draft"))
    publish = SubmitField(_l("Publish"))


class TrackForm(_ItemForm):
    description = TextAreaField(_l("What the track is"), validators=[Length(max=TEXT_MAX, message=_l("Shorten the text to at most 2000 characters."))])
    employers = StringField(_l("Employers (separate with commas)"), validators=[Length(max=500, message=_l("Shorten to at most 500 characters."))])
    industry = StringField(_l("Industry"), validators=[Length(max=200, message=_l("Shorten to at most 200 characters."))])
    place = StringField(_l("Where the track is held"), validators=[Length(max=200, message=_l("Shorten to at most 200 characters."))])
    steps = FieldList(FormField(StepForm), min_entries=4, max_entries=8)
    continuous = BooleanField(_l("Continuous intake (no fixed dates)"))
    intakes = FieldList(FormField(IntakeForm), min_entries=3, max_entries=6)
    registered_af = BooleanField(_l("Participants must be registered at Arbetsförmedlingen"), default=True)
    other = TextAreaField(_l("Other conditions"), validators=[Length(max=TEXT_MAX, message=_l("Shorten the text to at most 2000 characters."))])
    how = TextAreaField(_l("How to apply"), validators=[Length(max=TEXT_MAX, message=_l("Shorten the text to at most 2000 characters."))])
    profile = SelectField(_l("Employer competence profile"), choices=[], validate_choice=False)


class ProfileForm(_ItemForm):
    employer = StringField(_l("Employer"), validators=[InputRequired(message=_l("Write the employer's name.")),
                                                       Length(max=300, message=_l("Shorten the name to at most 300 characters."))])
    needed = MultiChoiceField(_l("Competences the employer needs"), message=_l("Tick at least one competence the employer needs."))
    learned_on_job = MultiChoiceField(_l("Of those, learned at work"), min_choices=0)


class ButtonForm(AppForm):
    """A button alone (close): the CSRF token is its only field."""
