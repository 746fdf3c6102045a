"""CLI groups: `flask i18n ...` here; `flask db`, `flask assets`, `flask content`, `flask engine` elsewhere."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from app.config import REPO_ROOT

i18n_cli = AppGroup("i18n", help="Translation catalogues.")
TRANSLATIONS = REPO_ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"


def _pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=REPO_ROOT)


def extract(output: Path = POT) -> None:
    _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "--add-comments=Translators:", "--no-wrap",
             "--add-location=never", "--sort-output", "--project=Vagval", "--copyright-holder=Vagval",
             "-o", str(output), ".")
    # A stable file: no creation date, so re-extraction only changes it when strings change.
    text = "\n".join(line for line in output.read_text().splitlines() if not line.startswith('"POT-Creation-Date'))
    output.write_text(text + "\n")


@i18n_cli.command("extract")
def extract_command() -> None:
    """Extract every translatable string to translations/messages.pot."""
    extract()


@i18n_cli.command("update")
def update_command() -> None:
    """Extract, then merge new strings into every catalogue."""
    extract()
    _pybabel("update", "-i", str(POT), "-d", str(TRANSLATIONS), "--no-wrap", "--ignore-obsolete",
             "--no-fuzzy-matching")


@i18n_cli.command("compile")
def compile_command() -> None:
    """Compile .po to .mo (the set-up runs this; .mo files are never committed)."""
    _pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")


@i18n_cli.command("init")
@click.argument("locale")
def init_command(locale: str) -> None:
    """Start a catalogue for a new language, e.g. `flask i18n init so`."""
    _pybabel("init", "-i", str(POT), "-d", str(TRANSLATIONS), "-l", locale, "--no-wrap")


def init_app(app: Flask) -> None:
    app.cli.add_command(i18n_cli)
    try:
        from app.content.cli import init_app as content_init
    except ImportError:  # the catalogue arrives with its own issue
        content_init = None
    if content_init:
        content_init(app)
    try:
        from app.engine_cli import init_app as engine_init
    except ImportError:
        engine_init = None
    if engine_init:
        engine_init(app)
