from flask_babel import lazy_gettext as _l

from app.flows.inventera.forms import EducationForm, HomeForm, SwedishForm
from app.flows.wizard import Flow, Step

FLOW = Flow(
    name="inventera",
    title=_l("Take stock"),
    lead=_l("What you know, what you have done and what you want: it shows which occupations fit you."),
    steps=(
        Step("education", _l("Your education"), EducationForm, "inventera/education.html"),
        Step("swedish", _l("How much Swedish do you know?"), SwedishForm, "inventera/swedish.html"),
        Step("home", _l("Where you live"), HomeForm, "inventera/home.html"),
    ),
)
