"""Storage: SQLAlchemy tables, repository and unit of work, Alembic migrations.

CONTRACT: `make_uow_factory(database_url, person)` returns a callable giving a fresh
`UnitOfWork` (see `sicoach.services.unit_of_work`), read-only when called with
`read_only=True`; `summarise` (given by the services) rewrites the person's derived
state in every writing transaction; the database is upgraded on first use (once per URL per
process) and the person's row is created if missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sicoach.services.unit_of_work import UnitOfWork, UnitOfWorkFactory
    from sicoach.store.unit_of_work import Summarise


def make_uow_factory(
    database_url: str,
    person: str = "default",
    pool_size: int = 5,
    slow_query_ms: int = 0,
    on_write: Callable[[Any], None] | None = None,
    summarise: Summarise | None = None,
    on_bump: Callable[[], None] | None = None,
) -> UnitOfWorkFactory:
    from sqlalchemy.exc import DBAPIError

    from sicoach.store.engine import get_engine
    from sicoach.store.people import person_id
    from sicoach.store.unit_of_work import SqlUnitOfWork

    engine = get_engine(database_url, pool_size, slow_query_ms)
    try:
        pid = person_id(engine, person)
    except DBAPIError as err:
        from sicoach.store.engine import describe_failure

        raise describe_failure(database_url, err) from err

    def factory(*, read_only: bool = False) -> UnitOfWork:
        return SqlUnitOfWork(
            engine,
            pid,
            read_only=read_only,
            url=database_url,
            on_write=on_write,
            summarise=summarise,
            on_bump=on_bump,
        )

    return factory
