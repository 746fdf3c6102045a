"""Counsellor accounts (add, disable, reset) and sign-in sessions.

Other code asks only two things: ``current_counsellor()`` (the signed-in counsellor of this request,
or None) and the ``@counsellor_required`` decorator. Both read the counsellor's own cookie
(``COUNSELLOR_COOKIE_NAME``), never the person's session cookie.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from functools import wraps

from flask import current_app, g, redirect, request, url_for
from sqlmodel import Session, select, update

from app import sessions
from app.counsellors import passwords, totp
from app.counsellors.models import Counsellor, CounsellorSession, aware
from app.db import get_session
from app.plans.models import utcnow

PENDING_MINUTES = 10        # between the password and the second factor
TOUCH_SECONDS = 30          # last_seen_at is written at most this often


class AccountError(Exception):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


# --- operator commands ------------------------------------------------------------------------------

def add_counsellor(db: Session, email: str, name: str, organisation: str) -> tuple[Counsellor, str]:
    email = normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise AccountError("not an email address")
    if db.exec(select(Counsellor).where(Counsellor.email == email)).first():
        raise AccountError("an account with this email exists")
    password = passwords.new_password()
    counsellor = Counsellor(email=email, name=name.strip(), organisation=organisation.strip(),
                            password_hash=passwords.hash_password(password))
    db.add(counsellor)
    db.commit()
    return counsellor, password


def find(db: Session, email: str) -> Counsellor | None:
    return db.exec(select(Counsellor).where(Counsellor.email == normalise_email(email))).first()


def end_sessions(db: Session, counsellor_id: int) -> None:
    db.exec(update(CounsellorSession).where(CounsellorSession.counsellor_id == counsellor_id,
                                            CounsellorSession.ended_at.is_(None)).values(ended_at=utcnow()))


def disable(db: Session, counsellor: Counsellor) -> None:
    counsellor.disabled_at = utcnow()
    db.add(counsellor)
    end_sessions(db, counsellor.id)
    db.commit()


def enable(db: Session, counsellor: Counsellor) -> None:
    counsellor.disabled_at = None
    db.add(counsellor)
    db.commit()


def reset(db: Session, counsellor: Counsellor) -> str:
    """A new password, the second factor to be enrolled again, every session ended."""
    password = passwords.new_password()
    counsellor.password_hash = passwords.hash_password(password)
    counsellor.totp_secret = None
    counsellor.totp_last_step = 0
    db.add(counsellor)
    end_sessions(db, counsellor.id)
    db.commit()
    return password


# --- signing in ----------------------------------------------------------------------------------------

def check_password(email: str, password: str) -> Counsellor | None:
    """The active account with this email and password, else None (same time either way)."""
    db = get_session()
    counsellor = find(db, email)
    ok = passwords.verify_password(counsellor.password_hash if counsellor else None, password)
    if not ok or counsellor is None or counsellor.disabled_at is not None:
        return None
    if passwords.needs_rehash(counsellor.password_hash):
        counsellor.password_hash = passwords.hash_password(password)
        db.add(counsellor)
        db.commit()
    return counsellor


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(counsellor: Counsellor) -> str:
    """A session waiting for the second factor (or its enrolment); returns the cookie token."""
    token = secrets.token_urlsafe(32)
    stage = "password" if counsellor.totp_secret else "enrol"
    row = CounsellorSession(id=_digest(token), counsellor_id=counsellor.id, stage=stage,
                            pending_secret=None if counsellor.totp_secret else sessions.seal("totp", totp.new_secret()))
    db = get_session()
    db.add(row)
    db.commit()
    g.counsellor_token = token
    return token


def pending_session() -> CounsellorSession | None:
    """This browser's sign-in between password and second factor, if still fresh."""
    row = _session_row()
    if row is None or row.stage == "active":
        return None
    if aware(row.created_at) < utcnow() - timedelta(minutes=PENDING_MINUTES):
        return None
    return row


def pending_secret(row: CounsellorSession) -> str:
    return sessions.unseal("totp", row.pending_secret or "") or ""


def counsellor_of(row: CounsellorSession) -> Counsellor | None:
    return get_session().get(Counsellor, row.counsellor_id)


