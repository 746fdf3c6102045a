"""Issue 13, item 3: rate limits hold across workers (counters in the database, or Redis), the
resume limit also counts everyone together, and legitimate use is never refused (only failures
count). The two-worker test serves the app with gunicorn on 127.0.0.1 and sends 24 requests."""
from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from app import limits
from tests.conftest import csrf_token, make_database_url
from tests.test_sharing import give_plan, share, share_links

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def fresh_sqlite(tmp_path_factory):
    from app.db import upgrade

    url, _drop = make_database_url("sqlite", tmp_path_factory)
    upgrade(url)
    return url


def _wrong(client, token, addr="127.0.0.1"):
    return client.post("/fortsatt", data={"csrf_token": token, "code": "ABCDE-23456"},
                       environ_base={"REMOTE_ADDR": addr}).status_code


def test_memory_counters_are_refused_with_more_than_one_worker(create_app_for, monkeypatch):
    monkeypatch.setenv("VAGVAL_WORKERS", "2")
    with pytest.raises(limits.SharedCountersRequired, match="memory://"):
        create_app_for(RATELIMIT_STORAGE_URI="memory://")
    create_app_for(RATELIMIT_STORAGE_URI="")             # the database: fine with any number
    monkeypatch.setenv("VAGVAL_WORKERS", "1")
    create_app_for(RATELIMIT_STORAGE_URI="memory://")    # one process: fine


def test_the_default_storage_is_the_database():
    from app.config import Config

    assert Config().RATELIMIT_STORAGE_URI == ""
    assert limits.storage_uri({"RATELIMIT_STORAGE_URI": ""}) == limits.DB_STORAGE_URI


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_database_counters_are_shared_by_two_app_instances(create_app_for, fresh_sqlite, kind, request):
    """Two apps (as two workers) on one database: 3 wrong codes a minute in all, not 3 each."""
    url = fresh_sqlite if kind == "sqlite" else request.getfixturevalue("postgresql_database_url")
    cfg = dict(RATELIMIT_STORAGE_URI="", RATELIMIT_RESUME="3 per minute")
    one = create_app_for(url, **cfg)
    two = create_app_for(url, **cfg)
    with one.app_context():
        limits.limiter.reset()
    a, b = one.test_client(), two.test_client()
    ta, tb = csrf_token(a, "/fortsatt"), csrf_token(b, "/fortsatt")
    statuses = [_wrong(a, ta), _wrong(b, tb), _wrong(a, ta), _wrong(b, tb), _wrong(a, ta)]
    assert statuses == [422, 422, 422, 429, 429]
    with one.app_context():
        from sqlmodel import Session, select

        from app.db import get_engine

        with Session(get_engine()) as db:
            rows = db.exec(select(limits.RateLimitCounter)).all()
    assert rows and all("127.0.0.1" in r.key or "everyone" in r.key or "code:" in r.key for r in rows)
    assert not any("ABCDE" in r.key for r in rows)              # no part of a typed code


def test_redis_counters_are_shared_too(create_app_for):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis does not answer on 127.0.0.1:6379")
    uri = "redis://127.0.0.1:6379/13"
    redis.Redis.from_url(uri).flushdb()
    one = create_app_for(RATELIMIT_STORAGE_URI=uri, RATELIMIT_RESUME="2 per minute")
    two = create_app_for(RATELIMIT_STORAGE_URI=uri, RATELIMIT_RESUME="2 per minute")
    a, b = one.test_client(), two.test_client()
    ta, tb = csrf_token(a, "/fortsatt"), csrf_token(b, "/fortsatt")
    assert [_wrong(a, ta), _wrong(b, tb), _wrong(a, ta)] == [422, 422, 429]
    redis.Redis.from_url(uri).flushdb()


def test_guessing_from_many_addresses_is_bounded_for_everyone(create_app_for):
    app = create_app_for(RATELIMIT_RESUME="3 per minute", RATELIMIT_RESUME_ALL="5 per minute")
    client = app.test_client()
    token = csrf_token(client, "/fortsatt")
    statuses = [_wrong(client, token, f"198.51.100.{i}") for i in range(8)]
    assert statuses == [422] * 5 + [429] * 3


def _person_with_code(app):
    client = app.test_client()
    url = "/upptacka/fraga/goal"
    client.post(url, data={"csrf_token": csrf_token(client, url), "goal": "study"})
    client.post("/spara", data={"csrf_token": csrf_token(client, "/spara")})
    page = client.get("/spara").get_data(as_text=True)
    return re.search(r"\b([2-9A-Z]{5}-[2-9A-Z]{5})\b", page).group(1)


