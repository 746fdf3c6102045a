"""Saving and resuming through the pages, rate limited."""
from __future__ import annotations

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


def test_resuming_over_other_answers_asks_first(app):
    code = _answer_and_get_code(app.test_client())
    other = app.test_client()
    url = "/inventera/fraga/swedish"
    other.post(url, data={"csrf_token": csrf_token(other, url), "level": "sfi_b"})
    token = csrf_token(other, "/fortsatt")
    response = other.post("/fortsatt", data={"csrf_token": token, "code": code})
    assert response.status_code == 200
    doc = assert_page_invariants(response)
    assert doc.find("input", attrs={"name": "confirm", "value": "1"})
    # Not switched yet: this browser still has its own answer.
    assert soup(other.get(url).get_data(as_text=True)).find("input", attrs={"value": "sfi_b"}).has_attr("checked")
    response = other.post("/fortsatt", data={"csrf_token": token, "code": code, "confirm": "1"})
    assert response.status_code == 303
    checked = soup(other.get("/upptacka/fraga/goal").get_data(as_text=True)).find("input", checked=True)
    assert checked["value"] == "change"


def test_forget_on_this_device_keeps_the_plan_for_the_code(app):
    client = app.test_client()
    code = _answer_and_get_code(client)
    assert_page_invariants(client.get("/glom"))
    response = client.post("/glom", data={"csrf_token": csrf_token(client, "/glom")})
    assert response.status_code == 303
    assert not soup(client.get("/upptacka/fraga/goal").get_data(as_text=True)).find("input", checked=True)
    client.post("/fortsatt", data={"csrf_token": csrf_token(client, "/fortsatt"), "code": code})
    assert soup(client.get("/upptacka/fraga/goal").get_data(as_text=True)).find("input", checked=True)


def test_a_code_replaced_by_a_double_submit_is_not_shown(client):
    url = "/upptacka/fraga/goal"
    client.post(url, data={"csrf_token": csrf_token(client, url), "goal": "change"})
    token = csrf_token(client, "/spara")
    client.post("/spara", data={"csrf_token": token})
    with client.session_transaction() as s:
        first = s["issued_code"]
    client.post("/spara", data={"csrf_token": token})
    with client.session_transaction() as s:
        s["issued_code"] = first            # the slower response's cookie wins
    assert soup(client.get("/spara").get_data(as_text=True)).find(class_="resume-code") is None


def test_expired_and_unknown_codes_get_one_and_the_same_answer(app):
    """Issue 13: a guesser must not learn that a code existed."""
    from datetime import timedelta

    from app.db import get_session
    from app.plans import store
    from app.plans.models import utcnow

    code = _answer_and_get_code(app.test_client())
    with app.test_request_context():
        plan = store.find_by_resume_code(code)
        plan.resume_code_expires_at = utcnow() - timedelta(days=1)
        get_session().add(plan)
        get_session().commit()

    def answer(typed):
        other = app.test_client()
        response = other.post("/fortsatt", data={"csrf_token": csrf_token(other, "/fortsatt"), "code": typed})
        assert response.status_code == 422
        return text_of(soup(response.get_data(as_text=True)).find(id="code-error"))

    assert answer(code) == answer("ZZZZZ-ZZZZZ")
    assert "%(days)s" not in answer(code)
