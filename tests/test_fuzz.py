"""Issue 13: a property-based fuzz test (hypothesis) over every form the app shows and over the plan
import. Whatever is sent: never a 5xx, and never the input back unescaped. Bounded (a fixed number
of examples, no example database) so the suite stays fast."""
from __future__ import annotations

import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import exports
from tests.conftest import CSRF_RE
from tests.pages import soup
from tests.test_sharing import give_plan, sample_plan

MARK = "fz9q"
PAYLOADS = [
    f'<b hx-post=/glom hx-trigger=load hx-include=form>{MARK}</b>',
    f'"><img src=x onerror=alert(1) data-{MARK}>',
    f"'><svg onload=alert(1)>{MARK}",
    f"{{{{ 7*7 }}}}{MARK}", f"%(name)s{MARK}%s", f"{MARK}\u202e\u0000\u200b",
    f"javascript:alert(1)//{MARK}", "ABCDE-23456", "0", "-1", "99999999999999999999", "1e9", "",
    "2027-02-30", "9999-12-31", " ", "\t\n", "Malmö", "undefined", "null",
]
UNESCAPED = re.compile(r"<(?:b hx-post|img src=x|svg onload)")


def unescaped(response) -> bool:
    """Input back as markup in a page (files, JSON and calendars carry the person's text as it is)."""
    return response.mimetype == "text/html" and bool(UNESCAPED.search(response.get_data(as_text=True)))

text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=80),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=500, max_size=3000),
    st.integers(min_value=-10**12, max_value=10**12).map(str),
)
SETTINGS = dict(deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])


def _start_urls(app) -> list[str]:
    """Every page without a parameter, every question of every flow, and the plan pages."""
    urls = set()
    for rule in app.url_map.iter_rules():
        if "GET" in (rule.methods or ()) and not rule.arguments and not rule.endpoint.startswith("static"):
            urls.add(rule.rule)
    for name, bp in app.blueprints.items():
        flow = getattr(bp, "flow", None)
        if flow is not None:
            urls.update(f"{bp.url_prefix}/fraga/{s.key}" for s in flow.steps)
    return sorted(u for u in urls if not u.endswith((".ics", ".json", ".pdf", ".svg")))


def _forms(client, urls: list[str]) -> list[dict]:
    """The POST forms those pages show: action, and every named control with its kind."""
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        doc = soup(response.get_data(as_text=True))
        for form in doc.select("form[method=post]"):
            fid = form.get("id")
            controls = form.select("input[name], textarea[name], button[name]")
            if fid:
                controls += doc.select(f"[form={fid}][name]")
            fields = {}
            for c in controls:
                if c["name"] == "csrf_token":
                    continue
                kind = c.get("type", c.name)
                fields.setdefault(c["name"], (kind, []))[1].append(c.get("value", ""))
            key = (form["action"], tuple(sorted(fields)))
            found.setdefault(key, {"action": form["action"], "fields": fields,
                                   "multipart": form.get("enctype") == "multipart/form-data"})
    return list(found.values())


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory, catalogue_url):
    from app import create_app
    from tests.conftest import make_config

    app = create_app(make_config(catalogue_url, RATELIMIT_RESUME="100000 per minute",
                                 RATELIMIT_RESUME_ALL="100000 per minute", RATELIMIT_SHARE_CREATE="100000 per minute",
                                 MAX_SHARES_PER_PLAN=100000, extra={"RATELIMIT_SHARE": "100000 per minute"}))
    yield app
    from app.db import get_engine

    get_engine(app).dispose()


@pytest.fixture(scope="module")
def browser_and_forms(fuzz_app):
    client = fuzz_app.test_client()
    give_plan(client, notes={"1-language-sfi_d": "en anteckning"})
    forms = _forms(client, _start_urls(fuzz_app))
    token = CSRF_RE.search(client.get("/fortsatt").get_data(as_text=True)).group(1)
    return client, forms, token


