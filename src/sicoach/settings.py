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


@dataclass(frozen=True)
class Settings:
    database_url: str
    data_dir: Path
    secret_key: str | None = None
    """SICOACH_SECRET_KEY: signs forms in every app process (else one is kept in the data
    folder for SQLite, or in the database for PostgreSQL)."""
    pool_size: int = 5
    """SICOACH_POOL_SIZE: PostgreSQL connections each app process keeps open."""
    slow_query_ms: int = 0
    """SICOACH_SLOW_QUERY_MS: log statements slower than this (0: off)."""

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
    return Settings(
        url,
        data_dir,
        secret_key=env.get("SICOACH_SECRET_KEY") or None,
        pool_size=_whole_number(env, "SICOACH_POOL_SIZE", 5),
        slow_query_ms=_whole_number(env, "SICOACH_SLOW_QUERY_MS", 0),
    )


def _whole_number(env: dict[str, str], name: str, default: int) -> int:
    """A whole number from the environment; a bad value is refused naming the variable."""
    text = env.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit():
        raise ValueError(f"{name}: {text!r} is not a whole number")
    return int(text)
