"""The meeting's forms; every message ours and translatable."""
from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from app.forms import DATE_MESSAGE, AppForm, DateInputField, MultiChoiceField


class ButtonForm(AppForm):
    pass


class MeetingCodeForm(AppForm):
    code = StringField(_l("Meeting code"), description=_l("8 letters and digits, for example KX7M-4RP2."),
                       validators=[InputRequired(message=_l("Enter the meeting code the person shows you.")),
                                   Length(max=40, message=_l("A meeting code has 8 letters and digits."))])


class CommentForm(AppForm):
    step = HiddenField()
    text = TextAreaField(_l("Comment"), validators=[
        InputRequired(message=_l("Write a comment.")),
        Length(max=1000, message=_l("Write at most 1000 characters."))])


class SuggestForm(AppForm):
    title = StringField(_l("Suggested step"), validators=[
        InputRequired(message=_l("Write the step you suggest, for example \u201cVisit the job fair\u201d.")),
        Length(max=120, message=_l("Write at most 120 characters."))])
    start = DateInputField(_l("Date"), validators=[InputRequired(message=DATE_MESSAGE)])

    def validate_start(self, field):
        if field.data and not date(2000, 1, 1) <= field.data <= date(2100, 12, 31):
            raise ValidationError(_l("Enter a date between the years 2000 and 2100."))


class ScreenForm(AppForm):
    parts = MultiChoiceField(_l("What the big screen shows"), min_choices=0, choices=[
        ("targets", _l("The occupations you aim for")), ("plan", _l("Your plan")),
        ("profile", _l("What you have told about yourself")),
        ("swedish", _l("Swedish beside your language"))])
