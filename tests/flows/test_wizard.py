"""The four areas: every question page, saving at once, moving on, validation, statuses."""
from __future__ import annotations

import pytest

from app.flows import FLOWS
from tests.conftest import csrf_token
from tests.pages import assert_page_invariants, soup, text_of

STEP_URLS = [(f.name, s.key, f"/{f.name}/fraga/{s.key}") for f in FLOWS for s in f.steps]

VALID = {
    "upptacka.goal": {"goal": "study"},
    "upptacka.worries": {"worries": ["money", "swedish"]},
    "inventera.education": {"level": "compulsory", "country": "abroad"},
    "inventera.swedish": {"level": "unknown"},
    "inventera.swedish_can_do": {"level": "sfi_c"},
    "inventera.home": {"municipality": "Malmö", "max_commute": "45"},
    "inventera.occupations": {"never_worked": ["yes"]},
    "inventera.competences": {"none_fit": ["yes"]},
    "inventera.interests": {"likes": ["s_care", "r_build"]},
    "inventera.drivers": {"work_with": ["people"], "physical": "some", "place": "indoor", "hours": "evenings",
                          "pay": "some", "education_weeks": "40"},
    "besluta.situation": {"birth_year": "1988", "situation": "employed", "children": "2", "upper_secondary": "yes"},
    "besluta.money": {"programme_month": "3", "programme_year": "2026", "children_born": "2015, 2019",
                      "permit": "refugee", "work_years": "0", "work_months_recent": "0", "income_before": "18000",
                      "akassa": "no"},
    "besluta.priorities": {"priorities": ["pay", "near_home"]},
    "agera.commitment": {"when": "på måndag efter frukost", "then": "ringer jag Komvux"},
}


def test_every_step_has_valid_test_data():
    assert set(VALID) == {f"{flow}.{key}" for flow, key, _ in STEP_URLS}


@pytest.mark.parametrize("flow,key,url", STEP_URLS)
def test_question_page_renders_with_invariants(client, flow, key, url):
    response = client.get(url)
    assert response.status_code == 200
    doc = assert_page_invariants(response)
    assert doc.find("a", class_="back-link")
    assert "Fråga" in text_of(doc.find(class_="caption"))


@pytest.mark.parametrize("flow,key,url", STEP_URLS)
def test_valid_answer_is_saved_and_moves_on(client, flow, key, url):
    data = dict(VALID[f"{flow}.{key}"], csrf_token=csrf_token(client, url))
    response = client.post(url, data=data)
    assert response.status_code == 303
    flow_obj = next(f for f in FLOWS if f.name == flow)
    i = flow_obj.index_of(key)
    last = {"agera": "/agera/nasta"}.get(flow, f"/{flow}/svar")     # where a flow goes after its last step
    expected = f"/{flow}/fraga/{flow_obj.steps[i + 1].key}" if i + 1 < len(flow_obj.steps) else last
    assert response.headers["Location"] == expected
    # Saved at once: the page shows it again after a "refresh".
    doc = soup(client.get(url).get_data(as_text=True))
    for name, value in VALID[f"{flow}.{key}"].items():
        values = value if isinstance(value, list) else [value]
        for v in values:
            el = doc.find("input", attrs={"name": name, "value": v})
            assert el is not None, (name, v)
            if el.get("type") in ("radio", "checkbox"):
                assert el.has_attr("checked")


# Steps where every question may be left empty ("I do not know" is a valid answer; the result says
# what it assumed). Their wrong answers get the message at the field: test_optional_step_...
OPTIONAL_STEPS = {"besluta.money"}


@pytest.mark.parametrize("flow,key,url", [u for u in STEP_URLS if f"{u[0]}.{u[1]}" not in OPTIONAL_STEPS])
def test_empty_answer_gets_message_at_the_field(client, flow, key, url):
    response = client.post(url, data={"csrf_token": csrf_token(client, url)})
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    summary = doc.find(id="error-summary")
    assert summary is not None
    messages = [text_of(m) for m in doc.find_all(class_="error-message")]
    assert messages, "no message at the field"
    for link in summary.find_all("a"):
        assert doc.find(id=link["href"][1:]) is not None, link["href"]


