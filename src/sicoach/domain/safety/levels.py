"""The four triage levels and the shapes a triage returns (shared by plan, session, pages)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Level(StrEnum):
    CONTINUE = "continue"
    SEE_DOCTOR = "see_doctor"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _RANK[self]

    # All four orderings by rank: a StrEnum would otherwise compare the words
    # alphabetically ("urgent" > "emergency"), and `max(levels)` would pick the wrong one.
    # Not `functools.total_ordering`: it fills in only the methods a class lacks, and `str`
    # already has all four, so `<=`, `>` and `>=` would stay alphabetical.
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank >= other.rank


_RANK = {Level.CONTINUE: 0, Level.SEE_DOCTOR: 1, Level.URGENT: 2, Level.EMERGENCY: 3}


@dataclass(frozen=True)
class Reason:
    code: str
    level: Level
    message: str
    source: str


CLINICIAN_STOP = "clinician_stop"
"""The reason code of a clinician's "stop until told otherwise" (`reviews.py`): it stops the
exercises without being a medical urgency, so its level stays `see_doctor`."""


@dataclass(frozen=True)
class Assessment:
    date: date
    level: Level
    reasons: tuple[Reason, ...]

    @property
    def stops_exercise(self) -> bool:
        return self.level in (Level.URGENT, Level.EMERGENCY) or self.clinician_stop

    @property
    def clinician_stop(self) -> bool:
        """A doctor, physio or midwife said to stop the exercises until they say otherwise."""
        return any(r.code == CLINICIAN_STOP for r in self.reasons)
