"""Throughput and latency of the heavy pages against a bare Flask page, in the same run (prints
figures, asserts nothing).

    .venv/bin/python benchmarks/pages.py [--seconds 8] [--rounds 3] [--connections 16]

Builds a realistic profile through the app's own forms (benchmarks/profile.py: 20 competences,
3 targets, the full JobTech taxonomy from ../shared/jobtech) in a fresh SQLite database, starts
the app with gunicorn (2 sync workers) and the bare Flask + Jinja page (benchmarks/bare_app.py)
the same way, and loads each heavy page and the bare page alternately, several rounds, with wrk
(Debian's package) at 16 connections. Prints, per page, requests/s (median of the rounds), its
share of the bare page's, and p50/p95/p99 latency (of the round with the median throughput),
plus wrk's count of non-2xx answers (must be 0 for a figure to count).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SECRET = "pages-bench-" + "x" * 24
HEAVY = {"results": "/inventera/resultat", "decision basis": "/besluta/underlag",
         "occupation": "/besluta/yrke/{ssyk}", "compare": "/besluta/yrke/{ssyk}/jamfor", "question page": "/inventera/fraga/interests"}
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("VV %d %d %d %.1f %.1f %.1f %.1f\\n", summary.requests, summary.duration,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.mean / 1000))
end
"""


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(module: str, env: dict) -> tuple[subprocess.Popen, str]:
    port = _port()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    proc = subprocess.Popen([gunicorn, "--workers", "2", "--bind", f"127.0.0.1:{port}", module],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/", timeout=2).read()
            return proc, base
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit(f"{module} did not start")


def _wrk(url: str, seconds: int, connections: int, cookie: str | None, script: str) -> dict:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    n, duration_us, errors, p50, p95, p99, mean = re.search(r"^VV (.*)$", out, re.M).group(1).split()
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": int(n) / (int(duration_us) / 1e6), "p50": float(p50), "p95": float(p95), "p99": float(p99),
            "errors": int(errors) + (int(non2xx.group(1)) if non2xx else 0)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--connections", type=int, default=16)
    args = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    from app import create_app
    from app.config import Config
    from benchmarks.profile import build
    from tests.conftest import load_catalogue

    url = f"sqlite:///{tempfile.mkdtemp()}/pages.sqlite3"
    load_catalogue(url)
    app = create_app(replace(Config(), SECRET_KEY=SECRET, DATABASE_URL=url, RATELIMIT_STORAGE_URI="memory://"))
    profile = build(app)
    env = dict(os.environ, DATABASE_URL=url, SECRET_KEY=SECRET, RATELIMIT_STORAGE_URI="")
    vagval, vbase = _serve("wsgi:app", env)
    bare, bbase = _serve("benchmarks.bare_app:app", env)
    script = Path(tempfile.mkdtemp()) / "report.lua"
    script.write_text(LUA)
    pages = {name: vbase + path.format(ssyk=profile.chosen) for name, path in HEAVY.items()}
    try:
        for name, page in pages.items():          # each page answers 200 with the profile's content
            request = urllib.request.Request(page, headers={"Cookie": profile.cookie})
            with urllib.request.urlopen(request) as response:
                assert response.status == 200 and len(response.read()) > 2000, name
        runs: dict[str, list[dict]] = {name: [] for name in ["bare Flask page", *pages]}
        for _ in range(args.rounds):
            for name, page in pages.items():          # the bare page before each heavy page, same round
                runs["bare Flask page"].append(_wrk(bbase + "/", args.seconds, args.connections, None, str(script)))
                runs[name].append(_wrk(page, args.seconds, args.connections, profile.cookie, str(script)))
    finally:
        for proc in (vagval, bare):
            proc.terminate()
            proc.wait(timeout=20)
    bare_rps = statistics.median(r["rps"] for r in runs["bare Flask page"])
    print(f"gunicorn 2 sync workers, wrk -t2 -c{args.connections}, {args.rounds} rounds of {args.seconds} s per page, "
          f"{os.cpu_count()} cores")
    print(f"{'page':18} {'req/s':>8} {'share of bare':>13} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, rs in runs.items():
        rps = statistics.median(r["rps"] for r in rs)
        mid = sorted(rs, key=lambda r: r["rps"])[len(rs) // 2]
        print(f"{name:18} {rps:8.0f} {rps / bare_rps:13.2f} {mid['p50']:8.1f} {mid['p95']:8.1f} {mid['p99']:8.1f} "
              f"{sum(r['errors'] for r in rs):7d}")


if __name__ == "__main__":
    main()
