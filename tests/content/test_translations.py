"""The glossary and the content translations (translations/<locale>/*.yaml) are parsed, checked
and loaded like every content file: each problem names the file, the place and what is wrong, and
`flask content check` exits 1 on an error (also on a concept id the imported taxonomy does not have)."""
from __future__ import annotations

import shutil

import pytest
import yaml
from sqlalchemy import select
from sqlmodel import Session

from app.content.loaders import CONTENT_DIR, TaxonomyIds, check, load_content
from tests.content.conftest import make_cli_app

SHIP_COOK = "Ki3J_DNi_7Hi"        # an occupation name of 5120 (JobTech)
SKILL = "MR4H_FFT_mTj"            # a skill (JobTech)
TAXONOMY = TaxonomyIds(frozenset({SHIP_COOK}), frozenset({SKILL}))


@pytest.fixture
def files(tmp_path):
    target = tmp_path / "files"
    shutil.copytree(CONTENT_DIR, target)
    shutil.rmtree(target / "translations" / "xx", ignore_errors=True)
    return target


def _write(root, locale, name, data):
    folder = root / "translations" / locale
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _errors(root, taxonomy=TAXONOMY):
    _content, problems = check(root, taxonomy=taxonomy)
    return [str(p) for p in problems if p.severity == "error"]


GOOD = {
    "groups.yaml": {"5120": {"label": "Kuhar", "description": "Gotuye yizhu.", "competences": {"food-hygiene": ""}}},
    "occupations.yaml": {SHIP_COOK: ["Kuhar na sudni", "sudnovyi kukhar"], "Xxxx_Xxx_Xx1": []},
    "skills.yaml": {SKILL: "Osobystyi dohliad", "Yyyy_Yyy_Yy1": ""},
    "glossary.yaml": {"csn": {"term": "CSN", "text": "Derzhavna ustanova"}, "sfi": {"term": "", "text": ""}},
}


def test_the_shipped_glossary_is_complete():
    content = load_content()
    assert len(content.glossary) >= 40
    for term in content.glossary.values():
        assert term.term["sv"] and term.text["sv"] and term.text["sv@lattlast"], term.key
        assert term.source_url.startswith("https://") and term.source_name, term.key


def test_good_overlays_parse_and_empty_entries_are_untranslated(files):
    for name, data in GOOD.items():
        _write(files, "de", name, data)
    content, problems = check(files, taxonomy=TaxonomyIds(frozenset({SHIP_COOK, "Xxxx_Xxx_Xx1"}),
                                                          frozenset({SKILL, "Yyyy_Yyy_Yy1"})))
    assert not [p for p in problems if p.severity == "error" and "translations/de/" in p.file], problems
    tr = content.translations["de"]
    assert tr.groups["5120"].label == "Kuhar" and dict(tr.groups["5120"].competences) == {}
    assert dict(tr.occupations) == {SHIP_COOK: ("Kuhar na sudni", "sudnovyi kukhar")}
    assert dict(tr.skills) == {SKILL: "Osobystyi dohliad"}
    assert dict(tr.glossary) == {"csn": {"term": "CSN", "text": "Derzhavna ustanova"}}


@pytest.mark.parametrize("name, data, message", [
    ("groups.yaml", {"9999": {"label": "x"}}, "groups.yaml: 9999: SSYK 9999 has no curated occupation file"),
    ("groups.yaml", {"5120": {"competences": {"no-such-key": "x"}}},
     "groups.yaml: 5120.competences.no-such-key: occupations/5120.yaml has no competence 'no-such-key'"),
    ("groups.yaml", {"5120": {"lable": "x"}}, "groups.yaml: 5120.lable: unknown field"),
    ("groups.yaml", {"5120": {"label": ["x"]}}, "groups.yaml: 5120.label: expected a text"),
    ("groups.yaml", {5120: {"label": "x"}}, "is not a 4-digit SSYK code"),
    ("groups.yaml", {"5120": "Kock"}, "groups.yaml: 5120: expected a mapping"),
    ("occupations.yaml", {SHIP_COOK: [1, 2]}, f"occupations.yaml: {SHIP_COOK}: expected a list of names"),
    ("occupations.yaml", {"Zzzz_Zzz_Zz9": ["x"]}, "occupations.yaml: Zzzz_Zzz_Zz9: not an occupation name of the imported taxonomy"),
    ("occupations.yaml", {"not an id!": ["x"]}, "is not a taxonomy concept id"),
    ("skills.yaml", {"Zzzz_Zzz_Zz9": "x"}, "skills.yaml: Zzzz_Zzz_Zz9: not a skill of the imported taxonomy"),
    ("skills.yaml", {SKILL: {"label": "x"}}, f"skills.yaml: {SKILL}: expected a text"),
    ("glossary.yaml", {"no-such-term": {"term": "x"}}, "glossary.yaml: no-such-term: no glossary term 'no-such-term'"),
    ("glossary.yaml", {"csn": {"word": "x"}}, "glossary.yaml: csn.word: unknown field"),
    ("glossary.yaml", {"csn": "x"}, "glossary.yaml: csn: expected a mapping"),
    ("glossary.yaml", "csn: [unclosed", "glossary.yaml: line"),
    ("skills.yaml", "- a list\n", "skills.yaml: expected a mapping at the top of the file"),
])
def test_a_broken_overlay_is_an_error_naming_file_place_and_problem(files, name, data, message):
    _write(files, "de", name, data)
    errors = _errors(files)
    assert any(message in e and f"translations/de/{name}" in e for e in errors), errors


