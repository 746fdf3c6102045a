"""Counsellor sign-in: password, then a TOTP code (enrolled by QR on the first sign-in), sign-out."""
from __future__ import annotations

import hashlib
import hmac

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from app import limits
from app.counsellors import accounts, totp
from app.counsellors.forms import CodeForm, LoginForm, SignOutForm
from app.exports import qr_data_uri

bp = Blueprint("counsellors", __name__, url_prefix="/radgivare", template_folder="templates")

# One message whatever was wrong: nobody learns which addresses have accounts.
SIGN_IN_FAILED = _l("The email address or the password is wrong, or the account cannot sign in. "
                    "Check what you typed. Ask your administrator if it still does not work.")
TOO_MANY = _l("Too many attempts. Wait 15 minutes and try again, or ask your administrator.")
CODE_FAILED = _l("The code is wrong or has already been used. Enter the 6 digits your app shows now.")


def _account_key(email: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return "counsellor:" + hmac.new(key, accounts.normalise_email(email).encode(), hashlib.sha256).hexdigest()[:24]


def _address_key() -> str:
    return "counsellor-address:" + (request.remote_addr or "-")


def _room_to_try(account: str) -> bool:
    cfg = current_app.config
    return (limits.allowed(cfg["RATELIMIT_COUNSELLOR_ACCOUNT"], account)
            and limits.allowed(cfg["RATELIMIT_COUNSELLOR_ADDRESS"], _address_key()))


def _failed(account: str) -> None:
    cfg = current_app.config
    limits.count(cfg["RATELIMIT_COUNSELLOR_ACCOUNT"], account)
    limits.count(cfg["RATELIMIT_COUNSELLOR_ADDRESS"], _address_key())


def _safe_next(value: str | None) -> str:
    if value and value.startswith("/radgivare") and not value.startswith("//"):
        return value
    return url_for("counsellors.home")


@bp.route("/logga-in", methods=["GET", "POST"])
def login():
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        account = _account_key(form.email.data)
        if not _room_to_try(account):
            form.form_errors.append(TOO_MANY)
            status = 429
        else:
            counsellor = accounts.check_password(form.email.data, form.password.data)
            if counsellor is None:
                _failed(account)
                form.form_errors.append(SIGN_IN_FAILED)
                status = 422
            else:
                accounts.start_session(counsellor)
                return redirect(url_for("counsellors.second_factor", next=request.args.get("next")), 303)
    elif request.method == "POST":
        status = 422
    form.password.data = ""
    return render_template("counsellors/login.html", form=form, page_heading=_l("Sign in as a counsellor"),
                           timed_out=request.args.get("slut") == "1"), status


@bp.route("/kod", methods=["GET", "POST"])
def second_factor():
    row = accounts.pending_session()
    if row is None:
        return redirect(url_for("counsellors.login"), 303)
    counsellor = accounts.counsellor_of(row)
    form = CodeForm()
    status = 200
    if form.validate_on_submit():
        account = _account_key(counsellor.email)
        if not _room_to_try(account):
            form.code.errors.append(TOO_MANY)
            status = 429
        elif accounts.complete_second_factor(row, form.code.data):
            return redirect(_safe_next(request.args.get("next")), 303)
        else:
            _failed(account)
            form.code.errors.append(CODE_FAILED)
            status = 422
    elif request.method == "POST":
        status = 422
    enrol = None
    if row.stage == "enrol":
        secret = accounts.pending_secret(row)
        uri = totp.provisioning_uri(secret, counsellor.email)
        enrol = {"qr": qr_data_uri(uri, scale=4),
                 "secret": " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))}
    heading = _l("Set up your second factor") if enrol else _l("Enter your code")
    return render_template("counsellors/second_factor.html", form=form, enrol=enrol,
                           page_heading=heading), status


@bp.route("/logga-ut", methods=["POST"])
def sign_out():
    form = SignOutForm()
    if form.validate_on_submit():
        accounts.sign_out()
        flash(_l("You are signed out."), "success")
    return redirect(url_for("counsellors.login"), 303)


@bp.route("/")
@accounts.counsellor_required
def home():
    return render_template("counsellors/home.html", counsellor=g.counsellor, sign_out_form=SignOutForm(),
                           page_heading=_l("Counsellor"))
