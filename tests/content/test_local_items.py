"""Job tracks and employer profiles as content (issue 18): validation, `flask content load` and
`load-examples`, versions, closing, and the read model (only published, valid items reach routes)."""
from __future__ import annotations

import copy
from datetime import date

import pytest
from sqlmodel import Session, select

from app import clock
from app.content import local
from app.content.loaders import EXAMPLES_FILE, load_local_documents
from app.content.local_store import Actor, Forbidden, close, load_documents, save
from app.content.models import JobTrack, LocalItemVersion
from app.db import get_engine
from tests.conftest import load_catalogue, make_database_url

TODAY = date(2026, 12, 1)
REFS = local.Refs(ssyk=frozenset({"8331"}), educations=frozenset({"amu-bussforare"}),
                  municipalities=frozenset({"1980", "1983"}), levels=frozenset({"sfi_c"}),
                  skills=frozenset({"LKUu_eHh_QS1", "79qy_qn4_B53", "imVM_9XE_Rrm"}),
                  profiles=frozenset({"exempel-profil-bussforare-vasteras"}))


@pytest.fixture(scope="module")
def examples():
    return load_local_documents(EXAMPLES_FILE)


@pytest.fixture
def track_doc(examples):
    return copy.deepcopy(examples[0][0])


def codes(problems):
    return {(p.path, p.code) for p in problems}


def test_the_example_track_is_valid(track_doc):
    assert local.validate_track(track_doc, REFS, TODAY, {"amu-bussforare": None}) == []


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["steps"].append({"education": "no-such-education"}), ("steps.3.education", "unknown_education")),
    (lambda d: d.update(ssyk="9999"), ("ssyk", "unknown_ssyk")),
    (lambda d: d.update(municipalities=["0000"]), ("municipalities.0", "unknown_municipality")),
    (lambda d: d["eligibility"].update(swedish_level="klingon"), ("eligibility.swedish_level", "unknown_level")),
    (lambda d: d.update(profile="nobody"), ("profile", "unknown_profile")),
    (lambda d: d["steps"][0].update(weeks=0), ("steps.0.weeks", "bad_weeks")),
    (lambda d: d.update(valid_to="2026-11-30"), ("valid_to", "expired")),
    (lambda d: d.update(valid_to="2026-10-01"), ("valid_to", "dates_order")),
    (lambda d: d["intake"]["dates"].append({"start": "2027-02-15"}), ("intake.dates.2.start", "overlapping_intakes")),
    (lambda d: d["intake"].update(dates=[]), ("intake", "no_intake")),
    (lambda d: d["intake"]["dates"][0].update(apply_by="2027-03-01"), ("intake.dates.0.apply_by", "apply_after_start")),
    (lambda d: d.update(contact={}), ("contact", "required")),
    (lambda d: d.update(id="Bad Id!"), ("id", "bad_id")),
])
def test_bad_tracks_are_refused_at_the_field(track_doc, change, expected):
    change(track_doc)
    assert expected in codes(local.validate_track(track_doc, REFS, TODAY, {"amu-bussforare": None}))


def test_a_file_item_without_a_checkable_source_is_refused(track_doc):
    real = dict(track_doc, origin="file")
    real.pop("example", None)
    assert ("source_url", "needs_source") in codes(local.validate_track(real, REFS, TODAY))
    assert ("source_url", "needs_source") not in codes(
        local.validate_track(dict(real, source_url="https://example.org/beslut"), REFS, TODAY))


def test_a_profile_learns_on_the_job_only_what_it_needs(examples):
    profile = copy.deepcopy(examples[1][0])
    refs = local.Refs(**{**REFS.__dict__, "skills": frozenset(profile["needed"])})
    assert local.validate_profile(profile, refs, TODAY) == []
    profile["learned_on_job"].append("not-needed")
    assert ("learned_on_job", "learned_not_needed") in codes(local.validate_profile(profile, refs, TODAY))


def test_shipped_content_has_no_local_tracks():
    from app.content.loaders import CONTENT_DIR, LOCAL_DIR

    tracks, profiles = load_local_documents(CONTENT_DIR / LOCAL_DIR)
    for doc in tracks + profiles:           # any real one must carry a checkable source
        assert str(doc.get("source_url", "")).startswith("https://") and not doc.get("example")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path_factory):
    """A catalogue database per engine (the documents are JSON columns on both)."""
    url, drop = make_database_url(request.param, tmp_path_factory)
    load_catalogue(url)
    yield url
    drop()


