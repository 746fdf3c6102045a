"""``flask content ...``: check, load, import-jobtech, search. Register with ``init_app(app)``."""
from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.content.freshness import DEFAULT_WITHIN_DAYS, EXPIRED, EXPIRING
from app.content.loaders import CONTENT_DIR, EXAMPLES_FILE, LOCAL_DIR, check, is_file_level


@click.group("content", cls=AppGroup)
def content_group() -> None:
    """The catalogue: content files, JobTech import, search."""


def _session() -> Session:
    from app.db import get_engine

    return Session(get_engine(current_app), expire_on_commit=False)


_today_option = click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
                             help="Judge validity on this date instead of today (YYYY-MM-DD).")
_within_option = click.option("--within", "within", type=click.IntRange(min=0), default=DEFAULT_WITHIN_DAYS,
                              show_default=True, help="Days ahead in which a fact counts as expiring.")


def _day(value) -> date:
    return value.date() if value is not None else date.today()


def taxonomy_ids(jobtech: Path | None = None):
    """The concept ids the translation overlays may name: from the JobTech exports in ``jobtech``,
    else from the imported taxonomy in the database; None when neither is there."""
    from app.content.loaders import TaxonomyIds

    if jobtech is not None:
        from app.content.importers.jobtech import parse_exports

        rows = parse_exports(jobtech)
        return TaxonomyIds(frozenset(rows.occupation_names), frozenset(rows.skills))
    from sqlalchemy import select

    from app.content.models import OccupationName, Skill

    try:
        with _session() as session:
            names = frozenset(session.execute(select(OccupationName.id)).scalars())
            skills = frozenset(session.execute(select(Skill.id).where(Skill.in_taxonomy)).scalars())
    except SQLAlchemyError:
        return None
    return TaxonomyIds(names, skills) if names else None


@content_group.command("check")
@click.option("--dir", "root", type=click.Path(file_okay=False, path_type=Path), default=CONTENT_DIR,
              show_default=True, help="Content directory.")
@click.option("--strict", is_flag=True, help="Exit 1 also when a fact has expired or expires soon.")
@click.option("--jobtech", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Check the translations' concept ids against these JobTech exports "
                   "(default: the taxonomy imported into the database, if any).")
@_within_option
@_today_option
def check_command(root: Path, strict: bool, within: int, today, jobtech: Path | None) -> None:
    """Validate the content files. Exit 1 on an error (a broken file, an unknown reference);
    expired and expiring facts are listed apart and fail only with --strict."""
    taxonomy = taxonomy_ids(jobtech)
    content, problems = check(root, today=_day(today), within_days=within, taxonomy=taxonomy)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    aging = [p for p in problems if p.severity in (EXPIRED, EXPIRING)]
    for p in errors + warnings:
        click.echo(str(p), err=True)
    if aging:
        click.echo(f"Facts to update (expired, or expiring within {within} days; "
                   "`flask content freshness` groups them by source):", err=True)
        for p in aging:
            click.echo(f"  {p}", err=True)
    click.echo(f"{len(content.occupations)} occupations "
               f"({sum(len(o.competences) for o in content.occupations.values())} competences), "
               f"{len(content.educations)} educations "
               f"({len({e.form for e in content.educations.values()})} forms), "
               f"{len(content.schemes)} financing schemes, {len(content.language_levels)} language levels, "
               f"{len(content.glossary)} glossary terms, translations for {', '.join(sorted(content.translations)) or 'no language'}.")
    if taxonomy is None and any(t.occupations or t.skills for t in content.translations.values()):
        click.echo("Note: no taxonomy imported (and no --jobtech DIR): the concept ids of the "
                   "translated occupation names and skills were not checked.", err=True)
    local_errors = _check_local(root, content, _day(today))
    for line in local_errors:
        click.echo(f"ERROR {LOCAL_DIR}: {line}", err=True)
    errors = errors + local_errors
    expired = sum(p.severity == EXPIRED for p in aging)
    click.echo(f"{len(errors)} error(s), {len(warnings)} warning(s), "
               f"{expired} expired and {len(aging) - expired} expiring fact(s).")
    if errors or (strict and aging):
        sys.exit(1)


def _check_local(root: Path, content, today: date) -> list[str]:
    """Job tracks and employer profiles in ``files/local``: the editor's validation, with the
    references the files know (SSYK codes and taxonomy skills are checked by `load`)."""
    from app.content import local
    from app.content.loaders import ContentError, kommunkoder, load_local_documents

    try:
        tracks, profiles = load_local_documents(root / LOCAL_DIR)
    except ContentError as exc:
        return [str(p) for p in exc.problems]
    refs = local.Refs(educations=frozenset(content.educations), municipalities=frozenset(kommunkoder()),
                      levels=frozenset(content.language_levels), profiles=local.profile_ids(profiles))
    weeks = {e.id: e.weeks for e in content.educations.values()}
    out = []
    for kind, docs in ((local.PROFILE, profiles), (local.TRACK, tracks)):
        for doc in docs:
            problems = local.validate(kind, dict(doc, origin="file"), refs, today, weeks)
            out += [f"{kind} {doc.get('id')}: {p}" for p in problems if p.code != "expired" or doc.get("status") != "closed"]
    return out