def test_people_who_resume_are_never_refused(create_app_for):
    """Only wrong codes count: 12 people behind one address (a proxy without PROXY_FIX_HOPS)
    all get back in under a limit of 3 a minute."""
    app = create_app_for(RATELIMIT_RESUME="3 per minute", RATELIMIT_RESUME_ALL="5 per minute")
    codes = [_person_with_code(app) for _ in range(12)]
    for code in codes:
        other = app.test_client()
        response = other.post("/fortsatt", data={"csrf_token": csrf_token(other, "/fortsatt"), "code": code})
        assert response.status_code == 303


def test_viewing_a_shared_link_never_counts(create_app_for):
    app = create_app_for(extra={"RATELIMIT_SHARE": "3 per minute"})
    owner = app.test_client()
    give_plan(owner)
    share(owner)
    link = share_links(owner)[0].replace("http://localhost", "")
    viewer = app.test_client()
    assert all(viewer.get(link).status_code == 200 for _ in range(10))
    assert [viewer.get(f"/delad/guess{i}").status_code for i in range(4)] == [404, 404, 404, 429]


def test_a_proxy_without_proxy_fix_hops_is_warned_about_once(client, caplog):
    for _ in range(3):
        client.get("/", headers={"X-Forwarded-For": "203.0.113.1"})
    assert caplog.text.count("X-Forwarded-For but PROXY_FIX_HOPS=0") == 1 and "203.0.113.1" not in caplog.text


# --- two real workers ------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _gunicorn(database_url: str, port: int, workers: int = 2, **env):
    environ = dict(os.environ, DATABASE_URL=database_url, SECRET_KEY="two-workers-" + "x" * 20,
                   VAGVAL_IMPORT_JOBTECH="no", **env)
    environ.pop("VAGVAL_WORKERS", None)
    return subprocess.Popen([str(Path(sys.executable).with_name("gunicorn")), "--workers", str(workers),
                             "--bind", f"127.0.0.1:{port}", "--timeout", "20", "wsgi:app"],
                            cwd=REPO, env=environ, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _wait_until_up(base: str, proc, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(proc.stdout.read().decode()[-2000:])
        try:
            urllib.request.urlopen(base + "/", timeout=10)
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise AssertionError("gunicorn did not start")


def _wrong_codes(bases: list[str], n: int) -> list[int]:
    """n wrong codes from one browser, sent in turn to each server."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(bases[0] + "/fortsatt", timeout=30).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"csrf_token": token, "code": "ABCDE-23456"}).encode()
    statuses = []
    for i in range(n):
        try:
            request = urllib.request.Request(bases[i % len(bases)] + "/fortsatt", data=body)
            statuses.append(opener.open(request, timeout=30).status)
        except urllib.error.HTTPError as err:
            statuses.append(err.code)
    return statuses


@pytest.mark.parametrize("layout", ["two workers", "two servers"])
def test_the_resume_limit_holds_across_processes(fresh_sqlite, layout):
    """gunicorn with two workers on one port, and two one-worker servers on two ports (requests
    alternate between them, so both processes count): 10 wrong codes a minute in all."""
    ports = [_free_port()] if layout == "two workers" else [_free_port(), _free_port()]
    procs = [_gunicorn(fresh_sqlite, port, workers=2 if layout == "two workers" else 1,
                       RATELIMIT_RESUME="10 per minute", RATELIMIT_STORAGE_URI="") for port in ports]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for base, proc in zip(bases, procs):
            _wait_until_up(base, proc)
        statuses = _wrong_codes(bases, 24)
        print(f"{layout}, 24 wrong codes: {statuses.count(422)} answered, {statuses.count(429)} refused (429)")
        assert statuses.count(422) == 10 and statuses.count(429) == 14
    finally:
        for proc in procs:
            proc.terminate()
            proc.communicate(timeout=10)


def test_gunicorn_refuses_memory_counters_with_two_workers(fresh_sqlite):
    port = _free_port()
    proc = _gunicorn(fresh_sqlite, port, RATELIMIT_STORAGE_URI="memory://")
    try:
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    assert "memory://" in out.decode()


def test_the_other_half_of_a_seen_code_cannot_be_guessed_from_many_addresses(create_app_for):
    app = create_app_for(RATELIMIT_RESUME_HALF="3 per hour")
    client = app.test_client()
    token = csrf_token(client, "/fortsatt")

    def wrong(code, addr):
        return client.post("/fortsatt", data={"csrf_token": token, "code": code},
                           environ_base={"REMOTE_ADDR": addr}).status_code

    tries = [wrong(f"KX7M4-{tail}", f"203.0.113.{i}") for i, tail in enumerate(["23456", "23457", "23458",
                                                                               "23459", "2345A"])]
    assert tries == [422, 422, 422, 429, 429]
    assert wrong("kx7m4 2345b", "203.0.113.99") == 429          # however it is typed
    assert wrong("ZZZZZ-23456", "203.0.113.9") == 422           # another half: its own count
