"""A step of a route or a plan in words: one ``PlanRow`` for the decision page, the plan page,
Agera's next steps, the shared view, the PDF and the .ics, rendered on pages by the one macro
``components/timeline_step.html``. Also the money of a step and where it is from home.

The presenters take what they need (the catalogue's read model, the person's home, notes and
progress) as arguments: this layer reads no plan and imports no flow.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import format_decimal
from markupsafe import Markup, escape

from app import clock
from app.content import catalogue
from app.engine import household_view
from app.engine.geo import LOCAL_MINUTES, EducationPlaces, education_reach
from app.engine.plan import in_order  # noqa: F401  (the pages' order, re-exported)
from app.engine.routes import JOB_SEARCH, RECOGNITION
from app.i18n import gettext as _
from app.i18n import ngettext
from app.wording.facts import AMOUNT, freshness, money_fact
from app.wording.sentences import (
    CHANGES,
    CHECK_WITH,
    EXCLUDED,
    KINDS,
    LINE_KINDS,
    NOTES,
    PARTS,
    REASONS,
    SCHEMES,
    SKIPPED,
    WITH_WHOM,
    date_text,
    kr,
    language_sentence,
    listed,
    period,
    say,
)

# The real place for a step, by who it is with, when the catalogue has no address for the step itself.
# Addresses are the ones the content files cite (app/content/files/*.yaml).
PLACES = {
    "municipality_adult_education": "https://utbildningsguiden.skolverket.se/utbildning-for-vuxna",
    "csn": "https://www.csn.se",
    "arbetsformedlingen": "https://arbetsformedlingen.se",
    "forsakringskassan": "https://www.forsakringskassan.se/privatperson/arbetssokande/"
                         "ersattning-for-dig-som-deltar-i-etableringsprogrammet-hos-arbetsformedlingen",
    "folkhogskola": "https://www.folkhogskola.nu",
    "university": "https://www.antagning.se",
}
STUDY_KINDS = ("education", "validation", "preparatory")


@dataclass(frozen=True)
class MoneyLine:
    """The money saved with a plan step: "Student finance from CSN: about 19 000 kr a month"."""
    name: str
    total: str
    loan: str | None
    checks: tuple[str, ...]
    text: str
    source: dict | None = None      # its source and period, marked once expired (facts.money_fact)


@dataclass(frozen=True)
class PlanRow:
    """One step in words. Dates stay dates (grouping, .ics); every ``*_text`` field that is set
    is shown by ``timeline_step``; the presenters leave empty what a page does not show."""
    id: str
    kind: str
    kind_key: str
    name: str
    start: date | None = None
    finish: date | None = None
    deadline: date | None = None            # apply by, else the start
    with_whom: str = ""
    with_whom_key: str = ""
    place_url: str | None = None            # where to do it (Agera)
    notes: tuple[str, ...] = ()
    user_note: str = ""
    done: bool = False
    money: MoneyLine | None = None
    follow_up: tuple[date, ...] = field(default_factory=tuple)
    n: int = 0
    # shown by timeline_step when set:
    dates_text: str = ""                    # "1 March 2027 to 5 June 2028" under the title
    weeks_text: str = ""                    # "40 weeks at 100% pace (44 calendar weeks)"
    deadline_text: str = ""
    range_text: str = ""                    # the dates as a fact of the step (Agera)
    apply_by_text: str = ""
    where: dict | None = None               # {"text", "far"}: where a study step is from home
    follow_up_text: str = ""
    length_estimated: bool = False
    apply_now: bool = False                 # the last day to apply has passed: "as soon as possible" (plan)
    overdue: bool = False                   # the deadline has passed and the step is not done (agenda)
    estimate: dict | None = None            # the step's full money estimate (decision page)
    periods: tuple[dict, ...] = ()          # later dates in the step where the money changes


# --- names ---------------------------------------------------------------------------------------

def step_name(step, view: catalogue.CatalogueView, licences: dict | None = None, html: bool = False) -> str:
    """What the step is called: the level, the education, the licence, the scheme, else its kind."""
    licences = licences or {}
    if step.kind == "own":
        return step.label
    if step.kind == "language":
        if step.key in view.levels:
            return catalogue.level_label(view, step.key)
        return str(say(KINDS, step.kind))
    if step.kind == "apply_financing":
        return str(say(SCHEMES, step.key))
    if step.kind == "apply_track":
        return _("Apply to the job track: %(name)s", name=step.label)
    if step.kind == "track_step":
        if step.education_id and step.education_id in view.educations:
            return catalogue.education_label(view, step.education_id, html=html)
        return catalogue.tagged(step.label) if html else step.label     # a free step, named in Swedish
    if step.kind in ("licence", "apply_licence") and licences.get(step.key):
        return licences[step.key]
    education_id = step.education_id or (step.key if step.kind in STUDY_KINDS else None)
    if education_id and (step.kind in STUDY_KINDS or step.kind == "licence") and education_id in view.educations:
        return catalogue.education_label(view, education_id, html=html)
    if step.kind in ("licence", "apply_licence") and step.key in view.licence_names:
        return catalogue.localised(view.licence_names[step.key], step.key)
    return str(say(KINDS, step.kind))


def goal_name(view: catalogue.CatalogueView, ssyk: str, fallback: str = "", html: bool = False) -> str:
    gid = view.by_ssyk.get(ssyk)
    group = view.groups.get(gid or "")
    if group is not None and group.curated:
        return catalogue.group_label(view, gid, html=html)
    return fallback or ssyk


def track_contact(step, view: catalogue.CatalogueView) -> tuple[str, ...]:
    """How to apply to a local job track: its contact and what it says to do (from the published
    track, so a changed contact shows at once; a closed track says so)."""
    if step.kind != "apply_track":
        return ()
    row = view.tracks.get(step.key)
    if row is None:
        return (_("This job track is no longer published: ask Arbetsförmedlingen what there is instead."),)
    contact = (row.doc or {}).get("contact") or {}
    who = ", ".join(str(contact[k]) for k in ("name", "email", "phone", "url") if contact.get(k))
    how = catalogue.localised(contact.get("how") if isinstance(contact.get("how"), dict) else None, "")
    return tuple(x for x in (_("Contact: %(contact)s", contact=who) if who else "", how) if x)


def place_url(step, view: catalogue.CatalogueView) -> str | None:
    """Where to do the step: the education's or the scheme's own page, else the authority's."""
    if step.kind == "apply_track":
        row = view.tracks.get(step.key)
        url = ((row.doc or {}).get("contact") or {}).get("url") if row is not None else None
        if url:
            return str(url)
    if step.kind == "apply_financing":
        scheme = view.schemes.get(step.key)
        if scheme is not None and scheme.apply_url:
            return scheme.apply_url
    education = view.educations.get(step.education_id or "")
    if education is not None and education.apply_url:
        return education.apply_url
    if step.kind == "language" and step.with_whom == "municipality_adult_education":
        sfi = view.educations.get("sfi-kurs-a")
        if sfi is not None and sfi.apply_url and step.key.startswith("sfi"):
            return sfi.apply_url
    return PLACES.get(step.with_whom)


