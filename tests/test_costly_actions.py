"""Issue 13, item 6: costly actions have limits. Shares per plan are capped (and made at a bounded
pace); the PDF is made at most so often per plan and in all, and an unchanged plan's PDF comes
from the cache without counting."""
from __future__ import annotations

import pytest

from app import exports, pdfs
from tests.pages import soup
from tests.test_sharing import give_plan, post, share, share_links


@pytest.fixture
def renders(monkeypatch):
    """Count PDF renders (a fake renderer: these tests are about when, not what)."""
    made = []
    monkeypatch.setattr(exports, "html_to_pdf", lambda html, base_url=None: made.append(html) or b"%PDF-1.7 x")
    pdfs.CACHE.clear()
    yield made
    pdfs.CACHE.clear()


def set_note(client, text: str) -> None:
    """Change the plan the way a person does: a note through the plan page's form."""
    action = "/besluta/plan/steg/1-language-sfi_d/note"
    name = soup(client.get("/besluta/plan").get_data(as_text=True)).select_one(
        f"form[action='{action}'] textarea")["name"]
    assert post(client, action, {name: text}, page="/besluta/plan").status_code == 303


def test_shares_per_plan_are_capped_with_a_message(create_app_for):
    client = create_app_for(MAX_SHARES_PER_PLAN=3).test_client()
    give_plan(client)
    assert [share(client).status_code for _ in range(3)] == [303, 303, 303]
    response = share(client)
    assert response.status_code == 422
    assert "3" in soup(response.get_data(as_text=True)).find(id="error-summary").get_text()
    assert len(share_links(client)) == 3
    html = client.get("/agera/dela").get_data(as_text=True)
    first = soup(html).select_one("form[action$='/stoppa']")["action"]
    assert post(client, first, page="/agera/dela").status_code == 303
    assert share(client).status_code == 303          # room again after stopping one


def test_shares_are_made_at_a_bounded_pace(create_app_for):
    client = create_app_for(RATELIMIT_SHARE_CREATE="2 per minute").test_client()
    give_plan(client)
    assert [share(client).status_code for _ in range(3)] == [303, 303, 422]
    assert len(share_links(client)) == 2


def test_an_unchanged_plan_gets_its_pdf_from_the_cache(create_app_for, renders):
    client = create_app_for(RATELIMIT_PDF="2 per minute").test_client()
    give_plan(client)
    for _ in range(5):
        response = client.get("/agera/plan.pdf")
        assert response.status_code == 200 and response.data.startswith(b"%PDF")
    assert len(renders) == 1


def test_a_changed_plan_gets_a_new_pdf_and_making_them_is_limited_per_plan(create_app_for, renders):
    client = create_app_for(RATELIMIT_PDF="2 per minute").test_client()
    give_plan(client, notes={"1-language-sfi_d": "en"})
    assert client.get("/agera/plan.pdf").status_code == 200
    set_note(client, "två")
    assert client.get("/agera/plan.pdf").status_code == 200
    assert len(renders) == 2 and "två" in renders[1]
    set_note(client, "tre")
    refused = client.get("/agera/plan.pdf")
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "60"
    assert len(renders) == 2
    other = create_app_for(RATELIMIT_PDF="2 per minute").test_client()      # another plan: its own budget
    give_plan(other)
    assert other.get("/agera/plan.pdf").status_code == 200


def test_pdfs_are_limited_in_all(create_app_for, renders):
    app = create_app_for(RATELIMIT_PDF_ALL="2 per minute")
    statuses = []
    for i in range(3):
        client = app.test_client()
        give_plan(client, notes={"1-language-sfi_d": f"plan {i}"})
        statuses.append(client.get("/agera/plan.pdf").status_code)
    assert statuses == [200, 200, 429]


def test_one_pdf_at_a_time_across_workers(create_app_for, renders):
    """While another worker makes a PDF, a second request is told to try again in a few seconds
    (and counts against nothing); the lock is a file, so it holds across processes."""
    from app import limits

    app = create_app_for()
    client = app.test_client()
    give_plan(client)
    with app.app_context(), limits.exclusive("pdf") as mine:
        assert mine
        busy = client.get("/agera/plan.pdf")
        assert busy.status_code == 503 and busy.headers["Retry-After"] == "5"
        with limits.exclusive("pdf") as second:
            assert not second
    assert renders == []
    assert client.get("/agera/plan.pdf").status_code == 200 and len(renders) == 1


def test_the_decision_basis_pdf_is_limited_and_cached_too(create_app_for, renders, monkeypatch):
    from app.flows.besluta import routes as besluta

    app = create_app_for(RATELIMIT_PDF="1 per minute")
    client = app.test_client()
    give_plan(client)
    monkeypatch.setattr(besluta, "person_from", lambda answers: object())
    calls = []
    monkeypatch.setattr(besluta, "basis_context", lambda: calls.append(1) or {"targets": [], "chosen": None,
                                                                             "made": "i dag", "sources": []})
    monkeypatch.setattr(besluta, "render_template", lambda name, **ctx: f"<html>{name}</html>")
    assert [client.get("/besluta/underlag.pdf").status_code for _ in range(3)] == [200, 200, 200]
    assert len(renders) == 1                         # from the cache after the first
    from app import limits

    with app.app_context(), limits.exclusive("pdf"):
        pdfs.CACHE.clear()
        assert client.get("/besluta/underlag.pdf").status_code == 503
    assert client.get("/besluta/underlag.pdf").status_code == 429       # the plan's one a minute is used
