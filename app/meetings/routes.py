"""The person's side of a meeting (``/mote``): invite with a code, allow or decline, the shared plan,
the big screen, hand-over, end; the bar every page shows during a meeting and its version endpoint;
"Who has seen my plan"."""
from __future__ import annotations

from flask import Blueprint, abort, flash, g, make_response, redirect, render_template, request, session, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from app import clock, sessions, wording
from app.counsellors import accounts
from app.engine.plan import add_own_step
from app.exports import qr_data_uri
from app.i18n import current_locale_info
from app.meetings import access, views
from app.meetings import store as meetings
from app.meetings.forms import ButtonForm, CommentForm, ScreenForm
from app.plans import answers, schema, store

bp = Blueprint("meetings", __name__, url_prefix="/mote", template_folder="templates")
CODE_KEY = "meeting_code"


def _locale() -> str:
    return str(get_locale() or "sv")


def role_and_meeting():
    """("counsellor" | "person", meeting) for this request, or (None, None)."""
    if request.cookies.get(accounts.cookie_name()):
        me = accounts.current_counsellor()
        row = accounts.session_row()
        if me is not None and row is not None and row.meeting_id:
            meeting = meetings.get(row.meeting_id)
            if meeting is not None and meeting.counsellor_id == me.id:
                g.meeting_plan_id = meeting.plan_id if meeting.state == "active" else None
                return "counsellor", meeting
    plan = store.current_plan() if access.session_has_plan() else None
    meeting = meetings.latest_for_plan(plan)
    return ("person", meeting) if meeting is not None else (None, None)


def _person_meeting_or_404():
    role, meeting = role_and_meeting()
    if role != "person":
        abort(404)
    return meeting


def _issued_code(meeting) -> str | None:
    held = session.get(CODE_KEY) or {}
    if meeting is None or held.get("id") != meeting.id or meeting.state != "invited":
        return None
    return sessions.unseal("meeting_code", str(held.get("code", "")))


@bp.route("/", methods=["GET", "POST"])
def index():
    """Meet with a counsellor: get a code, then answer the counsellor's request, then the meeting."""
    form = ButtonForm()
    if form.validate_on_submit():
        invite = meetings.invite(store.get_or_create_plan())
        session[CODE_KEY] = {"id": invite.meeting.id, "code": sessions.seal("meeting_code", invite.code)}
        session[access.MEETING_FLAG] = True
        return redirect(url_for("meetings.index"), 303)
    plan = store.current_plan() if access.session_has_plan() else None
    meeting = meetings.live_for_plan(plan)
    ctx = {"form": form, "meeting": meeting, "code": None, "qr": None, "until": None}
    if meeting is not None and meeting.state == "invited":
        ctx["code"] = _issued_code(meeting)
        if ctx["code"]:
            ctx["qr"] = qr_data_uri(url_for("meetings_counsellor.join", kod=ctx["code"], _external=True))
        ctx["until"] = views.clock_time(meeting.code_expires_at)
        heading = _l("Your meeting code")
    elif meeting is not None and meeting.state == "requested":
        heading = _l("Do you allow the counsellor to see your plan?")
    elif meeting is not None:
        heading = _l("Meeting with %(who)s", who=meeting.counsellor_label)
        ctx.update(views.shared_view(plan, meeting), screen=ScreenForm(data={"parts": meeting.screen}),
                   comment_form=CommentForm(), handover=_handover())
    else:
        heading = _l("Meet with a counsellor")
    return render_template("meetings/index.html", page_heading=heading, **ctx)


def _handover():
    held = session.get("handover_code")
    code = sessions.unseal("handover", held) if held else None
    if not code or not store.code_is_current(store.current_plan(), code):
        return None
    link = url_for("main.resume", kod=code, _external=True)
    return {"code": code, "link": link, "qr": qr_data_uri(link)}


@bp.route("/svar", methods=["POST"])
def answer():
    """Allow or decline the counsellor who entered the code."""
    meeting = _person_meeting_or_404()
    if ButtonForm().validate_on_submit():
        if request.form.get("answer") == "allow":
            meeting.person_locale = _locale()
            meetings.allow(meeting)
            flash(_("You are in a meeting. The counsellor can now see and change your plan."), "success")
        else:
            meetings.decline(meeting)
            flash(_("You said no. The counsellor cannot see your plan."), "success")
    return redirect(request.form.get("back") if _local(request.form.get("back")) else url_for("meetings.index"), 303)


def _local(url: str | None) -> bool:
    return bool(url) and url.startswith("/") and not url.startswith("//")


