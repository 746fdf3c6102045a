"""Issue 13, item 9: two ways typed answers were lost. Without JavaScript, searching for a second
job kept nothing typed for the first (years, country); and an autosave that arrived after "Save
and continue" replaced the submitted answer with an older one."""
from __future__ import annotations

from tests.flows.test_inventera import _add_occupation, post, saved
from tests.pages import soup


def browser_submit(doc, button) -> dict:
    """What a browser without JavaScript sends when `button` is pressed: every control the
    button's form owns (descendants, and elements elsewhere with form=<its id>), and the button."""
    form_id = button.get("form") or button.find_parent("form").get("id")
    form = doc.find(id=form_id)
    owned = [el for el in form.find_all(["input", "textarea"]) if not el.get("form")]
    owned += doc.select(f"[form={form_id}]:is(input, textarea)")
    data: dict[str, list[str]] = {}
    for el in owned:
        kind = el.get("type", "text")
        if kind in ("submit", "button") or not el.get("name"):
            continue
        if kind in ("checkbox", "radio") and not el.has_attr("checked"):
            continue
        data.setdefault(el["name"], []).append(el.get("value", ""))
    data.setdefault(button["name"], []).append(button.get("value", ""))
    return data


def _fill(doc, values: dict):
    """Type into the page (what a person does before pressing a button)."""
    for name, value in values.items():
        inputs = doc.select(f"[name='{name}']")
        if inputs and inputs[0].get("type") == "radio":
            for el in inputs:
                if el.get("value") == value:
                    el["checked"] = ""
                else:
                    el.attrs.pop("checked", None)
        else:
            inputs[0]["value"] = value


def test_searching_without_js_keeps_what_was_typed_for_the_first_job(cclient):
    _add_occupation(cclient, "undersköterska")
    url = "/inventera/fraga/occupations"
    doc = soup(cclient.get(url).get_data(as_text=True))
    _fill(doc, {"occupations-0-years": "7", "occupations-0-where": "abroad", "q": "busschaufför"})
    search = doc.select_one("form[role=search] button[type=submit]")
    data = browser_submit(doc, search)
    response = cclient.post(url, data=data)
    assert response.status_code == 303
    assert "q=busschauff" in response.headers["Location"]
    page = soup(cclient.get(response.headers["Location"].split("#")[0]).get_data(as_text=True))
    assert page.find(id="occupations-0-years")["value"] == "7"
    assert page.select_one("input[name='occupations-0-where'][value=abroad]").has_attr("checked")
    assert page.select("#occupation-hits .hit")             # and the hits for the new search


def test_searching_skills_without_js_keeps_what_was_ticked(cclient):
    _add_occupation(cclient, "undersköterska")
    post(cclient, "/inventera/fraga/occupations", {"occupations-0-occupation_id": saved(
        cclient, "inventera.occupations")[1]["occupations"][0]["occupation_id"],
        "occupations-0-years": "3", "occupations-0-where": "sweden"})
    url = "/inventera/fraga/competences"
    doc = soup(cclient.get(url).get_data(as_text=True))
    first = doc.select("input[name=skills]")[0]
    first["checked"] = ""
    doc.find(id="search-sq")["value"] = "truck"
    data = browser_submit(doc, doc.select_one("form[role=search] button[type=submit]"))
    response = cclient.post(url, data=data)
    assert response.status_code == 303 and "sq=truck" in response.headers["Location"]
    page = soup(cclient.get(response.headers["Location"].split("#")[0]).get_data(as_text=True))
    assert page.select_one(f"input[name=skills][value='{first['value']}']").has_attr("checked")


def _shown_at(client, url) -> str:
    """When the page was shown, as its autosaves send it (hx-vals)."""
    import json

    doc = soup(client.get(url).get_data(as_text=True))
    values = [json.loads(el["hx-vals"]) for el in doc.select("[hx-vals]")]
    assert values and all(v["_shown_at"] == values[0]["_shown_at"] for v in values)
    return values[0]["_shown_at"]


def test_an_autosave_that_arrives_after_the_submit_never_replaces_it(client):
    url = "/inventera/fraga/home"
    shown = _shown_at(client, url)
    # the autosave fired when the municipality changed (travel limit still empty) is slow...
    late = {"municipality": "Malmö", "max_commute": "", "_autosave": "1", "_shown_at": shown}
    # ...and "Save and continue" with the travel limit filled in gets there first
    assert post(client, url, {"municipality": "Malmö", "max_commute": "45", "_shown_at": shown}).status_code == 303
    assert post(client, url, late).status_code == 204
    assert saved(client, "inventera.home")[0]["max_commute"] == 45
    # a late autosave that does not validate does not leave a draft over the answer either
    assert post(client, url, dict(late, municipality="")).status_code == 204
    assert saved(client, "inventera.home")[1] is None
    assert soup(client.get(url).get_data(as_text=True)).find(id="max_commute")["value"] == "45"


def test_autosaves_from_a_page_shown_after_the_submit_still_save(client):
    url = "/inventera/fraga/home"
    post(client, url, {"municipality": "Malmö", "max_commute": "45"})
    shown = _shown_at(client, url)
    assert post(client, url, {"municipality": "Lund", "max_commute": "30", "_autosave": "1",
                              "_shown_at": shown}).status_code == 204
    assert saved(client, "inventera.home")[0]["max_commute"] == 30
    assert post(client, url, {"municipality": "Lund", "max_commute": "30", "_autosave": "1",
                              "_shown_at": shown}).status_code == 204      # several from one page
    assert post(client, url, {"municipality": "Lund", "max_commute": "20", "_autosave": "1",
                              "_shown_at": shown}).status_code == 204
    assert saved(client, "inventera.home")[0]["max_commute"] == 20


def test_a_late_autosave_on_the_occupations_page_is_dropped(cclient):
    oid = _add_occupation(cclient, "undersköterska")
    url = "/inventera/fraga/occupations"
    shown = _shown_at(cclient, url)
    assert post(cclient, url, {"occupations-0-occupation_id": oid, "occupations-0-years": "4",
                               "occupations-0-where": "sweden", "_shown_at": shown}).status_code == 303
    assert post(cclient, url, {"occupations-0-occupation_id": oid, "occupations-0-years": "",
                               "_autosave": "1", "_shown_at": shown}).status_code == 204
    answer, draft = saved(cclient, "inventera.occupations")
    assert draft is None and answer["occupations"][0]["years"] == 4
