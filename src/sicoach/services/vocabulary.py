"""The journal's fixed codes, for the faces (which never import the domain themselves)."""

from __future__ import annotations

from sicoach.domain.measures import WEEKDAY_NAMES
from sicoach.domain.vocabulary import (
    ACTIVITY_KINDS,
    HISTORY_CODES,
    SEXES,
    SYMPTOM_CODES,
    WEEKDAYS,
)

__all__ = ["ACTIVITY_KINDS", "HISTORY_CODES", "SEXES", "SYMPTOM_CODES", "WEEKDAYS", "WEEKDAY_NAMES"]
