"""In the meeting: both see the same plan, either changes it and the other sees who did; comments,
a suggested step the person accepts, the big screen, the summary, hand-over, the audit log."""
from __future__ import annotations

import re

from sqlmodel import Session, select

from app.db import get_engine
from app.plans.models import AuditEntry
from tests.conftest import csrf_token
from tests.pages import assert_page_invariants


def poll(client, v=0, auto=1, etag=None):
    headers = {"HX-Request": "true"}
    if etag:
        headers["If-None-Match"] = etag
    return client.get(f"/mote/rad?v={v}&auto={auto}", headers=headers)


def version_of(client) -> int:
    html = client.get("/mote/").get_data(as_text=True) if "/radgivare" not in str(client) else ""
    return int(re.search(r"/mote/rad\?v=(\d+)", html).group(1))


def test_both_see_the_same_plan(together):
    person, counsellor, url = together
    mine = assert_page_invariants(person.get("/mote/"))
    theirs = assert_page_invariants(counsellor.get(url))
    for doc in (mine, theirs):
        steps = [li.find(class_="timeline__title").get_text(" ", strip=True)
                 for li in doc.select("li.timeline__step")]
        assert len(steps) == 4
    assert [t.get_text() for t in mine.select(".timeline__title")] == \
        [t.get_text() for t in theirs.select(".timeline__title")]


def test_a_change_by_the_counsellor_shows_on_the_persons_screen_with_who(together):
    person, counsellor, url = together
    first = poll(person, v=0)
    assert first.status_code == 200 and first.headers["ETag"]
    v = int(re.search(r"v=(\d+)", first.get_data(as_text=True)).group(1)) if "v=" in first.get_data(as_text=True) else 0
    again = poll(person, v=v, etag=first.headers["ETag"])
    assert again.status_code in (200, 304)
    # the counsellor answers a question of the person's plan through the ordinary page
    page = "/inventera/fraga/education"
    response = counsellor.post(page, data={"csrf_token": csrf_token(counsellor, page), "level": "post_secondary",
                                           "country": "abroad"})
    assert response.status_code == 303
    shown = person.get("/inventera/svar").get_data(as_text=True)
    assert "Eftergymnasial" in shown or "universitet" in shown
    bar = person.get("/mote/").get_data(as_text=True)
    assert "Senaste ändring: Anna Svensson, Komvux Västerås" in bar or "Last change" in bar


