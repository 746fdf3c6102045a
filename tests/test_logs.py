"""Issue 13, item 4 (and the log half of item 8): logs carry route patterns, not tokens, no
personal text, no client addresses; a failure that repeats is one line, not another traceback."""
from __future__ import annotations

import logging

import pytest

from app.logs import RedactRequestLines
from tests.test_sharing import give_plan, share, share_links, token_of

NOTE = "Ring Lena \ue000\ue001 om barnen"      # two characters no font has


def _record(name, msg, args):
    """The line as the app's filter on that logger leaves it."""
    filters = [f for f in logging.getLogger(name).filters if isinstance(f, RedactRequestLines)]
    assert filters, f"no redacting filter on {name}"
    record = logging.LogRecord(name, logging.INFO, __file__, 1, msg, args, None)
    filters[0].filter(record)
    return record.getMessage()


@pytest.fixture(autouse=True)
def _app_logging(app):
    """create_app attaches the filters."""


def test_werkzeug_request_lines_lose_tokens_share_ids_queries_and_the_client_address():
    line = _record("werkzeug", '203.0.113.9 - - [01/Dec/2026 08:00:00] "%s" %s %s',
                   ("GET /delad/q8Yc2kP0wXyZ_abc HTTP/1.1", "200", "-"))
    assert "q8Yc2kP0wXyZ_abc" not in line and "203.0.113.9" not in line
    assert '"GET /delad/<token> HTTP/1.1" 200' in line
    line = _record("werkzeug", '2001:db8::7 - - [01/Dec/2026 08:00:00] "%s" %s %s',
                   ("POST /agera/dela/q8Yc2kP0wXyZ_abc/stoppa?x=1 HTTP/1.1", "303", "-"))
    assert "q8Yc2kP0" not in line and "2001:db8" not in line and "/agera/dela/<share_id>/stoppa" in line


def test_gunicorn_access_atoms_lose_the_client_and_the_token():
    line = _record("gunicorn.access", '%(h)s "%(r)s" %(s)s %(U)s %({x-forwarded-for}i)s',
                   ({"h": "198.51.100.4", "r": "GET /delad/SECRETTOKEN?kod=AB HTTP/1.1", "s": "200",
                     "U": "/delad/SECRETTOKEN", "{x-forwarded-for}i": "192.0.2.1"},))
    assert "SECRETTOKEN" not in line and "198.51.100.4" not in line and "192.0.2.1" not in line
    assert "/delad/<token>" in line


def test_an_exception_is_logged_by_route_pattern_without_its_message_and_once(create_app_for, monkeypatch,
                                                                             caplog):
    from app.plans import shares

    client = create_app_for(TESTING=False).test_client()      # exceptions handled, as in production
    give_plan(client)
    share(client)
    token = token_of(share_links(client)[0])

    def broken(token):
        raise ValueError(f"cannot read {NOTE}")

    monkeypatch.setattr(shares, "open_share", broken)
    caplog.set_level(logging.INFO)
    for _ in range(3):
        assert client.get(f"/delad/{token}").status_code == 500
    records = [r for r in caplog.records if r.name == client.application.logger.name]
    text = "\n".join(r.getMessage() for r in records)
    assert token not in caplog.text and "Ring Lena" not in caplog.text
    assert "Exception on /delad/<token> [GET]: builtins.ValueError" in text
    assert len(records) == 3
    first, *again = [r.getMessage() for r in records]
    assert "Traceback" not in first and "open_share" not in first.splitlines()[0]
    assert len(first.splitlines()) > 2                            # the frames, once
    assert all(len(line.splitlines()) == 1 and "again" in line for line in again)


def test_pdf_warnings_never_name_the_characters_of_a_note(client, caplog):
    give_plan(client, notes={"1-language-sfi_d": NOTE})
    caplog.set_level(logging.DEBUG)
    response = client.get("/agera/plan.pdf")
    assert response.status_code == 200
    weasy = [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    assert "\ue000" not in caplog.text and "\ue001" not in caplog.text and "E000" not in caplog.text
    assert sum(".notdef" in m for m in weasy) <= 1


def test_the_request_log_never_shows_a_resume_code_or_answer(client, caplog):
    from tests.conftest import csrf_token

    caplog.set_level(logging.DEBUG)
    client.post("/fortsatt", data={"csrf_token": csrf_token(client, "/fortsatt"), "code": "KX7M4-RP2WQ"})
    assert "KX7M4" not in caplog.text
