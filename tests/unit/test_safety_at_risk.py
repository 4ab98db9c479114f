"""Second edition, people at risk: cancer, fragile bones, infection risk, age, the calf,
the cauda equina cards and the routine tier; each rule at and around its threshold."""

from __future__ import annotations

import pytest

from sicoach.domain.journal import ExerciseResult
from sicoach.domain.safety import Level
from sicoach.domain.safety.at_risk import NERVE_SIGNS
from tests.unit.safety_helpers import at, ci, codes, journal, profile, reason, session

# ----------------------------------------------------------------- cancer


@pytest.mark.parametrize("sign", sorted(NERVE_SIGNS))
def test_cancer_with_any_nerve_sign_is_emergency(sign: str) -> None:
    a = at(journal(ci(1, 3), ci(3, 3, sign), prof=profile("cancer")), 3)
    assert a.level is Level.EMERGENCY
    assert "cancer_nerve_signs" in codes(a)
    assert "cancer" in reason(a, "cancer_nerve_signs")


def test_leg_weakness_without_cancer_is_a_visit() -> None:
    a = at(journal(ci(1, 3, "leg_weakness")), 1)
    assert (a.level, codes(a)) == (Level.SEE_DOCTOR, ["leg_symptoms"])


def test_cancer_nerve_sign_eight_days_old_no_longer_counts() -> None:
    j = journal(ci(1, 3, "leg_numbness"), ci(9, 3), prof=profile("cancer"))
    assert "cancer_nerve_signs" in codes(at(j, 8))
    assert "cancer_nerve_signs" not in codes(at(j, 9))


@pytest.mark.parametrize("sign", ["night_pain", "pain_on_cough"])
def test_cancer_with_night_pain_or_straining_is_urgent_to_the_cancer_team(sign: str) -> None:
    a = at(journal(ci(1, 3, sign), prof=profile("cancer")), 1)
    assert a.level is Level.URGENT
    assert "cancer team" in reason(a, "cancer_pain_pattern")


@pytest.mark.parametrize(
    ("pains", "fires"),
    [((3, 4, 5), True), ((3, 4, 4), False), ((3, 5, 4), False), ((3, 5), False), ((2, 2, 4), True)],
)
def test_cancer_with_pain_that_keeps_rising(pains: tuple[int, ...], fires: bool) -> None:
    j = journal(*[ci(n, p) for n, p in enumerate(pains, 1)], prof=profile("cancer"))
    assert ("cancer_pain_pattern" in codes(at(j, len(pains)))) is fires


def test_cancer_without_a_pattern_is_only_a_visit() -> None:
    a = at(journal(ci(1, 3), ci(2, 3), ci(3, 2), prof=profile("cancer")), 3)
    assert (a.level, codes(a)) == (Level.SEE_DOCTOR, ["cancer_history"])


@pytest.mark.parametrize(("day", "fires"), [(14, False), (15, True)])
def test_cancer_pain_not_better_from_two_weeks(day: int, fires: bool) -> None:
    first = [ci(n, 5) for n in range(1, 8)]
    later = [ci(n, 4) for n in range(8, 16)]
    a = at(journal(*first, *later, prof=profile("cancer")), day)
    assert ("cancer_pain_pattern" in codes(a)) is fires
    if fires:
        assert "not eased in two weeks" in reason(a, "cancer_pain_pattern")


def test_cancer_pain_clearly_better_at_two_weeks_is_not_urgent() -> None:
    first = [ci(n, 5) for n in range(1, 8)]
    later = [ci(n, 3) for n in range(8, 16)]
    assert at(journal(*first, *later, prof=profile("cancer")), 15).level is Level.SEE_DOCTOR


# ----------------------------------------------------------------- fragile bones


@pytest.mark.parametrize(("second", "fires"), [(5, False), (6, True), (9, True)])
def test_fragile_jump_of_three_over_the_day_before(second: int, fires: bool) -> None:
    j = journal(ci(1, 3), ci(2, second), prof=profile("osteoporosis"))
    a = at(j, 2)
    assert ("sudden_pain_jump" in codes(a)) is fires
    assert (a.level is Level.URGENT) is fires


