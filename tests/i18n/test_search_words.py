"""Search in each language: every tests/i18n/search_words/<locale>.yaml (the translators write one
per language, ``words: [{query, ssyk}]``, at least 10) is searched as a person would at the jobs
step (occupation names) and at the goal search (names, groups and synonyms), on the real content
with every translation in the repository and the full taxonomy; the group must be in the first 10."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

WORDS = Path(__file__).with_name("search_words")
MIN_WORDS = 10
STEP_KINDS = ["occupation"]                      # Inventera's jobs step
GOAL_KINDS = ["occupation", "group", "keyword"]  # Besluta's goal search (app/flows/besluta/goals.py)


def _files() -> list[Path]:
    return sorted(WORDS.glob("*.yaml"))


def _words(path: Path) -> list[dict]:
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("words") or []


def _cases():
    for path in _files():
        for n, item in enumerate(_words(path)):
            yield pytest.param(path.stem, item.get("query"), str(item.get("ssyk")), id=f"{path.stem}-{n}-{item.get('query')}")


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_each_search_words_file_is_well_formed(path):
    from babel import Locale

    Locale.parse(path.stem)
    words = _words(path)
    assert len(words) >= MIN_WORDS, f"{path.name}: {len(words)} words, at least {MIN_WORDS}"
    for item in words:
        assert set(item) == {"query", "ssyk"} and isinstance(item["query"], str) and item["query"].strip(), item
        assert len(str(item["ssyk"])) == 4 and str(item["ssyk"]).isdigit(), item
    assert len({str(w["ssyk"]) for w in words}) >= MIN_WORDS, f"{path.name}: at least {MIN_WORDS} occupations"


def test_english_and_arabic_have_search_words():
    assert {"en", "ar"} <= {p.stem for p in _files()}


@pytest.mark.parametrize("locale, query, ssyk", list(_cases()))
def test_search_finds_the_occupation_in_the_language(cclient, locale, query, ssyk):
    from app.content import catalogue

    with cclient.application.test_request_context("/"):
        for kinds in (STEP_KINDS, GOAL_KINDS):
            hits = catalogue.search(query, kinds=kinds, limit=10, locale=locale)
            assert ssyk in [h.ssyk for h in hits], (kinds, [(h.label, h.ssyk) for h in hits])