def test_a_folder_that_is_not_a_locale_is_an_error(files):
    _write(files, "not-a-locale!", "skills.yaml", {})
    assert any("translations/not-a-locale!/" in e and "is not a locale id" in e for e in _errors(files))


def test_glossary_errors(files):
    path = files / "glossary.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["terms"]["csn"]["aliases"]["sv"].append("studiemedel")          # a word of another term
    del data["terms"]["sfi"]["source"]
    data["terms"]["Bad Key"] = data["terms"]["komvux"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    errors = _errors(files)
    assert any("glossary.yaml: terms.csn: 'studiemedel' also names 'studiemedel'" in e or
               "'studiemedel' also names" in e for e in errors), errors
    assert any("glossary.yaml: terms.sfi.source: expected {url" in e for e in errors), errors
    assert any("glossary.yaml: terms.Bad Key: 'Bad Key' is not a key" in e for e in errors), errors
    data["terms"] = dict(list(data["terms"].items())[:10])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert any("terms, at least 40 needed" in e for e in _errors(files))


def test_content_check_exits_1_on_an_unknown_concept_id_in_the_exports(files, tmp_path):
    from tests.conftest import SHARED_JOBTECH

    _write(files, "de", "occupations.yaml", {SHIP_COOK: ["Kuhar na sudni"], "Zzzz_Zzz_Zz9": ["x"]})
    runner = make_cli_app(f"sqlite:///{tmp_path / 'x.sqlite3'}").test_cli_runner()
    result = runner.invoke(args=["content", "check", "--dir", str(files), "--jobtech", str(SHARED_JOBTECH)])
    assert result.exit_code == 1, result.output
    assert "translations/de/occupations.yaml: Zzzz_Zzz_Zz9: not an occupation name of the imported taxonomy" in result.output
    assert SHIP_COOK not in result.output
    # without a taxonomy (an empty database, no --jobtech) the ids cannot be checked, and it says so
    result = runner.invoke(args=["content", "check", "--dir", str(files)])
    assert "were not checked" in result.output


def test_load_writes_the_glossary_and_the_overlays_idempotently(files, empty_db_url):
    from app.content.load import load_curated
    from app.content.models import ContentTranslation, GlossaryTerm
    from app.db import make_engine, upgrade

    for name, data in GOOD.items():
        _write(files, "de", name, data)
    content, _problems = check(files)
    upgrade(empty_db_url)
    engine = make_engine(empty_db_url)
    try:
        with Session(engine) as session:
            report = load_curated(session, content)
            assert report.counts["glossary_terms"][0] == len(content.glossary)
            rows = {(r.kind, r.key): r.value for r in session.execute(
                select(ContentTranslation).where(ContentTranslation.locale == "de")).scalars()}
            assert rows[("occupation", SHIP_COOK)] == ["Kuhar na sudni", "sudnovyi kukhar"]
            assert rows[("group", "5120")]["label"] == "Kuhar" and ("skill", "Yyyy_Yyy_Yy1") not in rows
            keys = list(session.execute(select(GlossaryTerm.key).order_by(GlossaryTerm.position)).scalars())
            assert keys == list(content.glossary)
        with Session(engine) as session:
            again = load_curated(session, content)
            assert again.counts["content_translations"][:2] == (0, 0) and again.counts["glossary_terms"][:2] == (0, 0)
    finally:
        engine.dispose()
