"""Languages: which exist, how one is chosen, and what a page needs to know about it.

Adding a language: `flask i18n init <id>` creates its catalogue, translate it, then add one
line to SUPPORTED_LOCALES below. Nothing else changes.
"""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.support import Translations
from flask import Flask, g, request, session
from flask_babel import Babel, Domain, LazyString, get_locale
from flask_babel import _get_current_context as _babel_context

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


@lru_cache(maxsize=64)
def _info(locale_id: str, _language) -> LocaleInfo:
    """LocaleInfo.for_id, once per locale and configuration (Babel's locale data is slow to ask)."""
    return LocaleInfo.for_id(locale_id)


def all_locales() -> list[LocaleInfo]:
    return [_info(i, SUPPORTED_LOCALES[i]) for i in SUPPORTED_LOCALES]


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
        state = _request_state.get()
        if state is not None:
            return translations()
        return self.load_for(str(get_locale()), self.get_translations_cache(None))

    def load_for(self, locale_id: str, cache: dict):
        key = ("fallback", locale_id)
        if key not in cache:
            directory = self.translation_directories[0]
            loaded = Translations.load(directory, [locale_id], self.domain[0])
            fallback = SUPPORTED_LOCALES.get(locale_id, ("", None))[1]
            if fallback:
                loaded.add_fallback(Translations.load(directory, [fallback], self.domain[0]))
            cache[key] = loaded
        return cache[key]


# --- Translations resolved once per request ------------------------------------------------
# Flask-Babel finds the translations anew for every gettext call (several context-local lookups
# and a str() of the locale each time); a results page makes about 250 such calls. The request's
# Babel context and a per-locale table are kept in a context variable instead, set when the
# request starts and reset when it ends. `force_locale()` keeps working: it changes the context's
# locale, and the table is keyed by locale.
_request_state: ContextVar[tuple[object, dict] | None] = ContextVar("vagval_translations", default=None)


def _translations_for(locale) -> Translations:
    domain = babel_domain()
    cache = domain.get_translations_cache(None)
    return domain.load_for(str(locale), cache)


def translations():
    """The translations of the request's current locale (fast path inside a request)."""
    state = _request_state.get()
    if state is not None:
        ctx, table = state
        locale = getattr(ctx, "babel_locale", None)
        if locale is not None:
            found = table.get(locale)
            if found is None:
                found = table[locale] = _translations_for(locale)
            return found
    from flask_babel import get_translations

    return get_translations()


def gettext(string: str, **variables) -> str:
    text = translations().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    return translations().ungettext(singular, plural, num) % variables


def lazy_gettext(string: str, **variables) -> LazyString:
    return LazyString(gettext, string, **variables)


def _start_request() -> None:
    get_locale()                                  # choose the locale now (sets the Babel context)
    _request_state.set((_babel_context(), {}))


def _end_request(_exc=None) -> None:
    _request_state.set(None)


def babel_domain() -> "FallbackDomain":
    from flask import current_app

    return current_app.extensions["babel"].instance.domain_instance


def current_locale_info() -> LocaleInfo:
    info = g.get("locale_info")
    if info is None:
        locale_id = str(get_locale())
        info = g.locale_info = _info(locale_id, SUPPORTED_LOCALES.get(locale_id))
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
    app.before_request(_start_request)
    app.teardown_request(_end_request)
    # Templates resolve through the per-request table too (same signatures as Flask-Babel's).
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
    )

    @app.context_processor
    def _inject_locale():
        return {"locale_info": current_locale_info(), "all_locales": all_locales(), "lang_url": lang_url}


def lang_url(locale_id: str) -> str:
    """This page's address in another language (keeps every other query argument)."""
    from urllib.parse import urlencode

    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"] + [("lang", locale_id)]
    return f"{request.path}?{urlencode(args)}"
