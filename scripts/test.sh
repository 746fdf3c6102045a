#!/usr/bin/env bash
# Set up, then run the whole test suite (unit, database on SQLite and PostgreSQL, browser with axe).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests..."
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-core >/dev/null
fi
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
