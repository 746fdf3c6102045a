"""The one read model: what ``app.content.catalogue`` builds from the tables is what the content
files say (the engine's inputs for routes, money and Swedish), one cache per catalogue version."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.content import catalogue
from app.content.facts import financing_facts, language_scale, route_inputs
from app.content.loaders import load_content


@pytest.fixture
def view(create_app_for, catalogue_url):
    app = create_app_for(catalogue_url)
    with app.test_request_context():
        yield catalogue.current()


def _membership_only(e):
    """``gives`` and ``leads_to`` are only ever tested for membership by the engine."""
    return replace(e, gives=frozenset(e.gives), leads_to=frozenset(e.leads_to))


def test_route_inputs_from_the_tables_are_the_files(view):
    content = load_content()
    files, tables = route_inputs(content), view.route_inputs
    assert list(tables.educations) == list(files.educations)            # the engine tries them in this order
    for key, e in files.educations.items():
        assert _membership_only(tables.educations[key]) == _membership_only(e), key
    assert tables.occupations == files.occupations                      # licences in the files' order too
    assert tables.scale == files.scale == language_scale(content)


def test_financing_facts_from_the_tables_are_the_files(view):
    files, tables = financing_facts(load_content()), view.financing
    assert set(tables.amounts) == set(files.amounts) and len(tables.amounts) == len(files.amounts)

    def candidates(amounts):        # FinancingFacts.amount takes the one valid on a date
        out = {}
        for a in amounts:
            out.setdefault((a.scheme, a.key, a.pace, a.qualifiers), []).append(a)
        return {k: sorted(v, key=lambda a: (a.valid_from or date.min, a.year or 0)) for k, v in out.items()}
    assert candidates(tables.amounts) == candidates(files.amounts)
    for same in candidates(tables.amounts).values():     # periods never overlap, so order cannot matter
        for earlier, later in zip(same, same[1:]):
            assert earlier.valid_to is not None and later.valid_from is not None and earlier.valid_to < later.valid_from
    assert sorted(tables.rules, key=lambda r: (r.scheme, r.key)) == sorted(files.rules, key=lambda r: (r.scheme, r.key))
    assert tables.prisbasbelopp == files.prisbasbelopp
    assert dict(tables.repealed_from) == dict(files.repealed_from)
    assert dict(tables.apply_urls) == dict(files.apply_urls)


def test_one_view_per_catalogue_version(create_app_for, catalogue_url):
    app = create_app_for(catalogue_url)
    with app.test_request_context():
        assert catalogue.current() is catalogue.current()
