"""Agera's pages: next steps from the saved plan (tick off, choose the route), sharing by consent,
exports and import, and deleting the plan. Thin: the plan store, ``planned`` for words, ``app.exports``
for files."""
from __future__ import annotations

import json
from datetime import date

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _

from app import clock, exports, pdfs, wording
from app.content import catalogue
from app.flows.agera import planned, shared
from app.flows.agera.forms import ButtonForm, ImportForm, ShareForm
from app.flows.agera.steps import FLOW
from app.flows.wizard import add_flow_routes
from app.plans import shares, store
from app.wording import date_text

bp = Blueprint("agera", __name__, url_prefix="/agera", template_folder="templates")
add_flow_routes(bp, FLOW)
# The read-only shared view lives at /delad/<token>, outside /agera: registered with this blueprint.
bp.record_once(lambda state: state.app.register_blueprint(shared.bp))


MAX_IMPORT_BYTES = exports.MAX_FILE_BYTES     # the largest file the app itself can export


def today() -> date:
    return clock.today()


def _no_plan():
    return render_template("agera/no_plan.html", page_heading=_("You have no plan yet")), 200


def _rows_context(plan, notes, progress) -> dict:
    rows = planned.rows(plan, notes, progress)
    return {"rows": rows, "groups": planned.grouped(rows, today()), "progress": planned.progress_text(rows),
            "goal": planned.goal_name(plan), "ready": date_text(plan.ready_date), "date_text": date_text}


# --- next steps ------------------------------------------------------------------------------------------

@bp.route("/nasta")
def next_steps():
    """What to do this week and next, with deadlines and where to do it; tick off as done."""
    plan, notes, progress = planned.load()
    if plan is None:
        return _no_plan()
    commitment = store.answers_for(store.current_plan(), planned.COMMITMENT_STEP)
    chosen = progress.get("chosen_route") == plan.route_id
    return render_template("agera/next_steps.html", page_heading=_("Your next steps"), form=ButtonForm(),
                           chosen=chosen, chosen_on=date_text(date.fromisoformat(progress["chosen_on"]))
                           if chosen and progress.get("chosen_on") else "",
                           commitment=commitment, **_rows_context(plan, notes, progress))


def _save_progress(progress: dict) -> None:
    store.save_answers(store.current_plan(), planned.PROGRESS_STEP, progress)


@bp.route("/steg/<step_id>/klar", methods=["POST"])
def toggle_done(step_id: str):
    """Mark a step as done (or not done again)."""
    plan, _notes, progress = planned.load()
    if plan is None or step_id not in {s.id for s in plan.steps}:
        abort(404)
    if not ButtonForm().validate_on_submit():
        abort(400)
    done = [d for d in progress.get("done") or [] if d in {s.id for s in plan.steps}]
    done = [d for d in done if d != step_id] if step_id in done else done + [step_id]
    _save_progress(dict(progress, done=done))
    return redirect(url_for("agera.next_steps") + f"#step-{step_id}", 303)


@bp.route("/valj", methods=["POST"])
def choose_route():
    """The decision moment: "I choose this route"."""
    plan, _notes, progress = planned.load()
    if plan is None:
        abort(404)
    if not ButtonForm().validate_on_submit():
        abort(400)
    _save_progress(dict(progress, chosen_route=plan.route_id, chosen_on=today().isoformat()))
    flash(_("You have chosen your route. Now take the first step."), "success")
    return redirect(url_for("agera.next_steps") + "#decision", 303)


# --- sharing -----------------------------------------------------------------------------------------------

SHARE_REFUSALS = {
    "too_many": lambda: ngettext("You already have %(num)s link that works. Stop sharing it before you make a new one.",
                                 "You already have %(num)s links that work. Stop sharing one of them before you "
                                 "make a new one.", current_app.config["MAX_SHARES_PER_PLAN"]),
    "too_fast": lambda: _("You have made many links in a short time. Wait a minute and try again."),
}


