"""Safety triage: one level for the journal as it stood on a date, with every reason.

CONTRACT (DESIGN.md section 5): `evaluate(journal, on)` -> `Assessment`. The rules
themselves are filled in by the safety issue; the types below are shared by the plan,
the session, the pages and the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sicoach.domain.journal import Journal


class Level(StrEnum):
    CONTINUE = "continue"
    SEE_DOCTOR = "see_doctor"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank < other.rank


_RANK = {Level.CONTINUE: 0, Level.SEE_DOCTOR: 1, Level.URGENT: 2, Level.EMERGENCY: 3}


@dataclass(frozen=True)
class Reason:
    code: str
    level: Level
    message: str
    source: str


@dataclass(frozen=True)
class Assessment:
    date: date
    level: Level
    reasons: tuple[Reason, ...]

    @property
    def stops_exercise(self) -> bool:
        return self.level in (Level.URGENT, Level.EMERGENCY)


def evaluate(journal: Journal, on: date) -> Assessment:
    """Triage the journal as it stood at the end of `on`."""
    raise NotImplementedError("filled in by the safety issue")
