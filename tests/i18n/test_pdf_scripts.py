"""The PDF in every language: each script has a font (Ethiopic for Tigrinya, Arabic for Arabic and
Dari, Cyrillic for Ukrainian), counted as missing glyphs (.notdef) = 0, never read back with
pdftotext alone (it returns text even where the page shows boxes; ../shared/browser-testing.md)."""
from __future__ import annotations

import re

import pytest

from app import exports
from app.i18n import SUPPORTED_LOCALES, LocaleInfo
from tests.test_exports import give_plan, missing_glyphs

# A line in each language's script (its own name and the word for "plan" or a short phrase).
SAMPLES = {
    "sv": "Svenska – din plan för vägen till jobb, 31 december 2026",
    "sv@lattlast": "Lättläst svenska – så här gör du",
    "en": "English – your plan",
    "ar": "العربية – خطتك للوصول إلى عمل",
    "so": "Soomaali – qorshahaaga shaqada",
    "ti": "ትግርኛ – ናብ ስራሕ ዘብጽሕ መደብካ",
    "fa_AF": "دری – پلان شما برای رسیدن به کار",
    "uk": "Українська – ваш план шляху до роботи",
}
# The script a translated PDF must show (Latin-script languages need nothing more than DejaVu).
SCRIPT = {"ar": r"[\u0600-\u06ff]", "fa_AF": r"[\u0600-\u06ff]", "ti": r"[\u1200-\u137f]", "uk": r"[\u0400-\u04ff]"}


def test_every_language_has_a_sample():
    assert set(SAMPLES) == set(SUPPORTED_LOCALES)


@pytest.mark.parametrize("locale_id", SUPPORTED_LOCALES)
def test_each_script_has_a_font(locale_id):
    info = LocaleInfo.for_id(locale_id)
    html = (f'<!doctype html><html lang="{info.lang_tag}" dir="{info.dir}"><body><h1>{SAMPLES[locale_id]}</h1>'
            f"<p>{SAMPLES[locale_id]}</p></body></html>")
    text, missing = missing_glyphs(exports.html_to_pdf(html))
    assert missing == 0
    assert SAMPLES[locale_id].split(" – ")[0] in text


@pytest.mark.parametrize("locale_id", SUPPORTED_LOCALES)
def test_plan_pdf_in_every_language(client, locale_id):
    """The real plan PDF: no missing glyph, and in the language's own script once translated (this
    fails for a language whose catalogue is still empty: its PDF would be English)."""
    give_plan(client)
    response = client.get("/agera/plan.pdf", query_string={"lang": locale_id})
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text, missing = missing_glyphs(response.get_data())
    assert missing == 0
    if locale_id in SCRIPT:
        assert len(re.findall(SCRIPT[locale_id], text)) > 100, f"the {locale_id} PDF is not in its script"
