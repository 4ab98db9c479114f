"""Unit tests for every rule of the day planner, on a small catalog built by hand.

The catalog below follows the guide's doses (bridge 8-10, inner thigh squeeze 3-5, cat-cow
8-10, pelvic tilt 10 or more with alternating marches as level 1) so the tests read like the
guide; it does not depend on the content pack.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sicoach.domain.exercises import (
    AerobicItem,
    AerobicOption,
    Catalog,
    Dosage,
    Exercise,
    Progression,
    Range,
    Variant,
)
from sicoach.domain.journal import (
    CheckIn,
    ExerciseResult,
    Journal,
    PlanChoices,
    Pregnancy,
    Profile,
    Session,
)
from sicoach.domain.plan import (
    RULES,
    Action,
    DayPlan,
    PhysioDose,
    PlanDefaults,
    PlannedExercise,
    Status,
    estimate_seconds,
    plan_day,
)
from sicoach.domain.safety import Assessment, Level, Reason

START = date(2026, 11, 2)  # a Monday


def _ex(
    id: str,
    position: str,
    hold: Range | None,
    reps: Range | None,
    per_side: bool = False,
    progressions: tuple[Progression, ...] = (),
    variants: tuple[Variant, ...] = (),
    pregnancy_caution: str | None = None,
    order: int = 0,
) -> Exercise:
    return Exercise(
        id=id,
        name=id.replace("_", " ").title(),
        purpose="",
        position=position,
        steps=(f"Do the {id}.",),
        dosage=Dosage(hold_seconds=hold, reps=reps, per_side=per_side),
        progressions=(Progression(0, "Base", ""), *progressions),
        props=(),
        cautions=(),
        modifications=(),
        our_defaults=(),
        key_instruction="",
        variants=variants,
        pregnancy_caution=pregnancy_caution,
        order=order,
    )


def make_catalog() -> Catalog:
    """A catalog with the guide's doses (our defaults where the guide is vague)."""
    side_bridge = Variant(
        key="pregnancy",
        position="side_lying",
        steps=("Lie on your side and lift your top knee.",),
        reason="done on your side instead of flat on your back.",
        source="ACOG and March of Dimes summaries",
    )
    exercises = (
        _ex(
            "pelvic_tilt",
            "supine",
            Range(5, 5),
            Range(10, None),
            progressions=(
                Progression(1, "Pelvic tilt with alternating marches", "", ("Tilt, then march.",)),
            ),
            order=1,
        ),
        _ex("knee_to_chest", "supine", Range(2, 3), None, per_side=True, order=2),
        _ex("inner_thigh_squeeze", "supine", Range(5, 5), Range(3, 5), order=4),
        _ex(
            "figure_four",
            "supine",
            Range(3, 5),
            None,
            per_side=True,
            pregnancy_caution="keep the lift small if your pelvis aches.",
            order=5,
        ),
        _ex("bridge", "supine", Range(5, 5), Range(8, 10), variants=(side_bridge,), order=8),
        _ex("cat_cow", "hands_and_knees", None, Range(8, 10), order=9),
        _ex(
            "triangle_pose",
            "standing",
            None,
            Range(1, 1),
            per_side=True,
            pregnancy_caution="use a narrower stance and hold a chair.",
            order=10,
        ),
    )
    aerobic = AerobicItem(
        id="low_impact_aerobics",
        name="Low-impact aerobic activity",
        purpose="",
        options=(AerobicOption("walking", "Walking", ""),),
        weekly_goal_minutes=150,
        sessions_per_week=5,
        minutes_per_session=30,
        walking_start_minutes=Range(10, 15),
    )
    return Catalog(exercises=exercises, aerobic=aerobic, education=(), symptoms=(), history=())


CATALOG = make_catalog()


def assess(on: date, level: Level = Level.CONTINUE) -> Assessment:
    reasons = ()
    if level is not Level.CONTINUE:
        reasons = (Reason("test_" + level.value, level, f"Test reason at {level.value}.", "test"),)
    return Assessment(on, level, reasons)


