"""Besluta's pages: the decision basis per target occupation (the work, the gap, the routes),
the comparison, choosing a route and the plan. Views gather inputs from the plan store and the
catalogue, call ``app.engine`` and turn its keys into words (``words.py``)."""
from __future__ import annotations

from datetime import date

from flask import abort, redirect, render_template, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _

from app import wording
from app.engine import Goal, Plan, build_plan, build_routes, compare_routes, compute_gap, household_view
from app.engine.plan import add_own_step, move_step, reestimate, remove_step, undo_remove
from app.engine.geo import EducationPlaces, education_reach
from app.engine.routes import JOB_SEARCH, RECOGNITION
from app.flows.besluta import words
from app.flows.besluta.forms import AddStepForm, ChooseRouteForm, MoveStepForm, NoteForm, RemoveStepForm, UndoForm
from app.flows.besluta.person import PLAN_STEP, engine_inputs, income_now, person_from, targets, today
from app.flows.inventera import catalogue
from app.plans import schema, store

FIVE_YEAR = {"öka": lambda: _("More jobs in 5 years"), "minska": lambda: _("Fewer jobs in 5 years"),
             "vara oförändrad": lambda: _("About as many jobs in 5 years")}
JOB_CHANCES = {"stora": lambda: _("Good chances of getting a job now"),
               "medelstora": lambda: _("Fair chances of getting a job now"),
               "små": lambda: _("Small chances of getting a job now")}
KIND_ORDER = ("taught", "licence", "experience")
KIND_TITLES = {"taught": lambda: _("Learned in an education"), "licence": lambda: _("Licences and certificates"),
               "experience": lambda: _("Learned by working")}
MAX_NOTES = 500


def kr(amount: int | float | None) -> str | None:
    return None if amount is None else _("%(amount)s kr", amount=format_decimal(round(amount)))


# --- the person and the targets ----------------------------------------------------------------

def _answers() -> dict:
    return store.all_answers(store.current_plan())


def _target_links(answers: dict) -> list[dict]:
    chosen = targets(answers)
    view = catalogue.current() if chosen else None
    return [dict(t, url=url_for("besluta.occupation", ssyk=t["ssyk"]),
                 label=catalogue.group_label(view, view.by_ssyk[t["ssyk"]], html=True)
                 if t["ssyk"] in view.by_ssyk else t.get("label", t["ssyk"])) for t in chosen]


def index_context(answers: dict) -> dict:
    return {"targets": _target_links(answers),
            "situation_done": person_from(answers) is not None, "has_plan": PLAN_STEP in answers}


def _target_or_404(answers: dict, ssyk: str) -> dict:
    target = next((t for t in targets(answers) if t["ssyk"] == ssyk), None)
    inputs, _facts = engine_inputs()
    if target is None or ssyk not in inputs.occupations:
        abort(404)
    return target


def routes_for(answers: dict, ssyk: str):
    inputs, facts = engine_inputs()
    person = person_from(answers)
    return person, build_routes(inputs, person, ssyk, start=today(), facts=facts)


# --- words for one step, one route ---------------------------------------------------------------

def _licence_labels(view: catalogue.CatalogueView, ssyk: str) -> dict[str, str]:
    """Names of curated competences by key: the target's own, then every licence the catalogue
    names (a route may need one its target does not list, e.g. a B licence before a bus course)."""
    from sqlalchemy import select

    from app.content.models import Competence
    from app.db import get_session

    rows = get_session().execute(select(Competence).where(
        (Competence.group_ssyk == ssyk) | (Competence.kind == "licence"))).scalars()
    own, other = {}, {}
    for c in rows:
        (own if c.group_ssyk == ssyk else other)[c.key] = catalogue.tagged(catalogue.localised(c.labels, c.key), c.labels)
    return {**other, **own}


def step_name(step, view, licences: dict) -> str:
    if step.kind == "language":
        return catalogue.level_label(view, step.key)
    if step.kind in ("education", "validation", "preparatory") or (step.kind == "licence" and step.education_id):
        if step.kind == "licence":
            return licences.get(step.key) or catalogue.education_label(view, step.education_id, html=True)
        return catalogue.education_label(view, step.education_id or step.key, html=True)
    if step.kind in ("licence", "apply_licence"):
        return licences.get(step.key) or step.label
    if step.kind == "apply_financing":
        return str(words.say(words.SCHEMES, step.key))
    return str(words.say(words.KINDS, step.kind))