def test_the_version_endpoint_answers_304_while_nothing_changes(together):
    person, counsellor, url = together
    html = person.get("/").get_data(as_text=True)
    poll_url = re.search(r'hx-get="(/mote/rad\?[^"]+)"', html).group(1).replace("&amp;", "&")
    first = person.get(poll_url, headers={"HX-Request": "true"})
    assert first.status_code == 200 and "private" in first.headers["Cache-Control"]
    same = person.get(poll_url, headers={"HX-Request": "true", "If-None-Match": first.headers["ETag"]})
    assert same.status_code == 304 and same.get_data() == b""
    page = "/inventera/fraga/education"
    counsellor.post(page, data={"csrf_token": csrf_token(counsellor, page), "level": "compulsory",
                                "country": "sweden"})
    changed = person.get(poll_url, headers={"HX-Request": "true", "If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200 and changed.headers.get("HX-Refresh") == "true"
    # on a question page (auto=0) the bar says so but does not reload what the person is typing
    quiet = person.get(poll_url.replace("auto=1", "auto=0"), headers={"HX-Request": "true"})
    assert quiet.status_code == 200 and "HX-Refresh" not in quiet.headers


def test_the_counsellor_comments_and_suggests_and_the_person_accepts(app, together):
    person, counsellor, url = together
    doc = assert_page_invariants(counsellor.get(url))
    step = doc.find("input", attrs={"name": "step"})["value"]
    response = counsellor.post("/mote/kommentar", data={"csrf_token": csrf_token(counsellor, url), "step": step,
                                                       "text": "Ring komvux om studietakten"})
    assert response.status_code == 303
    assert "Ring komvux om studietakten" in person.get("/mote/").get_data(as_text=True)
    response = counsellor.post(url + "/forslag", data={"csrf_token": csrf_token(counsellor, url),
                                                      "title": "Besök jobbmässan", "start": "2027-03-01"})
    assert response.status_code == 303
    page = person.get("/mote/")
    doc = assert_page_invariants(page)
    form = next(f for f in doc.find_all("form") if "/mote/forslag/" in f["action"])
    response = person.post(form["action"], data={"csrf_token": csrf_token(person, "/mote/"), "answer": "accept"})
    assert response.status_code == 303
    assert "Besök jobbmässan" in person.get("/besluta/plan").get_data(as_text=True)
    # an empty suggestion: the message at the field, what was typed kept
    bad = counsellor.post(url + "/forslag", data={"csrf_token": csrf_token(counsellor, url), "title": "",
                                                 "start": "2027-13-45"})
    assert bad.status_code == 422
    doc = assert_page_invariants(bad)
    assert doc.find(id="title-error") and doc.find(id="start-error")
    assert 'value="2027-13-45"' in bad.get_data(as_text=True)


def test_the_big_screen_shows_only_what_the_person_chose_and_no_ids(app, together):
    person, counsellor, url = together
    page = person.get("/mote/skarm")
    doc = assert_page_invariants(page)
    text = doc.get_text(" ")
    assert "Gymnasieskola" not in text          # the profile is not shown unless the person chooses it
    assert doc.select(".big-screen__steps li")
    html = page.get_data(as_text=True)
    main = str(doc.find("main"))
    assert not re.search(r"\b(own|1-language|[A-Za-z0-9_-]{22})\b", main.replace("big-screen", ""))
    person.post("/mote/skarm", data={"csrf_token": csrf_token(person, "/mote/"), "parts": ["plan", "profile",
                                                                                          "swedish"]})
    english = person.get("/mote/skarm?lang=en")
    doc = assert_page_invariants(english, lang="en")
    assert len(doc.select(".big-screen__column")) == 1        # person_locale was sv when allowed
    assert html


def test_the_summary_is_saved_to_the_plan_in_both_languages(app, planned, signed_in):
    from tests.meetings.conftest import answer, invite, join

    person, counsellor = planned, signed_in
    code = invite(person)
    url = join(counsellor, code).headers["Location"]
    person.get("/mote/?lang=en")
    answer(person, "allow")
    counsellor.post("/mote/kommentar", data={"csrf_token": csrf_token(counsellor, url), "step": "",
                                             "text": "Bra plan"})
    response = counsellor.post(url + "/avsluta", data={"csrf_token": csrf_token(counsellor, url)})
    assert response.status_code == 303
    summary = person.get("/mote/sammanfattning")
    doc = assert_page_invariants(summary, lang="en")
    sections = doc.select(".meeting-summary section")
    assert [s["lang"] for s in sections] == ["en", "sv"]
    assert "Meeting with Anna Svensson" in sections[0].get_text() and "Möte med Anna Svensson" in sections[1].get_text()
    assert "Bra plan" in sections[0].get_text()


def test_handover_qr_opens_the_plan_on_another_phone(app, together):
    person, counsellor, url = together
    response = person.post("/mote/overlamna", data={"csrf_token": csrf_token(person, "/mote/")})
    assert response.status_code == 303
    doc = assert_page_invariants(person.get("/mote/"))
    code = doc.select_one("#handover .resume-code").get_text(strip=True)
    phone = app.test_client()
    response = phone.post("/fortsatt", data={"csrf_token": csrf_token(phone, "/fortsatt"), "code": code})
    assert response.status_code == 303
    assert "Besök" not in phone.get("/besluta/plan").get_data(as_text=True)
    assert phone.get("/besluta/plan").status_code == 200


def test_every_counsellor_request_is_audited_and_the_person_sees_it(app, together):
    person, counsellor, url = together
    counsellor.get("/inventera/svar")
    page = "/inventera/fraga/education"
    counsellor.post(page, data={"csrf_token": csrf_token(counsellor, page), "level": "compulsory",
                                "country": "sweden"})
    with Session(get_engine(app)) as db:
        entries = db.exec(select(AuditEntry).where(AuditEntry.via == "meeting")).all()
    actions = {(e.action, e.area) for e in entries}
    assert ("viewed", "inventera") in actions and ("changed", "inventera") in actions
    assert all(e.who == "Anna Svensson, Komvux Västerås" for e in entries)
    log = assert_page_invariants(person.get("/mote/logg"))
    assert "Anna Svensson, Komvux Västerås" in log.get_text()


def test_the_counsellor_cannot_take_the_plan_away(together):
    person, counsellor, url = together
    for path in ("/agera/plan.json", "/agera/radera", "/agera/dela", "/spara", "/glom", "/agera/ladda-upp"):
        assert counsellor.get(path).status_code == 403, path
    assert person.get("/agera/plan.json").status_code == 200


def test_the_big_screen_shows_the_persons_language_beside_swedish(app, planned, signed_in):
    from tests.meetings.conftest import answer, invite, join

    person, counsellor = planned, signed_in
    url = join(counsellor, invite(person)).headers["Location"]
    person.get("/mote/?lang=ar")
    answer(person, "allow")
    person.post("/mote/skarm", data={"csrf_token": csrf_token(person, "/mote/"), "parts": ["plan", "swedish"]})
    doc = assert_page_invariants(counsellor.get("/mote/skarm"))      # the counsellor's screen, in Swedish
    columns = doc.select(".big-screen__column")
    assert [(c["lang"], c["dir"]) for c in columns] == [("ar", "rtl"), ("sv", "ltr")]
    assert "الخطة" in columns[0].get_text() and "Planen" in columns[1].get_text()
    assert url


def test_the_person_can_end_the_meeting_from_any_page(together):
    person, counsellor, url = together
    doc = assert_page_invariants(person.get("/besluta/plan"))
    form = doc.select_one("#meeting-bar form[action='/mote/avsluta']")
    assert form is not None
    person.post("/mote/avsluta", data={"csrf_token": csrf_token(person, "/besluta/plan")})
    assert counsellor.get(url).status_code == 410
