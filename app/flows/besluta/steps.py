from flask_babel import lazy_gettext as _l

from app.flows.besluta.forms import MoneyOverTimeForm, PrioritiesForm, SituationForm
from app.flows.wizard import Flow, Step
from app.plans.answers import Besluta, Inventera


def _index_context(answers: dict) -> dict:
    from app.flows.besluta.routes import index_context

    return index_context(answers)


def _situation_context(answers: dict) -> dict:
    """Upper secondary is asked only when Inventera's education answer does not already tell."""
    return {"ask_upper_secondary": Inventera.of(answers).upper_secondary is None}


def _money_questions_matter(answers: dict) -> bool:
    from app.flows.besluta.person import money_over_time_groups

    return bool(money_over_time_groups(answers))


def _money_context(answers: dict) -> dict:
    """Only the money-over-time questions that matter for this person; the children's count."""
    from app.flows.besluta.person import money_over_time_groups

    return {"groups": money_over_time_groups(answers), "children": Besluta.of(answers).children}


def _next_link(answers: dict):
    """After the questions: the plan if a route is chosen, else the first target's decision
    basis, else the results where targets are chosen."""
    from flask import url_for

    if Besluta.of(answers).has_plan:
        return url_for("besluta.plan"), _l("See your plan")
    targets = Inventera.of(answers).targets
    if targets:
        return url_for("besluta.occupation", ssyk=targets[0]["ssyk"]), _l("See the basis for your decision")
    return url_for("inventera.results"), _l("Choose occupations to compare")


FLOW = Flow(
    name="besluta",
    title=_l("Decide"),
    lead=_l("Compare occupations and routes: time, money, Swedish and distance, for you."),
    steps=(
        Step("situation", _l("Your situation now"), SituationForm, "besluta/situation.html",
             form_context=_situation_context),
        Step("money", _l("A few more questions about money over time"), MoneyOverTimeForm,
             "besluta/money_over_time.html", applies=_money_questions_matter, form_context=_money_context),
        Step("priorities", _l("What matters most to you in your choice?"), PrioritiesForm,
             "besluta/priorities.html"),
    ),
    index_template="besluta/index.html",
    index_context=_index_context,
    done_when=lambda answers: Besluta.of(answers).has_plan,     # done when a route is chosen
    next_link=_next_link,
)
