from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import FieldList, FormField, HiddenField, StringField
from wtforms import Form as WTForm
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from app.forms import AppForm, ChoiceField, MultiChoiceField, NumberField


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
                 ("native", _l("Swedish is my first language")),
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

    def __init__(self, *args, find_municipality=None, **kwargs):
        """``find_municipality(typed)`` gives (kommunkod, name) or None; without it (no catalogue
        loaded) any name is taken as typed."""
        super().__init__(*args, **kwargs)
        self.find_municipality = find_municipality

    def validate_municipality(self, field):
        """One of Sweden's 290 municipalities, however it is typed (when the catalogue knows them)."""
        if self.find_municipality is None:
            return
        found = self.find_municipality(field.data or "")
        self.kommunkod = found[0] if found else None
        if self.kommunkod is None:
            # gettext, not a lazy string: a lazy one is marked safe, with what was typed unescaped.
            raise ValidationError(_("We do not know a municipality called “%(name)s”. "
                                    "Check the spelling, for example Malmö or Upplands Väsby.", name=field.data))
        field.data = found[1]

    def answer_data(self) -> dict:
        data = super().answer_data()
        data["kommunkod"] = getattr(self, "kommunkod", None)
        return data


# --- "I don't know" my Swedish level: plain can-do statements mapped onto the level scale -----
# The statements are the `can_do` texts of app/content/files/language_levels.yaml (en as msgid).

CAN_DO = (
    ("none", _l("I can't speak or read Swedish yet.")),
    ("sfi_a", _l("I can say my name and understand a few common words. I am learning to read and write.")),
    ("sfi_b", _l("I can greet people, shop and ask about simple things. I understand people who speak "
                 "slowly about everyday things.")),
    ("sfi_c", _l("I can talk about myself, my family and my work. I can read short texts and fill in "
                 "simple forms.")),
    ("sfi_d", _l("I can manage most conversations in daily life and at work. I can write a short email and "
                 "understand news in easy Swedish.")),
    ("sas_grund", _l("I can read and write longer texts, such as instructions at work, and give my opinion "
                     "in a meeting.")),
)


class SwedishCanDoForm(AppForm):
    level = ChoiceField(
        _l("Which sentence fits your Swedish best?"),
        description=_l("Choose the last sentence that is true for you. It is fine to guess."),
        choices=CAN_DO,
        message=_l("Choose the sentence that fits your Swedish best."))


# --- Occupations you have had: one row per occupation, added through the catalogue search -----

WHERE_CHOICES = (("sweden", _l("In Sweden")), ("abroad", _l("In another country")))


class OccupationRowForm(WTForm):
    """One occupation the person has had; label and group come from the saved answer, never the form."""

    occupation_id = HiddenField()
    years = NumberField(
        _l("Years in this job"),
        validators=[InputRequired(message=_l("Enter how many years you worked in this job, for example 2.")),
                    NumberRange(min=0, max=60, message=_l("Enter a number of years from 0 to 60."))],
        type_message=_l("Enter the years as a whole number, for example 2."))
    where = ChoiceField(_l("Where did you work?"), choices=WHERE_CHOICES,
                        message=_l("Choose where you did this job."))


class OccupationsForm(AppForm):
    occupations = FieldList(FormField(OccupationRowForm), min_entries=0, max_entries=20)
    never_worked = MultiChoiceField(
        _l("If you have never had a job"),
        choices=[("yes", _l("I have never had a paid job"))], min_choices=0)

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if not self.occupations.entries and not self.never_worked.data:
            self.never_worked.errors = [_l("Add at least one job you have had, or tick "
                                           "\u201cI have never had a paid job\u201d.")]
            ok = False
        return ok


# --- Competences: proposed from the occupations, confirmed by the person ----------------------

class CompetencesForm(AppForm):
    skills = MultiChoiceField(_l("What can you do?"), min_choices=0)
    none_fit = MultiChoiceField(
        _l("If none of these fit"),
        choices=[("yes", _l("None of these fit me"))], min_choices=0)

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if ok and not self.skills.data and not self.none_fit.data:
            self.none_fit.errors = [_l("Tick what you can do, or tick \u201cNone of these fit me\u201d.")]
            ok = False
        return ok


# --- Interests: 18 plain statements, three per RIASEC letter ---------------------------------

