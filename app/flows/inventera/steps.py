from flask_babel import lazy_gettext as _l

from app.flows.inventera import views
from app.flows.inventera.forms import (
    CompetencesForm, DriversForm, EducationForm, HomeForm, InterestsForm, OccupationsForm,
    SwedishCanDoForm, SwedishForm,
)
from app.flows.wizard import Flow, Step


def _swedish_unknown(answers: dict) -> bool:
    return answers.get("inventera.swedish", {}).get("level") == "unknown"


FLOW = Flow(
    name="inventera",
    title=_l("Take stock"),
    lead=_l("What you know, what you have done and what you want: it shows which occupations fit you."),
    steps=(
        Step("education", _l("Your education"), EducationForm, "inventera/education.html"),
        Step("swedish", _l("How much Swedish do you know?"), SwedishForm, "inventera/swedish.html"),
        Step("swedish_can_do", _l("Which sentence fits your Swedish best?"), SwedishCanDoForm,
             "inventera/swedish_can_do.html", applies=_swedish_unknown),
        Step("home", _l("Where you live"), HomeForm, "inventera/home.html"),
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
