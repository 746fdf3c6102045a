"""The read-only shared view of a plan: ``/delad/<token>``. No forms, no plan id, only what the
person consented to (notes only when they said so). Rate limited: tokens cannot be guessed by trying."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template
from flask_babel import gettext as _

from app.flows.agera import planned
from app.limits import limiter
from app.plans import shares
from app.wording import date_text, terms

bp = Blueprint("shared", __name__, url_prefix="/delad")

GONE_HEADINGS = {
    "revoked": lambda: _("This plan is no longer shared"),
    "expired": lambda: _("This link has expired"),
    "unknown": lambda: _("This link does not work"),
}
GONE_TEXTS = {
    "revoked": lambda: _("The person who shared the plan has stopped sharing it. Ask them for a new link if you need it."),
    "expired": lambda: _("Shared links work only for the time the person chose. Ask them for a new link if you need it."),
    "unknown": lambda: _("Check that you copied the whole link. Ask the person who shared it for a new link."),
}
GONE_STATUS = {"revoked": 410, "expired": 410, "unknown": 404}


def _limit() -> str:
    return current_app.config["RATELIMIT_SHARE"]


@bp.after_request
def _private(response):
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/<token>")
@limiter.limit(_limit, deduct_when=lambda response: response.status_code == 404)   # only guesses count
def view(token: str):
    opened = shares.open_share(token)
    if opened.state != "active":
        return render_template("share/gone.html", page_heading=GONE_HEADINGS[opened.state](),
                               text=GONE_TEXTS[opened.state]()), GONE_STATUS[opened.state]
    plan, notes, progress = planned.load(opened.plan)
    if plan is None:
        return render_template("share/gone.html", page_heading=GONE_HEADINGS["unknown"](),
                               text=GONE_TEXTS["unknown"]()), 404
    rows = planned.rows(plan, notes, progress, with_notes=opened.share.include_notes)
    goal = planned.goal_name(plan)
    profile = planned.profile(opened.plan) if opened.share.include_profile else None
    terms.without_links()                 # read-only: no controls, not even the glossary's "?"
    return render_template("share/view.html", profile=profile, page_heading=_("A shared plan: %(job)s", job=goal), goal=goal,
                           rows=rows, progress=planned.progress_text(rows), ready=date_text(plan.ready_date),
                           expires=date_text(opened.share.expires_at.date()), date_text=date_text)
