"""Security from the first line: CSP with a per-request nonce, headers, cookies, CSRF, log hygiene."""
from __future__ import annotations

import secrets

from flask import Flask, g, request
from flask_wtf.csrf import CSRFProtect

from app.logs import RedactRequestLines
from app.plans.schema import MAX_FILE_BYTES

csrf = CSRFProtect()


def csp_nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def content_security_policy(nonce: str) -> str:
    return "; ".join([
        "default-src 'none'",
        f"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "manifest-src 'self'",
    ])


def _set_headers(response):
    h = response.headers
    h.setdefault("Content-Security-Policy", content_security_policy(csp_nonce()))
    h.setdefault("X-Content-Type-Options", "nosniff")
    h.setdefault("X-Frame-Options", "DENY")
    h.setdefault("Referrer-Policy", "no-referrer")
    h.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    h.setdefault("Cross-Origin-Resource-Policy", "same-origin")
    h.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
    if request.is_secure:
        h.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    # Pages hold a person's answers and are often seen on shared phones: never store them.
    if response.mimetype == "text/html" and "Cache-Control" not in h:
        h["Cache-Control"] = "no-store"
    return response


class DropQueryStrings(RedactRequestLines):
    """Request log lines keep the path but never the query string (kept name: see app.logs)."""


# The few routes that take a file larger than MAX_CONTENT_LENGTH (endpoint -> bytes). The limit is
# raised before CSRFProtect reads the body; every other request keeps the small default.
UPLOAD_LIMITS = {"agera.import_plan": MAX_FILE_BYTES + 16 * 1024}   # the plan file, and the form around it


def _body_limit() -> None:
    limit = UPLOAD_LIMITS.get(request.endpoint or "")
    if limit:
        request.max_content_length = limit


def init_app(app: Flask) -> None:
    app.before_request(_body_limit)      # before CSRFProtect's hook, which reads the form
    csrf.init_app(app)
    app.after_request(_set_headers)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
