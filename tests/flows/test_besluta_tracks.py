"""Local job tracks on the job seeker's side (issue 18): the decision basis shows an example track
within reach as a route (labelled "Exempel"), who may join, how to apply and the employer gap;
someone not registered is told what is missing; choosing the track puts its steps in the plan."""
from __future__ import annotations

from datetime import date

import pytest

from app import clock
from tests.conftest import load_catalogue, make_database_url
from tests.flows.test_besluta import post, save
from tests.pages import soup, text_of

TODAY = date(2026, 12, 1)
TARGETS = {"targets": ["8331"], "details": [{"group_id": "8331", "ssyk": "8331", "label": "Buss- och spårvagnsförare"}]}
SITUATION = {"birth_year": "1985", "situation": "unemployed_registered", "children": "0", "income": ""}


@pytest.fixture(scope="module")
def examples_url(tmp_path_factory):
    url, drop = make_database_url("sqlite", tmp_path_factory)
    load_catalogue(url)
    yield url
    drop()


@pytest.fixture
def tclient(create_app_for, examples_url, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    app = create_app_for(examples_url)
    result = app.test_cli_runner().invoke(args=["content", "load-examples"])
    assert result.exit_code == 0, result.output
    return app.test_client()


def person(client, *, situation=SITUATION, home="1980", skills=()):
    from app.content import catalogue

    with client.application.app_context():
        gid = catalogue.current().by_ssyk["8331"]
    assert post(client, "/inventera/fraga/education", {"level": "upper_secondary", "country": "sweden"}).status_code == 303
    assert post(client, "/inventera/fraga/swedish", {"level": "sfi_d"}).status_code == 303
    response = post(client, "/besluta/fraga/situation", dict(situation, upper_secondary="yes"))
    assert response.status_code == 303, response.get_data(as_text=True)[:400]
    save(client, "inventera.home", {"municipality": "Västerås", "kommunkod": home, "max_commute": 45})
    save(client, "inventera.targets", {"targets": [gid], "details": [dict(TARGETS["details"][0], group_id=gid)]})
    if skills:
        save(client, "inventera.competences", {"skills": list(skills)})


def test_a_job_seeker_within_reach_sees_the_track_as_a_route(tclient):
    person(tclient, skills=("imVM_9XE_Rrm", "g6vZ_i7N_ZeJ", "EqRh_UqX_wFB"))
    page = tclient.get("/besluta/yrke/8331")
    assert page.status_code == 200
    doc = soup(page.get_data(as_text=True))
    text = text_of(doc)
    titles = [text_of(h) for h in doc.select("article.route h3")]
    assert any("Jobbspår buss Västerås (exempel)" in t for t in titles), titles
    assert "Exempel" in text                                        # invented data says so
    assert "exempel@example.org" in text and "Exempelkommunen" in text
    assert "1 februari 2027" in text                               # the next intake
    assert "aktivitetsstöd" in text.lower()                        # the money on its steps
    assert "Exempelbolaget Buss AB" in text and "För den här arbetsgivaren har du redan 3 av de 9 kompetenser" in text    # the employer gap beside the national


def test_someone_not_registered_is_told_to_register_first(tclient):
    person(tclient, situation=dict(SITUATION, situation="employed"))
    text = text_of(soup(tclient.get("/besluta/yrke/8331").get_data(as_text=True)))
    assert "Lokala jobbspår du inte kan gå än" in text and "Registrera dig hos Arbetsförmedlingen först" in text
    # the employer's profile is still a gap target of its own, beside the national gap
    assert "Jämfört med lokala arbetsgivare" in text and "För den här arbetsgivaren har du redan 0 av de 9" in text


def test_a_track_far_from_home_is_not_shown(tclient):
    person(tclient, home="1280")               # Malmö
    assert "Jobbspår buss Västerås" not in text_of(soup(tclient.get("/besluta/yrke/8331").get_data(as_text=True)))


def test_choosing_the_track_puts_its_steps_in_the_plan(tclient):
    person(tclient)
    response = post(tclient, "/besluta/yrke/8331/valj", {"route": "track:exempel-jobbspar-buss-vasteras"},
                    page="/besluta/yrke/8331/jamfor")
    assert response.status_code == 303 and response.headers["Location"] == "/besluta/plan"
    text = text_of(soup(tclient.get("/besluta/plan").get_data(as_text=True)))
    assert "Yrkessvenska för förare (exempel)" in text and "Praktik hos arbetsgivaren (exempel)" in text
    assert "Ansök till jobbspåret" in text and "Kontakt: Exempel Exempelsson, exempel@example.org" in text
