from flask_babel import lazy_gettext as _l

from app.flows.agera.forms import CommitmentForm
from app.flows.wizard import Flow, Step
from app.plans.answers import Besluta


def _index_context(answers: dict) -> dict:
    return {"has_plan": Besluta.of(answers).has_plan}


FLOW = Flow(
    name="agera",
    title=_l("Act"),
    lead=_l("Make your decision and take the first step: what you will do, and when."),
    steps=(
        Step("commitment", _l("Your first step"), CommitmentForm, "agera/commitment.html"),
    ),
    index_template="agera/index.html",
    index_context=_index_context,
    after_last="agera.next_steps",      # the commitment is shown there, next to the steps it is about
)
