"""Progress figures against a fortnight whose answers were worked out by hand.

The program starts on Monday 2026-11-02; training days are Monday, Wednesday and Friday.
The journal itself, with the hand sums beside its values, is `tests.journals.fortnight`.
"""

from __future__ import annotations

import pytest

from sicoach.domain.journal import CheckIn, Journal, Profile
from sicoach.domain.progress import Meaning, compute_progress, fmt_number
from tests.journals import fortnight, nov


@pytest.fixture
def progress():  # type: ignore[no-untyped-def]
    names = {"side_lying_quad_stretch": "Side-lying quad stretch", "bridge": "Bridge"}
    return compute_progress(
        fortnight(), nov(15), exercise_names=names, weekly_targets={nov(2): 60, nov(9): 90}
    )


def test_pain_baseline_latest_and_meaningful_drop(progress) -> None:  # type: ignore[no-untyped-def]
    change = progress.pain.change
    assert change.baseline == pytest.approx(6.0)
    assert change.latest == pytest.approx(3.5)
    assert change.difference == pytest.approx(-2.5)
    assert change.percent == pytest.approx(-2.5 / 6 * 100)
    assert change.meaning is Meaning.BETTER
    assert change.summary == (
        "Your pain is 2.5 points lower than in your first week — a meaningful change."
    )
    assert progress.pain.baseline_start == nov(2)
    assert progress.pain.baseline_end == nov(8)


def test_daily_pain_and_seven_day_average(progress) -> None:  # type: ignore[no-untyped-def]
    days = {d.date: d for d in progress.pain.days}
    assert len(progress.pain.days) == 14
    assert days[nov(2)].value == 7 and days[nov(2)].average == pytest.approx(7.0)
    assert days[nov(8)].average == pytest.approx(6.0)
    assert days[nov(11)].value is None
    # Nov 5-11 holds 5, 6, 6, 6, 4, 4 (the 11th has no score).
    assert days[nov(11)].average == pytest.approx(31 / 6)
    assert days[nov(15)].average == pytest.approx(3.5)
    assert len(progress.pain.values) == 13


def test_mobility_small_rise(progress) -> None:  # type: ignore[no-untyped-def]
    change = progress.mobility.change
    assert change.baseline == pytest.approx(13 / 3)
    assert change.latest == pytest.approx(5.0)
    assert change.meaning is Meaning.SMALL
    assert change.summary == (
        "Your mobility is 0.7 points higher than in your first week — a small change, "
        "not yet a clear one."
    )


def test_adherence_and_streak(progress) -> None:  # type: ignore[no-untyped-def]
    a = progress.adherence
    assert a.training_days == (0, 2, 4)
    # Training days Nov 2, 4, 6, 9, 11, 13; the 6th only holds a session with nothing done.
    assert (a.planned_days, a.done_days, a.sessions, a.current_streak) == (6, 5, 6, 3)
    assert a.fraction == pytest.approx(5 / 6)
    assert a.summary == (
        "You did a session on 5 of your 6 training days (83%); "
        "your current run is 3 training days in a row."
    )


def test_today_without_a_session_does_not_count_yet() -> None:
    # Monday the 16th is a training day; with no session yet it neither counts nor breaks.
    a = compute_progress(fortnight(), nov(16)).adherence
    assert (a.planned_days, a.done_days, a.current_streak) == (6, 5, 3)
    # By Tuesday the 17th, Monday was missed: the run is broken.
    a = compute_progress(fortnight(), nov(17)).adherence
    assert (a.planned_days, a.done_days, a.current_streak) == (7, 5, 0)
    assert a.summary.endswith("your next session starts a new run.")


def test_aerobic_minutes_per_iso_week(progress) -> None:  # type: ignore[no-untyped-def]
    weeks = progress.aerobic.weeks
    assert [(w.label, w.minutes, w.target, w.goal) for w in weeks] == [
        ("2026-W45", 65, 60, 150),
        ("2026-W46", 160, 90, 150),
    ]
    assert [w.met_goal for w in weeks] == [False, True]
    assert progress.aerobic.total_minutes == 225
    assert progress.aerobic.summary == (
        "This week you have done 160 aerobic minutes, reaching your target of 90 "
        "(the goal is 150 a week); last week you did 65."
    )


def test_aerobic_target_defaults_to_goal() -> None:
    aerobic = compute_progress(fortnight(), nov(9)).aerobic
    assert [(w.minutes, w.target) for w in aerobic.weeks] == [(65, 150), (30, 150)]
    assert aerobic.summary == (
        "This week you have done 30 of your 150 aerobic minutes; last week you did 65."
    )


