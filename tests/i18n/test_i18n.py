"""Languages: selection order, lang/dir on every page, lättläst fallback, complete catalogues."""
from __future__ import annotations

import filecmp

import pytest
from babel.messages.pofile import read_po

from app.cli import POT, TRANSLATIONS, extract
from app.i18n import SUPPORTED_LOCALES, LocaleInfo
from tests.pages import assert_page_invariants, soup, text_of

EXPECTED = {"sv": ("sv", "ltr"), "sv@lattlast": ("sv", "ltr"), "en": ("en", "ltr"), "ar": ("ar", "rtl"),
            "so": ("so", "ltr"), "ti": ("ti", "ltr"), "fa_AF": ("prs", "rtl"), "uk": ("uk", "ltr")}
LABELS = {"sv": "Svenska", "sv@lattlast": "Lättläst svenska", "en": "English", "ar": "العربية", "so": "Soomaali",
          "ti": "ትግርኛ", "fa_AF": "دری", "uk": "Українська"}
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


def test_no_language_asked_for_is_swedish(client):
    assert_page_invariants(client.get("/"), lang="sv")


@pytest.mark.parametrize("header, lang", [("sv-SE,sv;q=0.9", "sv"), ("de, ar;q=0.5", "ar"), ("fa-AF", "prs"),
                                          ("prs", "prs"), ("uk-UA", "uk"), ("so", "so"), ("ti-ER", "ti")])
def test_accept_language_picks_the_first_we_have(client, header, lang):
    assert_page_invariants(client.get("/", headers={"Accept-Language": header}), lang=lang,
                           dir="rtl" if lang in ("ar", "prs") else "ltr")


def _choose_page(response):
    doc = soup(response.get_data(as_text=True))
    return doc, [(a["hreflang"], text_of(a.select_one(".language-choice__name"))) for a in doc.select(".language-choice a")]


def test_a_browser_asking_only_for_languages_we_lack_is_asked_once(client):
    response = client.get("/inventera/", headers={"Accept-Language": "de-DE,de;q=0.9,fr;q=0.5"})
    assert response.status_code == 200
    assert_page_invariants(response, lang="sv")
    doc, links = _choose_page(response)
    assert links == [(LocaleInfo.for_id(i).lang_tag, label) for i, label in LABELS.items()]
    for a in doc.select(".language-choice a"):
        assert a["lang"] and a["dir"] in ("ltr", "rtl")
        assert a["href"].startswith("/inventera/?lang=")
    dari = doc.select_one('.language-choice a[lang="prs"]')
    assert dari["dir"] == "rtl" and dari["href"].endswith("lang=prs")
    # Once: the next page without a choice is Swedish, not the question again.
    again = client.get("/inventera/", headers={"Accept-Language": "de"})
    assert not soup(again.get_data(as_text=True)).select(".language-choice")
    # Choosing stores it.
    client.get("/?lang=prs", headers={"Accept-Language": "de"})
    assert_page_invariants(client.get("/inventera/", headers={"Accept-Language": "de"}), lang="prs", dir="rtl")


def test_the_choice_page_is_the_mechanism_not_a_language(client, monkeypatch):
    """Tigrinya taken out of the configuration: a Tigrinya browser is asked, and Tigrinya is not offered."""
    from app import i18n

    monkeypatch.setattr(i18n, "SUPPORTED_LOCALES", {k: v for k, v in SUPPORTED_LOCALES.items() if k != "ti"})
    doc, links = _choose_page(client.get("/", headers={"Accept-Language": "ti"}))
    assert links == [(LocaleInfo.for_id(i).lang_tag, label) for i, label in LABELS.items() if i != "ti"]
    assert doc.select_one('.language-choice a[lang="en"] .language-choice__ask')


def test_no_choice_page_for_choices_already_made_or_fragments(client):
    assert not _choose_page(client.get("/", headers={"Accept-Language": "de", "HX-Request": "true"}))[1]
    assert not _choose_page(client.get("/?lang=uk", headers={"Accept-Language": "de"}))[1]
    assert not _choose_page(client.get("/", headers={"Accept-Language": "de"}))[1]     # stored: uk


@pytest.mark.parametrize("code", ["prs", "fa_AF", "fa-af", "FA_AF"])
def test_dari_address_and_aliases(client, code):
    assert_page_invariants(client.get(f"/?lang={code}"), lang="prs", dir="rtl")


def test_links_to_dari_use_prs(client):
    doc = soup(client.get("/?lang=sv").get_data(as_text=True))
    assert doc.select_one('.language-switcher a[lang="prs"]')["href"] == "/?lang=prs"


def test_unknown_lang_parameter_is_ignored(client):
    assert_page_invariants(client.get("/?lang=xx"), lang="sv")


def test_switcher_names_each_language_in_itself(client):
    doc = soup(client.get("/?lang=sv").get_data(as_text=True))
    links = {a["lang"]: text_of(a) for a in doc.select(".language-switcher a")}
    assert links == {LocaleInfo.for_id(i).lang_tag: label for i, label in LABELS.items() if i not in ("sv", "sv@lattlast")} | {
        "sv": "Lättläst svenska"}
    for a in doc.select(".language-switcher a"):
        assert a["hreflang"] == a["lang"] and a["dir"] == LocaleInfo.for_id(
            next(i for i in SUPPORTED_LOCALES if LocaleInfo.for_id(i).lang_tag == a["lang"])).dir
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


CATALOGUE_PAGES = ["/inventera/resultat", "/besluta/yrke/5321", "/besluta/yrke/5321/jamfor", "/besluta/underlag",
                   "/besluta/plan", "/besluta/mal", "/agera/", "/upptacka/"]


@pytest.mark.parametrize("locale_id", EXPECTED)
def test_pages_with_a_plan_have_lang_and_dir_in_every_language(cclient, locale_id):
    from tests.flows.test_besluta import choose, profile

    profile(cclient)
    choose(cclient)
    tag, direction = EXPECTED[locale_id]
    cclient.get("/", query_string={"lang": LocaleInfo.for_id(locale_id).code})
    for url in CATALOGUE_PAGES:
        response = cclient.get(url)
        assert response.status_code == 200, url
        assert_page_invariants(response, lang=tag, dir=direction)


def test_a_language_is_one_line_of_configuration(client, monkeypatch):
    """A new entry in SUPPORTED_LOCALES is enough for the menu, ?lang=, lang/dir and Accept-Language
    (its catalogue and content translations aside)."""
    from app import i18n

    monkeypatch.setattr(i18n, "SUPPORTED_LOCALES", {**SUPPORTED_LOCALES, "fi": i18n.Language("Suomi")})
    doc = assert_page_invariants(client.get("/?lang=sv"), lang="sv")
    assert text_of(doc.select_one('.language-switcher a[lang="fi"]')) == "Suomi"
    assert_page_invariants(client.get("/?lang=fi"), lang="fi")
    with client.session_transaction() as s:
        s.clear()
    assert_page_invariants(client.get("/", headers={"Accept-Language": "fi-FI"}), lang="fi")
