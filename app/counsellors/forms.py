"""Sign-in forms; every message ours and translatable."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField
from wtforms.validators import InputRequired, Length

from app.forms import AppForm


class LoginForm(AppForm):
    email = StringField(_l("Email address"), validators=[
        InputRequired(message=_l("Enter your email address.")),
        Length(max=254, message=_l("An email address has at most 254 characters."))])
    password = PasswordField(_l("Password"), validators=[
        InputRequired(message=_l("Enter your password.")),
        Length(max=200, message=_l("A password has at most 200 characters."))])


class CodeForm(AppForm):
    code = StringField(_l("Code from your authenticator app"),
                       description=_l("6 digits, for example 123456. A new code comes every 30 seconds."),
                       validators=[InputRequired(message=_l("Enter the 6 digits from your app.")),
                                   Length(max=20, message=_l("The code has 6 digits."))])


class SignOutForm(AppForm):
    pass
