"""Rules on how guided sessions went: exercises that hurt, pain that rises during them."""

from __future__ import annotations

from datetime import timedelta

from sicoach.domain import measures
from sicoach.domain.journal import Session
from sicoach.domain.safety.facts import Facts
from sicoach.domain.safety.levels import Level, Reason
from sicoach.domain.safety.registry import rule
from sicoach.domain.safety.thresholds import (
    HURT_LOOKBACK_SESSIONS,
    HURT_MIN_SESSIONS,
    HURT_SESSION_MAX_AGE_DAYS,
    SAME_EXERCISE_MIN_TIMES,
    SESSION_PAIN_RISE,
)
from sicoach.domain.safety.wording import BOOK_VISIT, SRC_EXERCISE_PAIN


def _session_hurt(s: Session) -> bool:
    """An exercise hurt in the session (`measures.it_hurt`: skipped or not)."""
    return any(measures.it_hurt(e) for e in s.exercises)


def _recent_sessions(f: Facts) -> tuple[Session, ...]:
    since = f.on - timedelta(days=HURT_SESSION_MAX_AGE_DAYS - 1)
    recent = f.sessions_since(since)
    return tuple(recent[-HURT_LOOKBACK_SESSIONS:])


@rule("exercises_hurt", Level.SEE_DOCTOR, SRC_EXERCISE_PAIN)
def exercises_hurt(f: Facts) -> list[Reason]:
    """Exercises keep hurting -> `exercises_hurt`.

    Of the last 3 sessions (within the last 28 days), at least 2 had an exercise that was
    marked "it hurts" or rated 6 or more during it. Any exercise counts, not only the same
    one, because the plan skips an exercise after it hurts.
    """
    recent = _recent_sessions(f)
    if sum(1 for s in recent if _session_hurt(s)) < HURT_MIN_SESSIONS:
        return []
    return [
        Reason(
            "exercises_hurt",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Exercises hurt in several of your recent sessions; a doctor or "
            "physio can check why and adjust your routine.",
            SRC_EXERCISE_PAIN,
        )
    ]


@rule("session_pain_rises", Level.SEE_DOCTOR, SRC_EXERCISE_PAIN)
def session_pain_rises(f: Facts) -> list[Reason]:
    """Pain rises during sessions -> `session_pain_rises`.

    Of the last 3 sessions (within the last 28 days), at least 2 ended with pain 2 or more
    points above the pain at the start.
    """
    recent = _recent_sessions(f)
    rising = sum(
        1
        for s in recent
        if s.pain_before is not None
        and s.pain_after is not None
        and s.pain_after - s.pain_before >= SESSION_PAIN_RISE
    )
    if rising < HURT_MIN_SESSIONS:
        return []
    return [
        Reason(
            "session_pain_rises",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Your pain went up during several recent sessions; a doctor or "
            "physio can check why and adjust your routine.",
            SRC_EXERCISE_PAIN,
        )
    ]


@rule("same_exercise_hurts", Level.SEE_DOCTOR, SRC_EXERCISE_PAIN)
def same_exercise_hurts(f: Facts) -> list[Reason]:
    """The same exercise hurt every time it was tried -> `same_exercise_hurts`.

    Within the last 28 days, an exercise tried 2 or more times (a result not merely
    skipped) hurt each time ("it hurts", or pain 6 or more). One reason naming them all.
    """
    since = f.on - timedelta(days=HURT_SESSION_MAX_AGE_DAYS - 1)
    tried: dict[str, list[bool]] = {}
    for s in f.sessions_since(since):
        for e in s.exercises:
            if measures.it_hurt(e) or not e.skipped:
                tried.setdefault(e.id, []).append(measures.it_hurt(e))
    always = sorted(
        eid for eid, hurts in tried.items() if len(hurts) >= SAME_EXERCISE_MIN_TIMES and all(hurts)
    )
    if not always:
        return []
    names = ", ".join(eid.replace("_", " ") for eid in always)
    return [
        Reason(
            "same_exercise_hurts",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} The same exercise hurt every time you did it ({names}); leave it out "
            "for now and ask a doctor or physio what to do instead.",
            SRC_EXERCISE_PAIN,
        )
    ]
