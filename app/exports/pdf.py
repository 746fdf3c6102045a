"""HTML to PDF with WeasyPrint (server side). Fonts come from Debian packages (docs/EXPORT.md)."""
from __future__ import annotations

from pathlib import Path

STYLESHEET = Path(__file__).with_name("pdf.css")


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    from weasyprint import CSS, HTML  # imported late: it loads Pango

    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])
