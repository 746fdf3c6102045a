from flask_babel import lazy_gettext as _l

from app.flows.agera.forms import CommitmentForm
from app.flows.wizard import Flow, Step

FLOW = Flow(
    name="agera",
    title=_l("Act"),
    lead=_l("Make your decision and take the first step: what you will do, and when."),
    steps=(
        Step("commitment", _l("Your first step"), CommitmentForm, "agera/commitment.html"),
    ),
)
