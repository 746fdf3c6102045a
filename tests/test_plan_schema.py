"""Issue 13, item 2: the plan import validates the whole file against a typed schema before
anything is stored, refuses at the field, and export and import limits agree (the largest plan
the app lets a person build exports to a file its own import takes back). A plan stored before
these checks never makes a page fail."""
from __future__ import annotations

import copy
import io
import json
from dataclasses import replace
from datetime import timedelta

import pytest

from app import exports
from app.engine.plan import PlanStep
from app.plans import schema
from tests.pages import soup
from tests.test_sharing import give_plan, post, sample_plan, share, share_links


def exported(**parts) -> dict:
    return exports.export_plan(sample_plan().to_dict(), notes={"1-language-sfi_d": "Ring Lena"},
                               progress={"done": ["1-language-sfi_d"]}, **parts)


def _set(doc, path, value):
    doc = copy.deepcopy(doc)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


# Each one was accepted (or answered 500) before, and broke pages afterwards.
BAD_VALUES = [
    (("plan", "steps", 1, "money", "grant_per_month"), "x"),
    (("plan", "steps", 1, "money", "grant_per_month"), 1.5),
    (("plan", "steps", 1, "money", "loan_per_month"), None),
    (("plan", "steps", 1, "money"), "lots"),
    (("plan", "goal", "ssyk"), []),
    (("plan", "goal"), "5321"),
    (("plan", "steps", 0, "id"), []),
    (("plan", "steps", 0, "id"), 7),
    (("plan", "steps", 0, "kind"), "rocket"),
    (("plan", "steps", 0, "apply_by"), "9999-12-31"),
    (("plan", "steps", 0, "start"), "0001-01-01"),
    (("plan", "steps", 0, "start"), "tomorrow"),
    (("plan", "steps", 0, "follow_up"), ["2027-01-01", 3]),
    (("plan", "steps", 0, "weeks"), "20"),
    (("plan", "steps", 0, "weeks"), True),
    (("plan", "steps", 0, "notes"), [{}]),
    (("plan", "steps", 0, "label"), {"a": 1}),
    (("plan", "start"), 20270101),
    (("plan", "steps"), []),
    (("plan", "steps"), {}),
    (("progress", "done"), [{}]),
    (("progress", "done"), "1-language-sfi_d"),
    (("progress", "chosen_on"), "9999-12-31"),
    (("notes",), {"1-language-sfi_d": ["a"]}),
    (("commitment",), {"when": 3, "then": "x"}),
]


def _import(client, body: bytes):
    return post(client, "/agera/ladda-upp", {"file": (io.BytesIO(body), "plan.json")},
                content_type="multipart/form-data")


def _pages_answer(client, link):
    for url in ("/agera/nasta", "/besluta/plan", "/agera/plan.ics", "/agera/plan.json", "/", link):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("path, value", BAD_VALUES, ids=lambda v: repr(v)[:40])
def test_a_wrongly_typed_file_is_refused_and_every_page_still_answers(client, path, value):
    give_plan(client)
    share(client)
    link = share_links(client)[0]
    before = client.get("/agera/plan.json").get_data()
    body = json.dumps(_set(exported(), path, value)).encode()
    response = _import(client, body)
    assert response.status_code == 422
    assert soup(response.get_data(as_text=True)).find(id="file-error") is not None
    assert json.loads(client.get("/agera/plan.json").get_data())["plan"] == json.loads(before)["plan"]
    _pages_answer(client, link)


@pytest.mark.parametrize("body", [
    b'{"schema": "vagval.plan", "version": 1, "plan": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    b'{"schema": "vagval.plan", "version": 1, "notes": {"x": "\\ud800"}, "plan": {}}',
    json.dumps(exported()).encode().replace(b'"Ring Lena"', b'"Ring \\udc00 Lena"'),
    "{\"schema\": \"vagval.plan\", \"version\": 1}".encode("utf-16"),
    b"\xff\xfe\x00garbage",
], ids=["deep-nesting", "lone-surrogate", "lone-surrogate-in-a-good-file", "utf-16", "bytes"])
def test_nesting_surrogates_and_encodings_are_refused(client, body):
    give_plan(client)
    response = _import(client, body)
    assert response.status_code == 422
    assert client.get("/agera/nasta").status_code == 200