@bp.route("/dela", methods=["GET", "POST"])
def share():
    """Share the plan by consent: how long, with or without notes; the active links."""
    owner = store.current_plan()
    plan, _notes, _progress = planned.load(owner)
    if plan is None:
        return _no_plan()
    form = ShareForm(data={"days": shares.DEFAULT_DAYS, "include_notes": "no", "include_profile": "no"}
                     if request.method == "GET" else None)
    refused = shares.refusal(owner) if request.method == "POST" and form.validate() else "invalid"
    if refused in SHARE_REFUSALS:
        form.form_errors.append(SHARE_REFUSALS[refused]())
    elif refused is None:
        share = shares.create_share(owner, form.days.data, form.include_notes.data == "yes",
                                    form.include_profile.data == "yes")
        flash(_("Your plan is shared. Copy the link below and send it to the person you choose."), "success")
        return redirect(url_for("agera.share") + f"#share-{share.id[:8]}", 303)
    active = [{"share": s, "url": url_for("shared.view", token=s.id, _external=True), "anchor": f"share-{s.id[:8]}",
               "expires": date_text(s.expires_at.date()), "created": date_text(s.created_at.date()),
               "opened": date_text(s.last_opened_at.date()) if s.last_opened_at else None}
              for s in shares.shares_for(owner)]
    status = 422 if request.method == "POST" else 200
    return render_template("agera/share.html", page_heading=_("Share your plan"), form=form, active=active,
                           button=ButtonForm(), max_days=shares.MAX_DAYS), status


@bp.route("/dela/<share_id>/stoppa", methods=["POST"])
def revoke(share_id: str):
    """Stop sharing: the link answers "no longer shared" at once."""
    owner = store.current_plan()
    if owner is None or not ButtonForm().validate_on_submit():
        abort(400 if owner else 404)
    if not shares.revoke_share(owner, share_id):
        abort(404)
    flash(_("The link no longer works. Nobody can open your plan with it."), "success")
    return redirect(url_for("agera.share"), 303)


@bp.route("/dela/<share_id>/qr.svg")
def share_qr(share_id: str):
    """The share link as a QR code (SVG), for showing on a shared screen and opening on a phone."""
    owner = store.current_plan()
    share = next((s for s in shares.shares_for(owner) if s.id == share_id), None)
    if share is None:
        abort(404)
    svg = exports.qr_svg(url_for("shared.view", token=share.id, _external=True))
    return Response(svg, mimetype="image/svg+xml", headers={"Cache-Control": "no-store"})


@bp.route("/radera", methods=["GET", "POST"])
def delete():
    """Delete the plan, with a confirmation page."""
    owner = store.current_plan()
    form = ButtonForm()
    if owner is not None and form.validate_on_submit():
        store.delete_plan(owner)
        flash(_("Your plan is deleted, with all your answers and shared links."), "success")
        return redirect(url_for("main.home"), 303)
    return render_template("agera/delete.html", page_heading=_("Delete your plan"), form=form,
                           has_plan=owner is not None, n_shares=len(shares.shares_for(owner)))


# --- exports and import ---------------------------------------------------------------------------------------

def _download(body: bytes | str, mimetype: str, filename: str) -> Response:
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})


@bp.route("/plan.ics")
def export_ics():
    plan, notes, progress = planned.load()
    if plan is None:
        abort(404)
    events = [exports.CalendarEvent(**e) for e in planned.calendar_events(plan, planned.rows(plan, notes, progress))]
    body = exports.plan_calendar(events, name=_("Your plan: %(job)s", job=planned.goal_name(plan)),
                                 alarm_text=_("Reminder from Vägval"), language=str(get_locale() or "sv"))
    return _download(body, "text/calendar", "vagval-plan.ics")


