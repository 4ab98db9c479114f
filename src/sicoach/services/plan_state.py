"""Today's plan at a cost that does not grow with the years: the stored carry and its window.

Every write commits, in its own transaction, a carry that still fits (`keep_carry`): a
write dated before the carry's date, a profile or review change, or a carry grown too old
rebuilds it from the whole journal; a write of today leaves it alone, or, once a week,
moves it on from its window (`advance_carry`). Reads plan from the
carry and the weeks after it (`windowed_plan`), or from the whole journal when the carry
does not fit (a young journal, another day than the carry serves). `rebuilt_carry` is
the carry `sicoach people refresh` stores (after an upgrade, or a change of the exercises).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sicoach.domain.clock import Clock
from sicoach.domain.exercises import Catalog
from sicoach.domain.journal import Journal
from sicoach.domain.journal_window import safety_window
from sicoach.domain.plan import DayPlan
from sicoach.domain.plan_carry import (
    MAX_WINDOW_DAYS,
    MIN_WINDOW_DAYS,
    PlanCarry,
    advance_carry,
    build_carry,
    carry_from_text,
    carry_through,
    carry_to_text,
    catalog_key,
    plan_window,
)
from sicoach.services.context import Context

ADVANCE_DAYS = 7
"""A carry this far behind the date a carry built today would have is moved on (weekly)."""


def keep_carry(catalog: Callable[[], Catalog], clock: Clock) -> Callable[[Any], None]:
    """The hook the unit of work calls in every writing transaction, before it commits."""

    def maintain(repo: Any) -> None:
        today = clock.today()
        carry = carry_from_text(repo.plan_carry_text())
        if carry is not None:
            fresh = today < carry.through + timedelta(days=MAX_WINDOW_DAYS)
            untouched = repo.reaches is not None and repo.reaches >= carry.through
            if fresh and untouched and carry.catalog == catalog_key(catalog()):
                if carry_through(today) < carry.through + timedelta(days=ADVANCE_DAYS):
                    return
                # A week or more behind: fold the weeks since onto it from its window (the
                # read stays about 6 weeks long, whatever the journal's age).
                read = repo.load_window(carry.reads(today), today, carry.earlier)
                moved = advance_carry(catalog(), carry, read, today)
                if moved is not None:
                    repo.save_plan_carry(carry_to_text(moved))
                    return
        else:
            profile = repo.get_profile()
            if profile is None or profile.started_on >= carry_through(today):
                if repo.plan_carry_text() is not None:
                    repo.save_plan_carry(None)
                return
        built = build_carry(catalog(), repo.load(), today)
        repo.save_plan_carry(None if built is None else carry_to_text(built))

    return maintain


def read_window(ctx: Context, day: date) -> tuple[PlanCarry, Journal] | None:
    """The stored carry and the records it needs for `day` (one read); None without a carry
    that serves `day`."""
    with ctx.uow(read_only=True) as uow:
        carry = carry_from_text(uow.journal.plan_carry_text())
        if carry is None or day < carry.through + timedelta(days=MIN_WINDOW_DAYS):
            return None
        return carry, uow.journal.load_window(carry.reads(day), day, carry.earlier)


def plan_from(ctx: Context, carry: PlanCarry, read: Journal, day: date) -> DayPlan | None:
    """The plan of `day` from a carry and its read (`read_window`); None when it does not
    fit (the caller then plans from the whole journal)."""
    if not carry.fits(ctx.catalog, read, day):
        return None
    from sicoach.services.plan import plan_with_physio_choices

    window = plan_window(read, carry.through, day)
    return plan_with_physio_choices(ctx, window, day, safety_window(read, day), carry)


def windowed_plan(ctx: Context, day: date) -> DayPlan | None:
    """The plan of `day` from the stored carry and the records after it; None when there
    is no carry that fits (the caller then plans from the whole journal)."""
    found = read_window(ctx, day)
    return None if found is None else plan_from(ctx, *found, day)


def rebuilt_carry(catalog: Catalog, whole: Journal, today: date) -> str | None:
    """The carry a rebuild stores from a whole journal (`rebuild_everyone` reads each
    journal once for this and the worklist summary); None when it keeps none."""
    built = build_carry(catalog, whole, today)
    return None if built is None else carry_to_text(built)
