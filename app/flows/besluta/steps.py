from flask_babel import lazy_gettext as _l

from app.flows.besluta.forms import MoneyOverTimeForm, PrioritiesForm, SituationForm
from app.flows.wizard import Flow, Step


def _index_context(answers: dict) -> dict:
    from app.flows.besluta.views import index_context

    return index_context(answers)


def _money_questions_matter(answers: dict) -> bool:
    from app.flows.besluta.person import money_over_time_groups

    return bool(money_over_time_groups(answers))


FLOW = Flow(
    name="besluta",
    title=_l("Decide"),
    lead=_l("Compare occupations and routes: time, money, Swedish and distance, for you."),
    steps=(
        Step("situation", _l("Your situation now"), SituationForm, "besluta/situation.html"),
        Step("money", _l("A few more questions about money over time"), MoneyOverTimeForm,
             "besluta/money_over_time.html", applies=_money_questions_matter),
        Step("priorities", _l("What matters most to you in your choice?"), PrioritiesForm,
             "besluta/priorities.html"),
    ),
    index_template="besluta/index.html",
    index_context=_index_context,
)
