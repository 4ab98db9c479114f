"""A small but complete journal document used by several integration tests."""

from __future__ import annotations

import copy
from typing import Any

SAMPLE: dict[str, Any] = {
    "format": "sicoach.journal",
    "version": 1,
    "profile": {
        "started_on": "2026-11-02",
        "birth_year": 1974,
        "sex": "female",
        "pregnancy": {"status": "pregnant", "due_date": "2027-02-20"},
        "sedentary_job": True,
        "overweight": False,
        "frequent_lifting": False,
        "history": ["osteoporosis"],
        "plan": {
            "left_out": ["triangle_pose"],
            "training_days": ["mon", "wed", "fri"],
            "reminder_time": "07:30",
            "enabled": [{"id": "bridge", "date": "2026-11-10"}],
        },
    },
    "checkins": [
        {
            "date": "2026-11-02",
            "pain": 5,
            "worst_pain": 7,
            "mobility": 4,
            "symptoms": ["pain_worse_sitting", "sleep_difficulty"],
            "note": "Stiff in the morning — better after a walk.",
        },
        {
            "date": "2026-11-03",
            "pain": 4,
            "worst_pain": None,
            "mobility": None,
            "symptoms": [],
            "note": "",
        },
    ],
    "sessions": [
        {
            "started_at": "2026-11-02T07:30:00",
            "pain_before": 5,
            "pain_after": 4,
            "partial": False,
            "exercises": [
                {
                    "id": "pelvic_tilt",
                    "level": 0,
                    "reps": 10,
                    "hurt": False,
                    "pain": 2,
                    "skipped": False,
                },
                {
                    "id": "side_lying_quad_stretch",
                    "level": 0,
                    "reps": 0,
                    "hurt": True,
                    "pain": 6,
                    "skipped": False,
                },
                {
                    "id": "triangle_pose",
                    "level": 0,
                    "reps": 0,
                    "hurt": False,
                    "pain": None,
                    "skipped": True,
                },
            ],
        },
        {
            "started_at": "2026-11-03T18:05:00",
            "pain_before": None,
            "pain_after": None,
            "partial": True,
            "exercises": [],
        },
    ],
    "activities": [
        {"date": "2026-11-02", "kind": "swimming", "minutes": 30},
        {"date": "2026-11-02", "kind": "walking", "minutes": 15},
        {"date": "2026-11-03", "kind": "tai_chi", "minutes": 20},
    ],
    "function": [
        {"date": "2026-11-02", "activity": "putting on socks", "score": 4},
        {"date": "2026-11-09", "activity": "putting on socks", "score": 6},
    ],
    "reviews": [
        {
            "date": "2026-11-04",
            "advice": "gently",
            "note": "Physio: start again slowly.",
            "emergency_checked": False,
            "settles": ["night_pain"],
        },
        {
            "date": "2026-11-10",
            "advice": "carry_on",
            "note": "",
            "emergency_checked": True,
            "settles": None,
        },
    ],
}


def sample() -> dict[str, Any]:
    """A fresh deep copy of the sample journal document (export form)."""
    return copy.deepcopy(SAMPLE)
