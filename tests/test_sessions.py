"""Issue 13, item 7: sessions can be revoked ("forget me on this device" and delete end every copy
of the cookie), the new resume code is never in the cookie in clear, the cookie is Secure with the
__Host- prefix on HTTPS, and static files come without Set-Cookie."""
from __future__ import annotations

import base64
import re
import zlib

from tests.conftest import csrf_token
from tests.test_sharing import give_plan, post


def _answer(client):
    url = "/upptacka/fraga/goal"
    assert client.post(url, data={"csrf_token": csrf_token(client, url), "goal": "study"}).status_code == 303


def _cookie_value(client, name="vagval"):
    cookie = client.get_cookie(name)
    return cookie.value if cookie else None


def _payload(value: str) -> str:
    """What a Flask session cookie carries (signed, not encrypted): readable by whoever has it."""
    data = value.split(".")
    compressed = value.startswith(".")
    raw = data[1] if compressed else data[0]
    raw = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
    return (zlib.decompress(raw) if compressed else raw).decode()


def opens_plan(app, cookie: str) -> bool:
    """Whether a request carrying this cookie value reaches a plan."""
    from app.plans import store

    with app.test_request_context(headers={"Cookie": f"vagval={cookie}"}):
        return store.current_plan() is not None


def test_a_copied_cookie_stops_working_after_forget_me(app):
    browser = app.test_client()
    _answer(browser)
    stolen = _cookie_value(browser)
    assert opens_plan(app, stolen)
    assert post(browser, "/glom").status_code == 303
    assert not opens_plan(app, stolen)
    thief = app.test_client()
    thief.set_cookie("vagval", stolen)
    assert "Pågår" not in thief.get("/").get_data(as_text=True)      # the task list shows nothing begun


def test_forget_me_then_the_code_still_opens_the_plan(app):
    browser = app.test_client()
    _answer(browser)
    post(browser, "/spara")
    code = re.search(r"\b([2-9A-Z]{5}-[2-9A-Z]{5})\b", browser.get("/spara").get_data(as_text=True)).group(1)
    stolen = _cookie_value(browser)
    post(browser, "/glom")
    assert not opens_plan(app, stolen)
    again = app.test_client()
    response = again.post("/fortsatt", data={"csrf_token": csrf_token(again, "/fortsatt"), "code": code})
    assert response.status_code == 303
    assert opens_plan(app, _cookie_value(again))


def test_a_deleted_plan_is_not_opened_by_a_copied_cookie(app):
    browser = app.test_client()
    give_plan(browser)
    stolen = _cookie_value(browser)
    assert opens_plan(app, stolen)
    post(browser, "/agera/radera")
    assert not opens_plan(app, stolen)


def test_the_new_resume_code_is_not_in_the_cookie_in_clear(client):
    _answer(client)
    response = post(client, "/spara")
    assert response.status_code == 303
    value = _cookie_value(client)
    payload = _payload(value)
    assert "issued_code" in payload
    page = client.get("/spara").get_data(as_text=True)
    code = re.search(r"\b([2-9A-Z]{5}-[2-9A-Z]{5})\b", page).group(1)
    assert code not in payload and code.replace("-", "") not in payload
    assert "issued_code" not in _payload(_cookie_value(client))      # shown once, then gone


def test_on_https_the_cookie_is_secure_with_the_host_prefix(app):
    client = app.test_client()
    url = "/upptacka/fraga/goal"
    token_page = client.get(url, base_url="https://localhost")
    token = re.search(r'name="csrf_token" value="([^"]+)"', token_page.get_data(as_text=True)).group(1)
    response = client.post(url, data={"csrf_token": token, "goal": "study"}, base_url="https://localhost",
                           headers={"Referer": "https://localhost/upptacka/fraga/goal"})
    assert response.status_code == 303
    cookies = response.headers.getlist("Set-Cookie")
    assert any(c.startswith("__Host-vagval=") for c in cookies), cookies
    host = next(c for c in cookies if c.startswith("__Host-vagval="))
    assert "Secure" in host and "Path=/" in host and "Domain" not in host and "HttpOnly" in host
    plain = app.test_client().get("/")          # plain HTTP (development): no prefix, not Secure
    assert all("Secure" not in c for c in plain.headers.getlist("Set-Cookie"))


def test_static_files_come_without_set_cookie(app):
    client = app.test_client()
    _answer(client)
    html = client.get("/").get_data(as_text=True)
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert assets
    for url in assets:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Set-Cookie" not in response.headers, url
    assert "Set-Cookie" in client.get("/").headers          # pages still refresh it
