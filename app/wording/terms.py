"""The glossary on pages: where a Swedish word of guidance or financing appears in text the app
renders, its first occurrence on the page links to its entry on the glossary page (``/ordlista``),
with a popover that explains it in the page's language (HTML ``popover`` and ``popovertarget``:
no JavaScript, nothing for the CSP to allow).

What is linked is bounded on purpose: only texts passed through the ``terms`` filter (the
Upptäcka guide pages, a step's facts and money on the decision page, the plan and Agera, and the
money of a study step), each term once per page, at most ``MAX_LINKS_PER_PAGE`` per page, never
inside a link, a button or a heading, never in a PDF and never in the read-only shared view.
"""
from __future__ import annotations

import re
import secrets

from flask import Flask, g, has_request_context, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup, escape

from app.content import catalogue

MAX_LINKS_PER_PAGE = 12
_TAG = re.compile(r"(<[^>]*>)")
_SKIP_INSIDE = ("a", "button", "h1", "h2", "h3", "h4", "summary", "label", "script", "style")
_patterns: dict[str, tuple[object, re.Pattern | None, dict[str, tuple[str, bool]]]] = {}


def _words(view, locale: str) -> dict[str, tuple[str, bool]]:
    """Every form of every term that may be linked: folded form -> (key, is a Swedish form)."""
    out: dict[str, tuple[str, bool]] = {}
    labels = catalogue._locale_labels(view, locale)
    for key, term in view.glossary.items():
        own = labels.glossary.get(key, {}) if labels is not None else {}
        local = [own.get("term", ""), *own.get("aliases", ())]
        swedish = [(term.term or {}).get("sv", ""), *((term.aliases or {}).get("sv") or ())]
        for word in local:
            if word and len(word) >= 2:
                out.setdefault(word.casefold(), (key, False))
        for word in swedish:
            if word and len(word) >= 2:
                out.setdefault(word.casefold(), (key, True))
    return out


def _matcher(view, locale: str) -> tuple[re.Pattern | None, dict[str, tuple[str, bool]]]:
    cached = _patterns.get(locale)
    if cached is not None and cached[0] is view:
        return cached[1], cached[2]
    words = _words(view, locale)
    pattern = None
    if words:
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)
    _patterns[locale] = (view, pattern, words)
    return pattern, words


def _state() -> dict:
    if "glossary_terms" not in g:     # ids unique also when htmx adds a fragment to the page
        g.glossary_terms = {"linked": set(), "n": 0, "prefix": secrets.token_hex(3)}
    return g.glossary_terms


def _link(view, key: str, word: str, swedish_form: bool, locale: str) -> Markup:
    state = _state()
    state["n"] += 1
    pop_id = f"term-{state['prefix']}-{state['n']}"
    term, text = catalogue.glossary_text(view, key, locale)
    href = url_for("main.glossary") + "#" + key
    word_attrs = Markup(' lang="sv" dir="ltr"') if swedish_form and not locale.startswith("sv") else ""
    return Markup(
        '<a class="term" href="{href}"{attrs}>{word}</a>'
        '<button type="button" class="term__help" popovertarget="{pid}">'
        '<span aria-hidden="true">?</span><span class="visually-hidden">{ask}</span></button>'
        '<span class="term__pop" id="{pid}" popover><strong>{term}</strong> {text} '
        '<a href="{href}">{more}</a></span>'
    ).format(href=href, attrs=word_attrs, word=word, pid=pop_id,
             ask=_("What does “%(word)s” mean?", word=word), term=catalogue.mark(term),
             text=catalogue.mark(text), more=_("All words in the glossary"))


def link_terms(value) -> Markup:
    """``value`` (text or Markup) with its glossary words linked (see the module docstring)."""
    html = value if isinstance(value, Markup) else escape(value if value is not None else "")
    if not has_request_context() or request.path.endswith(".pdf") or g.get("glossary_off"):
        return Markup(html)
    view = catalogue.current()
    if not view.glossary:
        return Markup(html)
    locale = catalogue.page_locale()
    pattern, words = _matcher(view, locale)
    if pattern is None:
        return Markup(html)
    state = _state()
    out: list[str] = []
    skip: list[str] = []
    for part in _TAG.split(str(html)):
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            tag = name.group(1).lower() if name else ""
            if tag in _SKIP_INSIDE and not part.endswith("/>"):
                if part.startswith("</"):
                    if tag in skip:
                        skip.remove(tag)
                else:
                    skip.append(tag)
            out.append(part)
            continue
        if skip or not part or len(state["linked"]) >= MAX_LINKS_PER_PAGE:
            out.append(part)
            continue
        out.append(_link_text(view, part, pattern, words, state, locale))
    return Markup("".join(out))


def _link_text(view, text: str, pattern: re.Pattern, words: dict, state: dict, locale: str) -> str:
    """``text`` is already escaped HTML text without tags."""
    def replace(match: re.Match) -> str:
        word = match.group(1)
        key, swedish_form = words.get(word.casefold(), (None, False))
        if key is None or key in state["linked"] or len(state["linked"]) >= MAX_LINKS_PER_PAGE:
            return word
        state["linked"].add(key)
        return str(_link(view, key, Markup(word), swedish_form, locale))
    return pattern.sub(replace, text)


_SWEDISH_THEN_OWN = re.compile(r"^(?P<swedish>.*?)\s*\((?P<own>[^()]+)\)\s*$")


def own_words(translated: str, swedish_forms: list[str]) -> str:
    """What a translated term adds to the Swedish word: "sfi (шведська для іммігрантів)" → the part
    in brackets, when the part before them is the Swedish word, and "اللغة السويدية للمهاجرين (sfi)"
    → the part before the brackets, when they hold it; "" when it is only the Swedish word."""
    folded = [w.casefold() for w in swedish_forms if w]
    if translated.casefold() in folded:
        return ""
    match = _SWEDISH_THEN_OWN.match(translated)
    if match and any(w in match.group("swedish").casefold() for w in folded):
        return match.group("own").strip()
    if match and any(w in match.group("own").casefold() for w in folded):     # "yours (the Swedish word)"
        return match.group("swedish").strip()
    return translated


def without_links() -> None:
    """This response links no glossary words (the read-only shared view)."""
    g.glossary_off = True


def glossary_entries() -> list[dict]:
    """The glossary page: every term in the page's language with the Swedish word kept."""
    view = catalogue.current()
    locale = catalogue.page_locale()
    swedish_page = locale.startswith("sv")
    entries = []
    for key, t in view.glossary.items():
        term, text = catalogue.glossary_text(view, key, locale)
        swedish_word = (t.term or {}).get("sv", "")
        own = own_words(term.text, [swedish_word, *((t.aliases or {}).get("sv") or ())]) \
            if term.in_locale and not swedish_page else ""
        entries.append({
            "key": key, "swedish": swedish_word, "term": own or None,
            "text": catalogue.mark(text), "source_url": t.source_url, "source_name": t.source_name})
    return entries


def init_app(app: Flask) -> None:
    app.add_template_filter(link_terms, "terms")
    app.add_template_global(catalogue.swedish_shown, "swedish_shown")
    app.add_template_global(catalogue.swedish, "swedish")
