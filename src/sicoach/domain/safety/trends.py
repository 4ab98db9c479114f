"""Trends the journal holds: pain or movement against the first week, new symptoms,
severe pain on several days.

A measure's first week (pain, worst pain, mobility; `measures.first_week_of`) is the
baseline week when that measure was rated in it; otherwise the 7 days from its first rating,
and the trend rules count their days from there. The progress chart shows the same week.
Worst pain stands in for pain only when the pain ratings cannot be compared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sicoach.domain import measures
from sicoach.domain.journal import CheckIn
from sicoach.domain.safety.facts import Facts, mean
from sicoach.domain.safety.levels import Level, Reason
from sicoach.domain.safety.registry import rule
from sicoach.domain.safety.thresholds import (
    FOUR_WEEKS_DAY,
    MOBILITY_FREE,
    MOBILITY_GAIN_POINTS,
    PAIN_LOW_ENOUGH,
    SESSION_PAIN_JUDGE_DAY,
    SEVERE_MIN_DAYS,
    SEVERE_PAIN,
    SEVERE_WINDOW_DAYS,
    WORSE_BY_POINTS,
    WORSE_FROM_DAY,
    WORSE_MIN_RECENT_READINGS,
)
from sicoach.domain.safety.wording import (
    BOOK_VISIT,
    SRC_GUIDE,
    SRC_OSTELO,
    SRC_SEVERE,
)
from sicoach.domain.vocabulary import GUIDE_SYMPTOMS, PAIN_SPREAD


@dataclass(frozen=True)
class _Measure:
    """A rating the trend rules follow: its words in messages and how to read it."""

    words: str
    read: Callable[[CheckIn], int | None]


PAIN = _Measure("pain", lambda c: c.pain)
WORST_PAIN = _Measure("worst pain", lambda c: c.worst_pain)
MOBILITY = _Measure("movement", lambda c: c.mobility)
PAIN_MEASURES = (PAIN, WORST_PAIN)
"""Worst pain stands in only when the pain ratings cannot be compared (a
person who gives only the worst pain of the day must still be watched)."""


@dataclass(frozen=True)
class _Trend:
    """One measure's first week against its recent week, as the trend rules compare them."""

    words: str
    day: int
    """Day of this measure's record on `on`: 1 on the first day of its first week."""
    first: float
    now: float
    recent_count: int


def _trend(f: Facts, measure: _Measure) -> _Trend | None:
    """The trend of a check-in measure (see `trend_of`); only the two weeks compared are
    read, found by bisection."""
    if f.baseline_start is None:
        return None
    start = f.baseline_start
    week = f.checkins_between(start, start + timedelta(days=measures.FIRST_WEEK_DAYS - 1))
    if not any(measure.read(c) is not None for c in week):
        first_rated = next((c.date for c in f.checkins if measure.read(c) is not None), None)
        if first_rated is None:
            return None
        start = first_rated
    end = start + timedelta(days=measures.FIRST_WEEK_DAYS - 1)
    since = f.on - timedelta(days=measures.RECENT_WEEK_DAYS - 1)
    ratings = {
        c.date: v
        for c in (*f.checkins_between(start, end), *f.checkins_between(since, f.on))
        if (v := measure.read(c)) is not None
    }
    return trend_of(f, measure.words, ratings, start)


def trend_of(
    f: Facts, words: str, ratings: dict[date, int], start: date | None = None
) -> _Trend | None:
    """The measure's first week is the program's baseline week when it was rated then;
    otherwise the 7 days from its first rating (a first week with no ratings, e.g. only a
    screen, must not silence the trend rules for good). The recent
    week is `on - 6` .. `on` without those first-week days. None without data on each side.
    """
    rated = sorted(ratings.items())
    if start is None:
        start = measures.first_week_of(f.baseline_start, (d for d, _ in rated))
    if start is None or not rated:
        return None
    first = mean(v for d, v in rated if measures.in_week(d, start))
    recent = [v for d, v in rated if measures.in_recent_week(d, f.on, start)]
    now = mean(recent)
    if first is None or now is None:
        return None
    return _Trend(words, (f.on - start).days + 1, first, now, len(recent))