@bp.route("/plan.json")
def export_json():
    plan, notes, progress = planned.load()
    if plan is None:
        abort(404)
    owner = store.current_plan()
    commitment = store.answers_for(owner, planned.COMMITMENT_STEP)
    profile = store.all_answers(owner) if request.args.get("profil") == "ja" else None     # by consent only
    data = exports.export_plan(plan.to_dict(), notes=notes, progress=progress, commitment=commitment,
                               profile=profile, meetings=store.answers_for(owner, planned.MEETINGS_STEP))
    return _download(json.dumps(data, ensure_ascii=False, indent=2), "application/json", "vagval-plan.json")


IMPORT_ERRORS = {
    "missing": lambda: _("Choose a file to upload."),
    "too_large": lambda: _("The file is too large. A plan file from Vägval is smaller than %(kb)s KB.",
                           kb=MAX_IMPORT_BYTES // 1024),
    "not_json": lambda: _("The file is not a plan file from Vägval. Choose the .json file you downloaded."),
    "wrong_schema": lambda: _("The file is not a plan file from Vägval. Choose the .json file you downloaded."),
    "newer_version": lambda: _("The file comes from a newer version of Vägval and cannot be read here."),
    "invalid": lambda: _("The file is damaged or changed, so the plan cannot be read from it."),
}


@bp.route("/ladda-upp", methods=["GET", "POST"])
def import_plan():
    """Upload a plan file (JSON) exported earlier: it becomes this browser's plan."""
    form = ImportForm()
    if request.method == "POST" and form.validate_on_submit():
        error, data = _read_upload(request.files.get(form.file.name))
        if error is None:
            owner = store.get_or_create_plan()
            store.save_answers(owner, planned.PLAN_STEP, dict(data["plan"], user_notes=data["notes"]))
            store.save_answers(owner, planned.PROGRESS_STEP, data["progress"])
            if data["commitment"]:
                store.save_answers(owner, planned.COMMITMENT_STEP, data["commitment"])
            store.restore_answers(owner, dict(data["profile"] or {}, **(
                {planned.MEETINGS_STEP: data["meetings"]} if data["meetings"] else {})))
            flash(_("Your plan is back. Check that the dates still suit you."), "success")
            return redirect(url_for("agera.next_steps"), 303)
        form.file.errors = [IMPORT_ERRORS[error]()]
    status = 422 if request.method == "POST" else 200
    replaces = planned.load()[0] is not None
    return render_template("agera/import.html", page_heading=_("Upload a saved plan"), form=form,
                           replaces=replaces, max_kb=MAX_IMPORT_BYTES // 1024), status


def _read_upload(upload):
    if upload is None or not upload.filename:
        return "missing", None
    raw = upload.stream.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        return "too_large", None
    try:
        return None, exports.import_plan(raw)
    except exports.ImportError_ as err:
        return err.reason, None


@bp.route("/plan.pdf")
def export_pdf():
    """The PDF (app.pdfs: cached while the plan is unchanged, one at a time, limited)."""
    owner = store.current_plan()
    plan, notes, progress = planned.load(owner)
    if plan is None:
        abort(404)

    def html():
        ctx = _rows_context(plan, notes, progress)
        return render_template("agera/plan_pdf.html", page_heading=_("Your plan: %(job)s", job=ctx["goal"]),
                               sources=_sources(plan), made=date_text(today()), **ctx)

    body = pdfs.make(owner.id, ("plan", plan.to_dict(), notes, progress), html)
    return _download(body, "application/pdf", "vagval-plan.pdf") if isinstance(body, bytes) else body


def _sources(plan) -> list[dict]:
    """Where the plan's facts come from, with their dates (education times and money rules)."""
    c = catalogue.current()
    seen, out = set(), []
    for s in plan.steps:
        fact = c.educations.get(s.education_id) if s.education_id else None   # schemes carry no source of their own
        if fact is not None and fact.source_url and fact.source_url not in seen:
            seen.add(fact.source_url)
            out.append(wording.fact(fact, wording.EDUCATION))
    return out