def _line(line) -> dict:
    return {"part": str(words.say(words.PARTS, line.part)), "kind": str(words.say(words.LINE_KINDS, line.kind)),
            "per_month": kr(line.per_month), "stale": line.stale,
            "check": str(words.say(words.CHECK_WITH, line.check_with)) if line.check_with else None,
            "source": {"url": line.source_url, "period": wording.period(line.valid_from, line.valid_to, line.year),
                       "expired": wording.freshness(wording.AMOUNT, line.valid_to)}
            if line.source_url else None}


def _option(option) -> dict:
    return {"key": option.key, "name": str(words.say(words.SCHEMES, option.key)),
            "decided_by": str(words.say(words.WITH_WHOM, option.decided_by)),
            "paid_by": str(words.say(words.WITH_WHOM, option.payer)) if option.payer != option.decided_by else None,
            "grant": kr(option.grant_per_month), "loan": kr(option.loan_per_month) if option.loan_per_month else None,
            "total": kr(option.total_per_month), "lines": [_line(x) for x in option.lines],
            "notes": [str(words.say(words.REASONS, n.key)) for n in option.notes],
            "checks": [str(words.say(words.CHECK_WITH, c)) for c in option.check_with]}


def money(estimate) -> dict | None:
    if estimate is None:
        return None
    return {"options": [_option(o) for o in estimate.options],
            "not_eligible": [{"name": str(words.say(words.SCHEMES, r.scheme)), "why": str(words.say(words.REASONS, r.key)),
                              "url": r.source_url,
                              "check": str(words.say(words.CHECK_WITH, r.check_with)) if r.check_with else None}
                             for r in estimate.not_eligible]}


def where(step, view, home: dict | None) -> dict | None:
    """Where a study step is given, seen from home: in the municipality, how far the nearest
    place is (rough travel time), at a distance, or further than the person's limit."""
    if step.kind == "language":
        places = EducationPlaces("language", everywhere=True)          # sfi and sas: every municipality
    elif step.kind in ("education", "validation", "preparatory") and step.education_id:
        places = view.education_places.get(step.education_id)
    else:
        return None
    if places is None:
        return None
    home_place = view.places.get((home or {}).get("kommunkod") or "")
    if home_place is None:
        return {"text": _("Add your home municipality in Take stock to see how far away it is."), "far": False}
    limit = (home or {}).get("max_commute")
    reach = education_reach(home_place, limit, places, view.places)
    place = view.municipality_names.get(reach.place or "", "")
    if reach.reachable and reach.minutes == 0:
        return {"text": _("Given in your municipality."), "far": False}
    if reach.distance_learning:
        return {"text": _("Can be studied at a distance."), "far": False}
    if reach.reachable:
        return {"text": _("Nearest place: %(place)s, about %(minutes)s minutes away (rough estimate).",
                          place=place, minutes=reach.minutes), "far": False}
    if reach.place is None:
        return {"text": _("We do not know where this education is given. Ask the school."), "far": False}
    return {"text": _("Further than you want to travel: the nearest place is %(place)s, about %(minutes)s "
                      "minutes away; your limit is %(limit)s minutes.",
                      place=place, minutes=reach.minutes, limit=limit), "far": True}


def periods(step) -> list[dict]:
    """The money from each later date inside the step where it changes (the first is ``money``)."""
    out = []
    for p in getattr(step, "financing_periods", ())[1:]:
        primary = p.estimate.primary
        out.append({"from": words.date_text(p.start),
                    "because": ", ".join(str(words.say(words.CHANGES, b)) for b in p.because),
                    "name": str(words.say(words.SCHEMES, primary.key)) if primary else None,
                    "total": kr(primary.total_per_month) if primary else None,
                    "money": money(p.estimate)})
    return out


def step_row(step, view, licences: dict, home: dict | None = None) -> dict:
    return {"where": where(step, view, home),"kind": str(words.say(words.KINDS, step.kind)), "kind_key": step.kind,
            "name": step_name(step, view, licences), "weeks": step.weeks, "calendar_weeks": step.calendar_weeks,
            "pace": step.pace, "weeks_assumed": step.weeks_assumed,
            "start": words.date_text(step.start), "finish": words.date_text(step.finish) if step.weeks else "",
            "apply_by": words.date_text(step.apply_by) if step.kind not in (JOB_SEARCH, RECOGNITION) else "",
            "with_whom": str(words.say(words.WITH_WHOM, step.with_whom)),
            "notes": [str(words.say(words.NOTES, n)) for n in step.notes], "money": money(step.financing),
            "periods": periods(step)}


