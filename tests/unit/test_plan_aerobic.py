"""Unit tests for the weekly aerobic target and today's suggestion (our growth rule)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from sicoach.domain.aerobic import (
    GROWTH_RULE_TEXT,
    growth,
    pain_rising,
    plan_aerobic,
    usual_kind,
    week_start,
    week_target,
)
from sicoach.domain.journal import Activity, CheckIn, Journal, Profile
from tests.unit.test_plan_rules import CATALOG

ITEM = CATALOG.aerobic
START = date(2026, 11, 2)  # Monday


def j(activities: tuple[Activity, ...] = (), checkins: tuple[CheckIn, ...] = ()) -> Journal:
    return Journal(profile=Profile(started_on=START), activities=activities, checkins=checkins)


def walks(first: date, days: int, minutes: int, kind: str = "walking") -> tuple[Activity, ...]:
    return tuple(Activity(first + timedelta(days=k), kind, minutes) for k in range(days))


def test_week_runs_monday_to_sunday() -> None:
    assert week_start(date(2026, 11, 8)) == START  # Sunday
    assert week_start(date(2026, 11, 9)) == date(2026, 11, 9)


def test_first_week_starts_from_the_guides_ten_minute_walks() -> None:
    a = plan_aerobic(ITEM, j(), START)
    assert a.weekly_goal_minutes == 150
    assert a.week_target_minutes == 50  # 5 days x 10 minutes
    assert a.week_done_minutes == 0
    assert a.today_kind == "walking" and a.today_minutes == 10
    assert GROWTH_RULE_TEXT in a.reason and "Our own rule" in a.reason


def test_growth_is_ten_percent_or_five_minutes_a_day_whichever_is_smaller() -> None:
    assert growth(50, 5) == 5
    assert growth(100, 5) == 10
    assert growth(150, 5) == 15
    assert growth(400, 5) == 25  # 5 minutes a day x 5 days is smaller here
    assert growth(5, 5) == 1


def test_target_grows_each_week_up_to_the_goal() -> None:
    targets = [week_target(ITEM, j(), START + timedelta(weeks=w)).minutes for w in range(12)]
    assert targets[:4] == [50, 55, 65, 75]  # 10% a week, rounded up to 5 minutes
    assert max(targets) == 150 and targets[-1] == 150
    assert all(b >= a for a, b in itertools.pairwise(targets))


def test_target_starts_from_what_the_person_already_logs_and_is_capped() -> None:
    before = walks(START - timedelta(days=7), 7, 30)  # 210 minutes the week before the start
    assert week_target(ITEM, j(before), START).minutes == 150
    some = walks(START - timedelta(days=7), 4, 20)  # 80 minutes
    assert week_target(ITEM, j(some), START).minutes == 80
    logged = walks(START, 5, 20)  # 100 in the first week, target 50
    assert week_target(ITEM, j(logged), START + timedelta(weeks=1)).minutes == 110


def test_target_holds_while_pain_rises() -> None:
    pain = tuple(CheckIn(START + timedelta(days=k), pain=3) for k in range(7))
    pain += tuple(CheckIn(START + timedelta(days=7 + k), pain=4) for k in range(7))
    journal = j(checkins=pain)
    assert pain_rising(journal, START + timedelta(weeks=1))
    assert not pain_rising(journal, START)
    assert week_target(ITEM, journal, START + timedelta(weeks=1)).minutes == 55
    held = week_target(ITEM, journal, START + timedelta(weeks=2))
    assert held.minutes == 55 and held.held_for_pain
    a = plan_aerobic(ITEM, journal, START + timedelta(weeks=2))
    assert "did not grow" in a.reason


def test_pain_up_less_than_a_point_is_not_rising() -> None:
    pain = tuple(CheckIn(START + timedelta(days=k), pain=3) for k in range(7))
    pain += (CheckIn(START + timedelta(days=7), pain=3), CheckIn(START + timedelta(days=8), pain=4))
    assert not pain_rising(j(checkins=pain), START + timedelta(weeks=1))


def test_hold_keeps_this_week_at_last_weeks_target() -> None:
    on = START + timedelta(weeks=2)
    assert week_target(ITEM, j(), on).minutes == 65
    assert week_target(ITEM, j(), on, hold=True).minutes == 55
    assert "seen a doctor" in plan_aerobic(ITEM, j(), on, hold=True).reason


def test_today_spreads_what_is_left_over_the_days_left_with_a_floor_and_a_cap() -> None:
    thursday = START + timedelta(days=3)
    done = walks(START, 3, 10)  # 30 of 50 done Mon-Wed
    a = plan_aerobic(ITEM, j(done), thursday)
    assert a.week_done_minutes == 30
    assert a.today_minutes == 10  # 20 left over 4 days -> 5, raised to the 10-minute start
    late = plan_aerobic(ITEM, j(walks(START - timedelta(days=7), 7, 30)), START + timedelta(days=6))
    assert late.week_target_minutes == 150
    assert late.today_minutes == 30  # never more than a fifth of the week's target in a day


def test_today_is_zero_when_the_week_is_done() -> None:
    a = plan_aerobic(ITEM, j(walks(START, 2, 30)), START + timedelta(days=2))
    assert a.today_minutes == 0 and "reached this week's target" in a.reason


def test_today_counts_minutes_logged_today_in_the_week_but_not_in_the_suggestion() -> None:
    a = plan_aerobic(ITEM, j(walks(START, 1, 15)), START)
    assert a.week_done_minutes == 15 and a.today_minutes == 10


def test_reason_does_not_contradict_minutes_already_logged_today() -> None:
    # The bar shows 20 of 50 done; the reason must not say all 50 are still left.
    a = plan_aerobic(ITEM, j(walks(START, 1, 20)), START)
    assert a.week_done_minutes == 20 and a.today_minutes == 10
    assert "50 minutes are left" not in a.reason
    assert "You have logged 20 minutes today" in a.reason
    assert "20 minutes today" not in plan_aerobic(ITEM, j(), START).reason


def test_usual_kind_is_the_most_logged_in_four_weeks() -> None:
    acts = walks(START, 3, 20, "swimming") + walks(START + timedelta(days=3), 2, 10)
    assert usual_kind(j(acts), START + timedelta(days=6)) == "swimming"
    assert usual_kind(j(acts), START + timedelta(days=40)) == "walking"
    assert plan_aerobic(ITEM, j(acts), START + timedelta(days=6)).today_kind == "swimming"


def test_stop_means_no_activity() -> None:
    a = plan_aerobic(ITEM, j(), START, stop=True, stop_reason="No activity today: see a doctor.")
    assert a.today_minutes == 0 and a.today_kind is None
    assert a.reason == "No activity today: see a doctor."


def test_every_target_and_suggestion_is_a_multiple_of_five_minutes() -> None:
    for weeks in range(12):
        on = START + timedelta(weeks=weeks)
        assert week_target(ITEM, j(), on).minutes % 5 == 0
        for day in range(7):
            plan = plan_aerobic(ITEM, j(), on + timedelta(days=day))
            assert plan.week_target_minutes % 5 == 0 and plan.today_minutes % 5 == 0


def test_the_headline_says_what_to_do_and_the_arithmetic_stays_behind_it() -> None:
    thursday = START + timedelta(days=3)
    a = plan_aerobic(ITEM, j(walks(START, 3, 10)), thursday)
    assert a.headline == "About 10 minutes of walking today."
    assert a.why_this_number.startswith("20 minutes of this week's 50 were left")
    assert "never under 10 minutes" in a.why_this_number
    assert GROWTH_RULE_TEXT in a.why_this_number and GROWTH_RULE_TEXT not in a.headline
    assert a.reason == f"{a.headline} {a.why_this_number}"