@content_group.command("freshness")
@click.option("--dir", "root", type=click.Path(file_okay=False, path_type=Path), default=CONTENT_DIR,
              show_default=True, help="Content directory.")
@_within_option
@_today_option
def freshness_command(root: Path, within: int, today) -> None:
    """List every fact that has expired or expires within DAYS, grouped by source (exit 0)."""
    from app.content.freshness import aging, by_source

    day = _day(today)
    content, problems = check(root, today=day, within_days=within)
    if content is None or any(is_file_level(p) for p in problems):
        click.echo("The content files cannot be read; run `flask content check`.", err=True)
        sys.exit(1)
    items = aging(content, day, within)
    if not items:
        click.echo(f"Every fact is valid for more than {within} days from {day.isoformat()}.")
        return
    for (name, url), group in by_source(items).items():
        expired = sum(a.state == EXPIRED for a in group)
        click.echo(f"{name} – {url}")
        click.echo(f"  {len(group)} fact(s): {expired} expired, {len(group) - expired} expiring")
        for a in group:
            click.echo(f"  {a.line()}")
    expired = sum(a.state == EXPIRED for a in items)
    click.echo(f"{len(items)} fact(s) to update on {day.isoformat()} (within {within} days): "
               f"{expired} expired, {len(items) - expired} expiring. See docs/CONTENT.md, 'The yearly update'.")


@content_group.command("load")
@click.option("--dir", "root", type=click.Path(file_okay=False, path_type=Path), default=CONTENT_DIR,
              show_default=True, help="Content directory.")
@click.option("--strict", is_flag=True, help="Refuse to load if `content check` finds any error.")
def load_command(root: Path, strict: bool) -> None:
    """Load the curated content and the kommun/län tables into the database (idempotent)."""
    from app.content.load import load_curated
    from app.content.search import invalidate

    content, problems = check(root, taxonomy=taxonomy_ids())
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
        local_problems = _load_local(session, root / LOCAL_DIR, origin="file")
    invalidate()
    for line in report.lines():
        click.echo(line)
    if strict and local_problems:
        sys.exit(1)


def _load_local(session: Session, path: Path, *, origin: str) -> list[str]:
    """Job tracks and employer profiles from content files, with the editor's validation."""
    from app import clock
    from app.content.loaders import ContentError, load_local_documents
    from app.content.local_store import load_documents

    try:
        tracks, profiles = load_local_documents(path)
    except ContentError as exc:
        for p in exc.problems:
            click.echo(str(p), err=True)
        return [str(p) for p in exc.problems]
    if not tracks and not profiles:
        return []
    stored, problems = load_documents(session, tracks, profiles, today=clock.today(), origin=origin)
    for p in problems:
        click.echo(f"ERROR {path.name}: {p}", err=True)
    click.echo(f"{'job tracks and profiles':<24} {stored:>7} stored, {len(problems)} problem(s)")
    return problems


@content_group.command("load-examples")
def load_examples_command() -> None:
    """Load the example job tracks and employer profiles (invented, every page says "Exempel").
    Never part of `flask content load`; for trying the feature only."""
    from app.content.search import invalidate

    with _session() as session:
        problems = _load_local(session, EXAMPLES_FILE, origin="example")
    invalidate()
    if problems:
        sys.exit(1)


@content_group.command("organisation-area")
@click.argument("organisation")
@click.argument("kommunkoder", nargs=-1, required=True)
def organisation_area_command(organisation: str, kommunkoder: tuple[str, ...]) -> None:
    """Set the municipalities ORGANISATION's counsellors publish job tracks and profiles for."""
    from app.content.local_store import set_area
    from app.content.models import Municipality

    with _session() as session:
        unknown = [k for k in kommunkoder if session.get(Municipality, k) is None]
        if unknown:
            raise click.ClickException(f"Unknown kommunkod: {', '.join(unknown)}")
        set_area(session, organisation, list(kommunkoder))
    click.echo(f"{organisation}: {', '.join(sorted(set(kommunkoder)))}")


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
@click.option("--lang", "locale", default=None, help="Also search the names in this language (e.g. ar, uk).")
def search_command(query: tuple[str, ...], limit: int, kinds: tuple[str, ...], as_json: bool, locale: str | None) -> None:
    """Search occupation names, groups, keywords and skills."""
    from app.content.search import search

    text = " ".join(query)
    started = time.perf_counter()
    if locale:
        from app.content import catalogue

        hits = catalogue.search(text, kinds=list(kinds) or None, limit=limit, locale=locale)
    else:
        with _session() as session:
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
        local = f"{hit.local_label} – " if hit.local_label else ""
        click.echo(f"{hit.score:6.1f}  {hit.kind:<10} {local}{hit.label}{code}  ({hit.id}){group}")
    click.echo(f"({len(hits)} hits in {ms:.1f} ms)", err=True)


def init_app(app: Flask) -> None:
    app.cli.add_command(content_group)
