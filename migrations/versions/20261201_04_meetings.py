"""Meetings between a person and a counsellor, what happened in them, and who has seen a plan
(issue 15); the meeting a counsellor's session works in; a share link may include the profile.

Revision ID: 20261201_04_meetings
Revises: 20261201_03_counsellors
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "20261201_04_meetings"
down_revision = "20261201_03_counsellors"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting",
        sa.Column("id", sa.String(length=32), primary_key=True),
        sa.Column("plan_id", sa.String(length=32), sa.ForeignKey("plan.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=True),
        sa.Column("code_expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counsellor_id", sa.Integer(), sa.ForeignKey("counsellor.id", ondelete="SET NULL"), nullable=True),
        sa.Column("counsellor_label", sa.String(length=300), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("ended_by", sa.String(length=16), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("allowed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("changed_by", sa.String(length=16), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("person_locale", sa.String(length=16), nullable=False),
        sa.Column("screen", sa.JSON(), nullable=False),
    )
    op.create_index("ix_meeting_plan_id", "meeting", ["plan_id"])
    op.create_index("ix_meeting_code_hash", "meeting", ["code_hash"], unique=True)
    op.create_index("ix_meeting_counsellor_id", "meeting", ["counsellor_id"])
    op.create_index("ix_meeting_state", "meeting", ["state"])
    op.create_table(
        "meeting_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.String(length=32), sa.ForeignKey("meeting.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
    )
    op.create_index("ix_meeting_event_meeting_id", "meeting_event", ["meeting_id"])
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("plan_id", sa.String(length=32), sa.ForeignKey("plan.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.Column("who", sa.String(length=300), nullable=False),
        sa.Column("meeting_id", sa.String(length=32), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("area", sa.String(length=40), nullable=False),
    )
    op.create_index("ix_audit_entry_plan_id", "audit_entry", ["plan_id"])
    with op.batch_alter_table("counsellor_session") as batch:
        batch.add_column(sa.Column("meeting_id", sa.String(length=32), nullable=True))
    with op.batch_alter_table("share") as batch:
        batch.add_column(sa.Column("include_profile", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("share") as batch:
        batch.drop_column("include_profile")
    with op.batch_alter_table("counsellor_session") as batch:
        batch.drop_column("meeting_id")
    op.drop_index("ix_audit_entry_plan_id", table_name="audit_entry")
    op.drop_table("audit_entry")
    op.drop_index("ix_meeting_event_meeting_id", table_name="meeting_event")
    op.drop_table("meeting_event")
    for name in ("ix_meeting_state", "ix_meeting_counsellor_id", "ix_meeting_code_hash", "ix_meeting_plan_id"):
        op.drop_index(name, table_name="meeting")
    op.drop_table("meeting")
