"""Saving and resuming through the pages, rate limited."""
from __future__ import annotations

import re

from tests.conftest import csrf_token
from tests.pages import assert_page_invariants, soup, text_of


def _answer_and_get_code(client) -> str:
    url = "/upptacka/fraga/goal"
    client.post(url, data={"csrf_token": csrf_token(client, url), "goal": "change"})
    client.post("/spara", data={"csrf_token": csrf_token(client, "/spara")})
    doc = assert_page_invariants(client.get("/spara"))
    return text_of(doc.find(class_="resume-code"))


def test_code_and_link_restore_the_plan_in_a_new_browser(app):
    code = _answer_and_get_code(app.test_client())
    other = app.test_client()
    assert not soup(other.get("/upptacka/fraga/goal").get_data(as_text=True)).find("input", checked=True)
    doc = assert_page_invariants(other.get(f"/fortsatt?kod={code}"))
    assert doc.find("input", attrs={"name": "code"})["value"] == code
    response = other.post("/fortsatt", data={"csrf_token": csrf_token(other, "/fortsatt"), "code": code})
    assert response.status_code == 303
    checked = soup(other.get("/upptacka/fraga/goal").get_data(as_text=True)).find("input", checked=True)
    assert checked["value"] == "change"


def test_the_code_is_shown_once(client):
    _answer_and_get_code(client)
    assert soup(client.get("/spara").get_data(as_text=True)).find(class_="resume-code") is None


def test_wrong_code_gets_a_clear_message_and_keeps_what_was_typed(client):
    response = client.post("/fortsatt", data={"csrf_token": csrf_token(client, "/fortsatt"), "code": "ABCDE-23456"})
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find("input", attrs={"name": "code"})["value"] == "ABCDE-23456"
    assert "hittar ingen" in text_of(doc.find(id="code-error")).lower()


def test_guessing_codes_is_rate_limited(create_app_for):
    app = create_app_for(RATELIMIT_RESUME="3 per minute")
    client = app.test_client()
    token = csrf_token(client, "/fortsatt")
    statuses = [client.post("/fortsatt", data={"csrf_token": token, "code": "ABCDE-23456"}).status_code
                for _ in range(5)]
    assert statuses[:3] == [422, 422, 422]
    assert statuses[3:] == [429, 429]


def test_save_page_without_answers_says_so(client):
    doc = assert_page_invariants(client.get("/spara"))
    assert doc.find("form") is None
