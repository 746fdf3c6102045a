"""Wording: every engine key as a sentence, the formatting of money, dates, periods and lists,
and the presenters of a step (``PlanRow``), shared by every flow, the PDF, the .ics and the
shared view, and how a fact's source, period and age are said (``facts.py``). Imports the
catalogue's read model and the engine, never a flow or the plan store."""
from app.wording.facts import (  # noqa: F401
    AMOUNT, EDUCATION, OUTLOOK, PAY, RULE, expired_text, fact, freshness, money_fact,
)
from app.wording.sentences import (  # noqa: F401
    CHANGES, CHECK_WITH, EXCLUDED, GENERIC, KIND_ORDER, KIND_TITLES, KINDS, LANGUAGE, LINE_KINDS, NOTES, PARTS,
    REASONS, SCHEMES, SKIPPED, WITH_WHOM, date_text, explain, kr, language_sentence, listed, period, say,
)
from app.wording.steps import (  # noqa: F401
    PLACES, MoneyLine, PlanRow, agenda_row, excluded, goal_name, household, in_order, money, money_line,
    place_url, plan_row, route_row, route_step_row, step_name, where,
)
