from flask import Blueprint

from app.flows.inventera.results import results_view
from app.flows.inventera.steps import FLOW
from app.flows.wizard import add_flow_routes

bp = Blueprint("inventera", __name__, url_prefix="/inventera", template_folder="templates")
add_flow_routes(bp, FLOW)


@bp.route("/resultat", methods=["GET", "POST"])
def results():
    """Occupations ranked for the person; up to 3 chosen as targets for Besluta."""
    return results_view()
