"""Secrets every app process must share, kept in the database.

The first process that needs one draws it and inserts it; a process that loses that race
reads the winner's, so all processes sign and check forms with the same key.
"""

from __future__ import annotations

import secrets

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from sicoach.store.tables import app_secret


def shared_secret(engine: Engine, name: str) -> bytes:
    """The secret called `name` (32 random bytes), created on first use."""
    query = select(app_secret.c.value).where(app_secret.c.name == name)
    with engine.connect() as conn:
        found = conn.execute(query).scalar()
        if found is None:
            try:
                conn.execute(insert(app_secret).values(name=name, value=secrets.token_hex(32)))
                conn.commit()
            except IntegrityError:
                conn.rollback()  # another process inserted it first: read theirs
            found = conn.execute(query).scalar_one()
    return bytes.fromhex(str(found))
