"""Rate limits (Flask-Limiter): only where guessing is possible (resume codes, later share links)."""
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address, default_limits=[])
