from flask import Blueprint

from app.flows.besluta import views
from app.flows.besluta.steps import FLOW
from app.flows.wizard import add_flow_routes

bp = Blueprint("besluta", __name__, url_prefix="/besluta", template_folder="templates")
add_flow_routes(bp, FLOW)


@bp.route("/yrke/<ssyk>")
def occupation(ssyk: str):
    """The decision basis for one target: the work, the gap, the routes for this person."""
    return views.occupation_view(ssyk)


@bp.route("/yrke/<ssyk>/jamfor")
def compare(ssyk: str):
    """The routes to one target side by side."""
    return views.compare_view(ssyk)


@bp.route("/yrke/<ssyk>/valj", methods=["POST"])
def choose(ssyk: str):
    """Choose a route: it becomes the plan."""
    return views.choose_view(ssyk)


@bp.route("/plan")
def plan():
    """The plan as a dated timeline; ``?print=1`` is the printable decision basis."""
    return views.plan_view()


@bp.route("/plan/steg/<step_id>/<any(move, note, remove):action>", methods=["POST"])
def edit_step(step_id: str, action: str):
    """Move a step's date, write notes on it, or remove it."""
    return views.edit_step_view(step_id, action)


@bp.route("/plan/angra", methods=["POST"])
def undo():
    """Put back the step removed last."""
    return views.undo_view()


@bp.route("/plan/steg", methods=["POST"])
def add_step():
    """Add your own step (title and date)."""
    return views.add_step_view()
