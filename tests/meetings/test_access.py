"""Access checks: a counsellor without an allowed meeting sees nothing, also by guessing ids; another
counsellor sees nothing of someone else's meeting; ended meetings answer 410; no one but the two
sides reads the version endpoint; wrong meeting codes are limited."""
from __future__ import annotations

import secrets

from app.counsellors import totp  # noqa: F401
from tests.conftest import csrf_token
from tests.counsellor_fixtures import sign_in
from tests.meetings.conftest import invite, join


def test_not_signed_in_means_the_sign_in_page(client):
    assert client.get("/radgivare/mote").status_code == 303
    assert client.get(f"/radgivare/mote/{secrets.token_urlsafe(16)}").status_code == 303


def test_a_guessed_meeting_id_is_not_found(signed_in):
    for guess in (secrets.token_urlsafe(16), "1", "x" * 200):
        assert signed_in.get(f"/radgivare/mote/{guess}").status_code == 404


def test_another_counsellors_meeting_shows_nothing(app, together, create_counsellor):
    person, first, url = together
    other = app.test_client()
    sign_in(app, other, *create_counsellor(name="Bo Berg", organisation="AF Eskilstuna"))
    response = other.get(url)
    assert response.status_code == 404
    assert other.post(url + "/avsluta", data={"csrf_token": csrf_token(other, "/radgivare/")}).status_code == 404
    # the other counsellor's flow pages are their own (empty) browser, never the person's plan
    assert "Undersköterska" not in other.get("/besluta/plan").get_data(as_text=True)
    assert other.get("/mote/rad?v=0").status_code == 204


def test_a_stranger_cannot_poll_or_answer_a_meeting(app, person, signed_in):
    invite(person)
    stranger = app.test_client()
    assert stranger.get("/mote/rad?v=0").status_code == 204
    assert stranger.post("/mote/svar", data={"csrf_token": csrf_token(stranger, "/mote/"),
                                             "answer": "allow"}).status_code == 404
    assert stranger.post("/mote/avsluta", data={"csrf_token": csrf_token(stranger, "/mote/")}).status_code == 404


def test_a_used_code_does_not_work_twice(app, person, signed_in, create_counsellor):
    code = invite(person)
    assert join(signed_in, code).status_code == 303
    other = app.test_client()
    sign_in(app, other, *create_counsellor(name="Bo Berg", organisation="AF"))
    assert join(other, code).status_code == 422


def test_wrong_meeting_codes_are_limited(create_app_for, catalogue_url, counsellor):
    app = create_app_for(catalogue_url, RATELIMIT_MEETING_CODE="3 per hour")
    client = app.test_client()
    sign_in(app, client, *counsellor)
    for _ in range(3):
        assert join(client, "AAAA-AAAA").status_code == 422
    assert join(client, "AAAA-AAAA").status_code == 429


def test_forms_need_csrf(meeting):
    person, counsellor, url = meeting
    assert person.post("/mote/avsluta").status_code in (400, 303)
    assert counsellor.get(url).status_code == 200       # still going on: the POST without a token did nothing


def test_ended_meeting_answers_410_on_every_plan_page(meeting):
    person, counsellor, url = meeting
    person.post("/mote/avsluta", data={"csrf_token": csrf_token(person, "/mote/")})
    for path in (url, "/", "/inventera/svar", "/besluta/plan", "/agera/nasta"):
        response = counsellor.get(path)
        assert response.status_code == 410, path
    assert counsellor.post(url + "/forslag", data={"csrf_token": csrf_token(counsellor, "/radgivare/"),
                                                  "title": "x", "start": "2027-01-01"}).status_code == 410
    # back on the start page, the counsellor leaves the ended meeting behind
    assert counsellor.get("/radgivare/").status_code == 200
    assert counsellor.get("/inventera/svar").status_code == 200


def test_a_scanned_meeting_qr_survives_signing_in(app, counsellor):
    client = app.test_client()
    response = client.get("/radgivare/mote?kod=ABCD-EFGH")
    assert response.status_code == 303
    assert "next=/radgivare/mote?kod%3DABCD-EFGH" in response.headers["Location"] or \
        "kod%3DABCD-EFGH" in response.headers["Location"]


def test_meeting_ids_never_reach_a_log_line():
    from app.logs import redact

    assert "FnsDJrmPQ0c65BNj4G-57A" not in redact('"POST /radgivare/mote/FnsDJrmPQ0c65BNj4G-57A/avsluta HTTP/1.1" 303')
    assert "ABCD" not in redact('"GET /radgivare/mote?kod=ABCD-EFGH HTTP/1.1" 200')
