"""The session cookie: signed (Flask), Secure with the ``__Host-`` prefix whenever the request is
HTTPS (or SESSION_COOKIE_SECURE says so), never sent with static files, and nothing secret in it in
clear: a resume code on its way from ``POST /spara`` to the page that shows it is encrypted with a
key only the server has.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from flask import Flask, current_app, has_request_context, request
from flask.sessions import SecureCookieSessionInterface

STATIC_ENDPOINTS = {"static"}


def _secure(app: Flask) -> bool:
    return bool(app.config.get("SESSION_COOKIE_SECURE")) or (has_request_context() and request.is_secure)


is_secure = _secure       # the counsellor cookie follows the same rule (app.counsellors.accounts)


class SessionInterface(SecureCookieSessionInterface):
    def get_cookie_name(self, app: Flask) -> str:
        name = app.config["SESSION_COOKIE_NAME"]
        return f"__Host-{name}" if _secure(app) else name

    def get_cookie_secure(self, app: Flask) -> bool:
        return _secure(app)

    def get_cookie_domain(self, app: Flask) -> str | None:
        return None if _secure(app) else super().get_cookie_domain(app)     # __Host-: no Domain

    def get_cookie_path(self, app: Flask) -> str:
        return "/" if _secure(app) else super().get_cookie_path(app)        # __Host-: Path=/

    def save_session(self, app, session, response) -> None:
        if has_request_context() and request.endpoint in STATIC_ENDPOINTS:
            return                          # a file is the same for everyone: no cookie with it
        super().save_session(app, session, response)


# --- a secret in the cookie, encrypted -------------------------------------------------------------------
# XOR with a keystream from HMAC-SHA256(SECRET_KEY, purpose, nonce): a PRF-based stream cipher, with a
# fresh random nonce per value. The cookie's signature already guards integrity.

def _keystream(purpose: str, nonce: bytes, length: int) -> bytes:
    key = current_app.config["SECRET_KEY"].encode()
    out, counter = b"", 0
    while len(out) < length:
        out += hmac.new(key, b"%s|%s|%d" % (purpose.encode(), nonce, counter), hashlib.sha256).digest()
        counter += 1
    return out[:length]


def seal(purpose: str, text: str) -> str:
    nonce = secrets.token_bytes(16)
    data = text.encode()
    cipher = bytes(a ^ b for a, b in zip(data, _keystream(purpose, nonce, len(data))))
    return base64.urlsafe_b64encode(nonce + cipher).decode()


def unseal(purpose: str, sealed: str) -> str | None:
    try:
        raw = base64.urlsafe_b64decode(sealed.encode())
    except (ValueError, TypeError):
        return None
    nonce, cipher = raw[:16], raw[16:]
    if len(nonce) != 16:
        return None
    try:
        return bytes(a ^ b for a, b in zip(cipher, _keystream(purpose, nonce, len(cipher)))).decode()
    except UnicodeDecodeError:
        return None


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
