"""Agera: next steps from the saved plan (this week / next / later, deadlines, where to do it),
ticking steps off, the decision moment and the if-then commitment. Structure, not Swedish words."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from app import wording
from app.content import catalogue
from app.flows.agera import planned
from tests.pages import assert_page_invariants, text_of
from tests.test_sharing import give_plan, post, sample_plan


@pytest.fixture
def app(create_app_for, catalogue_url):
    """Agera names the plan's steps from the catalogue: the app on the loaded one (as after set-up)."""
    return create_app_for(catalogue_url)


def saved(client, step):
    from flask import session as flask_session

    from app.plans import store

    with client.session_transaction() as sess:
        pid = sess.get(store.SESSION_KEY)
    with client.application.test_request_context():
        flask_session[store.SESSION_KEY] = pid
        return store.answers_for(store.current_plan(), step)


def test_without_a_plan_the_pages_send_the_person_to_decide(client):
    for url in ("/agera/", "/agera/nasta"):
        doc = assert_page_invariants(client.get(url))
        assert doc.find("a", href="/besluta/")
    assert client.get("/agera/plan.ics").status_code == 404
    assert client.post("/agera/valj").status_code in (400, 404)


def test_index_links_to_the_next_steps_when_there_is_a_plan(client):
    give_plan(client)
    doc = assert_page_invariants(client.get("/agera/"))
    assert doc.find("a", href="/agera/nasta")


def test_next_steps_are_grouped_by_week_with_deadlines_and_real_places(client):
    give_plan(client)
    doc = assert_page_invariants(client.get("/agera/nasta"))
    steps = {li["id"]: li for li in doc.select("ol.timeline > li")}
    assert len(steps) == 4
    now = doc.find(id="when-now").find_next("ol")
    assert now.find(id="step-1-language-sfi_d")                     # due today
    later = doc.find(id="when-later").find_next("ol")
    assert later.find(id="step-3-education-yrkesvux-underskoterska")
    links = {li["id"]: li.find("a", href=lambda h: h and h.startswith("https://"))["href"] for li in steps.values()}
    assert links["step-2-apply_financing-csn-studiemedel"].startswith("https://www.csn.se")
    assert "arbetsformedlingen.se" in links["step-4-job_search-job_search"]
    with client.application.test_request_context():
        edu = catalogue.current().educations["yrkesvux-underskoterska"].apply_url
    assert links["step-3-education-yrkesvux-underskoterska"] == (edu or wording.PLACES["municipality_adult_education"])
    # The education's name comes from the content, not its id.
    assert "yrkesvux-underskoterska" not in text_of(steps["step-3-education-yrkesvux-underskoterska"].find("h3"))


@pytest.mark.parametrize("weekday, days_ahead, group", [
    (0, 0, "now"), (0, 6, "now"), (0, 7, "next"), (4, 3, "next"), (0, 14, "later"), (2, -3, "now")])
def test_grouping_by_week(weekday, days_ahead, group):
    monday = date(2026, 11, 23)
    today = monday + timedelta(days=weekday)
    row = wording.PlanRow(id="x", kind="k", kind_key="k", name="n", start=today + timedelta(days=days_ahead),
                      finish=None, deadline=today + timedelta(days=days_ahead), with_whom="w", with_whom_key="w",
                      place_url=None)
    groups = planned.grouped([row], today)
    assert groups[group] == [row]


def test_tick_off_a_step_and_the_progress_shows_it(client):
    give_plan(client)
    doc = assert_page_invariants(client.get("/agera/nasta"))
    bar = doc.find("progress")
    assert (bar["value"], bar["max"]) == ("0", "4") and "0" in text_of(doc.find(id="progress-text"))
    form = doc.find(id="step-2-apply_financing-csn-studiemedel").find("form")
    assert client.post(form["action"]).status_code == 400                       # no CSRF
    response = post(client, form["action"], page="/agera/nasta")
    assert response.status_code == 303 and response.headers["Location"].endswith("#step-2-apply_financing-csn-studiemedel")
    assert saved(client, "agera.progress")["done"] == ["2-apply_financing-csn-studiemedel"]
    doc = assert_page_invariants(client.get("/agera/nasta"))
    assert doc.find("progress")["value"] == "1"
    assert doc.find(id="when-done").find_next("ol").find(id="step-2-apply_financing-csn-studiemedel")
    assert "1" in text_of(doc.find(id="progress-text")) and "4" in text_of(doc.find(id="progress-text"))
    post(client, form["action"], page="/agera/nasta")                              # undo
    assert saved(client, "agera.progress")["done"] == []
    assert post(client, "/agera/steg/9-nope/klar", page="/agera/nasta").status_code == 404


def test_i_choose_this_route_confirms_the_plans_route(client):
    give_plan(client)
    doc = assert_page_invariants(client.get("/agera/nasta"))
    form = doc.find("form", action="/agera/valj")
    assert form is not None
    assert post(client, "/agera/valj", page="/agera/nasta").status_code == 303
    progress = saved(client, "agera.progress")
    assert progress["chosen_route"] == sample_plan().route_id and progress["chosen_on"] == date.today().isoformat()
    doc = assert_page_invariants(client.get("/agera/nasta"))
    assert doc.find("form", action="/agera/valj") is None
    assert doc.find(id="decision").find_next("p", class_="panel")


def test_a_new_route_chosen_in_besluta_asks_for_the_decision_again(client):
    give_plan(client)
    post(client, "/agera/valj", page="/agera/nasta")
    from dataclasses import replace

    give_plan(client, replace(sample_plan(), route_id="5321:direct"))
    assert assert_page_invariants(client.get("/agera/nasta")).find("form", action="/agera/valj")


def test_the_commitment_shows_on_the_next_steps_page(client):
    give_plan(client)
    doc = assert_page_invariants(client.get("/agera/nasta"))
    assert doc.find(id="commitment").find_next("a")["href"] == "/agera/fraga/commitment"
    response = post(client, "/agera/fraga/commitment", {"when": "på måndag efter frukost", "then": "ringer jag Komvux"})
    assert response.status_code == 303
    text = text_of(assert_page_invariants(client.get("/agera/nasta")).find(id="commitment").find_next("p"))
    assert "på måndag efter frukost" in text and "ringer jag Komvux" in text


def test_next_steps_in_arabic_are_rtl(client):
    give_plan(client)
    doc = assert_page_invariants(client.get("/agera/nasta?lang=ar"), lang="ar", dir="rtl")
    for li in doc.select("ol.timeline > li"):
        host = li.find("span", class_="muted")
        assert host is None or host["dir"] == "ltr"


def test_all_steps_done(client):
    give_plan(client)
    for step in sample_plan().steps:
        post(client, f"/agera/steg/{step.id}/klar", page="/agera/nasta")
    doc = assert_page_invariants(client.get("/agera/nasta"))
    assert doc.find("progress")["value"] == doc.find("progress")["max"] == "4"
    assert len(doc.find(id="when-done").find_next("ol").find_all("li", recursive=False)) == 4
