"""Sharing by consent: a read-only link that shows only what was consented to, expires, can be
revoked at once, is rate limited, and dies with the plan (nothing left in any table)."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from app.engine import Goal, Plan
from app.engine.plan import Money, PlanStep
from tests.conftest import csrf_token
from tests.pages import assert_page_invariants

NOTE = "Ring Lena på komvux om studietakten"


@pytest.fixture
def app(create_app_for, catalogue_url):
    """Agera names the plan's steps from the catalogue: the app on the loaded one (as after set-up)."""
    return create_app_for(catalogue_url)


def sample_plan(today: date | None = None) -> Plan:
    """A small plan with dated steps this week, next week and later (no catalogue needed)."""
    t = today or date.today()
    return Plan(goal=Goal("5321", "Undersköterska"), route_id="5321:yrkesvux-underskoterska", start=t,
                ready_date=t + timedelta(weeks=60), steps=(
        PlanStep(id="1-language-sfi_d", kind="language", key="sfi_d", label="sfi_d",
                 with_whom="municipality_adult_education", apply_by=t, start=t + timedelta(days=1),
                 finish=t + timedelta(weeks=20), follow_up=(t + timedelta(weeks=4),), weeks=20),
        PlanStep(id="2-apply_financing-csn-studiemedel", kind="apply_financing", key="csn-studiemedel",
                 label="csn-studiemedel", with_whom="csn", apply_by=t + timedelta(days=8),
                 start=t + timedelta(days=8), finish=t + timedelta(days=8),
                 notes=("apply_before_the_studies_start",),
                 money=Money("csn-studiemedel", "csn", 9000, 10000, ("csn",))),
        PlanStep(id="3-education-yrkesvux-underskoterska", kind="education", key="yrkesvux-underskoterska",
                 label="yrkesvux-underskoterska", with_whom="municipality_adult_education",
                 education_id="yrkesvux-underskoterska", apply_by=t + timedelta(weeks=10),
                 start=t + timedelta(weeks=21), finish=t + timedelta(weeks=60), weeks=40),
        PlanStep(id="4-job_search-job_search", kind="job_search", key="job_search", label="job_search",
                 with_whom="arbetsformedlingen", start=t + timedelta(weeks=61), finish=t + timedelta(weeks=73),
                 weeks=12),
    ))


def plan_id(client):
    from app.plans import store

    with client.session_transaction() as sess:
        return sess.get(store.SESSION_KEY)


def give_plan(client, plan: Plan | None = None, notes: dict | None = None) -> str:
    """A browser with a saved plan (as Besluta saves it): returns the plan id."""

    from app.plans import store

    with client.application.test_request_context():
        row = store.get_or_create_plan()
        store.save_answers(row, "besluta.plan", dict((plan or sample_plan()).to_dict(),
                                                     user_notes=notes if notes is not None else {}))
        pid = row.id
    with client.session_transaction() as sess:
        sess[store.SESSION_KEY] = pid
    return pid


def post(client, url, data=None, page=None, **kw):
    return client.post(url, data=dict(data or {}, csrf_token=csrf_token(client, page or url)), **kw)


def share(client, days="30", notes="no", consent="y", profile="no"):
    data = {"days": days, "include_notes": notes, "include_profile": profile}
    if consent:
        data["consent"] = consent
    return post(client, "/agera/dela", data)


def share_links(client) -> list[str]:
    html = client.get("/agera/dela").get_data(as_text=True)
    return re.findall(r'value="(http://localhost/delad/[^"]+)"', html)


def token_of(link: str) -> str:
    return link.rsplit("/", 1)[1]


@pytest.fixture
def owner(client):
    give_plan(client, notes={"1-language-sfi_d": NOTE})
    return client


def test_share_page_explains_consent_and_needs_the_checkbox(owner):
    doc = assert_page_invariants(owner.get("/agera/dela"))
    assert doc.find(id="what-is-shared").find_next("ul").find_all("li")
    response = share(owner, consent=None)
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find(id="error-summary").find("a")["href"] == "#consent"
    assert doc.find(id="consent-error") and doc.find(id="consent")["aria-invalid"] == "true"
    assert share_links(owner) == []


@pytest.mark.parametrize("days", ["0", "91", "abc", ""])
def test_days_out_of_range_show_the_error_at_the_field(owner, days):
    response = share(owner, days=days)
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find(id="days-error") and doc.find(id="days")["value"] == days
    assert share_links(owner) == []


