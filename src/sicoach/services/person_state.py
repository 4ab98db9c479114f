"""Each person's derived state (`sicoach.domain.person_summary`), kept on their row.

Every writing unit of work stores a fresh summary in the same transaction as the write
(`summariser`, handed to the store by the composition root), so a worklist reads rows and
never journals. `rebuild_everyone` rebuilds every row from the whole journals (after an
upgrade, or each night so "this week" and "two weeks" move on without a write).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sicoach.domain.clock import Clock
from sicoach.domain.journal_window import safety_window
from sicoach.domain.person_summary import PersonSummary, summarise
from sicoach.domain.plan_carry import MIN_WINDOW_DAYS, carry_from_text
from sicoach.services.context import Context
from sicoach.services.unit_of_work import JournalRepository


def summariser(clock: Clock) -> Callable[[Any], PersonSummary]:
    """The summary of today from the windows the store reads (inside the write).

    The write's hook has just kept the plan's carry current (`keep_carry`), so when there
    is one, one read of its window (the same as today's page reads, with the latest session
    and walk) holds all the summary needs: the triage's window (`safety_window`, whose
    answer equals the whole journal's, property-tested with the carry), the first weeks, the
    last two weeks and the latest of each. Without one (a young journal) the store reads the
    triage's and the summary's own windows."""

    def summary_of(journal: JournalRepository) -> PersonSummary:
        today = clock.today()
        carry = carry_from_text(journal.plan_carry_text())
        if carry is None or today < carry.through + timedelta(days=MIN_WINDOW_DAYS):
            return summarise(
                journal.load_safety_window(today), journal.load_summary_window(today), today
            )
        read = journal.load_state_window(carry.reads(today), today, carry.earlier)
        return summarise(safety_window(read, today), read, today)

    return summary_of


def fresh_summary(ctx: Context) -> PersonSummary:
    """The summary worked out now from the whole journal (what the stored row must equal)."""
    today = ctx.clock.today()
    with ctx.uow(read_only=True) as uow:
        whole = uow.journal.load()
    return summarise(whole, whole, today)


def stored_summary(ctx: Context) -> PersonSummary | None:
    """The summary on the person's row (None before their first write or refresh)."""
    with ctx.uow(read_only=True) as uow:
        return uow.journal.stored_summary()


def refresh_everyone(ctx: Context, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild every person's row from their whole journal; returns how many."""
    return rebuild_everyone(ctx, progress)[0]


def rebuild_everyone(
    ctx: Context, progress: Callable[[int, int], None] | None = None, processes: int = 1
) -> tuple[int, int]:
    """Both halves of every person's state row, from the whole journals: the stored plan
    history (the carry) and the worklist summary. One command rebuilds the one row, so an
    upgrade never leaves half of it stale; each journal is read once for both halves (the
    read costs more than either). `processes` > 1 splits the people over forked processes.
    Returns (people, carries kept)."""
    from sicoach.services.plan_state import rebuilt_carry
    from sicoach.store.summaries import rebuild_all

    today = ctx.clock.today()
    catalog = ctx.catalog

    def derive(journal: Any) -> tuple[str | None, PersonSummary]:
        whole = journal.load()
        return rebuilt_carry(catalog, whole, today), summarise(whole, whole, today)

    return rebuild_all(ctx.settings.database_url, derive, progress, processes)
