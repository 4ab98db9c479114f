"""The stable JSON shape of a safety assessment (docs/design.md §6, `safety --json`)."""

from __future__ import annotations

from typing import Any

from sicoach.domain.safety import Assessment


def assessment_to_dict(a: Assessment) -> dict[str, Any]:
    """`{"date", "level", "reasons": [{"code", "level", "message", "source"}]}`."""
    return {
        "date": a.date.isoformat(),
        "level": a.level.value,
        "reasons": [
            {"code": r.code, "level": r.level.value, "message": r.message, "source": r.source}
            for r in a.reasons
        ],
    }
