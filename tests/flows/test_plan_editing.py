"""Editing the plan through the pages keeps it consistent: a moved course takes its application,
the steps after it and the ready date along, and its money is estimated again at the new dates;
a removed step can be put back. Checked after each edit, on the real catalogue."""
from __future__ import annotations

from datetime import date, timedelta

from tests.flows.test_besluta import SITUATION, choose, post, profile, saved
from tests.pages import assert_page_invariants, text_of


def plan_steps(client) -> dict[str, dict]:
    return {s["id"]: s for s in saved(client, "besluta.plan")["steps"]}


def test_moving_a_course_moves_its_application_the_job_search_and_the_ready_date(cclient):
    profile(cclient)
    choose(cclient)
    before = saved(cclient, "besluta.plan")
    steps = plan_steps(cclient)
    course = next(s for s in steps.values() if s["kind"] == "education")
    app = next(s for s in steps.values() if s["kind"] == "apply_financing" and s["after"] == [course["id"]])
    job = next(s for s in steps.values() if s["kind"] == "job_search")
    new_start = date.fromisoformat(course["start"]) + timedelta(weeks=21)
    n = sorted(steps.values(), key=lambda s: (s["start"] or "9", s["finish"] or "9")).index(course)
    page = "/besluta/plan"
    response = post(cclient, f"/besluta/plan/steg/{course['id']}/move", {f"s{n}-start": new_start.isoformat()}, page=page)
    assert response.status_code == 303
    after = saved(cclient, "besluta.plan")
    moved = {s["id"]: s for s in after["steps"]}
    delta = timedelta(weeks=21)
    assert moved[course["id"]]["start"] == new_start.isoformat()
    assert moved[job["id"]]["start"] == (date.fromisoformat(job["start"]) + delta).isoformat()
    assert after["ready_date"] == moved[job["id"]]["start"] != before["ready_date"]
    apps = [s for s in moved.values() if s["kind"] == "apply_financing" and s["after"] == [course["id"]]]
    assert apps and all(a["apply_by"] <= moved[course["id"]]["start"] for a in apps)
    assert apps[0]["apply_by"] == (date.fromisoformat(app["apply_by"]) + delta).isoformat()
    # the money was estimated again for the new dates (its period starts in the new year)
    assert apps[0]["money"]["valid_from"] is not None
    doc = assert_page_invariants(cclient.get(page))
    assert text_of(doc.select_one(".plan-summary")).count(str(date.fromisoformat(after["ready_date"]).year)) >= 1


def test_a_course_moved_past_the_programme_gets_studiemedel(cclient):
    profile(cclient, situation=dict(SITUATION, situation="etableringsprogram"))
    post(cclient, "/besluta/fraga/money", {"programme_month": "1", "programme_year": "2026", "permit": "refugee"})
    choose(cclient)
    steps = plan_steps(cclient)
    course = next(s for s in steps.values() if s["kind"] == "education")
    assert course["money"]["scheme"] == "etableringsersattning"          # the programme lasts to 2027-12-31
    ordered = sorted(steps.values(), key=lambda s: (s["start"] or "9", s["finish"] or "9"))
    n = ordered.index(course)
    post(cclient, f"/besluta/plan/steg/{course['id']}/move", {f"s{n}-start": "2028-01-17"}, page="/besluta/plan")
    moved = plan_steps(cclient)
    assert moved[course["id"]]["money"]["scheme"] == "csn-studiemedel"
    apps = [s["key"] for s in moved.values() if s["kind"] == "apply_financing" and s["after"] == [course["id"]]]
    assert apps == ["csn-studiemedel"]


def test_remove_and_undo_through_the_page(cclient):
    profile(cclient)
    choose(cclient)
    before = saved(cclient, "besluta.plan")
    steps = plan_steps(cclient)
    course = next(s for s in steps.values() if s["kind"] == "education")
    response = post(cclient, f"/besluta/plan/steg/{course['id']}/remove", {}, page="/besluta/plan")
    assert response.status_code == 303 and response.headers["Location"].endswith("#undo")
    assert course["id"] not in plan_steps(cclient)
    doc = assert_page_invariants(cclient.get("/besluta/plan"))
    undo = doc.find(id="undo")
    assert undo is not None and undo.find("form", action="/besluta/plan/angra")
    assert post(cclient, "/besluta/plan/angra", {}, page="/besluta/plan").status_code == 303
    after = saved(cclient, "besluta.plan")
    assert sorted(s["id"] for s in after["steps"]) == sorted(s["id"] for s in before["steps"])
    assert after["ready_date"] == before["ready_date"] and not after.get("removed")
    assert assert_page_invariants(cclient.get("/besluta/plan")).find(id="undo") is None
    # nothing to undo any more, and an undo without CSRF is refused
    assert post(cclient, "/besluta/plan/angra", {}, page="/besluta/plan").status_code == 404
    assert cclient.post("/besluta/plan/angra").status_code in (400, 404)
