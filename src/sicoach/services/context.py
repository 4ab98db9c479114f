"""The composition root: builds what the services need from settings and a clock.

Faces (CLI, web) build one `Context` at start; tests build their own with a temporary
database and a `FixedClock`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from sicoach.domain.clock import Clock, FixedClock, SystemClock
from sicoach.domain.exercises import Catalog
from sicoach.services.unit_of_work import UnitOfWork, UnitOfWorkFactory
from sicoach.settings import Settings, resolve_settings


@dataclass(frozen=True)
class Actor:
    """Who acts, and on whose journal. In personal mode both are the one person; a clinic
    mode will have a clinician acting on a patient, and the services can then check that
    `acting` may do what a command asks to `subject`'s record without new signatures."""

    acting: str
    subject: str

    @property
    def on_self(self) -> bool:
        return self.acting == self.subject


@dataclass
class Context:
    """`person` is whose journal the services read and write (the subject); `acting` is who
    asks (None: the person themself, as in personal mode)."""

    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    person: str = "default"
    acting: str | None = None

    @property
    def actor(self) -> Actor:
        return Actor(acting=self.acting or self.person, subject=self.person)

    @cached_property
    def catalog(self) -> Catalog:
        from sicoach.content import load_catalog

        return load_catalog()

    @cached_property
    def uow_factory(self) -> UnitOfWorkFactory:
        from sicoach.store import make_uow_factory

        settings = self.settings
        return make_uow_factory(
            settings.database_url,
            person=self.person,
            pool_size=settings.pool_size,
            slow_query_ms=settings.slow_query_ms,
        )

    def uow(self, read_only: bool = False) -> UnitOfWork:
        """A unit of work; pass `read_only=True` when it only reads (no write lock)."""
        return self.uow_factory(read_only=read_only)


def clock_from_environment() -> Clock:
    """The system clock, unless SICOACH_FAKE_NOW (ISO date-time) pins it for demos and tests."""
    pinned = os.environ.get("SICOACH_FAKE_NOW")
    if pinned:
        return FixedClock(datetime.fromisoformat(pinned))
    return SystemClock()


def build_context(settings: Settings | None = None, clock: Clock | None = None) -> Context:
    return Context(settings=settings or resolve_settings(), clock=clock or clock_from_environment())
