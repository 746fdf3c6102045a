"""Hardening (issue 13): rate-limit counters every worker shares, a session generation per plan
(so "forget me on this device" and delete revoke copied cookies), and when an answer was last
submitted (so a late autosave never replaces it).

Revision ID: 20261201_02_hardening
Revises: 20261201_01_content_order
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "20261201_02_hardening"
down_revision = "20261201_01_content_order"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_limit",
        sa.Column("key", sa.String(length=255), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_rate_limit_expires_at", "rate_limit", ["expires_at"])
    with op.batch_alter_table("plan") as batch:
        batch.add_column(sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("plan_answer") as batch:
        batch.add_column(sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plan_answer") as batch:
        batch.drop_column("submitted_at")
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("session_generation")
    op.drop_index("ix_rate_limit_expires_at", table_name="rate_limit")
    op.drop_table("rate_limit")
