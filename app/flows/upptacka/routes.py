from flask import Blueprint

from app.flows.upptacka.guide import guide_view
from app.flows.upptacka.steps import FLOW
from app.flows.wizard import add_flow_routes

bp = Blueprint("upptacka", __name__, url_prefix="/upptacka", template_folder="templates")
add_flow_routes(bp, FLOW)


@bp.route("/las/<slug>")
def guide(slug: str):
    """Short guide pages: adult education, age and Swedish, money while studying, examples."""
    return guide_view(slug)


@bp.context_processor
def _guide_pages():
    from app.flows.upptacka.guide import PAGES

    return {"guide_pages": PAGES}