def _household(route, income: int) -> dict | None:
    study = next((s for s in route.steps if s.financing is not None and s.financing.primary), None)
    if study is None:
        return None
    h = household_view(income, study.financing)
    return {"now": kr(h.now_per_month), "studying": kr(h.studying_total_per_month), "grant": kr(h.studying_grant_per_month),
            "loan": kr(h.studying_loan_per_month), "difference": kr(h.difference_per_month),
            "difference_without_loan": kr(h.difference_without_loan), "less": h.difference_per_month < 0,
            "diff_abs": kr(abs(h.difference_per_month)),
            "option": str(words.say(words.SCHEMES, h.option))}


def route_row(route, view, licences: dict, income: int, n: int) -> dict:
    title_step = next((s for s in route.steps if s.education_id and s.kind in ("education", "validation")), None)
    title = (catalogue.education_label(view, title_step.education_id, html=True) if title_step
             else _("Straight to work: Swedish and looking for work"))
    home = _answers().get("inventera.home")
    return {"id": route.id, "n": n, "title": title,
            "steps": [step_row(s, view, licences, home) for s in route.steps],
            "skipped": [{"kind": str(words.say(words.KINDS, s.kind)),
                         "name": catalogue.level_label(view, s.key) if s.kind == "language"
                         else licences.get(s.key) or catalogue.education_label(view, s.key, html=True),
                         "why": str(words.say(words.SKIPPED, s.reason))} for s in route.skipped],
            "language": words.language_sentence(route.language, lambda lv: catalogue.level_label(view, lv)),
            "ready": words.date_text(route.ready_date), "weeks": route.weeks_to_ready,
            "weeks_assumed": route.weeks_assumed, "integrated": route.swedish_integrated,
            "notes": [str(words.say(words.NOTES, n)) for n in route.notes], "household": _household(route, income)}


# --- the decision basis ----------------------------------------------------------------------------

def _work(view, ssyk: str) -> dict:
    gid = view.by_ssyk.get(ssyk)
    group = view.groups.get(gid) if gid else None
    outlook, pay = view.outlook.get(ssyk), view.pay.get(ssyk)
    return {"description": catalogue.tagged(catalogue.localised(group.description, group.definition), group.description)
            if group is not None and (group.description or group.definition) else None,
            "now": JOB_CHANCES[outlook.job_chances]() if outlook and outlook.job_chances in JOB_CHANCES else None,
            "five_years": FIVE_YEAR[outlook.five_year]() if outlook and outlook.five_year in FIVE_YEAR else None,
            "outlook_source": wording.fact(outlook, wording.OUTLOOK),
            "pay": kr(pay.monthly_average) if pay and pay.monthly_average else None,
            "pay_source": wording.fact(pay, wording.PAY)}


def _gap(view, ssyk: str, answers: dict, licences: dict) -> dict | None:
    gid = view.by_ssyk.get(ssyk)
    if gid is None or gid not in view.catalog.groups:
        return None
    have = frozenset(s for s in answers.get("inventera.competences", {}).get("skills") or [] if s in view.catalog.skills)
    gap = compute_gap(view.catalog, gid, have)
    important = set(gap.most_important_missing)
    groups = []
    for kind in KIND_ORDER:
        ids = sorted(gap.missing_by_kind.get(kind, ()), key=lambda s: s not in important)   # what counts most first
        if ids:
            groups.append({"title": KIND_TITLES[kind](), "key": kind, "more": max(0, len(ids) - 8),
                           "skills": [{"label": catalogue.skill_label(view, s, html=True), "important": s in important,
                                       "educations": [catalogue.education_label(view, e, html=True)
                                                      for e in gap.covered_by.get(s, ())[:2]]} for s in ids[:8]]})
    head = gap.explanations[0] if gap.explanations else None
    from app.flows.inventera.results import explain

    return {"headline": explain(head, view) if head else None, "groups": groups}


def decision_context(ssyk: str) -> dict:
    answers = _answers()
    target = _target_or_404(answers, ssyk)
    view = catalogue.current()
    person, routes = routes_for(answers, ssyk)
    licences = _licence_labels(view, ssyk)
    gid = view.by_ssyk.get(ssyk)
    plain = catalogue.group_label(view, gid) if gid else target.get("label", ssyk)
    inputs, _facts = engine_inputs()
    from app.engine.routes import excluded_candidates

    excluded = [{"name": catalogue.education_label(view, e, html=True), "why": str(words.say(words.EXCLUDED, why))}
                for e, why in excluded_candidates(inputs, person, ssyk)]
    return {"ssyk": ssyk, "plain_label": plain, "routes": routes,
            "rows": [route_row(r, view, licences, income_now(answers), i + 1) for i, r in enumerate(routes)],
            "work": _work(view, ssyk), "gap": _gap(view, ssyk, answers, licences), "excluded": excluded}


def _needs_situation():
    return redirect(url_for("besluta.step", key="situation"), 303)


