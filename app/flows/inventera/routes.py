"""Inventera's blueprint: the generic question steps (steps.py, views.py for the steps with their
own view) and the results page."""
from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from wtforms.fields.choices import SelectChoice

from app.content import catalogue
from app.flows.inventera import results as results_cards
from app.flows.inventera.forms import TargetsForm
from app.flows.inventera.steps import FLOW
from app.flows.wizard import add_flow_routes
from app.plans import answers as saved_answers
from app.plans import store
from app.plans.answers import Inventera

bp = Blueprint("inventera", __name__, url_prefix="/inventera", template_folder="templates")
add_flow_routes(bp, FLOW)


@bp.route("/resultat", methods=["GET", "POST"])
def results():
    """Occupations ranked for the person; up to 3 chosen as targets for Besluta."""
    plan = store.current_plan()
    answers = store.all_answers(plan)
    draft = store.draft_for(plan, saved_answers.COMPETENCES)   # ticked and autosaved, not yet "continued"
    if draft:
        answers[saved_answers.COMPETENCES] = draft
    cards = results_cards.ranked_cards(answers)
    form = TargetsForm(formdata=request.form if request.method == "POST" else None,
                       data=answers.get(saved_answers.TARGETS) if request.method == "GET" else None)
    saved = list(Inventera.of(answers).target_ids)
    ids = [c["group_id"] for c in cards] + [g for g in saved if g not in {c["group_id"] for c in cards}]
    form.targets.choices = [SelectChoice(g, g) for g in ids]
    status = 200
    if request.method == "POST":
        if form.validate():
            view = catalogue.current()
            chosen = form.targets.data
            named = {t["group_id"] for t in Inventera.of(answers).targets if t.get("named")}   # keep "named"
            store.save_answers(plan or store.get_or_create_plan(), saved_answers.TARGETS, {
                "targets": chosen,
                "details": [dict({"group_id": g, "ssyk": view.catalog.groups[g].ssyk if g in view.catalog.groups else None,
                                  "label": catalogue.group_label(view, g)}, **({"named": True} if g in named else {}))
                            for g in chosen]})
            return redirect(url_for("inventera.results", saved=1) + "#choose", 303)
        status = 422
    answered = [k for k in (saved_answers.COMPETENCES, saved_answers.INTERESTS, saved_answers.DRIVERS) if k in answers]
    return render_template("inventera/results.html", cards=cards, form=form, answered=answered,
                           saved_ok=request.args.get("saved") == "1",
                           page_heading=_("Occupations that could fit you")), status
