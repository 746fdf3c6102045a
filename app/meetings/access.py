"""Who may see the plan on this request: the checks that run on every request of a meeting.

A counsellor who has entered an allowed meeting works on the person's plan through the ordinary
pages of the four areas: before each such request the meeting is read from the database and
checked (this counsellor's, allowed, not ended or timed out); only then is ``g.meeting_plan_id``
set, which ``store.current_plan()`` answers with. An ended meeting answers 410 at once. Actions that
would take the plan out of the person's hands (delete, replace, export, share, a new resume code,
"forget me") are refused to the counsellor (403). Every counsellor request is audited; a POST that
succeeds moves the meeting's version on, so the other screen shows it.
"""
from __future__ import annotations

from flask import g, render_template, request, session
from flask_babel import lazy_gettext as _l

from app.counsellors import accounts
from app.meetings import store as meetings
from app.plans import store

PLAN_AREAS = {"upptacka", "inventera", "besluta", "agera"}
PLAN_PAGES = {"main.home"}
NOT_FOR_COUNSELLORS = {"main.save", "main.resume", "main.forget", "agera.delete", "agera.import_plan",
                       "agera.share", "agera.revoke", "agera.share_qr", "agera.export_json", "agera.export_ics",
                       "agera.export_pdf", "besluta.basis_pdf"}


def _area() -> str:
    return request.blueprint if request.blueprint in PLAN_AREAS else "start"


def _touches_the_plan() -> bool:
    endpoint = request.endpoint or ""
    return request.blueprint in PLAN_AREAS or endpoint in PLAN_PAGES or endpoint in NOT_FOR_COUNSELLORS


def ended_page():
    return render_template("meetings/ended.html", page_heading=_l("This meeting has ended")), 410


def _check_counsellor():
    if not request.cookies.get(accounts.cookie_name()) or not _touches_the_plan():
        return None
    me = accounts.current_counsellor()
    row = accounts.session_row()
    if me is None or row is None or not row.meeting_id:
        return None
    meeting = meetings.get(row.meeting_id)
    if meeting is not None and meeting.counsellor_id == me.id and meeting.state == "requested":
        return render_template("meetings/counsellor_waiting.html", meeting=meeting,
                               page_heading=_l("Waiting for the person to allow")), 403
    if meeting is None or meeting.counsellor_id != me.id or meeting.state != "active":
        return ended_page()          # until the counsellor goes back to their start page
    if request.endpoint in NOT_FOR_COUNSELLORS:
        return render_template("meetings/not_in_meeting.html",
                               page_heading=_l("Only the person can do this")), 403
    g.meeting, g.meeting_role, g.meeting_plan_id = meeting, "counsellor", meeting.plan_id
    meetings.touch(meeting)
    meetings.audit(meeting, "changed" if request.method == "POST" else "viewed", _area())
    return None


def person_meeting():
    """The person's live meeting on this browser's plan (once per request), or None."""
    if "person_meeting" not in g:
        g.person_meeting = None
        if g.get("meeting_role") != "counsellor" and session_has_plan() and session.get(MEETING_FLAG):
            g.person_meeting = meetings.live_for_plan(store.current_plan())
            if g.person_meeting is None:
                session.pop(MEETING_FLAG, None)      # over: the next pages ask the database no more
    return g.person_meeting


# Set in the browser that invited a counsellor: only its pages look for a live meeting (every other
# page view of every other person would otherwise cost a query for a meeting that does not exist).
MEETING_FLAG = "meeting_invited"


def session_has_plan() -> bool:
    from flask import session

    return bool(session.get(store.SESSION_KEY))


def _after(response):
    """A change that succeeded (a POST on a plan page) moves the meeting's version on."""
    if request.method != "POST" or response.status_code >= 400 or request.blueprint not in PLAN_AREAS:
        return response
    if g.get("meeting_role") == "counsellor":
        meetings.changed(g.meeting, "counsellor", _area())
    else:
        meeting = person_meeting()
        if meeting is not None and meeting.state == "active":
            meetings.touch(meeting)
            meetings.changed(meeting, "person", _area())
    return response


def init_app(app) -> None:
    app.before_request(_check_counsellor)
    app.after_request(_after)
