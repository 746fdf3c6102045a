"""flask content import-jobtech on real SQLite and PostgreSQL databases, with the real exports."""
from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from app.content.importers.jobtech import JobtechImportError, parse_exports

EXPECTED = {"occupation_group": 400, "occupation_name": 2412, "skill": 6657, "group_skill": 17517,
            "keyword": 1484, "ssyk_level": 203, "sun_level": 71, "sun_field": 531}


def _counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        out = {t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in EXPECTED}
        out["keyword_relation"] = conn.execute(sa.text("SELECT COUNT(*) FROM keyword_relation")).scalar()
        out["labels"] = hash(tuple(conn.execute(sa.text("SELECT id, label FROM skill ORDER BY id")).all()))
    engine.dispose()
    return out


def _report(output: str) -> dict[str, tuple[int, ...]]:
    rows = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 5 and parts[1].isdigit():
            rows[parts[0]] = tuple(int(p) for p in parts[1:])
    return rows


def test_import_twice_is_idempotent(empty_db_url, jobtech_dir, make_cli_app):
    runner = make_cli_app(empty_db_url).test_cli_runner()
    first = runner.invoke(args=["content", "import-jobtech", str(jobtech_dir)])
    assert first.exit_code == 0, first.output
    report = _report(first.output)
    assert report["groups"] == (400, 0, 0, 0)
    assert report["occupation_names"] == (2412, 0, 0, 0)
    assert report["skills"] == (6657, 0, 0, 0)
    assert report["group_skills"] == (17517, 0, 0, 0)
    assert report["keywords"] == (1484, 0, 0, 0)
    counts = _counts(empty_db_url)
    for table, expected in EXPECTED.items():
        assert counts[table] == expected, table

    second = runner.invoke(args=["content", "import-jobtech", str(jobtech_dir)])
    assert second.exit_code == 0, second.output
    again = _report(second.output)
    assert all(added == 0 and changed == 0 and removed == 0 for added, changed, _u, removed in again.values()), again
    assert {k: v[2] for k, v in again.items()} == {k: v[0] for k, v in report.items()}
    assert _counts(empty_db_url) == counts


def _truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _drop_id(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["data"]["concepts"][7]["id"]
    path.write_text(json.dumps(doc), encoding="utf-8")


@pytest.mark.parametrize("file,corrupt,message", [
    ("skills.json", _truncate, "skills.json: line 1 column"),
    ("skills.json", _drop_id, "skills.json: data.concepts[7]: missing 'id'"),
    ("keyword-concepts-with-relations.json", _drop_id, "keyword-concepts-with-relations.json: data.concepts[7]: missing 'id'"),
    ("ssyk-level-4-groups-with-related-skills.json", _truncate, "ssyk-level-4-groups-with-related-skills.json"),
])
def test_corrupt_export_leaves_database_untouched(imported_db_url, copy_exports, file, corrupt, message, make_cli_app):
    runner = make_cli_app(imported_db_url).test_cli_runner()
    before = _counts(imported_db_url)
    broken = copy_exports()
    corrupt(broken / file)
    # change something valid too, so a partial write would show
    skills = broken / "skills.json"
    if file != "skills.json":
        doc = json.loads(skills.read_text(encoding="utf-8"))
        doc["data"]["concepts"][0]["preferred_label"] += " (ändrad)"
        skills.write_text(json.dumps(doc), encoding="utf-8")
    result = runner.invoke(args=["content", "import-jobtech", str(broken)])
    assert result.exit_code == 1
    assert "database unchanged" in result.output
    assert message in result.output
    assert _counts(imported_db_url) == before


def test_corrupt_export_on_empty_database_writes_nothing(empty_db_url, copy_exports, make_cli_app):
    broken = copy_exports()
    _drop_id(broken / "sun-field-hierarchy.json")
    result = make_cli_app(empty_db_url).test_cli_runner().invoke(args=["content", "import-jobtech", str(broken)])
    assert result.exit_code == 1
    assert "sun-field-hierarchy.json: data.concepts[7]: missing 'id'" in result.output
    assert all(v == 0 for k, v in _counts(empty_db_url).items() if k != "labels")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(JobtechImportError, match="the-ssyk-hierarchy-with-occupations.json: file not found"):
        parse_exports(tmp_path)


def test_changed_label_is_counted_as_changed(empty_db_url, copy_exports, make_cli_app):
    exports = copy_exports()
    runner = make_cli_app(empty_db_url).test_cli_runner()
    assert runner.invoke(args=["content", "import-jobtech", str(exports)]).exit_code == 0
    doc = json.loads((exports / "skills.json").read_text(encoding="utf-8"))
    doc["data"]["concepts"][0]["preferred_label"] += " (ny)"
    (exports / "skills.json").write_text(json.dumps(doc), encoding="utf-8")
    result = runner.invoke(args=["content", "import-jobtech", str(exports)])
    assert _report(result.output)["skills"] == (0, 1, 6656, 0)
