"""Where the data lives. Precedence: explicit argument, then environment, then default.

`SICOACH_DATABASE_URL` (any SQLAlchemy URL, e.g. postgresql+psycopg://...) wins over
`SICOACH_DB` / `--db PATH` (a SQLite file); the default is `sicoach.sqlite3` in the user's
data directory as given by platformdirs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "sicoach"


PERSONAL = "personal"
CLINIC = "clinic"


@dataclass(frozen=True)
class Settings:
    """Where the data lives, and (clinic mode) how people sign in.

    `mode`: "personal" (one person, no sign-in) or "clinic" (`SICOACH_MODE`).
    `public_url`: the clinic's public origin (`SICOACH_PUBLIC_URL`), for links, Host and
    Origin checks and the cookie's Secure flag. Absolute session limits:
    `SICOACH_CLINICIAN_SESSION_HOURS` (12) and `SICOACH_PATIENT_SESSION_DAYS` (90).
    """

    database_url: str
    data_dir: Path
    secret_key: str | None = None
    """SICOACH_SECRET_KEY: signs forms in every app process (else one is kept in the data
    folder for SQLite, or in the database for PostgreSQL)."""
    pool_size: int = 5
    """SICOACH_POOL_SIZE: PostgreSQL connections each app process keeps open."""
    slow_query_ms: int = 0
    """SICOACH_SLOW_QUERY_MS: log statements slower than this (0: off)."""
    mode: str = PERSONAL
    public_url: str | None = None
    clinician_session_hours: int = 12
    patient_session_days: int = 90
    stopped_after_days: int = 5
    """SICOACH_STOPPED_DAYS: a patient with no session or check-in for this many days shows
    as "stopped" on the clinician's worklist."""

    @property
    def clinic(self) -> bool:
        return self.mode == CLINIC

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def display_location(self) -> str:
        """The database location for people: a file path, or the URL without a password."""
        if self.is_sqlite:
            return self.database_url.removeprefix("sqlite:///")
        from sqlalchemy.engine import make_url

        return make_url(self.database_url).render_as_string(hide_password=True)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def resolve_settings(db_path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ) if env is None else env
    data_dir = Path(env["SICOACH_DATA_DIR"]) if env.get("SICOACH_DATA_DIR") else default_data_dir()
    if db_path is not None:
        url, data_dir = sqlite_url(db_path.expanduser().resolve()), db_path.parent.resolve()
    elif env.get("SICOACH_DATABASE_URL"):
        url = env["SICOACH_DATABASE_URL"]
    elif env.get("SICOACH_DB"):
        path = Path(env["SICOACH_DB"]).expanduser().resolve()
        url, data_dir = sqlite_url(path), path.parent
    else:
        url = sqlite_url(data_dir / "sicoach.sqlite3")
    mode = env.get("SICOACH_MODE", "").strip().lower() or PERSONAL
    if mode not in (PERSONAL, CLINIC):
        raise ValueError(f"SICOACH_MODE: {mode!r} is not a mode; use personal or clinic")
    return Settings(
        url,
        data_dir,
        secret_key=env.get("SICOACH_SECRET_KEY") or None,
        pool_size=_whole_number(env, "SICOACH_POOL_SIZE", 5),
        slow_query_ms=_whole_number(env, "SICOACH_SLOW_QUERY_MS", 0),
        mode=mode,
        public_url=(env.get("SICOACH_PUBLIC_URL") or "").strip().rstrip("/") or None,
        clinician_session_hours=_whole_number(env, "SICOACH_CLINICIAN_SESSION_HOURS", 12) or 12,
        patient_session_days=_whole_number(env, "SICOACH_PATIENT_SESSION_DAYS", 90) or 90,
        stopped_after_days=_whole_number(env, "SICOACH_STOPPED_DAYS", 5) or 5,
    )


def _whole_number(env: dict[str, str], name: str, default: int) -> int:
    """A whole number from the environment; a bad value is refused naming the variable."""
    text = env.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit():
        raise ValueError(f"{name}: {text!r} is not a whole number")
    return int(text)
