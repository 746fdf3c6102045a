"""The meeting's life: invite, the code, allow, decline, end by either side, timeouts."""
from __future__ import annotations

from datetime import timedelta

from app.meetings import store as meetings
from app.plans.models import utcnow
from tests.meetings.conftest import answer, invite, join
from tests.pages import assert_page_invariants


def test_invite_shows_a_code_and_its_qr(app, person):
    code = invite(person)
    assert len(code) == 9 and code[4] == "-"
    doc = assert_page_invariants(person.get("/mote/"))
    assert doc.find("img", class_="qr")["src"].startswith("data:image/svg+xml")


def test_nothing_is_visible_before_the_person_allows(app, person, signed_in):
    code = invite(person)
    response = join(signed_in, code)
    assert response.status_code == 303
    url = response.headers["Location"]
    waiting = signed_in.get(url)
    assert waiting.status_code == 200
    assert_page_invariants(waiting)
    assert "Gymnasieskola" not in waiting.get_data(as_text=True)
    # the flow pages show the counsellor nothing of the person's plan either
    assert signed_in.get("/inventera/svar").status_code == 403
    asked = person.get("/mote/").get_data(as_text=True)
    assert "Anna Svensson, Komvux Västerås" in asked
    assert answer(person, "allow").status_code == 303
    page = signed_in.get(url)
    assert page.status_code == 200
    assert_page_invariants(page)


def test_the_person_can_decline(app, person, signed_in):
    url = join(signed_in, invite(person)).headers["Location"]
    answer(person, "decline")
    assert signed_in.get(url).status_code == 410
    assert signed_in.get("/inventera/svar").status_code in (200, 410)


def test_the_person_ends_the_meeting_and_the_counsellor_gets_410(meeting):
    person, counsellor, url = meeting
    assert counsellor.get("/inventera/svar").status_code == 200
    from tests.conftest import csrf_token

    assert person.post("/mote/avsluta", data={"csrf_token": csrf_token(person, "/mote/")}).status_code == 303
    assert counsellor.get(url).status_code == 410
    assert counsellor.get("/inventera/svar").status_code == 410


def test_the_counsellor_ends_the_meeting(meeting):
    person, counsellor, url = meeting
    from tests.conftest import csrf_token

    response = counsellor.post(url + "/avsluta", data={"csrf_token": csrf_token(counsellor, url)})
    assert response.status_code == 303
    assert counsellor.get(url).status_code == 410
    assert "Möte med Anna Svensson, Komvux Västerås" in person.get("/mote/sammanfattning").get_data(as_text=True)
    assert "Mötet har avslutats" in person.get("/mote/").get_data(as_text=True) or \
        person.get("/mote/").status_code == 200


def test_a_code_expires_after_15_minutes(app, person, signed_in, monkeypatch):
    code = invite(person)
    later = utcnow() + timedelta(minutes=16)
    monkeypatch.setattr(meetings, "now", lambda: later)
    assert join(signed_in, code).status_code == 422


def test_a_meeting_ends_after_20_idle_minutes(meeting, monkeypatch):
    person, counsellor, url = meeting
    later = utcnow() + timedelta(minutes=21)
    monkeypatch.setattr(meetings, "now", lambda: later)
    assert counsellor.get(url).status_code == 410


def test_a_meeting_that_times_out_saves_its_summary_too(meeting, monkeypatch):
    person, counsellor, url = meeting
    later = utcnow() + timedelta(minutes=21)
    monkeypatch.setattr(meetings, "now", lambda: later)
    assert counsellor.get(url).status_code == 410
    page = person.get("/mote/sammanfattning").get_data(as_text=True)
    assert "Möte med Anna Svensson, Komvux Västerås" in page


def test_a_meeting_ends_after_two_hours_even_when_busy(meeting, monkeypatch):
    person, counsellor, url = meeting
    start = utcnow()
    for minutes in range(15, 121, 15):
        monkeypatch.setattr(meetings, "now", lambda m=minutes: start + timedelta(minutes=m))
        status = counsellor.get("/inventera/svar").status_code
    assert status == 410
