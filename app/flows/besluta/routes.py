"""Besluta's pages: the decision basis per target occupation (the work, the gap, the routes),
the comparison, choosing a route and the plan. Views gather inputs from the plan store and the
catalogue's read model, call ``app.engine`` and hand its results to ``app.wording``."""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, get_template_attribute, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app import memo, wording
from app.content import catalogue
from app.engine import Goal, Plan, build_plan, build_routes, compare_routes, compute_gap
from app.engine.levels import required_education
from app.engine.plan import add_own_step, in_order, move_step, reestimate, remove_step, undo_remove
from app.engine.routes import RouteOccupation, excluded_candidates, within_reach_first
from app.flows.besluta import goals, tracks
from app.flows.besluta.forms import AddStepForm, ChooseRouteForm, MoveStepForm, NoteForm, RemoveStepForm, UndoForm
from app.flows.besluta.person import engine_inputs, income_now, person_from, targets, today
from app.flows.besluta.steps import FLOW
from app.flows.wizard import add_flow_routes
from app.plans import answers as saved_answers
from app.plans import schema, store
from app.plans.answers import Besluta, Inventera
from app.wording import KIND_ORDER, KIND_TITLES, date_text, kr

bp = Blueprint("besluta", __name__, url_prefix="/besluta", template_folder="templates")
add_flow_routes(bp, FLOW)


FIVE_YEAR = {"öka": lambda: _("More jobs in 5 years"), "minska": lambda: _("Fewer jobs in 5 years"),
             "vara oförändrad": lambda: _("About as many jobs in 5 years")}
JOB_CHANCES = {"stora": lambda: _("Good chances of getting a job now"),
               "medelstora": lambda: _("Fair chances of getting a job now"),
               "små": lambda: _("Small chances of getting a job now")}
MAX_NOTES = 500


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
            "situation_done": person_from(answers) is not None, "has_plan": Besluta.of(answers).has_plan}


def _target_or_404(answers: dict, ssyk: str) -> dict:
    """One of the person's targets that has routes (the comparison and choosing need both)."""
    target = next((t for t in targets(answers) if t["ssyk"] == ssyk), None)
    if target is None or route_inputs_for(ssyk)[0] is None:
        abort(404)
    return target


def route_inputs_for(ssyk: str):
    """(RouteInputs, FinancingFacts) that know ``ssyk``: the curated occupation; else, when some
    catalogue education leads there, the group as the taxonomy has it; else (None, facts)."""
    inputs, facts = engine_inputs()
    if ssyk in inputs.occupations:
        return inputs, facts
    if not any(ssyk in e.leads_to for e in inputs.educations.values() if e.form not in ("sfi", "sas")):
        return None, facts
    view = catalogue.current()
    group = view.catalog.groups.get(view.by_ssyk.get(ssyk, ""))
    if group is None:
        return None, facts
    occupation = RouteOccupation(ssyk=ssyk, label=group.label, education_required=required_education(group)[0])
    return replace(inputs, occupations={**inputs.occupations, ssyk: occupation}), facts


def routes_for(answers: dict, ssyk: str):
    inputs, facts = route_inputs_for(ssyk)
    person = person_from(answers)
    if inputs is None or person is None:
        return person, ()
    home, limit = tracks.home_of(catalogue.current(), answers)
    return person, build_routes(inputs, person, ssyk, start=today(), facts=facts, home=home, limit_minutes=limit)


# --- the decision basis ----------------------------------------------------------------------------

def _work(view, ssyk: str) -> dict:
    outlook, pay = view.outlook.get(ssyk), view.pay.get(ssyk)
    return {"description": catalogue.description_html(view, ssyk),
            "now": JOB_CHANCES[outlook.job_chances]() if outlook and outlook.job_chances in JOB_CHANCES else None,
            "five_years": FIVE_YEAR[outlook.five_year]() if outlook and outlook.five_year in FIVE_YEAR else None,
            "outlook_source": wording.fact(outlook, wording.OUTLOOK),
            "pay": kr(pay.monthly_average) if pay and pay.monthly_average else None,
            "pay_source": wording.fact(pay, wording.PAY)}