def test_shared_view_is_read_only_without_notes_unless_consented(owner, app):
    assert share(owner).status_code == 303
    [link] = share_links(owner)
    token = token_of(link)
    assert len(token) >= 22          # 16 random bytes, url-safe
    other = app.test_client()
    response = other.get(f"/delad/{token}")
    assert response.status_code == 200
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response.headers["X-Robots-Tag"]
    doc = assert_page_invariants(response)
    html = response.get_data(as_text=True)
    # Nothing to change (the read-aloud control only reads the page out).
    buttons = [b for b in doc.find_all("button") if not b.find_parent(class_="read-aloud")]
    assert not doc.find_all("form") and not doc.find_all("input") and not buttons
    assert plan_id(owner) not in html
    assert NOTE not in html
    assert len(doc.select("ol.timeline > li")) == 4
    assert share(owner, notes="yes").status_code == 303
    with_notes = [link for link in share_links(owner) if token_of(link) != token][0]
    assert NOTE in other.get(f"/delad/{token_of(with_notes)}").get_data(as_text=True)


def test_last_opened_is_recorded(owner, app):
    from app.db import get_engine

    share(owner)
    token = token_of(share_links(owner)[0])
    with get_engine(app).connect() as conn:
        assert conn.execute(sa.text("select last_opened_at from share where id=:t"), {"t": token}).scalar() is None
    app.test_client().get(f"/delad/{token}")
    with get_engine(app).connect() as conn:
        assert conn.execute(sa.text("select last_opened_at from share where id=:t"), {"t": token}).scalar()


def test_revoke_stops_the_link_at_once(owner, app):
    share(owner)
    link = share_links(owner)[0]
    token = token_of(link)
    other = app.test_client()
    assert other.get(f"/delad/{token}").status_code == 200
    doc = assert_page_invariants(owner.get("/agera/dela"))
    action = doc.find("form", action=re.compile(r"/stoppa$"))["action"]
    assert owner.post(action).status_code == 400                 # no CSRF: refused
    assert post(owner, action, page="/agera/dela").status_code == 303
    gone = other.get(f"/delad/{token}")
    assert gone.status_code == 410
    assert_page_invariants(gone)
    assert share_links(owner) == []


def test_someone_else_cannot_revoke_or_see_the_qr(owner, app):
    share(owner)
    token = token_of(share_links(owner)[0])
    stranger = app.test_client()
    give_plan(stranger)
    assert post(stranger, f"/agera/dela/{token}/stoppa", page="/agera/dela").status_code == 404
    assert stranger.get(f"/agera/dela/{token}/qr.svg").status_code == 404
    assert app.test_client().get(f"/delad/{token}").status_code == 200


def test_expired_link_says_so(owner, app):
    from app.db import get_engine

    share(owner, days="1")
    token = token_of(share_links(owner)[0])
    with get_engine(app).begin() as conn:
        conn.execute(sa.text("update share set expires_at=:d where id=:t"),
                     {"d": "2020-01-01 00:00:00.000000", "t": token})
    response = app.test_client().get(f"/delad/{token}")
    assert response.status_code == 410
    doc = assert_page_invariants(response)
    assert not doc.select("ol.timeline")
    assert share_links(owner) == []


def test_unknown_token_is_not_found(client):
    response = client.get("/delad/" + "A" * 22)
    assert response.status_code == 404
    assert_page_invariants(response)
    assert client.get("/delad/" + "A" * 300).status_code == 404


def test_shared_link_lookups_are_rate_limited(create_app_for):
    app = create_app_for(extra={"RATELIMIT_SHARE": "3 per minute"})
    client = app.test_client()
    codes = [client.get(f"/delad/guess{i}").status_code for i in range(5)]
    assert codes[:3] == [404, 404, 404] and codes[3:] == [429, 429]


def test_qr_code_is_an_svg_image_of_the_share_link(owner):
    doc = assert_page_invariants(owner.get("/agera/dela"))
    assert not doc.find_all("img")              # no share yet: no QR code
    share(owner)
    doc = assert_page_invariants(owner.get("/agera/dela"))
    img = doc.find("img")
    assert img["alt"] and img["src"].endswith("/qr.svg")
    response = owner.get(img["src"])
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.get_data(as_text=True).lstrip().startswith("<?xml") and "<svg" in response.get_data(as_text=True)


