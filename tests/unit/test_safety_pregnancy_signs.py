"""Second edition, pregnancy and after birth: bleeding by week, baby movements by week,
heavy bleeding at any time, normal bleeding after birth, the ACOG list in full, and words
that never speak of pregnancy to someone who is not pregnant."""

from __future__ import annotations

import pytest

from sicoach.domain.journal import Pregnancy
from sicoach.domain.safety import Level
from sicoach.domain.safety.pregnancy import PREGNANCY_ONLY_SIGNS
from sicoach.domain.vocabulary import SYMPTOM_CODES
from tests.unit.safety_helpers import (
    at,
    born_days_before,
    ci,
    codes,
    journal,
    pregnant_at_week,
    profile,
    reason,
)


def pregnant(week: int) -> object:
    return profile(birth_year=1992, pregnancy=pregnant_at_week(week))


@pytest.mark.parametrize(("week", "level"), [(13, Level.URGENT), (14, Level.EMERGENCY)])
def test_bleeding_before_14_weeks_is_same_day_then_now(week: int, level: Level) -> None:
    a = at(journal(ci(1, 2, "vaginal_bleeding"), prof=pregnant(week)), 1)  # type: ignore[arg-type]
    assert a.level is level
    if level is Level.URGENT:
        assert "early pregnancy unit" in reason(a, "vaginal_bleeding")


def test_bleeding_in_a_pregnancy_of_unknown_week_is_emergency() -> None:
    prof = profile(pregnancy=Pregnancy("pregnant", due_date=None))
    assert at(journal(ci(1, 2, "vaginal_bleeding"), prof=prof), 1).level is Level.EMERGENCY


@pytest.mark.parametrize(("week", "level"), [(23, Level.URGENT), (24, Level.EMERGENCY)])
def test_fewer_baby_movements_from_24_weeks_is_emergency(week: int, level: Level) -> None:
    a = at(journal(ci(1, 2, "reduced_baby_movement"), prof=pregnant(week)), 1)  # type: ignore[arg-type]
    assert a.level is level


@pytest.mark.parametrize(
    "prof",
    [
        profile(birth_year=1992, pregnancy=pregnant_at_week(8)),
        profile(birth_year=1992, pregnancy=born_days_before(10)),
        profile(birth_year=1992, pregnancy=born_days_before(100)),
        profile(birth_year=1980),
    ],
)
def test_heavy_bleeding_is_an_emergency_at_any_time(prof) -> None:  # type: ignore[no-untyped-def]
    a = at(journal(ci(1, 0, "heavy_bleeding"), prof=prof), 1)
    assert (a.level, codes(a)) == (Level.EMERGENCY, ["heavy_bleeding"])
    assert reason(a, "heavy_bleeding").startswith("Call your local emergency number now")


@pytest.mark.parametrize(("since", "level"), [(0, None), (20, None), (42, None), (43, "see")])
def test_ordinary_bleeding_in_the_six_weeks_after_birth_is_not_a_sign(
    since: int, level: str | None
) -> None:
    prof = profile(birth_year=1992, pregnancy=born_days_before(since))
    a = at(journal(ci(1, 0, "vaginal_bleeding"), prof=prof), 1)
    assert a.level is (Level.CONTINUE if level is None else Level.SEE_DOCTOR)


def test_bleeding_after_a_birth_of_unknown_date_still_gets_a_visit() -> None:
    prof = profile(pregnancy=Pregnancy("postpartum", delivery_date=None))
    assert at(journal(ci(1, 0, "vaginal_bleeding"), prof=prof), 1).level is Level.SEE_DOCTOR


@pytest.mark.parametrize(
    ("sign", "level"),
    [
        ("headache_vision", Level.EMERGENCY),
        ("sudden_swelling", Level.EMERGENCY),
        ("fluid_leak", Level.EMERGENCY),
        ("contractions", Level.EMERGENCY),
        ("dizziness", Level.URGENT),
        ("abdominal_pain", Level.URGENT),
        ("calf_swelling", Level.URGENT),
        ("breathlessness", Level.URGENT),
        ("difficulty_walking", Level.URGENT),
        ("chest_pain", Level.EMERGENCY),
    ],
)
def test_the_acog_list_in_full_while_pregnant(sign: str, level: Level) -> None:
    a = at(journal(ci(1, 2, sign), prof=pregnant(30)), 1)  # type: ignore[arg-type]
    assert a.level is level


@pytest.mark.parametrize(
    ("sign", "level"),
    [
        ("heavy_bleeding", Level.EMERGENCY),
        ("bleeding_bad_smell", Level.URGENT),
        ("headache_vision", Level.URGENT),
        ("sudden_swelling", Level.URGENT),
        ("abdominal_pain", Level.URGENT),
        ("dizziness", Level.URGENT),
        ("calf_swelling", Level.URGENT),
    ],
)
def test_after_birth_signs(sign: str, level: Level) -> None:
    prof = profile(birth_year=1992, pregnancy=born_days_before(12))
    a = at(journal(ci(1, 2, sign), prof=prof), 1)
    assert a.level is level


@pytest.mark.parametrize(("sign"), ["headache_vision", "sudden_swelling", "abdominal_pain"])
def test_those_signs_outside_pregnancy_are_a_visit(sign: str) -> None:
    a = at(journal(ci(1, 2, sign), prof=profile(birth_year=1980)), 1)
    assert a.level is Level.SEE_DOCTOR


PREGNANCY_WORDS = ("pregnan", "maternity", "midwife", "baby", "birth", "waters")


@pytest.mark.parametrize("sign", sorted(SYMPTOM_CODES - PREGNANCY_ONLY_SIGNS))
def test_no_message_speaks_of_pregnancy_to_someone_not_pregnant(sign: str) -> None:
    """Signs that only a pregnancy can give are read as a pregnancy (under-triage is worse)."""
    a = at(journal(ci(1, 2, sign), prof=profile("cancer", birth_year=1960)), 1)
    for r in a.reasons:
        assert not any(w in r.message.lower() for w in PREGNANCY_WORDS), (sign, r.message)
