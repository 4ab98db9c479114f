"""What running several app processes needs: readiness, shared secrets, the schema upgrade.

Faces call these; the store does the work (see `sicoach.store.engine`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sicoach.services.context import Context

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from sicoach.settings import Settings

SIGNING_KEY = "form-signing-key"


def readiness(ctx: Context) -> str | None:
    """None when the database answers and its schema is current, else why not."""
    from sqlalchemy.exc import DBAPIError

    from sicoach.store.engine import SCHEMA_HEAD, current_revision
    from sicoach.store.errors import StoreError

    try:
        revision = current_revision(_engine(ctx))
    except StoreError as error:
        return f"database unreachable: {error.reason}"
    except DBAPIError as error:
        return f"database unreachable: {type(error.orig).__name__}"
    if revision != SCHEMA_HEAD:
        return f"schema at {revision}, this version needs {SCHEMA_HEAD}"
    return None


def _engine(ctx: Context) -> Engine:
    from sicoach.store.engine import get_engine

    settings = ctx.settings
    return get_engine(settings.database_url, settings.pool_size, settings.slow_query_ms)


def keep_connections_open(settings: Settings) -> None:
    """For a server, before its first request: database connections stay open between
    requests, up to the settings' pool size (PostgreSQL always pools; SQLite otherwise
    opens one per unit of work, which costs a few milliseconds on every request)."""
    from sicoach.store.engine import keep_sqlite_connections_open

    keep_sqlite_connections_open(settings.pool_size)


def signing_key(ctx: Context) -> bytes | None:
    """The form-signing key shared by every process on this database: from the settings
    when set, else from a PostgreSQL database; None for SQLite (one machine: its data
    folder's key file is shared)."""
    if ctx.settings.secret_key:
        return ctx.settings.secret_key.encode()
    if ctx.settings.is_sqlite:
        return None
    from sicoach.store.shared_secrets import shared_secret

    return shared_secret(_engine(ctx), SIGNING_KEY)


def migrate(ctx: Context) -> bool:
    """Bring the schema up to date under the database's lock; True when this call did it."""
    from sicoach.store.engine import create_store_engine, upgrade

    engine = create_store_engine(ctx.settings.database_url)
    try:
        return upgrade(engine)
    finally:
        engine.dispose()
