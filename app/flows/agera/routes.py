from flask import Blueprint

from app.flows.agera import shared, views
from app.flows.agera.steps import FLOW
from app.flows.wizard import add_flow_routes

bp = Blueprint("agera", __name__, url_prefix="/agera", template_folder="templates")
add_flow_routes(bp, FLOW)
# The read-only shared view lives at /delad/<token>, outside /agera: registered with this blueprint.
bp.record_once(lambda state: state.app.register_blueprint(shared.bp))


@bp.route("/nasta")
def next_steps():
    """What to do this week and next, with deadlines and where to do it; tick off as done."""
    return views.next_steps_view()


@bp.route("/steg/<step_id>/klar", methods=["POST"])
def toggle_done(step_id: str):
    """Mark a step as done (or not done again)."""
    return views.toggle_done_view(step_id)


@bp.route("/valj", methods=["POST"])
def choose_route():
    """The decision moment: "I choose this route"."""
    return views.choose_route_view()


@bp.route("/dela", methods=["GET", "POST"])
def share():
    """Share the plan by consent: how long, with or without notes; the active links."""
    return views.share_view()


@bp.route("/dela/<share_id>/stoppa", methods=["POST"])
def revoke(share_id: str):
    """Stop sharing: the link answers "no longer shared" at once."""
    return views.revoke_view(share_id)


@bp.route("/dela/<share_id>/qr.svg")
def share_qr(share_id: str):
    """The share link as a QR code (SVG) to open on a phone."""
    return views.qr_view(share_id)


@bp.route("/radera", methods=["GET", "POST"])
def delete():
    """Delete the plan, with a confirmation page."""
    return views.delete_view()


@bp.route("/plan.ics")
def export_ics():
    return views.ics_view()


@bp.route("/plan.json")
def export_json():
    return views.json_view()


@bp.route("/plan.pdf")
def export_pdf():
    return views.pdf_view()


@bp.route("/ladda-upp", methods=["GET", "POST"])
def import_plan():
    """Upload a plan file (JSON) exported earlier: it becomes this browser's plan."""
    return views.import_view()
