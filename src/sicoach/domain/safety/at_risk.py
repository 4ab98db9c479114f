"""People at risk: a history or an age that changes what a sign means.

Cancer (spinal cord compression), fragile bones (a sudden jump in pain, a fall or a knock),
a raised risk of infection, and new back pain over 50 or under 20. Each rule names the risk
in its message, so the person knows why this sign matters more for them.
"""

from __future__ import annotations

from datetime import timedelta

from sicoach.domain import measures
from sicoach.domain.safety.facts import Facts
from sicoach.domain.safety.levels import Level, Reason
from sicoach.domain.safety.ratings import keeps_rising, latest_jump
from sicoach.domain.safety.registry import rule
from sicoach.domain.safety.thresholds import (
    AGE_OVER,
    AGE_UNDER,
    AGE_WEEKS_DAYS,
    CANCER_NO_BETTER_DAY,
)
from sicoach.domain.safety.trends import pain_not_better, pain_worse_than_first_week
from sicoach.domain.safety.wording import (
    BOOK_VISIT,
    CANCER_TEAM_TODAY,
    DOCTOR_TODAY,
    EMERGENCY_CALL,
    SRC_AGE,
    SRC_FRACTURE,
    SRC_INFECTION,
    SRC_MSCC,
)
from sicoach.domain.vocabulary import PAIN_SPREAD

NERVE_SIGNS: frozenset[str] = frozenset(
    {
        "leg_weakness",
        "leg_numbness",
        "leg_tingling",
        "difficulty_walking",
        "both_legs_symptoms",
        "bladder_bowel_change",
        "saddle_numbness",
        "wiping_numbness",
        "sexual_changes",
    }
)
"""Signs that the nerves in the spine may be pressed on (NICE CG75 / NG234)."""


def _had_cancer(f: Facts) -> bool:
    return "cancer" in f.history


@rule("cancer_nerve_signs", Level.EMERGENCY, SRC_MSCC)
def cancer_nerve_signs(f: Facts) -> list[Reason]:
    """A `cancer` history with any nerve sign in the red-flag window -> emergency.

    Nerve signs: weakness, numbness or tingling in a leg, new trouble walking, both legs
    affected, bladder or bowel change, numbness in the saddle area or when wiping, sexual
    changes.
    """
    if not _had_cancer(f) or not f.flags() & NERVE_SIGNS:
        return []
    return [
        Reason(
            "cancer_nerve_signs",
            Level.EMERGENCY,
            f"{EMERGENCY_CALL} Because you have had cancer, new weakness, numbness or trouble "
            "walking with back pain can mean pressure on the spinal cord, which needs "
            "treatment the same day. Tell them about your cancer.",
            SRC_MSCC,
        )
    ]


@rule("cancer_pain_pattern", Level.URGENT, SRC_MSCC)
def cancer_pain_pattern(f: Facts) -> list[Reason]:
    """A `cancer` history with pain that keeps rising, night pain, pain worse on coughing or
    straining, or no improvement after 2 weeks -> urgent (cancer team within 24 hours).

    Rising: 3 or more ratings in the last 7 days, none lower than the one before and the
    last 2+ above the first (`ratings.keeps_rising`), or from day 8 the recent week's pain
    1+ above the first week's. No improvement: from day 15 the pain is not 2 points or 30%
    below the first week's (`trends.pain_not_better`).
    """
    if not _had_cancer(f):
        return []
    flags = f.flags()
    what = []
    if "night_pain" in flags:
        what.append("pain at night or at rest")
    if "pain_on_cough" in flags:
        what.append("pain that grows when you cough or strain")
    if keeps_rising(f) or pain_worse_than_first_week(f) is not None:
        what.append("pain that keeps getting worse")
    if pain_not_better(f, CANCER_NO_BETTER_DAY) is not None:
        what.append("pain that has not eased in two weeks")
    if not what:
        return []
    return [
        Reason(
            "cancer_pain_pattern",
            Level.URGENT,
            f"{CANCER_TEAM_TODAY} Because you have had cancer, {' and '.join(what)} needs "
            "their check soon, even if it feels like an ordinary backache.",
            SRC_MSCC,
        )
    ]


def _fragile_words(f: Facts) -> str:
    """'With thin bones', 'At 72', 'With thin bones and at 72': the person's own risk."""
    words = " and ".join(f.fragility)
    return words[:1].upper() + words[1:]


