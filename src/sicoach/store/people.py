"""The people a database holds; single-user use has one, named "default"."""

from __future__ import annotations

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from sicoach.store.tables import person


def person_id(engine: Engine, name: str) -> int:
    """The id of the person called `name`, created on first use (safe under races)."""
    query = select(person.c.id).where(person.c.name == name)
    for _attempt in range(2):
        with engine.connect() as conn:
            found = conn.execute(query).scalar()
            if found is not None:
                return int(found)
            try:
                new_id = conn.execute(
                    insert(person).values(name=name).returning(person.c.id)
                ).scalar_one()
                conn.commit()
                return int(new_id)
            except IntegrityError:
                conn.rollback()
    raise RuntimeError(f"could not create the person {name!r}")
