#!/usr/bin/env bash
# Set up (with the test and lint tools), lint, then run the whole test suite (unit, database on
# SQLite and PostgreSQL, browser with axe). Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian packages the tests need: the browser (the PDF's fonts come with scripts/setup.sh).
missing=""
for pkg in chromium fonts-noto-core fonts-dejavu-core libharfbuzz-subset0; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "Installing Debian packages:$missing"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
VAGVAL_DEV=1 bash scripts/setup.sh
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
