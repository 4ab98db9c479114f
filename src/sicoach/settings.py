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
        return Settings(sqlite_url(db_path.expanduser().resolve()), db_path.parent.resolve())
    if env.get("SICOACH_DATABASE_URL"):
        return Settings(env["SICOACH_DATABASE_URL"], data_dir)
    if env.get("SICOACH_DB"):
        path = Path(env["SICOACH_DB"]).expanduser().resolve()
        return Settings(sqlite_url(path), path.parent)
    return Settings(sqlite_url(data_dir / "sicoach.sqlite3"), data_dir)