def test_delete_plan_asks_first_then_leaves_nothing(owner, app):
    from app.db import get_engine

    share(owner)
    token = token_of(share_links(owner)[0])
    pid = plan_id(owner)
    doc = assert_page_invariants(owner.get("/agera/radera"))
    assert doc.find("form", action="/agera/radera")
    assert owner.post("/agera/radera").status_code == 400   # no CSRF: nothing happens
    response = post(owner, "/agera/radera")
    assert response.status_code == 303 and response.headers["Location"] == "/"
    with get_engine(app).connect() as conn:
        for table in ("plan", "plan_answer", "share"):
            column = "id" if table == "plan" else "plan_id"
            assert conn.execute(sa.text(f"select count(*) from {table} where {column}=:p"), {"p": pid}).scalar() == 0
    assert app.test_client().get(f"/delad/{token}").status_code == 404
    assert plan_id(owner) is None


def test_share_rows_cascade_when_the_database_deletes_the_plan(owner, app):
    from app.db import get_engine

    share(owner)
    pid = plan_id(owner)
    with get_engine(app).begin() as conn:
        conn.execute(sa.text("delete from plan_answer where plan_id=:p"), {"p": pid})
        conn.execute(sa.text("delete from plan where id=:p"), {"p": pid})
    with get_engine(app).connect() as conn:
        assert conn.execute(sa.text("select count(*) from share where plan_id=:p"), {"p": pid}).scalar() == 0


def test_purge_removes_shares_too(owner, app, runner):
    from app.db import get_engine

    share(owner)
    pid = plan_id(owner)
    with get_engine(app).begin() as conn:
        conn.execute(sa.text("update plan set updated_at='2020-01-01 00:00:00.000000' where id=:p"), {"p": pid})
    assert "Deleted" in runner.invoke(args=["plans", "purge", "--days", "30"]).output
    with get_engine(app).connect() as conn:
        assert conn.execute(sa.text("select count(*) from share where plan_id=:p"), {"p": pid}).scalar() == 0


def test_sharing_without_a_plan(client):
    doc = assert_page_invariants(client.get("/agera/dela"))
    assert "/besluta" in str(doc.find("main"))


def test_share_migration_matches_the_model(sqlite_database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import app.models  # noqa: F401

    engine = sa.create_engine(sqlite_database_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    engine.dispose()
    assert [d for d in diff if "share" in repr(d)] == []


def test_share_lifecycle_on_both_databases(create_app_for, database_url):
    from datetime import datetime, timezone

    from app.db import get_engine

    app = create_app_for(database_url)
    owner, other = app.test_client(), app.test_client()
    pid = give_plan(owner, notes={"1-language-sfi_d": NOTE})
    assert share(owner, days="2", notes="yes").status_code == 303
    first = token_of(share_links(owner)[0])
    assert NOTE in other.get(f"/delad/{first}").get_data(as_text=True)
    assert post(owner, f"/agera/dela/{first}/stoppa", page="/agera/dela").status_code == 303
    assert other.get(f"/delad/{first}").status_code == 410
    share(owner)
    second = token_of(share_links(owner)[0])
    with get_engine(app).begin() as conn:
        conn.execute(sa.text("update share set expires_at=:d where id=:t"),
                     {"d": datetime(2020, 1, 1, tzinfo=timezone.utc), "t": second})
    assert other.get(f"/delad/{second}").status_code == 410
    assert post(owner, "/agera/radera").status_code == 303
    with get_engine(app).connect() as conn:
        assert conn.execute(sa.text("select count(*) from share where plan_id=:p"), {"p": pid}).scalar() == 0
        assert conn.execute(sa.text("select count(*) from plan_answer where plan_id=:p"), {"p": pid}).scalar() == 0


def test_a_share_link_shows_the_profile_only_with_its_own_consent(client, app):
    give_plan(client)
    post(client, "/inventera/fraga/education", {"level": "post_secondary", "country": "abroad"})
    share(client)
    share(client, profile="yes")
    links = re.findall(r'/delad/[A-Za-z0-9_-]{22}', client.get("/agera/dela").get_data(as_text=True))
    links = list(dict.fromkeys(links))
    assert len(links) == 2
    reader = app.test_client()
    pages = {link: reader.get(link).get_data(as_text=True) for link in links}
    with_profile = [link for link, html in pages.items() if "Eftergymnasial" in html or "universitet" in html]
    assert len(with_profile) == 1
    assert_page_invariants(reader.get(with_profile[0]))
    # and the person sees in their log that the links were opened
    log = client.get("/mote/logg").get_data(as_text=True)
    assert log.count("<tr>") >= 2
