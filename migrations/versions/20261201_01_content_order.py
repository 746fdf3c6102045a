"""Content order: the position of each education and competence in its content file.

The route engine tries candidates in the catalogue's order (an occupation's licences, other
educations leading to it), so the tables keep the files' order for the one read model.

Revision ID: 20261201_01_content_order
Revises: 20261123_03_shares
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "20261201_01_content_order"
down_revision = "20261123_03_shares"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("education") as batch:
        batch.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("competence") as batch:
        batch.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("competence") as batch:
        batch.drop_column("position")
    with op.batch_alter_table("education") as batch:
        batch.drop_column("position")
