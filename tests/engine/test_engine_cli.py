"""``flask engine rank`` / ``flask engine gap`` on a minimal Flask app."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask

from app.engine_cli import init_app, jobtech_dir

JOBTECH = Path(__file__).parents[2].parent / "shared" / "jobtech"


@pytest.fixture
def runner():
    app = Flask(__name__)
    app.config["JOBTECH_DIR"] = str(JOBTECH)
    init_app(app)
    return app.test_cli_runner()


def test_rank_json_top(runner, jobtech_catalog):
    profile = sorted(next(g for g in jobtech_catalog.groups.values() if g.ssyk == "8332").profile)
    args = ["engine", "rank", "--json", "--top", "3"]
    for skill_id in profile:
        args += ["--skill", skill_id]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert [row["rank"] for row in payload] == [1, 2, 3]
    assert payload[0]["ssyk"] == "8332" and payload[0]["missing"] == []
    assert payload[0]["explanation"]["key"] == "have_all_of_m"
    assert payload[0]["score"] >= payload[1]["score"] >= payload[2]["score"]


def test_rank_text_with_group_and_jobtech_option(runner):
    result = runner.invoke(args=["engine", "rank", "--group", "3511", "--top", "2", "--jobtech", str(JOBTECH)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 2 and lines[0].lstrip().startswith("1. 3511 Drifttekniker, IT")


def test_unknown_skill_and_missing_dir_are_errors(runner, tmp_path):
    result = runner.invoke(args=["engine", "rank", "--skill", "no-such-id"])
    assert result.exit_code != 0 and "unknown skill" in result.output
    result = runner.invoke(args=["engine", "rank", "--skill", "x", "--jobtech", str(tmp_path)])
    assert result.exit_code != 0 and "no JobTech exports" in result.output
    result = runner.invoke(args=["engine", "rank"])
    assert result.exit_code != 0


def test_gap_command(runner):
    result = runner.invoke(args=["engine", "gap", "5321"])
    assert result.exit_code == 0, result.output
    assert "missing experience" in result.output and "Servicehus/Äldreboende" in result.output
    result = runner.invoke(args=["engine", "gap", "5321", "--json"])
    gap = json.loads(result.output)
    assert gap["ssyk"] == "5321" and gap["have"] == [] and gap["explanations"][0]["key"] == "have_none_of_m"


def test_jobtech_dir_resolution(monkeypatch, tmp_path):
    assert jobtech_dir(str(tmp_path)) == tmp_path.resolve()
    monkeypatch.setenv("JOBTECH_DIR", str(tmp_path))
    assert jobtech_dir(None) == tmp_path.resolve()          # no app context: the environment
    monkeypatch.delenv("JOBTECH_DIR")
    assert jobtech_dir(None) == JOBTECH.resolve()           # the default beside the repository
