"""The composition root: builds what the services need from settings and a clock.

Faces (CLI, web) build one `Context` at start; tests build their own with a temporary
database and a `FixedClock`.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from sicoach.domain.clock import Clock, FixedClock, SystemClock
from sicoach.domain.exercises import Catalog
from sicoach.services.errors import Forbidden
from sicoach.services.policy import Access, Principal
from sicoach.services.unit_of_work import UnitOfWork, UnitOfWorkFactory
from sicoach.settings import Settings, resolve_settings

_command_granted: ContextVar[bool] = ContextVar("sicoach_command_granted", default=False)
"""Set by `execute` while a command the policy allowed runs (a clinician's program change)."""


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
    asks (None: the person themself, as in personal mode).

    In clinic mode the composition root also sets `principal` (the signed-in account),
    `subject_account` (the account owning `person`) and `access` (what the policy allows);
    every unit of work then checks `access`, and a read by someone other than the owner is
    written to the audit log (once per context, that is once per request).
    """

    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    person: str = "default"
    acting: str | None = None
    access: Access | None = None
    principal: Principal | None = None
    subject_account: int | None = None
    _audited: bool = field(default=False, repr=False, compare=False)

    @property
    def actor(self) -> Actor:
        return Actor(acting=self.acting or self.person, subject=self.person)

    @property
    def journal_access(self) -> Access:
        """What the acting person may do to the journal (personal mode: own record only)."""
        if self.access is not None:
            return self.access
        return Access.OWNER if self.actor.on_self else Access.NONE

    @cached_property
    def catalog(self) -> Catalog:
        from sicoach.content import load_catalog

        return load_catalog()

    @cached_property
    def uow_factory(self) -> UnitOfWorkFactory:
        from sicoach.services.person_state import summariser
        from sicoach.services.plan_state import keep_carry
        from sicoach.services.read_cache import forget_request_versions
        from sicoach.store import make_uow_factory

        settings = self.settings
        return make_uow_factory(
            settings.database_url,
            person=self.person,
            pool_size=settings.pool_size,
            slow_query_ms=settings.slow_query_ms,
            on_write=keep_carry(lambda: self.catalog, self.clock),
            summarise=summariser(self.clock),
            on_bump=forget_request_versions,
        )

    def uow(self, read_only: bool = False) -> UnitOfWork:
        """A unit of work on the subject's journal; pass `read_only=True` when it only reads
        (no write lock). Refused (`Forbidden`) beyond what the acting person may do."""
        access = self.journal_access
        if access < Access.READ:
            raise Forbidden("there is no such journal here")
        if not read_only and access < Access.OWNER and not _command_granted.get():
            raise Forbidden("only its owner may change this journal")
        if access < Access.OWNER and not self._audited:
            self._audit_read()
        return self.uow_factory(read_only=read_only)

    def _audit_read(self) -> None:
        from sicoach.services import audit

        self._audited = True
        audit.record(self, "journal.read", subject=self.subject_account)

    @cached_property
    def accounts_uow(self) -> Any:
        """A factory of units of work on the clinic's accounts (see `sicoach.store.accounts`)."""
        from sicoach.store.accounts import make_accounts_uow_factory

        return make_accounts_uow_factory(self.settings.database_url)


def run_granted(call: Any, *args: Any) -> Any:
    """Run `call(*args)` with its writes allowed: `execute` uses it once the policy allowed
    a command (a linked clinician changing a program)."""
    token = _command_granted.set(True)
    try:
        return call(*args)
    finally:
        _command_granted.reset(token)


def clock_from_environment() -> Clock:
    """The system clock, unless SICOACH_FAKE_NOW (ISO date-time) pins it for demos and tests."""
    pinned = os.environ.get("SICOACH_FAKE_NOW")
    if pinned:
        return FixedClock(datetime.fromisoformat(pinned))
    return SystemClock()


def build_context(settings: Settings | None = None, clock: Clock | None = None) -> Context:
    return Context(settings=settings or resolve_settings(), clock=clock or clock_from_environment())