@pytest.mark.parametrize("lang,expected", [
    ("sv", "Skriv ett heltal"), ("ar", "أدخل عددًا صحيحًا"), ("en", "Enter a whole number")])
def test_wrong_type_is_translated_and_typed_value_kept(client, lang, expected):
    url = "/inventera/fraga/home"
    client.get(f"{url}?lang={lang}")
    response = client.post(url, data={"csrf_token": csrf_token(client, url), "municipality": "Lund",
                                      "max_commute": "fyrtio"})
    assert response.status_code == 422
    doc = soup(response.get_data(as_text=True))
    assert doc.find("input", attrs={"name": "max_commute"})["value"] == "fyrtio"
    assert doc.find("input", attrs={"name": "municipality"})["value"] == "Lund"
    message = text_of(doc.find(id="max_commute-error"))
    assert expected in message, message


def test_absurd_length_is_refused_politely(client):
    url = "/agera/fraga/commitment"
    long_text = "x" * 5000
    response = client.post(url, data={"csrf_token": csrf_token(client, url), "when": long_text,
                                      "then": "ringa"})
    assert response.status_code == 422
    assert "200" in text_of(soup(response.get_data(as_text=True)).find(id="when-error"))


def test_huge_body_gets_a_translated_page_not_a_500(client):
    response = client.post("/agera/fraga/commitment", data={"when": "x" * 200_000})
    assert response.status_code == 413
    assert_page_invariants(response)


def test_choice_outside_the_options_is_refused(client):
    url = "/inventera/fraga/swedish"
    response = client.post(url, data={"csrf_token": csrf_token(client, url), "level": "sfi_z"})
    assert response.status_code == 422
    assert text_of(soup(response.get_data(as_text=True)).find(id="level-error"))


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_missing_or_forged_csrf_keeps_input_and_explains(client, token):
    url = "/inventera/fraga/home"
    client.get(url)
    data = {"municipality": "Kiruna", "max_commute": "30"}
    if token:
        data["csrf_token"] = token
    response = client.post(url, data=data)
    assert response.status_code == 400
    doc = assert_page_invariants(response)
    assert doc.find("input", attrs={"name": "municipality"})["value"] == "Kiruna"
    assert "säkerhet" in text_of(doc.find(id="error-summary"))
    # Nothing was saved.
    assert soup(client.get(url).get_data(as_text=True)).find("input", attrs={"name": "municipality"})["value"] == ""


