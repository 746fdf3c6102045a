"""Meeting fixtures: a person with a plan (a browser), a signed-in counsellor (another browser),
and helpers that walk the meeting: invite, enter the code, allow."""
from __future__ import annotations

import re

import pytest

from tests.conftest import csrf_token
from tests.counsellor_fixtures import sign_in

CODE_RE = re.compile(r'class="resume-code meeting-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})<')


def person_with_answers(client):
    """A browser whose plan has an answer (Inventera's education)."""
    token = csrf_token(client, "/inventera/fraga/education")
    response = client.post("/inventera/fraga/education", data={"csrf_token": token, "level": "upper_secondary",
                                                              "country": "sweden"})
    assert response.status_code == 303, response.status_code
    return client


def invite(person) -> str:
    response = person.post("/mote/", data={"csrf_token": csrf_token(person, "/mote/")})
    assert response.status_code == 303
    page = person.get("/mote/").get_data(as_text=True)
    return CODE_RE.search(page).group(1)


def join(counsellor_client, code: str):
    return counsellor_client.post("/radgivare/mote", data={"csrf_token": csrf_token(counsellor_client, "/radgivare/mote"),
                                                           "code": code})


def answer(person, value: str):
    return person.post("/mote/svar", data={"csrf_token": csrf_token(person, "/mote/"), "answer": value})


@pytest.fixture
def app(create_app_for, catalogue_url):
    """The plan's steps are named from the catalogue: the app on the loaded one."""
    return create_app_for(catalogue_url)


@pytest.fixture
def planned(app):
    """A person's browser with answers and a chosen plan (test_sharing's sample plan)."""
    from tests.test_sharing import give_plan

    client = app.test_client()
    give_plan(client)
    return person_with_answers(client)


@pytest.fixture
def signed_in(app, counsellor):
    client = app.test_client()
    sign_in(app, client, *counsellor)
    return client


@pytest.fixture
def person(app):
    return person_with_answers(app.test_client())


def start_meeting(person, counsellor_client):
    code = invite(person)
    response = join(counsellor_client, code)
    assert response.status_code == 303, response.get_data(as_text=True)
    url = response.headers["Location"]
    assert answer(person, "allow").status_code == 303
    return url


@pytest.fixture
def together(planned, signed_in):
    """An allowed meeting on a person with a plan: (person, counsellor, meeting page URL)."""
    return planned, signed_in, start_meeting(planned, signed_in)


@pytest.fixture
def meeting(app, person, signed_in):
    """An allowed meeting: (person client, counsellor client, meeting page URL)."""
    code = invite(person)
    response = join(signed_in, code)
    assert response.status_code == 303, response.get_data(as_text=True)
    url = response.headers["Location"]
    assert answer(person, "allow").status_code == 303
    return person, signed_in, url
