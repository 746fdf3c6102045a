"""Facts age: the rules that decide expired / expiring / current, which facts are history, and the
operator's commands (`flask content check` apart from errors, `flask content freshness` by source).
Every test passes its own ``today``: nothing here depends on the machine's date."""
from __future__ import annotations

from datetime import date

import pytest

from app.content import freshness
from app.content.domain import Amount, Content, Fact, FinancingScheme, PrisBasbelopp
from app.content.freshness import EXPIRED, EXPIRING, aging, by_source, dated_facts, state
from app.content.loaders import CONTENT_DIR, check, load_content

END = date(2026, 12, 31)


@pytest.mark.parametrize("today, within, expected", [
    (date(2027, 1, 1), 60, EXPIRED),        # the day after the last valid day
    (END, 60, EXPIRING),                    # the last valid day itself
    (END, 0, EXPIRING),
    (date(2026, 11, 1), 60, EXPIRING),      # exactly 60 days ahead
    (date(2026, 10, 31), 60, "current"),    # 61 days ahead
    (date(2026, 12, 30), 0, "current"),
])
def test_state_at_each_boundary(today, within, expected):
    assert state(END, today, within) == expected


def test_an_open_ended_fact_never_expires():
    assert state(None, date(2099, 1, 1)) == "current"


@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT_DIR)


def test_every_outlook_is_listed_after_its_period(content):
    items = aging(content, date(2027, 3, 1), 60)
    outlooks = [a for a in items if a.path == "outlook"]
    assert len(outlooks) == len([o for o in content.occupations.values() if o.outlook])
    assert {a.state for a in outlooks} == {EXPIRED}
    assert all(a.valid_to == END for a in outlooks)


def test_nothing_about_the_outlook_in_mid_year(content):
    assert not [a for a in aging(content, date(2026, 6, 15), 60) if a.path == "outlook"]
    # within 60 days of its end it is "expiring", so the operator can act before it happens
    soon = [a for a in aging(content, date(2026, 11, 15), 60) if a.path == "outlook"]
    assert soon and {a.state for a in soon} == {EXPIRING}


def test_an_amount_a_later_year_replaces_is_history_and_the_newest_is_not(content):
    items = {a.path for a in aging(content, date(2027, 3, 1), 60)}
    studiemedel = [p for p in items if p.startswith("schemes[id=csn-studiemedel].amounts[")]
    assert studiemedel and all(":2026" in p or ":2024" in p for p in studiemedel), studiemedel
    assert not any(":2025" in p for p in studiemedel)          # 2026 replaces it
    assert "financing.yaml: prisbasbelopp[year=2026]" in {f"{a.file}: {a.path}" for a in
                                                          aging(content, date(2027, 3, 1), 60)}
    assert not any(p.startswith("prisbasbelopp[year=2025]") for p in items)


def _fact(valid_to):
    return Fact(source_url="https://example.org", source_name="Example", valid_from=date(2020, 1, 1),
                valid_to=valid_to, status="verified")


def test_history_rules():
    amounts = (Amount("x", 100, 1.0, "SEK", "grant", 2025, _fact(date(2025, 12, 31))),
               Amount("x", 100, 2.0, "SEK", "grant", 2026, _fact(date(2026, 12, 31))),
               Amount("x", 50, 1.0, "SEK", "grant", 2025, _fact(date(2025, 12, 31))),   # no later one at 50 %
               Amount("y", None, 1.0, "SEK", "grant", 2025, _fact(date(2025, 12, 31)), {"children": 2}),
               Amount("y", None, 1.0, "SEK", "grant", 2026, _fact(date(2026, 12, 31)), {"children": 1}))
    live = FinancingScheme("live", "CSN", {"sv": "a"}, None, None, False, (), amounts)
    gone = FinancingScheme("gone", "CSN", {"sv": "b"}, None, None, True, (), amounts[:1])
    pbb = (PrisBasbelopp(2025, 1, _fact(date(2025, 12, 31))), PrisBasbelopp(2026, 2, _fact(END)))
    content = Content({}, {}, {"live": live, "gone": gone}, pbb, {})
    history = {d.path: d.history for d in dated_facts(content)}
    assert history["schemes[id=live].amounts[x:100:2025]"] is True
    assert history["schemes[id=live].amounts[x:100:2026]"] is False
    assert history["schemes[id=live].amounts[x:50:2025]"] is False       # still the newest at that pace
    assert history["schemes[id=live].amounts[y:None:2025:children=2]"] is False   # other qualifiers
    assert history["schemes[id=gone].amounts[x:100:2025]"] is True       # a repealed scheme is history
    assert history["prisbasbelopp[year=2025]"] is True and history["prisbasbelopp[year=2026]"] is False


