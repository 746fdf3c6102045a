from flask_babel import lazy_gettext as _l

from app.flows.upptacka.forms import GoalForm, WorriesForm
from app.flows.wizard import Flow, Step

FLOW = Flow(
    name="upptacka",
    title=_l("Discover"),
    lead=_l("See how education can be a way to work, and what stands in the way."),
    steps=(
        Step("goal", _l("What would you like most right now?"), GoalForm, "upptacka/goal.html"),
        Step("worries", _l("Is there something that makes studying feel hard?"), WorriesForm,
             "upptacka/worries.html"),
    ),
    check_template="upptacka/check_answers.html",
    index_template="upptacka/index.html",
)