def test_a_file_with_more_own_steps_than_the_editor_allows_is_refused():
    doc = exported()
    t = sample_plan().start
    own = [dict(id=f"own-{i}", kind="own", key="own", label="x", with_whom="person", start=t.isoformat(),
                finish=t.isoformat()) for i in range(1, schema.MAX_OWN_STEPS_STORED + 2)]
    doc["plan"]["steps"] += own
    with pytest.raises(exports.ImportError_) as err:
        exports.import_plan(json.dumps(doc))
    assert err.value.reason == "invalid"
    doc["plan"]["steps"] = doc["plan"]["steps"][:-1]
    assert len(exports.import_plan(json.dumps(doc))["plan"]["steps"]) == 4 + schema.MAX_OWN_STEPS_STORED


def test_duplicate_step_ids_are_refused():
    doc = exported()
    doc["plan"]["steps"][1]["id"] = doc["plan"]["steps"][0]["id"]
    with pytest.raises(exports.ImportError_):
        exports.import_plan(json.dumps(doc))


def _largest_plan():
    """MAX_STEPS steps, MAX_OWN_STEPS of them the person's own, every text at its limit in
    characters that take the most bytes (4 in UTF-8; quotes and backslashes take 2 escaped)."""
    base = sample_plan()
    t = base.start
    wide = "😀\"\\"
    route = [replace(base.steps[i % 4], id=f"{i + 1}-step") for i in range(schema.MAX_STEPS - schema.MAX_OWN_STEPS)]
    own = [PlanStep(id=f"own-{i}", kind="own", key="own", label=(wide * 200)[:schema.MAX_OWN_TITLE],
                    with_whom="person", start=t + timedelta(days=i), finish=t + timedelta(days=i))
           for i in range(1, schema.MAX_OWN_STEPS + 1)]
    plan = replace(base, steps=tuple(route + own))
    notes = {s.id: ("😀" * schema.MAX_NOTE) for s in plan.steps}
    return plan, notes


def test_the_largest_plan_exports_to_a_file_its_own_import_takes(client, app):
    plan, notes = _largest_plan()
    give_plan(client, plan, notes=notes)
    post(client, "/agera/fraga/commitment", {"when": "😀" * 200, "then": "\"" * 200})
    body = client.get("/agera/plan.json").get_data()
    assert len(body) > 64 * 1024                 # larger than any other request may be
    print("largest plan file:", len(body), "bytes")
    assert len(body) <= exports.MAX_FILE_BYTES
    other = app.test_client()
    response = _import(other, body)
    assert response.status_code == 303
    assert json.loads(other.get("/agera/plan.json").get_data())["plan"] == json.loads(body)["plan"]


def test_own_steps_stop_at_the_cap_with_a_message_at_the_field(client):
    t = sample_plan().start
    own = tuple(PlanStep(id=f"own-{i}", kind="own", key="own", label=f"Steg {i}", with_whom="person",
                         start=t, finish=t) for i in range(1, schema.MAX_OWN_STEPS + 1))
    give_plan(client, replace(sample_plan(), steps=sample_plan().steps + own))
    response = post(client, "/besluta/plan/steg", {"add-title": "Ett till", "add-start": t.isoformat()},
                    page="/besluta/plan")
    assert response.status_code == 422
    error = soup(response.get_data(as_text=True)).find(id="add-title-error")
    assert error is not None and str(schema.MAX_OWN_STEPS) in error.get_text()
    assert "Ett till" not in client.get("/agera/nasta").get_data(as_text=True)


def test_one_below_the_cap_an_own_step_is_added(client):
    t = sample_plan().start
    own = tuple(PlanStep(id=f"own-x{i}", kind="own", key="own", label=f"Steg {i}", with_whom="person",
                         start=t, finish=t) for i in range(1, schema.MAX_OWN_STEPS))
    give_plan(client, replace(sample_plan(), steps=sample_plan().steps + own))
    response = post(client, "/besluta/plan/steg", {"add-title": "Ett till", "add-start": t.isoformat()},
                    page="/besluta/plan")
    assert response.status_code == 303
    assert "Ett till" in client.get("/agera/nasta").get_data(as_text=True)


