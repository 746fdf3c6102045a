"""A catalogue with content translations of our own for the tests: a copy of the content files
whose en, ar and lättläst overlays (translations/<locale>/*.yaml) are replaced by the small ones below, on
a real SQLite database with the full JobTech taxonomy from ../shared/jobtech."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import SHARED_JOBTECH, make_config, make_database_url

# Taxonomy concept ids used below (stable across taxonomy versions).
HOME_CARE_NAME = "bSEB_VKd_Ub3"       # "Undersköterska, hemtjänst, äldreboende och habilitering" (5321)
SHIP_COOK_NAME = "Ki3J_DNi_7Hi"       # "Kock, fartyg" (5120)
CASHIER_NAME = "j8X2_KhG_6ty"         # "Kassapersonal" (5230)
PERSONAL_CARE_SKILL = "MR4H_FFT_mTj"  # the taxonomy skill behind 5321's curated "personal-care"


def write_overlays(root: Path, taxonomy_skill: str) -> None:
    """Our test translations: some labels translated, most not (the Swedish fallback shows)."""
    ar = root / "translations" / "ar"
    en = root / "translations" / "en"
    easy = root / "translations" / "sv@lattlast"
    for folder in (ar, en, easy):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    dump = lambda path, data: path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")  # noqa: E731
    dump(ar / "groups.yaml", {
        "5321": {"label": "", "description": "يساعد الناس في بيوتهم وفي دور المسنين.",
                 "competences": {"hygiene-routines": "روتين النظافة الصحية", "elderly-care": ""}},
        "5120": {"label": "طباخ من الملف الإضافي"},          # loses: 5120.yaml has an Arabic label inline
    })
    dump(ar / "skills.yaml", {PERSONAL_CARE_SKILL: "العناية الشخصية", taxonomy_skill: "مهارة مترجمة"})
    dump(ar / "occupations.yaml", {
        HOME_CARE_NAME: ["مساعد تمريض منزلي", "مساعدة تمريض"],
        SHIP_COOK_NAME: ["طبّاخ سفينة"],
        CASHIER_NAME: ["أمين صندوق"],
    })
    dump(ar / "glossary.yaml", {"studiemedel": {"term": "المعونة الدراسية", "text": "مال من CSN أثناء الدراسة."},
                                "komvux": {"term": "كومفوكس"}})
    dump(en / "groups.yaml", {"5321": {"competences": {"hygiene-routines": "OVERLAY LOSES TO THE INLINE LABEL"}}})
    dump(en / "occupations.yaml", {SHIP_COOK_NAME: ["ship's cook", "galley cook"]})
    dump(easy / "occupations.yaml", {SHIP_COOK_NAME: ["Kock på en båt", "båtkock"], CASHIER_NAME: ["Kassapersonal"]})


def _proposed_taxonomy_skill(url: str) -> str:
    """The first JobTech skill (not a curated competence) proposed to someone who worked in 5321."""
    from app import create_app
    from app.content import catalogue

    app = create_app(make_config(url))
    with app.test_request_context("/"):
        view = catalogue.current()
        proposed = catalogue.proposed_skills(view, [view.by_ssyk["5321"]], limit=25)
        curated = {c.skill_id for c in view.competence_rows["5321"]}
    return next(s for s in proposed if s not in curated and not s.startswith("curated:"))


@pytest.fixture(scope="session")
def overlay_content(tmp_path_factory) -> Path:
    from app.content.loaders import CONTENT_DIR

    root = tmp_path_factory.mktemp("content") / "files"
    shutil.copytree(CONTENT_DIR, root)
    return root


@pytest.fixture(scope="session")
def overlay_catalogue_url(tmp_path_factory, overlay_content):
    """Migrated, the curated copy loaded, the taxonomy imported, then our overlays loaded."""
    from sqlmodel import Session

    from app.content import cache
    from app.content.importers.jobtech import import_jobtech
    from app.content.load import load_curated
    from app.content.loaders import TaxonomyIds, check
    from app.db import make_engine, upgrade

    url, _drop = make_database_url("sqlite", tmp_path_factory)
    upgrade(url)
    engine = make_engine(url)
    write_overlays(overlay_content, PERSONAL_CARE_SKILL)
    content, _problems = check(overlay_content)
    with Session(engine) as session:
        load_curated(session, content)
        import_jobtech(session, SHARED_JOBTECH)
    cache.invalidate()
    skill = _proposed_taxonomy_skill(url)
    write_overlays(overlay_content, skill)
    from app.content.importers.jobtech import parse_exports

    rows = parse_exports(SHARED_JOBTECH)
    content, problems = check(overlay_content, taxonomy=TaxonomyIds(frozenset(rows.occupation_names), frozenset(rows.skills)))
    assert not [p for p in problems if p.severity == "error"], problems
    with Session(engine) as session:
        load_curated(session, content)
    engine.dispose()
    cache.invalidate()
    return url, skill


@pytest.fixture
def oclient(create_app_for, overlay_catalogue_url):
    """A client on the app with the overlay catalogue."""
    return create_app_for(overlay_catalogue_url[0]).test_client()
