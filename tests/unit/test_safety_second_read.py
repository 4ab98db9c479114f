"""Second read of the triage: cases where the first rules were less cautious than docs/design.md
§5 (a rule that went quiet for lack of data, a pregnancy sign rated too low)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sicoach.domain.journal import CheckIn, ExerciseResult, Journal, Pregnancy, Profile, Session
from sicoach.domain.safety import Assessment, Level, evaluate

START = date(2026, 11, 2)


def d(day: int) -> date:
    """Program day `day` (day 1 is the start date)."""
    return START + timedelta(days=day - 1)


def codes(a: Assessment) -> list[str]:
    return [r.code for r in a.reasons]


def plain(*checkins: CheckIn, profile: Profile | None = None) -> Journal:
    return Journal(profile=profile or Profile(started_on=START), checkins=checkins)


# ----------------------------------------------------------------- pregnancy signs


@pytest.mark.parametrize("sign", ["fluid_leak", "contractions", "reduced_baby_movement"])
@pytest.mark.parametrize("profile", [None, Profile(started_on=START)])
def test_signs_only_a_pregnancy_has_are_emergency_when_no_pregnancy_is_recorded(
    sign: str, profile: Profile | None
) -> None:
    """A baby that moves less means a pregnancy, whatever the profile has not been told."""
    a = evaluate(Journal(profile=profile, checkins=(CheckIn(d(1), symptoms=(sign,)),)), d(1))
    assert a.level is Level.EMERGENCY
    assert codes(a) == [sign]
    assert "maternity unit or midwife now" in a.reasons[0].message
    assert "112" in a.reasons[0].message


def test_birth_recorded_after_the_date_means_pregnant_on_that_date() -> None:
    profile = Profile(started_on=START, pregnancy=Pregnancy("postpartum", None, d(20)))
    a = evaluate(plain(CheckIn(d(5), symptoms=("vaginal_bleeding",)), profile=profile), d(5))
    assert a.level is Level.EMERGENCY


def test_postpartum_without_a_delivery_date_keeps_the_after_birth_warnings() -> None:
    profile = Profile(started_on=START, pregnancy=Pregnancy("postpartum"))
    a = evaluate(plain(CheckIn(d(1), symptoms=("calf_swelling",)), profile=profile), d(1))
    assert a.level is Level.URGENT


def test_postpartum_without_a_delivery_date_still_watches_pelvic_pain() -> None:
    profile = Profile(started_on=START, pregnancy=Pregnancy("postpartum"))
    a = evaluate(plain(CheckIn(d(30), pain=5), profile=profile), d(30))
    assert codes(a) == ["postpartum_pelvic_pain"]


# ----------------------------------------------------------------- trend rules need data


def test_first_week_without_ratings_does_not_silence_the_trend_rules() -> None:
    """Day 1 was a screen only (no ratings); pain 7 and mobility 3 every day from day 9."""
    later = [CheckIn(d(n), pain=7, mobility=3) for n in range(9, 60)]
    a = evaluate(plain(CheckIn(d(1)), *later), d(59))
    assert a.level is Level.SEE_DOCTOR
    assert "pain_not_improved" in codes(a)
    assert "no_mobility_gain" in codes(a)


def test_late_first_rating_starts_its_own_baseline_week() -> None:
    """Pain first rated on day 9 (4 a day), then 6 on days 16-17: worse than its first week."""
    first = [CheckIn(d(n), pain=4) for n in range(9, 16)]
    j = plain(CheckIn(d(1)), *first, CheckIn(d(16), pain=6), CheckIn(d(17), pain=6))
    assert codes(evaluate(j, d(17))) == ["worse_after_weeks"]
    # before a week of its own has passed the late ratings are still the baseline
    assert evaluate(j, d(15)).level is Level.CONTINUE


def test_four_week_rules_count_from_the_first_rating() -> None:
    """Pain first rated on day 20: not judged 'after four weeks' on day 28."""
    j = plain(CheckIn(d(1)), *[CheckIn(d(n), pain=6) for n in range(20, 29)])
    assert "pain_not_improved" not in codes(evaluate(j, d(28)))
    j = plain(CheckIn(d(1)), *[CheckIn(d(n), pain=6) for n in range(20, 48)])
    assert "pain_not_improved" in codes(evaluate(j, d(47)))


def test_worst_pain_stands_in_when_pain_is_not_rated() -> None:
    """Pain 3 (worst 4) in the first week, then only the worst pain (7) is given: the worst
    pain is compared with the first week's worst pain."""
    first = [CheckIn(d(n), pain=3, worst_pain=4) for n in range(1, 8)]
    later = [CheckIn(d(n), worst_pain=7) for n in range(8, 20)]
    a = evaluate(plain(*first, *later), d(19))
    assert codes(a) == ["worse_after_weeks"]
    assert "7.0" in a.reasons[0].message and "4.0" in a.reasons[0].message


def test_worst_pain_only_journal_is_watched_after_four_weeks() -> None:
    j = plain(*[CheckIn(d(n), worst_pain=6) for n in range(1, 29)])
    assert codes(evaluate(j, d(28))) == ["pain_not_improved"]


def test_pain_rule_is_unchanged_when_pain_is_rated() -> None:
    """Worst pain is only a stand-in for `worse_after_weeks`: with pain rated and flat, a
    rising worst pain is its own reason (second edition), not "worse after weeks"."""
    first = [CheckIn(d(n), pain=4, worst_pain=4) for n in range(1, 8)]
    later = [CheckIn(d(n), pain=4, worst_pain=7) for n in range(8, 12)]
    assert codes(evaluate(plain(*first, *later), d(11))) == ["worst_pain_rising"]


# ----------------------------------------------------------------- severe pain in sessions


def session(day: int, before: int | None, after: int | None) -> Session:
    return Session(datetime.combine(d(day), datetime.min.time()).replace(hour=8), before, after)


@pytest.mark.parametrize(("days", "fires"), [((2, 4), False), ((2, 4, 6), True)])
def test_severe_pain_given_at_sessions_counts(days: tuple[int, ...], fires: bool) -> None:
    j = Journal(profile=Profile(started_on=START), sessions=tuple(session(n, 8, 9) for n in days))
    assert ("severe_pain" in codes(evaluate(j, d(7)))) is fires


def test_severe_days_are_counted_once_from_checkins_and_sessions() -> None:
    j = Journal(
        profile=Profile(started_on=START),
        checkins=(CheckIn(d(2), pain=9), CheckIn(d(4), pain=3)),
        sessions=(session(2, 8, None), session(4, None, 8)),
    )
    assert "severe_pain" not in codes(evaluate(j, d(7)))  # two days, not four
    j = Journal(profile=j.profile, checkins=j.checkins, sessions=(*j.sessions, session(5, 8, 8)))
    a = evaluate(j, d(7))
    assert "severe_pain" in codes(a)
    assert "on 3 of the last 10 days" in a.reasons[0].message


# ----------------------------------------------------------------- exercises that hurt


def test_an_exercise_marked_hurt_counts_even_when_also_marked_skipped() -> None:
    """`{"hurt": true, "skipped": true}` (stopped because it hurt) is still a hurt."""
    hurt_then_skipped = (ExerciseResult("bridge", hurt=True, skipped=True),)
    sessions = tuple(
        Session(
            datetime.combine(d(n), datetime.min.time()).replace(hour=8),
            exercises=hurt_then_skipped,
        )
        for n in (2, 3)
    )
    j = Journal(profile=Profile(started_on=START), sessions=sessions)
    assert codes(evaluate(j, d(3))) == ["exercises_hurt", "same_exercise_hurts"]