def test_exercises_that_hurt(progress) -> None:  # type: ignore[no-untyped-def]
    assert [(h.id, h.name, h.count, h.last_date) for h in progress.hurt] == [
        ("side_lying_quad_stretch", "Side-lying quad stretch", 2, nov(9)),
        ("bridge", "Bridge", 1, nov(9)),
    ]


def test_symptoms_over_time_red_flags_first(progress) -> None:  # type: ignore[no-untyped-def]
    rows = [(s.code, s.days, s.first, s.last, s.red_flag) for s in progress.symptoms]
    assert rows == [
        ("night_pain", 1, nov(12), nov(12), True),
        ("leg_tingling", 1, nov(10), nov(10), False),
        ("pain_worse_sitting", 2, nov(2), nov(3), False),
    ]
    assert [s.code for s in progress.red_flags] == ["night_pain"]


def test_my_activities(progress) -> None:  # type: ignore[no-untyped-def]
    f = progress.function
    rows = [(a.activity, a.first_score, a.latest_score, a.change) for a in f.activities]
    assert rows == [
        ("getting up from a chair", 4, 7, 3),
        ("sitting for 30 minutes", 3, 6, 3),
        ("sleeping through", 2, 2, 0),
    ]
    assert f.first_average == pytest.approx(3.0)
    assert f.latest_average == pytest.approx(5.0)
    assert f.change == pytest.approx(2.0)
    assert f.meaning is Meaning.BETTER  # exactly 2 points: meaningful (Abbott & Schmitt)
    assert f.summary == (
        "Your activities score 5 out of 10 on average, 2 points higher than at first "
        "— a meaningful change."
    )


def test_records_after_the_date_are_ignored() -> None:
    p = compute_progress(fortnight(), nov(9))
    assert len(p.pain.days) == 8
    assert p.pain.change.latest == pytest.approx(4.0)
    assert p.pain.change.meaning is Meaning.BETTER  # 2 points down from 6
    assert [h.count for h in p.hurt] == [2, 1]
    assert p.function.latest_average == pytest.approx((5 + 4 + 2) / 3)


def test_first_week_is_only_the_starting_point() -> None:
    p = compute_progress(fortnight(), nov(8))
    assert p.pain.change.meaning is Meaning.UNKNOWN
    assert p.pain.change.baseline == pytest.approx(6.0)
    assert "first week" in p.pain.change.summary


@pytest.mark.parametrize(
    ("first", "later", "meaning"),
    [
        ((5,), (3.5,), Meaning.BETTER),  # 1.5 points is 30% of 5
        ((5,), (4,), Meaning.SMALL),  # 20%
        ((8,), (6,), Meaning.BETTER),  # 2 points is 25% of 8
        ((8,), (6.5,), Meaning.SMALL),  # 1.5 points and 19%
        ((3,), (5,), Meaning.WORSE),  # a rise of 2
        ((5,), (6.5,), Meaning.WORSE),  # a rise of 30%
        ((0,), (1,), Meaning.SMALL),  # no percentage from a baseline of 0
        ((4,), (4,), Meaning.SMALL),
    ],
)
def test_meaningful_change_edges(first, later, meaning) -> None:  # type: ignore[no-untyped-def]
    # Half points come from two days averaging to it (e.g. 3 and 4 -> 3.5).
    def days(values, start):  # type: ignore[no-untyped-def]
        out = []
        for i, v in enumerate(values):
            lo, hi = int(v), int(v) + (1 if v != int(v) else 0)
            out += [CheckIn(nov(start + 2 * i), pain=lo), CheckIn(nov(start + 2 * i + 1), pain=hi)]
        return out

    journal = Journal(Profile(started_on=nov(2)), tuple(days(first, 2) + days(later, 9)))
    assert compute_progress(journal, nov(15)).pain.change.meaning is meaning


def test_empty_journal() -> None:
    p = compute_progress(Journal(), nov(15))
    assert p.start is None
    assert p.pain.days == ()
    assert p.adherence.planned_days == 0
    assert p.aerobic.weeks == ()
    assert p.function.meaning is Meaning.UNKNOWN
    assert all(p.summaries)


def test_fmt_number() -> None:
    assert [fmt_number(x) for x in (2.0, 2.46, 0.6667, -1.25, 10)] == [
        "2",
        "2.5",
        "0.7",
        "-1.2",
        "10",
    ]
