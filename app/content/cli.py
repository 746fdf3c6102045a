"""``flask content ...``: check, load, import-jobtech, search. Register with ``init_app(app)``."""
from __future__ import annotations

import json
from dataclasses import asdict
import sys
import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.content.loaders import CONTENT_DIR, check, is_file_level


@click.group("content", cls=AppGroup)
def content_group() -> None:
    """The catalogue: content files, JobTech import, search."""


def _session() -> Session:
    from app.db import get_engine

    return Session(get_engine(current_app), expire_on_commit=False)


@content_group.command("check")
@click.option("--dir", "root", type=click.Path(file_okay=False, path_type=Path), default=CONTENT_DIR,
              show_default=True, help="Content directory.")
def check_command(root: Path) -> None:
    """Validate the content files; exit status 1 if there is any error."""
    content, problems = check(root)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    for p in problems:
        click.echo(str(p), err=True)
    click.echo(f"{len(content.occupations)} occupations "
               f"({sum(len(o.competences) for o in content.occupations.values())} competences), "
               f"{len(content.educations)} educations "
               f"({len({e.form for e in content.educations.values()})} forms), "
               f"{len(content.schemes)} financing schemes, {len(content.language_levels)} language levels.")
    click.echo(f"{len(errors)} error(s), {len(warnings)} warning(s).")
    if errors:
        sys.exit(1)


@content_group.command("load")
@click.option("--dir", "root", type=click.Path(file_okay=False, path_type=Path), default=CONTENT_DIR,
              show_default=True, help="Content directory.")
@click.option("--strict", is_flag=True, help="Refuse to load if `content check` finds any error.")
def load_command(root: Path, strict: bool) -> None:
    """Load the curated content and the kommun/län tables into the database (idempotent)."""
    from app.content.load import load_curated
    from app.content.search import invalidate

    content, problems = check(root)
    errors = [p for p in problems if p.severity == "error"]
    fatal = [p for p in errors if is_file_level(p)]
    if fatal or (errors and strict):
        for p in fatal or errors:
            click.echo(str(p), err=True)
        click.echo("Nothing loaded.", err=True)
        sys.exit(1)
    if errors:
        click.echo(f"Warning: {len(errors)} validation error(s); run `flask content check` for the list.", err=True)
    with _session() as session:
        report = load_curated(session, content)
    invalidate()
    for line in report.lines():
        click.echo(line)


@content_group.command("import-jobtech")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def import_jobtech_command(directory: Path) -> None:
    """Import the JobTech Taxonomy exports in DIRECTORY (all or nothing, idempotent)."""
    from app.content.importers.jobtech import JobtechImportError, import_jobtech
    from app.content.search import invalidate

    try:
        with _session() as session:
            report = import_jobtech(session, directory)
    except JobtechImportError as exc:
        click.echo(f"Import failed, database unchanged: {exc}", err=True)
        sys.exit(1)
    except SQLAlchemyError as exc:   # e.g. a curated concept id that the taxonomy gives another group
        click.echo(f"Import failed, database unchanged (rolled back): {exc.__class__.__name__}: "
                   f"{str(exc).splitlines()[0]}", err=True)
        sys.exit(1)
    invalidate()
    for line in report.lines():
        click.echo(line)
    click.echo(f"Imported in {report.seconds:.2f} s.")


@content_group.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True)
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(["occupation", "group", "keyword", "skill"]), help="Repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def search_command(query: tuple[str, ...], limit: int, kinds: tuple[str, ...], as_json: bool) -> None:
    """Search occupation names, groups, keywords and skills."""
    from app.content.search import search

    text = " ".join(query)
    with _session() as session:
        started = time.perf_counter()
        hits = search(session, text, kinds=kinds or None, limit=limit)
        ms = (time.perf_counter() - started) * 1000
    if as_json:
        click.echo(json.dumps([asdict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"No hits for {text!r}.")
    for hit in hits:
        group = f"  → {hit.ssyk} {hit.group_label}" if hit.ssyk and hit.kind != "group" else ""
        code = f" [{hit.ssyk}]" if hit.kind == "group" else ""
        click.echo(f"{hit.score:6.1f}  {hit.kind:<10} {hit.label}{code}  ({hit.id}){group}")
    click.echo(f"({len(hits)} hits in {ms:.1f} ms)", err=True)


def init_app(app: Flask) -> None:
    app.cli.add_command(content_group)