@rule("sudden_pain_jump", Level.URGENT, SRC_FRACTURE)
def sudden_pain_jump(f: Facts) -> list[Reason]:
    """Fragile bones (osteoporosis, long-term steroids, age 65+) and a sudden jump in pain
    dated in the red-flag window -> urgent, from day 1 (`ratings.latest_jump`: 3+ points
    over the day before, 8+ after a week of 6 or less, or 3+ during one session).
    """
    if not f.fragile:
        return []
    jump = latest_jump(f)
    if jump is None:
        return []
    return [
        Reason(
            "sudden_pain_jump",
            Level.URGENT,
            f"{DOCTOR_TODAY} Your pain jumped from {jump.before} to {jump.after}. "
            f"{_fragile_words(f)}, a sudden jump in pain can mean a small break in a bone, "
            "even without a fall, so it needs a check today.",
            SRC_FRACTURE,
        )
    ]


@rule("fall_or_knock", Level.EMERGENCY, SRC_FRACTURE)
def fall_or_knock(f: Facts) -> list[Reason]:
    """`fall_or_knock` (since the last check-in) in the red-flag window: emergency for fragile
    bones (osteoporosis, long-term steroids, age 65+), as a fall before the program is;
    see_doctor for anyone else.
    """
    if "fall_or_knock" not in f.flags():
        return []
    if f.fragile:
        return [
            Reason(
                "fall_or_knock",
                Level.EMERGENCY,
                f"{EMERGENCY_CALL} {_fragile_words(f)}, even a small fall or knock can break a "
                "bone. Have it checked before you exercise again.",
                SRC_FRACTURE,
            )
        ]
    return [
        Reason(
            "fall_or_knock",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} You had a fall or a knock since your last check-in. If your pain is "
            "much worse since then, see a doctor today; if your legs feel weak or numb, call "
            "your emergency number.",
            SRC_FRACTURE,
        )
    ]


@rule("infection_risk", Level.URGENT, SRC_INFECTION)
def infection_risk(f: Facts) -> list[Reason]:
    """A raised risk of infection (immunosuppression, a recent infection, injecting drugs,
    long-term steroids) with fever or night pain in the red-flag window -> urgent, naming
    the risk.
    """
    risks = f.infection_risks
    signs = f.flags() & {"fever", "night_pain"}
    if not risks or not signs:
        return []
    sign = " and ".join(
        words
        for code, words in (("fever", "a fever"), ("night_pain", "night pain"))
        if code in signs
    )
    return [
        Reason(
            "infection_risk",
            Level.URGENT,
            f"{DOCTOR_TODAY} Because of {' and '.join(risks)}, {sign} together with back "
            "pain can be a sign of an infection near the spine, which needs a doctor today. "
            "Tell them about it.",
            SRC_INFECTION,
        )
    ]


def _has_pain(f: Facts) -> bool:
    """Any pain rated 1+ or a place the pain spreads to, in the last 7 days' records."""
    recent = f.last_days(measures.RECENT_WEEK_DAYS)
    rated = any((c.pain or 0) >= 1 or (c.worst_pain or 0) >= 1 for c in recent)
    spread = any(set(c.symptoms) & set(PAIN_SPREAD) for c in recent)
    at_sessions = any(
        (s.pain_before or 0) >= 1 or (s.pain_after or 0) >= 1
        for s in f.sessions_since(f.on - timedelta(days=measures.RECENT_WEEK_DAYS - 1))
    )
    return rated or spread or at_sessions


@rule("age_new_pain", Level.SEE_DOCTOR, SRC_AGE)
def age_new_pain(f: Facts) -> list[Reason]:
    """Over 50 or under 20 with back pain in the first 6 weeks of the program (day 1-42),
    pain rated 1+ (or a place it spreads to) in the last 7 days -> see_doctor.

    Age is the year's age from the birth year (it can be one year too high: the cautious
    side). We cannot tell how new the pain is; starting the program is read as new.
    """
    age, day = f.age, f.program_day
    if age is None or day is None or day > AGE_WEEKS_DAYS:
        return []
    if AGE_UNDER <= age <= AGE_OVER or not _has_pain(f):
        return []
    who = "over 50" if age > AGE_OVER else "under 20"
    return [
        Reason(
            "age_new_pain",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Back pain that starts when you are {who} is worth a doctor's look, "
            "even when it feels ordinary: they can check for causes that exercise alone will "
            "not help.",
            SRC_AGE,
        )
    ]
