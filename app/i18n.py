"""Languages: which exist, how one is chosen, and what a page needs to know about it.

Adding a language: `flask i18n init <id>` creates its catalogue, translate it (and the content
files, docs/TRANSLATIONS.md), then add one line to SUPPORTED_LOCALES below. Nothing else changes.
"""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.support import Translations
from flask import Flask, g, render_template, request, session
from flask_babel import Babel, Domain, LazyString, get_locale
from flask_babel import _get_current_context as _babel_context


@dataclass(frozen=True)
class Language:
    label: str                      # the language's own name, in its own script
    fallback: str | None = None     # a locale whose catalogue fills this one's gaps (lättläst -> sv)
    tag: str | None = None          # BCP 47 for lang="" when the Babel id is not the language itself
    also: tuple[str, ...] = ()      # more codes accepted in ?lang= and Accept-Language


# id (Babel locale and catalogue directory) -> the language. Dari has no locale of its own in
# Babel/CLDR: its catalogue is Babel's fa_AF (Persian of Afghanistan: plural rule, numbers, dates,
# rtl), its pages say lang="prs" and its address is ?lang=prs (fa_AF and fa-AF work too).
SUPPORTED_LOCALES: dict[str, Language] = {
    "sv": Language("Svenska"),
    "sv@lattlast": Language("Lättläst svenska", fallback="sv"),
    "en": Language("English"),
    "ar": Language("العربية"),
    "so": Language("Soomaali"),
    "ti": Language("ትግርኛ"),
    "fa_AF": Language("دری", tag="prs", also=("fa-AF",)),
    "uk": Language("Українська"),
}
DEFAULT_LOCALE = "sv"


@dataclass(frozen=True)
class LocaleInfo:
    id: str          # our locale id, e.g. "sv@lattlast", "fa_AF"
    lang_tag: str    # BCP 47 for the lang attribute ("sv" for lättläst, "prs" for Dari)
    dir: str         # "ltr" or "rtl", from Babel
    label: str       # the language's own name
    code: str        # what ?lang= carries in our links ("prs" for Dari, else the id)
    speech: str      # the language tags a read-aloud voice may have ("prs fa-AF" for Dari)

    @classmethod
    def for_id(cls, locale_id: str) -> "LocaleInfo":
        loc = Locale.parse(locale_id)
        language = SUPPORTED_LOCALES[locale_id]
        tag = language.tag or loc.language + (f"-{loc.territory}" if loc.territory else "")
        return cls(id=locale_id, lang_tag=tag, dir=loc.text_direction, label=language.label,
                   code=language.tag or locale_id, speech=" ".join((tag, *language.also)))


@lru_cache(maxsize=64)
def _info(locale_id: str, _language) -> LocaleInfo:
    """LocaleInfo.for_id, once per locale and configuration (Babel's locale data is slow to ask)."""
    return LocaleInfo.for_id(locale_id)


def all_locales() -> list[LocaleInfo]:
    return [_info(i, SUPPORTED_LOCALES[i]) for i in SUPPORTED_LOCALES]


def _codes() -> dict[str, str]:
    """Every accepted code, lower case with "-", -> locale id (built from SUPPORTED_LOCALES each time,
    so a test that removes a language removes its codes too)."""
    codes: dict[str, str] = {}
    for locale_id, language in SUPPORTED_LOCALES.items():
        for code in (locale_id, language.tag, *language.also):
            if code:
                codes[code.replace("_", "-").lower()] = locale_id
    return codes


def resolve(code: str | None) -> str | None:
    """Our locale id for a code from ?lang= ("prs", "fa_AF", "sv@lattlast"), or None."""
    if not code:
        return None
    return _codes().get(code.replace("_", "-").lower())


def negotiate(header_values) -> str | None:
    """The first language the browser asks for that we have (exact tag, then its primary language:
    "sv-SE" gives sv, "fa-AF" Dari, but "fa-IR" nothing — Persian of Iran is not offered as Dari)."""
    codes = _codes()
    for value, _quality in header_values:
        value = value.replace("_", "-").lower()
        if value == "*":
            continue
        found = codes.get(value) or codes.get(value.split("-")[0])
        if found and "@" not in found:
            return found
    return None


def select_locale() -> str:
    """Explicit ?lang=, then the stored choice, then Accept-Language, then Swedish."""
    asked = resolve(request.args.get("lang"))
    if asked:
        session["lang"] = asked
        return asked
    stored = session.get("lang")
    if stored in SUPPORTED_LOCALES:
        return stored
    return negotiate(request.accept_languages) or DEFAULT_LOCALE


def needs_language_choice() -> bool:
    """A browser that names its languages, none of which we have, with no choice made or offered
    yet: it gets the "choose your language" page once instead of silent Swedish."""
    if request.method != "GET" or request.endpoint in (None, "static") or request.headers.get("HX-Request"):
        return False
    if resolve(request.args.get("lang")) or session.get("lang") in SUPPORTED_LOCALES or session.get("lang_offered"):
        return False
    header = request.headers.get("Accept-Language", "").strip()
    if not header or (request.accept_mimetypes and not request.accept_mimetypes.accept_html):
        return False                      # no languages named, or not a page (a PDF, a calendar file)
    return negotiate(request.accept_languages) is None


def offer_language_choice():
    if not needs_language_choice():
        return None
    session["lang_offered"] = True        # once: after this page, no choice means Swedish
    from flask_babel import force_locale, gettext

    source = "Continue in this language"
    choices = []
    for info in all_locales():
        with force_locale(info.id):
            ask = gettext(source)
        # An untranslated line would be English marked as another language: leave it out.
        choices.append({"info": info, "ask": ask if ask != source or info.id == "en" else None,
                        "url": lang_url(info.code)})
    return render_template("pages/choose_language.html", choices=choices,
                           page_heading=gettext("Choose your language"))


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
            language = SUPPORTED_LOCALES.get(locale_id)
            if language and language.fallback:
                loaded.add_fallback(Translations.load(directory, [language.fallback], self.domain[0]))
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
    app.before_request(offer_language_choice)      # after the locale is chosen
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


def lang_url(code: str) -> str:
    """This page's address in another language (keeps every other query argument); `code` is a
    locale id or a code `resolve` accepts ("prs")."""
    from urllib.parse import urlencode

    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"] + [("lang", code)]
    return f"{request.path}?{urlencode(args)}"
