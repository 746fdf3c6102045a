"""Counsellor accounts: argon2 hashing, TOTP, sign-in, lock-out, disable, reset, timeout, sign-out."""
from __future__ import annotations

from datetime import timedelta

from app.counsellors import accounts, totp
from app.plans.models import utcnow
from tests.conftest import csrf_token
from tests.counsellor_fixtures import enrolled_secret, pending_secret, post_password, row_for, sign_in
from tests.pages import assert_page_invariants

GENERIC = "e-postadressen eller lösenordet är fel"


def test_totp_matches_rfc_6238_vectors():
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"          # "12345678901234567890"
    assert totp.code_at(secret, 59 // 30) == "287082"
    assert totp.code_at(secret, 1111111109 // 30) == "081804"
    assert totp.verify(secret, "081 804", now=1111111109) == 1111111109 // 30
    assert totp.verify(secret, "081804", now=1111111109 + 90) is None          # two steps late
    assert totp.verify(secret, "081804", now=1111111109, after_step=1111111109 // 30) is None   # used


def test_add_hashes_the_password_with_argon2id(app, counsellor):
    email, password = counsellor
    row = row_for(app, email)
    assert row.password_hash.startswith("$argon2id$") and password not in row.password_hash
    assert row.totp_secret is None


def test_add_refuses_a_second_account_with_the_same_email(app, counsellor):
    result = app.test_cli_runner().invoke(args=["counsellors", "add", counsellor[0].upper(), "--name", "X",
                                                "--organisation", "Y"])
    assert result.exit_code != 0 and "exists" in result.output


def test_first_sign_in_enrols_totp_by_qr_then_shows_the_start_page(app, client, counsellor):
    email, password = counsellor
    assert client.get("/radgivare/").status_code == 303
    response = post_password(client, email, password)
    assert response.headers["Location"].startswith("/radgivare/kod")
    page = client.get("/radgivare/kod")
    doc = assert_page_invariants(page)
    img = doc.find("img", class_="qr")
    assert img["src"].startswith("data:image/svg+xml") and img.get("alt")
    assert client.get("/radgivare/").status_code == 303          # not signed in before the code
    sign_code = totp.code_at(pending_secret(app), totp.current_step())
    response = client.post("/radgivare/kod", data={"csrf_token": csrf_token(client, "/radgivare/kod"),
                                                   "code": sign_code})
    assert response.status_code == 303
    home = client.get("/radgivare/")
    assert home.status_code == 200 and "Anna Svensson" in home.get_data(as_text=True)
    assert_page_invariants(home)
    assert row_for(app, email).totp_secret and enrolled_secret(app, email)


def test_the_same_code_cannot_be_used_twice(app, create_app_for, counsellor):
    email, password = counsellor
    first = app.test_client()
    sign_in(app, first, email, password)
    used = row_for(app, email).totp_last_step
    other = app.test_client()
    post_password(other, email, password)
    response = other.post("/radgivare/kod", data={"csrf_token": csrf_token(other, "/radgivare/kod"),
                                                  "code": totp.code_at(enrolled_secret(app, email), used)})
    assert response.status_code == 422
    assert "redan använts" in response.get_data(as_text=True)


def test_a_wrong_password_and_an_unknown_email_get_the_same_message(client, counsellor):
    email, _password = counsellor
    wrong = post_password(client, email, "not-the-password")
    unknown = post_password(client, "nobody@example.se", "not-the-password")
    assert wrong.status_code == unknown.status_code == 422
    assert GENERIC in wrong.get_data(as_text=True) and GENERIC in unknown.get_data(as_text=True)
    assert 'value="not-the-password"' not in wrong.get_data(as_text=True)     # password never echoed
    assert f'value="{email}"' in wrong.get_data(as_text=True)                  # email kept


def test_an_empty_form_gets_messages_at_the_fields(client):
    response = client.post("/radgivare/logga-in", data={"csrf_token": csrf_token(client, "/radgivare/logga-in")})
    assert response.status_code == 422
    doc = assert_page_invariants(response)
    assert doc.find(id="email-error") and doc.find(id="password-error")


def test_failed_sign_ins_lock_the_account_even_with_the_right_password(client, counsellor):
    email, password = counsellor
    for _ in range(5):
        assert post_password(client, email, "wrong-password-123").status_code == 422
    locked = post_password(client, email, password)
    assert locked.status_code == 429
    assert "Vänta 15 minuter" in locked.get_data(as_text=True)


def test_failed_sign_ins_are_limited_per_address_across_accounts(create_app_for, counsellor):
    app = create_app_for(RATELIMIT_COUNSELLOR_ADDRESS="3 per hour")
    client = app.test_client()
    for n in range(3):
        assert post_password(client, f"guess{n}@example.se", "wrong-password-123").status_code == 422
    assert post_password(client, "another@example.se", "wrong-password-123").status_code == 429


def test_disable_ends_the_session_and_refuses_sign_in(app, client, counsellor):
    email, password = counsellor
    sign_in(app, client, email, password)
    assert client.get("/radgivare/").status_code == 200
    result = app.test_cli_runner().invoke(args=["counsellors", "disable", email])
    assert result.exit_code == 0
    assert client.get("/radgivare/").status_code == 303
    assert post_password(client, email, password).status_code == 422
    app.test_cli_runner().invoke(args=["counsellors", "enable", email])
    assert post_password(client, email, password).status_code == 303


def test_reset_gives_a_new_password_and_a_new_second_factor(app, client, counsellor):
    email, password = counsellor
    sign_in(app, client, email, password)
    result = app.test_cli_runner().invoke(args=["counsellors", "reset", email])
    new_password = result.output.rsplit(": ", 1)[1].strip()
    assert client.get("/radgivare/").status_code == 303                       # sessions ended
    assert post_password(app.test_client(), email, password).status_code == 422
    assert row_for(app, email).totp_secret is None
    sign_in(app, app.test_client(), email, new_password)


def test_inactivity_signs_out(app, client, counsellor, monkeypatch):
    email, password = counsellor
    sign_in(app, client, email, password)
    assert client.get("/radgivare/").status_code == 200
    later = utcnow() + timedelta(minutes=app.config["COUNSELLOR_IDLE_MINUTES"] + 1)
    monkeypatch.setattr(accounts, "utcnow", lambda: later)
    response = client.get("/radgivare/")
    assert response.status_code == 303 and "slut=1" in response.headers["Location"]
    monkeypatch.undo()
    assert client.get("/radgivare/").status_code == 303                       # ended for good


def test_sign_out_ends_the_session_on_the_server(app, client, counsellor):
    email, password = counsellor
    sign_in(app, client, email, password)
    name = app.config["COUNSELLOR_COOKIE_NAME"]
    token = client.get_cookie(name).value
    response = client.post("/radgivare/logga-ut", data={"csrf_token": csrf_token(client, "/radgivare/")})
    assert response.status_code == 303
    copy = app.test_client()
    copy.set_cookie(name, token)
    assert copy.get("/radgivare/").status_code == 303                         # a copied cookie is dead


def test_the_counsellor_cookie_is_its_own_and_strict(app, client, counsellor):
    email, password = counsellor
    response = post_password(client, email, password)
    header = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(app.config["COUNSELLOR_COOKIE_NAME"])]
    assert header and "HttpOnly" in header[0] and "SameSite=Strict" in header[0]
    assert app.config["COUNSELLOR_COOKIE_NAME"] != app.config["SESSION_COOKIE_NAME"]


def test_counsellor_pages_follow_the_interface_language(app, client, counsellor):
    page = client.get("/radgivare/logga-in?lang=en")
    assert "Sign in as a counsellor" in page.get_data(as_text=True)
    assert_page_invariants(page, lang="en")
    page = client.get("/radgivare/logga-in?lang=ar")
    assert_page_invariants(page, lang="ar", dir="rtl")
