from flask_babel import lazy_gettext as _l

from app.content import catalogue
from app.flows.inventera import views
from app.flows.inventera.forms import (
    CompetencesForm,
    DriversForm,
    EducationForm,
    HomeForm,
    InterestsForm,
    OccupationsForm,
    SwedishCanDoForm,
    SwedishForm,
)
from app.flows.wizard import Flow, Step
from app.plans.answers import Inventera


def _swedish_unknown(answers: dict) -> bool:
    return Inventera.of(answers).swedish_answer == "unknown"


def _home_context(answers: dict) -> dict:
    """The municipalities the catalogue knows (none before `flask content load`: any name is taken)."""
    view = catalogue.current()
    if not view.places:
        return {}

    def find(typed: str):
        code = catalogue.find_municipality(view, typed)
        return (code, view.municipality_names[code]) if code else None
    return {"find_municipality": find}


FLOW = Flow(
    name="inventera",
    title=_l("Take stock"),
    lead=_l("What you know, what you have done and what you want: it shows which occupations fit you."),
    steps=(
        Step("education", _l("Your education"), EducationForm, "inventera/education.html"),
        Step("swedish", _l("How much Swedish do you know?"), SwedishForm, "inventera/swedish.html"),
        Step("swedish_can_do", _l("Which sentence fits your Swedish best?"), SwedishCanDoForm,
             "inventera/swedish_can_do.html", applies=_swedish_unknown),
        Step("home", _l("Where you live"), HomeForm, "inventera/home.html", form_context=_home_context),
        Step("occupations", _l("Jobs you have had"), OccupationsForm, "inventera/occupations.html",
             view=views.occupations, summarise_saved=views.summarise_occupations),
        Step("competences", _l("What can you do?"), CompetencesForm, "inventera/competences.html",
             view=views.competences, summarise_saved=views.summarise_competences),
        Step("interests", _l("What would you like to do at work?"), InterestsForm, "inventera/interests.html"),
        Step("drivers", _l("What matters to you in a job"), DriversForm, "inventera/drivers.html"),
    ),
    check_template="inventera/check_answers.html",
    index_template="inventera/index.html",
)