# --- where, seen from home ------------------------------------------------------------------------

def where(step, view: catalogue.CatalogueView, home: dict | None) -> dict | None:
    """Where a study step is given, seen from home: in the municipality, how far the nearest
    place is (rough travel time), at a distance, or further than the person's limit."""
    if step.kind == "language":
        places = EducationPlaces("language", everywhere=True)          # sfi and sas: every municipality
    elif step.kind in STUDY_KINDS and step.education_id:
        places = view.education_places.get(step.education_id)
    else:
        return None
    if places is None:
        return None
    home_place = view.places.get((home or {}).get("kommunkod") or "")
    if home_place is None:
        return {"text": _("Add your home municipality in Take stock to see how far away it is."), "far": False}
    limit = (home or {}).get("max_commute")
    reach = education_reach(home_place, limit, places, view.places, view.rail)
    place = view.municipality_names.get(reach.place or "", "")
    if reach.local:
        return {"text": ngettext("In your municipality, usually under %(num)s minute.",
                                 "In your municipality, usually under %(num)s minutes.", LOCAL_MINUTES),
                "far": False}
    if reach.distance_learning:
        return {"text": _("Can be studied at a distance."), "far": False}
    if reach.reachable:
        return {"text": ngettext("Nearest place: %(place)s, about %(num)s minute away (rough estimate).",
                                 "Nearest place: %(place)s, about %(num)s minutes away (rough estimate).",
                                 reach.minutes, place=place), "far": False}
    if reach.place is None:
        return {"text": _("We do not know where this education is given. Ask the school."), "far": False}
    far = ngettext("Further than you want to travel: the nearest place is %(place)s, about %(num)s minute away.",
                   "Further than you want to travel: the nearest place is %(place)s, about %(num)s minutes away.",
                   reach.minutes, place=place)
    return {"text": far + " " + ngettext("Your limit is %(num)s minute.", "Your limit is %(num)s minutes.", int(limit)),
            "far": True}


