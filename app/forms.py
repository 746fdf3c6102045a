"""Form base and fields whose every message is ours and translatable (WTForms' own are not)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from markupsafe import Markup
from werkzeug.datastructures import FileStorage, MultiDict
from wtforms import (
    DateField,
    FieldList,
    FormField,
    IntegerField,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

FILE_IN_TEXT_FIELD = _l("Write the answer as text here. A file cannot be sent in this field.")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _plain(error):
    """A message as plain text, so Jinja escapes it. A lazy message's ``__html__`` would mark it
    safe, with whatever it interpolates (what the person typed) unescaped; deliberate Markup stays."""
    if isinstance(error, Markup):
        return error
    if isinstance(error, (list, tuple)):
        return [_plain(e) for e in error]
    if isinstance(error, dict):
        return {k: _plain(v) for k, v in error.items()}
    return str(error)


def leaf_fields(form):
    """Every field of a form, inside FieldLists and FormFields too."""
    for field in form._fields.values():
        if isinstance(field, FieldList):
            for entry in field.entries:
                yield from (leaf_fields(entry.form) if isinstance(entry, FormField) else [entry])
        elif isinstance(field, FormField):
            yield from leaf_fields(field.form)
        else:
            yield field


class AppForm(FlaskForm):
    """Strips whitespace from text input; the one place for CSRF and Meta settings.

    Messages become plain text after validation (escaped when shown), and a file sent where text
    belongs is refused at that field instead of reaching a validator that expects a string."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            filters = list(unbound_field.kwargs.get("filters", ()))
            if unbound_field.field_class in (StringField, TextAreaField, NumberField):
                filters.append(_strip)
            return unbound_field.bind(form=form, filters=filters, **options)

        def wrap_formdata(self, form, formdata):
            formdata = super().wrap_formdata(form, formdata)
            if formdata is None or not hasattr(formdata, "items"):
                return formdata
            files_ok = {f.name for f in form._fields.values() if isinstance(f, FileField)}
            kept, refused = MultiDict(), set()
            for key, value in formdata.items(multi=True):
                if isinstance(value, FileStorage) and key not in files_ok:
                    refused.add(key)
                else:
                    kept.add(key, value)
            form._files_refused = refused
            return kept if refused else formdata

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        refused = getattr(self, "_files_refused", set())
        for field in leaf_fields(self):
            if field.name in refused:
                field.errors = [FILE_IN_TEXT_FIELD]
                ok = False
        for field in leaf_fields(self):
            if isinstance(field.errors, list):
                field.errors = _plain(field.errors)
        self.form_errors[:] = _plain(list(self.form_errors))
        return ok

    def answer_data(self) -> dict:
        """What to save: every field but the CSRF token."""
        return {name: field.data for name, field in self._fields.items() if name != "csrf_token"}

    def raw_data(self, formdata) -> dict:
        """What the person typed, valid or not (kept as a draft)."""
        out = {}
        for name, field in self._fields.items():
            if name == "csrf_token":
                continue
            if isinstance(field, SelectMultipleField):
                out[name] = [v[:200] for v in formdata.getlist(name)][:50]
            else:
                out[name] = (formdata.get(name) or "")[:2000]
        return out


def _choices(pairs):
    return [SelectChoice(value, label) for value, label in pairs]


class ChoiceField(RadioField):
    """Radios whose invalid-choice message is ours. `choices` are (value, label) pairs."""

    def __init__(self, label=None, validators=None, message=None, choices=(), **kwargs):
        super().__init__(label, validators, validate_choice=False, choices=_choices(choices), **kwargs)
        self.choice_message = message or _l("Choose one of the options.")

    def pre_validate(self, form):
        if self.data not in {c.value for c in self.choices}:
            raise ValidationError(self.choice_message)


class MultiChoiceField(SelectMultipleField):
    """Checkboxes; messages are ours."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()

    def __init__(self, label=None, validators=None, min_choices=1, max_choices=None,
                 message=None, max_message=None, choices=(), **kwargs):
        super().__init__(label, validators, validate_choice=False, choices=_choices(choices), **kwargs)
        self.min_choices = min_choices
        self.max_choices = max_choices
        self.min_message = message or _l("Choose at least one option.")
        self.max_message = max_message

    def pre_validate(self, form):
        values = {c.value for c in self.choices}
        data = self.data or []
        if any(item not in values for item in data):
            raise ValidationError(_l("Choose among the options shown."))
        if len(data) < self.min_choices:
            raise ValidationError(self.min_message)
        if self.max_choices is not None and len(data) > self.max_choices:
            raise ValidationError(self.max_message or ngettext("Choose at most %(num)s option.", "Choose at most %(num)s options.",
                                                               self.max_choices))


class NumberField(IntegerField):
    """A whole number whose wrong-type message is ours."""

    def __init__(self, label=None, validators=None, type_message=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.type_message = type_message or _l("Enter a whole number, for example 45.")

    def process_data(self, value):
        """Saved data, or a draft that is not a number yet: keep it as typed."""
        if value in (None, ""):
            self.data = None
            return
        try:
            self.data = int(value)
        except (ValueError, TypeError):
            self.data = None
            self.raw_data = [str(value)]

    def process_formdata(self, valuelist):
        if not valuelist or valuelist[0] in (None, ""):
            self.data = None
            return
        try:
            self.data = int(valuelist[0].strip())
        except (ValueError, TypeError):
            self.data = None
            self.raw_value = valuelist[0]
            raise ValueError(self.type_message)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else str(self.data)


DATE_MESSAGE = _l("Enter a date, for example 2027-01-18.")


class DateInputField(DateField):
    """A date (``<input type=date>``, ISO format) whose wrong-format message is ours."""

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0]:
            self.data = None
            return
        from datetime import date

        try:
            self.data = date.fromisoformat(valuelist[0].strip())
        except ValueError:
            self.data = None
            raise ValueError(DATE_MESSAGE) from None
