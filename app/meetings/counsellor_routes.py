"""The counsellor's side of a meeting (``/radgivare/mote``): enter the person's code, wait for their
answer, work on their plan, comment, suggest a step, end. Each view checks the meeting again."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app import limits
from app.counsellors import accounts, counsellor_required, current_counsellor
from app.meetings import access, views
from app.meetings import store as meetings
from app.meetings.forms import ButtonForm, CommentForm, MeetingCodeForm, SuggestForm
from app.plans import store

bp = Blueprint("meetings_counsellor", __name__, url_prefix="/radgivare/mote", template_folder="templates")

NO_SUCH_MEETING = _l("No meeting has that code, or the code is no longer valid. Ask the person to make a new "
                     "code: it works for 15 minutes.")
TOO_MANY = _l("Too many wrong codes. Wait a minute and try again.")


@bp.route("", methods=["GET", "POST"])
@counsellor_required
def join():
    """Enter (or scan) the code the person shows: the person is then asked to allow."""
    me = current_counsellor()
    leave_an_ended_meeting()
    form = MeetingCodeForm(data={"code": request.args.get("kod", "")} if request.method == "GET" else None)
    status = 200
    if form.validate_on_submit():
        keys = ("meeting-code", str(me.id)), ("meeting-code-address", request.remote_addr or "-")
        limit = current_app.config["RATELIMIT_MEETING_CODE"]
        if not all(limits.allowed(limit, *k) for k in keys):
            form.code.errors.append(TOO_MANY)
            status = 429
        else:
            meeting = meetings.find_by_code(form.code.data)
            if meeting is None:
                for k in keys:
                    limits.count(limit, *k)
                form.code.errors.append(NO_SUCH_MEETING)
                status = 422
            else:
                meetings.request_join(meeting, me)
                accounts.enter_meeting(meeting.id)
                return redirect(url_for("meetings_counsellor.meeting", meeting_id=meeting.id), 303)
    elif request.method == "POST":
        status = 422
    return render_template("meetings/counsellor_join.html", form=form, page_heading=_l("Start a meeting"),
                           mine=meetings.for_counsellor(me)), status


def leave_an_ended_meeting() -> None:
    """Back on their own pages, the counsellor lets go of a meeting that is over."""
    row = accounts.session_row()
    if row is not None and row.meeting_id:
        entered = meetings.get(row.meeting_id)
        if entered is None or entered.state not in ("requested", "active"):
            accounts.enter_meeting(None)


def _mine_or_404(meeting_id: str):
    meeting = meetings.get(meeting_id)
    if meeting is None or meeting.counsellor_id != current_counsellor().id:
        abort(404)          # someone else's meeting, or a guessed id: nothing to see
    return meeting


@bp.route("/<meeting_id>")
@counsellor_required
def meeting(meeting_id: str):
    meeting = _mine_or_404(meeting_id)
    if meeting.state not in ("requested", "active"):
        return access.ended_page()
    accounts.enter_meeting(meeting.id)
    g.meeting, g.meeting_role = meeting, "counsellor"
    if meeting.state == "requested":
        return render_template("meetings/counsellor_waiting.html", meeting=meeting,
                               page_heading=_l("Waiting for the person to allow"))
    g.meeting_plan_id = meeting.plan_id
    meetings.touch(meeting)
    meetings.audit(meeting, "viewed", "meeting")
    return render_template("meetings/counsellor_meeting.html", meeting=meeting, form=ButtonForm(),
                           comment_form=CommentForm(), suggest_form=SuggestForm(),
                           page_heading=_l("Meeting: the person's plan"),
                           **views.shared_view(store.current_plan(), meeting))


@bp.route("/<meeting_id>/avsluta", methods=["POST"])
@counsellor_required
def end(meeting_id: str):
    meeting = _mine_or_404(meeting_id)
    if ButtonForm().validate_on_submit() and meeting.state in meetings.LIVE:
        was_active = meeting.state == "active"
        meetings.end(meeting, "counsellor")
        if was_active:
            g.meeting_plan_id = meeting.plan_id
            views.save_summary(store.current_plan(), meeting, meeting.person_locale)
        flash(_("The meeting has ended. You no longer see the person's plan."), "success")
    accounts.enter_meeting(None)
    return redirect(url_for("meetings_counsellor.join"), 303)


@bp.route("/<meeting_id>/forslag", methods=["POST"])
@counsellor_required
def suggest(meeting_id: str):
    """Suggest a step: it joins the plan only when the person accepts it."""
    meeting = _mine_or_404(meeting_id)
    if meeting.state != "active":
        return access.ended_page()
    form = SuggestForm()
    if form.validate_on_submit():
        meetings.suggest(meeting, form.title.data, form.start.data.isoformat())
        meetings.audit(meeting, "changed", "meeting")
        flash(_("Your suggestion is on the person's screen."), "success")
        return redirect(url_for("meetings_counsellor.meeting", meeting_id=meeting.id) + "#suggestions", 303)
    g.meeting, g.meeting_role, g.meeting_plan_id = meeting, "counsellor", meeting.plan_id
    return render_template("meetings/counsellor_meeting.html", meeting=meeting, form=ButtonForm(),
                           comment_form=CommentForm(), suggest_form=form,
                           page_heading=_l("Meeting: the person's plan"),
                           **views.shared_view(store.current_plan(), meeting)), 422


def init_app(app) -> None:
    app.register_blueprint(bp)

    @app.before_request
    def _home_leaves_an_ended_meeting():
        from flask import request

        if request.endpoint == "counsellors.home" and accounts.current_counsellor() is not None:
            leave_an_ended_meeting()
