"""Counsellors' editing of local job tracks and employer competence profiles (issue 18)."""
from app.jobtracks.routes import init_app

__all__ = ["init_app"]
