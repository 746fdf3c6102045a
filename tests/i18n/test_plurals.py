"""Plural forms: every catalogue has its language's rule and the right number of forms for each
counted message, and what a page says for 1, 2, 5 and 11 comes from the form that rule picks."""
from __future__ import annotations

import gettext

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from flask_babel import force_locale

from app.cli import TRANSLATIONS
from app.i18n import SUPPORTED_LOCALES
from app.wording import sentences

COUNTS = (1, 2, 5, 11)


def _catalogue(locale_id):
    with open(TRANSLATIONS / locale_id / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh, locale=locale_id.split("@")[0])


def _index(catalog):
    return gettext.c2py(catalog.plural_expr)


@pytest.mark.parametrize("locale_id", SUPPORTED_LOCALES)
def test_catalogue_has_its_languages_plural_rule(locale_id):
    """The header's rule sorts whole numbers exactly as CLDR's categories do (Babel's own table is
    not used as the reference: it has Persian with one form, where CLDR, and our fa_AF, have two),
    and every counted message has that many forms."""
    catalog = _catalogue(locale_id)
    index = _index(catalog)
    categories = {}
    for n in range(0, 1200):
        categories.setdefault(Locale.parse(locale_id).plural_form(n), set()).add(index(n))
    assert all(len(found) == 1 for found in categories.values()), categories
    assert len(categories) == catalog.num_plurals == len({next(iter(f)) for f in categories.values()})
    counted = [m for m in catalog if m.id and isinstance(m.id, (list, tuple))]
    assert counted, "no counted messages at all"
    wrong = [m.id[0] for m in counted if not isinstance(m.string, (list, tuple)) or len(m.string) != catalog.num_plurals]
    assert not wrong, wrong[:5]


# Counted sentences as the interface builds them: (msgid, how the wording makes it for n).
def _education_fits(n):
    from app.engine import Explanation

    return sentences.explain(Explanation(key="education_fits", params={"weeks": n}), view=None)


def _weeks(n):
    from flask_babel import ngettext

    return ngettext("%(num)s week", "%(num)s weeks", n)


CASES = {"There is an education of %(num)s week, within the time you wanted.": _education_fits,
         "%(num)s week": _weeks}


@pytest.mark.parametrize("locale_id", SUPPORTED_LOCALES)
@pytest.mark.parametrize("msgid", CASES)
def test_counts_take_the_form_the_rule_picks(app, locale_id, msgid):
    catalog = _catalogue(locale_id)
    message = catalog.get(msgid)
    assert message is not None and all(message.string), f"{msgid!r} untranslated in {locale_id}"
    index = _index(catalog)
    with app.test_request_context(), force_locale(locale_id):
        for n in COUNTS:
            assert CASES[msgid](n) == message.string[index(n)] % {"num": n}, (locale_id, n)


def test_swedish_and_arabic_say_it_right(app):
    with app.test_request_context():
        with force_locale("sv"):
            assert [_weeks(n) for n in (1, 2)] == ["1 vecka", "2 veckor"]
        with force_locale("ar"):
            assert _weeks(10) == "10 أسابيع" and _weeks(11) == "11 أسبوعًا" and _weeks(2) == "أسبوعان"
