"""Languages: selection order, lang/dir on every page, lättläst fallback, complete catalogues."""
from __future__ import annotations

import filecmp

import pytest
from babel.messages.pofile import read_po

from app.cli import POT, TRANSLATIONS, extract
from app.i18n import SUPPORTED_LOCALES, LocaleInfo
from tests.pages import assert_page_invariants, soup, text_of

EXPECTED = {"sv": ("sv", "ltr"), "sv@lattlast": ("sv", "ltr"), "en": ("en", "ltr"), "ar": ("ar", "rtl")}
PAGES = ["/", "/inventera/fraga/swedish", "/upptacka/", "/inventera/svar", "/spara", "/fortsatt", "/integritet"]


def test_supported_locales():
    assert set(SUPPORTED_LOCALES) == set(EXPECTED)
    for locale_id, (tag, direction) in EXPECTED.items():
        info = LocaleInfo.for_id(locale_id)
        assert (info.lang_tag, info.dir) == (tag, direction)


@pytest.mark.parametrize("locale_id", EXPECTED)
@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_lang_and_dir(client, locale_id, url):
    tag, direction = EXPECTED[locale_id]
    response = client.get(url, query_string={"lang": locale_id})
    assert response.status_code == 200
    assert_page_invariants(response, lang=tag, dir=direction)


def test_choice_is_stored_and_explicit_beats_the_browser(client):
    assert_page_invariants(client.get("/", headers={"Accept-Language": "ar"}), lang="ar", dir="rtl")
    client.get("/?lang=en")
    assert_page_invariants(client.get("/inventera/", headers={"Accept-Language": "ar"}), lang="en")


def test_default_is_swedish(client):
    assert_page_invariants(client.get("/", headers={"Accept-Language": "de"}), lang="sv")


def test_unknown_lang_parameter_is_ignored(client):
    assert_page_invariants(client.get("/?lang=xx"), lang="sv")


def test_switcher_names_each_language_in_itself(client):
    doc = soup(client.get("/?lang=sv").get_data(as_text=True))
    links = {a["hreflang"]: text_of(a) for a in doc.select(".language-switcher a")}
    assert links == {"sv": "Lättläst svenska", "en": "English", "ar": "العربية"}
    assert doc.select_one(".language-switcher [aria-current]").get_text() == "Svenska"


def test_lattlast_differs_from_swedish_where_written_and_falls_back(client):
    sv = text_of(soup(client.get("/?lang=sv").get_data(as_text=True)).find(class_="lead"))
    easy = text_of(soup(client.get("/?lang=sv@lattlast").get_data(as_text=True)).find(class_="lead"))
    assert sv and easy and sv != easy


def _entries(locale_id):
    with open(TRANSLATIONS / locale_id / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh, locale=locale_id.split("@")[0])


@pytest.mark.parametrize("locale_id", EXPECTED)
def test_catalogue_is_complete(locale_id):
    catalog = _entries(locale_id)
    with open(POT, "rb") as fh:
        template = read_po(fh)
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    untranslated, fuzzy = [], []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if not all(strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    present = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert not untranslated, untranslated[:10]
    assert not fuzzy, fuzzy[:10]
    assert ids <= present, sorted(ids - present)[:10]


def test_pot_is_up_to_date(tmp_path):
    fresh = tmp_path / "messages.pot"
    extract(fresh)
    assert filecmp.cmp(fresh, POT, shallow=False), "run `flask i18n update` and translate the new strings"


@pytest.mark.parametrize("locale_id", ["sv", "sv@lattlast", "ar"])
def test_placeholders_survive_translation(locale_id):
    import re

    for message in _entries(locale_id):
        if not message.id or not message.string:
            continue
        src = message.id if isinstance(message.id, str) else message.id[0]
        dst = message.string if isinstance(message.string, str) else message.string[0]
        assert set(re.findall(r"%\(\w+\)s", src)) == set(re.findall(r"%\(\w+\)s", dst)), src
