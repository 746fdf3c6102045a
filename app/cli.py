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


def interface_completeness(locale_id: str):
    """(translated, total) msgids of messages.pot in the locale's catalogue: every plural form
    written, not fuzzy. English counts its msgids as written (they are English)."""
    from babel.messages.pofile import read_po

    from app.content.worklist import Count

    with open(POT, "rb") as fh:
        ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    path = TRANSLATIONS / locale_id / "LC_MESSAGES" / "messages.po"
    done = 0
    if path.exists():
        with open(path, "rb") as fh:
            catalog = read_po(fh, locale=locale_id.split("@")[0])
        for m in catalog:
            key = m.id if isinstance(m.id, str) else m.id[0] if m.id else None
            strings = m.string if isinstance(m.string, (list, tuple)) else [m.string]
            if key in ids and all(strings) and not m.fuzzy:
                done += 1
    return Count(done, len(ids))


def report_rows() -> list[list[str]]:
    from app.content.worklist import content_completeness
    from app.i18n import SUPPORTED_LOCALES, LocaleInfo

    head = ["language", "interface", "group labels", "descriptions", "competences", "skills", "occupations", "glossary"]
    rows = [head]
    for locale_id in SUPPORTED_LOCALES:
        info = LocaleInfo.for_id(locale_id)
        parts = content_completeness(locale_id)
        rows.append([f"{locale_id} ({info.label})", str(interface_completeness(locale_id))]
                    + [str(parts[k]) if parts[k] is not None else "n/a" for k in head[2:]])
    return rows


@i18n_cli.command("report")
def report_command() -> None:
    """Completeness per language: interface catalogue, curated groups (label, description,
    competences), the 1,000 taxonomy skills and 310 occupation names of the work list, the glossary.
    "n/a": that part's source is not at hand (no taxonomy exports in JOBTECH_DIR, no glossary)."""
    rows = report_rows()
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]

    def line(cells):
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"

    click.echo(line(rows[0]))
    click.echo("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows[1:]:
        click.echo(line(r))


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