def test_grouped_by_source_soonest_first(content):
    groups = by_source(aging(content, date(2027, 3, 1), 60))
    names = [name for name, _url in groups]
    assert any("Yrkesbarometern" in n for n in names)
    firsts = [g[0].valid_to for g in groups.values()]
    assert firsts == sorted(firsts)


def test_the_content_gate_a_year_ahead_warns_but_does_not_fail():
    _content, problems = check(CONTENT_DIR, today=date(2027, 12, 1))
    assert not [p for p in problems if p.severity == "error"]
    expired = [p for p in problems if p.severity == EXPIRED]
    assert len(expired) >= 46
    assert all(str(p).startswith("EXPIRED ") for p in expired)


def test_check_cli_lists_aging_facts_apart_and_strict_fails(make_cli_app, tmp_path):
    runner = make_cli_app(f"sqlite:///{tmp_path / 'x.sqlite3'}").test_cli_runner()
    later = runner.invoke(args=["content", "check", "--today", "2027-03-01"])
    assert later.exit_code == 0, later.output
    assert "0 error(s)" in later.output
    assert "Facts to update" in later.output and "EXPIRED occupations/" in later.output
    strict = runner.invoke(args=["content", "check", "--today", "2027-03-01", "--strict"])
    assert strict.exit_code == 1


def test_strict_check_passes_when_nothing_ages(make_cli_app, tmp_path):
    """--strict fails only because of aging facts: with every period pushed far ahead it passes."""
    import re
    import shutil

    files = tmp_path / "files"
    shutil.copytree(CONTENT_DIR, files)
    for path in files.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(valid_to: *)['\"]?\d{4}-\d\d-\d\d['\"]?", r'\g<1>"2099-12-31"', text),
                        encoding="utf-8")
    runner = make_cli_app(f"sqlite:///{tmp_path / 'x.sqlite3'}").test_cli_runner()
    result = runner.invoke(args=["content", "check", "--dir", str(files), "--today", "2027-03-01", "--strict"])
    assert result.exit_code == 0, result.output
    assert "0 expired and 0 expiring" in result.output


def test_freshness_cli_groups_by_source(make_cli_app, tmp_path):
    runner = make_cli_app(f"sqlite:///{tmp_path / 'x.sqlite3'}").test_cli_runner()
    result = runner.invoke(args=["content", "freshness", "--today", "2027-03-01"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("Arbetsförmedlingen, Yrkesbarometern"))
    assert "https://data.arbetsformedlingen.se/data/yrkesbarometer/" in lines[head]
    assert "46 fact(s): 46 expired" in lines[head + 1]
    assert any(line.strip() == "occupations/5321.yaml: outlook: expired 2026-12-31" for line in lines)
    assert "fact(s) to update on 2027-03-01" in lines[-1]

    ahead = runner.invoke(args=["content", "freshness", "--today", "2026-11-15", "--within", "60"])
    assert "occupations/5321.yaml: outlook: expires 2026-12-31" in ahead.output
    none = runner.invoke(args=["content", "freshness", "--today", "2026-06-15", "--within", "0"])
    assert none.exit_code == 0


def test_freshness_module_never_reads_the_clock():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(freshness))
    calls = {ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    assert not {"date.today", "datetime.now", "datetime.today"} & calls


def test_a_source_marked_unconfirmed_fails_the_gate(tmp_path):
    """A figure whose own source says it is unconfirmed is never published: `check` errors."""
    import shutil

    import yaml

    files = tmp_path / "files"
    shutil.copytree(CONTENT_DIR, files)
    path = files / "occupations" / "5321.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["pay"]["source_name"] = "SCB lönestrukturstatistik via example.org (år troligen 2024, ej bekräftat)"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _content, problems = check(files, today=date(2026, 12, 1))
    assert any(p.severity == "error" and p.file == "occupations/5321.yaml" and p.path == "pay"
               and "unconfirmed" in p.message for p in problems)


def test_no_shipped_fact_has_an_unconfirmed_source():
    from app.content.loaders import UNCONFIRMED

    content = load_content(CONTENT_DIR)
    marked = [f"{d.file}: {d.path}" for d in dated_facts(content)
              if d.fact.source_name and UNCONFIRMED.search(d.fact.source_name)]
    assert not marked, marked
