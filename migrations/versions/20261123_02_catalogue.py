"""The catalogue: SSYK, occupations, skills, keywords, SUN, educations, language levels,
financing, outlook and pay, municipalities and regions.

Revision ID: 20261123_02_catalogue
Revises: 20261123_01_plans
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "20261123_02_catalogue"
down_revision = "20261123_01_plans"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('catalogue_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('education',
    sa.Column('source_url', sa.String(), nullable=True),
    sa.Column('source_name', sa.String(), nullable=True),
    sa.Column('retrieved', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('formula', sa.String(), nullable=True),
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('form', sa.String(length=40), nullable=False),
    sa.Column('labels', sa.JSON(), nullable=True),
    sa.Column('description', sa.JSON(), nullable=True),
    sa.Column('provider', sa.String(), nullable=True),
    sa.Column('sun_level', sa.String(length=8), nullable=True),
    sa.Column('level', sa.String(length=40), nullable=True),
    sa.Column('weeks', sa.Integer(), nullable=True),
    sa.Column('pace_options', sa.JSON(), nullable=True),
    sa.Column('cost_sek', sa.Integer(), nullable=True),
    sa.Column('entry_requirements', sa.JSON(), nullable=True),
    sa.Column('language_requirement', sa.String(length=32), nullable=True),
    sa.Column('language_integrated', sa.Boolean(), nullable=False),
    sa.Column('gives_language_level', sa.String(length=32), nullable=True),
    sa.Column('where_scope', sa.String(length=24), nullable=False),
    sa.Column('distance', sa.Boolean(), nullable=False),
    sa.Column('financing', sa.JSON(), nullable=True),
    sa.Column('apply_url', sa.String(), nullable=True),
    sa.Column('extra', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('education', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_education_form'), ['form'], unique=False)

    op.create_table('financing_scheme',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('provider', sa.String(), nullable=True),
    sa.Column('name', sa.JSON(), nullable=True),
    sa.Column('summary', sa.JSON(), nullable=True),
    sa.Column('apply_url', sa.String(), nullable=True),
    sa.Column('repealed', sa.Boolean(), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('keyword',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('language_level',
    sa.Column('source_url', sa.String(), nullable=True),
    sa.Column('source_name', sa.String(), nullable=True),
    sa.Column('retrieved', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('formula', sa.String(), nullable=True),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('family', sa.String(length=32), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('cefr', sa.String(length=16), nullable=True),
    sa.Column('labels', sa.JSON(), nullable=True),
    sa.Column('can_do', sa.JSON(), nullable=True),
    sa.Column('course', sa.JSON(), nullable=True),
    sa.Column('extra', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('occupation_group',
    sa.Column('ssyk', sa.String(length=4), nullable=False),
    sa.Column('concept_id', sa.String(length=32), nullable=True),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('definition', sa.String(), nullable=False),
    sa.Column('parent_code', sa.String(length=3), nullable=True),
    sa.Column('in_taxonomy', sa.Boolean(), nullable=False),
    sa.Column('curated', sa.Boolean(), nullable=False),
    sa.Column('labels', sa.JSON(), nullable=True),
    sa.Column('description', sa.JSON(), nullable=True),
    sa.Column('work_demands', sa.JSON(), nullable=True),
    sa.Column('riasec', sa.JSON(), nullable=True),
    sa.Column('education_required', sa.String(), nullable=True),
    sa.Column('typical_education_weeks', sa.Integer(), nullable=True),
    sa.Column('language_requirement', sa.String(length=32), nullable=True),
    sa.Column('education_routes', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('ssyk'),
    sa.UniqueConstraint('concept_id')
    )
    op.create_table('prisbasbelopp',
    sa.Column('source_url', sa.String(), nullable=True),
    sa.Column('source_name', sa.String(), nullable=True),
    sa.Column('retrieved', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('formula', sa.String(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year')
    )
    op.create_table('region',
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('letter', sa.String(length=2), nullable=True),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('skill',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('in_taxonomy', sa.Boolean(), nullable=False),
    sa.Column('labels', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('ssyk_level',
    sa.Column('code', sa.String(length=3), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('concept_id', sa.String(length=32), nullable=True),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('parent_code', sa.String(length=3), nullable=True),
    sa.PrimaryKeyConstraint('code'),
    sa.UniqueConstraint('concept_id')
    )
    op.create_table('sun_field',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('concept_id', sa.String(length=32), nullable=True),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('definition', sa.String(), nullable=False),
    sa.Column('parent_code', sa.String(length=8), nullable=True),
    sa.PrimaryKeyConstraint('code'),
    sa.UniqueConstraint('concept_id')
    )
    op.create_table('sun_level',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('concept_id', sa.String(length=32), nullable=True),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('definition', sa.String(), nullable=False),
    sa.Column('parent_code', sa.String(length=8), nullable=True),
    sa.PrimaryKeyConstraint('code'),
    sa.UniqueConstraint('concept_id')
    )
    op.create_table('competence',
    sa.Column('group_ssyk', sa.String(length=4), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('skill_id', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('importance', sa.Integer(), nullable=False),
    sa.Column('taxonomy_id', sa.String(length=32), nullable=True),
    sa.Column('labels', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['group_ssyk'], ['occupation_group.ssyk'], ),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], ),
    sa.PrimaryKeyConstraint('group_ssyk', 'key')
    )
    with op.batch_alter_table('competence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_competence_skill_id'), ['skill_id'], unique=False)

    op.create_table('education_gives',
    sa.Column('education_id', sa.String(length=80), nullable=False),
    sa.Column('group_ssyk', sa.String(length=4), nullable=False),
    sa.Column('competence_key', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['education_id'], ['education.id'], ),
    sa.PrimaryKeyConstraint('education_id', 'group_ssyk', 'competence_key')
    )
    op.create_table('education_leads_to',
    sa.Column('education_id', sa.String(length=80), nullable=False),
    sa.Column('group_ssyk', sa.String(length=4), nullable=False),
    sa.ForeignKeyConstraint(['education_id'], ['education.id'], ),
    sa.PrimaryKeyConstraint('education_id', 'group_ssyk')
    )
    op.create_table('financing_amount',
    sa.Column('source_url', sa.String(), nullable=True),
    sa.Column('source_name', sa.String(), nullable=True),
    sa.Column('retrieved', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('formula', sa.String(), nullable=True),
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('scheme_id', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('pace', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=40), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=True),
    sa.Column('qualifiers', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['scheme_id'], ['financing_scheme.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('financing_amount', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_financing_amount_scheme_id'), ['scheme_id'], unique=False)

    op.create_table('financing_rule',
    sa.Column('source_url', sa.String(), nullable=True),
    sa.Column('source_name', sa.String(), nullable=True),
    sa.Column('retrieved', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('formula', sa.String(), nullable=True),
    sa.Column('scheme_id', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('description', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['scheme_id'], ['financing_scheme.id'], ),
    sa.PrimaryKeyConstraint('scheme_id', 'key')
    )
    op.create_table('group_skill',
    sa.Column('group_ssyk', sa.String(length=4), nullable=False),
    sa.Column('skill_id', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['group_ssyk'], ['occupation_group.ssyk'], ),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], ),
    sa.PrimaryKeyConstraint('group_ssyk', 'skill_id')
    )
    with op.batch_alter_table('group_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_skill_skill_id'), ['skill_id'], unique=False)

    op.create_table('keyword_relation',
    sa.Column('keyword_id', sa.String(length=32), nullable=False),
    sa.Column('target_id', sa.String(length=32), nullable=False),
    sa.Column('target_type', sa.String(length=40), nullable=False),
    sa.Column('target_label', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['keyword_id'], ['keyword.id'], ),
    sa.PrimaryKeyConstraint('keyword_id', 'target_id')
    )
    with op.batch_alter_table('keyword_relation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_keyword_relation_target_id'), ['target_id'], unique=False)

    op.create_table('municipality',
    sa.Column('kommunkod', sa.String(length=4), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('slug', sa.String(length=64), nullable=False),
    sa.Column('lan_code', sa.String(length=2), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['lan_code'], ['region.code'], ),
    sa.PrimaryKeyConstraint('kommunkod'),
    sa.UniqueConstraint('slug')
    )
    with op.batch_alter_table('municipality', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_municipality_lan_code'), ['lan_code'], unique=False)

    op.create_table('occupation_name',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('group_ssyk', sa.String(length=4), nullable=False),
    sa.Column('no_education_required', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['group_ssyk'], ['occupation_group.ssyk'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('occupation_name', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_occupation_name_group_ssyk'), ['group_ssyk'], unique=False)

    op.create_table('occupation_outlook',
    sa.Column('source_url', sa.String(), nullable=True),
    sa.Column('source_name', sa.String(), nullable=True),
    sa.Column('retrieved', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('formula', sa.String(), nullable=True),
    sa.Column('group_ssyk', sa.String(length=4), nullable=False),
    sa.Column('job_chances', sa.String(length=40), nullable=True),
    sa.Column('recruitment', sa.String(length=40), nullable=True),
    sa.Column('five_year', sa.String(length=40), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['group_ssyk'], ['occupation_group.ssyk'], ),
    sa.PrimaryKeyConstraint('group_ssyk')
    )
    op.create_table('occupation_pay',
    sa.Column('source_url', sa.String(), nullable=True),
    sa.Column('source_name', sa.String(), nullable=True),
    sa.Column('retrieved', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('formula', sa.String(), nullable=True),
    sa.Column('group_ssyk', sa.String(length=4), nullable=False),
    sa.Column('monthly_average', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['group_ssyk'], ['occupation_group.ssyk'], ),
    sa.PrimaryKeyConstraint('group_ssyk')
    )
    op.create_table('education_municipality',
    sa.Column('education_id', sa.String(length=80), nullable=False),
    sa.Column('kommunkod', sa.String(length=4), nullable=False),
    sa.ForeignKeyConstraint(['education_id'], ['education.id'], ),
    sa.ForeignKeyConstraint(['kommunkod'], ['municipality.kommunkod'], ),
    sa.PrimaryKeyConstraint('education_id', 'kommunkod')
    )


def downgrade() -> None:
    op.drop_table('education_municipality')
    op.drop_table('occupation_pay')
    op.drop_table('occupation_outlook')
    with op.batch_alter_table('occupation_name', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_occupation_name_group_ssyk'))

    op.drop_table('occupation_name')
    with op.batch_alter_table('municipality', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_municipality_lan_code'))

    op.drop_table('municipality')
    with op.batch_alter_table('keyword_relation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_keyword_relation_target_id'))

    op.drop_table('keyword_relation')
    with op.batch_alter_table('group_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_skill_skill_id'))

    op.drop_table('group_skill')
    op.drop_table('financing_rule')
    with op.batch_alter_table('financing_amount', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_financing_amount_scheme_id'))

    op.drop_table('financing_amount')
    op.drop_table('education_leads_to')
    op.drop_table('education_gives')
    with op.batch_alter_table('competence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_competence_skill_id'))

    op.drop_table('competence')
    op.drop_table('sun_level')
    op.drop_table('sun_field')
    op.drop_table('ssyk_level')
    op.drop_table('skill')
    op.drop_table('region')
    op.drop_table('prisbasbelopp')
    op.drop_table('occupation_group')
    op.drop_table('language_level')
    op.drop_table('keyword')
    op.drop_table('financing_scheme')
    with op.batch_alter_table('education', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_education_form'))

    op.drop_table('education')
    op.drop_table('catalogue_meta')
