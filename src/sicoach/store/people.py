"""The people a database holds; single-user use has one, named "default"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from sicoach.store.tables import person

if TYPE_CHECKING:
    from sicoach.store.unit_of_work import SqlUnitOfWork


def person_id(engine: Engine, name: str) -> int:
    """The id of the person called `name`, created on first use (safe under races).

    Read first without the write lock: in clinic mode every request looks its person up,
    and on SQLite a writing transaction would queue each of them behind every write."""
    from sicoach.store.engine import READ_ONLY

    query = select(person.c.id).where(person.c.name == name)
    with engine.connect().execution_options(**{READ_ONLY: True}) as conn:
        found = conn.execute(query).scalar()
    if found is not None:
        return int(found)
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


def all_person_ids(url: str) -> list[int]:
    """Every person's id in the database at `url` (for maintenance commands)."""
    from sicoach.store.engine import get_engine

    with get_engine(url).connect() as conn:
        return [int(i) for i in conn.execute(select(person.c.id).order_by(person.c.id)).scalars()]


def uow_for(url: str, pid: int) -> SqlUnitOfWork:
    """A writing unit of work on one person's journal, by id (for maintenance commands)."""
    from sicoach.store.engine import get_engine
    from sicoach.store.unit_of_work import SqlUnitOfWork

    return SqlUnitOfWork(get_engine(url), pid, url=url)
