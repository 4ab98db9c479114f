"""One person's derived state for a clinician's worklist: worked out from the journal once
per write (and stored), never per page view.

`summarise` is the one definition. The services store its answer in the same transaction as
each write; `sicoach people refresh` rebuilds it from the whole journal; a test checks both
agree. Only the time-independent facts are kept: "stopped for N days" is the stored last day
seen against today, decided when the worklist is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum

from sicoach.domain.journal import Journal
from sicoach.domain.progress import adherence_since, pain_now
from sicoach.domain.safety import evaluate
from sicoach.domain.safety.levels import Level

ADHERENCE_DAYS = 14
"""Adherence counts the planned training days of the last two weeks."""
LOW_ADHERENCE = 0.5
"""Under half of the planned training days of the last two weeks is low adherence."""
LEVEL_ORDER = ("emergency", "urgent", "see_doctor", "continue")
"""The safety levels in the worklist's order, most serious first."""


class Need(IntEnum):
    """Why a patient is on a clinician's worklist top, most pressing first (the rule that
    picks one is the worklist's query, `sicoach.store.worklist_query`)."""

    WARNING_SIGN = 0
    SEE_DOCTOR = 1
    STOPPED = 2
    PAIN_WORSE = 3
    LOW_ADHERENCE = 4
    NONE = 5


@dataclass(frozen=True)
class PersonSummary:
    """The worklist's facts about one person, as they stood at the end of `on`."""

    on: date
    level: str
    reasons: tuple[str, ...]
    sign: str
    """The code of the most serious reason ("" when there is none)."""
    sign_message: str
    """Its message, in plain words."""
    sign_date: date | None
    start: date | None
    last_seen: date | None
    pain_first_week: float | None
    pain_now: float | None
    """The mean pain of the last 7 days (the progress chart's line)."""
    pain_meaning: str
    adherence_done: int
    adherence_planned: int
    aerobic_week: int
    birth_year: int | None

    @property
    def adherence(self) -> float | None:
        if self.adherence_planned == 0:
            return None
        return self.adherence_done / self.adherence_planned


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _last_seen(journal: Journal) -> date | None:
    days = [c.date for c in journal.checkins] + [s.date for s in journal.sessions]
    days += [a.date for a in journal.activities]
    return max(days) if days else None


def _sign_date(journal: Journal, code: str, on: date) -> date:
    """The latest check-in carrying the sign (its date is the sign's), else `on`."""
    for checkin in reversed(journal.checkins):
        if code in checkin.symptoms or code in checkin.note_symptoms:
            return checkin.date
    return on


def summarise(safety_window: Journal, recent: Journal, on: date) -> PersonSummary:
    """The summary from the safety rules' window and a journal holding at least the date
    and pain of every check-in, the sessions and activities of the last two weeks and the
    latest of each (the whole journal will do for both)."""
    recent = recent.sorted().up_to(on)
    assessment = evaluate(safety_window, on)
    worst = max(assessment.reasons, key=lambda r: r.level.rank, default=None)
    sign, message, sign_date = "", "", None
    if worst is not None and worst.level > Level.CONTINUE:
        sign, message = worst.code, worst.message
        sign_date = _sign_date(safety_window.up_to(on), worst.code, on)
    start = recent.start_date
    if start is not None and start > on:
        start = None
    now, change = pain_now(recent, start, on)
    since = on - timedelta(days=ADHERENCE_DAYS - 1)
    adherence = adherence_since(recent, start, on, since)
    monday = on - timedelta(days=on.weekday())
    profile = recent.profile
    return PersonSummary(
        on=on,
        level=assessment.level.value,
        reasons=tuple(sorted({r.code for r in assessment.reasons})),
        sign=sign[:60],
        sign_message=message[:500],
        sign_date=sign_date,
        start=start,
        last_seen=_last_seen(recent),
        pain_first_week=_rounded(change.baseline),
        pain_now=_rounded(now),
        pain_meaning=change.meaning.value,
        adherence_done=adherence.done_days,
        adherence_planned=adherence.planned_days,
        aerobic_week=sum(a.minutes for a in recent.activities if monday <= a.date <= on),
        birth_year=profile.birth_year if profile else None,
    )
