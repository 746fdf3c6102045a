"""Steps as data, the one generic question view, and task-list statuses.

A flow is an ordered tuple of steps. The step order drives the back link, "Continue",
"question 2 of 3" and the task-list status on the start page. Views stay thin: load the
plan, bind the form, save at once, redirect (303), or re-render with the errors (422).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from flask import abort, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from app import htmx
from app.forms import AppForm
from app.plans import store

NOT_STARTED, IN_PROGRESS, DONE = "not_started", "in_progress", "done"
STATUS_LABELS = {NOT_STARTED: _l("Not started"), IN_PROGRESS: _l("In progress"), DONE: _l("Done")}


@dataclass(frozen=True)
class Step:
    key: str                                  # "swedish"; stored as "<flow>.<key>"
    title: Any                                # lazy string: the question, also the page <h1>
    form: type[AppForm]
    template: str
    summarise: Callable[[AppForm], list[str]] | None = None   # answer text for check-answers
    # Optional, all default to the plain behaviour:
    view: Callable[..., Any] | None = None    # view(flow, step): a step with its own view (search, add, remove)
    applies: Callable[[dict], bool] | None = None   # applies(all answers): False skips the step (branching)
    summarise_saved: Callable[[dict], list[str]] | None = None   # answer text from the saved dict
    form_context: Callable[[dict], dict] | None = None   # form_context(all answers): extra form arguments

    def applies_to(self, answers: dict[str, dict]) -> bool:
        return self.applies is None or bool(self.applies(answers))


@dataclass(frozen=True)
class Flow:
    name: str                                 # blueprint name and URL prefix
    title: Any
    lead: Any                                 # one sentence: what this area is for
    steps: tuple[Step, ...] = field(default_factory=tuple)
    check_template: str = "layouts/check_answers.html"
    index_template: str = "layouts/flow_index.html"
    index_context: Callable[[dict], dict] | None = None   # index_context(all answers): extra start-page context
    after_last: str | None = None             # endpoint after the last step (default: check answers)
    # done_when(all answers): what really finishes the area (Besluta: a route chosen), when
    # answering its questions is not enough; without it, every question answered is done
    done_when: Callable[[dict], bool] | None = None
    # next_link(all answers) -> (url, label): the natural next step, offered when the area's
    # questions are answered (check answers), so no "done" page is a dead end
    next_link: Callable[[dict], tuple[str, Any]] | None = None

    def _answers(self) -> dict[str, dict]:
        """All saved answers, read only when some step branches (applies)."""
        if not any(s.applies for s in self.steps):
            return {}
        return store.all_answers(store.current_plan())

    def active_steps(self, answers: dict[str, dict] | None = None) -> tuple[Step, ...]:
        if not any(s.applies for s in self.steps):
            return self.steps
        answers = self._answers() if answers is None else answers
        return tuple(s for s in self.steps if s.applies_to(answers))

    def step(self, key: str) -> Step:
        for s in self.steps:
            if s.key == key:
                return s
        abort(404)

    def step_id(self, step: Step) -> str:
        return f"{self.name}.{step.key}"

    def index_of(self, key: str) -> int:
        return [s.key for s in self.steps].index(key)

    def url_for_step(self, key: str, **kw) -> str:
        return url_for(f"{self.name}.step", key=key, **kw)

    def next_url(self, key: str) -> str:
        if request.args.get("next") == "check":
            return url_for(f"{self.name}.check_answers")
        i = self.index_of(key)
        answers = self._answers()
        for s in self.steps[i + 1:]:
            if s.applies_to(answers):
                return self.url_for_step(s.key)
        return url_for(self.after_last or f"{self.name}.check_answers")

    def back_url(self, key: str, answers: dict[str, dict] | None = None) -> str:
        i = self.index_of(key)
        if request.args.get("next") == "check":
            return url_for(f"{self.name}.check_answers")
        answers = self._answers() if answers is None else answers
        for s in reversed(self.steps[:i]):
            if s.applies_to(answers):
                return self.url_for_step(s.key)
        return url_for(f"{self.name}.index")

    def status(self, answers: dict[str, dict]) -> str:
        """From what the person has really done: not started, in progress, or done (every
        question answered, and ``done_when`` where the area asks for more)."""
        steps = self.active_steps(answers)
        answered = sum(1 for s in steps if self.step_id(s) in answers)
        finished = self.done_when(answers) if self.done_when else answered == len(steps)
        if finished and answered == len(steps):
            return DONE
        if answered == 0 and not finished:
            return NOT_STARTED
        return IN_PROGRESS

    def position(self, key: str, answers: dict[str, dict] | None = None) -> tuple[int, int]:
        """("Question n of m") among the questions that apply to this person: a skipped
        conditional question counts in neither."""
        active = [s.key for s in self.active_steps(answers)]
        if key not in active:
            return self.index_of(key) + 1, len(self.steps)
        return active.index(key) + 1, len(active)

    def first_open_step(self, answers: dict[str, dict]) -> Step:
        for s in self.active_steps(answers):
            if self.step_id(s) not in answers:
                return s
        return self.steps[0]


def keep_next() -> dict:
    """Query arguments a step keeps across a language switch (a change link's way back)."""
    return {"next": "check"} if request.args.get("next") == "check" else {}


def bind_form(flow: Flow, step: Step, plan, formdata=None) -> AppForm:
    """The step's form, bound to the request, or filled from the draft or the saved answer.
    What the form needs to know beyond its own answer comes from ``step.form_context``: forms do
    no I/O of their own."""
    extra = step.form_context(store.all_answers(plan)) if step.form_context else {}
    if formdata is not None:
        return step.form(formdata=formdata, **extra)
    saved = store.draft_for(plan, flow.step_id(step)) or store.answers_for(plan, flow.step_id(step))
    return step.form(formdata=None, data=saved, **extra)


def step_context(flow: Flow, step: Step, form: AppForm, **extra) -> dict:
    answers = flow._answers()            # read once for the count and the back link ({} if nothing branches)
    position, total = flow.position(step.key, answers)
    return dict(flow=flow, step=step, form=form, position=position,
                total=total, back_url=flow.back_url(step.key, answers),
                action=flow.url_for_step(step.key, **({"next": "check"} if request.args.get("next") == "check" else {})),
                page_heading=step.title, **extra)


def handle_step(flow: Flow, key: str):
    """GET shows the question; POST saves at once and moves on (Post/Redirect/Get)."""
    step = flow.step(key)
    plan = store.current_plan()
    if request.method == "GET":
        form = bind_form(flow, step, plan)
        return htmx.render(step.template, **step_context(flow, step, form))
    form = bind_form(flow, step, plan, formdata=request.form)
    switch_to = request.form.get("_lang")
    autosave = request.form.get("_autosave") == "1"
    if autosave and store.superseded(plan, flow.step_id(step), request.form.get("_shown_at")):
        return "", 204          # composed before the answer was submitted: never replaces it
    if form.validate():
        store.save_answers(plan or store.get_or_create_plan(), flow.step_id(step), form.answer_data(),
                           autosave=autosave)
        if autosave:
            return "", 204
        if switch_to:
            return redirect(flow.url_for_step(key, lang=switch_to, **keep_next()), 303)
        return redirect(flow.next_url(key), 303)
    if autosave or switch_to:
        # Not valid yet, but never lost: keep exactly what was typed as a draft.
        store.save_draft(plan or store.get_or_create_plan(), flow.step_id(step), form.raw_data(request.form))
        if autosave:
            return "", 204
        return redirect(flow.url_for_step(key, lang=switch_to, **keep_next()), 303)
    return htmx.render(step.template, **step_context(flow, step, form)), 422


def summarise(form: AppForm) -> list[str]:
    """The answer in words: chosen labels for choices, the text for the rest."""
    lines = []
    for name, f in form._fields.items():
        if name == "csrf_token" or f.data in (None, "", []):
            continue
        if hasattr(f, "choices") and f.choices:
            labels = {c.value: str(c.label) for c in f.choices}
            chosen = f.data if isinstance(f.data, list) else [f.data]
            lines.append(", ".join(labels.get(v, str(v)) for v in chosen))
        else:
            lines.append(f"{f.label.text}: {f.data}")
    return lines


def add_flow_routes(bp, flow: Flow) -> None:
    """The three routes every flow has: its start page, its questions, its answers."""
    from flask import render_template

    def index():
        plan = store.current_plan()
        answers = store.all_answers(plan)
        steps = [{"step": s, "done": flow.step_id(s) in answers, "url": flow.url_for_step(s.key)}
                 for s in flow.active_steps(answers)]
        return render_template(flow.index_template, flow=flow, steps=steps,
                               status=flow.status(answers), page_heading=flow.title,
                               start_url=flow.url_for_step(flow.first_open_step(answers).key),
                               **(flow.index_context(answers) if flow.index_context else {}))

    def step(key: str):
        s = flow.step(key)
        if s.view is not None:
            return s.view(flow, s)
        return handle_step(flow, key)

    def check_answers():
        plan = store.current_plan()
        nxt = flow.next_link(store.all_answers(plan)) if flow.next_link else None
        return render_template(flow.check_template, flow=flow, rows=check_rows(flow, plan), next_link=nxt,
                               page_heading=_l("Check your answers: %(area)s", area=flow.title))

    bp.flow = flow
    bp.add_url_rule("/", "index", index)
    bp.add_url_rule("/fraga/<key>", "step", step, methods=["GET", "POST"])
    bp.add_url_rule("/svar", "check_answers", check_answers)


def check_rows(flow: Flow, plan) -> list[dict]:
    """Rows for the check-answers page: question, answer text, change link."""
    rows = []
    for step in flow.active_steps(store.all_answers(plan)):
        saved = store.answers_for(plan, flow.step_id(step))
        if step.summarise_saved is not None:
            values = step.summarise_saved(saved) if saved else []
        else:
            form = step.form(formdata=None, data=saved)
            values = (step.summarise or summarise)(form) if saved else []
        rows.append({"step": step, "answered": bool(saved), "answers": values,
                     "change_url": flow.url_for_step(step.key, next="check")})
    return rows


CSRF_MESSAGE = _l("For your safety the page had expired, so your answer was not saved yet. "
                  "Check it and press the button again.")


def csrf_failed_response():
    """A missing or forged CSRF token: show the same question with what was typed, and say why."""
    from flask import current_app, flash, render_template

    name, _, view = (request.endpoint or "").partition(".")
    bp = current_app.blueprints.get(name)
    flow = getattr(bp, "flow", None)
    key = (request.view_args or {}).get("key")
    step = next((s for s in flow.steps if s.key == key), None) if flow is not None else None
    if step is not None and view == "step" and step.view is not None:
        # A step with its own view builds its own page: send the person back to it, nothing lost
        # but this one click (its drafts are already saved).
        flash(CSRF_MESSAGE, "error")
        return redirect(request.full_path, 303)
    if step is not None and view == "step":
        form = bind_form(flow, step, store.current_plan(), formdata=request.form)
        form.form_errors.append(CSRF_MESSAGE)
        return render_template(step.template, **step_context(flow, step, form)), 400
    return render_template("errors/error.html", page_heading=_l("The page had expired"),
                           text=CSRF_MESSAGE), 400
