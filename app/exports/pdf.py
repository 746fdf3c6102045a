"""HTML to PDF with WeasyPrint (server side). Fonts come from Debian packages (docs/EXPORT.md)."""
from __future__ import annotations


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    from weasyprint import HTML   # imported late: it loads Pango

    return HTML(string=html, base_url=base_url).write_pdf()
