"""Load of live meetings: N open meetings, each with two screens polling the version endpoint
every 2 seconds (prints figures; asserts nothing).

Both screens of every meeting (the person's and the counsellor's) poll ``GET /mote/rad`` with the
ETag of their last answer, as the browser does with htmx and ``Cache-Control: no-cache``. The
load to serve is 2·N / 2 s = N requests per second. Measured here, in one process on one core
(the app, its sessions and the database; no HTTP parsing), for:

  304    nothing changed (the steady state: the ETag matches)
  200    the bar rendered (a first poll, or after a change)
  mixed  one plan change per second across all meetings, each change seen by the other screen

Each line gives the wall-clock rate (on a shared machine it depends on what else runs) and the
app's own CPU time per request, and from that the share of one core (one gunicorn sync worker)
the polling takes.

Run: .venv/bin/python benchmarks/meeting_poll.py [--meetings 50] [--seconds 5] [--database-url URL]
(default: a fresh SQLite file; pass postgresql+psycopg://postgres@127.0.0.1:5432/<empty db> for PostgreSQL)
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import create_app  # noqa: E402
from app.config import Config  # noqa: E402
from app.counsellors import totp  # noqa: E402
from app.db import upgrade  # noqa: E402

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
CODE = re.compile(r'meeting-code"[^>]*>([A-Z0-9-]{9})<')
POLL = re.compile(r'hx-get="(/mote/rad\?[^"]+)"')


def token(client, url):
    return CSRF.search(client.get(url).get_data(as_text=True)).group(1)


def open_meeting(app, n):
    """A person and a signed-in counsellor in an allowed meeting: (person, counsellor, poll urls)."""
    from sqlmodel import Session, select

    from app import sessions
    from app.counsellors.models import CounsellorSession
    from app.db import get_engine

    out = app.test_cli_runner().invoke(args=["counsellors", "add", f"c{n}@example.se", "--name", f"Rådgivare {n}",
                                             "--organisation", "Komvux"]).output
    password = out.rsplit(": ", 1)[1].strip()
    person, counsellor = app.test_client(), app.test_client()
    person.post("/inventera/fraga/education", data={"csrf_token": token(person, "/inventera/fraga/education"),
                                                    "level": "compulsory", "country": "sweden"})
    person.post("/mote/", data={"csrf_token": token(person, "/mote/")})
    code = CODE.search(person.get("/mote/").get_data(as_text=True)).group(1)
    counsellor.post("/radgivare/logga-in", data={"csrf_token": token(counsellor, "/radgivare/logga-in"),
                                                 "email": f"c{n}@example.se", "password": password})
    with Session(get_engine(app)) as db, app.test_request_context():
        row = db.exec(select(CounsellorSession).where(CounsellorSession.stage == "enrol")).first()
        secret = sessions.unseal("totp", row.pending_secret)
    counsellor.post("/radgivare/kod", data={"csrf_token": token(counsellor, "/radgivare/kod"),
                                            "code": totp.code_at(secret, totp.current_step())})
    url = counsellor.post("/radgivare/mote", data={"csrf_token": token(counsellor, "/radgivare/mote"),
                                                   "code": code}).headers["Location"]
    person.post("/mote/svar", data={"csrf_token": token(person, "/mote/"), "answer": "allow"})
    polls = []
    for client, page in ((person, "/"), (counsellor, url)):
        polls.append((client, POLL.search(client.get(page).get_data(as_text=True)).group(1).replace("&amp;", "&")))
    return person, counsellor, polls


def run(screens, seconds, etags, change=None):
    """Poll every screen in turn for `seconds`; returns (requests, elapsed, latencies, statuses)."""
    latencies, statuses, n, i = [], {}, 0, 0
    cpu = time.process_time()
    start = last_change = time.perf_counter()
    while time.perf_counter() - start < seconds:
        client, url = screens[i % len(screens)]
        if change and time.perf_counter() - last_change >= 1.0:
            change(i)
            last_change = time.perf_counter()
        headers = {"HX-Request": "true"}
        if etags is not None and (id(client), url) in etags:
            headers["If-None-Match"] = etags[(id(client), url)]
        t0 = time.perf_counter()
        response = client.get(url, headers=headers)
        latencies.append(time.perf_counter() - t0)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if etags is not None and response.status_code == 200:
            etags[(id(client), url)] = response.headers["ETag"]
        n += 1
        i += 1
    return n, time.perf_counter() - start, latencies, statuses, time.process_time() - cpu


def report(name, n, elapsed, latencies, statuses, cpu, load):
    """Wall-clock rate (what this run got on a shared machine) and the app's own CPU per request
    (what a worker spends; the database server's share is not in it for PostgreSQL)."""
    rate = n / elapsed
    cpu_ms = 1000 * cpu / n
    p95 = statistics.quantiles(latencies, n=20)[-1] * 1000
    print(f"{name:6} {rate:6.0f} req/s wall  mean {statistics.mean(latencies) * 1000:6.2f} ms  p95 {p95:6.2f} ms  "
          f"app CPU {cpu_ms:5.2f} ms/req ({1000 / cpu_ms:5.0f} req/s per core)  statuses {statuses}  "
          f"load {load:.0f} req/s = {100 * load * cpu_ms / 1000:4.1f} % of one core")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    upgrade(url)
    app = create_app(replace(Config(), SECRET_KEY="bench-" + "x" * 30, DATABASE_URL=url,
                             RATELIMIT_STORAGE_URI="memory://", RATELIMIT_COUNSELLOR_ADDRESS="10000 per minute"))
    t0 = time.perf_counter()
    meetings = [open_meeting(app, n) for n in range(args.meetings)]
    print(f"{args.meetings} meetings opened in {time.perf_counter() - t0:.1f} s on {url.split(':')[0]}; "
          f"{2 * args.meetings} screens polling every 2 s = {args.meetings} req/s to serve")
    screens = [p for m in meetings for p in m[2]]
    load = len(screens) / 2
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    report("200", *run(screens, args.seconds, None), load)
    etags: dict = {}
    run(screens, 0.5, etags)                      # every screen has its ETag
    report("304", *run(screens, args.seconds, etags), load)

    def change(i):
        person = meetings[i % len(meetings)][0]
        person.post("/inventera/fraga/education", data={"csrf_token": token(person, "/inventera/fraga/education"),
                                                        "level": "compulsory" if i % 2 else "upper_secondary",
                                                        "country": "sweden"})
    report("mixed", *run(screens, args.seconds, etags, change), load)


if __name__ == "__main__":
    main()
