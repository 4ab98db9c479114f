"""A way back after the doctor: clinician reviews in the triage (docs/clinical-notes.md §9).

A review ("checked by a doctor, physio or midwife on DATE, who advised ...") settles the
warning signs reported on or before its date; a sign reported after it counts again at once.
Without the person's explicit yes, a review never settles an emergency sign.

The other way round, a warning sign that leaves the 7-day red-flag window unreviewed must not
simply be forgotten: until a review covers it, the triage asks "Were you checked for X?"
(`see_doctor`): for an emergency sign with no end, for an urgent sign for 4 weeks after it
was last reported. "Stop until told otherwise" keeps the exercises stopped (`CLINICIAN_STOP`).

`evaluate` calls `settle` on the facts before the rules run and adds `review_reasons` after.
A sign's level is the level the rules gave it on the day it was reported (`sign_levels`), so
rules added later (combinations, pregnancy) are followed without a list kept here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sicoach.domain.journal import CheckIn, ClinicianReview
from sicoach.domain.safety.facts import Facts
from sicoach.domain.safety.levels import CLINICIAN_STOP, Level, Reason
from sicoach.domain.safety.registry import Rule
from sicoach.domain.vocabulary import GUIDE_SYMPTOMS, PAIN_SPREAD

URGENT_ASK_DAYS = 28
"""An urgent sign not reviewed is asked about up to 28 days after it was last reported (a
sign dated `on - 28` is asked about, `on - 29` no longer); an emergency sign until reviewed."""

LEG_SIGNS = frozenset({"leg_tingling", "leg_numbness", "leg_weakness"})
TREND_ONLY: frozenset[str] = frozenset(GUIDE_SYMPTOMS) - LEG_SIGNS | frozenset(PAIN_SPREAD)
"""Symptoms the trend rules compare with the first week: a review does not remove them, or
the first week would look empty and every later report new."""

SRC_REVIEW = (
    "NHS back-pain advice (red flags need a doctor's check); a clinician's advice after that "
    "check comes first"
)

_SIGN_WORDS: dict[str, str] = {
    "saddle_numbness": "numbness or tingling around your genitals, bottom or inner thighs",
    "bladder_bowel_change": "new trouble peeing or holding your pee or poo",
    "both_legs_symptoms": "tingling, numbness or weakness in both legs",
    "recent_trauma": "pain after a fall or an accident",
    "chest_pain": "chest pain",
    "fever": "a high temperature",
    "unexplained_weight_loss": "weight loss without trying",
    "night_pain": "pain that does not ease when you rest, or is worse at night",
    "back_lump": "a lump or change in the shape of your back",
    "pain_on_cough": "pain worse when coughing, sneezing or on the toilet",
    "pain_between_shoulders": "pain between your shoulder blades",
    "vaginal_bleeding": "bleeding from the vagina",
    "fluid_leak": "fluid leaking from the vagina",
    "contractions": "painful tightening of your belly",
    "reduced_baby_movement": "your baby moving less",
    "dizziness": "feeling dizzy or faint",
    "calf_swelling": "a painful or swollen calf",
    "leg_tingling": "tingling in a leg",
    "leg_numbness": "numbness in a leg",
    "leg_weakness": "weakness in a leg",
    "wiping_numbness": "less feeling when you wipe",
    "sexual_changes": "a new change in sexual feeling",
    "difficulty_walking": "new trouble walking or keeping your balance",
    "breathlessness": "shortness of breath",
    "heavy_bleeding": "heavy bleeding from the vagina",
    "bleeding_bad_smell": "bleeding or discharge that smells bad",
    "headache_vision": "a headache or changes in your sight",
    "sudden_swelling": "sudden swelling of your face, hands or feet",
    "abdominal_pain": "pain in your belly",
    "pain_stops_activities": "pain that stops your daily activities",
    "unable_to_cope": "finding it hard to cope",
    "fall_or_knock": "a fall or a knock",
}


def sign_words(code: str) -> str:
    """Plain words for a warning sign, to name it in a question."""
    return _SIGN_WORDS.get(code, code.replace("_", " "))


def is_warning_sign(code: str) -> bool:
    """A symptom a review can settle (everything but the trend-only symptoms)."""
    return code not in TREND_ONLY


def sign_levels(checkin: CheckIn, facts: Facts, rules: Sequence[Rule]) -> dict[str, Level]:
    """The level each warning sign of `checkin` had on its own day.

    The rules run on that one check-in (with the profile), so a pregnancy or a history
    changes the level as it does in the triage. A reason coded by the sign rates that sign; a
    reason coded otherwise (a combination) rates every warning sign of the day (cautious).
    """
    signs = [s for s in checkin.symptoms if is_warning_sign(s)]
    if not signs:
        return {}
    alone = Facts(checkin.date, facts.profile, (checkin,), (), checkin.date)
    levels = dict.fromkeys(signs, Level.CONTINUE)
    for rule in rules:
        for reason in rule.check(alone):
            for code in [reason.code] if reason.code in levels else signs:
                levels[code] = max(levels[code], reason.level)
    return levels


def _settled_by(review: ClinicianReview, checkin: CheckIn) -> set[str]:
    if checkin.date > review.date:
        return set()
    return {
        s
        for s in checkin.symptoms
        if is_warning_sign(s) and (review.settles is None or s in review.settles)
    }


def settle(facts: Facts, rules: Sequence[Rule]) -> Facts:
    """The facts without the warning signs a review has settled (see the module docstring)."""
    if not facts.reviews:
        return facts
    kept = []
    for checkin in facts.checkins:
        drop: set[str] = set()
        levels: dict[str, Level] | None = None
        for review in facts.reviews:
            codes = _settled_by(review, checkin) - drop
            if codes and not review.emergency_checked:
                levels = levels if levels is not None else sign_levels(checkin, facts, rules)
                codes = {c for c in codes if levels.get(c, Level.CONTINUE) < Level.EMERGENCY}
            drop |= codes
        if drop:
            checkin = replace(checkin, symptoms=tuple(s for s in checkin.symptoms if s not in drop))
        kept.append(checkin)
    return replace(facts, checkins=tuple(kept))


def open_signs(facts: Facts, rules: Sequence[Rule]) -> dict[str, tuple[Level, CheckIn]]:
    """Warning signs still open on `facts.on` (after `settle`): each code with its level on
    the day it was last reported and that check-in. Signs rated below urgent are left out."""
    last: dict[str, CheckIn] = {}
    for checkin in facts.checkins:
        for code in checkin.symptoms:
            if is_warning_sign(code):
                last[code] = checkin
    out: dict[str, tuple[Level, CheckIn]] = {}
    rated: dict[object, dict[str, Level]] = {}
    for code, checkin in sorted(last.items()):
        levels = rated.setdefault(checkin.date, sign_levels(checkin, facts, rules))
        if levels.get(code, Level.CONTINUE) >= Level.URGENT:
            out[code] = (levels[code], checkin)
    return out


def _asked(code: str, checkin: CheckIn, level: Level) -> Reason:
    day = f"{checkin.date.day} {checkin.date.strftime('%B %Y')}"
    then = (
        "call your emergency number at once if it comes back"
        if level is Level.EMERGENCY
        else "see a doctor the same day if it comes back"
    )
    return Reason(
        f"checked_for_{code}",
        Level.SEE_DOCTOR,
        f"Were you checked for {sign_words(code)} (last noted on {day})? If a doctor, physio "
        "or midwife has seen you about it, record the visit and what they advised. If not, "
        f"book a visit soon, and {then}.",
        SRC_REVIEW,
    )


def review_reasons(facts: Facts, rules: Sequence[Rule]) -> list[Reason]:
    """ "Were you checked for X?" for open signs outside the red-flag window, and the
    clinician's "stop until told otherwise" when it is the advice in force."""
    out = []
    current = facts.flags()
    for code, (level, checkin) in open_signs(facts, rules).items():
        if code in current:
            continue  # still in the window: its own rule shows it at its level
        age = (facts.on - checkin.date).days
        if level is Level.EMERGENCY or age <= URGENT_ASK_DAYS:
            out.append(_asked(code, checkin, level))
    latest = max(reversed(facts.reviews), key=lambda r: r.date) if facts.reviews else None
    if latest is not None and latest.advice == "stop":
        day = f"{latest.date.day} {latest.date.strftime('%B %Y')}"
        out.append(
            Reason(
                CLINICIAN_STOP,
                Level.SEE_DOCTOR,
                f"No exercises for now: on {day} you were advised to stop until your doctor, "
                "physio or midwife says otherwise. When they say you can start again, record "
                "that visit and what they advised.",
                "Your own clinician's advice",
            )
        )
    return out
