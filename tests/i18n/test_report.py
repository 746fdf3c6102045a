"""`flask i18n report`: completeness per language for the interface catalogue, the curated groups
(label, description, competences), the work list's skills and occupation names, and the glossary."""
from __future__ import annotations

import pytest

from app.content import worklist
from app.i18n import SUPPORTED_LOCALES


def _table(runner):
    result = runner.invoke(args=["i18n", "report"])
    assert result.exit_code == 0, result.output
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in result.output.splitlines()
            if line.startswith("| ")]
    return rows[0], {r[0].split(" ")[0]: dict(zip(rows[0], r)) for r in rows[1:]}


def test_report_has_a_row_per_language_and_every_part(runner):
    head, rows = _table(runner)
    assert head == ["language", "interface", "group labels", "descriptions", "competences", "skills",
                    "occupations", "glossary"]
    assert list(rows) == list(SUPPORTED_LOCALES)
    assert rows["sv"]["interface"].endswith("(100%)") and rows["ar"]["interface"].endswith("(100%)")
    assert rows["sv"]["competences"].endswith("(100%)")


def test_report_counts_what_is_written(runner, monkeypatch):
    if not worklist.has_taxonomy():
        pytest.skip("no taxonomy exports")
    first_skill = worklist.top_skills()[0][0]
    real = worklist.load_translations

    def fake(locale, name):
        if locale == "uk" and name == "skills.yaml":
            return {first_skill: "навичка"}
        return real(locale, name)

    monkeypatch.setattr(worklist, "load_translations", fake)
    _head, rows = _table(runner)
    assert rows["uk"]["skills"].startswith("1/1000")


def test_report_without_glossary_or_taxonomy_says_na(runner, monkeypatch, tmp_path):
    monkeypatch.setattr(worklist, "glossary_terms", lambda: None)
    monkeypatch.setenv("JOBTECH_DIR", str(tmp_path))
    _head, rows = _table(runner)
    assert {r["glossary"] for r in rows.values()} == {"n/a"}
    assert {r["skills"] for r in rows.values()} == {"n/a"} == {r["occupations"] for r in rows.values()}
