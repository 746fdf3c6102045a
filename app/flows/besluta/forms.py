import re

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from app import clock
from app.forms import DATE_MESSAGE, AppForm, ChoiceField, DateInputField, MultiChoiceField, NumberField


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
    driving_licences = MultiChoiceField(
        _l("Which driving licences do you have?"),
        description=_l("Choose all you have. Leave empty if you have none."),
        choices=[("B", _l("B: car")), ("C", _l("C or CE: lorry")), ("D", _l("D: bus")),
                 ("YKB", _l("YKB: certificate for professional drivers"))],
        min_choices=0)
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


# --- Money over time: what the rules need to follow the person along a long route ----------------

PERMITS = (
    ("settled", _l("Swedish citizen, or a permanent residence permit")),
    ("refugee", _l("Refugee or in need of protection")),
    ("family", _l("Family reasons: I moved to join family in Sweden")),
    ("temporary_protection", _l("Temporary protection (for example from Ukraine)")),
    ("other", _l("Another permit, for example for work or studies")),
    ("unknown", _l("I do not know")),
)


def year_parts(text: str | None) -> list[str]:
    """The years typed in one field ("2015, 2019", "2015 2019", "2015;2019"), as typed."""
    return [p for p in re.split(r"[\s,;]+", text or "") if p]


class OptionalChoiceField(ChoiceField):
    """Radios that may be left unanswered (None); any other value must be one of the choices."""

    def pre_validate(self, form):
        if self.data in (None, ""):
            self.data = None
            return
        super().pre_validate(form)


YES_NO_UNKNOWN = (("yes", _l("Yes")), ("no", _l("No")), ("unknown", _l("I do not know")))
MONTH_MESSAGE = _l("Enter the month as a number from 1 to 12.")
FIELD_GROUPS = {
    "programme": ("programme_month", "programme_year"),
    "children": ("children_born",),
    "permit": ("permit", "permit_month", "permit_year"),
    "work": ("work_years", "work_months_recent", "akassa"),
    "income_before": ("income_before",),
}


def _year_field(label, description=None):
    return NumberField(label, description=description,
                       validators=[Optional(), NumberRange(min=1990, max=2100, message=_l("Enter a year with four digits, for example 2025."))],
                       type_message=_l("Enter a year with four digits, for example 2025."))


def _month_field(label):
    return NumberField(label, validators=[Optional(), NumberRange(min=1, max=12, message=MONTH_MESSAGE)],
                       type_message=MONTH_MESSAGE)


class MoneyOverTimeForm(AppForm):
    """Asked after the situation, only what matters for this person (``groups``): when the
    introduction programme started, the children's years of birth, the residence permit, the
    work history and the income before, membership of an a-kassa. Every question may be left
    empty: the result then says what it assumed."""

    programme_month = _month_field(_l("Month"))
    programme_year = _year_field(_l("Year"))
    children_born = StringField(
        _l("Which years were your children born?"),
        description=_l("For example 2015, 2019. It decides the supplements for children, which change as they grow."),
        validators=[Optional(), Length(max=120, message=_l("Write at most 120 characters."))])
    permit = OptionalChoiceField(_l("What kind of residence permit do you have?"), choices=PERMITS,
                                 message=_l("Choose the permit that fits, or \u201cI do not know\u201d."))
    permit_month = _month_field(_l("Month"))
    permit_year = _year_field(_l("Year"))
    work_years = NumberField(
        _l("In the last 14 years, about how many years have you worked in Sweden?"),
        description=_l("Count every year with a salary, also part-time. Write 0 if none."),
        validators=[Optional(), NumberRange(min=0, max=14, message=_l("Enter a number of years from 0 to 14."))],
        type_message=_l("Enter the years as a whole number, for example 8."))
    work_months_recent = NumberField(
        _l("In the last 24 months, how many months did you work?"),
        validators=[Optional(), NumberRange(min=0, max=24, message=_l("Enter a number of months from 0 to 24."))],
        type_message=_l("Enter the months as a whole number, for example 12."))
    income_before = NumberField(
        _l("Your salary per month before you became unemployed, before tax, in kronor"),
        description=_l("It decides transition study support and the activity support from an a-kassa."),
        validators=[Optional(), NumberRange(min=0, max=200000, message=_l("Enter an amount from 0 to 200 000 kronor."))],
        type_message=_l("Enter the amount in whole kronor, for example 26000."))
    akassa = OptionalChoiceField(_l("Are you a member of an unemployment insurance fund (a-kassa)?"),
                                 choices=YES_NO_UNKNOWN, message=_l("Choose yes, no or \u201cI do not know\u201d."))

    def __init__(self, *args, groups: tuple[str, ...] | None = None, children: int = 0, **kwargs):
        """``groups``: the questions that matter for this person (steps.py says which, from the
        answers); without it (the check-answers summary) every group."""
        super().__init__(*args, **kwargs)
        self.groups = tuple(FIELD_GROUPS) if groups is None else tuple(groups)
        self.children = children

    def asks(self, group: str) -> bool:
        return group in self.groups

    def validate(self, extra_validators=None):
        asked = {name for g in self.groups for name in FIELD_GROUPS[g]}
        for group in FIELD_GROUPS.values():
            for name in group:
                if name not in asked:
                    field = self[name]
                    field.data, field.raw_data = None, []
                    field.validators = [Optional()]
        ok = super().validate(extra_validators)
        for month, year in (("programme_month", "programme_year"), ("permit_month", "permit_year")):
            if month in asked and not self[month].errors and not self[year].errors \
                    and (self[month].data is None) != (self[year].data is None):
                missing = self[month] if self[month].data is None else self[year]
                missing.errors.append(_l("Enter both the month and the year, or leave both empty."))
                ok = False
            if month in asked:
                before = len(self[year].errors)
                self._not_future(month, year)
                ok = ok and len(self[year].errors) == before
        return ok

    def _not_future(self, month: str, year: str) -> None:
        m, y = self[month].data, self[year].data
        if m and y and (y, m) > (clock.today().year, clock.today().month):
            self[year].errors.append(_l("The date cannot be in the future."))

    def validate_children_born(self, field):
        if not field.data:
            field.data = ""
            return
        parts = year_parts(field.data)
        if not all(re.fullmatch(r"\d{4}", p) and 1990 <= int(p) <= 2100 for p in parts):
            raise ValidationError(_l("Write each year with four digits, separated by commas, for example 2015, 2019."))
        if self.children and len(parts) > self.children:
            raise ValidationError(ngettext("You said %(num)s child under 18: write at most %(num)s year.",
                                           "You said %(num)s children under 18: write at most %(num)s years.",
                                           self.children))



# --- Choosing a route and editing the plan (each a small POST form) ----------------------------

class PlanForm(AppForm):
    """The plan page's small forms carry a prefix (one per step), so the form-level CSRF field
    would be renamed; CSRFProtect already checks the plain ``csrf_token`` on every POST."""

    class Meta:
        csrf = False


class ChooseRouteForm(AppForm):
    route = HiddenField()




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


class UndoForm(PlanForm):
    pass
