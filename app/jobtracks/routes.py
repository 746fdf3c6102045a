"""Counsellors edit their organisation's local job tracks and employer profiles (issue 18) under
``/radgivare/jobbspar``: start from an occupation's national profile, tick competences, publish,
close. Another organisation's item is 403. Every save is a new version with who and when
(``app.content.local_store``); plain HTML forms with CSRF, problems at the field."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlmodel import Session

from app import clock
from app.content import catalogue, local_store
from app.content.local import PROFILE, TRACK
from app.counsellors import counsellor_required, current_counsellor
from app.db import get_engine
from app.forms import leaf_fields
from app.jobtracks import editing
from app.jobtracks.forms import ButtonForm, ProfileForm, TrackForm

bp = Blueprint("jobtracks", __name__, url_prefix="/radgivare/jobbspar", template_folder="templates")
FORMS = {TRACK: TrackForm, PROFILE: ProfileForm}
TO_DOC = {TRACK: editing.track_doc, PROFILE: editing.profile_doc}
PATH = {TRACK: "spar", PROFILE: "profil"}
HEADINGS = {TRACK: (_l("New local job track"), _l("Change the job track")),
            PROFILE: (_l("New employer competence profile"), _l("Change the employer profile"))}


def _db() -> Session:
    return Session(get_engine(), expire_on_commit=False)


def _actor() -> local_store.Actor:
    me = current_counsellor()
    return local_store.Actor(me.organisation, me.id)


def _forbidden():
    return render_template("errors/error.html", page_heading=_l("You cannot change this"),
                           text=_l("It belongs to another organisation. You can change only your own organisation's job tracks and profiles.")), 403


@bp.route("")
@counsellor_required
def index():
    """The organisation's tracks and profiles, and where to start a new one."""
    me = current_counsellor()
    view = catalogue.current()
    with _db() as db:
        tracks, profiles = local_store.items_for(db, TRACK, me.organisation), local_store.items_for(db, PROFILE, me.organisation)
        area = local_store.area_of(db, me.organisation)
    ssyk = (request.args.get("ssyk") or "").strip()
    return render_template("jobtracks/index.html", page_heading=_l("Local job tracks and employer profiles"),
                           tracks=tracks, profiles=profiles, organisation=me.organisation, status=editing.STATUS_LABELS,
                           area=[view.municipality_names.get(c, c) for c in area], ssyk=ssyk,
                           ssyk_label=catalogue.group_label(view, view.by_ssyk[ssyk]) if ssyk in view.by_ssyk else None,
                           ssyk_unknown=bool(ssyk) and ssyk not in view.by_ssyk, form=ButtonForm(),
                           title=lambda item: catalogue.localised((item.doc or {}).get("title"), item.id))


@bp.route("/<any(spar, profil):what>/ny", methods=["GET", "POST"])
@bp.route("/<any(spar, profil):what>/<item_id>", methods=["GET", "POST"])
@counsellor_required
def edit(what: str, item_id: str | None = None):
    """Create or change a track or a profile; "Publish" or "Save as draft" make a new version."""
    kind = TRACK if what == "spar" else PROFILE
    with _db() as db:
        try:
            item = local_store.owned(db, kind, item_id, _actor()) if item_id else None
        except local_store.Forbidden:
            return _forbidden()
        if item_id and item is None:
            abort(404)
        ssyk = item.ssyk if item else (request.values.get("ssyk") or "").strip()
        view = catalogue.current()
        if ssyk not in view.by_ssyk:
            return redirect(url_for("jobtracks.index", ssyk=ssyk), 303)
        form = FORMS[kind](data=editing.form_data(kind, item.doc) if item and request.method == "GET" else None)
        editing.set_choices(form, view, local_store.area_of(db, _actor().organisation), ssyk,
                            local_store.items_for(db, PROFILE, _actor().organisation))
        status = 200
        if form.validate_on_submit():
            doc = TO_DOC[kind](form, item.id if item else editing.new_id(kind, form.title.data), ssyk, bool(form.publish.data))
            action = "published" if form.publish.data else ("updated" if item else "created")
            saved, problems = local_store.save(db, kind, doc, _actor(), today=clock.today(), action=action)
            if saved is not None:
                flash(_("Published.") if form.publish.data else _("Saved as a draft."), "success")
                return redirect(url_for("jobtracks.index"), 303)
            editing.place_problems(form, problems)
        if request.method == "POST":
            status = 422
        return render_template(f"jobtracks/{kind}_form.html", form=form, item=item, ssyk=ssyk,
                               ssyk_label=catalogue.group_label(view, view.by_ssyk[ssyk]),
                               failed=[(f.id, f.errors[0]) for f in leaf_fields(form) if f.errors],
                               page_heading=HEADINGS[kind][1 if item else 0]), status


@bp.route("/<any(spar, profil):what>/<item_id>/stang", methods=["POST"])
@counsellor_required
def close(what: str, item_id: str):
    """Close: the item leaves the routes at once; its versions stay."""
    kind = TRACK if what == "spar" else PROFILE
    with _db() as db:
        try:
            item = local_store.owned(db, kind, item_id, _actor())
        except local_store.Forbidden:
            return _forbidden()
        if item is None:
            abort(404)
        if ButtonForm().validate_on_submit():
            local_store.close(db, kind, item, _actor())
            flash(_("Closed. It no longer shows as a route."), "success")
    return redirect(url_for("jobtracks.index"), 303)


@bp.route("/<any(spar, profil):what>/<item_id>/historik")
@counsellor_required
def history(what: str, item_id: str):
    """Every version: when, what was done, by whom (this organisation's counsellors)."""
    kind = TRACK if what == "spar" else PROFILE
    with _db() as db:
        try:
            item = local_store.owned(db, kind, item_id, _actor())
        except local_store.Forbidden:
            return _forbidden()
        if item is None:
            abort(404)
        versions = local_store.history(db, kind, item_id)
    return render_template("jobtracks/history.html", page_heading=_l("Versions"), item=item, versions=versions,
                           actions=editing.ACTION_LABELS, status=editing.STATUS_LABELS, what=what, me=current_counsellor())


def init_app(app) -> None:
    app.register_blueprint(bp)
