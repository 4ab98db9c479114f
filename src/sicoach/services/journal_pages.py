"""The person's own history page and the JSON lists of check-ins and activities: a bounded
range of days at a time (a page of weeks, or `from`/`to`), read alone, so their cost does
not grow with the years. The export (`journal_transfer`) is what reads everything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sicoach.domain.journal import Activity, CheckIn, Journal
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.views import SessionSummary, summarise

HISTORY_PAGE_WEEKS = 4
"""The history page shows four weeks at a time, newest first, with a link to older ones."""
LIST_DEFAULT_DAYS = 84
"""The lists' default range: the last 12 weeks, as the progress API's."""
LIST_MAX_DAYS = 366
"""At most a year (a leap year's too) per request."""


@dataclass(frozen=True)
class HistoryPage:
    """The records from `first` to `last`, newest first; `older` is the last day of the
    page before (the latest record before `first`, so empty weeks are skipped; None when
    there is none) and `newer` the last day of the page after (None: this is the newest)."""

    first: date
    last: date
    checkins: tuple[CheckIn, ...]
    sessions: tuple[SessionSummary, ...]
    activities: tuple[Activity, ...]
    older: date | None
    newer: date | None


def records_between(ctx: Context, first: date, last: date) -> Journal:
    """The check-ins, sessions and activities dated `first` to `last` (with the profile, the
    activity ratings and the reviews up to `last`): the whole journal's, cut to those days."""
    with ctx.uow(read_only=True) as uow:
        return uow.journal.load_window(((first, last),), last)


def history_page(
    ctx: Context, upto: date | None = None, weeks: int = HISTORY_PAGE_WEEKS
) -> HistoryPage:
    """The `weeks` ending on `upto` (default, and at most, today)."""
    today = ctx.clock.today()
    last = today if upto is None else min(upto, today)
    first = last - timedelta(days=7 * weeks - 1)
    with ctx.uow(read_only=True) as uow:
        read = uow.journal.load_window(((first, last),), last)
        older = uow.journal.latest_record_before(first)
    return HistoryPage(
        first,
        last,
        tuple(reversed(read.checkins)),
        tuple(summarise(ctx, s) for s in reversed(read.sessions)),
        tuple(reversed(read.activities)),
        older,
        min(today, last + timedelta(days=7 * weeks)) if last < today else None,
    )


def list_range(ctx: Context, first: date | None, last: date | None) -> tuple[date, date]:
    """The days a list covers: `last` (default today) and `first` (default 12 weeks
    before it); `first` after `last`, or more than `LIST_MAX_DAYS` days, is refused on
    `from`."""
    end = last if last is not None else ctx.clock.today()
    start = first if first is not None else end - timedelta(days=LIST_DEFAULT_DAYS - 1)
    if start > end:
        raise InputError("from", f"{start.isoformat()} is after `to` ({end.isoformat()})")
    if (end - start).days >= LIST_MAX_DAYS:
        raise InputError(
            "from",
            f"{start.isoformat()} is more than {LIST_MAX_DAYS} days before `to` "
            f"({end.isoformat()}); ask for a year at most at a time, or export the journal",
        )
    return start, end