INTERESTS = (
    ("r_build", "R", _l("Repair or build things with my hands")),
    ("r_machines", "R", _l("Drive a vehicle or work with machines")),
    ("r_outdoors", "R", _l("Work outdoors, in a park, a forest or on a building site")),
    ("i_why", "I", _l("Find out why something does not work")),
    ("i_science", "I", _l("Learn how the body, nature or technology works")),
    ("i_numbers", "I", _l("Solve problems with numbers or computers")),
    ("a_design", "A", _l("Draw, paint, design or decorate")),
    ("a_media", "A", _l("Make music, photos or films")),
    ("a_food", "A", _l("Invent new dishes or new ways of doing things")),
    ("s_care", "S", _l("Help people who are ill or old")),
    ("s_teach", "S", _l("Teach or explain things to others")),
    ("s_listen", "S", _l("Listen to people and support them")),
    ("e_sell", "E", _l("Sell things or persuade others")),
    ("e_lead", "E", _l("Lead a group or be in charge")),
    ("e_business", "E", _l("Start and run my own business")),
    ("c_order", "C", _l("Keep things in order: sort, count and check")),
    ("c_office", "C", _l("Work with lists, papers and computers in an office")),
    ("c_routines", "C", _l("Follow clear instructions and routines")),
)


class InterestsForm(AppForm):
    likes = MultiChoiceField(
        _l("What would you like to do at work?"),
        description=_l("Tick everything you would like. There are no wrong answers."),
        choices=[(key, label) for key, _letter, label in INTERESTS],
        message=_l("Tick at least one thing you would like to do."))


def riasec_scores(likes: list[str] | None) -> dict[str, float]:
    """Share of the three statements per RIASEC letter the person ticked (0..1)."""
    letters = {key: letter for key, letter, _ in INTERESTS}
    out = {letter: 0.0 for letter in "RIASEC"}
    for key in likes or ():
        if key in letters:
            out[letters[key]] += 1 / 3
    return {k: round(v, 3) for k, v in out.items()}


# --- What matters in a job ------------------------------------------------------------------

EDUCATION_WEEKS = {"20": 20, "40": 40, "80": 80, "any": None}


class DriversForm(AppForm):
    work_with = MultiChoiceField(
        _l("What do you like to work with most?"),
        choices=[("people", _l("People: helping, serving, teaching")),
                 ("things", _l("Things: tools, machines, materials, food")),
                 ("information", _l("Information: texts, numbers, computers"))],
        message=_l("Choose at least one: people, things or information."))
    physical = ChoiceField(
        _l("Can the work be physically hard?"),
        choices=[("yes", _l("Yes, that is fine")), ("some", _l("Some, but not all day")),
                 ("no", _l("No, I need work that is not heavy"))],
        message=_l("Choose how physically hard the work can be."))
    place = ChoiceField(
        _l("Where do you want to work?"),
        choices=[("indoor", _l("Indoors")), ("outdoor", _l("Outdoors")), ("any", _l("Either is fine"))],
        message=_l("Choose indoors, outdoors or either."))
    hours = ChoiceField(
        _l("When can you work?"),
        choices=[("day", _l("Only daytime on weekdays")),
                 ("evenings", _l("Also evenings and weekends")),
                 ("any", _l("Any time, also nights"))],
        message=_l("Choose when you can work."))
    pay = ChoiceField(
        _l("How important is high pay to you?"),
        choices=[("very", _l("Very important")), ("some", _l("Quite important")),
                 ("little", _l("Not so important"))],
        message=_l("Choose how important pay is to you."))
    education_weeks = ChoiceField(
        _l("How long an education could you think of?"),
        description=_l("Full-time study. Many educations can also be taken part-time."),
        choices=[("20", _l("Up to about 5 months")), ("40", _l("Up to about 1 year")),
                 ("80", _l("Up to about 2 years")), ("any", _l("Longer is fine too"))],
        message=_l("Choose how long an education could be."))


class TargetsForm(AppForm):
    targets = MultiChoiceField(
        _l("Choose up to 3 occupations to look at more closely"),
        min_choices=1, max_choices=3,
        message=_l("Choose at least one occupation to look at more closely."),
        max_message=_l("Choose at most 3 occupations."))
