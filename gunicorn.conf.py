"""gunicorn settings read from the repository root (gunicorn loads ./gunicorn.conf.py by default).

Tells the app how many workers serve it (VAGVAL_WORKERS), so it refuses per-process rate-limit
counters (RATELIMIT_STORAGE_URI=memory://) with more than one worker, and refuses here as well
when the app is preloaded in the master.
"""
import os


def on_starting(server):
    workers = server.cfg.workers
    os.environ["VAGVAL_WORKERS"] = str(workers)
    if os.environ.get("RATELIMIT_STORAGE_URI", "").startswith("memory://") and workers > 1:
        raise SystemExit(f"Vägval: RATELIMIT_STORAGE_URI=memory:// cannot be shared by {workers} workers. "
                         "Leave it empty (the database keeps the counters) or use redis://…")
