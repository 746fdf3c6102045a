"""The plan store on a real database: SQLite and PostgreSQL."""
from __future__ import annotations

import math
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from app.db import get_engine
from app.plans import store
from app.plans.models import Plan, PlanAnswer, utcnow


@pytest.fixture
def db_app(create_app_for, database_url):
    return create_app_for(database_url)


def test_plan_ids_are_unguessable():
    ids = {store.new_plan_id() for _ in range(2000)}
    assert len(ids) == 2000
    # token_urlsafe(16): 22 characters of a 64-letter alphabet = 128 random bits
    assert all(len(i) == 22 for i in ids)
    assert 22 * math.log2(64) >= 128


def test_answers_and_drafts_round_trip(db_app):
    with db_app.test_request_context("/"):
        plan = store.get_or_create_plan()
        store.save_draft(plan, "inventera.home", {"municipality": "Lu", "max_commute": "tjugo"})
        assert store.draft_for(plan, "inventera.home") == {"municipality": "Lu", "max_commute": "tjugo"}
        assert store.answers_for(plan, "inventera.home") == {}
        store.save_answers(plan, "inventera.home", {"municipality": "Luleå", "max_commute": 20})
        assert store.draft_for(plan, "inventera.home") is None, "a valid answer supersedes the draft"
        store.save_answers(plan, "inventera.home", {"municipality": "Luleå", "max_commute": 25})
        assert store.all_answers(plan) == {"inventera.home": {"municipality": "Luleå", "max_commute": 25}}
        plan_id = plan.id
    with Session(get_engine(db_app)) as db:
        rows = db.exec(select(PlanAnswer).where(PlanAnswer.plan_id == plan_id)).all()
        assert [(r.step, r.is_draft) for r in rows] == [("inventera.home", False)]


def test_resume_code_restores_the_plan_in_another_session(db_app):
    with db_app.test_request_context("/"):
        plan = store.get_or_create_plan()
        store.save_answers(plan, "upptacka.goal", {"goal": "study"})
        issued = store.issue_resume_code(plan)
        plan_id = plan.id
    code = issued.code
    assert len(code) == 11 and code[5] == "-"
    assert not set(code.replace("-", "")) & set("0O1IL")
    with db_app.test_request_context("/"):
        restored = store.resume(code.lower().replace("-", " "))
        assert restored.id == plan_id
        assert store.answers_for(store.current_plan(), "upptacka.goal") == {"goal": "study"}


def test_only_a_hash_of_the_code_is_stored(db_app):
    with db_app.test_request_context("/"):
        plan = store.get_or_create_plan()
        issued = store.issue_resume_code(plan)
    with Session(get_engine(db_app)) as db:
        stored = db.get(Plan, plan.id)
        assert stored.resume_code_hash and issued.code.replace("-", "") not in stored.resume_code_hash


def test_a_new_code_replaces_the_old(db_app):
    with db_app.test_request_context("/"):
        plan = store.get_or_create_plan()
        first = store.issue_resume_code(plan)
        store.issue_resume_code(plan)
        with pytest.raises(store.ResumeCodeError) as err:
            store.find_by_resume_code(first.code)
        assert err.value.reason == "unknown"


@pytest.mark.parametrize("raw,reason", [("", "malformed"), ("ABCDE", "malformed"), ("ABCDE-FGHJ0", "malformed"),
                                        ("abcde-fghjkx", "malformed"), ("ABCDE-FGHJK", "unknown")])
def test_bad_codes_say_why(db_app, raw, reason):
    with db_app.test_request_context("/"):
        with pytest.raises(store.ResumeCodeError) as err:
            store.find_by_resume_code(raw)
        assert err.value.reason == reason


def test_expired_code(db_app):
    with db_app.test_request_context("/"):
        plan = store.get_or_create_plan()
        issued = store.issue_resume_code(plan)
        plan.resume_code_expires_at = utcnow() - timedelta(minutes=1)
        db = store._db()
        db.add(plan)
        db.commit()
        with pytest.raises(store.ResumeCodeError) as err:
            store.find_by_resume_code(issued.code)
        assert err.value.reason == "expired"


def test_delete_plan_removes_everything(db_app):
    with db_app.test_request_context("/"):
        plan = store.get_or_create_plan()
        store.save_answers(plan, "upptacka.goal", {"goal": "study"})
        store.save_draft(plan, "inventera.home", {"municipality": "x"})
        plan_id = plan.id
        store.delete_plan(plan)
        assert store.current_plan() is None
    with Session(get_engine(db_app)) as db:
        assert db.get(Plan, plan_id) is None
        assert db.exec(select(PlanAnswer).where(PlanAnswer.plan_id == plan_id)).all() == []


def test_purge_removes_only_untouched_plans(db_app):
    with db_app.test_request_context("/"):
        old = store.get_or_create_plan()
        store.save_answers(old, "upptacka.goal", {"goal": "study"})
        old.updated_at = utcnow() - timedelta(days=400)
        db = store._db()
        db.add(old)
        db.commit()
        old_id = old.id
    with db_app.test_request_context("/"):
        fresh = store.get_or_create_plan()
        store.save_answers(fresh, "upptacka.goal", {"goal": "job_soon"})
        fresh_id = fresh.id
    result = db_app.test_cli_runner().invoke(args=["plans", "purge", "--days", "365"])
    assert result.exit_code == 0, result.output
    with Session(get_engine(db_app)) as db:
        assert db.get(Plan, old_id) is None
        assert db.exec(select(PlanAnswer).where(PlanAnswer.plan_id == old_id)).all() == []
        assert db.get(Plan, fresh_id) is not None


def test_database_errors_never_show_answers(db_app):
    import sqlalchemy as sa

    engine = get_engine(db_app)
    with pytest.raises(sa.exc.SQLAlchemyError) as err:
        with engine.connect() as conn:
            conn.execute(sa.text("INSERT INTO no_such_table VALUES (:secret)"), {"secret": "Hemligby"})
    assert "Hemligby" not in str(err.value)
