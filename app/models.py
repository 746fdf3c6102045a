"""Every table of the app, imported in one place so Alembic and create_app see them all."""
from app.content.models import *  # noqa: F401,F403
from app.plans.models import *  # noqa: F401,F403
