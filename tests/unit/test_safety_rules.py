"""One test per triage rule, at and around each threshold (docs/design.md §5)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sicoach.domain.journal import (
    CheckIn,
    ExerciseResult,
    Journal,
    Pregnancy,
    Profile,
    Session,
)
from sicoach.domain.safety import RULES, Assessment, Level, evaluate
from sicoach.domain.vocabulary import EMERGENCY_FLAGS, URGENT_FLAGS

START = date(2026, 11, 2)


def d(day: int) -> date:
    """Program day `day` (day 1 is the start date)."""
    return START + timedelta(days=day - 1)


def ci(day: int, pain: int | None = None, *symptoms: str, **kw: object) -> CheckIn:
    return CheckIn(date=d(day), pain=pain, symptoms=tuple(symptoms), **kw)  # type: ignore[arg-type]


def journal(*checkins: CheckIn, profile: Profile | None = None, sessions=()) -> Journal:  # type: ignore[no-untyped-def]
    return Journal(
        profile=profile or Profile(started_on=START),
        checkins=tuple(checkins),
        sessions=tuple(sessions),
    )


def codes(a: Assessment) -> list[str]:
    return [r.code for r in a.reasons]


def at(j: Journal, day: int) -> Assessment:
    return evaluate(j, d(day))


# ----------------------------------------------------------------- basics


def test_empty_journal_is_continue() -> None:
    a = evaluate(Journal(), START)
    assert a.level is Level.CONTINUE
    assert a.reasons == ()
    assert a.date == START
    assert not a.stops_exercise


def test_every_rule_documents_itself() -> None:
    assert len(RULES) >= 12
    for rule in RULES:
        assert rule.doc.strip(), rule.name
        assert rule.source, rule.name


def test_records_after_the_date_are_ignored() -> None:
    j = journal(ci(1, 3), ci(5, 3, "saddle_numbness"))
    assert at(j, 4).level is Level.CONTINUE
    assert at(j, 5).level is Level.EMERGENCY


# ----------------------------------------------------------------- emergency red flags


@pytest.mark.parametrize("flag", EMERGENCY_FLAGS)
def test_each_emergency_flag_in_latest_checkin_is_emergency(flag: str) -> None:
    a = at(journal(ci(1, 3), ci(3, 3, flag)), 3)
    assert a.level is Level.EMERGENCY
    assert codes(a) == [flag]
    assert "911" in a.reasons[0].message and "999" in a.reasons[0].message
    assert "112" in a.reasons[0].message
    assert a.reasons[0].message.startswith("Call your local emergency number now")
    assert a.stops_exercise


@pytest.mark.parametrize("flag", URGENT_FLAGS)
def test_each_urgent_flag_is_urgent(flag: str) -> None:
    a = at(journal(ci(1, 3), ci(3, 3, flag)), 3)
    assert a.level is Level.URGENT
    assert codes(a) == [flag]
    assert a.reasons[0].message.startswith("Stop the exercises and see a doctor today")
    assert "NHS" in a.reasons[0].source or "NICE" in a.reasons[0].source


@pytest.mark.parametrize(("age", "counts"), [(0, True), (6, True), (7, True), (8, False)])
def test_red_flag_window_with_a_newer_checkin(age: int, counts: bool) -> None:
    """A flag `age` days old, with a clean check-in after it, evaluated on day 20."""
    j = journal(ci(1, 3), ci(20 - age, 3, "saddle_numbness"), ci(20, 3))
    if age == 0:
        j = journal(ci(1, 3), ci(20, 3, "saddle_numbness"))
    a = at(j, 20)
    assert (a.level is Level.EMERGENCY) is counts
    assert ("saddle_numbness" in codes(a)) is counts


def test_urgent_flag_eight_days_old_no_longer_counts_six_does() -> None:
    """Out of the window it no longer stops the exercises, but it is asked about (reviews)."""
    old = at(journal(ci(1, 3), ci(12, 3, "fever"), ci(20, 3)), 20)
    assert old.level is Level.SEE_DOCTOR and codes(old) == ["checked_for_fever"]
    assert at(journal(ci(1, 3), ci(14, 3, "fever"), ci(20, 3)), 20).level is Level.URGENT


def test_old_flag_in_latest_checkin_still_counts() -> None:
    """Nothing newer says the flag has gone, so the latest check-in keeps counting."""
    a = at(journal(ci(1, 3), ci(5, 3, "bladder_bowel_change")), 40)
    assert a.level is Level.EMERGENCY


def test_both_legs_is_emergency_though_the_guide_says_see_a_provider() -> None:
    a = at(journal(ci(1, 3, "both_legs_symptoms")), 1)
    assert a.level is Level.EMERGENCY
    assert "both of your legs" in a.reasons[0].message


def test_trauma_with_osteoporosis_is_emergency() -> None:
    profile = Profile(started_on=START, history=("osteoporosis", "steroid_use"))
    a = at(journal(ci(1, 2, "recent_trauma"), profile=profile), 1)
    assert a.level is Level.EMERGENCY
    assert codes(a) == ["recent_trauma"]


# ----------------------------------------------------------------- pregnancy


def pregnant() -> Profile:
    return Profile(started_on=START, sex="female", pregnancy=Pregnancy("pregnant", d(100)))


def postpartum(delivered_day: int) -> Profile:
    return Profile(
        started_on=START, sex="female", pregnancy=Pregnancy("postpartum", None, d(delivered_day))
    )


@pytest.mark.parametrize(
    "sign",
    [
        "vaginal_bleeding",
        "fluid_leak",
        "contractions",
        "reduced_baby_movement",
        "headache_vision",
        "sudden_swelling",
    ],
)
def test_time_critical_pregnancy_signs_are_emergency(sign: str) -> None:
    a = at(journal(ci(1, 3, sign), profile=pregnant()), 1)
    assert a.level is Level.EMERGENCY
    assert codes(a) == [sign]
    assert "maternity unit or midwife now" in a.reasons[0].message


@pytest.mark.parametrize(
    "sign", ["dizziness", "calf_swelling", "abdominal_pain", "bleeding_bad_smell"]
)
def test_other_pregnancy_signs_are_urgent(sign: str) -> None:
    a = at(journal(ci(1, 3, sign), profile=pregnant()), 1)
    assert a.level is Level.URGENT
    assert a.reasons[0].message.startswith("Stop exercising and contact your maternity team")


@pytest.mark.parametrize(("since_birth", "level"), [(42, Level.URGENT), (43, Level.SEE_DOCTOR)])
def test_pregnancy_signs_after_birth(since_birth: int, level: Level) -> None:
    # Delivered before the program start; evaluated on day 10.
    j = journal(ci(10, 0, "dizziness"), profile=postpartum(10 - since_birth))
    a = at(j, 10)
    assert a.reasons[0].code == "dizziness"
    assert a.level is level


@pytest.mark.parametrize("since_birth", [42, 43, 400])
def test_calf_pain_after_birth_is_urgent_either_way(since_birth: int) -> None:
    j = journal(ci(10, 0, "calf_swelling"), profile=postpartum(10 - since_birth))
    a = at(j, 10)
    assert codes(a) == ["calf_swelling"]
    assert a.level is Level.URGENT
    after_birth = since_birth <= 42
    assert ("birth" in a.reasons[0].message) is after_birth


def test_pregnancy_sign_without_pregnancy_still_needs_a_doctor() -> None:
    a = at(journal(ci(1, 2, "dizziness")), 1)
    assert a.level is Level.SEE_DOCTOR
    assert codes(a) == ["dizziness"]


# ----------------------------------------------------------------- one leg


@pytest.mark.parametrize("sign", ["leg_tingling", "leg_numbness", "leg_weakness"])
def test_one_leg_symptoms_need_a_doctor(sign: str) -> None:
    a = at(journal(ci(1, 3, sign)), 1)
    assert a.level is Level.SEE_DOCTOR
    assert codes(a) == ["leg_symptoms"]


def test_one_leg_window_edges() -> None:
    assert at(journal(ci(1, 3), ci(13, 3, "leg_tingling"), ci(20, 3)), 20).level is (
        Level.SEE_DOCTOR
    )
    assert at(journal(ci(1, 3), ci(12, 3, "leg_tingling"), ci(20, 3)), 20).level is (Level.CONTINUE)


# ----------------------------------------------------------------- sessions


def session(
    day: int, before: int = 3, after: int = 3, hurt: bool = False, pain: int = 2
) -> Session:
    return Session(
        started_at=datetime.combine(d(day), datetime.min.time()).replace(hour=8),
        pain_before=before,
        pain_after=after,
        exercises=(
            ExerciseResult("pelvic_tilt", reps=10),
            ExerciseResult("bridge", reps=8, hurt=hurt, pain=pain),
            ExerciseResult("triangle_pose", skipped=True, hurt=False),
        ),
    )


def sessions_journal(*ss: Session) -> Journal:
    return journal(ci(1, 3), sessions=ss)


def test_exercise_hurt_in_two_of_last_three_sessions() -> None:
    j = sessions_journal(session(2, hurt=True), session(3), session(4, hurt=True))
    a = at(j, 4)
    assert a.level is Level.SEE_DOCTOR
    assert codes(a) == ["exercises_hurt"]


def test_exercise_hurt_in_one_of_last_three_is_fine() -> None:
    j = sessions_journal(session(2, hurt=True), session(3), session(4))
    assert at(j, 4).level is Level.CONTINUE


def test_only_the_last_three_sessions_count() -> None:
    j = sessions_journal(
        session(2, hurt=True), session(3, hurt=True), session(4), session(5), session(6)
    )
    assert at(j, 6).level is Level.CONTINUE
    # The helper's sessions repeat one exercise, so the same-exercise rule speaks too.
    assert codes(at(j, 3)) == ["exercises_hurt", "same_exercise_hurts"]


@pytest.mark.parametrize(("pain", "fires"), [(5, False), (6, True), (9, True)])
def test_exercise_pain_of_six_counts_as_hurting(pain: int, fires: bool) -> None:
    j = sessions_journal(session(2, pain=pain), session(3, pain=pain))
    assert ("exercises_hurt" in codes(at(j, 3))) is fires


def test_hurt_sessions_older_than_28_days_are_ignored() -> None:
    j = sessions_journal(session(2, hurt=True), session(3, hurt=True))
    assert "exercises_hurt" in codes(at(j, 3 + 26))  # both within the 28 days
    assert "exercises_hurt" not in codes(at(j, 2 + 28))  # first one now 28 days old


@pytest.mark.parametrize(("rise", "fires"), [(1, False), (2, True), (4, True)])
def test_pain_rising_during_sessions(rise: int, fires: bool) -> None:
    j = sessions_journal(session(2, 3, 3 + rise), session(3), session(4, 4, 4 + rise))
    assert ("session_pain_rises" in codes(at(j, 4))) is fires


def test_pain_rising_in_only_one_session_is_fine() -> None:
    j = sessions_journal(session(2, 3, 7), session(3), session(4))
    assert at(j, 4).level is Level.CONTINUE


# ----------------------------------------------------------------- worse after weeks


def baseline(pain: int | None = 4, mobility: int | None = None) -> list[CheckIn]:
    return [CheckIn(d(n), pain=pain, mobility=mobility) for n in range(1, 8)]


def test_worse_after_a_week_at_one_point() -> None:
    j = journal(*baseline(4), ci(8, 5), ci(9, 5))
    a = at(j, 9)
    assert codes(a) == ["worse_after_weeks"]
    assert a.level is Level.SEE_DOCTOR
    assert "5.0" in a.reasons[0].message and "4.0" in a.reasons[0].message


def test_half_a_point_worse_is_not_enough() -> None:
    assert at(journal(*baseline(4), ci(8, 5), ci(9, 4)), 9).level is Level.CONTINUE


def test_worse_needs_two_recent_ratings() -> None:
    assert at(journal(*baseline(4), ci(8, 7)), 8).level is Level.CONTINUE


def test_worse_is_not_judged_inside_the_first_week() -> None:
    j = journal(ci(1, 2), ci(2, 2), ci(6, 6), ci(7, 6))
    assert at(j, 7).level is Level.CONTINUE


def test_worse_uses_only_the_last_seven_days() -> None:
    j = journal(*baseline(4), ci(10, 6), ci(11, 6), *[ci(n, 4) for n in range(12, 20)])
    assert "worse_after_weeks" in codes(at(j, 12))
    assert at(j, 19).level is Level.CONTINUE


def test_baseline_moves_to_the_first_checkin_when_the_first_week_is_empty() -> None:
    j = journal(*[ci(n, 4) for n in range(20, 27)], ci(27, 6), ci(28, 6))
    assert codes(at(j, 28)) == ["worse_after_weeks"]


# ----------------------------------------------------------------- new symptoms


def test_new_guide_symptom_after_first_week() -> None:
    j = journal(*baseline(4), ci(10, 3, "sleep_difficulty"))
    a = at(j, 10)
    assert codes(a) == ["new_symptoms"]
    assert "trouble sleeping" in a.reasons[0].message


def test_symptom_already_there_in_first_week_is_not_new() -> None:
    j = journal(ci(1, 4, "sleep_difficulty"), ci(10, 3, "sleep_difficulty"))
    assert at(j, 10).level is Level.CONTINUE


def test_new_place_of_pain_counts() -> None:
    j = journal(ci(1, 4, "pain_lower_back"), ci(10, 3, "pain_lower_back", "pain_groin"))
    assert codes(at(j, 10)) == ["new_symptoms"]


def test_symptoms_in_the_first_week_are_the_baseline() -> None:
    assert at(journal(ci(1, 4), ci(7, 4, "pain_hips")), 7).level is Level.CONTINUE


def test_new_symptom_window_edges() -> None:
    j6 = journal(ci(1, 4), ci(14, 4, "pain_hips"), ci(20, 4))
    j8 = journal(ci(1, 4), ci(12, 4, "pain_hips"), ci(20, 4))
    assert codes(at(j6, 20)) == ["new_symptoms"]
    assert at(j8, 20).level is Level.CONTINUE


# ----------------------------------------------------------------- four weeks


def four_weeks(
    first_pain: int, last_pains: list[int], first_mob: int, last_mob: list[int]
) -> Journal:
    first = [CheckIn(d(n), pain=first_pain, mobility=first_mob) for n in range(1, 8)]
    last = [
        CheckIn(d(22 + i), pain=p, mobility=m)
        for i, (p, m) in enumerate(zip(last_pains, last_mob, strict=True))
    ]
    return journal(*first, *last)


def test_no_mobility_gain_at_day_28() -> None:
    j = four_weeks(6, [3] * 7, 4, [5, 5, 5, 5, 5, 5, 4])  # +0.86
    a = at(j, 28)
    assert codes(a) == ["no_mobility_gain"]


def test_one_point_mobility_gain_is_enough() -> None:
    assert at(four_weeks(6, [3] * 7, 4, [5] * 7), 28).level is Level.CONTINUE


def test_mobility_is_not_judged_before_day_28() -> None:
    j = four_weeks(6, [3] * 6, 4, [4] * 6)
    assert at(j, 27).level is Level.CONTINUE


def test_moving_almost_freely_needs_no_gain() -> None:
    assert at(four_weeks(6, [3] * 7, 9, [9] * 7), 28).level is Level.CONTINUE
    assert codes(at(four_weeks(6, [3] * 7, 8, [8] * 7), 28)) == ["no_mobility_gain"]


@pytest.mark.parametrize(
    ("first", "last", "fires"),
    [
        (6, [4] * 7, False),  # 2 points better
        (6, [5, 4, 5, 4, 5, 4, 5], True),  # 1.43 points, 24%
        (5, [4, 3, 4, 3, 4, 3, 3], False),  # 1.57 points = 31%
        (5, [4, 3, 4, 3, 4, 4, 4], True),  # 1.29 points = 26%
        (2, [1] * 7, False),  # hardly any pain left
        (2, [2] * 7, True),  # not better
    ],
)
def test_pain_not_improved_after_four_weeks(first: int, last: list[int], fires: bool) -> None:
    j = four_weeks(first, last, 4, [6] * 7)
    assert ("pain_not_improved" in codes(at(j, 28))) is fires


def test_pain_not_improved_waits_for_day_28() -> None:
    j = four_weeks(6, [6] * 6, 4, [6] * 6)
    assert at(j, 27).level is Level.CONTINUE
    assert codes(at(j, 28)) == ["pain_not_improved"]


def test_pain_not_improved_cites_ostelo() -> None:
    a = at(four_weeks(6, [6] * 7, 4, [6] * 7), 28)
    assert codes(a) == ["pain_not_improved"]
    assert "Ostelo" in a.reasons[0].source


# ----------------------------------------------------------------- severe pain


def test_severe_pain_on_three_of_seven_days() -> None:
    j = journal(ci(1, 8), ci(3, 9), ci(7, 8))
    a = at(j, 7)
    assert codes(a) == ["severe_pain"]


def test_severe_pain_on_two_days_is_not_enough() -> None:
    assert at(journal(ci(1, 8), ci(3, 9), ci(7, 7)), 7).level is Level.CONTINUE


def test_severe_pain_counts_worst_pain() -> None:
    j = journal(*[CheckIn(d(n), pain=5, worst_pain=8) for n in (2, 4, 6)])
    assert codes(at(j, 6)) == ["severe_pain"]


def test_severe_pain_window_is_ten_days() -> None:
    j = journal(ci(1, 8), ci(3, 9), ci(10, 8))
    assert at(j, 10).level is Level.SEE_DOCTOR  # day 1 is 9 days back: still counted
    assert at(j, 11).level is Level.CONTINUE  # day 1 has left the window


# ----------------------------------------------------------------- after birth


@pytest.mark.parametrize(("since_birth", "fires"), [(13, False), (14, True), (200, True)])
def test_postpartum_pelvic_pain_not_settled(since_birth: int, fires: bool) -> None:
    j = journal(ci(5, 2), profile=postpartum(5 - since_birth))
    assert ("postpartum_pelvic_pain" in codes(at(j, 5))) is fires


def test_postpartum_without_pain_is_fine() -> None:
    j = journal(ci(5, 0), profile=postpartum(5 - 30))
    assert at(j, 5).level is Level.CONTINUE


def test_postpartum_pain_place_counts_without_a_rating() -> None:
    j = journal(ci(5, None, "pain_groin"), profile=postpartum(5 - 30))
    assert codes(at(j, 5)) == ["postpartum_pelvic_pain"]


# ----------------------------------------------------------------- history


def test_cancer_history_needs_a_doctor() -> None:
    profile = Profile(started_on=START, history=("cancer",))
    a = at(journal(ci(1, 3), profile=profile), 1)
    assert a.level is Level.SEE_DOCTOR
    assert codes(a) == ["cancer_history"]


@pytest.mark.parametrize("code", ["osteoporosis", "steroid_use", "spine_surgery"])
def test_other_history_alone_is_continue(code: str) -> None:
    profile = Profile(started_on=START, history=(code,), birth_year=1980)
    assert at(journal(ci(1, 3), profile=profile), 1).level is Level.CONTINUE


# ----------------------------------------------------------------- combining


def test_highest_level_wins_and_every_reason_is_listed_in_order() -> None:
    profile = Profile(started_on=START, history=("cancer",))
    j = journal(ci(1, 3, "fever", "leg_numbness", "chest_pain", "night_pain"), profile=profile)
    a = at(j, 1)
    assert a.level is Level.EMERGENCY
    assert codes(a) == [
        "cancer_nerve_signs",
        "chest_pain",
        "cancer_pain_pattern",
        "fever",
        "night_pain",
        "cancer_history",
        "leg_symptoms",
    ]
    assert [r.level for r in a.reasons] == [
        Level.EMERGENCY,
        Level.EMERGENCY,
        Level.URGENT,
        Level.URGENT,
        Level.URGENT,
        Level.SEE_DOCTOR,
        Level.SEE_DOCTOR,
    ]


def test_two_checkins_on_one_date_are_merged_cautiously() -> None:
    j = Journal(
        profile=Profile(started_on=START),
        checkins=(CheckIn(d(1), pain=2), CheckIn(d(1), pain=3, symptoms=("fever",))),
    )
    flipped = Journal(profile=j.profile, checkins=j.checkins[::-1])
    assert at(j, 1) == at(flipped, 1)
    assert at(j, 1).level is Level.URGENT


def test_messages_never_diagnose() -> None:
    profile = Profile(started_on=START, history=("cancer",))
    symptoms = (*EMERGENCY_FLAGS, *URGENT_FLAGS, "leg_tingling")
    a = at(journal(ci(1, 9, *symptoms), profile=profile), 1)
    for r in a.reasons:
        lowered = r.message.lower()
        assert "you have cauda" not in lowered and "syndrome" not in lowered
        assert "diagnos" not in lowered


def test_levels_order_by_rank_not_by_spelling() -> None:
    levels = [Level.URGENT, Level.CONTINUE, Level.EMERGENCY, Level.SEE_DOCTOR]
    assert max(levels) is Level.EMERGENCY
    assert min(levels) is Level.CONTINUE
    assert sorted(levels) == [Level.CONTINUE, Level.SEE_DOCTOR, Level.URGENT, Level.EMERGENCY]
    assert Level.EMERGENCY > Level.URGENT >= Level.URGENT > Level.SEE_DOCTOR
    assert Level.CONTINUE <= Level.SEE_DOCTOR