def occupation_view(ssyk: str):
    if person_from(_answers()) is None:
        _target_or_404(_answers(), ssyk)
        return _needs_situation()
    ctx = decision_context(ssyk)
    return render_template("besluta/occupation.html", page_heading=_("Basis for your decision: %(job)s",
                                                                      job=ctx["plain_label"]), **ctx)


def compare_view(ssyk: str):
    if person_from(_answers()) is None:
        _target_or_404(_answers(), ssyk)
        return _needs_situation()
    ctx = decision_context(ssyk)
    comparison = {c.route_id: c for c in compare_routes(ctx["routes"])}
    for row in ctx["rows"]:
        c = comparison[row["id"]]
        row["compare"] = {"lowest": kr(c.lowest_per_month), "grant_total": kr(c.grant_total),
                          "loan_total": kr(c.loan_total), "language_steps": c.language_steps}
    return render_template("besluta/compare.html", page_heading=_("Compare routes: %(job)s", job=ctx["plain_label"]),
                           form=ChooseRouteForm(), **ctx)


def choose_view(ssyk: str):
    answers = _answers()
    _target_or_404(answers, ssyk)
    if person_from(answers) is None:
        return _needs_situation()
    form = ChooseRouteForm()
    _person, routes = routes_for(answers, ssyk)
    route = next((r for r in routes if r.id == form.route.data), None)
    if not form.validate_on_submit() or route is None:
        return redirect(url_for("besluta.compare", ssyk=ssyk), 303)
    target = next(t for t in targets(answers) if t["ssyk"] == ssyk)
    plan = build_plan(route, Goal(ssyk, target.get("label", "")), today())
    store.save_answers(store.current_plan() or store.get_or_create_plan(), PLAN_STEP,
                       dict(plan.to_dict(), user_notes={}))
    return redirect(url_for("besluta.plan"), 303)


# --- the plan ----------------------------------------------------------------------------------------

def load_plan() -> tuple[Plan, dict] | tuple[None, None]:
    saved = store.answers_for(store.current_plan(), PLAN_STEP)
    plan = schema.plan_from_stored(saved)
    if plan is None:
        return None, None
    return plan, dict(saved.get("user_notes") or {})


def save_plan(plan: Plan, notes: dict) -> None:
    store.save_answers(store.current_plan() or store.get_or_create_plan(), PLAN_STEP,
                       dict(plan.to_dict(), user_notes=notes))


def _sorted(steps) -> tuple:
    return tuple(sorted(steps, key=lambda s: (s.start or date.max, s.finish or date.max)))


def plan_rows(plan: Plan, notes: dict, view, licences: dict, forms: dict) -> list[dict]:
    rows = []
    for i, s in enumerate(_sorted(plan.steps)):
        prefix = f"s{i}-"
        money_row = None
        if s.money is not None:
            money_row = {"name": str(words.say(words.SCHEMES, s.money.scheme)),
                         "total": kr(s.money.grant_per_month + s.money.loan_per_month),
                         "loan": kr(s.money.loan_per_month) if s.money.loan_per_month else None,
                         "checks": [str(words.say(words.CHECK_WITH, c)) for c in s.money.check_with],
                         "source": wording.money_fact(s.money)}
        bound = forms.get(s.id, {})
        rows.append({
            "id": s.id, "n": i, "kind": str(words.say(words.KINDS, s.kind)), "kind_key": s.kind,
            "asap": bool(s.apply_by and s.apply_by < today() and s.start == s.apply_by and s.kind != "own"),
            "name": s.label if s.kind == "own" else step_name(s, view, licences),
            "start": words.date_text(s.start), "finish": words.date_text(s.finish) if s.finish and s.finish != s.start else "",
            "apply_by": words.date_text(s.apply_by) if s.apply_by and s.apply_by != s.start else "",
            # a last day that has passed is never shown as one: apply as soon as possible
            "apply_now": bool(s.apply_by and s.apply_by < today() and s.kind != "own"),
            "with_whom": str(words.say(words.WITH_WHOM, s.with_whom)),
            "follow_up": [words.date_text(d) for d in s.follow_up],
            "notes": [str(words.say(words.NOTES, n)) for n in s.notes if s.kind != "own"],
            "money": money_row, "user_note": notes.get(s.id, ""), "weeks_assumed": s.weeks_assumed,
            "move": bound.get("move") or MoveStepForm(prefix=prefix, formdata=None, data={"start": s.start}),
            "note": bound.get("note") or NoteForm(prefix=prefix + "n-", formdata=None, data={"note": notes.get(s.id, "")}),
            "remove": RemoveStepForm(prefix=prefix + "r-", formdata=None),
        })
    return rows


