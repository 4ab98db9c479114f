"""The part of a journal today's safety answer reads, so its cost does not grow with years.

Every rule looks back a bounded time from `on`, or compares with a first week (of the
program, of each measure, of the sessions), or keeps a warning sign open until a clinician
review settles it. So the triage of `on` needs only: every record of the last
`WINDOW_DAYS`, the records of each first week, the latest check-in, the check-ins that carry
a warning sign, and the reviews and activity ratings (few). `safety_window` picks exactly
those; a property test (tests/unit/test_journal_window.py) checks that the triage of the
window equals the triage of the whole journal, and the store reads the same rows with
`Firsts` worked out by the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, timedelta

from sicoach.domain.journal import CheckIn, Journal
from sicoach.domain.measures import FIRST_WEEK_DAYS
from sicoach.domain.safety.reviews import is_warning_sign

WINDOW_DAYS = 35
"""Every rule's look-back from `on` fits in this many days (the longest is 4 weeks, for the
sessions that hurt; a week more to spare)."""


@dataclass(frozen=True)
class Firsts:
    """The first date of each thing a baseline can start from (records up to `on`)."""

    start: date | None = None
    checkin: date | None = None
    pain: date | None = None
    worst_pain: date | None = None
    mobility: date | None = None
    session: date | None = None
    session_pain_before: date | None = None
    session_pain_after: date | None = None

    def spans(self, on: date) -> tuple[tuple[date, date], ...]:
        """The date ranges (both ends included) whose every record is read."""
        out = [(on - timedelta(days=WINDOW_DAYS), on)]
        starts = {getattr(self, f.name) for f in fields(self)} - {None}
        for first in sorted(starts):
            out.append((first, first + timedelta(days=FIRST_WEEK_DAYS - 1)))
        return tuple(out)


def _first(days: Iterable[date]) -> date | None:
    return min(days, default=None)


def firsts_of(journal: Journal) -> Firsts:
    """The firsts of a journal already cut at `on`."""
    c, s = journal.checkins, journal.sessions
    return Firsts(
        start=journal.start_date,
        checkin=_first(x.date for x in c),
        pain=_first(x.date for x in c if x.pain is not None),
        worst_pain=_first(x.date for x in c if x.worst_pain is not None),
        mobility=_first(x.date for x in c if x.mobility is not None),
        session=_first(x.date for x in s),
        session_pain_before=_first(x.date for x in s if x.pain_before is not None),
        session_pain_after=_first(x.date for x in s if x.pain_after is not None),
    )


def carries_warning_sign(checkin: CheckIn) -> bool:
    return any(is_warning_sign(code) for code in checkin.symptoms)


def safety_window(journal: Journal, on: date) -> Journal:
    """The records the triage of `on` reads (see the module docstring), sorted."""
    cut = journal.sorted().up_to(on)
    spans = firsts_of(cut).spans(on)

    def kept(day: date) -> bool:
        return any(first <= day <= last for first, last in spans)

    latest = cut.checkins[-1].date if cut.checkins else None
    return Journal(
        profile=cut.profile,
        checkins=tuple(
            c for c in cut.checkins if kept(c.date) or c.date == latest or carries_warning_sign(c)
        ),
        sessions=tuple(s for s in cut.sessions if kept(s.date)),
        activities=tuple(a for a in cut.activities if kept(a.date)),
        function=cut.function,
        reviews=cut.reviews,
    )