# --- money -------------------------------------------------------------------------------------------

def _line(line) -> dict:
    return {"part": str(say(PARTS, line.part)), "kind": str(say(LINE_KINDS, line.kind)),
            "per_month": kr(line.per_month), "stale": line.stale,
            "check": str(say(CHECK_WITH, line.check_with)) if line.check_with else None,
            "source": {"url": line.source_url, "name": None, "retrieved": "",      # the shape fact_source takes
                       "period": period(line.valid_from, line.valid_to, line.year),
                       "expired": freshness(AMOUNT, line.valid_to)}
            if line.source_url else None}


def _option(option) -> dict:
    return {"key": option.key, "name": str(say(SCHEMES, option.key)),
            "decided_by": str(say(WITH_WHOM, option.decided_by)),
            "paid_by": str(say(WITH_WHOM, option.payer)) if option.payer != option.decided_by else None,
            "grant": kr(option.grant_per_month), "loan": kr(option.loan_per_month) if option.loan_per_month else None,
            "total": kr(option.total_per_month), "lines": [_line(x) for x in option.lines],
            "notes": [str(say(REASONS, n.key)) for n in option.notes],
            "checks": [str(say(CHECK_WITH, c)) for c in option.check_with]}


def money(estimate) -> dict | None:
    """A study step's money: the options best first (with their lines and sources), and why not others."""
    if estimate is None:
        return None
    return {"options": [_option(o) for o in estimate.options],
            "not_eligible": [{"name": str(say(SCHEMES, r.scheme)), "why": str(say(REASONS, r.key)),
                              "url": r.source_url,
                              "check": str(say(CHECK_WITH, r.check_with)) if r.check_with else None}
                             for r in estimate.not_eligible]}


def money_line(m) -> MoneyLine | None:
    """The money kept with a plan step (``Plan``'s ``Money``)."""
    if m is None:
        return None
    text = _("%(scheme)s: about %(total)s kr a month", scheme=say(SCHEMES, m.scheme),
             total=format_decimal(m.grant_per_month + m.loan_per_month))
    if m.loan_per_month:
        text += " " + _("(of which %(amount)s kr is a loan)", amount=format_decimal(m.loan_per_month))
    return MoneyLine(name=str(say(SCHEMES, m.scheme)), total=kr(m.grant_per_month + m.loan_per_month),
                     loan=kr(m.loan_per_month) if m.loan_per_month else None,
                     checks=tuple(str(say(CHECK_WITH, c)) for c in m.check_with), text=text,
                     source=money_fact(m))


def periods(step) -> list[dict]:
    """The money from each later date inside the step where it changes (the first is ``money``)."""
    out = []
    for p in getattr(step, "financing_periods", ())[1:]:
        primary = p.estimate.primary
        out.append({"from": date_text(p.start),
                    "because": listed(str(say(CHANGES, b)) for b in p.because),
                    "name": str(say(SCHEMES, primary.key)) if primary else None,
                    "total": kr(primary.total_per_month) if primary else None,
                    "money": money(p.estimate)})
    return out


