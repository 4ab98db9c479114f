"""The `today --json` shape, and the parsing of plan choices (days, reminder time)."""

from __future__ import annotations

import json
from datetime import date, time

import pytest

from sicoach.domain.journal import Journal, PlanChoices, Profile
from sicoach.domain.plan import plan_day
from sicoach.domain.safety import Assessment, Level, Reason
from sicoach.interchange.plan_json import day_plan_to_dict
from sicoach.services.errors import InputError
from sicoach.services.plan import parse_days, parse_reminder
from tests.unit.test_plan_rules import CATALOG

ON = date(2026, 11, 3)


def test_day_plan_json_has_the_documented_shape() -> None:
    reason = Reason("leg_tingling", Level.SEE_DOCTOR, "Tingling in a leg.", "guide")
    plan = plan_day(
        CATALOG,
        Journal(profile=Profile(started_on=ON, plan=PlanChoices(left_out=("bridge",)))),
        ON,
        assessment=Assessment(ON, Level.SEE_DOCTOR, (reason,)),
    )
    data = json.loads(json.dumps(day_plan_to_dict(plan)))
    assert data["date"] == "2026-11-03"
    assert data["safety"] == {
        "date": "2026-11-03",
        "level": "see_doctor",
        "reasons": [
            {
                "code": "leg_tingling",
                "level": "see_doctor",
                "message": "Tingling in a leg.",
                "source": "guide",
            }
        ],
    }
    first = data["exercises"][0]
    for key in ("id", "name", "level", "hold_seconds", "reps", "per_side", "status", "reason"):
        assert key in first
    assert {e["status"] for e in data["exercises"]} <= {"planned", "modified", "skipped"}
    bridge = next(e for e in data["exercises"] if e["id"] == "bridge")
    assert bridge["status"] == "skipped"
    assert set(data["aerobic"]) >= {
        "weekly_goal_minutes",
        "week_target_minutes",
        "week_done_minutes",
        "today",
        "reason",
    }
    assert set(data["aerobic"]["today"]) == {"kind", "minutes"}
    assert isinstance(data["estimated_minutes"], int)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["mon", "wed", "fri"], (0, 2, 4)),
        (["Friday", "mon", "MON"], (0, 4)),
        ([" sun ", ""], (6,)),
    ],
)
def test_parse_days(words: list[str], expected: tuple[int, ...]) -> None:
    assert parse_days(words) == expected


@pytest.mark.parametrize("words", [["mo"], ["funday"], [], [""]])
def test_parse_days_rejects_with_the_field_and_valid_values(words: list[str]) -> None:
    with pytest.raises(InputError) as err:
        parse_days(words)
    assert err.value.field == "days"
    assert "mon,tue,wed,thu,fri,sat,sun" in str(err.value)


def test_parse_reminder() -> None:
    assert parse_reminder("07:30") == time(7, 30)
    assert parse_reminder("7:05") == time(7, 5)
    assert parse_reminder("off") is None
    for bad in ("24:00", "7.30", "7:5", "noon", "+7:05", "7 :05", "07:30:00"):
        with pytest.raises(InputError) as err:
            parse_reminder(bad)
        assert err.value.field == "time" and "HH:MM" in str(err.value)
