"""The anonymous plan and its answers.

Revision ID: 20261123_01_plans
Revises:
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "20261123_01_plans"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan",
        sa.Column("id", sa.String(length=32), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resume_code_hash", sa.String(length=64), nullable=True),
        sa.Column("resume_code_expires_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_plan_updated_at", "plan", ["updated_at"])
    op.create_index("ix_plan_resume_code_hash", "plan", ["resume_code_hash"], unique=True)
    op.create_table(
        "plan_answer",
        sa.Column("plan_id", sa.String(length=32), sa.ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("step", sa.String(length=80), primary_key=True),
        sa.Column("is_draft", sa.Boolean(), primary_key=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("plan_answer")
    op.drop_index("ix_plan_resume_code_hash", table_name="plan")
    op.drop_index("ix_plan_updated_at", table_name="plan")
    op.drop_table("plan")
