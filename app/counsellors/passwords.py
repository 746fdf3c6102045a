"""Passwords: argon2id (argon2-cffi's defaults, RFC 9106's low-memory profile), rehashed on sign-in
when the parameters change."""
from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()
# Verified against when the email is unknown, so a wrong address costs the same time as a wrong password.
_DUMMY = _hasher.hash(secrets.token_urlsafe(16))
MIN_LENGTH = 12


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _hasher.check_needs_rehash(stored)


def new_password() -> str:
    """A first (or reset) password for the operator to hand over: 20 characters, 120 bits."""
    return secrets.token_urlsafe(15)
