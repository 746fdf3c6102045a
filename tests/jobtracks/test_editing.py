"""Counsellors edit their organisation's job tracks and employer profiles (issue 18): sign-in
required, publish from a plain form, problems at the field with what was typed kept, versions
and audit, closing, and another organisation's item is 403."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from app import clock
from app.content.models import EmployerProfile, JobTrack, LocalItemVersion
from app.db import get_engine
from tests.conftest import csrf_token, load_catalogue, make_database_url
from tests.counsellor_fixtures import row_for, sign_in
from tests.pages import assert_page_invariants

TODAY = date(2026, 12, 1)
ORG = "Komvux Västerås"


@pytest.fixture(scope="module")
def catalogue_db(tmp_path_factory):
    url, drop = make_database_url("sqlite", tmp_path_factory)
    load_catalogue(url)
    yield url
    drop()


@pytest.fixture
def app(create_app_for, catalogue_db, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    app = create_app_for(catalogue_db)
    for org, codes in ((ORG, ["1980", "1983"]), ("Annan kommun", ["0180"])):
        result = app.test_cli_runner().invoke(args=["content", "organisation-area", org, *codes])
        assert result.exit_code == 0, result.output
    return app


@pytest.fixture
def signed_in(app, client, create_counsellor):
    email, password = create_counsellor(organisation=ORG)
    sign_in(app, client, email, password)
    return row_for(app, email)


TRACK = {"title": "Jobbspår buss", "description": "Yrkessvenska, utbildning och praktik.",
         "employers": "Buss AB", "industry": "Kollektivtrafik", "place": "Västerås",
         "steps-0-education": "", "steps-0-label": "Yrkessvenska", "steps-0-weeks": "6", "steps-0-kind": "language",
         "steps-1-education": "amu-bussforare", "steps-1-label": "", "steps-1-weeks": "", "steps-1-kind": "training",
         "steps-2-education": "", "steps-2-label": "Praktik", "steps-2-weeks": "6", "steps-2-kind": "praktik",
         "intakes-0-start": "2027-02-01", "intakes-0-apply_by": "2027-01-11",
         "registered_af": "y", "swedish_level": "sfi_c", "other": "B-körkort.", "how": "Kontakta Anna.",
         "profile": "", "municipalities": ["1980"], "contact_name": "Anna", "contact_email": "anna@example.se",
         "contact_phone": "", "contact_url": "", "valid_from": "2026-11-01", "valid_to": "2027-12-31", "publish": "1"}


def post(client, url, data, page=None):
    return client.post(url, data=dict(data, csrf_token=csrf_token(client, page or url)))


def test_editing_needs_a_signed_in_counsellor(client):
    assert client.get("/radgivare/jobbspar").status_code == 303


def test_a_counsellor_publishes_a_track_and_it_is_versioned_and_audited(app, client, signed_in):
    page = client.get("/radgivare/jobbspar?ssyk=8331")
    assert_page_invariants(page)
    form = client.get("/radgivare/jobbspar/spar/ny?ssyk=8331")
    assert_page_invariants(form)
    response = post(client, "/radgivare/jobbspar/spar/ny?ssyk=8331", dict(TRACK, ssyk="8331"))
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    with Session(get_engine(app)) as db:
        [track] = db.exec(select(JobTrack).where(JobTrack.organisation == ORG)).all()
        assert track.status == "published" and track.doc["steps"][1] == {"education": "amu-bussforare"}
        track_id = track.id
    changed = post(client, f"/radgivare/jobbspar/spar/{track_id}", dict(TRACK, title="Jobbspår buss 2027"))
    assert changed.status_code == 303
    closed = post(client, f"/radgivare/jobbspar/spar/{track_id}/stang", {}, page="/radgivare/jobbspar")
    assert closed.status_code == 303
    with Session(get_engine(app)) as db:
        versions = db.exec(select(LocalItemVersion).where(LocalItemVersion.item_id == track_id)
                           .order_by(LocalItemVersion.version)).all()
        assert [(v.version, v.action, v.counsellor_id) for v in versions] == [
            (1, "published", signed_in.id), (2, "published", signed_in.id), (3, "closed", signed_in.id)]
    history = client.get(f"/radgivare/jobbspar/spar/{track_id}/historik")
    assert history.status_code == 200
    assert_page_invariants(history)


def test_bad_input_is_shown_at_the_field_with_what_was_typed_kept(client, signed_in):
    outside = post(client, "/radgivare/jobbspar/spar/ny?ssyk=8331", dict(TRACK, municipalities=["0180"]),
                   page="/radgivare/jobbspar/spar/ny?ssyk=8331")
    assert outside.status_code == 422 and 'id="municipalities-error"' in outside.get_data(as_text=True)
    bad = dict(TRACK, **{"steps-0-weeks": "0", "valid_to": "2026-10-01", "intakes-0-apply_by": "2027-03-01",
                         "title": "Mitt spår"})
    response = post(client, "/radgivare/jobbspar/spar/ny?ssyk=8331", bad, page="/radgivare/jobbspar/spar/ny?ssyk=8331")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'value="Mitt spår"' in html and 'id="steps-0-weeks-error"' in html
    assert 'id="valid_to-error"' in html and 'id="intakes-0-apply_by-error"' in html
    assert 'id="error-summary"' in html


def test_missing_csrf_is_refused(client, signed_in):
    response = client.post("/radgivare/jobbspar/spar/ny?ssyk=8331", data=TRACK)
    assert response.status_code == 400


def test_a_profile_starts_from_the_national_profile(app, client, signed_in):
    page = client.get("/radgivare/jobbspar/profil/ny?ssyk=8331").get_data(as_text=True)
    assert 'value="imVM_9XE_Rrm"' in page           # the national competences to tick
    data = {"title": "Bussförare", "employer": "Buss AB", "needed": ["imVM_9XE_Rrm", "g6vZ_i7N_ZeJ"],
            "learned_on_job": ["g6vZ_i7N_ZeJ"], "swedish_level": "sfi_c", "municipalities": ["1980"],
            "contact_name": "", "contact_email": "hr@example.se", "contact_phone": "", "contact_url": "",
            "valid_from": "2026-11-01", "valid_to": "2027-12-31", "publish": "1", "ssyk": "8331"}
    response = post(client, "/radgivare/jobbspar/profil/ny?ssyk=8331", data)
    assert response.status_code == 303, response.get_data(as_text=True)[:1500]
    with Session(get_engine(app)) as db:
        [profile] = db.exec(select(EmployerProfile).where(EmployerProfile.organisation == ORG)).all()
        assert profile.doc["learned_on_job"] == ["g6vZ_i7N_ZeJ"]


def test_another_organisations_track_is_403(app, client, signed_in):
    from app.content.local_store import Actor, save

    other = {"id": "annan-kommuns-spar", "ssyk": "8331", "status": "published", "title": {"sv": "Annat spår"},
             "employers": ["X"], "municipalities": ["0180"], "steps": [{"kind": "praktik", "label": {"sv": "P"}, "weeks": 4}],
             "intake": {"continuous": True}, "eligibility": {"registered_af": True},
             "contact": {"email": "x@example.se"}, "valid_from": "2026-11-01", "valid_to": "2027-12-31"}
    with Session(get_engine(app), expire_on_commit=False) as db:
        _item, problems = save(db, "track", other, Actor("Annan kommun", 999), today=TODAY, action="created")
        assert problems == []
    assert client.get("/radgivare/jobbspar/spar/annan-kommuns-spar").status_code == 403
    assert post(client, "/radgivare/jobbspar/spar/annan-kommuns-spar", TRACK,
                page="/radgivare/jobbspar").status_code == 403
    assert post(client, "/radgivare/jobbspar/spar/annan-kommuns-spar/stang", {},
                page="/radgivare/jobbspar").status_code == 403
    assert client.get("/radgivare/jobbspar/spar/annan-kommuns-spar/historik").status_code == 403
    with Session(get_engine(app)) as db:
        assert db.get(JobTrack, "annan-kommuns-spar").version == 1
    profile = {"id": "annan-kommuns-profil", "ssyk": "8331", "status": "published", "title": {"sv": "Annan profil"},
               "employer": "X", "municipalities": ["0180"], "needed": ["imVM_9XE_Rrm"],
               "contact": {"email": "x@example.se"}, "valid_from": "2026-11-01", "valid_to": "2027-12-31"}
    with Session(get_engine(app), expire_on_commit=False) as db:
        assert save(db, "profile", profile, Actor("Annan kommun", 999), today=TODAY, action="created")[1] == []
    assert client.get("/radgivare/jobbspar/profil/annan-kommuns-profil").status_code == 403
    assert post(client, "/radgivare/jobbspar/profil/annan-kommuns-profil/stang", {},
                page="/radgivare/jobbspar").status_code == 403
