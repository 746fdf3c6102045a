#!/usr/bin/env bash
# Set everything up from a clean clone: Python env, front-end packages, catalogues, assets, database.
# Idempotent: running it again only does what is missing or changed.
# VAGVAL_DEV=1 (scripts/test.sh) also installs the pinned test and lint tools (requirements-dev.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

# The PDF needs fonts for every language's script (Noto: Arabic for ar and Dari, Ethiopic for
# Tigrinya; DejaVu: Latin and Cyrillic) and HarfBuzz's subsetter (WeasyPrint embeds font subsets).
missing=""
for pkg in fonts-noto-core fonts-dejavu-core libharfbuzz-subset0; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages:$missing"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
elif [ -n "$missing" ]; then
  echo "Install these Debian packages for the PDF:$missing" >&2
fi

if ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
  rm -rf .venv
  if ! "$PY" -m venv .venv; then
    echo "Could not create a virtualenv: install python3-venv (apt-get install python3-venv)" >&2
    rm -rf .venv
    exit 1
  fi
fi
# install FILE STAMP SOURCES...: pip-install FILE unless STAMP holds the hash of SOURCES already.
install() {
  local file=$1 stamp=$2 want
  shift 2
  want=$(cat "$@" | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$file"
    echo "$want" > "$stamp"
  fi
}
install requirements.txt .venv/.requirements.sha requirements.txt
if [ "${VAGVAL_DEV:-0}" = 1 ]; then
  install requirements-dev.txt .venv/.requirements-dev.sha requirements.txt requirements-dev.txt
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

export FLASK_APP=wsgi.py
.venv/bin/pybabel compile -d translations --use-fuzzy >/dev/null
.venv/bin/python -m app.assets
.venv/bin/flask db upgrade
.venv/bin/flask content load
# The full official taxonomy, when its exports are at hand (never committed; see docs/CONTENT.md).
JOBTECH_DIR=${JOBTECH_DIR:-../shared/jobtech}
if [ "${VAGVAL_IMPORT_JOBTECH:-auto}" != "no" ] && [ -f "$JOBTECH_DIR/skills.json" ]; then
  .venv/bin/flask content import-jobtech "$JOBTECH_DIR" >/dev/null
fi