def household(route, income: int | None) -> dict | None:
    """Money per month now and while studying (the first study step with money); ``now`` is None
    when the person did not give their income (nothing is compared with a guessed 0 kr)."""
    study = next((s for s in route.steps if s.financing is not None and s.financing.primary), None)
    if study is None:
        return None
    h = household_view(income or 0, study.financing)
    return {"now": kr(h.now_per_month) if income is not None else None, "studying": kr(h.studying_total_per_month), "grant": kr(h.studying_grant_per_month),
            "loan": kr(h.studying_loan_per_month), "difference": kr(h.difference_per_month),
            "difference_without_loan": kr(h.difference_without_loan), "less": h.difference_per_month < 0,
            "diff_abs": kr(abs(h.difference_per_month)),
            "option": str(say(SCHEMES, h.option))}


# --- rows: a route's steps (decision page), the plan (plan page), the agenda (Agera, shared, PDF, .ics) --

def _dates(start: str, finish: str) -> str:
    return _("%(start)s to %(finish)s", start=start, finish=finish) if finish else start


def route_step_row(step, view: catalogue.CatalogueView, licences: dict, home: dict | None = None) -> PlanRow:
    """A step of a proposed route, on the decision page and the comparison."""
    weeks = ""
    if step.weeks and step.kind == JOB_SEARCH:      # looking for work has no study pace
        weeks = ngettext("About %(num)s week of looking for work", "About %(num)s weeks of looking for work",
                         step.weeks)
        if step.weeks_assumed:
            weeks += " – " + _("our estimate")
    elif step.weeks:
        weeks = (ngettext("%(num)s week at %(pace)s%% pace", "%(num)s weeks at %(pace)s%% pace", step.weeks,
                          pace=step.pace) + " "
                 + ngettext("(%(num)s calendar week)", "(%(num)s calendar weeks)", step.calendar_weeks))
        if step.weeks_assumed:
            weeks += " – " + _("our estimate")
    start = date_text(step.start)
    return PlanRow(
        id="", kind=str(say(KINDS, step.kind)), kind_key=step.kind, name=decision_step_name(step, view, licences),
        start=step.start, finish=step.finish, with_whom=str(say(WITH_WHOM, step.with_whom)),
        with_whom_key=step.with_whom, notes=tuple(str(say(NOTES, n)) for n in step.notes) + track_contact(step, view),
        dates_text=_dates(start, date_text(step.finish) if step.weeks else ""), weeks_text=weeks,
        apply_by_text=date_text(step.apply_by) if step.kind not in (JOB_SEARCH, RECOGNITION) else "",
        where=where(step, view, home), estimate=money(step.financing), periods=tuple(periods(step)))


def decision_step_name(step, view, licences: dict) -> str:
    if step.kind == "language":
        return catalogue.level_label(view, step.key)
    if step.kind in STUDY_KINDS or (step.kind == "licence" and step.education_id):
        if step.kind == "licence":
            return licences.get(step.key) or catalogue.education_label(view, step.education_id, html=True)
        return catalogue.education_label(view, step.education_id or step.key, html=True)
    if step.kind in ("licence", "apply_licence"):
        return licences.get(step.key) or step.label
    return step_name(step, view, licences, html=True)


