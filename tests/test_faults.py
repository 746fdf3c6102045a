"""Issue 13, item 8 (and the extras): honest behaviour in faults. The database unavailable or the
disk full gives 503 with Retry-After and keeps what was typed on the page; repeated failures log
one line each; a read-only database stops the app from starting; a worker killed mid-save loses
no acknowledged save; a deleted plan leaves nothing in the SQLite file or its write-ahead log."""
from __future__ import annotations

import http.client
import http.cookiejar
import logging
import os
import signal
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.db import ReadOnlyDatabase, make_engine, upgrade
from tests.conftest import csrf_token, make_database_url
from tests.pages import soup
from tests.test_limits import _free_port, _gunicorn, _wait_until_up
from tests.test_sharing import give_plan, post


@pytest.fixture
def fresh_sqlite(tmp_path_factory):
    url, _drop = make_database_url("sqlite", tmp_path_factory)
    upgrade(url)
    return url


def _database_goes_away(app, kind="gone"):
    """Swap the app's engine for one that fails the way a real outage does."""
    from app.db import get_engine

    if kind == "gone":
        app.extensions["vagval_db"] = make_engine("sqlite:////nonexistent-dir/vagval/x.sqlite3")
        return
    url = get_engine(app).url.render_as_string(hide_password=False)
    engine = make_engine(url)

    @sa.event.listens_for(engine, "connect")
    def _full(dbapi_conn, _record):          # the disk is full: not one more page may be written
        cur = dbapi_conn.cursor()
        pages = cur.execute("PRAGMA page_count").fetchone()[0]
        cur.execute(f"PRAGMA max_page_count = {pages}")
        cur.close()

    app.extensions["vagval_db"] = engine


def test_an_answer_typed_during_an_outage_is_kept_on_the_page(create_app_for):
    app = create_app_for()
    client = app.test_client()
    give_plan(client)
    url = "/agera/fraga/commitment"
    token = csrf_token(client, url)
    _database_goes_away(app)
    response = client.post(url, data={"csrf_token": token, "when": "på måndag <b>", "then": "ringer jag"})
    assert response.status_code == 503 and response.headers["Retry-After"] == "30"
    doc = soup(response.get_data(as_text=True))
    assert doc.find(id="when")["value"] == "på måndag <b>" and doc.find(id="then")["value"] == "ringer jag"
    assert "det du skrev finns kvar" in doc.find(id="error-summary").get_text().lower()


def test_a_question_with_branching_is_shown_again_with_the_answer_too(create_app_for, fresh_sqlite):
    app = create_app_for(fresh_sqlite)
    client = app.test_client()
    url = "/inventera/fraga/home"
    token = csrf_token(client, url)
    _database_goes_away(app)
    response = client.post(url, data={"csrf_token": token, "municipality": "Hemligby", "max_commute": "17"})
    assert response.status_code == 503
    doc = soup(response.get_data(as_text=True))
    assert doc.find(id="municipality")["value"] == "Hemligby" and doc.find(id="max_commute")["value"] == "17"


def test_any_other_form_comes_back_with_what_was_sent_to_try_again(create_app_for, fresh_sqlite):
    app = create_app_for(fresh_sqlite)
    client = app.test_client()
    give_plan(client)
    url = "/agera/dela"
    token = csrf_token(client, url)
    good = app.extensions["vagval_db"]
    _database_goes_away(app)
    response = client.post(url, data={"csrf_token": token, "days": "45", "include_notes": "yes",
                                      "include_profile": "no", "consent": "y"})
    assert response.status_code == 503 and response.headers["Retry-After"]
    doc = soup(response.get_data(as_text=True))
    assert "45" in doc.find(id="main").get_text() if doc.find(id="main") else "45" in doc.get_text()
    form = doc.select_one("main form[method=post]") or doc.select("form[method=post]")[-1]
    data = {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}
    assert data["days"] == "45" and data["include_notes"] == "yes" and data["consent"] == "y"
    app.extensions["vagval_db"] = good                     # the database is back: try again works
    again = client.post(form["action"], data=data)
    assert again.status_code == 303


def test_pages_say_503_while_the_database_is_away(create_app_for):
    app = create_app_for()
    client = app.test_client()
    give_plan(client)
    _database_goes_away(app)
    for url in ("/", "/agera/nasta", "/besluta/plan"):
        response = client.get(url)
        assert response.status_code == 503 and response.headers["Retry-After"] == "30", url


def test_a_full_disk_is_503_and_says_so(create_app_for, fresh_sqlite):
    """The disk is full (SQLite may not grow by one page): a large save, an uploaded plan, fails."""
    import io

    from tests.test_plan_schema import _largest_plan

    app = create_app_for(fresh_sqlite)
    owner = app.test_client()
    plan, notes = _largest_plan()
    give_plan(owner, plan, notes=notes)
    body = owner.get("/agera/plan.json").get_data()
    client = app.test_client()
    token = csrf_token(client, "/agera/ladda-upp")
    _database_goes_away(app, "full")
    response = client.post("/agera/ladda-upp", data={"csrf_token": token, "file": (io.BytesIO(body), "p.json")},
                           content_type="multipart/form-data")
    assert response.status_code == 503 and response.headers["Retry-After"] == "30"
    assert "välj den igen" in response.get_data(as_text=True)