def test_fragile_jump_counts_from_two_days_before_but_not_three() -> None:
    assert "sudden_pain_jump" in codes(
        at(journal(ci(1, 3), ci(3, 6), prof=profile("steroid_use")), 3)
    )
    assert "sudden_pain_jump" not in codes(
        at(journal(ci(1, 3), ci(4, 6), prof=profile("steroid_use")), 4)
    )


@pytest.mark.parametrize(("run_top", "fires"), [(6, True), (7, False)])
def test_fragile_eight_after_a_lower_run(run_top: int, fires: bool) -> None:
    run = [ci(n, 6) for n in range(1, 5)] + [ci(5, run_top), ci(6, None)]
    j = journal(*run, ci(7, 8), prof=profile("osteoporosis"))
    assert ("sudden_pain_jump" in codes(at(j, 7))) is fires


def test_worst_pain_jump_counts_too() -> None:
    j = journal(ci(1, 3, worst=4), ci(2, 3, worst=7), prof=profile("osteoporosis"))
    assert "sudden_pain_jump" in codes(at(j, 2))


def test_a_jump_within_one_session_counts() -> None:
    j = journal(ci(1, 2), prof=profile("osteoporosis"), sessions=(session(2, 2, 5),))
    assert "sudden_pain_jump" in codes(at(j, 2))
    j = journal(ci(1, 2), prof=profile("osteoporosis"), sessions=(session(2, 2, 4),))
    assert "sudden_pain_jump" not in codes(at(j, 2))


@pytest.mark.parametrize(("birth_year", "fires"), [(1961, True), (1962, False)])
def test_age_65_counts_as_fragile(birth_year: int, fires: bool) -> None:
    j = journal(ci(1, 2), ci(2, 6), prof=profile(birth_year=birth_year))
    assert ("sudden_pain_jump" in codes(at(j, 2))) is fires


def test_a_jump_in_someone_not_fragile_is_not_urgent() -> None:
    assert at(journal(ci(1, 2), ci(2, 6)), 2).level is Level.CONTINUE


@pytest.mark.parametrize(("on", "fires"), [(9, True), (10, False)])
def test_a_jump_counts_for_seven_days(on: int, fires: bool) -> None:
    j = journal(ci(1, 2), ci(2, 6), *[ci(n, 6) for n in range(3, 11)], prof=profile("osteoporosis"))
    assert ("sudden_pain_jump" in codes(at(j, on))) is fires


def test_a_jump_is_caught_on_day_two() -> None:
    a = at(journal(ci(1, 4), ci(2, 8), prof=profile("osteoporosis")), 2)
    assert a.level is Level.URGENT
    assert "jumped from 4 to 8" in reason(a, "sudden_pain_jump")


@pytest.mark.parametrize(
    ("prof", "level"),
    [
        (profile("osteoporosis"), Level.EMERGENCY),
        (profile("steroid_use"), Level.EMERGENCY),
        (profile(birth_year=1950), Level.EMERGENCY),
        (profile(), Level.SEE_DOCTOR),
    ],
)
def test_a_fall_or_knock_since_the_last_checkin(prof, level: Level) -> None:  # type: ignore[no-untyped-def]
    a = at(journal(ci(1, 2), ci(4, 2, "fall_or_knock"), prof=prof), 4)
    assert a.level is level
    assert "fall_or_knock" in codes(a)


# ----------------------------------------------------------------- infection risk


@pytest.mark.parametrize(
    ("history", "words"),
    [
        ("immunosuppression", "weakened immune system"),
        ("recent_infection", "recent infection"),
        ("injecting_drug_use", "injecting drugs"),
        ("steroid_use", "steroid"),
    ],
)
@pytest.mark.parametrize("sign", ["fever", "night_pain"])
def test_infection_risk_with_fever_or_night_pain_names_the_risk(
    history: str, words: str, sign: str
) -> None:
    a = at(journal(ci(1, 3, sign), prof=profile(history)), 1)
    assert a.level is Level.URGENT
    assert words in reason(a, "infection_risk")
    assert "infection" in reason(a, "infection_risk")


