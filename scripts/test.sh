#!/usr/bin/env bash
# Set up, then run the whole test suite (unit, database on SQLite and PostgreSQL, browser with axe).
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian packages the tests need: the browser, and the fonts the PDF export names (Swedish, Arabic).
missing=""
for pkg in chromium fonts-noto-core fonts-dejavu-core; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "Installing Debian packages:$missing"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
