"""Security invariants: CSP, headers, cookies, logs."""
from __future__ import annotations

import logging

from tests.conftest import csrf_token


def test_strict_csp_and_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "style-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
    assert "HX-Request" in response.headers["Vary"]


def test_nonce_changes_per_request(client):
    a = client.get("/").headers["Content-Security-Policy"]
    b = client.get("/").headers["Content-Security-Policy"]
    assert a != b


def test_session_cookie_flags(client):
    url = "/upptacka/fraga/goal"
    response = client.post(url, data={"csrf_token": csrf_token(client, url), "goal": "study"})
    cookie = response.headers.get("Set-Cookie") or ""
    if "vagval=" not in cookie:
        cookie = client.get("/").headers.get("Set-Cookie") or cookie
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie, cookie


def test_request_logs_drop_query_strings(caplog):
    from app.security import DropQueryStrings

    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1,
                               '%s - - "%s" %s', ("127.0.0.1", "GET /fortsatt?kod=ABCDE-23456 HTTP/1.1", "200"), None)
    DropQueryStrings().filter(record)
    assert "ABCDE" not in record.getMessage()
    assert "/fortsatt" in record.getMessage()


def test_answers_are_not_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    url = "/inventera/fraga/home"
    client.post(url, data={"csrf_token": csrf_token(client, url), "municipality": "Hemligby", "max_commute": "17"})
    assert "Hemligby" not in caplog.text


def test_gunicorn_access_log_args_lose_the_query():
    from app.security import DropQueryStrings

    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, '"%(r)s" %(s)s',
                               ({"r": "GET /fortsatt?kod=ABCDE-23456 HTTP/1.1", "s": "200", "q": "kod=ABCDE-23456",
                                 "U": "/fortsatt"},), None)
    DropQueryStrings().filter(record)
    assert "ABCDE" not in str(record.args)


def test_htmx_get_of_a_question_page_answers_with_a_page_not_an_error(client):
    response = client.get("/inventera/fraga/swedish", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "HX-Request" in response.headers["Vary"]
