"""Small builders for the second-edition safety tests: program days, check-ins, sessions."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sicoach.domain.journal import (
    CheckIn,
    ExerciseResult,
    FunctionRating,
    Journal,
    Pregnancy,
    Profile,
    Session,
)
from sicoach.domain.safety import Assessment, evaluate

START = date(2026, 11, 2)


def d(day: int) -> date:
    """Program day `day` (day 1 is the start date)."""
    return START + timedelta(days=day - 1)


def ci(
    day: int,
    pain: int | None = None,
    *symptoms: str,
    worst: int | None = None,
    mobility: int | None = None,
) -> CheckIn:
    return CheckIn(d(day), pain=pain, worst_pain=worst, mobility=mobility, symptoms=symptoms)


def profile(
    *history: str,
    birth_year: int | None = 1980,
    pregnancy: Pregnancy | None = None,
) -> Profile:
    return Profile(started_on=START, birth_year=birth_year, history=history, pregnancy=pregnancy)


def pregnant_at_week(week: int, on_day: int = 1) -> Pregnancy:
    """Pregnant and `week` completed weeks on program day `on_day`."""
    due = d(on_day) + timedelta(days=280 - 7 * week)
    return Pregnancy("pregnant", due_date=due)


def born_days_before(days: int, on_day: int = 1) -> Pregnancy:
    return Pregnancy("postpartum", delivery_date=d(on_day) - timedelta(days=days))


def session(
    day: int, before: int | None = 3, after: int | None = 3, *results: ExerciseResult
) -> Session:
    start = datetime.combine(d(day), datetime.min.time()).replace(hour=8)
    return Session(start, pain_before=before, pain_after=after, exercises=results)


def rated(day: int, activity: str, score: int) -> FunctionRating:
    return FunctionRating(d(day), activity, score)


def journal(
    *checkins: CheckIn,
    prof: Profile | None = None,
    sessions: tuple[Session, ...] = (),
    function: tuple[FunctionRating, ...] = (),
) -> Journal:
    return Journal(
        profile=prof or profile(),
        checkins=tuple(checkins),
        sessions=sessions,
        function=function,
    )


def at(j: Journal, day: int) -> Assessment:
    return evaluate(j, d(day))


def codes(a: Assessment) -> list[str]:
    return [r.code for r in a.reasons]


def reason(a: Assessment, code: str) -> str:
    return next(r.message for r in a.reasons if r.code == code)
