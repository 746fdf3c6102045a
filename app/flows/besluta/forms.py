from flask_babel import lazy_gettext as _l
from wtforms import DateField, HiddenField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from app.forms import AppForm, ChoiceField, MultiChoiceField, NumberField


class PrioritiesForm(AppForm):
    priorities = MultiChoiceField(
        _l("What matters most to you in your choice?"),
        choices=[("quick_job", _l("Getting a job quickly")),
                 ("pay", _l("Good pay")),
                 ("outlook", _l("Many jobs now and later")),
                 ("near_home", _l("Studying and working near home")),
                 ("short_education", _l("A short education")),
                 ("paid_study", _l("Being paid while I study")),
                 ("swedish_in_study", _l("Learning Swedish at the same time")),
                 ("interest", _l("Work I find interesting"))],
        max_choices=3,
        message=_l("Choose at least one thing that matters to you."),
        max_message=_l("Choose at most 3 things, the ones that matter most."))


# --- Your situation now: what the engine needs to date routes and estimate money -------------

SITUATIONS = (
    ("unemployed_registered", _l("Unemployed and registered at Arbetsförmedlingen")),
    ("etableringsprogram", _l("In the introduction programme (etableringsprogrammet)")),
    ("employed", _l("Employed")),
    ("other", _l("Something else")),
)


class SituationForm(AppForm):
    birth_year = NumberField(
        _l("Year of birth"), description=_l("For example 1988."),
        validators=[InputRequired(message=_l("Enter the year you were born, for example 1988.")),
                    NumberRange(min=1940, max=2010, message=_l("Enter a year of birth from 1940 to 2010."))],
        type_message=_l("Enter the year as four digits, for example 1988."))
    situation = ChoiceField(_l("What is your situation now?"), choices=SITUATIONS,
                            message=_l("Choose the situation that fits you now."))
    children = NumberField(
        _l("How many children under 18 live with you?"), description=_l("Write 0 if none."),
        validators=[InputRequired(message=_l("Enter how many children under 18 live with you, or 0.")),
                    NumberRange(min=0, max=10, message=_l("Enter a number of children from 0 to 10."))],
        type_message=_l("Enter the number of children as a whole number, for example 2."))
    income = NumberField(
        _l("Your income per month before tax now, in kronor (optional)"),
        description=_l("Salary, benefits and allowances together. Leave empty if you do not want to say."),
        validators=[Optional(), NumberRange(min=0, max=200000,
                                            message=_l("Enter an amount from 0 to 200 000 kronor."))],
        type_message=_l("Enter the amount in whole kronor, for example 12000."))
    upper_secondary = ChoiceField(
        _l("Have you completed a 3-year upper secondary education (gymnasium)?"),
        description=_l("In Sweden or in another country."),
        choices=[("yes", _l("Yes")), ("no", _l("No"))],
        message=_l("Choose yes or no."))

    def __init__(self, *args, ask_upper_secondary: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # Asked only when Inventera's education answer does not already tell (steps.py says).
        self.ask_upper_secondary = ask_upper_secondary

    def validate(self, extra_validators=None):
        if not self.ask_upper_secondary:
            self.upper_secondary.pre_validate = lambda form: None
            self.upper_secondary.data = None
        return super().validate(extra_validators)


# --- Choosing a route and editing the plan (each a small POST form) ----------------------------

class PlanForm(AppForm):
    """The plan page's small forms carry a prefix (one per step), so the form-level CSRF field
    would be renamed; CSRFProtect already checks the plain ``csrf_token`` on every POST."""

    class Meta:
        csrf = False


class ChooseRouteForm(AppForm):
    route = HiddenField()


DATE_MESSAGE = _l("Enter a date, for example 2027-01-18.")


class DateInputField(DateField):
    """A date (``<input type=date>``, ISO format) whose wrong-format message is ours."""

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0]:
            self.data = None
            return
        from datetime import date

        try:
            self.data = date.fromisoformat(valuelist[0].strip())
        except ValueError:
            self.data = None
            raise ValueError(DATE_MESSAGE) from None


class MoveStepForm(PlanForm):
    start = DateInputField(_l("New start date"), validators=[InputRequired(message=DATE_MESSAGE)])

    def validate_start(self, field):
        _in_range(field)


class AddStepForm(PlanForm):
    title = StringField(_l("What will you do?"), validators=[
        InputRequired(message=_l("Write what you will do, for example \u201cVisit the job fair\u201d.")),
        Length(max=120, message=_l("Write at most 120 characters."))])
    start = DateInputField(_l("Date"), validators=[InputRequired(message=DATE_MESSAGE)])

    def validate_start(self, field):
        _in_range(field)


def _in_range(field):
    from datetime import date

    from wtforms.validators import ValidationError

    if field.data and not date(2000, 1, 1) <= field.data <= date(2100, 12, 31):
        raise ValidationError(_l("Enter a date between the years 2000 and 2100."))


class NoteForm(PlanForm):
    note = TextAreaField(_l("Your notes"), validators=[
        Length(max=500, message=_l("Write at most 500 characters."))])


class RemoveStepForm(PlanForm):
    pass