def _comparable(
    f: Facts, measures: Iterable[_Measure], from_day: int, min_recent: int = 1
) -> _Trend | None:
    """The first measure with enough data to judge on `on` (None: nothing to judge yet)."""
    for measure in measures:
        trend = _trend(f, measure)
        if trend is not None and trend.day >= from_day and trend.recent_count >= min_recent:
            return trend
    return None


def pain_worse_than_first_week(f: Facts) -> _Trend | None:
    """From day 8, the recent week's pain 1 point or more above the first week's, with 2
    recent ratings (worst pain standing in when pain cannot be compared)."""
    t = _comparable(f, PAIN_MEASURES, WORSE_FROM_DAY, WORSE_MIN_RECENT_READINGS)
    return t if t is not None and t.now - t.first >= WORSE_BY_POINTS else None


def _not_better(t: _Trend | None) -> _Trend | None:
    if t is None or t.now <= PAIN_LOW_ENOUGH:
        return None
    drop = t.first - t.now
    if drop > 0 and measures.is_meaningful(drop, t.first):
        return None
    return t


def pain_not_better(f: Facts, from_day: int) -> _Trend | None:
    """From `from_day`, pain not at least 2 points or 30% below the first week's (a
    meaningful change, Ostelo 2008), unless the recent average is 1 or less."""
    return _not_better(_comparable(f, PAIN_MEASURES, from_day))


def session_pain(f: Facts) -> dict[date, int]:
    """The pain given at the start of a session (after it when the start is missing), the
    day's highest when there were several."""
    out: dict[date, int] = {}
    for s in f.sessions:
        value = s.pain_before if s.pain_before is not None else s.pain_after
        if value is not None:
            out[s.date] = max(out.get(s.date, 0), value)
    return out


def _session_pain_not_better(f: Facts) -> _Trend | None:
    """When the check-ins give no pain to compare: the sessions' pain, judged from day 42."""
    if any(_trend(f, m) is not None for m in PAIN_MEASURES):
        return None
    t = trend_of(f, "pain at the start of your sessions", session_pain(f))
    if t is None or t.day < SESSION_PAIN_JUDGE_DAY:
        return None
    return _not_better(t)


@rule("worse_after_weeks", Level.SEE_DOCTOR, SRC_GUIDE)
def worse_after_weeks(f: Facts) -> list[Reason]:
    """Feeling worse after 1-2 weeks -> `worse_after_weeks`.

    From day 8: the recent week's average pain is 1 point or more above the first week's.
    Needs at least 1 pain rating in the first week and 2 in the recent week (first-week days
    excluded), so one bad day alone does not trigger it. The first week is the program's,
    or the 7 days from the first pain rating when the program's first week has none; worst
    pain stands in when pain cannot be compared (see `_trend`).
    """
    t = pain_worse_than_first_week(f)
    if t is None:
        return []
    return [
        Reason(
            "worse_after_weeks",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Your {t.words} this week ({t.now:.1f} on average) is higher "
            f"than in your first week ({t.first:.1f}); feeling worse after a week or two "
            "should be checked.",
            SRC_GUIDE,
        )
    ]


@rule("new_symptoms", Level.SEE_DOCTOR, SRC_GUIDE)
def new_symptoms(f: Facts) -> list[Reason]:
    """New symptoms -> `new_symptoms`.

    From program day 8: a symptom of the guide (trouble standing up, pain worse sitting,
    poor sleep) or a new place the pain spreads to, reported in the red-flag window after the
    baseline week but never in the baseline week. Leg symptoms have their own rule.
    """
    day = f.program_day
    if day is None or day < WORSE_FROM_DAY:
        return []
    watched = (set(GUIDE_SYMPTOMS) | set(PAIN_SPREAD)) - {
        "leg_tingling",
        "leg_numbness",
        "leg_weakness",
    }
    before = {s for c in f.baseline() for s in c.symptoms}
    now = {s for c in f.flag_checkins() if not f.in_baseline(c.date) for s in c.symptoms}
    new = sorted((now & watched) - before)
    if not new:
        return []
    names = ", ".join(_SYMPTOM_WORDS.get(code, code) for code in new)
    return [
        Reason(
            "new_symptoms",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} You have reported something new since your first week ({names}); "
            "new or growing symptoms should be checked.",
            SRC_GUIDE,
        )
    ]


