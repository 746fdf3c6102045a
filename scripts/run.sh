#!/usr/bin/env bash
# Set up, then serve Vägval at http://127.0.0.1:5000 on its embedded default (SQLite, bundled content).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "Vägval: http://127.0.0.1:5000"
exec .venv/bin/gunicorn --workers 2 --bind 127.0.0.1:5000 --access-logfile - \
  --access-logformat '"%(m)s %(U)s" %(s)s %(b)s %(L)ss' wsgi:app
