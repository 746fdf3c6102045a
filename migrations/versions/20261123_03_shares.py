"""Shares: read-only links to a plan, given by consent (how long, with or without notes).

Revision ID: 20261123_03_shares
Revises: 20261123_02_catalogue
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "20261123_03_shares"
down_revision = "20261123_02_catalogue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "share",
        sa.Column("id", sa.String(length=32), primary_key=True),
        sa.Column("plan_id", sa.String(length=32), sa.ForeignKey("plan.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("include_notes", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_share_plan_id", "share", ["plan_id"])


def downgrade() -> None:
    op.drop_index("ix_share_plan_id", table_name="share")
    op.drop_table("share")
