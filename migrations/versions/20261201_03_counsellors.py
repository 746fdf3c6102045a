"""Counsellor accounts and their server-side sessions (issue 15).

Revision ID: 20261201_03_counsellors
Revises: 20261201_02_hardening
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "20261201_03_counsellors"
down_revision = "20261201_02_hardening"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "counsellor",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("organisation", sa.String(length=160), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("totp_secret", sa.String(length=255), nullable=True),
        sa.Column("totp_last_step", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_counsellor_email", "counsellor", ["email"], unique=True)
    op.create_table(
        "counsellor_session",
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("counsellor_id", sa.Integer(), sa.ForeignKey("counsellor.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("pending_secret", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_counsellor_session_counsellor_id", "counsellor_session", ["counsellor_id"])


def downgrade() -> None:
    op.drop_index("ix_counsellor_session_counsellor_id", table_name="counsellor_session")
    op.drop_table("counsellor_session")
    op.drop_index("ix_counsellor_email", table_name="counsellor")
    op.drop_table("counsellor")
