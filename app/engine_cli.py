"""``flask engine ...``: run the competence engine from the command line.

    flask engine rank --skill ID [--skill ID ...] [--group ID] [--top N] [--json] [--jobtech DIR]
    flask engine gap GROUP --skill ID [...] [--json] [--jobtech DIR]

The catalogue is read from the JobTech exports: ``--jobtech DIR`` if given, else the app
config / environment ``JOBTECH_DIR``, else ``../shared/jobtech`` beside the repository.
Register with ``init_app(app)``.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from app.content.importers.jobtech import catalog_from_jobtech
from app.engine import Catalog, compute_gap, rank_targets

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JOBTECH = REPO_ROOT.parent / "shared" / "jobtech"

_catalogs: dict[str, Catalog] = {}


def jobtech_dir(option: str | None) -> Path:
    """The exports directory: the option, else JOBTECH_DIR (config, then env), else the default."""
    if option:
        return Path(option).expanduser().resolve()
    configured = None
    try:
        configured = current_app.config.get("JOBTECH_DIR")
    except RuntimeError:   # no application context
        pass
    configured = configured or os.environ.get("JOBTECH_DIR")
    if configured:
        path = Path(configured).expanduser()
        return (path if path.is_absolute() else REPO_ROOT / path).resolve()
    return DEFAULT_JOBTECH.resolve()


def load_catalog(directory: Path) -> Catalog:
    key = str(directory)
    if key not in _catalogs:
        if not (directory / "skills.json").is_file():
            raise click.ClickException(f"no JobTech exports in {directory} (use --jobtech DIR)")
        _catalogs[key] = catalog_from_jobtech(directory)
    return _catalogs[key]


def _plain(value):
    """JSON-friendly: frozensets become sorted lists, mappings become dicts."""
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _person_skills(catalog: Catalog, skills: tuple[str, ...], group: str | None) -> set[str]:
    have = set(skills)
    unknown = sorted(s for s in have if s not in catalog.skills)
    if unknown:
        raise click.ClickException(f"unknown skill id(s): {', '.join(unknown)}")
    if group:
        match = catalog.groups.get(group) or next((g for g in catalog.groups.values() if g.ssyk == group), None)
        if match is None:
            raise click.ClickException(f"unknown occupation group: {group}")
        have |= match.profile
    if not have:
        raise click.UsageError("give at least one --skill ID (or --group ID)")
    return have


@click.group("engine", help="Competence-gap and ranking engine.")
def engine_group() -> None:
    pass


@engine_group.command("rank", help="Rank all occupation groups for a set of skills.")
@click.option("--skill", "skills", multiple=True, metavar="ID", help="A skill concept id the person has (repeatable).")
@click.option("--group", metavar="ID", help="Add a group's whole profile (concept id or SSYK code).")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Show only the best N.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--jobtech", metavar="DIR", help="Directory with the JobTech exports.")
@with_appcontext
def rank_command(skills, group, top, as_json, jobtech) -> None:
    catalog = load_catalog(jobtech_dir(jobtech))
    have = _person_skills(catalog, skills, group)
    results = rank_targets(catalog, have, top=top)
    if as_json:
        payload = [
            {
                "rank": n,
                "group_id": t.group_id,
                "ssyk": t.ssyk,
                "label": t.label,
                "score": round(t.score, 6),
                "match_score": round(t.match_score, 6),
                "coverage": round(t.coverage, 6),
                "have": sorted(t.have),
                "missing": sorted(t.missing),
                "explanation": {"key": t.explanation.key, "params": _plain(dict(t.explanation.params))},
            }
            for n, t in enumerate(results, 1)
        ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for n, t in enumerate(results, 1):
        total = len(t.have) + len(t.missing)
        p = t.explanation.params
        click.echo(f"{n:3d}. {t.ssyk} {t.label}  score {t.score:.3f}  have {len(t.have)}/{total}"
                   f"  top {p['have']}/{p['total']}  [{t.explanation.key}]")


@engine_group.command("gap", help="What a person has and lacks for one occupation group.")
@click.argument("group")
@click.option("--skill", "skills", multiple=True, metavar="ID", help="A skill concept id the person has (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--jobtech", metavar="DIR", help="Directory with the JobTech exports.")
@with_appcontext
def gap_command(group, skills, as_json, jobtech) -> None:
    catalog = load_catalog(jobtech_dir(jobtech))
    unknown = sorted(s for s in skills if s not in catalog.skills)
    if unknown:
        raise click.ClickException(f"unknown skill id(s): {', '.join(unknown)}")
    try:
        gap = compute_gap(catalog, group, set(skills))
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from None
    if as_json:
        click.echo(json.dumps(_plain(asdict(gap)), ensure_ascii=False, indent=2))
        return
    label = {s: catalog.skills[s].label for s in gap.have | gap.missing if s in catalog.skills}
    click.echo(f"{gap.ssyk} {gap.label}: have {len(gap.have)} of {len(gap.have) + len(gap.missing)}"
               f" (weighted coverage {gap.coverage:.2f}, match {gap.match_score:.3f})")
    for kind, ids in gap.missing_by_kind.items():
        if ids:
            click.echo(f"  missing {kind} ({len(ids)}): " + "; ".join(label.get(s, s) for s in ids[:10])
                       + (" ..." if len(ids) > 10 else ""))


def init_app(app) -> None:
    app.cli.add_command(engine_group)
