"""Progress over a range of days (the API's answer): the daily ratings and weekly minutes
from `first` to `last`, beside the totals of the whole program up to `last`.

A range ending in the last weeks costs the same in year ten as in year one: the totals come
from the stored carry and the store reads the range plus the carry's window
(`sicoach.services.reports.windowed_progress_of`). A range ending before the carry's window
is worked out from the journal up to its end. Every range is at most `MAX_RANGE_DAYS` long,
so no answer lists years of days; a property test (tests/integration/
test_progress_range_store.py) checks the answer equals the whole journal's figures cut to
the same range.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sicoach.domain.progress import Progress
from sicoach.domain.progress_parts import monday_of
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.journal import checked_day

DEFAULT_RANGE_WEEKS = 12
"""Without `first`: the 12 weeks up to `last` (Monday 11 weeks before its week to `last`),
the weeks of minutes the progress page shows."""
MAX_RANGE_DAYS = 366
"""The longest range one answer lists (ask year by year for more)."""


def default_first(last: date) -> date:
    """The first day of the default range ending on `last`."""
    return monday_of(last) - timedelta(weeks=DEFAULT_RANGE_WEEKS - 1)


def progress_range(
    ctx: Context, first: date | None = None, last: date | None = None
) -> tuple[date, Progress]:
    """The range's first day and the figures as the journal stood at the end of `last`
    (default today): totals over the whole program, with the days from `first` and the
    weeks from `first`'s week (default `default_first(last)`). A `last` after today is an
    `InputError` on "to", a `first` after `last` or more than `MAX_RANGE_DAYS` before it
    one on "from"."""
    from sicoach.services import reports

    end = checked_day(ctx, last, "to")
    start = default_first(end) if first is None else first
    if start > end:
        raise InputError("from", f"{start.isoformat()} is after the end date {end.isoformat()}")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise InputError(
            "from",
            f"{start.isoformat()} is more than {MAX_RANGE_DAYS} days before {end.isoformat()}; "
            "ask for a year at most at a time",
        )
    windowed = reports.windowed_progress_of(ctx, end, start)
    if windowed is None:
        windowed = reports.progress_up_to(ctx, end)
    return start, cut_to(windowed, start)


def cut_to(p: Progress, first: date) -> Progress:
    """`p` with its days from `first` and its weeks from `first`'s week."""
    monday = monday_of(first)
    return replace(
        p,
        pain=replace(p.pain, days=tuple(d for d in p.pain.days if d.date >= first)),
        mobility=replace(p.mobility, days=tuple(d for d in p.mobility.days if d.date >= first)),
        aerobic=replace(
            p.aerobic, weeks=tuple(w for w in p.aerobic.weeks if w.week_start >= monday)
        ),
    )
