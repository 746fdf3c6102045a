"""Upptäcka's blueprint: the quick check (steps.py) and the short guide pages (guide.py)."""
from flask import Blueprint, abort, render_template, url_for

from app.content import catalogue
from app.flows.upptacka import guide as guides
from app.flows.upptacka.steps import FLOW
from app.flows.wizard import add_flow_routes

bp = Blueprint("upptacka", __name__, url_prefix="/upptacka", template_folder="templates")
add_flow_routes(bp, FLOW)


@bp.route("/las/<slug>")
def guide(slug: str):
    """Short guide pages: adult education, age and Swedish, money while studying, examples."""
    slugs = [p.slug for p in guides.PAGES]
    if slug not in slugs:
        abort(404)
    i = slugs.index(slug)
    page = guides.PAGES[i]
    view = catalogue.current()
    next_url = (url_for("upptacka.guide", slug=guides.PAGES[i + 1].slug) if i + 1 < len(guides.PAGES)
                else url_for("upptacka.step", key="goal"))
    back_url = url_for("upptacka.guide", slug=guides.PAGES[i - 1].slug) if i else url_for("upptacka.index")
    examples = [x for x in (guides.education(view, eid) for eid in guides.EXAMPLE_ROUTES) if x] if slug == "exempel" else []
    return render_template(page.template, page=page, pages=guides.PAGES, position=i + 1, facts=guides.facts(view),
                           examples=examples, next_url=next_url, back_url=back_url,
                           next_title=guides.PAGES[i + 1].title if i + 1 < len(guides.PAGES) else None,
                           page_heading=page.title)


@bp.context_processor
def _guide_pages():
    return {"guide_pages": guides.PAGES}