def test_the_fuzz_covers_every_kind_of_form(browser_and_forms):
    _client, forms, _token = browser_and_forms
    actions = {f["action"].split("?")[0] for f in forms}
    for expected in ("/fortsatt", "/spara", "/glom", "/agera/dela", "/agera/radera", "/agera/ladda-upp",
                     "/besluta/plan/steg", "/inventera/fraga/home", "/inventera/fraga/occupations",
                     "/agera/fraga/commitment", "/upptacka/fraga/goal", "/besluta/fraga/situation"):
        assert expected in actions, expected
    assert any(re.match(r"/besluta/plan/steg/.+/note$", a) for a in actions)
    assert len(forms) >= 25


@st.composite
def submissions(draw, forms):
    form = draw(st.sampled_from(forms))
    data = {}
    for name, (kind, values) in form["fields"].items():
        choice = draw(st.integers(0, 9))
        if choice == 0:
            continue                                            # left out
        if kind in ("radio", "checkbox", "hidden", "submit") and choice < 6 and values:
            data[name] = draw(st.sampled_from(values))          # a value the page offers
        elif choice == 9:
            data[name] = (io.BytesIO(draw(st.binary(max_size=200))), "x.txt")   # a file where text belongs
        else:
            data[name] = draw(text)
    if draw(st.booleans()):
        data[draw(st.sampled_from(["_autosave", "_lang", "add", "remove", "_search", "confirm", "q"]))] = draw(text)
    return form, data


@settings(max_examples=260, **SETTINGS)
@given(data=st.data())
def test_no_form_answers_5xx_or_shows_input_unescaped(browser_and_forms, data):
    client, forms, token = browser_and_forms
    form, fields = data.draw(submissions(forms))
    if data.draw(st.integers(0, 30)) == 0:
        give_plan(client, notes={"1-language-sfi_d": PAYLOADS[0]})   # a plan again after /glom or delete
    multipart = form["multipart"] or any(isinstance(v, tuple) for v in fields.values())
    response = client.post(form["action"], data=dict(fields, csrf_token=token),
                           content_type="multipart/form-data" if multipart else None,
                           headers={"HX-Request": "true"} if data.draw(st.booleans()) else {})
    assert response.status_code < 500, (form["action"], fields)
    assert not unescaped(response), (form["action"], fields)
    if response.status_code in (301, 302, 303):
        follow = client.get(response.headers["Location"])
        assert follow.status_code < 500 and not unescaped(follow), response.headers["Location"]


# --- the plan import --------------------------------------------------------------------------------------

json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**15, 10**15), st.floats(allow_nan=False),
              st.sampled_from(PAYLOADS), st.text(max_size=30),
              st.dates().map(lambda d: d.isoformat())),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12)


def _paths(doc, prefix=()):
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, prefix + (i,))


BASE = exports.export_plan(sample_plan().to_dict(), notes={"1-language-sfi_d": "x"},
                           progress={"done": ["1-language-sfi_d"]}, commitment={"when": "a", "then": "b"})
PATHS = [p for p in _paths(BASE) if p]


@st.composite
def plan_files(draw):
    doc = json.loads(json.dumps(BASE))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        target = doc
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = draw(json_value)
        except (KeyError, IndexError, TypeError):
            pass
    raw = json.dumps(doc, ensure_ascii=draw(st.booleans())).encode()
    if draw(st.integers(0, 9)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]               # cut off
    return raw


@settings(max_examples=120, **SETTINGS)
@given(raw=plan_files())
def test_no_plan_file_answers_5xx_or_breaks_a_page_afterwards(browser_and_forms, raw):
    client, _forms, token = browser_and_forms
    response = client.post("/agera/ladda-upp", data={"csrf_token": token, "file": (io.BytesIO(raw), "p.json")},
                           content_type="multipart/form-data")
    assert response.status_code in (303, 422), raw[:300]
    for url in ("/agera/nasta", "/besluta/plan", "/agera/plan.ics", "/agera/plan.json", "/"):
        page = client.get(url)
        assert page.status_code < 500, (url, raw[:300])
        assert not unescaped(page), (url, raw[:300])
