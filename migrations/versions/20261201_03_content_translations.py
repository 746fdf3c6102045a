"""Content in the person's language (issue 14): the glossary of Swedish guidance and financing
words, and the content translations (curated groups, taxonomy occupation names and skills,
glossary terms per locale) that `flask content load` writes from app/content/files/translations/.

Revision ID: 20261201_03_content_translations
Revises: 20261201_02_hardening
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "20261201_03_content_translations"
down_revision = "20261201_02_hardening"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "glossary_term",
        sa.Column("key", sa.String(length=64), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("term", sa.JSON(), nullable=True),
        sa.Column("text", sa.JSON(), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=True),
        sa.Column("source_url", sa.String(), nullable=True),
        sa.Column("source_name", sa.String(), nullable=True),
    )
    op.create_table(
        "content_translation",
        sa.Column("locale", sa.String(length=16), primary_key=True),
        sa.Column("kind", sa.String(length=16), primary_key=True),
        sa.Column("key", sa.String(length=80), primary_key=True),
        sa.Column("value", sa.JSON(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("content_translation")
    op.drop_table("glossary_term")
