"""The content files parse into frozen values; validation names file, place and problem."""
from __future__ import annotations

import shutil
from dataclasses import FrozenInstanceError
from datetime import date

import pytest
import yaml

from app.content.domain import Fact
from app.content.loaders import CONTENT_DIR, ContentError, check, load_content, validate


@pytest.fixture
def files(tmp_path):
    """A writable copy of the real content files."""
    target = tmp_path / "files"
    shutil.copytree(CONTENT_DIR, target)
    return target


def _edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _messages(problems):
    return [str(p) for p in problems]


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2027, 12, 1)], ids=["shipped", "a-year-later"])
def test_real_content_files_are_valid(today):
    """The gate for the curated content: `flask content check` must pass on what we ship, today and
    a year from now (facts that age are listed as expired, never as errors)."""
    content, problems = check(CONTENT_DIR, today=today)
    errors = [str(p) for p in problems if p.severity == "error"]
    assert not errors, f"{len(errors)} content error(s):\n" + "\n".join(errors[:40])
    assert len(content.occupations) >= 40


def test_values_are_frozen():
    content, _ = check(CONTENT_DIR)
    occupation = next(iter(content.occupations.values()))
    with pytest.raises(FrozenInstanceError):
        occupation.ssyk = "0000"
    assert all(len(o.ssyk) == 4 for o in content.occupations.values())


def test_broken_yaml_names_file_and_line(files):
    path = sorted((files / "occupations").glob("*.yaml"))[0]
    path.write_text("ssyk: \"5321\"\nlabel: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(files)
    message = str(info.value)
    assert f"occupations/{path.name}: line" in message and "not valid YAML" in message


def test_missing_fields_and_bad_values_are_located(files):
    path = sorted((files / "occupations").glob("*.yaml"))[0]

    def change(data):
        del data["competences"][0]["key"]
        data["competences"][1]["kind"] = "magic"
        data["competences"][2]["importance"] = 7
        data["work_demands"]["physical"] = 5

    _edit(path, change)
    with pytest.raises(ContentError) as info:
        load_content(files)
    messages = _messages(info.value.problems)
    rel = f"occupations/{path.name}"
    assert f"ERROR {rel}: competences[0].key: missing" in messages
    assert any(m.startswith(f"ERROR {rel}: competences[1].kind: 'magic' is not one of") for m in messages)
    assert f"ERROR {rel}: competences[2].importance: 7 is not 1, 2 or 3" in messages
    assert f"ERROR {rel}: work_demands.physical: 5 is not 0, 1 or 2" in messages


def test_file_name_must_match_ssyk(files):
    path = sorted((files / "occupations").glob("*.yaml"))[0]
    shutil.move(path, files / "occupations" / "9999.yaml")
    _content, problems = check(files)
    assert any("occupations/9999.yaml: ssyk:" in str(p) and "does not match the file name" in str(p) for p in problems)


def test_unknown_references_are_reported(files):
    path = sorted((files / "occupations").glob("*.yaml"))[0]

    def change(data):
        data["education_routes"] = ["no-such-education"]
        data["language_requirement"] = "klingon_9"

    _edit(path, change)
    _content, problems = check(files)
    messages = _messages(problems)
    rel = f"occupations/{path.name}"
    assert f"ERROR {rel}: education_routes[0]: unknown education id 'no-such-education'" in messages
    assert f"ERROR {rel}: language_requirement: unknown language level 'klingon_9' (see language_levels.yaml)" in messages


def test_fact_checks(files):
    path = sorted((files / "occupations").glob("*.yaml"))[0]

    def change(data):
        del data["outlook"]["source_url"]
        data["outlook"]["valid_to"] = "2020-12-31"

    _edit(path, change)
    _content, problems = check(files, today=date(2026, 11, 23))
    messages = _messages(problems)
    rel = f"occupations/{path.name}"
    assert f"ERROR {rel}: outlook: fact without source_url" in messages
    # an expired fact is listed apart from the errors: the service keeps working on it
    assert any(m.startswith(f"EXPIRED {rel}: outlook: expired: valid_to 2020-12-31") for m in messages)
    assert not any(m.startswith("ERROR") and "expired" in m for m in messages)


def test_computed_fact_needs_formula_and_repealed_history_may_be_expired():
    from app.content.domain import Content, FinancingScheme, Rule

    old = Fact(source_url="https://example.org", valid_from=date(2017, 1, 1), valid_to=date(2025, 12, 31),
               status="computed")
    scheme = FinancingScheme(id="studiestartsstod", provider="CSN", name={"sv": "x"}, summary=None,
                             apply_url=None, repealed=True, rules=(Rule("amount", 1, None, old),), amounts=())
    live = FinancingScheme(id="csn-studiemedel", provider="CSN", name={"sv": "y"}, summary=None,
                           apply_url=None, repealed=False, rules=(Rule("amount", 1, None, old),), amounts=())
    content = Content(occupations={}, educations={}, schemes={s.id: s for s in (scheme, live)},
                      prisbasbelopp=(), language_levels={})
    messages = _messages(validate(content, today=date(2026, 11, 23)))
    assert "ERROR financing.yaml: schemes[id=studiestartsstod].rules[key=amount]: computed fact without formula" in messages
    assert not any("studiestartsstod" in m and "expired" in m for m in messages)
    assert any("csn-studiemedel" in m and "expired" in m for m in messages)
    assert "ERROR financing.yaml: schemes: scheme 'omstallningsstudiestod' is missing" in messages


def test_check_cli_exit_status(files, make_cli_app, tmp_path):
    runner = make_cli_app(f"sqlite:///{tmp_path / 'x.sqlite3'}").test_cli_runner()
    content, problems = check(files)
    result = runner.invoke(args=["content", "check", "--dir", str(files)])
    errors = [p for p in problems if p.severity == "error"]
    assert f"{len(content.occupations)} occupations" in result.output
    assert f"{len(errors)} error(s)" in result.output
    assert result.exit_code == (1 if errors else 0)

    path = sorted((files / "occupations").glob("*.yaml"))[0]
    path.write_text("ssyk: [\n", encoding="utf-8")
    broken = runner.invoke(args=["content", "check", "--dir", str(files)])
    assert broken.exit_code == 1
    assert f"occupations/{path.name}: line" in broken.output