def _gap(view, ssyk: str, answers: dict, licences: dict) -> dict | None:
    """The gap as a counsellor puts it: "x of y core competences" with the missing core first,
    then everything else the profile lists, grouped by kind (issue 11)."""
    gid = view.by_ssyk.get(ssyk)
    if gid is None or gid not in view.catalog.groups:
        return None
    have = frozenset(s for s in Inventera.of(answers).skills if s in view.catalog.skills)
    gap = compute_gap(view.catalog, gid, have)

    def skill(s):
        return {"label": catalogue.skill_label(view, s, html=True),
                "educations": [catalogue.education_label(view, e, html=True) for e in gap.covered_by.get(s, ())[:2]]}

    groups = [{"title": KIND_TITLES[kind](), "key": kind, "more": max(0, len(ids) - 8), "skills": [skill(s) for s in ids[:8]]}
              for kind in KIND_ORDER if (ids := gap.other_missing_by_kind.get(kind, ()))]
    head = gap.explanations[0] if gap.explanations else None
    return {"headline": wording.explain(head, view) if head else None,
            "core_missing": [skill(s) for s in gap.most_important_missing],
            "core_had": [catalogue.skill_label(view, s, html=True) for s in gap.most_important_have],
            "groups": groups}


def decision_context(ssyk: str) -> dict:
    """The decision basis of any of the 400 groups, for any person: the work and the gap always;
    routes when the situation is known and the catalogue has a way there (issue 11). Built once
    per profile version (app/memo.py); each caller gets its own rows to add to."""
    gid = goals.group_or_404(ssyk)
    answers = _answers()
    view = catalogue.current()
    ctx = memo.per_profile("decision", view, answers, lambda: _decision_context(view, answers, ssyk, gid), ssyk)
    return dict(ctx, rows=[dict(row) for row in ctx["rows"]], added=request.args.get("added") == "1")


def _decision_context(view, answers: dict, ssyk: str, gid: str) -> dict:
    person, routes = routes_for(answers, ssyk)
    licences = catalogue.licence_labels(view, ssyk)
    inputs, _facts = route_inputs_for(ssyk)
    home = Inventera.of(answers).home
    rows = [wording.route_row(r, view, licences, income_now(answers), i + 1, home) for i, r in enumerate(routes)]
    # routes beyond the travel limit come after those within it (still shown, with the distance)
    routes = within_reach_first(routes, {row["id"] for row in rows if row["beyond_limit"]})
    by_id = {row["id"]: row for row in rows}
    chosen = targets(answers)
    article = get_template_attribute("besluta/_route.html", "route_article")
    track_ctx = tracks.context(view, inputs, person, ssyk, answers, routes)
    rows = [dict(by_id[r.id], n=i + 1, track=track_ctx["track_info"].get(r.id)) for i, r in enumerate(routes)]
    for row in rows:
        row["html"] = article(row)
    return {"ssyk": ssyk, "plain_label": catalogue.group_label(view, gid), "routes": routes,
            "rows": rows,
            "work": _work(view, ssyk), "gap": _gap(view, ssyk, answers, licences),
            "excluded": wording.excluded(view, excluded_candidates(inputs, person, ssyk) if inputs and person else ()),
            "needs_situation": person is None, "has_route": inputs is not None,
            "is_target": any(t["ssyk"] == ssyk for t in chosen), "targets_full": len(chosen) >= goals.MAX_TARGETS,
            "similar": goals.similar(view, ssyk), "tracks_not_yet": track_ctx["tracks_not_yet"],
            "employer_gaps": track_ctx["employer_gaps"]}


def _needs_situation():
    return redirect(url_for("besluta.step", key="situation"), 303)


@bp.route("/yrke/<ssyk>")
def occupation(ssyk: str):
    """The decision basis of any occupation group: the work, the gap, similar occupations, and
    the routes for this person once the situation is known."""
    ctx = decision_context(ssyk)
    return render_template("besluta/occupation.html", page_heading=_("Basis for your decision: %(job)s",
                                                                      job=ctx["plain_label"]), **ctx)


def _compared(routes) -> dict[str, dict]:
    """Each route's comparison figures in words, by route id."""
    return {c.route_id: {"lowest": kr(c.lowest_per_month), "grant_total": kr(c.grant_total),
                         "loan_total": kr(c.loan_total), "language_steps": c.language_steps}
            for c in compare_routes(routes)}


@bp.route("/yrke/<ssyk>/jamfor")
def compare(ssyk: str):
    """The routes to one target side by side."""
    answers = _answers()
    _target_or_404(answers, ssyk)
    if person_from(answers) is None:
        return _needs_situation()
    ctx = decision_context(ssyk)
    compared = memo.per_profile("compare", catalogue.current(), answers, lambda: _compared(ctx["routes"]), ssyk)
    for row in ctx["rows"]:
        row["compare"] = compared[row["id"]]
    return render_template("besluta/compare.html", page_heading=_("Compare routes: %(job)s", job=ctx["plain_label"]),
                           form=ChooseRouteForm(), **ctx)