def journal(
    sessions: tuple[Session, ...] = (),
    checkins: tuple[CheckIn, ...] = (),
    choices: PlanChoices | None = None,
    pregnancy: Pregnancy | None = None,
    activities: tuple = (),
) -> Journal:
    profile = Profile(started_on=START, pregnancy=pregnancy, plan=choices or PlanChoices())
    return Journal(profile=profile, sessions=sessions, checkins=checkins, activities=activities)


def session(on: date, *results: ExerciseResult) -> Session:
    return Session(
        started_at=datetime.combine(on, datetime.min.time()).replace(hour=8), exercises=results
    )


def plan(j: Journal, on: date, level: Level = Level.CONTINUE, **kw) -> DayPlan:  # type: ignore[no-untyped-def]
    return plan_day(CATALOG, j, on, assessment=assess(on, level), **kw)


def item(p: DayPlan, exercise_id: str) -> PlannedExercise:
    return next(e for e in p.exercises if e.id == exercise_id)


def daily_sessions(first: date, days: int, *results: ExerciseResult) -> tuple[Session, ...]:
    return tuple(session(first + timedelta(days=k), *results) for k in range(days))


# ------------------------------------------------------------------ first day


def test_first_day_starts_every_exercise_at_the_bottom_of_the_guide_range() -> None:
    p = plan(journal(), START)
    assert [e.id for e in p.exercises][:2] == ["pelvic_tilt", "knee_to_chest"]
    assert item(p, "bridge").reps == 8
    assert item(p, "inner_thigh_squeeze").reps == 3
    assert item(p, "cat_cow").reps == 8
    assert item(p, "pelvic_tilt").reps == 10
    assert item(p, "pelvic_tilt").level == 0
    assert item(p, "knee_to_chest").hold_seconds == 2
    assert item(p, "knee_to_chest").reps == 1
    assert all(e.status is Status.PLANNED and e.rule == "first_time" for e in p.exercises)
    assert all(e.reason and e.source for e in p.exercises)
    assert p.training_day and p.message == ""
    assert p.estimated_minutes > 0


def test_every_rule_has_text_source_and_status() -> None:
    for code, rule in RULES.items():
        assert rule.code == code
        assert rule.text.strip() and rule.source.strip()
        assert isinstance(rule.status, Status)


def test_plan_uses_only_the_journal_up_to_the_day() -> None:
    later = session(START + timedelta(days=3), ExerciseResult("bridge", reps=8, hurt=True))
    p = plan(journal(sessions=(later,)), START + timedelta(days=1))
    assert item(p, "bridge").status is Status.PLANNED


# ------------------------------------------------------------------ safety


@pytest.mark.parametrize("level", [Level.EMERGENCY, Level.URGENT])
def test_emergency_and_urgent_plan_no_exercises_and_no_activity(level: Level) -> None:
    p = plan(journal(), START, level)
    assert p.active == ()
    assert all(e.status is Status.SKIPPED and e.rule == "safety_stop" for e in p.exercises)
    assert "Test reason" in p.message
    assert all("doctor" in e.reason or "emergency" in e.reason for e in p.exercises)
    assert p.message.startswith("Stop")
    assert p.aerobic.today_minutes == 0 and p.aerobic.today_kind is None
    assert p.estimated_minutes == 0


def test_emergency_says_emergency_care() -> None:
    p = plan(journal(), START, Level.EMERGENCY)
    assert "emergency care" in item(p, "bridge").reason


def test_see_doctor_holds_progression_that_would_otherwise_happen() -> None:
    sessions = daily_sessions(START, 7, ExerciseResult("bridge", reps=8, pain=1))
    on = START + timedelta(days=7)
    assert item(plan(journal(sessions), on), "bridge").reps == 9
    held = item(plan(journal(sessions), on, Level.SEE_DOCTOR), "bridge")
    assert held.reps == 8 and held.rule == "see_doctor_hold"
    assert held.status is Status.PLANNED


def test_see_doctor_keeps_the_comfortable_dose_over_a_physios_higher_one() -> None:
    sessions = daily_sessions(START, 3, ExerciseResult("bridge", reps=8, pain=1))
    on = START + timedelta(days=3)
    doses = {"bridge": PhysioDose(10, 5)}
    assert item(plan(journal(sessions), on, doses=doses), "bridge").reps == 10
    held = item(plan(journal(sessions), on, Level.SEE_DOCTOR, doses=doses), "bridge")
    assert (held.reps, held.rule) == (8, "see_doctor_hold")
    first = item(plan(journal(), START, Level.SEE_DOCTOR, doses=doses), "bridge")
    assert (first.reps, first.rule) == (10, "dose_by_physio")  # nothing done yet to keep


