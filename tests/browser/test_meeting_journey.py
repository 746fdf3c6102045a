"""A whole joint meeting in two browsers: the person on a 390 px phone, the counsellor at desktop
size. Invite, sign in with the second factor, enter the code, allow, both edit (comments), a
suggested step accepted, hand-over by the QR's link to a third phone, the big screen, end; the
counsellor's next request says the meeting has ended. axe (WCAG 2.2 AA) on every page of both."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, select

from tests.browser.conftest import PageWatcher
from tests.browser.test_agera_journey import save_plan

pytestmark = pytest.mark.browser
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def totp_code(app, email, enrolling):
    from app import sessions
    from app.counsellors import totp
    from app.counsellors.models import Counsellor, CounsellorSession
    from app.db import get_engine

    with Session(get_engine(app)) as db, app.test_request_context():
        if enrolling:
            row = db.exec(select(CounsellorSession).where(CounsellorSession.stage == "enrol")
                          .order_by(CounsellorSession.created_at.desc())).first()
            secret = sessions.unseal("totp", row.pending_secret)
        else:
            secret = sessions.unseal("totp", db.exec(select(Counsellor).where(Counsellor.email == email)).one().totp_secret)
        return totp.code_at(secret, totp.current_step())


def test_a_whole_meeting_on_two_devices(browser, new_page, catalogue_server, check_a11y):
    base, app = catalogue_server
    email = "browser-meeting@example.se"
    out = app.test_cli_runner().invoke(args=["counsellors", "add", email, "--name", "Anna Svensson",
                                             "--organisation", "Komvux Västerås"]).output
    password = re.search(r"\(shown once\): (\S+)", out).group(1)

    # The person, on a phone: an answer and a plan, then "Meet with a counsellor".
    person = new_page()
    person.goto(f"{base}/inventera/fraga/education?lang=sv")
    person.locator("#level-2").check()
    person.locator("#country-0").check()
    person.locator("#step-form button.button[type=submit]").click()
    person.wait_for_url(re.compile(r"/inventera/fraga/"))
    save_plan(app, person)
    person.goto(f"{base}/")
    person.get_by_role("link", name="Träffa en vägledare").click()
    person.wait_for_url(re.compile(r"/mote/$"))
    check_a11y(person)
    person.get_by_role("button", name="Få en möteskod").click()
    code = person.locator(".meeting-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    assert person.locator("img.qr").get_attribute("src").startswith("data:image/svg+xml")
    check_a11y(person)

    # The counsellor, at a desk: sign in (password, then the code from the enrolled app).
    context = browser.new_context(**DESKTOP)
    context.set_default_timeout(8000)
    counsellor = context.new_page()
    counsellor.watcher = PageWatcher(counsellor)
    counsellor.javascript = True
    counsellor.goto(f"{base}/radgivare/logga-in?lang=sv")
    check_a11y(counsellor)
    counsellor.locator("#email").fill(email)
    counsellor.locator("#password").fill(password)
    counsellor.get_by_role("button", name="Fortsätt").click()
    counsellor.wait_for_url(re.compile(r"/radgivare/kod"))
    check_a11y(counsellor)
    counsellor.locator("#code").fill(totp_code(app, email, enrolling=True))
    counsellor.get_by_role("button", name="Logga in").click()
    counsellor.wait_for_url(re.compile(r"/radgivare/$"))
    check_a11y(counsellor)
    counsellor.get_by_role("link", name="Starta ett möte").click()
    counsellor.wait_for_url(re.compile(r"/radgivare/mote$"))
    check_a11y(counsellor)
    counsellor.locator("#code").fill(code)
    counsellor.get_by_role("button", name="Fortsätt").click()
    counsellor.wait_for_url(re.compile(r"/radgivare/mote/[A-Za-z0-9_-]+$"))
    expect(counsellor.locator("h1")).to_have_text("Väntar på att personen ska tillåta")
    assert counsellor.locator(".timeline__step").count() == 0            # nothing before the person allows
    check_a11y(counsellor)

    # The person's screen asks, within a few seconds (polling), and the person allows.
    expect(person.get_by_text("Anna Svensson, Komvux Västerås vill se och arbeta med din plan")).to_be_visible(
        timeout=8000)
    check_a11y(person)
    person.get_by_role("button", name="Ja, tillåt").first.click()
    person.wait_for_selector(".timeline__step")
    check_a11y(person)

    # The counsellor's waiting page turns into the plan by itself.
    counsellor.wait_for_selector(".timeline__step", timeout=8000)
    check_a11y(counsellor)

    # Both edit: a comment from the counsellor shows on the phone, and one from the person on the desk.
    counsellor.locator("#comment-0").fill("Ring komvux om studietakten")
    counsellor.locator("#comment-0 ~ button").click()
    expect(person.get_by_text("Ring komvux om studietakten")).to_be_visible(timeout=8000)
    person.locator("#comment-1").fill("Jag frågar CSN i veckan")
    person.locator("#comment-1 ~ button").click()
    expect(counsellor.get_by_text("Jag frågar CSN i veckan")).to_be_visible(timeout=8000)
    check_a11y(person)
    check_a11y(counsellor)

    # A suggested step, accepted on the phone, is in the plan on both screens.
    counsellor.locator("#title").fill("Besök jobbmässan")
    counsellor.locator("#start").fill("2027-03-01")
    counsellor.get_by_role("button", name="Föreslå steget").click()
    accept = person.get_by_role("button", name=re.compile("Lägg till i min plan"))
    expect(accept).to_be_visible(timeout=8000)
    accept.click()
    expect(person.get_by_text("Tillagt i din plan")).to_be_visible()
    expect(counsellor.get_by_text("tillagt i planen")).to_be_visible(timeout=8000)
    check_a11y(counsellor)

    # The counsellor changes the person's plan through the ordinary plan page; the phone sees it.
    counsellor.goto(f"{base}/besluta/plan")
    check_a11y(counsellor)
    counsellor.goto(f"{base}/mote/skarm")
    expect(counsellor.locator(".big-screen__steps li").first).to_be_visible()
    check_a11y(counsellor)

    # Hand-over: the QR code's link opens the plan on the person's own (other) phone.
    person.get_by_role("button", name="Visa en QR-kod för min telefon").click()
    handover = person.locator("#handover .resume-code").inner_text()
    check_a11y(person)
    own_phone = new_page()
    own_phone.goto(f"{base}/fortsatt?kod={handover}&lang=sv")
    own_phone.get_by_role("button", name="Fortsätt").click()
    own_phone.wait_for_url(f"{base}/")
    own_phone.goto(f"{base}/besluta/plan")
    expect(own_phone.get_by_role("heading", name=re.compile("Besök jobbmässan"))).to_be_visible()
    check_a11y(own_phone)

    # The person ends the meeting: the summary is saved, the counsellor's access ends at once.
    counsellor.goto(f"{base}/radgivare/mote")
    person.get_by_role("button", name="Avsluta mötet").click()
    person.wait_for_url(re.compile(r"/mote/sammanfattning$"))
    expect(person.locator(".meeting-summary")).to_contain_text("Ring komvux om studietakten")
    check_a11y(person)
    person.goto(f"{base}/mote/logg")
    expect(person.locator("table")).to_contain_text("Anna Svensson, Komvux Västerås")
    check_a11y(person)
    response = counsellor.goto(f"{base}/besluta/plan")
    assert response.status == 410
    expect(counsellor.locator("h1")).to_have_text("Mötet har avslutats")
    check_a11y(counsellor)
    context.close()
