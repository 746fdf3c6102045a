"""Counsellor fixtures: an account made through the operator's command, a helper that signs in
(password, then the TOTP code from the enrolled secret)."""
from __future__ import annotations

import re

import pytest
from sqlmodel import Session, select

from app import sessions
from app.counsellors import totp
from app.counsellors.models import Counsellor, CounsellorSession
from app.db import get_engine
from tests.conftest import csrf_token


@pytest.fixture
def create_counsellor(app):
    """Factory: (email, password) of a new account, made with `flask counsellors add`."""
    made = []

    def _create(email=None, name="Anna Svensson", organisation="Komvux Västerås"):
        email = email or f"anna{len(made)}-{id(made)}@example.se"
        result = app.test_cli_runner().invoke(args=["counsellors", "add", email, "--name", name,
                                                    "--organisation", organisation])
        assert result.exit_code == 0, result.output
        password = re.search(r"\(shown once\): (\S+)", result.output).group(1)
        made.append(email)
        return email, password
    return _create


@pytest.fixture
def counsellor(create_counsellor):
    return create_counsellor()


def row_for(app, email) -> Counsellor:
    with Session(get_engine(app)) as db:
        return db.exec(select(Counsellor).where(Counsellor.email == email)).one()


def pending_secret(app) -> str:
    with Session(get_engine(app)) as db, app.test_request_context():
        rows = db.exec(select(CounsellorSession).where(CounsellorSession.stage == "enrol")
                       .order_by(CounsellorSession.created_at.desc())).all()
        return sessions.unseal("totp", rows[0].pending_secret)


def enrolled_secret(app, email) -> str:
    with app.test_request_context():
        return sessions.unseal("totp", row_for(app, email).totp_secret)


def post_password(client, email, password, next=None):
    url = "/radgivare/logga-in" + (f"?next={next}" if next else "")
    return client.post(url, data={"csrf_token": csrf_token(client, "/radgivare/logga-in"),
                                  "email": email, "password": password})


def sign_in(app, client, email, password, step_offset=0):
    """Password, then a fresh TOTP code (enrolling on the first sign-in). Returns the last response."""
    first = row_for(app, email).totp_secret is None
    response = post_password(client, email, password)
    assert response.status_code == 303, response.get_data(as_text=True)
    secret = pending_secret(app) if first else enrolled_secret(app, email)
    last = row_for(app, email).totp_last_step
    step = max(totp.current_step() - 1 + step_offset, last + 1)
    response = client.post("/radgivare/kod", data={"csrf_token": csrf_token(client, "/radgivare/kod"),
                                                   "code": totp.code_at(secret, step)})
    assert response.status_code == 303, response.get_data(as_text=True)
    return response
