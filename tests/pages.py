"""Page invariants checked on every page a test fetches (A5's client_request idea)."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html5lib")


def text_of(node) -> str:
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def _error_prefixes() -> tuple[str, ...]:
    """"Error:" in every language the app speaks (the title's prefix on a page with errors)."""
    global _PREFIXES
    if _PREFIXES is None:
        from babel.support import Translations

        from app.config import Config
        from app.i18n import SUPPORTED_LOCALES

        found = {"Error:"}
        for locale_id in SUPPORTED_LOCALES:
            found.add(Translations.load(Config.BABEL_TRANSLATION_DIRECTORIES, [locale_id]).gettext("Error:"))
        _PREFIXES = tuple(sorted(found, key=len, reverse=True))
    return _PREFIXES


_PREFIXES: tuple[str, ...] | None = None


def assert_page_invariants(response, *, lang: str = "sv", dir: str = "ltr") -> BeautifulSoup:
    html = response.get_data(as_text=True)
    doc = soup(html)
    root = doc.find("html")
    assert root.get("lang") == lang and root.get("dir") == dir, (root.get("lang"), root.get("dir"))
    h1s = doc.find_all("h1")
    assert len(h1s) == 1, f"expected one <h1>, found {len(h1s)}"
    title = text_of(doc.find("title"))
    has_errors = doc.find(id="error-summary") is not None
    for prefix in _error_prefixes():
        if has_errors and title.startswith(prefix):
            title = title[len(prefix):].strip()
    assert title.startswith(text_of(h1s[0])), (title, text_of(h1s[0]))
    ids = [el["id"] for el in doc.find_all(id=True)]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted(i for i in ids if ids.count(i) > 1)}"
    for form in doc.find_all("form"):
        assert form.get("action") and form.get("method"), form
        if form["method"].lower() == "post":
            assert form.find("input", attrs={"name": "csrf_token"}), "POST form without CSRF token"
    csp = response.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    for script in doc.find_all("script"):
        assert script.get("nonce") == nonce and script.get("src"), "inline or un-nonced script"
    assert not doc.find_all("style"), "inline <style> breaks the CSP"
    assert not doc.find_all(style=True), "style attributes break the CSP"
    for el in doc.find_all(True):
        assert not [a for a in el.attrs if a.startswith("on")], f"inline handler on <{el.name}>"
    # Every reference to an id points at something that exists.
    for el in doc.find_all(True):
        for attr in ("aria-describedby", "aria-labelledby", "aria-controls"):
            for ref in (el.get(attr) or "").split():
                assert doc.find(id=ref) is not None, f"{attr}={ref} points at nothing"
        if el.name == "label" and el.get("for"):
            assert doc.find(id=el["for"]) is not None, f"label for={el['for']} points at nothing"
        if el.get("form"):
            assert doc.find("form", id=el["form"]) is not None, f"form={el['form']} points at nothing"
        if el.name == "a" and (el.get("href") or "").startswith("#") and len(el["href"]) > 1:
            assert doc.find(id=el["href"][1:]) is not None, f"link to {el['href']} points at nothing"
    for form in doc.find_all("form"):
        assert form.find_parent("form") is None, "nested forms"
    for img in doc.find_all("img"):
        assert img.get("alt") is not None
    return doc


RTL = {"ar"}


def assert_response_invariants(response) -> None:
    """What every response of a GET must satisfy: a full HTML page passes ``assert_page_invariants``
    in its own language (``dir`` from the language); an htmx fragment varies on HX-Request."""
    if response.mimetype != "text/html" or 300 <= response.status_code < 400:
        return
    assert "HX-Request" in response.headers.get("Vary", ""), "HTML without Vary: HX-Request"
    html = response.get_data(as_text=True)
    if "<html" not in html[:500].lower():
        return                                              # an htmx fragment
    lang = soup(html).find("html").get("lang")
    assert lang in ("sv", "en", "ar"), lang
    assert_page_invariants(response, lang=lang, dir="rtl" if lang in RTL else "ltr")