@bp.route("/mal")
def goal():
    """"I want to become ...": search every occupation name and synonym; ?omrade=N browses an area."""
    view = catalogue.current()
    q, area = goals.query(), (request.args.get("omrade") or "")[:1]
    area = area if area in goals.AREAS else None
    return render_template("besluta/goal.html", page_heading=_("I want to become ..."), query=q,
                           hits=goals.goal_hits(view, q), areas=[(k, str(v)) for k, v in goals.AREAS.items()],
                           area=area, area_label=str(goals.AREAS[area]) if area else None,
                           area_groups=goals.area_groups(view, area) if area else [])


@bp.route("/yrke/<ssyk>/mal", methods=["POST"])
def make_target(ssyk: str):
    """Make the occupation one of the person's targets; with 3 already, ask which one to swap."""
    gid = goals.group_or_404(ssyk)
    form = goals.MakeTargetForm()
    chosen = targets(_answers())
    if not form.validate_on_submit() or any(t["ssyk"] == ssyk for t in chosen):
        return redirect(url_for("besluta.occupation", ssyk=ssyk), 303)
    if len(chosen) >= goals.MAX_TARGETS:
        swap = form.replace.data
        if swap not in {t["ssyk"] for t in chosen}:
            return goals.ask_which(ssyk, chosen, form, invalid=swap is not None)
        chosen = [t for t in chosen if t["ssyk"] != swap]
    view = catalogue.current()
    chosen.append({"group_id": gid, "ssyk": ssyk, "label": catalogue.group_label(view, gid), "named": True})
    store.save_answers(store.current_plan() or store.get_or_create_plan(), saved_answers.TARGETS,
                       {"targets": [t["group_id"] for t in chosen], "details": chosen})
    return redirect(url_for("besluta.occupation", ssyk=ssyk, added=1), 303)


@bp.route("/yrke/<ssyk>/valj", methods=["POST"])
def choose(ssyk: str):
    """Choose a route: it becomes the plan."""
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
    store.save_answers(store.current_plan() or store.get_or_create_plan(), saved_answers.PLAN,
                       dict(plan.to_dict(), user_notes={}))
    return redirect(url_for("besluta.plan"), 303)


# --- the plan ----------------------------------------------------------------------------------------

def load_plan() -> tuple[Plan, dict] | tuple[None, None]:
    saved = store.answers_for(store.current_plan(), saved_answers.PLAN)
    plan = schema.plan_from_stored(saved)         # a plan that does not match the schema: no plan
    if plan is None:
        return None, None
    return plan, dict(saved.get("user_notes") or {})


def save_plan(plan: Plan, notes: dict) -> None:
    store.save_answers(store.current_plan() or store.get_or_create_plan(), saved_answers.PLAN,
                       dict(plan.to_dict(), user_notes=notes))


def plan_rows(plan: Plan, notes: dict, view, licences: dict, forms: dict) -> list[dict]:
    """The plan's steps in words, each with its small forms (move, note, remove)."""
    rows = []
    for i, s in enumerate(in_order(plan.steps)):
        prefix = f"s{i}-"
        bound = forms.get(s.id, {})
        rows.append({
            "step": wording.plan_row(s, view, licences, n=i, user_note=notes.get(s.id, "")),
            "move": bound.get("move") or MoveStepForm(prefix=prefix, formdata=None, data={"start": s.start}),
            "note": bound.get("note") or NoteForm(prefix=prefix + "n-", formdata=None, data={"note": notes.get(s.id, "")}),
            "remove": RemoveStepForm(prefix=prefix + "r-", formdata=None),
        })
    return rows


def render_plan(plan: Plan, notes: dict, forms: dict | None = None, add_form=None, status: int = 200):
    view = catalogue.current()
    licences = catalogue.licence_labels(view, plan.goal.ssyk)
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
        undo = {"name": main.label if main.kind == "own" else wording.decision_step_name(main, view, licences)}
    return render_template(
        "besluta/plan.html", page_heading=heading, plan=plan, goal=goal, printing=printing, undo=undo,
        rows=rows, failed=failed, ready=date_text(plan.ready_date),
        next_follow_up=date_text(upcoming) if upcoming else None,
        add_form=add_form, today=today()), status


@bp.route("/plan")
def plan():
    """The plan as a dated timeline; ``?print=1`` is the printable decision basis."""
    plan, notes = load_plan()
    if plan is None:
        return render_template("besluta/no_plan.html", page_heading=_("You have not chosen a route yet"),
                               targets=_target_links(_answers()))
    return render_plan(plan, notes)


