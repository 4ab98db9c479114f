"""Storage: SQLAlchemy tables, repository and unit of work, Alembic migrations.

CONTRACT: `make_uow_factory(database_url, person)` returns a callable giving a fresh
`UnitOfWork` (see `sicoach.services.unit_of_work`); the database is upgraded on first use.
"""

from __future__ import annotations

from collections.abc import Callable

from sicoach.services.unit_of_work import UnitOfWork


def make_uow_factory(database_url: str, person: str = "default") -> Callable[[], UnitOfWork]:
    raise NotImplementedError("filled in by the journal issue")
