"""Issue 13, items 1 and 5: no input breaks a page. What a person types is escaped in every
message (and shown inside ``hx-disable``, so htmx never acts on it), and a file sent where text
belongs is refused at the field (422/400), never a 500."""
from __future__ import annotations

import io

import pytest
from flask_babel import lazy_gettext as _l
from markupsafe import escape
from wtforms import StringField
from wtforms.validators import ValidationError

from app.forms import AppForm
from tests.conftest import csrf_token
from tests.pages import soup
from tests.test_sharing import give_plan, sample_plan

FILE_MSG = "Det går inte att skicka en fil"      # the Swedish message (default locale)
INJECTION = '<b hx-post=/glom hx-trigger=load hx-include=form>Malmö</b>'


def post(client, url, data, page=None, **kw):
    return client.post(url, data=dict(data, csrf_token=csrf_token(client, page or url)), **kw)


# --- 1. escaping -----------------------------------------------------------------------------------------

def test_municipality_message_escapes_what_was_typed(cclient):
    response = post(cclient, "/inventera/fraga/home", {"municipality": INJECTION, "max_commute": "30"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "<b hx-post" not in html
    assert str(escape(INJECTION)) in html          # shown, as text
    doc = soup(html)
    error = doc.find(id="municipality-error")
    assert error is not None and error.has_attr("hx-disable")
    assert doc.find(id="error-summary").has_attr("hx-disable")
    assert doc.find("b") is None


class _EchoForm(AppForm):
    class Meta:
        csrf = False

    name = StringField("Name")

    def validate_name(self, field):
        raise ValidationError(_l("Nothing called %(name)s here.", name=field.data))


def test_every_form_turns_lazy_messages_into_text_that_jinja_escapes(app):
    """Any lazy message interpolating input (a LazyString's __html__ marks it safe) is escaped."""
    from flask import render_template_string
    from werkzeug.datastructures import MultiDict

    with app.test_request_context("/"):
        form = _EchoForm(formdata=MultiDict({"name": "<i hx-get=/x>"}))
        assert not form.validate()
        html = render_template_string("{{ form.name.errors[0] }}", form=form)
    assert "<i" not in html and "&lt;i hx-get=/x&gt;" in html


def test_notes_own_steps_and_goal_are_shown_escaped_inside_hx_disable(client):
    from dataclasses import replace

    from app.engine.plan import PlanStep

    plan = sample_plan()
    own = PlanStep(id="own-1", kind="own", key="own", label=INJECTION, with_whom="person",
                   start=plan.start, finish=plan.start)
    plan = replace(plan, steps=plan.steps + (own,))
    give_plan(client, plan, notes={"1-language-sfi_d": INJECTION})
    for url in ("/agera/nasta", "/besluta/plan"):
        html = client.get(url).get_data(as_text=True)
        assert "<b hx-post" not in html, url
        doc = soup(html)
        assert doc.find("b") is None
        note = doc.find(class_="timeline__note")
        assert note.has_attr("hx-disable") and "hx-trigger=load" in note.get_text()
        title = doc.find(id="step-own-1").find(class_="timeline__title")
        assert title.has_attr("hx-disable")


# --- 5. a file where text belongs --------------------------------------------------------------------------

def _file():
    return (io.BytesIO(b"not text"), "note.txt")


def test_a_file_as_the_resume_code_is_refused_at_the_field(client):
    response = post(client, "/fortsatt", {"code": _file()}, content_type="multipart/form-data")
    assert response.status_code == 422
    doc = soup(response.get_data(as_text=True))
    assert FILE_MSG in doc.find(id="code-error").get_text()


@pytest.mark.parametrize("field", ["days", "include_notes", "include_profile", "consent"])
def test_a_file_in_the_share_form_is_refused(client, field):
    give_plan(client)
    data = {"days": "30", "include_notes": "no", "include_profile": "no", "consent": "y"}
    data[field] = _file()
    response = post(client, "/agera/dela", data, content_type="multipart/form-data")
    assert response.status_code == 422
    assert FILE_MSG in response.get_data(as_text=True)


def test_a_file_as_a_note_or_an_own_step_is_refused(client):
    give_plan(client, notes={"1-language-sfi_d": "keep me"})
    action = "/besluta/plan/steg/1-language-sfi_d/note"
    name = soup(client.get("/besluta/plan").get_data(as_text=True)).select_one(
        f"form[action='{action}'] textarea")["name"]
    note = post(client, action, {name: _file()}, page="/besluta/plan", content_type="multipart/form-data")
    assert note.status_code in (400, 422)
    html = client.get("/besluta/plan").get_data(as_text=True)
    assert "keep me" in html                    # the note was not replaced by nothing
    for data in ({"add-title": _file(), "add-start": "2027-02-01"},
                 {"add-title": "Besök mässan", "add-start": _file()}):
        own = post(client, "/besluta/plan/steg", data, page="/besluta/plan", content_type="multipart/form-data")
        assert own.status_code == 422
        assert FILE_MSG in own.get_data(as_text=True)


def test_a_file_in_a_question_is_refused(client):
    response = post(client, "/inventera/fraga/home", {"municipality": _file(), "max_commute": "20"},
                    content_type="multipart/form-data")
    assert response.status_code == 422


def test_a_file_in_the_commitment_is_refused(client):
    give_plan(client)
    response = post(client, "/agera/fraga/commitment", {"when": _file(), "then": "ring"},
                    content_type="multipart/form-data")
    assert response.status_code == 422


def test_answers_on_check_pages_and_searches_are_escaped_inside_hx_disable(client):
    url = "/inventera/fraga/home"
    post(client, url, {"municipality": INJECTION, "max_commute": "20"})       # no catalogue: any name
    doc = soup(client.get("/inventera/svar").get_data(as_text=True))
    assert doc.find("b") is None
    cell = next(dd for dd in doc.select("dd") if "hx-trigger=load" in dd.get_text())
    assert cell.has_attr("hx-disable")
    doc = soup(client.get("/inventera/fraga/occupations", query_string={"q": INJECTION}).get_data(as_text=True))
    assert doc.find("b") is None
    nothing = next(p for p in doc.select("#occupation-hits p") if "hx-trigger=load" in p.get_text())
    assert nothing.has_attr("hx-disable")
