from flask import url_for
from flask_babel import lazy_gettext as _l

from app import clock
from app.flows.agera.forms import CommitmentForm
from app.flows.wizard import Flow, Step
from app.plans.answers import Agera, Besluta


def _decided_with_a_next_step(answers: dict) -> bool:
    """Agera is done when the person has decided (chosen the route in Agera) and the plan still
    has a dated step ahead that is not done."""
    plan, progress = Besluta.of(answers).plan, Agera.of(answers).progress or {}
    if not plan or not progress.get("chosen_route"):
        return False
    done, today = set(progress.get("done") or ()), clock.today().isoformat()
    return any((s.get("apply_by") or s.get("start") or "") >= today and s.get("id") not in done
               for s in plan.get("steps") or ())


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
    done_when=_decided_with_a_next_step,
    next_link=lambda answers: (url_for("agera.next_steps"), _l("See your next steps")),
)
