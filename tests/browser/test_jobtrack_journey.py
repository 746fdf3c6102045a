"""A local job track from publishing to the plan (issue 18): a counsellor at desktop size starts
from an occupation and publishes a track for their municipality; a job seeker living there, on a
390 px phone, sees it among the routes, compares, chooses it and gets its steps in the plan.
axe (WCAG 2.2 AA) on every page of both."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from flask import session as flask_session
from playwright.sync_api import expect

from tests.browser.conftest import PageWatcher, serve
from tests.browser.test_meeting_journey import DESKTOP, totp_code
from tests.conftest import load_catalogue, make_database_url

pytestmark = pytest.mark.browser
ORG = "Komvux Västerås"


@pytest.fixture(scope="module")
def track_server(tmp_path_factory):
    url, drop = make_database_url("sqlite", tmp_path_factory)
    load_catalogue(url)
    with serve(url) as pair:
        yield pair
    drop()


def save_answers(app, page, answers: dict) -> None:
    """Answers the other journeys cover, written into the browser's plan (id from its cookie)."""
    from app.plans import store

    cookie = next(c for c in page.context.cookies() if c["name"] == app.config.get("SESSION_COOKIE_NAME", "session"))
    with app.test_request_context(headers={"Cookie": f"{cookie['name']}={cookie['value']}"}):
        assert flask_session.get(store.SESSION_KEY)
        for key, value in answers.items():
            store.save_answers(store.current_plan(), key, value)


def sign_in(browser, base, app, email, password):
    context = browser.new_context(**DESKTOP)
    context.set_default_timeout(8000)
    page = context.new_page()
    page.watcher = PageWatcher(page)
    page.javascript = True
    page.goto(f"{base}/radgivare/logga-in?lang=sv")
    page.locator("#email").fill(email)
    page.locator("#password").fill(password)
    page.get_by_role("button", name="Fortsätt").click()
    page.wait_for_url(re.compile(r"/radgivare/kod"))
    page.locator("#code").fill(totp_code(app, email, enrolling=True))
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(re.compile(r"/radgivare/$"))
    return context, page


def test_a_published_track_becomes_a_route_and_a_plan(browser, new_page, track_server, check_a11y):
    base, app = track_server
    runner = app.test_cli_runner()
    email = "jobbspar@example.se"
    out = runner.invoke(args=["counsellors", "add", email, "--name", "Anna Svensson", "--organisation", ORG]).output
    password = re.search(r"\(shown once\): (\S+)", out).group(1)
    assert runner.invoke(args=["content", "organisation-area", ORG, "1980"]).exit_code == 0
    today = date.today()
    intake, apply_by = today + timedelta(days=70), today + timedelta(days=40)

    # The counsellor publishes a track, starting from the occupation.
    context, desk = sign_in(browser, base, app, email, password)
    desk.get_by_role("link", name="Lokala jobbspår och arbetsgivarprofiler").click()
    desk.wait_for_url(re.compile(r"/radgivare/jobbspar$"))
    check_a11y(desk)
    desk.locator("#ssyk").fill("8331")
    desk.get_by_role("button", name="Välj yrke").click()
    desk.get_by_role("link", name="Nytt jobbspår").click()
    desk.wait_for_url(re.compile(r"/radgivare/jobbspar/spar/ny"))
    check_a11y(desk)
    desk.locator("#title").fill("Jobbspår buss Västerås")
    desk.locator("#employers").fill("Västerås Buss AB")
    desk.locator("#place").fill("Västerås")
    desk.locator("#steps-0-label").fill("Yrkessvenska för förare")
    desk.locator("#steps-0-weeks").fill("6")
    desk.locator("#steps-0-kind").select_option("language")
    desk.locator("#steps-1-education").select_option("amu-bussforare")
    desk.locator("#steps-2-label").fill("Praktik hos bussbolaget")
    desk.locator("#steps-2-weeks").fill("6")
    desk.locator("#steps-2-kind").select_option("praktik")
    desk.locator("#intakes-0-start").fill(intake.isoformat())
    desk.locator("#intakes-0-apply_by").fill(apply_by.isoformat())
    desk.locator("#municipalities-0").check()
    desk.locator("#swedish_level").select_option("sfi_c")
    desk.locator("#contact_email").fill("jobbspar@example.se")
    desk.locator("#how").fill("Prata med din handläggare och anmäl intresse.")
    desk.locator("#valid_from").fill(today.isoformat())
    desk.locator("#valid_to").fill((today + timedelta(days=365)).isoformat())
    desk.get_by_role("button", name="Publicera").click()
    desk.wait_for_url(re.compile(r"/radgivare/jobbspar$"))
    expect(desk.get_by_text("Publicerat.")).to_be_visible()
    check_a11y(desk)
    context.close()

    # The job seeker in Västerås, on a phone.
    phone = new_page()
    phone.goto(f"{base}/inventera/fraga/education?lang=sv")
    phone.locator("#level-2").check()
    phone.locator("#country-0").check()
    phone.locator("#step-form button.button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/inventera/fraga/"))
    from app.content import catalogue

    with app.app_context():
        gid = catalogue.current().by_ssyk["8331"]
    save_answers(app, phone, {
        "inventera.swedish": {"level": "sfi_d"},
        "inventera.home": {"municipality": "Västerås", "kommunkod": "1980", "max_commute": 45},
        "inventera.targets": {"targets": [gid], "details": [{"group_id": gid, "ssyk": "8331", "label": "Bussförare"}]},
        "besluta.situation": {"birth_year": 1985, "situation": "unemployed_registered", "children": 0,
                              "income": None, "upper_secondary": "yes"},
    })
    phone.goto(f"{base}/besluta/yrke/8331")
    title = phone.locator("article.route h3", has_text="Lokalt jobbspår: Jobbspår buss Västerås")
    expect(title).to_be_visible()
    expect(phone.get_by_text("Ett lokalt jobbspår slutar normalt med ett jobb hos arbetsgivaren.").first).to_be_attached()
    check_a11y(phone)
    phone.goto(f"{base}/besluta/yrke/8331/jamfor")
    check_a11y(phone)
    card = phone.locator(".compare-card", has_text="Jobbspår buss Västerås")
    card.get_by_role("button", name=re.compile("Välj väg")).click()
    phone.wait_for_url(re.compile(r"/besluta/plan$"))
    expect(phone.get_by_text("Yrkessvenska för förare").first).to_be_visible()
    expect(phone.get_by_text("Praktik hos bussbolaget").first).to_be_visible()
    expect(phone.get_by_text("Ansök till jobbspåret: Jobbspår buss Västerås").first).to_be_visible()
    check_a11y(phone)