def test_see_doctor_leaves_out_what_was_sore_or_hurt_recently() -> None:
    s = (
        session(START, ExerciseResult("bridge", reps=8, pain=4), ExerciseResult("cat_cow", reps=8)),
    )
    p = plan(journal(s), START + timedelta(days=1), Level.SEE_DOCTOR)
    assert item(p, "bridge").status is Status.SKIPPED
    assert item(p, "bridge").rule == "see_doctor_not_comfortable"
    assert item(p, "cat_cow").status is Status.PLANNED
    assert "doctor" in p.message


def test_see_doctor_lookback_edge() -> None:
    d = PlanDefaults()
    s = (
        session(START, ExerciseResult("bridge", reps=8, pain=4)),
        session(START + timedelta(days=1), ExerciseResult("bridge", reps=8, pain=1)),
    )
    edge = START + timedelta(days=d.see_doctor_lookback_days)
    assert item(plan(journal(s), edge, Level.SEE_DOCTOR), "bridge").status is Status.SKIPPED
    after = edge + timedelta(days=1)
    assert item(plan(journal(s), after, Level.SEE_DOCTOR), "bridge").rule == "see_doctor_hold"


# ------------------------------------------------------------------ hurt


def test_hurt_last_time_is_skipped_with_the_day_it_comes_back() -> None:
    s = (session(START, ExerciseResult("bridge", reps=8, hurt=True)),)
    p = plan(journal(s), START + timedelta(days=1))
    b = item(p, "bridge")
    assert b.status is Status.SKIPPED and b.rule == "hurt_last_time"
    # hurt on Monday, 3-day pause (our default): offered again on Thursday
    assert b.reason == (
        "Skipped today: it hurt last time. We will offer it again on Thursday at the easiest level."
    )
    assert "3-day pause is ours" in b.source


def test_pain_above_five_counts_as_hurt_and_five_does_not() -> None:
    six = (session(START, ExerciseResult("bridge", reps=8, pain=6)),)
    five = (session(START, ExerciseResult("bridge", reps=8, pain=5)),)
    on = START + timedelta(days=1)
    assert item(plan(journal(six), on), "bridge").rule == "hurt_last_time"
    assert item(plan(journal(five), on), "bridge").rule == "sore_hold"


def test_hurt_exercise_is_offered_again_after_the_pause_at_the_easiest_level() -> None:
    s = (session(START, ExerciseResult("pelvic_tilt", level=1, reps=10, hurt=True)),)
    d = PlanDefaults()
    before = plan(journal(s), START + timedelta(days=d.hurt_pause_days - 1))
    assert item(before, "pelvic_tilt").status is Status.SKIPPED
    p = plan(journal(s), START + timedelta(days=d.hurt_pause_days))
    t = item(p, "pelvic_tilt")
    assert t.status is Status.MODIFIED and t.rule == "offered_again"
    assert t.level == 0 and t.reps == 10
    assert any("hurt before" in c for c in t.cautions)


def test_offer_day_moves_to_the_next_training_day() -> None:
    choices = PlanChoices(training_days=(0, 2, 4))  # Mon, Wed, Fri
    s = (session(START, ExerciseResult("bridge", reps=8, hurt=True)),)  # Monday
    p = plan(journal(s, choices=choices), START + timedelta(days=2))  # Wednesday
    assert "Friday" in item(p, "bridge").reason


def test_hurt_twice_stays_off_until_enabled() -> None:
    s = (
        session(START, ExerciseResult("bridge", reps=9, hurt=True)),
        session(START + timedelta(days=3), ExerciseResult("bridge", reps=8, hurt=True)),
    )
    much_later = START + timedelta(days=30)
    off = item(plan(journal(s), much_later), "bridge")
    assert off.status is Status.SKIPPED and off.rule == "hurt_twice"
    assert off.action is Action.TURN_BACK_ON and "`" not in off.reason  # no face's commands
    enabled = PlanChoices(enabled_on=(("bridge", START + timedelta(days=10)),))
    back = item(plan(journal(s, choices=enabled), much_later), "bridge")
    assert back.status is Status.MODIFIED and back.rule == "enabled_again"
    assert back.reps == 8 and back.level == 0


