"""Exports: the .ics calendar (RFC 5545, parsed back), the versioned JSON file and its import
(round trip, bad files refused at the field), and the PDF of the plan (parsed back)."""
from __future__ import annotations

import io
import json
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from app import exports
from tests.pages import assert_page_invariants
from tests.test_sharing import NOTE, give_plan, post, sample_plan


@pytest.fixture
def app(create_app_for, catalogue_url):
    """Agera names the plan's steps from the catalogue: the app on the loaded one (as after set-up)."""
    return create_app_for(catalogue_url)


def unfolded(raw: bytes) -> list[str]:
    """The content lines of an iCalendar file (RFC 5545 3.1: CRLF endings, folded lines joined)."""
    text = raw.decode("utf-8")
    assert "\r\n" in text and not re.search(r"(?<!\r)\n", text)
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


# --- iCalendar ------------------------------------------------------------------------------------------

def test_calendar_download_is_valid_icalendar_with_reminders(client):
    give_plan(client)
    response = client.get("/agera/plan.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    raw = response.get_data()
    lines = unfolded(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "VERSION:2.0" in lines and any(x.startswith("PRODID:") for x in lines)
    assert all(len(line.encode()) <= 75 for line in raw.decode().split("\r\n"))   # folded at 75 octets
    cal = Calendar.from_ical(raw)
    events = cal.walk("VEVENT")
    plan = sample_plan()
    spans = [s for s in plan.steps if s.start and s.finish and s.finish > s.start]
    deadlines = [s for s in plan.steps if s not in spans or (s.apply_by and s.apply_by != s.start)]
    # each step's deadline (unless it is the first day of its span), an event spanning each step
    # that takes time, and every follow-up
    assert len(events) == len(deadlines) + len(spans) + sum(len(s.follow_up) for s in plan.steps)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    summaries = [str(e["SUMMARY"]) for e in events]
    assert len(set(summaries)) == len(summaries)                      # every event has its own title
    step = next(s for s in plan.steps if s.id.startswith("3-education-"))
    span = next(e for e in events if str(e["UID"]).startswith(f"{step.id}-span@"))
    assert span.decoded("DTSTART") == step.start and span.decoded("DTEND") == step.finish + timedelta(days=1)
    for e in events:
        assert isinstance(e.decoded("DTSTART"), date) and not isinstance(e.decoded("DTSTART"), datetime)
        assert e.decoded("DTSTAMP").tzinfo is not None
        assert str(e["SUMMARY"])
        [alarm] = e.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER").total_seconds() < 0
    assert any(x.startswith("DTSTART;VALUE=DATE:") for x in lines)
    # The same plan gives the same UIDs (a re-import updates instead of duplicating).
    again = Calendar.from_ical(client.get("/agera/plan.ics").get_data())
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == uids


def test_calendar_summary_follows_the_locale(client):
    give_plan(client)
    sv = Calendar.from_ical(client.get("/agera/plan.ics?lang=sv").get_data())
    ar = Calendar.from_ical(client.get("/agera/plan.ics?lang=ar").get_data())
    sv_summaries = [str(e["SUMMARY"]) for e in sv.walk("VEVENT")]
    ar_events = ar.walk("VEVENT")
    assert ar_events[0]["SUMMARY"].params["LANGUAGE"] == "ar"
    assert sv.walk("VEVENT")[0]["SUMMARY"].params["LANGUAGE"] == "sv"
    assert len(sv_summaries) == len(ar_events)


def test_calendar_builder_escapes_text():
    raw = exports.plan_calendar([exports.CalendarEvent("a@x", date(2027, 1, 12), "Ring, komvux; nu\\")],
                                name="Plan", alarm_text="Påminnelse", now=datetime(2026, 11, 23, tzinfo=timezone.utc))
    assert "SUMMARY;LANGUAGE=sv:Ring\\, komvux\\; nu\\\\" in unfolded(raw)
    assert "DTSTAMP:20261123T000000Z" in unfolded(raw)


# --- JSON export and import --------------------------------------------------------------------------------

def test_json_export_is_the_documented_schema(client):
    give_plan(client, notes={"1-language-sfi_d": NOTE})
    response = client.get("/agera/plan.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    data = json.loads(response.get_data())
    assert data["schema"] == "vagval.plan" and data["version"] == 2
    assert set(data) == {"schema", "version", "exported_at", "plan", "notes", "progress", "commitment",
                         "profile", "meetings"}
    assert data["profile"] is None                     # only when the person ticks it
    assert data["plan"] == sample_plan().to_dict()
    assert data["notes"] == {"1-language-sfi_d": NOTE}


def test_json_round_trip_recreates_the_plan(client, app):
    give_plan(client, notes={"1-language-sfi_d": NOTE})
    post(client, "/agera/steg/1-language-sfi_d/klar", page="/agera/nasta")
    post(client, "/agera/valj", page="/agera/nasta")
    post(client, "/agera/fraga/commitment", {"when": "på måndag", "then": "ringer jag"})
    exported = client.get("/agera/plan.json").get_data()
    other = app.test_client()
    assert_page_invariants(other.get("/agera/ladda-upp"))
    response = post(other, "/agera/ladda-upp", {"file": (io.BytesIO(exported), "vagval-plan.json")},
                    content_type="multipart/form-data")
    assert response.status_code == 303 and response.headers["Location"] == "/agera/nasta"
    again = json.loads(other.get("/agera/plan.json").get_data())
    first = json.loads(exported)
    for key in ("plan", "notes", "progress", "commitment"):
        assert again[key] == first[key], key
    doc = assert_page_invariants(other.get("/agera/nasta"))
    assert doc.find("progress")["value"] == "1"


def _answer(client, path, data):
    return post(client, path, data)


def test_json_v2_with_the_profile_restores_every_answer(client, app):
    give_plan(client)
    _answer(client, "/inventera/fraga/education", {"level": "post_secondary", "country": "abroad"})
    _answer(client, "/inventera/fraga/swedish", {"level": "sfi_d"})
    from tests.test_sharing import plan_id

    with app.test_request_context():
        from app.plans import store
        from app.plans.models import Plan

        owner = store._db().get(Plan, plan_id(client))
        store.save_answers(owner, "inventera.occupations",
                           {"occupations": [{"occupation_id": "abc1", "label": "Kock", "group_id": "g1",
                                             "ssyk": "3451", "years": 4, "where": "abroad"}], "never_worked": []})
        store.save_answers(owner, "inventera.home", {"municipality": "Västerås", "kommunkod": "1980",
                                                     "max_commute": 45})
        before = store.all_answers(owner)
    without = json.loads(client.get("/agera/plan.json").get_data())
    assert without["profile"] is None
    exported = client.get("/agera/plan.json?profil=ja").get_data()
    data = json.loads(exported)
    assert data["version"] == 2
    assert data["profile"]["inventera.education"] == {"level": "post_secondary", "country": "abroad"}
    assert data["profile"]["inventera.occupations"]["occupations"][0]["years"] == 4
    other = app.test_client()
    response = post(other, "/agera/ladda-upp", {"file": (io.BytesIO(exported), "vagval-plan.json")},
                    content_type="multipart/form-data")
    assert response.status_code == 303
    with app.test_request_context():
        from app.plans import store
        from app.plans.models import Plan

        restored = store.all_answers(store._db().get(Plan, plan_id(other)))
    for key in ("inventera.education", "inventera.swedish", "inventera.occupations", "inventera.home"):
        assert restored[key] == before[key], key


def test_a_version_1_file_still_imports(client, app):
    give_plan(client, notes={"1-language-sfi_d": NOTE})
    data = json.loads(client.get("/agera/plan.json").get_data())
    v1 = {k: v for k, v in data.items() if k not in ("profile", "meetings")}
    v1["version"] = 1
    other = app.test_client()
    response = post(other, "/agera/ladda-upp", {"file": (io.BytesIO(json.dumps(v1).encode()), "old.json")},
                    content_type="multipart/form-data")
    assert response.status_code == 303
    again = json.loads(other.get("/agera/plan.json").get_data())
    assert again["plan"] == data["plan"] and again["notes"] == data["notes"]


def test_a_profile_that_does_not_fit_the_schema_is_refused(client, app):
    give_plan(client)
    data = json.loads(client.get("/agera/plan.json").get_data())
    data["profile"] = {"inventera.home": {"municipality": "Västerås", "max_commute": "far"}}
    other = app.test_client()
    response = post(other, "/agera/ladda-upp", {"file": (io.BytesIO(json.dumps(data).encode()), "bad.json")},
                    content_type="multipart/form-data")
    assert response.status_code == 422


BAD_FILES = [
    (b"", "missing"),
    (b"not json at all", "not_json"),
    (json.dumps({"schema": "other", "version": 1}).encode(), "wrong_schema"),
    (json.dumps({"schema": "vagval.plan", "version": 99, "plan": {}}).encode(), "newer_version"),
    (json.dumps({"schema": "vagval.plan", "version": 1, "plan": {"goal": 3}}).encode(), "invalid"),
    (b"{" + b" " * exports.MAX_FILE_BYTES + b"}", "too_large"),
]


@pytest.mark.parametrize("body, reason", BAD_FILES)
def test_bad_files_are_refused_at_the_field(client, body, reason):
    give_plan(client)
    before = client.get("/agera/plan.json").get_data()
    files = {"file": (io.BytesIO(body), "plan.json")} if body else {}
    response = post(client, "/agera/ladda-upp", files, content_type="multipart/form-data")
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find(id="file-error") and doc.find(id="error-summary").find("a")["href"] == "#file"
    assert json.loads(client.get("/agera/plan.json").get_data())["plan"] == json.loads(before)["plan"]


def test_import_without_csrf_is_refused(client):
    response = client.post("/agera/ladda-upp", data={"file": (io.BytesIO(b"{}"), "p.json")},
                           content_type="multipart/form-data")
    assert response.status_code == 400


def test_import_checks_notes_and_progress_against_the_plan():
    data = exports.export_plan(sample_plan().to_dict(), notes={"1-language-sfi_d": "x" * 900, "nope": "y"},
                               progress={"done": ["1-language-sfi_d", "nope"], "chosen_route": "other"})
    out = exports.import_plan(json.dumps(data))
    assert out["notes"] == {"1-language-sfi_d": "x" * 500}
    assert out["progress"] == {"done": ["1-language-sfi_d"]}
    with pytest.raises(exports.ImportError_) as err:
        exports.import_plan(json.dumps(dict(data, notes=["a"])))
    assert err.value.reason == "invalid"


# --- PDF ----------------------------------------------------------------------------------------------------

def missing_glyphs(pdf: bytes) -> tuple[str, int]:
    """(all text, number of characters drawn with no glyph in their font: .notdef, shown as boxes)."""
    import pymupdf

    doc = pymupdf.open(stream=pdf, filetype="pdf")
    text, missing = [], 0
    for page in doc:
        text.append(page.get_text())
        for span in page.get_texttrace():
            missing += sum(1 for ucs, gid, *_rest in span["chars"] if gid == 0 and chr(ucs).strip())
    return "\n".join(text), missing


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_pdf_of_the_plan_has_every_glyph_and_its_sources(client, lang):
    import pymupdf

    give_plan(client, notes={"1-language-sfi_d": NOTE})
    response = client.get(f"/agera/plan.pdf?lang={lang}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    pdf = response.get_data()
    assert pdf.startswith(b"%PDF-")
    text, missing = missing_glyphs(pdf)
    assert missing == 0
    assert NOTE in text.replace("\n", " ") or lang == "ar"    # Arabic pages still carry the Swedish note
    assert "https://www.csn.se" in text                       # where to do it
    assert "skolverket.se" in text                            # a source with its date
    fonts = {f[3] for page in pymupdf.open(stream=pdf, filetype="pdf") for f in page.get_fonts()}
    if lang == "ar":
        assert any("Noto-Sans-Arabic" in f for f in fonts), fonts
        assert re.search("[\u0600-\u06ff]", text)
    else:
        assert any("DejaVu-Sans" in f for f in fonts), fonts


def test_the_glyph_counter_sees_a_missing_glyph():
    _text, missing = missing_glyphs(exports.html_to_pdf("<p>Hej \ue000</p>"))
    assert missing == 1
