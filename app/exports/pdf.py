"""HTML to PDF with WeasyPrint. The stylesheet and the font configuration are parsed once per
process and reused: making them anew for every PDF was a large part of its time."""
from __future__ import annotations

import threading
from pathlib import Path

STYLESHEET = Path(__file__).with_name("pdf.css")
_prepared: tuple | None = None
_lock = threading.Lock()


def _stylesheet():
    """(CSS, FontConfiguration), built on first use (importing WeasyPrint loads Pango)."""
    global _prepared
    if _prepared is None:
        with _lock:
            if _prepared is None:
                from weasyprint import CSS
                from weasyprint.text.fonts import FontConfiguration

                fonts = FontConfiguration()
                _prepared = (CSS(filename=str(STYLESHEET), font_config=fonts), fonts)
    return _prepared


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    from weasyprint import HTML

    css, fonts = _stylesheet()
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[css], font_config=fonts)