def test_enabled_exercise_that_goes_well_then_progresses_normally() -> None:
    enabled_on = START + timedelta(days=10)
    s = (
        session(START, ExerciseResult("bridge", reps=9, hurt=True)),
        session(START + timedelta(days=3), ExerciseResult("bridge", reps=8, hurt=True)),
        session(enabled_on + timedelta(days=1), ExerciseResult("bridge", reps=8, pain=1)),
    )
    choices = PlanChoices(enabled_on=(("bridge", enabled_on),))
    b = item(plan(journal(s, choices=choices), enabled_on + timedelta(days=2)), "bridge")
    assert b.rule == "keep" and b.reps == 8


def test_comfortable_session_between_hurts_resets_the_count() -> None:
    s = (
        session(START, ExerciseResult("bridge", reps=8, hurt=True)),
        session(START + timedelta(days=3), ExerciseResult("bridge", reps=8, pain=1)),
        session(START + timedelta(days=4), ExerciseResult("bridge", reps=8, hurt=True)),
    )
    b = item(plan(journal(s), START + timedelta(days=5)), "bridge")
    assert b.rule == "hurt_last_time"


def test_skipped_results_do_not_count_as_done() -> None:
    s = (
        session(START, ExerciseResult("bridge", reps=8, hurt=True)),
        session(START + timedelta(days=1), ExerciseResult("bridge", skipped=True)),
    )
    assert item(plan(journal(s), START + timedelta(days=2)), "bridge").rule == "hurt_last_time"


# ------------------------------------------------------------------ pain guides dose


def test_pain_four_or_five_holds_the_dose() -> None:
    sessions = daily_sessions(START, 6, ExerciseResult("bridge", reps=8, pain=2))
    sessions += (session(START + timedelta(days=6), ExerciseResult("bridge", reps=8, pain=4)),)
    b = item(plan(journal(sessions), START + timedelta(days=7)), "bridge")
    assert b.reps == 8 and b.rule == "sore_hold" and "4 out of 10" in b.reason


def test_next_day_pain_up_two_lowers_the_dose_for_three_days() -> None:
    sessions = daily_sessions(START, 14, ExerciseResult("bridge", reps=10, pain=1))
    jump = START + timedelta(days=14)
    checkins = (CheckIn(jump - timedelta(days=1), pain=3), CheckIn(jump, pain=5))
    j = journal(sessions, checkins)
    for k in range(3):
        b = item(plan(j, jump + timedelta(days=k)), "bridge")
        assert b.rule == "dose_down" and b.reps == 8 and b.status is Status.MODIFIED
    assert "from 3 to 5" in b.reason
    after = item(plan(j, jump + timedelta(days=3)), "bridge")
    assert after.rule == "at_top" and after.reps == 10


def test_pain_up_by_one_does_not_lower_the_dose() -> None:
    sessions = daily_sessions(START, 3, ExerciseResult("bridge", reps=9, pain=1))
    day = START + timedelta(days=3)
    checkins = (CheckIn(day - timedelta(days=1), pain=3), CheckIn(day, pain=4))
    assert item(plan(journal(sessions, checkins), day), "bridge").reps == 9


def test_pain_rise_needs_both_days_checked_in() -> None:
    day = START + timedelta(days=3)
    checkins = (CheckIn(day - timedelta(days=2), pain=1), CheckIn(day, pain=6))
    assert item(plan(journal(checkins=checkins), day), "bridge").rule == "first_time"


def test_sessions_in_a_lowered_period_do_not_reset_the_dose() -> None:
    sessions = daily_sessions(START, 8, ExerciseResult("bridge", reps=10, pain=1))
    jump = START + timedelta(days=8)
    sessions += daily_sessions(jump, 3, ExerciseResult("bridge", reps=8, pain=1))
    checkins = (CheckIn(jump - timedelta(days=1), pain=2), CheckIn(jump, pain=4))
    b = item(plan(journal(sessions, checkins), jump + timedelta(days=3)), "bridge")
    assert b.reps == 10


# ------------------------------------------------------------------ progression


