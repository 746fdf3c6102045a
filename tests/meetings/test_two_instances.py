"""Two app instances (two create_app on one PostgreSQL database, as behind a load balancer) serve
one meeting: nothing a meeting needs is in a process's memory."""
from __future__ import annotations

import re

import pytest

from tests.conftest import csrf_token
from tests.counsellor_fixtures import sign_in
from tests.meetings.conftest import answer, invite, join, person_with_answers

pytestmark = pytest.mark.postgres


def test_a_change_through_one_instance_is_seen_through_the_other(create_app_for, postgresql_database_url):
    one = create_app_for(postgresql_database_url)
    two = create_app_for(postgresql_database_url)
    result = one.test_cli_runner().invoke(args=["counsellors", "add", "pg@example.se", "--name", "Anna Svensson",
                                                "--organisation", "Komvux Västerås"])
    password = re.search(r"\(shown once\): (\S+)", result.output).group(1)
    person = person_with_answers(one.test_client())          # the person's requests reach instance one
    counsellor = two.test_client()                           # the counsellor's reach instance two
    sign_in(two, counsellor, "pg@example.se", password)
    url = join(counsellor, invite(person)).headers["Location"]
    assert "Anna Svensson" in person.get("/mote/").get_data(as_text=True)
    answer(person, "allow")
    assert counsellor.get(url).status_code == 200

    html = person.get("/").get_data(as_text=True)
    poll_url = re.search(r'hx-get="(/mote/rad\?[^"]+)"', html).group(1).replace("&amp;", "&")
    before = person.get(poll_url, headers={"HX-Request": "true"})
    assert before.status_code == 200
    page = "/inventera/fraga/education"
    response = counsellor.post(page, data={"csrf_token": csrf_token(counsellor, page), "level": "post_secondary",
                                           "country": "abroad"})
    assert response.status_code == 303
    after = person.get(poll_url, headers={"HX-Request": "true", "If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and after.headers.get("HX-Refresh") == "true"
    assert "post_secondary" not in person.get("/inventera/svar").get_data(as_text=True)   # shown in words
    with one.test_request_context():
        pass

    # the person's browser, its cookie now sent to instance two, ends the meeting there ...
    moved = two.test_client()
    for cookie in person._cookies.values():
        moved.set_cookie(cookie.key, cookie.value)
    assert moved.post("/mote/avsluta", data={"csrf_token": csrf_token(moved, "/mote/")}).status_code == 303
    # ... and the counsellor, on instance one now, is refused at once
    elsewhere = one.test_client()
    for cookie in counsellor._cookies.values():
        elsewhere.set_cookie(cookie.key, cookie.value)
    assert elsewhere.get(url).status_code == 410
    assert elsewhere.get("/inventera/svar").status_code == 410