@pytest.fixture
def local_app(create_app_for, db_url, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return create_app_for(db_url)


def test_load_examples_loads_the_labelled_set_and_content_load_does_not(local_app):
    runner = local_app.test_cli_runner()
    result = runner.invoke(args=["content", "load"])
    assert result.exit_code == 0, result.output
    with Session(get_engine(local_app)) as db:
        assert db.exec(select(JobTrack)).all() == []
    result = runner.invoke(args=["content", "load-examples"])
    assert result.exit_code == 0, result.output
    with Session(get_engine(local_app)) as db:
        [row] = db.exec(select(JobTrack)).all()
        assert row.origin == "example" and row.doc["example"] is True and row.status == "published"
    again = runner.invoke(args=["content", "load-examples"])       # idempotent: no new version
    assert again.exit_code == 0
    with Session(get_engine(local_app)) as db:
        assert db.get(JobTrack, row.id).version == 1
    with local_app.app_context():
        from app.content import catalogue

        view = catalogue.current()
        assert row.id in view.tracks and [t.id for t in view.route_inputs.tracks] == [row.id]
        assert "exempel-profil-bussforare-vasteras" in view.employer_needs


def test_edits_make_versions_and_closing_takes_it_off_the_routes(local_app, examples):
    doc = dict(copy.deepcopy(examples[0][0]), id="versioned-track", organisation="Org A", profile=None)
    with Session(get_engine(local_app), expire_on_commit=False) as db:
        me = Actor("Org A", counsellor_id=1)
        from app.content.local_store import set_area

        set_area(db, "Org A", ["1980", "1983"])
        item, problems = save(db, "track", doc, me, today=TODAY, action="created")
        assert problems == [] and item.version == 1
        item, _ = save(db, "track", dict(doc, title={"sv": "Nytt namn"}), me, today=TODAY, action="updated")
        assert item.version == 2
        with pytest.raises(Forbidden):
            save(db, "track", doc, Actor("Org B", counsellor_id=2), today=TODAY, action="updated")
        _, problems = save(db, "track", dict(doc, id="outside", municipalities=["0180"]), me, today=TODAY,
                           action="created")
        assert ("municipalities.0", "outside_area") in codes(problems)
        close(db, "track", item, me)
        versions = db.exec(select(LocalItemVersion).where(LocalItemVersion.item_id == "versioned-track")
                           .order_by(LocalItemVersion.version)).all()
        assert [(v.version, v.action, v.counsellor_id) for v in versions] == [
            (1, "created", 1), (2, "updated", 1), (3, "closed", 1)]
        assert versions[0].doc["title"] != versions[1].doc["title"]
    with local_app.app_context():
        from app.content import catalogue

        assert "versioned-track" not in catalogue.current().tracks


def test_an_expired_item_in_a_file_is_kept_closed_and_reported(local_app, examples):
    doc = dict(copy.deepcopy(examples[0][0]), id="old-track", valid_from="2025-01-01", valid_to="2025-12-31",
               profile=None, intake={"continuous": True})
    with Session(get_engine(local_app), expire_on_commit=False) as db:
        stored, problems = load_documents(db, [doc], [], today=TODAY, origin="example")
        assert stored == 1 and any("expired" in p for p in problems)
        assert db.get(JobTrack, "old-track").status == "closed"


def test_content_check_validates_local_files(local_app, tmp_path, examples):
    import shutil

    from app.content.loaders import CONTENT_DIR

    root = tmp_path / "files"
    shutil.copytree(CONTENT_DIR, root)
    (root / "local").mkdir(exist_ok=True)
    doc = dict(copy.deepcopy(examples[0][0]), id="real-track", profile=None)
    doc.pop("example", None)
    import yaml

    (root / "local" / "tracks.yaml").write_text(yaml.safe_dump({"tracks": [doc]}, allow_unicode=True), encoding="utf-8")
    result = local_app.test_cli_runner().invoke(args=["content", "check", "--dir", str(root), "--today", "2026-12-01"])
    assert result.exit_code == 1 and "real-track: source_url: needs_source" in result.output
    doc["source_url"] = "https://example.org/beslut/123"
    (root / "local" / "tracks.yaml").write_text(yaml.safe_dump({"tracks": [doc]}, allow_unicode=True), encoding="utf-8")
    result = local_app.test_cli_runner().invoke(args=["content", "check", "--dir", str(root), "--today", "2026-12-01"])
    assert "real-track" not in result.output, result.output