def test_reps_rise_after_a_week_of_comfortable_sessions() -> None:
    sessions = daily_sessions(
        START,
        7,
        ExerciseResult("bridge", reps=8, pain=1),
        ExerciseResult("inner_thigh_squeeze", reps=3, pain=0),
        ExerciseResult("cat_cow", reps=8),
    )
    p = plan(journal(sessions), START + timedelta(days=7))
    b = item(p, "bridge")
    assert b.reps == 9 and b.rule == "progress_reps"
    assert "8-10" in b.reason
    assert item(p, "inner_thigh_squeeze").reps == 4
    assert item(p, "cat_cow").reps == 9


def test_a_physios_hold_keeps_the_dose_where_it_would_move_up() -> None:
    sessions = daily_sessions(
        START, 7, ExerciseResult("bridge", reps=8, pain=1), ExerciseResult("cat_cow", reps=8)
    )
    p = plan(journal(sessions), START + timedelta(days=7), held=frozenset({"bridge"}))
    b = item(p, "bridge")
    assert b.reps == 8 and b.rule == "held_by_physio" and "physio" in b.reason
    assert item(p, "cat_cow").reps == 9  # the others move up as before


def test_no_progression_before_seven_days() -> None:
    sessions = daily_sessions(START, 6, ExerciseResult("bridge", reps=8, pain=1))
    b = item(plan(journal(sessions), START + timedelta(days=6)), "bridge")
    assert b.reps == 8 and b.rule == "keep"


def test_no_progression_with_fewer_than_three_sessions() -> None:
    s = (
        session(START, ExerciseResult("bridge", reps=8)),
        session(START + timedelta(days=6), ExerciseResult("bridge", reps=8)),
    )
    assert item(plan(journal(s), START + timedelta(days=10)), "bridge").reps == 8
    s3 = (*s, session(START + timedelta(days=7), ExerciseResult("bridge", reps=8)))
    assert item(plan(journal(s3), START + timedelta(days=10)), "bridge").reps == 9


def test_sore_sessions_do_not_count_towards_progression() -> None:
    s = (
        session(START, ExerciseResult("bridge", reps=8, pain=1)),
        session(START + timedelta(days=1), ExerciseResult("bridge", reps=8, pain=4)),
        session(START + timedelta(days=2), ExerciseResult("bridge", reps=8, pain=5)),
        session(START + timedelta(days=7), ExerciseResult("bridge", reps=8, pain=1)),
    )
    assert item(plan(journal(s), START + timedelta(days=8)), "bridge").reps == 8


def test_reps_never_go_beyond_the_guide() -> None:
    sessions = daily_sessions(START, 30, ExerciseResult("bridge", reps=10, pain=0))
    b = item(plan(journal(sessions), START + timedelta(days=30)), "bridge")
    assert b.reps == 10 and b.rule == "at_top"
    over = daily_sessions(START, 10, ExerciseResult("inner_thigh_squeeze", reps=12))
    assert item(plan(journal(over), START + timedelta(days=10)), "inner_thigh_squeeze").reps == 5


def test_pelvic_tilt_moves_to_alternating_marches_and_says_the_cap_is_ours() -> None:
    sessions = daily_sessions(START, 7, ExerciseResult("pelvic_tilt", reps=10, pain=0))
    t = item(plan(journal(sessions), START + timedelta(days=7)), "pelvic_tilt")
    assert t.level == 1 and t.reps == 10 and t.rule == "progress_level"
    assert "alternating marches" in t.reason
    assert t.steps == ("Tilt, then march.",)
    marching = daily_sessions(START, 14, ExerciseResult("pelvic_tilt", level=1, reps=10))
    top = item(plan(journal(marching), START + timedelta(days=14)), "pelvic_tilt")
    assert top.level == 1 and top.rule == "at_top"
    assert "10 or more" in top.reason and "our own limit" in top.reason


def test_level_from_history_is_clamped_to_the_catalog() -> None:
    s = (session(START, ExerciseResult("pelvic_tilt", level=7, reps=10)),)
    assert item(plan(journal(s), START + timedelta(days=1)), "pelvic_tilt").level == 1


# ------------------------------------------------------------------ choices


