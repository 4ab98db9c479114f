"""The journal as the rules see it: cut at `on`, merged per date, with shared windows.

`build_facts` cuts the journal at the end of `on` and merges check-ins per date and sorts
them, so the order records were entered in never matters.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from sicoach.domain import measures
from sicoach.domain.journal import (
    CheckIn,
    ClinicianReview,
    FunctionRating,
    Journal,
    Pregnancy,
    Profile,
    Session,
)
from sicoach.domain.safety.thresholds import FLAG_WINDOW_DAYS, FRAGILE_AGE, POSTPARTUM_WARNING_DAYS

FRAGILE_HISTORY: dict[str, str] = {
    "osteoporosis": "with thin bones",
    "steroid_use": "after steroid medicine for a long time",
}
"""Histories that make a bone easier to break (docs/clinical-notes.md §1, §7)."""
INFECTION_RISK_HISTORY: dict[str, str] = {
    "immunosuppression": "a weakened immune system",
    "recent_infection": "a recent infection",
    "injecting_drug_use": "injecting drugs",
    "steroid_use": "long-term steroid medicine",
}
"""Histories that make an infection of the spine more likely, with the words a message uses
(docs/clinical-notes.md §7: immunosuppression includes long-term steroids)."""


@dataclass(frozen=True)
class Facts:
    """The journal cut at `on`, sorted and merged, with the windows the rules share."""

    on: date
    profile: Profile | None
    checkins: tuple[CheckIn, ...]
    sessions: tuple[Session, ...]
    baseline_start: date | None
    reviews: tuple[ClinicianReview, ...] = ()
    """Clinician reviews up to `on`, oldest first (used by `reviews.py`)."""
    function: tuple[FunctionRating, ...] = ()
    """Patient-specific activity ratings up to `on`, by date."""

    @cached_property
    def checkin_days(self) -> tuple[date, ...]:
        """The date of each check-in, in order: windows are cut by bisection, not by a scan
        (a 10-year journal is evaluated in well under 100 ms)."""
        return tuple(c.date for c in self.checkins)

    @cached_property
    def session_days(self) -> tuple[date, ...]:
        return tuple(s.started_at.date() for s in self.sessions)

    def checkins_between(self, first: date, last: date) -> tuple[CheckIn, ...]:
        """Check-ins dated `first` .. `last`, both included."""
        days = self.checkin_days
        return self.checkins[bisect_left(days, first) : bisect_right(days, last)]

    def sessions_since(self, first: date) -> tuple[Session, ...]:
        """Sessions dated `first` or later (the journal is already cut at `on`)."""
        return self.sessions[bisect_left(self.session_days, first) :]

    @property
    def history(self) -> frozenset[str]:
        return frozenset(self.profile.history) if self.profile else frozenset()

    @property
    def age(self) -> int | None:
        """Age on `on` from the birth year (the year's age: at most one year too high)."""
        return self.profile.age_on(self.on) if self.profile else None

    @property
    def fragile(self) -> bool:
        """Bones break more easily: osteoporosis, long-term steroids, or age 65 or more."""
        return bool(self.fragility)

    @property
    def fragility(self) -> tuple[str, ...]:
        """The words for each reason the person's bones break more easily."""
        out = [words for code, words in FRAGILE_HISTORY.items() if code in self.history]
        if (self.age or 0) >= FRAGILE_AGE:
            out.append(f"at {self.age}")
        return tuple(out)

    @property
    def infection_risks(self) -> tuple[str, ...]:
        """The words for each history that makes a spine infection more likely."""
        return tuple(
            words for code, words in INFECTION_RISK_HISTORY.items() if code in self.history
        )

    @property
    def latest(self) -> CheckIn | None:
        return self.checkins[-1] if self.checkins else None

    @property
    def program_day(self) -> int | None:
        if self.baseline_start is None:
            return None
        return (self.on - self.baseline_start).days + 1

    def in_baseline(self, day: date) -> bool:
        if self.baseline_start is None:
            return False
        return measures.in_week(day, self.baseline_start)

    def flag_checkins(self) -> tuple[CheckIn, ...]:
        """Check-ins whose flags still count: the last 8 dates inclusive, plus the latest."""
        since = self.on - timedelta(days=FLAG_WINDOW_DAYS)
        chosen = list(self.checkins_between(since, self.on))
        latest = self.latest
        if latest is not None and latest not in chosen:
            chosen.append(latest)
        return tuple(chosen)

    def flags(self) -> frozenset[str]:
        """Every symptom code in the flag window (worked out once per evaluation)."""
        return self._flags

    @cached_property
    def _flags(self) -> frozenset[str]:
        return frozenset(s for c in self.flag_checkins() for s in c.symptoms)

    def baseline(self) -> tuple[CheckIn, ...]:
        if self.baseline_start is None:
            return ()
        end = self.baseline_start + timedelta(days=measures.FIRST_WEEK_DAYS - 1)
        return self.checkins_between(self.baseline_start, end)

    def last_days(self, days: int) -> tuple[CheckIn, ...]:
        return self.checkins_between(self.on - timedelta(days=days - 1), self.on)

    @property
    def pregnancy(self) -> Pregnancy | None:
        return self.profile.pregnancy if self.profile else None

    @property
    def pregnant(self) -> bool:
        """Pregnant on `on`: so recorded, or a birth recorded for a later date than `on`."""
        p = self.pregnancy
        if p is None:
            return False
        if p.status == "pregnant":
            return True
        return p.delivery_date is not None and p.delivery_date > self.on

    @property
    def days_since_birth(self) -> int | None:
        p = self.pregnancy
        return None if p is None else p.days_since_birth(self.on)

    @property
    def birth_undated(self) -> bool:
        """A birth is recorded without its date: we cannot tell how long ago it was."""
        p = self.pregnancy
        return p is not None and p.status == "postpartum" and p.delivery_date is None

    @property
    def soon_after_birth(self) -> bool:
        """Within 6 weeks after the birth, or a birth of unknown date (cautious)."""
        return soon_after_birth(self.pregnancy, self.on)


def soon_after_birth(pregnancy: Pregnancy | None, on: date) -> bool:
    """Within 6 weeks after the birth, or a birth of unknown date (the cautious reading).

    While this holds, the pregnancy warning signs still mean "call the maternity team", so
    the red-flag screen asks about the ones that can happen after birth too.
    """
    if pregnancy is None or pregnancy.status != "postpartum":
        return False
    since = pregnancy.days_since_birth(on)
    if since is None:
        return True
    return 0 <= since <= POSTPARTUM_WARNING_DAYS


def _merge_day(day: date, same_day: list[CheckIn]) -> CheckIn:
    """Two check-ins on one date (never valid, but possible in memory): keep the worse."""

    def worst(values: Iterable[int | None]) -> int | None:
        present = [v for v in values if v is not None]
        return max(present) if present else None

    mobility = [c.mobility for c in same_day if c.mobility is not None]
    return CheckIn(
        date=day,
        pain=worst(c.pain for c in same_day),
        worst_pain=worst(c.worst_pain for c in same_day),
        mobility=min(mobility) if mobility else None,
        symptoms=tuple(sorted({s for c in same_day for s in c.symptoms})),
        note="\n".join(sorted(c.note for c in same_day if c.note)),
    )


def build_facts(journal: Journal, on: date) -> Facts:
    cut = journal.up_to(on)
    by_day: dict[date, list[CheckIn]] = {}
    for c in cut.checkins:
        by_day.setdefault(c.date, []).append(c)
    checkins = tuple(
        group[0] if len(group) == 1 else _merge_day(day, group)
        for day, group in sorted(by_day.items())
    )
    sessions = tuple(sorted(cut.sessions, key=lambda s: s.started_at))
    if len({s.started_at for s in sessions}) < len(sessions):
        # Two sessions at the same minute: break the tie on content, not on input order.
        sessions = tuple(sorted(sessions, key=lambda s: (s.started_at, repr(s))))
    start = measures.program_first_week(cut.start_date, (c.date for c in checkins))
    reviews = tuple(sorted(cut.reviews, key=lambda r: r.date))
    function = tuple(sorted(cut.function, key=lambda r: (r.date, r.activity, r.score)))
    return Facts(on, cut.profile, checkins, sessions, start, reviews, function)


def mean(values: Iterable[int | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