_SYMPTOM_WORDS = {
    "trouble_standing_up": "trouble standing up",
    "pain_worse_sitting": "pain worse when sitting",
    "sleep_difficulty": "trouble sleeping",
    "pain_groin": "pain in the groin",
    "pain_buttocks": "pain in the buttocks",
    "pain_hips": "pain in the hips",
    "pain_thighs": "pain in the thighs",
    "pain_lower_back": "pain in the lower back",
}


@rule("no_mobility_gain", Level.SEE_DOCTOR, SRC_GUIDE)
def no_mobility_gain(f: Facts) -> list[Reason]:
    """No gain in movement after about 4 weeks -> `no_mobility_gain`.

    From day 28: the recent week's average mobility is less than 1 point above the first
    week's. Needs 1 rating in each week. Not raised when the recent average is 9 or more
    (already moving almost freely). Days and first week as in `_trend`.
    """
    t = _comparable(f, (MOBILITY,), FOUR_WEEKS_DAY)
    if t is None or t.now >= MOBILITY_FREE or t.now - t.first >= MOBILITY_GAIN_POINTS:
        return []
    return [
        Reason(
            "no_mobility_gain",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} After about four weeks your movement has not got freer "
            f"({t.first:.1f} then, {t.now:.1f} now); a doctor or physio can look at other "
            "options.",
            SRC_GUIDE,
        )
    ]


@rule("pain_not_improved", Level.SEE_DOCTOR, SRC_OSTELO)
def pain_not_improved(f: Facts) -> list[Reason]:
    """Pain not better after about 4 weeks -> `pain_not_improved`.

    From day 28: the recent week's average pain is not at least 2 points or 30% below the
    first week's (the smallest change that matters, Ostelo 2008). Needs 1 rating in each
    week. Not raised when the recent average is 1 or less. Days, first week and the worst
    pain stand-in as in `trend_of`. When pain is rated only at sessions (no check-in pain
    or worst pain to compare), the sessions' starting pain is judged the same way from
    day 42 (6 weeks).
    """
    t = pain_not_better(f, FOUR_WEEKS_DAY)
    if t is None:
        t = _session_pain_not_better(f)
    if t is None:
        return []
    return [
        Reason(
            "pain_not_improved",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} After about four weeks your {t.words} has not clearly eased "
            f"({t.first:.1f} then, {t.now:.1f} now); a doctor can talk with you about other "
            "treatments.",
            SRC_OSTELO,
        )
    ]


@rule("severe_pain", Level.SEE_DOCTOR, SRC_SEVERE)
def severe_pain(f: Facts) -> list[Reason]:
    """Severe pain for several days -> `severe_pain`.

    Pain or worst pain of 8 or more on at least 3 different days among the last 10 days
    (`on - 9` .. `on`; second edition: not only the last 7). The pain given before or after
    a session that day counts too (someone who rates pain only at
    sessions must still be watched).
    """

    def severe(value: int | None) -> bool:
        return value is not None and value >= SEVERE_PAIN

    since = f.on - timedelta(days=SEVERE_WINDOW_DAYS - 1)
    severe_days = {
        c.date for c in f.last_days(SEVERE_WINDOW_DAYS) if severe(c.pain) or severe(c.worst_pain)
    }
    severe_days |= {
        s.date for s in f.sessions_since(since) if severe(s.pain_before) or severe(s.pain_after)
    }
    days = len(severe_days)
    if days < SEVERE_MIN_DAYS:
        return []
    return [
        Reason(
            "severe_pain",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Your pain was 8 or more on {days} of the last "
            f"{SEVERE_WINDOW_DAYS} days; strong pain that keeps coming back needs a doctor's "
            "help.",
            SRC_SEVERE,
        )
    ]
