from flask_babel import lazy_gettext as _l

from app.flows.besluta.forms import PrioritiesForm
from app.flows.wizard import Flow, Step

FLOW = Flow(
    name="besluta",
    title=_l("Decide"),
    lead=_l("Compare occupations and routes: time, money, Swedish and distance, for you."),
    steps=(
        Step("priorities", _l("What matters most to you in your choice?"), PrioritiesForm,
             "besluta/priorities.html"),
    ),
)
