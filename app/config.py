"""Configuration: a frozen dataclass built from the environment, with safe defaults."""
from __future__ import annotations

import os
import secrets
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"


def _bool(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    """SECRET_KEY from the environment, else a random one kept in data/ (never committed)."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = DATA_DIR / "secret_key"
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_hex(32))
    return path.read_text().strip()


@dataclass(frozen=True)
class Config:
    SECRET_KEY: str = ""
    DATABASE_URL: str = f"sqlite:///{DATA_DIR / 'vagval.sqlite3'}"
    JOBTECH_DIR: str = str(REPO_ROOT.parent / "shared" / "jobtech")
    TESTING: bool = False
    # Cookies: HttpOnly always; Secure must be switched on (SESSION_COOKIE_SECURE=true) behind HTTPS.
    SESSION_COOKIE_NAME: str = "vagval"
    SESSION_COOKIE_HTTPONLY: bool = True
    SESSION_COOKIE_SAMESITE: str = "Lax"
    SESSION_COOKIE_SECURE: bool = False
    PERMANENT_SESSION_LIFETIME: int = 60 * 60 * 24 * 180   # seconds: the plan cookie lasts 180 days
    WTF_CSRF_TIME_LIMIT: int | None = None                 # token valid for the session's life
    MAX_CONTENT_LENGTH: int = 64 * 1024                    # no form needs more
    RESUME_CODE_DAYS: int = 30
    PLAN_RETENTION_DAYS: int = 365          # `flask plans purge` removes plans untouched this long
    PROXY_FIX_HOPS: int = 0                 # trusted reverse proxies in front (X-Forwarded-*): docs/SECURITY.md
    RATELIMIT_STORAGE_URI: str = ""         # "" = the database (shared by every worker); or redis://…
    RATELIMIT_RESUME: str = "10 per minute;60 per hour"        # wrong codes, per client address
    RATELIMIT_RESUME_ALL: str = "120 per minute;3000 per hour"  # wrong codes, from everyone together
    RATELIMIT_RESUME_HALF: str = "10 per hour;30 per day"       # wrong codes that begin with the same half
    RATELIMIT_SHARE: str = "30 per minute"                      # unknown share links, per client address
    RATELIMIT_PDF: str = "6 per minute;30 per hour"             # PDFs made for one plan
    RATELIMIT_PDF_ALL: str = "12 per minute"                    # PDFs made, all plans together (one at a time)
    MAX_SHARES_PER_PLAN: int = 10                               # active links at once
    RATELIMIT_SHARE_CREATE: str = "10 per minute;50 per day"    # links made for one plan
    # Counsellors (docs/SECURITY.md): their own cookie, server-side sessions, failed sign-ins limited
    COUNSELLOR_COOKIE_NAME: str = "vagval_radgivare"
    COUNSELLOR_IDLE_MINUTES: int = 30
    COUNSELLOR_SESSION_HOURS: int = 10
    RATELIMIT_COUNSELLOR_ACCOUNT: str = "5 per 15 minutes;20 per day"   # failed sign-ins, per account
    RATELIMIT_COUNSELLOR_ADDRESS: str = "20 per 15 minutes;100 per day"  # failed sign-ins, per address
    # Meetings (docs/ARCHITECTURE.md "The joint meeting")
    MEETING_CODE_MINUTES: int = 15        # the code, and then the person's answer
    MEETING_MAX_MINUTES: int = 120
    MEETING_IDLE_MINUTES: int = 20
    RATELIMIT_MEETING_CODE: str = "10 per minute;40 per hour"   # wrong meeting codes, per counsellor and address
    BABEL_DEFAULT_LOCALE: str = "sv"
    BABEL_TRANSLATION_DIRECTORIES: str = str(REPO_ROOT / "translations")
    COMPRESS_MIMETYPES: tuple[str, ...] = ("text/html", "text/css", "text/javascript", "application/javascript",
                                           "application/json", "image/svg+xml", "text/calendar")
    COMPRESS_ALGORITHM: str = "br,gzip"
    COMPRESS_MIN_SIZE: int = 300
    SEND_FILE_MAX_AGE_DEFAULT: int = 300
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides) -> "Config":
        env = os.environ
        base = cls(
            SECRET_KEY=_secret_key(),
            DATABASE_URL=env.get("DATABASE_URL", cls.DATABASE_URL),
            JOBTECH_DIR=env.get("JOBTECH_DIR", cls.JOBTECH_DIR),
            SESSION_COOKIE_SECURE=_bool(env.get("SESSION_COOKIE_SECURE"), False),
            RATELIMIT_STORAGE_URI=env.get("RATELIMIT_STORAGE_URI", cls.RATELIMIT_STORAGE_URI),
            RATELIMIT_RESUME=env.get("RATELIMIT_RESUME", cls.RATELIMIT_RESUME),
            RATELIMIT_RESUME_ALL=env.get("RATELIMIT_RESUME_ALL", cls.RATELIMIT_RESUME_ALL),
            RATELIMIT_RESUME_HALF=env.get("RATELIMIT_RESUME_HALF", cls.RATELIMIT_RESUME_HALF),
            RATELIMIT_SHARE=env.get("RATELIMIT_SHARE", cls.RATELIMIT_SHARE),
            RATELIMIT_PDF=env.get("RATELIMIT_PDF", cls.RATELIMIT_PDF),
            RATELIMIT_PDF_ALL=env.get("RATELIMIT_PDF_ALL", cls.RATELIMIT_PDF_ALL),
            RESUME_CODE_DAYS=int(env.get("RESUME_CODE_DAYS", cls.RESUME_CODE_DAYS)),
            PLAN_RETENTION_DAYS=int(env.get("PLAN_RETENTION_DAYS", cls.PLAN_RETENTION_DAYS)),
            PROXY_FIX_HOPS=int(env.get("PROXY_FIX_HOPS", cls.PROXY_FIX_HOPS)),
        )
        return replace(base, **overrides)

    def as_flask_config(self) -> dict:
        data = asdict(self)
        extra = data.pop("extra")
        data.update(extra)
        data["RATELIMIT_ENABLED"] = True
        return data