def _prefix(plan: Plan, step_id: str) -> str:
    ordered = [s.id for s in in_order(plan.steps)]
    return f"s{ordered.index(step_id)}-"


@bp.route("/plan/steg/<step_id>/<any(move, note, remove):action>", methods=["POST"])
def edit_step(step_id: str, action: str):
    """POST: move a step's date (and what depends on it, the money estimated again), change its
    notes, or remove it (can be undone); errors show at the field (422)."""
    plan, notes = load_plan()
    if plan is None or step_id not in {s.id for s in plan.steps}:
        abort(404)
    prefix = _prefix(plan, step_id)
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
    moved, changed = move_step(plan, step_id, form.start.data)
    _inputs, facts = engine_inputs()
    save_plan(reestimate(moved, person_from(_answers()), facts, changed), notes)
    return redirect(url_for("besluta.plan") + f"#step-{step_id}", 303)


@bp.route("/plan/angra", methods=["POST"])
def undo():
    """Put back the step removed last."""
    plan, notes = load_plan()
    if plan is None or not plan.removed:
        abort(404)
    if not UndoForm().validate_on_submit():
        abort(400)
    restored = plan.removed[-1].steps
    save_plan(undo_remove(plan), notes)
    return redirect(url_for("besluta.plan") + f"#step-{restored[0].id}", 303)


@bp.route("/plan/steg", methods=["POST"])
def add_step():
    """Add your own step (title and date)."""
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


# --- the decision basis to take along ----------------------------------------------------------------

def _sources(ctx: dict, plan_rows: list) -> list[dict]:
    """Every fact the basis shows, once, with its source and date (and its age)."""
    found: dict[str, dict] = {}

    def add(fact: dict | None) -> None:
        if fact and fact.get("url") and fact["url"] not in found:
            found[fact["url"]] = fact

    for target in ctx:
        add(target["work"]["outlook_source"])
        add(target["work"]["pay_source"])
        for route in target["rows"]:
            for step in route["steps"]:
                for option in (step.estimate or {}).get("options", ())[:1]:
                    for line in option["lines"]:
                        add(line["source"])
    for row in plan_rows:
        add(row.money.source if row.money else None)
    return list(found.values())


def basis_context() -> dict:
    """The decision basis for every target (the work, the gap, the compared routes with money and
    the Swedish on the way, the chosen route and its plan), and every source with its date."""
    answers = _answers()
    return memo.per_profile("basis", catalogue.current(), answers, lambda: _basis_context(answers))


def _basis_context(answers: dict) -> dict:
    known = engine_inputs()[0].occupations
    targets_ctx = []
    for t in targets(answers):
        if t["ssyk"] not in known:       # a target the catalogue no longer has: left out
            continue
        ctx = decision_context(t["ssyk"])
        compared = _compared(ctx["routes"])
        for row in ctx["rows"]:
            row["compare"] = compared[row["id"]]
        targets_ctx.append(ctx)
    plan, notes = load_plan()
    view = catalogue.current()
    chosen = None
    if plan is not None:
        licences = catalogue.licence_labels(view, plan.goal.ssyk)
        chosen = {"ssyk": plan.goal.ssyk, "route_id": plan.route_id, "ready": date_text(plan.ready_date),
                  "rows": [wording.plan_row(s, view, licences, n=i, user_note=notes.get(s.id, ""))
                           for i, s in enumerate(in_order(plan.steps))]}
    ctx = {"targets": targets_ctx, "chosen": chosen, "made": date_text(today()),
           "sources": _sources(targets_ctx, chosen["rows"] if chosen else [])}
    ctx["basis_html"] = get_template_attribute("besluta/_basis.html", "basis")(**ctx)
    return ctx


@bp.route("/underlag")
def basis():
    """'Underlag för beslut': the whole decision basis as one page to print or save."""
    if person_from(_answers()) is None:
        return _needs_situation()
    return render_template("besluta/basis.html", page_heading=_("Basis for decision"), **basis_context())


@bp.route("/underlag.pdf")
def basis_pdf():
    """The decision basis as a PDF (server side, the same content as the print page)."""
    from flask import Response

    from app import pdfs

    if person_from(_answers()) is None:
        return _needs_situation()
    ctx = basis_context()
    body = pdfs.make(store.current_plan().id, ("basis", ctx), lambda: render_template(
        "besluta/basis_pdf.html", page_heading=_("Basis for decision"), **ctx))
    if not isinstance(body, bytes):
        return body                                  # another PDF is being made: try again shortly
    return Response(body, mimetype="application/pdf", headers={
        "Content-Disposition": 'attachment; filename="vagval-underlag.pdf"', "Cache-Control": "no-store"})
