"""Figures, no assertions: the start page's latency while four clients loop the PDF of a large plan
(100 steps) on gunicorn with two workers, on 127.0.0.1, for a bounded time (issue 13, item 6).

    .venv/bin/python benchmarks/pdf_load.py [seconds]

Two runs: four clients on one plan (the cache answers), and four clients on four plans (each plan's
limit and the global limit refuse the rest with 429).
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SECRET = "pdf-load-" + "x" * 24


def _plans(url: str, n: int) -> list[str]:
    """n plans of 100 steps, stored directly; returns a session cookie for each."""
    from flask import session

    from app import create_app
    from app.config import Config
    from app.engine.plan import PlanStep
    from app.plans import store
    from tests.test_sharing import sample_plan

    app = create_app(replace(Config(), SECRET_KEY=SECRET, DATABASE_URL=url, RATELIMIT_STORAGE_URI="memory://"))
    base = sample_plan()
    steps = list(base.steps) + [PlanStep(id=f"own-{i}", kind="own", key="own", label=f"Steg {i} " + "å" * 60,
                                         with_whom="person", start=base.start + timedelta(days=i),
                                         finish=base.start + timedelta(days=i)) for i in range(1, 31)]
    steps += [replace(base.steps[i % 4], id=f"x{i}-step") for i in range(66)]
    plan = replace(base, steps=tuple(steps))
    cookies = []
    serializer = app.session_interface.get_signing_serializer(app)
    for k in range(n):
        with app.test_request_context():
            row = store.get_or_create_plan()
            store.save_answers(row, "besluta.plan", dict(plan.to_dict(), user_notes={
                s.id: f"Anteckning {k} " + "ä" * 200 for s in plan.steps}))
            cookies.append(serializer.dumps(dict(session)))
    return cookies


def _get(url: str, cookie: str | None = None) -> tuple[int, float]:
    request = urllib.request.Request(url, headers={"Cookie": f"vagval={cookie}"} if cookie else {})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as err:
        status = err.code
    return status, time.perf_counter() - start


def run(base: str, cookies: list[str], seconds: float) -> dict:
    stop = time.monotonic() + seconds
    pdf_statuses: list[int] = []
    home: list[float] = []

    def loop_pdf(cookie):
        while time.monotonic() < stop:
            pdf_statuses.append(_get(base + "/agera/plan.pdf", cookie)[0])

    def loop_home():
        while time.monotonic() < stop:
            home.append(_get(base + "/")[1])
            time.sleep(0.05)

    threads = [threading.Thread(target=loop_pdf, args=(c,)) for c in cookies] + [threading.Thread(target=loop_home)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"pdf 200": pdf_statuses.count(200), "pdf 429": pdf_statuses.count(429), "pdf 503": pdf_statuses.count(503),
            "home p50 ms": round(statistics.median(home) * 1000, 1),
            "home p95 ms": round(statistics.quantiles(home, n=20)[-1] * 1000, 1), "home requests": len(home)}


def main(seconds: float = 10.0) -> None:
    from app.db import upgrade

    url = f"sqlite:///{tempfile.mkdtemp()}/pdf-load.sqlite3"
    upgrade(url)
    one = _plans(url, 1) * 4
    four = _plans(url, 4)
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, DATABASE_URL=url, SECRET_KEY=SECRET, RATELIMIT_STORAGE_URI="")
    proc = subprocess.Popen([str(Path(sys.executable).with_name("gunicorn")), "--workers", "2", "--timeout", "60",
                             "--bind", f"127.0.0.1:{port}", "wsgi:app"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        print("idle:", run(base, [], 3))
        print("4 clients, one plan:", run(base, one, seconds))
        print("4 clients, four plans:", run(base, four, seconds))
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)
