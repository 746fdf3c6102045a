"""Every table of the app, imported in one place so Alembic and create_app see them all."""
from app.content.models import *  # noqa: F401,F403
from app.counsellors.models import *  # noqa: F401,F403,E402
from app.limits import RateLimitCounter  # noqa: F401,E402
from app.meetings.models import *  # noqa: F401,F403,E402
from app.plans.models import *  # noqa: F401,F403