@bp.route("/avsluta", methods=["POST"])
def end():
    """The person ends the meeting: the counsellor's access ends at once."""
    meeting = _person_meeting_or_404()
    if ButtonForm().validate_on_submit() and meeting.state in meetings.LIVE:
        was_active = meeting.state == "active"
        meetings.end(meeting, "person")
        if was_active:
            views.save_summary(store.current_plan(), meeting, meeting.person_locale)
        flash(_("The meeting has ended. The counsellor can no longer see your plan."), "success")
    return redirect(url_for("meetings.summary") if meeting.allowed_at else url_for("meetings.index"), 303)


@bp.route("/sammanfattning")
def summary():
    """The summaries saved to the plan, printable (in the person's language and in Swedish)."""
    items = store.answers_for(store.current_plan(), answers.MEETING_SUMMARIES).get("items") or []
    return render_template("meetings/summary.html", page_heading=_l("Summary of your meetings"),
                           items=list(reversed(items)))


@bp.route("/overlamna", methods=["POST"])
def handover():
    """A QR code that opens this plan on the person's own phone (a fresh resume code)."""
    _person_meeting_or_404()
    if ButtonForm().validate_on_submit():
        issued = store.issue_resume_code(store.current_plan())
        session["handover_code"] = sessions.seal("handover", issued.code)
    return redirect(url_for("meetings.index") + "#handover", 303)


@bp.route("/skarm", methods=["GET", "POST"])
def screen():
    """The big screen for the meeting room: the plan large, only what the person chose to show."""
    role, meeting = role_and_meeting()
    if meeting is None or meeting.state != "active":
        return access.ended_page() if role else abort(404)
    if request.method == "POST":
        form = ScreenForm()
        if role == "person" and form.validate_on_submit():
            meetings.set_screen(meeting, form.parts.data or [])
        return redirect(url_for("meetings.index") + "#screen", 303)
    plan = store.current_plan()
    current_locale_info()                    # the page's own lang and dir, before any force_locale
    locales = [_locale()]
    if "swedish" in meeting.screen and meeting.person_locale != "sv":
        locales = [meeting.person_locale, "sv"]          # the person's language and Swedish side by side
    rendered = []
    for locale in locales:
        with force_locale(locale):
            view = views.shared_view(plan, meeting, meeting.screen)
            rendered.append(Markup(render_template("meetings/_screen_column.html", view=view, locale=locale)))
    return render_template("meetings/screen.html", page_heading=_l("Our plan"), columns=rendered,
                           two=len(rendered) > 1)


@bp.route("/kommentar", methods=["POST"])
def comment():
    role, meeting = role_and_meeting()
    if meeting is None or meeting.state != "active":
        return access.ended_page() if role else abort(404)
    form = CommentForm()
    if form.validate_on_submit():
        meetings.comment(meeting, role, form.step.data or "", form.text.data)
    else:
        flash(form.text.errors[0] if form.text.errors else _("Write a comment."), "error")
    return redirect(_meeting_page(role, meeting) + f"#step-{form.step.data or ''}", 303)


def _meeting_page(role: str, meeting) -> str:
    return url_for("meetings_counsellor.meeting", meeting_id=meeting.id) if role == "counsellor" \
        else url_for("meetings.index")


@bp.route("/forslag/<int:event_id>", methods=["POST"])
def answer_suggestion(event_id: int):
    """The person accepts (the step joins their plan) or declines a step the counsellor suggested."""
    meeting = _person_meeting_or_404()
    if meeting.state != "active":
        abort(404)
    event = meetings.open_suggestion(meeting, event_id)
    if event is None or not ButtonForm().validate_on_submit():
        abort(404)
    accepted = request.form.get("answer") == "accept"
    if accepted:
        plan_row = store.current_plan()
        saved = store.answers_for(plan_row, answers.PLAN)
        plan = schema.plan_from_stored(saved)
        if plan is None or not schema.room_for_own_step(plan):
            flash(_("The step cannot be added: choose a route first, or remove a step of your own."), "error")
            return redirect(url_for("meetings.index"), 303)
        from datetime import date

        start = date.fromisoformat(event.detail["when"]) if event.detail.get("when") else clock.today()
        plan, _step_id = add_own_step(plan, event.detail.get("title", ""), start)
        store.save_answers(plan_row, answers.PLAN, dict(plan.to_dict(), user_notes=saved.get("user_notes") or {}))
    meetings.answer_suggestion(meeting, event, accepted)
    return redirect(url_for("meetings.index") + "#suggestions", 303)


