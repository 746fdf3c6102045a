"""Local job tracks and employer competence profiles, their versions (the audit), and the
municipalities an organisation publishes for (issue 18).

Revision ID: 20261201_06_local_tracks
Revises: 20261201_05_meetings
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "20261201_06_local_tracks"
down_revision = "20261201_05_meetings"
branch_labels = None
depends_on = None


def _item(name: str) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("ssyk", sa.String(length=4), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("doc", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(f"ix_{name}_organisation", name, ["organisation"])
    op.create_index(f"ix_{name}_ssyk", name, ["ssyk"])


def upgrade() -> None:
    _item("job_track")
    _item("employer_profile")
    op.create_table(
        "local_item_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("doc", sa.JSON(), nullable=False),
        sa.Column("counsellor_id", sa.Integer(), nullable=True),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_local_item_version_item_id", "local_item_version", ["item_id"])
    op.create_table(
        "organisation_area",
        sa.Column("organisation", sa.String(length=300), primary_key=True),
        sa.Column("kommunkod", sa.String(length=4), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("organisation_area")
    op.drop_index("ix_local_item_version_item_id", table_name="local_item_version")
    op.drop_table("local_item_version")
    for name in ("employer_profile", "job_track"):
        op.drop_index(f"ix_{name}_ssyk", table_name=name)
        op.drop_index(f"ix_{name}_organisation", table_name=name)
        op.drop_table(name)