def test_language_switch_from_a_question_keeps_even_unfinished_input(client):
    url = "/inventera/fraga/home"
    response = client.post(url, data={"csrf_token": csrf_token(client, url), "municipality": "Umeå",
                                      "max_commute": "en timme", "_lang": "ar"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"{url}?lang=ar"
    page = client.get(response.headers["Location"])
    doc = assert_page_invariants(page, lang="ar", dir="rtl")
    assert doc.find("input", attrs={"name": "municipality"})["value"] == "Umeå"
    assert doc.find("input", attrs={"name": "max_commute"})["value"] == "en timme"


def test_autosave_saves_without_navigating(client):
    url = "/upptacka/fraga/goal"
    response = client.post(url, data={"csrf_token": csrf_token(client, url), "goal": "change",
                                      "_autosave": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert soup(client.get(url).get_data(as_text=True)).find("input", attrs={"value": "change"}).has_attr("checked")


def test_start_page_shows_every_area_with_its_status(client):
    doc = assert_page_invariants(client.get("/"))
    tags = {t["id"]: text_of(t) for t in doc.select(".task-list .tag")}
    assert tags == {f"status-{f.name}": "Inte påbörjat" for f in FLOWS}
    url = "/inventera/fraga/swedish"
    client.post(url, data={"csrf_token": csrf_token(client, url), "level": "sfi_d"})
    tags = {t["id"]: text_of(t) for t in soup(client.get("/").get_data(as_text=True)).select(".task-list .tag")}
    assert tags["status-inventera"] == "Pågår"
    for key in ("situation", "money", "priorities"):       # every Besluta question that applies answered...
        url = f"/besluta/fraga/{key}"
        client.post(url, data=dict(VALID[f"besluta.{key}"], csrf_token=csrf_token(client, url)))
    tags = {t["id"]: text_of(t) for t in soup(client.get("/").get_data(as_text=True)).select(".task-list .tag")}
    assert tags["status-besluta"] == "Pågår"               # ...is not a decision: no route chosen yet


def test_progress_is_what_the_person_has_really_done(client):
    """Besluta is done when a route is chosen; Agera when the person has decided, answered the
    commitment and still has a dated step ahead."""
    from datetime import date, timedelta

    from tests.flows.test_besluta import save
    from tests.test_sharing import give_plan, post, sample_plan

    def tags():
        return {t["id"]: text_of(t) for t in soup(client.get("/").get_data(as_text=True)).select(".task-list .tag")}

    give_plan(client)                                        # a route chosen: the plan is saved
    assert tags()["status-besluta"] == "Pågår"               # ... but the questions are not answered yet
    for key in ("situation", "money", "priorities"):
        url = f"/besluta/fraga/{key}"
        client.post(url, data=dict(VALID[f"besluta.{key}"], csrf_token=csrf_token(client, url)))
    assert tags()["status-besluta"] == "Klart"
    assert tags()["status-agera"] == "Inte påbörjat"
    url = "/agera/fraga/commitment"
    client.post(url, data=dict(VALID["agera.commitment"], csrf_token=csrf_token(client, url)))
    assert tags()["status-agera"] == "Pågår"                 # the commitment alone is not the decision
    assert post(client, "/agera/valj", page="/agera/nasta").status_code == 303   # "I choose this route"
    assert tags()["status-agera"] == "Klart"
    # a plan whose every dated step lies in the past is not "done": nothing is ahead
    save(client, "besluta.plan", dict(sample_plan(date.today() - timedelta(weeks=200)).to_dict(), user_notes={}))
    assert tags()["status-agera"] == "Pågår"


def test_question_count_leaves_out_questions_that_do_not_apply(client):
    """Inventera asks "which sentence fits your Swedish" only after "I don't know": otherwise the
    count goes 1, 2, 3 ... without a gap."""
    url = "/inventera/fraga/swedish"
    client.post(url, data={"csrf_token": csrf_token(client, url), "level": "sfi_d"})
    captions = [text_of(soup(client.get(f"/inventera/fraga/{k}").get_data(as_text=True)).find(class_="caption"))
                for k in ("education", "swedish", "home")]
    total = len([s for s in next(f for f in FLOWS if f.name == "inventera").steps]) - 1
    assert captions == [f"Inventera · Fråga {n} av {total}" for n in (1, 2, 3)], captions
    client.post(url, data={"csrf_token": csrf_token(client, url), "level": "unknown"})
    caption = text_of(soup(client.get("/inventera/fraga/home").get_data(as_text=True)).find(class_="caption"))
    assert caption == f"Inventera · Fråga 4 av {total + 1}"


def test_too_many_priorities_are_refused(client):
    url = "/besluta/fraga/priorities"
    response = client.post(url, data={"csrf_token": csrf_token(client, url),
                                      "priorities": ["pay", "near_home", "outlook", "interest"]})
    assert response.status_code == 422
    assert "3" in text_of(soup(response.get_data(as_text=True)).find(id="priorities-error"))


def test_check_answers_lists_answers_with_change_links(client):
    url = "/inventera/fraga/swedish"
    client.post(url, data={"csrf_token": csrf_token(client, url), "level": "sfi_d"})
    doc = assert_page_invariants(client.get("/inventera/svar"))
    assert "SFI kurs D" in text_of(doc.find(class_="summary-list"))
    change = doc.find("a", href="/inventera/fraga/swedish?next=check")
    assert change is not None
    response = client.post("/inventera/fraga/swedish?next=check",
                           data={"csrf_token": csrf_token(client, url), "level": "sas_1"})
    assert response.headers["Location"] == "/inventera/svar"


@pytest.mark.parametrize("flow", [f.name for f in FLOWS])
def test_flow_start_page(client, flow):
    assert_page_invariants(client.get(f"/{flow}/"))


def test_unknown_step_and_page_are_translated_404s(client):
    for url in ("/inventera/fraga/nope", "/finns-inte"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Sidan hittades inte" in text_of(assert_page_invariants(response).find("h1"))


def test_server_error_page_is_translated_and_not_a_traceback(create_app_for):
    app = create_app_for(TESTING=False)

    @app.route("/boom")
    def boom():
        raise RuntimeError("boom")

    client = app.test_client()
    response = client.get("/boom?lang=ar")
    assert response.status_code == 500
    doc = assert_page_invariants(response, lang="ar", dir="rtl")
    assert "Traceback" not in response.get_data(as_text=True)
    assert text_of(doc.find("h1"))


def test_csrf_failure_on_a_step_with_its_own_view_is_not_a_500(client):
    client.get("/inventera/fraga/occupations")
    response = client.post("/inventera/fraga/occupations", data={"q": "kock"})
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/inventera/fraga/occupations")
    doc = assert_page_invariants(client.get(response.headers["Location"]))
    assert doc.find(class_="panel--error")


def test_csrf_failure_on_an_unknown_step_is_a_plain_400(client):
    response = client.post("/inventera/fraga/nope", data={"x": "y"})
    assert response.status_code == 400
    assert_page_invariants(response)


def test_language_switch_from_a_change_link_keeps_the_way_back(client):
    url = "/upptacka/fraga/goal?next=check"
    response = client.post(url, data={"csrf_token": csrf_token(client, url), "goal": "study", "_lang": "en"})
    assert response.status_code == 303
    assert "next=check" in response.headers["Location"] and "lang=en" in response.headers["Location"]


@pytest.mark.parametrize("data, field", [
    ({"programme_month": "13", "programme_year": "2026"}, "programme_month"),
    ({"programme_month": "3"}, "programme_year"),                      # a month without its year
    ({"programme_month": "3", "programme_year": "2099"}, "programme_year"),   # in the future
    ({"children_born": "2015, nineteen"}, "children_born"),
    ({"permit": "tourist"}, "permit"),
    ({"work_years": "15"}, "work_years"),
    ({"work_months_recent": "many"}, "work_months_recent"),
    ({"income_before": "-1"}, "income_before"),
])
def test_optional_step_refuses_wrong_answers_at_the_field_and_keeps_them(client, data, field):
    url = "/besluta/fraga/money"
    response = client.post(url, data=dict(data, csrf_token=csrf_token(client, url)))
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert text_of(doc.find(id=f"{field}-error"))
    assert doc.find(id="error-summary").find("a", href=f"#{field}")
    for name, value in data.items():
        el = doc.find("input", attrs={"name": name, "value": value}) if name == "permit" else doc.find(id=name)
        if name != "permit":
            assert el["value"] == value, name                       # what was typed is kept


def test_optional_step_may_be_left_empty(client):
    url = "/besluta/fraga/money"
    response = client.post(url, data={"csrf_token": csrf_token(client, url)})
    assert response.status_code == 303


def test_flow_test_clients_check_every_page(client, cclient):
    """Page invariants are not opt-in here: both clients check each GET (tests/flows/conftest.py)."""
    assert type(client).__name__ == type(cclient).__name__ == "PageCheckingClient"


def test_done_pages_point_to_the_natural_next_step(client):
    """Besluta's check-answers page and the plan lead on, never only "back to all areas"."""
    from tests.test_sharing import give_plan

    doc = assert_page_invariants(client.get("/besluta/svar"))
    assert doc.select_one("main a.button")["href"] == "/inventera/resultat"     # no targets yet: choose them
    give_plan(client)
    doc = assert_page_invariants(client.get("/besluta/svar"))
    assert doc.select_one("main a.button")["href"] == "/besluta/plan"
    plan = assert_page_invariants(client.get("/besluta/plan"))
    assert plan.select("main a.button[href='/agera/nasta']")
    assert assert_page_invariants(client.get("/agera/svar")).select_one("main a.button")["href"] == "/agera/nasta"