@bp.route("/logg")
def log():
    """Who has seen my plan: meetings and share links, when, what they did."""
    plan = store.current_plan()
    entries = meetings.audit_log(plan) if plan else []
    rows: dict[tuple, dict] = {}
    for e in entries:      # one row per who, day and what, counted
        key = (e.via, e.who, e.at.date(), e.action, e.area)
        rows.setdefault(key, {"entry": e, "count": 0})["count"] += 1
    return render_template("meetings/log.html", page_heading=_l("Who has seen my plan"), rows=list(rows.values()),
                           meetings=meetings.meetings_of(plan) if plan else [], state_labels=STATE_LABELS,
                           action_labels=ACTION_LABELS, area_labels=AREA_LABELS)


STATE_LABELS = {"invited": _l("code not used"), "requested": _l("waiting for your answer"),
                "active": _l("going on"), "ended": _l("ended"), "declined": _l("you said no"),
                "expired": _l("not started")}
ACTION_LABELS = {"viewed": _l("looked at your plan"), "changed": _l("changed your plan"),
                 "opened": _l("opened the shared link")}
AREA_LABELS = {"upptacka": _l("Discover"), "inventera": _l("Take stock"), "besluta": _l("Decide"),
               "agera": _l("Act"), "meeting": _l("Meeting page"), "start": _l("Start page")}


# --- the bar on every page, and the version it polls -------------------------------------------------------

def bar_context(auto: bool = True) -> dict | None:
    """The meeting bar for this page, or None (no meeting). Cheap for people without a plan; none
    while the database is away (the 503 page must render without it)."""
    from sqlalchemy.exc import SQLAlchemyError

    if g.get("database_unavailable"):
        return None
    try:
        return _bar_context(auto)
    except SQLAlchemyError:
        from app.db import get_session

        get_session().rollback()
        g.database_unavailable = True
        return None


def _bar_context(auto: bool) -> dict | None:
    if g.get("meeting_role") == "counsellor":
        role, meeting = "counsellor", g.meeting
    elif request.endpoint and request.endpoint.startswith(("meetings_counsellor.", "meetings.")):
        role, meeting = role_and_meeting()
        if role == "person" and meeting is not None and meeting.state not in meetings.LIVE:
            meeting = None
    else:
        role, meeting = "person", access.person_meeting()
        if meeting is not None and meeting.state == "active":
            meetings.touch(meeting)          # the person looking at a page keeps the meeting alive
    if meeting is None or role is None:
        return None
    return {"role": role, "meeting": meeting, "auto": auto,
            "poll": url_for("meetings.bar", v=meeting.version, auto=int(auto)),
            "changed_at": views.clock_time(meeting.changed_at)}


def _etag(role: str, meeting, seen: int, auto: int) -> str:
    return f'W/"m{meeting.version}-{meeting.state}-{role[0]}-{seen}-{auto}-{_locale()}"'


@bp.route("/rad")
def bar():
    """The small version endpoint both screens poll every 2 seconds (htmx): 304 while nothing has
    changed; when the other side changed the plan, ``HX-Refresh`` reloads the page (not on question
    pages, ``auto=0``, where the bar only says so)."""
    g.counsellor_passive = True            # polling keeps neither the session nor the meeting alive
    role, meeting = role_and_meeting()
    if meeting is None:
        return "", 204
    seen, auto = request.args.get("v", type=int, default=0), request.args.get("auto", type=int, default=1)
    etag = _etag(role, meeting, seen, auto)
    headers = {"ETag": etag, "Cache-Control": "private, no-cache", "Vary": "Cookie, HX-Request"}
    if etag in request.headers.get("If-None-Match", ""):
        return "", 304, headers
    response = make_response(render_template("meetings/_bar.html", bar={
        "role": role, "meeting": meeting, "auto": bool(auto), "poll": url_for("meetings.bar", v=seen, auto=auto),
        "changed_at": views.clock_time(meeting.changed_at)}))
    other_changed = meeting.version > seen and meeting.changed_by not in (role, None)
    if (auto and other_changed) or (role == "counsellor" and meeting.state != "active" and meeting.version > seen):
        response.headers["HX-Refresh"] = "true"
    response.headers.update(headers)
    return response


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals["meeting_bar"] = bar_context
    app.jinja_env.filters["meeting_time"] = views.clock_time
    app.jinja_env.filters["meeting_day"] = lambda moment: f"{wording.date_text(moment.date())} {views.clock_time(moment)}"
