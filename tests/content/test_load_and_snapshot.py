"""flask content load (idempotent), merging with the JobTech import, and catalog_from_db."""
from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from app.content.importers.jobtech import import_jobtech
from app.content.load import load_curated
from app.content.snapshot import catalog_from_db
from app.db import make_engine


def _rows(output: str) -> dict[str, tuple[int, ...]]:
    rows = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 5 and parts[1].isdigit():
            rows[parts[0]] = tuple(int(p) for p in parts[1:])
    return rows


def test_load_twice_changes_nothing(empty_db_url, make_cli_app, content, tmp_path):
    import shutil

    from app.content.loaders import CONTENT_DIR

    files = tmp_path / "files"          # a frozen copy: the real files may be edited meanwhile
    shutil.copytree(CONTENT_DIR, files)
    runner = make_cli_app(empty_db_url).test_cli_runner()
    first = runner.invoke(args=["content", "load", "--dir", str(files)])
    assert first.exit_code == 0, first.output
    assert _rows(first.output)["occupation_groups"][0] == len(list((files / "occupations").glob("*.yaml")))
    second = runner.invoke(args=["content", "load", "--dir", str(files)])
    assert second.exit_code == 0, second.output
    assert all(a == 0 and c == 0 and r == 0 for a, c, _u, r in _rows(second.output).values()), second.output


def test_snapshot_of_curated_default(empty_db_url, content):
    engine = make_engine(empty_db_url)
    with Session(engine) as session:
        load_curated(session, content)
        catalog = catalog_from_db(session)
    engine.dispose()
    assert {g.ssyk for g in catalog.groups.values()} == set(content.occupations)
    for occupation in content.occupations.values():
        group = next(g for g in catalog.groups.values() if g.ssyk == occupation.ssyk)
        assert group.profile == {c.skill_id(occupation.ssyk) for c in occupation.competences}
        for c in occupation.competences:
            kinds = {k.kind for o in content.occupations.values() for k in o.competences
                     if k.skill_id(o.ssyk) == c.skill_id(occupation.ssyk)}
            assert catalog.skills[c.skill_id(occupation.ssyk)].kind in kinds
    assert catalog.language_levels and all(isinstance(r, int) for r in catalog.language_levels.values())
    for education in catalog.educations:
        source = content.educations[education.id]
        expected = {next(c for c in content.occupations[s].competences if c.key == k).skill_id(s)
                    for s, k in source.gives
                    if s in content.occupations and any(c.key == k for c in content.occupations[s].competences)}
        assert education.gives == expected


def test_import_keeps_curated_content_and_snapshot_merges(catalogue_engine, content, jobtech_dir):
    with Session(catalogue_engine) as session:
        # a second import and a second load change nothing: the two sources do not fight
        assert not import_jobtech(session, jobtech_dir).changed_anything
        assert not load_curated(session, content).changed_anything
        catalog = catalog_from_db(session)
        curated = session.execute(sa.text(
            "SELECT COUNT(*) FROM occupation_group WHERE curated AND description IS NOT NULL")).scalar()
    assert curated == len(content.occupations)
    assert len(catalog.groups) == 400
    assert len(catalog.skills) >= 6657
    for occupation in content.occupations.values():
        group = next(g for g in catalog.groups.values() if g.ssyk == occupation.ssyk)
        if occupation.concept_id:
            assert group.id == occupation.concept_id
        own = {c.skill_id(occupation.ssyk) for c in occupation.competences}
        assert own <= group.profile
        assert len(group.profile) > len(own) or len(group.profile) >= 8


def test_snapshot_gives_the_curated_core_and_education_facts(catalogue_engine):
    """Issue 11: the curated competences (importance >= 2) are the core; the rest of the JobTech
    profile stays in the gap, below. The taxonomy's no-education occupation names are counted."""
    import re

    from app.engine import compute_gap
    from app.engine.core import core_competences
    from app.engine.levels import required_education

    with Session(catalogue_engine) as session:
        catalog = catalog_from_db(session)
    by_ssyk = {g.ssyk: g for g in catalog.groups.values()}
    for ssyk, unwanted in (("8332", r"kran|betongpump|djurtransport|timmer"),
                           ("5120", r"teppanyaki|dim sum|etiopiskt|visum")):
        group = by_ssyk[ssyk]
        assert group.core and set(group.core) <= group.profile
        labels = [catalog.skills[s].label for s in core_competences(catalog, group)]
        assert not [x for x in labels if re.search(unwanted, x, re.IGNORECASE)], labels
        gap = compute_gap(catalog, ssyk, set())
        assert gap.most_important == group.core
        assert len(gap.missing) > len(gap.most_important)   # the rest of the profile is still there
    assert by_ssyk["8332"].education_required == "upper_secondary"
    assert required_education(by_ssyk["8332"]) == ("upper_secondary", "curated")
    assert sum(g.no_education_names for g in catalog.groups.values()) == 112
    assert all(g.occupation_names for g in catalog.groups.values())