def complete_second_factor(row: CounsellorSession, code: str) -> bool:
    """Check the code (enrolling the pending secret if that is the stage); the session becomes active."""
    db = get_session()
    counsellor = db.get(Counsellor, row.counsellor_id)
    if counsellor is None or counsellor.disabled_at is not None:
        return False
    secret = pending_secret(row) if row.stage == "enrol" else sessions.unseal("totp", counsellor.totp_secret or "")
    step = totp.verify(secret or "", code, after_step=counsellor.totp_last_step) if secret else None
    if step is None:
        return False
    if row.stage == "enrol":
        counsellor.totp_secret = sessions.seal("totp", secret)
    counsellor.totp_last_step = step
    row.stage, row.pending_secret, row.last_seen_at = "active", None, utcnow()
    db.add(counsellor)
    db.add(row)
    db.commit()
    return True


def sign_out() -> None:
    row = _session_row()
    if row is not None:
        row.ended_at = utcnow()
        db = get_session()
        db.add(row)
        db.commit()
    g.counsellor_token = ""          # the cookie is cleared by the after-request hook
    g.pop("counsellor", None)


# --- the request's counsellor ------------------------------------------------------------------------

def cookie_name() -> str:
    name = current_app.config["COUNSELLOR_COOKIE_NAME"]
    return f"__Host-{name}" if sessions.is_secure(current_app) else name


def session_row() -> CounsellorSession | None:
    """The signed-in counsellor's session row (None when nobody is signed in)."""
    return _session_row() if current_counsellor() is not None else None


def enter_meeting(meeting_id: str | None) -> None:
    """Remember (or forget, with None) the meeting this counsellor works in."""
    row = session_row()
    if row is not None and row.meeting_id != meeting_id:
        row.meeting_id = meeting_id
        db = get_session()
        db.add(row)
        db.commit()


def _session_row() -> CounsellorSession | None:
    if "counsellor_session" not in g:
        token = g.get("counsellor_token") if "counsellor_token" in g else request.cookies.get(cookie_name())
        row = None
        if token and len(token) < 100:
            found = get_session().get(CounsellorSession, _digest(token))
            if found is not None and found.ended_at is None:
                row = found
        g.counsellor_session = row
    return g.counsellor_session


def current_counsellor() -> Counsellor | None:
    """The counsellor signed in on this request (both factors, not idle too long, not disabled)."""
    if "counsellor" in g:
        return g.counsellor
    g.counsellor = None
    row = _session_row()
    if row is None or row.stage != "active":
        return None
    now = utcnow()
    idle = timedelta(minutes=current_app.config["COUNSELLOR_IDLE_MINUTES"])
    longest = timedelta(hours=current_app.config["COUNSELLOR_SESSION_HOURS"])
    db = get_session()
    counsellor = db.get(Counsellor, row.counsellor_id)
    if (aware(row.last_seen_at) < now - idle or aware(row.created_at) < now - longest
            or counsellor is None or counsellor.disabled_at is not None):
        row.ended_at = now
        db.add(row)
        db.commit()
        g.counsellor_session = None
        g.counsellor_timed_out = True
        return None
    if aware(row.last_seen_at) < now - timedelta(seconds=TOUCH_SECONDS) and not getattr(g, "counsellor_passive", False):
        row.last_seen_at = now
        db.add(row)
        db.commit()
    g.counsellor = counsellor
    return counsellor


def counsellor_required(view):
    """The view runs only for a signed-in counsellor; others go to the sign-in page (401 for htmx)."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_counsellor() is None:
            if request.headers.get("HX-Request"):
                return "", 401
            timed_out = "1" if g.get("counsellor_timed_out") else None
            back = request.full_path.rstrip("?")        # keeps ?kod= from a scanned meeting QR
            return redirect(url_for("counsellors.login", next=back, slut=timed_out), 303)
        return view(*args, **kwargs)
    return wrapped


def save_cookie(response):
    """After each request: set the counsellor cookie when a sign-in started, clear it on sign-out."""
    if "counsellor_token" not in g:
        return response
    token = g.counsellor_token
    secure = sessions.is_secure(current_app)
    if token:
        response.set_cookie(cookie_name(), token, httponly=True, secure=secure, samesite="Strict", path="/")
    else:
        response.delete_cookie(cookie_name(), httponly=True, secure=secure, samesite="Strict", path="/")
    return response
