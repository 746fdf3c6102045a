"""Languages: which exist, how one is chosen, and what a page needs to know about it.

Adding a language: `flask i18n init <id>` creates its catalogue, translate it, then add one
line to SUPPORTED_LOCALES below. Nothing else changes.
"""
from __future__ import annotations

from dataclasses import dataclass

from babel import Locale
from babel.support import Translations
from flask import Flask, g, request, session
from flask_babel import Babel, Domain, get_locale

# id -> (label in the language itself, fallback locale or None)
SUPPORTED_LOCALES: dict[str, tuple[str, str | None]] = {
    "sv": ("Svenska", None),
    "sv@lattlast": ("Lättläst svenska", "sv"),
    "en": ("English", None),
    "ar": ("العربية", None),
}
DEFAULT_LOCALE = "sv"


@dataclass(frozen=True)
class LocaleInfo:
    id: str          # our locale id, e.g. "sv@lattlast"
    lang_tag: str    # BCP 47 for the lang attribute ("sv" for lättläst)
    dir: str         # "ltr" or "rtl", from Babel
    label: str       # the language's own name

    @classmethod
    def for_id(cls, locale_id: str) -> "LocaleInfo":
        loc = Locale.parse(locale_id)
        tag = loc.language + (f"-{loc.territory}" if loc.territory else "")
        return cls(id=locale_id, lang_tag=tag, dir=loc.text_direction, label=SUPPORTED_LOCALES[locale_id][0])


def all_locales() -> list[LocaleInfo]:
    return [LocaleInfo.for_id(i) for i in SUPPORTED_LOCALES]


def select_locale() -> str:
    """Explicit ?lang=, then the stored choice, then Accept-Language, then Swedish."""
    asked = request.args.get("lang")
    if asked in SUPPORTED_LOCALES:
        session["lang"] = asked
        return asked
    stored = session.get("lang")
    if stored in SUPPORTED_LOCALES:
        return stored
    best = request.accept_languages.best_match([i.split("@")[0] for i in SUPPORTED_LOCALES if "@" not in i])
    return best or DEFAULT_LOCALE


class FallbackDomain(Domain):
    """A domain where a locale with a fallback (sv@lattlast -> sv) falls back per message."""

    def get_translations(self):
        if not request:
            return super().get_translations()
        locale_id = str(get_locale())
        cache = self.get_translations_cache(None)
        key = ("fallback", locale_id)
        if key not in cache:
            directory = self.translation_directories[0]
            translations = Translations.load(directory, [locale_id], self.domain[0])
            fallback = SUPPORTED_LOCALES.get(locale_id, ("", None))[1]
            if fallback:
                translations.add_fallback(Translations.load(directory, [fallback], self.domain[0]))
            cache[key] = translations
        return cache[key]


def current_locale_info() -> LocaleInfo:
    info = g.get("locale_info")
    if info is None:
        info = g.locale_info = LocaleInfo.for_id(str(get_locale()))
    return info


def validate_catalogues(app: Flask) -> None:
    """Fail at start-up if a supported locale has no compiled catalogue (A4)."""
    from pathlib import Path

    root = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])
    assert root.is_dir(), f"translations directory missing: {root}"
    missing = [i for i in SUPPORTED_LOCALES if i != "en" and not (root / i / "LC_MESSAGES" / "messages.mo").exists()]
    if missing:
        raise RuntimeError(f"Compiled catalogues missing for {missing}: run `pybabel compile -d translations`")


def init_app(app: Flask) -> None:
    babel = Babel(app, locale_selector=select_locale)
    # Flask-Babel builds its default Domain lazily; ours adds the per-message fallback.
    babel.domain_instance = FallbackDomain()
    resolved = app.extensions["babel"].translation_directories
    assert resolved == [app.config["BABEL_TRANSLATION_DIRECTORIES"]], resolved
    validate_catalogues(app)

    @app.context_processor
    def _inject_locale():
        return {"locale_info": current_locale_info(), "all_locales": all_locales(), "lang_url": lang_url}


def lang_url(locale_id: str) -> str:
    """This page's address in another language (keeps every other query argument)."""
    from urllib.parse import urlencode

    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"] + [("lang", locale_id)]
    return f"{request.path}?{urlencode(args)}"