def route_row(route, view: catalogue.CatalogueView, licences: dict, income: int, n: int,
              home: dict | None = None) -> dict:
    """One proposed route: its title, dated steps, skipped steps, Swedish, money per month."""
    title_step = next((s for s in route.steps if s.education_id and s.kind in ("education", "validation")), None)
    title = (catalogue.education_label(view, title_step.education_id, html=True) if title_step
             else _("Straight to work: Swedish and looking for work"))
    track = view.tracks.get(route.id.removeprefix("track:")) if route.id.startswith("track:") else None
    if track is not None:
        texts = (track.doc or {}).get("title")
        title = Markup(escape(_("Local job track: %(name)s"))) % {
            "name": catalogue.tagged(catalogue.localised(texts, track.id), texts)}
    steps = [route_step_row(s, view, licences, home) for s in route.steps]
    where_rows = [s.where for s in steps if s.where]
    return {"id": route.id, "n": n, "title": title, "steps": steps,
            "beyond_limit": any(w["far"] for w in where_rows),
            "distance": next((w["text"] for w in where_rows if w["far"]), where_rows[-1]["text"] if where_rows else None),
            "skipped": [{"kind": str(say(KINDS, s.kind)),
                         "name": catalogue.level_label(view, s.key) if s.kind == "language"
                         else licences.get(s.key) or catalogue.education_label(view, s.key, html=True),
                         "why": str(say(SKIPPED, s.reason))} for s in route.skipped],
            "language": language_sentence(route.language, lambda lv: catalogue.level_label(view, lv)),
            "ready": date_text(route.ready_date), "weeks": route.weeks_to_ready,
            "weeks_assumed": route.weeks_assumed, "integrated": route.swedish_integrated,
            "notes": [str(say(NOTES, n)) for n in route.notes], "household": household(route, income),
            "track_id": track.id if track is not None else None}


def excluded(view: catalogue.CatalogueView, candidates) -> list[dict]:
    """Educations that are not for the person now, and why."""
    return [{"name": catalogue.education_label(view, e, html=True), "why": str(say(EXCLUDED, why))}
            for e, why in candidates]


def plan_row(step, view: catalogue.CatalogueView, licences: dict, n: int = 0, user_note: str = "") -> PlanRow:
    """A step of the chosen plan on the plan page (dates, apply by, follow-ups, money, notes)."""
    start = date_text(step.start)
    finish = date_text(step.finish) if step.finish and step.finish != step.start else ""
    # a last day that has passed is never shown as one: apply as soon as possible
    passed = bool(step.apply_by and step.apply_by < clock.today() and step.kind != "own")
    return PlanRow(
        id=step.id, n=n, kind=str(say(KINDS, step.kind)), kind_key=step.kind,
        name=step.label if step.kind == "own" else decision_step_name(step, view, licences),
        start=step.start, finish=step.finish, deadline=step.apply_by or step.start,
        with_whom=str(say(WITH_WHOM, step.with_whom)), with_whom_key=step.with_whom,
        notes=tuple(str(say(NOTES, x)) for x in step.notes if step.kind != "own") + track_contact(step, view),
        user_note=user_note, money=money_line(step.money), follow_up=tuple(step.follow_up),
        dates_text=_("As soon as possible") if passed and step.start == step.apply_by else _dates(start, finish),
        apply_by_text=date_text(step.apply_by) if step.apply_by and step.apply_by != step.start else "",
        apply_now=passed,
        follow_up_text=listed(date_text(d) for d in step.follow_up),
        length_estimated=step.weeks_assumed)


def agenda_row(step, view: catalogue.CatalogueView, user_note: str = "", done: bool = False) -> PlanRow:
    """A step of the plan as something to do (Agera, the shared view, the PDF, the .ics)."""
    deadline = step.apply_by or step.start
    return PlanRow(
        id=step.id, kind=str(say(KINDS, step.kind)), kind_key=step.kind, name=step_name(step, view),
        start=step.start, finish=step.finish, deadline=deadline,
        with_whom=str(say(WITH_WHOM, step.with_whom)), with_whom_key=step.with_whom,
        place_url=place_url(step, view),
        notes=tuple(str(say(NOTES, n)) for n in step.notes if step.kind != "own") + track_contact(step, view),
        user_note=user_note, done=done, money=money_line(step.money), follow_up=tuple(step.follow_up),
        deadline_text=date_text(deadline),
        overdue=bool(deadline and deadline < clock.today() and not done),
        range_text=_dates(date_text(step.start), date_text(step.finish))
        if step.start and step.finish and step.finish != step.start else "")