def test_repeated_failures_log_one_line_each_after_the_first(create_app_for, caplog):
    app = create_app_for(TESTING=False)
    client = app.test_client()
    give_plan(client)
    _database_goes_away(app)
    caplog.set_level(logging.INFO)
    for _ in range(5):
        assert client.get("/").status_code == 503
    lines = [r.getMessage() for r in caplog.records if r.name == app.logger.name]
    assert len(lines) == 5
    assert len(lines[0].splitlines()) > 2 and "Unavailable on / [GET]" in lines[0]
    assert all(len(line.splitlines()) == 1 and "again" in line for line in lines[1:])
    assert sum(len(line) for line in lines[1:]) < 1000       # not 9 KB of traceback each


def test_a_read_only_sqlite_database_stops_the_app_from_starting(create_app_for, fresh_sqlite):
    path = fresh_sqlite.removeprefix("sqlite:///")
    with pytest.raises(ReadOnlyDatabase, match="read-only"):
        create_app_for(f"sqlite:///file:{path}?mode=ro&uri=true")


@pytest.mark.postgres
def test_a_read_only_postgresql_database_stops_the_app_from_starting(create_app_for, postgresql_database_url):
    url = postgresql_database_url + "?options=-c%20default_transaction_read_only%3Don"
    with pytest.raises(ReadOnlyDatabase):
        create_app_for(url)


def test_a_database_that_does_not_answer_at_start_is_not_refused(create_app_for):
    url = f"postgresql+psycopg://nobody@127.0.0.1:{_free_port()}/none?connect_timeout=1"
    client = create_app_for(url).test_client()
    response = client.post("/upptacka/fraga/goal", data={"csrf_token": csrf_token(client, "/upptacka/fraga/goal"),
                                                           "goal": "study"})
    assert response.status_code == 503


def test_a_deleted_plan_leaves_nothing_in_the_sqlite_file_or_its_log(create_app_for, fresh_sqlite):
    app = create_app_for(fresh_sqlite)
    client = app.test_client()
    secret = "Ring-Lena-om-barnen-" + os.urandom(6).hex()
    give_plan(client, notes={"1-language-sfi_d": secret})
    path = Path(fresh_sqlite.removeprefix("sqlite:///"))
    files = [path, path.with_name(path.name + "-wal")]
    assert any(secret.encode() in f.read_bytes() for f in files if f.exists())
    assert post(client, "/agera/radera").status_code == 303
    for f in files:
        if f.exists():
            assert secret.encode() not in f.read_bytes(), f.name


# --- a worker killed mid-save -----------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(p) for p in (task / "children").read_text().split()]
    return out


def _save_commitments(base: str, name: str, n: int, acknowledged: list, attempted: list) -> None:
    for i in range(n):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
        when = f"{name} {i}"
        try:
            page = opener.open(base + "/agera/fraga/commitment", timeout=10).read().decode()
            token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
            body = urllib.parse.urlencode({"csrf_token": token, "when": when, "then": "ring"}).encode()
            attempted.append(when)
            opener.open(urllib.request.Request(base + "/agera/fraga/commitment", data=body), timeout=10)
        except urllib.error.HTTPError as err:
            if err.code == 303:
                acknowledged.append(when)
        except (urllib.error.URLError, ConnectionError, OSError, http.client.HTTPException, IndexError):
            # a request the killed worker had: refused, cut off mid-response (IncompleteRead), or a
            # page cut short before its form; never acknowledged, so never counted
            pass


def test_a_worker_killed_mid_save_loses_no_acknowledged_save(fresh_sqlite):
    """Three clients save at once while one of the two workers is killed with SIGKILL."""
    import threading

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _gunicorn(fresh_sqlite, port, RATELIMIT_STORAGE_URI="")
    acknowledged, attempted = [], []
    try:
        _wait_until_up(base, proc)
        threads = [threading.Thread(target=_save_commitments, args=(base, f"klient{k}", 20, acknowledged, attempted))
                   for k in range(3)]
        for t in threads:
            t.start()
        while len(attempted) < 12:
            time.sleep(0.01)
        os.kill(_children(proc.pid)[0], signal.SIGKILL)          # while saves are in flight
        for t in threads:
            t.join(timeout=60)
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
    print(f"a worker killed mid-stream: {len(acknowledged)} of {len(attempted)} saves acknowledged")
    assert len(acknowledged) >= 30
    engine = make_engine(fresh_sqlite)
    with engine.connect() as conn:
        stored = {_json(row[0])["when"] for row in conn.execute(sa.text(
            "SELECT data FROM plan_answer WHERE step = 'agera.commitment' AND is_draft = 0")).all()}
    engine.dispose()
    assert set(acknowledged) <= stored


def _json(value):
    import json

    return json.loads(value) if isinstance(value, str) else value


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
