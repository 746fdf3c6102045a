"""Making a PDF is the costliest thing a person can ask for (seconds of a worker for a long plan),
so every PDF route goes through ``make``: from a cache while what it shows is unchanged (the same
content, language and day), one at a time across the workers on this machine (a file lock: the
others keep serving pages), and at most RATELIMIT_PDF per plan and RATELIMIT_PDF_ALL in all."""
from __future__ import annotations

from typing import Any, Callable

from flask import abort, current_app, render_template
from flask_babel import get_locale
from flask_babel import gettext as _

from app import clock, exports, limits

CACHE = exports.PdfCache()


def make(owner_id: str, parts: Any, html: Callable[[], str]):
    """The PDF's bytes, or a response to return instead (503 while another PDF is being made);
    429 when the limits are reached. ``parts`` is everything the PDF shows."""
    key = CACHE.key(parts, str(get_locale()), clock.today().isoformat())
    body = CACHE.get(key)
    if body is not None:
        return body
    with limits.exclusive("pdf") as mine:
        if not mine:
            return busy()
        if not (limits.hit(current_app.config["RATELIMIT_PDF"], "pdf", owner_id)
                and limits.hit(current_app.config["RATELIMIT_PDF_ALL"], "pdf-all")):
            abort(429)
        body = exports.html_to_pdf(html())
        CACHE.put(key, body)
    return body


def busy():
    return render_template("errors/error.html", page_heading=_("Another PDF is being made"),
                           text=_("PDFs are made one at a time. Try again in a few seconds.")), 503, {
        "Retry-After": "5", "Cache-Control": "no-store"}