def _store_raw(client, data: dict) -> None:
    """Write a stored plan as it is, past every check (as an import before this schema could)."""
    from flask import session

    from app.plans import store
    from tests.test_sharing import plan_id

    with client.application.test_request_context():
        session[store.SESSION_KEY] = plan_id(client)
        store.save_answers(store.current_plan(), "besluta.plan", data)


PLAN_FIELDS = [(path, value) for path, value in BAD_VALUES if path[0] == "plan"]


@pytest.mark.parametrize("path, value", PLAN_FIELDS, ids=lambda v: repr(v)[:40])
def test_a_bad_plan_stored_before_these_checks_never_breaks_a_page(client, path, value):
    """Plans imported before the schema existed: each page says "no plan" instead of 500."""
    give_plan(client)
    share(client)
    link = share_links(client)[0]
    bad = _set({"plan": sample_plan().to_dict()}, path, value)["plan"]
    _store_raw(client, dict(bad, user_notes={"1-language-sfi_d": ["not", "text"]}))
    for url in ("/agera/nasta", "/besluta/plan", "/", "/agera/dela", link):
        assert client.get(url).status_code in (200, 404), url
    assert client.get("/agera/plan.ics").status_code == 404


def test_stored_progress_and_notes_of_the_wrong_type_are_ignored(client):
    give_plan(client)
    _store_raw(client, dict(sample_plan().to_dict(), user_notes={"1-language-sfi_d": {"a": 1}}))
    from flask import session

    from app.plans import store
    from tests.test_sharing import plan_id

    with client.application.test_request_context():
        session[store.SESSION_KEY] = plan_id(client)
        store.save_answers(store.current_plan(), "agera.progress", {"done": [{}, "1-language-sfi_d"]})
    assert client.get("/agera/nasta").status_code == 200
    assert client.get("/agera/plan.ics").status_code == 200


def test_the_schema_knows_every_field_of_the_engine_plan():
    """A field added to the engine's plan must be added to the schema too, or stored plans lose it."""
    from dataclasses import fields

    from app.engine.plan import Goal, Money, Plan, PlanStep, Removed

    pairs = [(Plan, schema.PlanDoc), (PlanStep, schema.StepDoc), (Money, schema.MoneyDoc), (Goal, schema.GoalDoc),
             (Removed, schema.RemovedDoc)]
    for engine_cls, doc in pairs:
        assert {f.name for f in fields(engine_cls)} == set(doc.model_fields), engine_cls.__name__


def test_a_stored_plan_round_trips_through_the_schema_unchanged():
    from app.engine.plan import Money

    plan = sample_plan()
    step = replace(plan.steps[1], money=Money("csn-studiemedel", "csn", 9000, 10000, ("csn",),
                                              source_url="https://www.csn.se/belopp", year=2026, stale=True,
                                              valid_from=plan.start, valid_to=plan.start + timedelta(days=300)))
    plan = replace(plan, steps=(plan.steps[0], step) + plan.steps[2:])
    assert schema.plan_from_stored(plan.to_dict()) == plan


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "https://x.se/\\" + '"onclick'])
def test_a_money_source_must_be_a_web_address(url):
    doc = exported()
    doc["plan"]["steps"][1]["money"]["source_url"] = url
    with pytest.raises(exports.ImportError_):
        exports.import_plan(json.dumps(doc))


def test_undo_past_the_own_step_cap_keeps_the_plan(client):
    """Remove an own step at the cap, add another, undo: one over the editor's cap, still a plan."""
    t = sample_plan().start
    own = tuple(PlanStep(id=f"own-{i}", kind="own", key="own", label=f"Steg {i}", with_whom="person",
                         start=t, finish=t) for i in range(1, schema.MAX_OWN_STEPS + 1))
    from app.engine.plan import remove_step, undo_remove

    plan = replace(sample_plan(), steps=sample_plan().steps + own)
    plan = remove_step(plan, "own-1")
    plan = replace(plan, steps=plan.steps + (replace(own[0], id="own-99"),))
    plan = undo_remove(plan)
    assert sum(s.kind == "own" for s in plan.steps) == schema.MAX_OWN_STEPS + 1
    assert schema.plan_from_stored(plan.to_dict()) == plan