def test_left_out_exercise_is_skipped_with_how_to_bring_it_back() -> None:
    p = plan(journal(choices=PlanChoices(left_out=("cat_cow",))), START)
    c = item(p, "cat_cow")
    assert c.status is Status.SKIPPED and c.rule == "left_out"
    assert c.action is Action.INCLUDE and "sicoach" not in c.reason
    assert item(p, "bridge").status is Status.PLANNED


def test_rest_day_skips_exercises_but_still_suggests_activity() -> None:
    choices = PlanChoices(training_days=(0, 2, 4))
    tuesday = START + timedelta(days=1)
    p = plan(journal(choices=choices), tuesday)
    assert not p.training_day
    assert p.active == () and p.estimated_minutes == 0
    assert all(e.rule == "rest_day" for e in p.exercises)
    assert "Wednesday" in item(p, "bridge").reason
    assert p.aerobic.today_minutes >= 10
    assert "Rest day" in p.message


# ------------------------------------------------------------------ pregnancy


def _pregnant(week: int, on: date) -> Pregnancy:
    return Pregnancy("pregnant", due_date=on + timedelta(days=280 - 7 * week))


def test_ten_weeks_pregnant_keeps_back_lying_moves_but_flags_pelvic_caution() -> None:
    p = plan(journal(pregnancy=_pregnant(10, START)), START)
    assert item(p, "bridge").status is Status.PLANNED
    assert item(p, "bridge").position == "supine"
    tri = item(p, "triangle_pose")
    assert tri.status is Status.MODIFIED and "narrower stance" in tri.reason
    assert "pelvic girdle" in tri.source
    assert "use a narrower stance and hold a chair." in tri.cautions
    assert item(p, "figure_four").status is Status.MODIFIED


def test_week_thirteen_and_fourteen_edge() -> None:
    assert item(plan(journal(pregnancy=_pregnant(13, START)), START), "bridge").variant is None
    assert item(plan(journal(pregnancy=_pregnant(14, START)), START), "bridge").variant == (
        "pregnancy"
    )


def test_twenty_weeks_pregnant_uses_variants_or_keeps_back_lying_moves_short() -> None:
    p = plan(journal(pregnancy=_pregnant(20, START)), START)
    b = item(p, "bridge")
    assert b.status is Status.MODIFIED and b.variant == "pregnancy"
    assert b.position == "side_lying" and b.steps == ("Lie on your side and lift your top knee.",)
    assert "week 20" in b.reason and "ACOG" in b.source
    tilt = item(p, "pelvic_tilt")
    assert tilt.status is Status.MODIFIED and tilt.reps == 5 and tilt.variant is None
    assert "Kept short" in tilt.reason
    cat = item(p, "cat_cow")  # on hands and knees: unchanged
    assert cat.status is Status.PLANNED and cat.reps == 8
    ff = item(p, "figure_four")
    assert "keep the lift small" in ff.reason and "Kept short" in ff.reason


def test_postpartum_changes_nothing_in_the_plan() -> None:
    preg = Pregnancy("postpartum", delivery_date=START - timedelta(days=60))
    p = plan(journal(pregnancy=preg), START)
    assert all(e.status is Status.PLANNED for e in p.exercises)


def test_pregnancy_does_not_unskip() -> None:
    choices = PlanChoices(left_out=("bridge",))
    p = plan(journal(choices=choices, pregnancy=_pregnant(20, START)), START)
    assert item(p, "bridge").status is Status.SKIPPED


# ------------------------------------------------------------------ duration


def test_estimated_duration_is_the_session_script_total() -> None:
    from sicoach.domain.script import build_script

    for p in (plan(journal(), START), plan(journal(pregnancy=_pregnant(20, START)), START)):
        total = sum(estimate_seconds(e, CATALOG) for e in p.exercises)
        assert total == build_script(p, CATALOG).total_seconds
        assert p.estimated_minutes == -(-total // 60)
    b = item(plan(journal(), START), "bridge")
    assert estimate_seconds(b, CATALOG) > 8 * 5  # at least the 8 holds of 5 seconds


def test_skipped_exercises_take_no_time() -> None:
    p = plan(journal(choices=PlanChoices(left_out=("bridge",))), START)
    assert estimate_seconds(item(p, "bridge"), CATALOG) == 0