def test_infection_risk_alone_is_fine_and_fever_alone_names_no_risk() -> None:
    assert at(journal(ci(1, 3), prof=profile("immunosuppression")), 1).level is Level.CONTINUE
    assert codes(at(journal(ci(1, 3, "fever")), 1)) == ["fever"]


# ----------------------------------------------------------------- age


@pytest.mark.parametrize(
    ("birth_year", "fires"), [(1975, True), (1976, False), (2006, False), (2007, True)]
)
def test_new_pain_over_50_or_under_20(birth_year: int, fires: bool) -> None:
    a = at(journal(ci(1, 3), prof=profile(birth_year=birth_year)), 1)
    assert (codes(a) == ["age_new_pain"]) is fires


@pytest.mark.parametrize(("day", "fires"), [(28, True), (29, False)])
def test_age_reason_is_for_the_first_four_weeks(day: int, fires: bool) -> None:
    j = journal(*[ci(n, 2) for n in range(1, 30)], prof=profile(birth_year=1960))
    assert ("age_new_pain" in codes(at(j, day))) is fires


def test_age_reason_needs_some_pain_and_a_known_age() -> None:
    assert at(journal(ci(1, 0), prof=profile(birth_year=1960)), 1).level is Level.CONTINUE
    assert at(journal(ci(1, 3), prof=profile(birth_year=None)), 1).level is Level.CONTINUE


# ----------------------------------------------------------------- calf, breath, walking


def test_calf_pain_for_anyone_is_urgent_without_pregnancy_words() -> None:
    a = at(journal(ci(1, 2, "calf_swelling"), prof=profile(birth_year=1985)), 1)
    assert (a.level, codes(a)) == (Level.URGENT, ["calf_swelling"])
    message = reason(a, "calf_swelling").lower()
    assert "pregnan" not in message and "birth" not in message and "maternity" not in message
    assert "blood clot" in message


@pytest.mark.parametrize("other", ["breathlessness", "chest_pain"])
def test_calf_pain_with_breathlessness_or_chest_pain_is_emergency(other: str) -> None:
    a = at(journal(ci(1, 2, "calf_swelling", other)), 1)
    assert a.level is Level.EMERGENCY
    assert "calf_and_breathless" in codes(a)


@pytest.mark.parametrize("sign", ["breathlessness", "difficulty_walking"])
def test_breathlessness_and_trouble_walking_are_urgent_for_anyone(sign: str) -> None:
    assert at(journal(ci(1, 2, sign)), 1).level is Level.URGENT


# ----------------------------------------------------------------- cards and routine tier


@pytest.mark.parametrize("sign", ["wiping_numbness", "sexual_changes"])
def test_cauda_equina_card_signs_are_emergency(sign: str) -> None:
    a = at(journal(ci(1, 2, sign)), 1)
    assert (a.level, codes(a)) == (Level.EMERGENCY, [sign])


@pytest.mark.parametrize("sign", ["pain_stops_activities", "unable_to_cope"])
def test_routine_tier_signs_are_a_visit(sign: str) -> None:
    a = at(journal(ci(1, 2, sign)), 1)
    assert (a.level, codes(a)) == (Level.SEE_DOCTOR, [sign])


# ----------------------------------------------------------------- mixed messages


def test_a_visit_reason_beside_an_urgent_one_does_not_say_keep_going() -> None:
    a = at(journal(ci(1, 3, "fever", "leg_tingling")), 1)
    assert a.level is Level.URGENT
    visit = reason(a, "leg_symptoms")
    assert "comfortable" not in visit
    assert visit.startswith("Tell the doctor about this too.")


def test_a_visit_reason_alone_keeps_its_own_words() -> None:
    a = at(journal(ci(1, 3, "leg_tingling")), 1)
    assert reason(a, "leg_symptoms").startswith("Keep to what feels comfortable")


def test_same_exercise_reason_beside_an_emergency_does_not_say_keep_going() -> None:
    hurt = ExerciseResult("bridge", hurt=True)
    j = journal(
        ci(1, 3), ci(3, 3, "chest_pain"), sessions=(session(1, 3, 3, hurt), session(2, 3, 3, hurt))
    )
    a = at(j, 3)
    assert a.level is Level.EMERGENCY
    assert all("comfortable" not in r.message for r in a.reasons)
