"""Pages outside the four areas: the start page (task list), saving and resuming, privacy, errors."""
from __future__ import annotations

from flask import Blueprint, Flask, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import format_date, ngettext
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from wtforms import StringField
from wtforms.validators import InputRequired, Length

from app import sessions
from app.flows import FLOWS
from app.flows.wizard import STATUS_LABELS
from app.forms import AppForm
from app.limits import limiter
from app.plans import store

bp = Blueprint("main", __name__)

# One message for a code that is unknown and one that has expired: a guesser must not learn that
# a code once existed.
def NO_SUCH_CODE():        # noqa: N802 - one message, the number of days from the config
    return ngettext("We cannot find a plan with that code, or the code has expired. Check the code. Codes work "
                    "for %(num)s day: you can make a new one on the device where you saved your plan.",
                    "We cannot find a plan with that code, or the code has expired. Check the code. Codes work "
                    "for %(num)s days: you can make a new one on the device where you saved your plan.",
                    current_app.config["RESUME_CODE_DAYS"])



CODE_ERRORS = {
    "malformed": lambda: str(_l("A code has 10 letters and digits, for example KX7M4-RP2WQ. Check what you typed.")),
    "unknown": NO_SUCH_CODE,
    "expired": NO_SUCH_CODE,
}


class ResumeForm(AppForm):
    code = StringField(_l("Your code"), description=_l("10 letters and digits, for example KX7M4-RP2WQ."),
                       validators=[InputRequired(message=_l("Enter your code.")),
                                   Length(max=40, message=_l("A code has 10 letters and digits."))])


class SaveForm(AppForm):
    pass


@bp.route("/")
def home():
    answers = store.all_answers(store.current_plan())
    items = []
    for flow in FLOWS:
        status = flow.status(answers)
        items.append({"name": flow.name, "title": flow.title, "lead": flow.lead,
                      "url": url_for(f"{flow.name}.index"), "status": status,
                      "status_label": STATUS_LABELS[status]})
    return render_template("pages/home.html", items=items, has_answers=bool(answers),
                           page_heading=_l("Find your way to a job"))


@bp.route("/spara", methods=["GET", "POST"])
def save():
    plan = store.current_plan()
    form = SaveForm()
    if plan is not None and form.validate_on_submit():
        issued = store.issue_resume_code(plan)
        # On its way to the page that shows it, the code is in the cookie only encrypted.
        session["issued_code"] = {"code": sessions.seal("issued_code", issued.code),
                                  "expires": issued.expires_at.date().isoformat()}
        return redirect(url_for("main.save"), 303)
    issued = session.pop("issued_code", None)
    if issued:
        issued = dict(issued, code=sessions.unseal("issued_code", str(issued.get("code", ""))) or "")
    if issued and not store.code_is_current(plan, issued["code"]):
        issued = None     # a double submit replaced it: never show a code that does not work
    link = url_for("main.resume", kod=issued["code"], _external=True) if issued else None
    expires = format_date(__import__("datetime").date.fromisoformat(issued["expires"]), "long") if issued else None
    from app.exports import qr_data_uri

    return render_template("pages/save.html", form=form, has_plan=plan is not None, issued=issued,
                           link=link, qr=qr_data_uri(link) if link else None, expires=expires, page_heading=_l("Continue on another device"))


def _failed(response) -> bool:
    """Only a code that did not work counts against the limits: people who resume never wait."""
    return response.status_code == 422


def _code_half() -> str:
    """The first half of the typed code: someone who saw half a code over a shoulder gets only so
    many tries at the other half, from however many addresses."""
    import hashlib
    import hmac

    typed = "".join(ch for ch in (request.form.get("code") or "")[:40].upper() if ch.isalnum())
    half = typed[:store.CODE_LENGTH // 2].encode()
    # keyed and cut short: the counter's name never shows what was typed
    return "code:" + hmac.new(current_app.config["SECRET_KEY"].encode(), half, hashlib.sha256).hexdigest()[:16]


@bp.route("/fortsatt", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_RESUME"], methods=["POST"], deduct_when=_failed)
@limiter.limit(lambda: current_app.config["RATELIMIT_RESUME_HALF"], methods=["POST"], deduct_when=_failed,
               key_func=_code_half, scope="resume-half")
@limiter.limit(lambda: current_app.config["RATELIMIT_RESUME_ALL"], methods=["POST"], deduct_when=_failed,
               key_func=lambda: "everyone", scope="resume-all")
def resume():
    form = ResumeForm(data={"code": request.args.get("kod", "")} if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            found = store.find_by_resume_code(form.code.data)
        except store.ResumeCodeError as err:
            form.code.errors.append(CODE_ERRORS[err.reason]())
        else:
            current = store.current_plan()
            if current and current.id != found.id and store.has_answers(current) and not request.form.get("confirm"):
                return render_template("pages/resume_confirm.html", form=form,
                                       page_heading=_l("Replace the answers in this browser?"))
            store.resume(form.code.data)
            flash(_l("Welcome back. Your answers are here again."), "success")
            return redirect(url_for("main.home"), 303)
    status = 422 if request.method == "POST" else 200
    return render_template("pages/resume.html", form=form, page_heading=_l("Continue with a code")), status


@bp.route("/glom", methods=["GET", "POST"])
def forget():
    """On a shared phone or computer: this browser lets go of the plan (the plan itself stays)."""
    form = SaveForm()
    if form.validate_on_submit():
        store.forget_on_this_device()
        flash(_l("This browser no longer shows your answers."), "success")
        return redirect(url_for("main.home"), 303)
    return render_template("pages/forget.html", form=form, has_plan=store.current_plan() is not None,
                           page_heading=_l("Forget my answers on this device"))


@bp.route("/integritet")
def privacy():
    return render_template("pages/privacy.html", page_heading=_l("How we handle your answers"),
                           code_days=current_app.config["RESUME_CODE_DAYS"],
                           retention_days=current_app.config["PLAN_RETENTION_DAYS"])


@bp.route("/ordlista")
def glossary():
    from app.wording.terms import glossary_entries

    return render_template("pages/glossary.html", page_heading=_l("Swedish words in education and money"),
                           entries=glossary_entries())


def _error_page(code: int, heading, text):
    return render_template("errors/error.html", page_heading=heading, text=text), code


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)

    @app.errorhandler(404)
    def not_found(_e):
        return _error_page(404, _l("Page not found"),
                           _l("The address may be wrong, or the page has moved. Start again from the start page."))

    @app.errorhandler(405)
    def not_allowed(_e):
        return _error_page(405, _l("That did not work"), _l("Go back to the page and try again."))

    @app.errorhandler(413)
    def too_large(_e):
        return _error_page(413, _l("Too much text"), _l("What you sent was too long. Shorten it and try again."))

    @app.errorhandler(429)
    def too_many(_e):
        body, status = _error_page(429, _l("Too many tries"), _l("Wait a minute and try again."))
        return body, status, {"Retry-After": "60"}

    @app.errorhandler(500)
    def server_error(_e):
        return _error_page(500, _l("Something went wrong on our side"),
                           _l("Your saved answers are safe. Try again in a moment."))

    @app.errorhandler(CSRFError)
    def csrf_error(_e):
        from app.flows.wizard import csrf_failed_response

        return csrf_failed_response()