def render_plan(plan: Plan, notes: dict, forms: dict | None = None, add_form=None, status: int = 200):
    view = catalogue.current()
    licences = _licence_labels(view, plan.goal.ssyk)
    goal = catalogue.group_label(view, view.by_ssyk[plan.goal.ssyk]) if plan.goal.ssyk in view.by_ssyk \
        else plan.goal.label
    printing = request.args.get("print") == "1"
    heading = _("Basis for decision: %(job)s", job=goal) if printing else _("Your plan: %(job)s", job=goal)
    upcoming = plan.next_follow_up(today())
    rows = plan_rows(plan, notes, view, licences, forms or {})
    add_form = add_form or AddStepForm(prefix="add-", formdata=None)
    bound = [f for r in rows for f in (r["move"], r["note"])] + [add_form]
    failed = [(field.id, field.errors[0]) for f in bound for field in f if field.errors]
    undo = None
    if plan.removed:
        main = next((s for s in plan.removed[-1].steps if s.kind != "apply_financing"), plan.removed[-1].steps[0])
        undo = {"name": main.label if main.kind == "own" else step_name(main, view, licences)}
    return render_template(
        "besluta/plan.html", page_heading=heading, plan=plan, goal=goal, printing=printing, undo=undo,
        rows=rows, failed=failed, ready=words.date_text(plan.ready_date),
        next_follow_up=words.date_text(upcoming) if upcoming else None,
        add_form=add_form, today=today()), status


def plan_view():
    plan, notes = load_plan()
    if plan is None:
        return render_template("besluta/no_plan.html", page_heading=_("You have not chosen a route yet"),
                               targets=_target_links(_answers()))
    return render_plan(plan, notes)


def _step_index(plan: Plan, step_id: str) -> int:
    for i, s in enumerate(plan.steps):
        if s.id == step_id:
            return i
    abort(404)


def _prefix(plan: Plan, step_id: str) -> str:
    ordered = [s.id for s in _sorted(plan.steps)]
    return f"s{ordered.index(step_id)}-"


def edit_step_view(step_id: str, action: str):
    """POST: move a step's date (and what depends on it, the money estimated again), change its
    notes, or remove it (can be undone); errors show at the field (422)."""
    plan, notes = load_plan()
    if plan is None:
        abort(404)
    step, prefix = plan.steps[_step_index(plan, step_id)], _prefix(plan, step_id)
    if action == "remove":
        if not RemoveStepForm(prefix=prefix + "r-").validate_on_submit():
            abort(400)
        save_plan(remove_step(plan, step_id), notes)        # its notes stay, for an undo
        return redirect(url_for("besluta.plan") + "#undo", 303)
    if action == "note":
        form = NoteForm(prefix=prefix + "n-")
        if not form.validate_on_submit():
            return render_plan(plan, notes, forms={step_id: {"note": form}}, status=422)
        notes[step_id] = form.note.data or ""
        save_plan(plan, {k: v for k, v in notes.items() if v})
        return redirect(url_for("besluta.plan") + f"#step-{step_id}", 303)
    form = MoveStepForm(prefix=prefix)
    if not form.validate_on_submit():
        return render_plan(plan, notes, forms={step_id: {"move": form}}, status=422)
    moved, changed = move_step(plan, step.id, form.start.data)
    _inputs, facts = engine_inputs()
    save_plan(reestimate(moved, person_from(_answers()), facts, changed), notes)
    return redirect(url_for("besluta.plan") + f"#step-{step_id}", 303)


def undo_view():
    """POST: put back the step removed last."""
    plan, notes = load_plan()
    if plan is None or not plan.removed:
        abort(404)
    if not UndoForm().validate_on_submit():
        abort(400)
    restored = plan.removed[-1].steps
    save_plan(undo_remove(plan), notes)
    return redirect(url_for("besluta.plan") + f"#step-{restored[0].id}", 303)


def add_step_view():
    plan, notes = load_plan()
    if plan is None:
        abort(404)
    form = AddStepForm(prefix="add-")
    ok = form.validate_on_submit()
    if ok and not schema.room_for_own_step(plan):
        form.title.errors = [_("Your plan has as many steps of your own as it can hold (%(n)s). "
                               "Remove one to add another.", n=schema.MAX_OWN_STEPS)]
        ok = False
    if not ok:
        return render_plan(plan, notes, add_form=form, status=422)
    plan, step_id = add_own_step(plan, form.title.data, form.start.data)
    save_plan(plan, notes)
    return redirect(url_for("besluta.plan") + f"#step-{step_id}", 303)
