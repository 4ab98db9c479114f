"""The journal as the rules see it: cut at `on`, merged per date, with shared windows.

`build_facts` cuts the journal at the end of `on` and merges check-ins per date and sorts
them, so the order records were entered in never matters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sicoach.domain import measures
from sicoach.domain.journal import (
    CheckIn,
    ClinicianReview,
    Journal,
    Pregnancy,
    Profile,
    Session,
)
from sicoach.domain.safety.thresholds import FLAG_WINDOW_DAYS, POSTPARTUM_WARNING_DAYS


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
        chosen = [c for c in self.checkins if c.date >= since]
        latest = self.latest
        if latest is not None and latest not in chosen:
            chosen.append(latest)
        return tuple(chosen)

    def flags(self) -> frozenset[str]:
        return frozenset(s for c in self.flag_checkins() for s in c.symptoms)

    def baseline(self) -> tuple[CheckIn, ...]:
        return tuple(c for c in self.checkins if self.in_baseline(c.date))

    def last_days(self, days: int) -> tuple[CheckIn, ...]:
        since = self.on - timedelta(days=days - 1)
        return tuple(c for c in self.checkins if c.date >= since)

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
    return Facts(on, cut.profile, checkins, sessions, start, reviews)


def mean(values: Iterable[int | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
