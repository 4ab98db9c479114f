"""Red flags a person reports: emergency and urgent signs, a painful calf, symptoms in one
leg, and the signs of the NHS routine tier.

A flag counts while it is in the latest check-in or in any check-in of the last 7 days
(`Facts.flags`, window in `thresholds.FLAG_WINDOW_DAYS`).
"""

from __future__ import annotations

from sicoach.domain.safety.facts import Facts
from sicoach.domain.safety.levels import Level, Reason
from sicoach.domain.safety.registry import rule
from sicoach.domain.safety.wording import (
    BOOK_VISIT,
    DOCTOR_TODAY,
    EMERGENCY_CALL,
    SRC_BREATHLESS,
    SRC_CES,
    SRC_CES_CARDS,
    SRC_DVT,
    SRC_GUIDE,
    SRC_NHS_EMERGENCY,
    SRC_NHS_URGENT,
    SRC_ROUTINE,
    SRC_WALKING,
)
from sicoach.domain.vocabulary import EMERGENCY_FLAGS, URGENT_FLAGS

EMERGENCY_MESSAGES: dict[str, str] = {
    "saddle_numbness": (
        f"{EMERGENCY_CALL} Numbness or tingling around your genitals, buttocks or inner "
        "thighs can mean the nerves at the bottom of your spine are squeezed. That needs "
        "treatment within hours."
    ),
    "bladder_bowel_change": (
        f"{EMERGENCY_CALL} New trouble starting or holding in your pee or poo can mean the "
        "nerves at the bottom of your spine are squeezed. That needs treatment within hours."
    ),
    # Guide vs NHS: for leg tingling, numbness or weakness (one leg or both) the guide only
    # asks people to see a provider; the NHS emergency tier says both legs at once needs
    # emergency care. We take the more cautious NHS reading for both legs and keep "see a
    # doctor" for one leg (`one_leg_symptoms`).
    "both_legs_symptoms": (
        f"{EMERGENCY_CALL} Tingling, numbness or weakness in both of your legs together can "
        "mean pressure on the nerves in your spine that needs quick treatment."
    ),
    # Minor falls matter too for people with osteoporosis or on long-term steroids (Northern
    # Trust): the screen asks them about any fall, and any "yes" lands here.
    "recent_trauma": (
        f"{EMERGENCY_CALL} Back pain that began after a fall or an accident needs a check for "
        "a broken bone before you do any exercise."
    ),
    "chest_pain": (
        f"{EMERGENCY_CALL} Chest pain always needs to be checked straight away; do not wait "
        "to see if it passes."
    ),
    "wiping_numbness": (
        f"{EMERGENCY_CALL} Feeling less than usual when you wipe after the toilet can mean "
        "the nerves at the bottom of your spine are squeezed. That needs treatment within "
        "hours."
    ),
    "sexual_changes": (
        f"{EMERGENCY_CALL} A new loss of feeling in your genitals, or new trouble with sex, "
        "together with back pain can mean the nerves at the bottom of your spine are "
        "squeezed. That needs treatment within hours."
    ),
}

EMERGENCY_SOURCES: dict[str, str] = {
    "saddle_numbness": SRC_CES,
    "bladder_bowel_change": SRC_CES,
    "wiping_numbness": SRC_CES_CARDS,
    "sexual_changes": SRC_CES_CARDS,
}
"""The cauda equina signs name the warning cards; the others the NHS emergency tier."""

URGENT_MESSAGES: dict[str, str] = {
    "fever": (
        f"{DOCTOR_TODAY} A high temperature together with back pain can be a sign of an "
        "infection, which needs checking soon."
    ),
    "unexplained_weight_loss": (
        f"{DOCTOR_TODAY} Losing weight without trying, together with back pain, needs a "
        "doctor to look for the cause."
    ),
    "night_pain": (
        f"{DOCTOR_TODAY} Pain that rest does not ease, or that gets worse at night, needs a "
        "doctor to look for the cause."
    ),
    "back_lump": (
        f"{DOCTOR_TODAY} A lump, a swelling or a change in the shape of your back needs a "
        "doctor to look at it soon."
    ),
    "pain_on_cough": (
        f"{DOCTOR_TODAY} Back pain that grows when you cough, sneeze or go to the toilet "
        "needs a doctor to look at it soon."
    ),
    "pain_between_shoulders": (
        f"{DOCTOR_TODAY} Pain between your shoulder blades is not typical of low-back pain "
        "and needs a doctor to look at it soon."
    ),
    "difficulty_walking": (
        f"{DOCTOR_TODAY} New trouble walking or keeping your balance can come from the nerves "
        "in your back and needs a doctor to look at it today. If your legs get weaker "
        "quickly, call your emergency number."
    ),
    "breathlessness": (
        f"{DOCTOR_TODAY} Getting short of breath at rest or with little effort needs a "
        "doctor to look at it today. If it came on suddenly, or comes with chest pain, call "
        "your emergency number."
    ),
}

URGENT_SOURCES: dict[str, str] = {
    "difficulty_walking": SRC_WALKING,
    "breathlessness": SRC_BREATHLESS,
}
"""Urgent signs with their own source; the others name the NHS urgent tier."""


@rule("emergency_red_flags", Level.EMERGENCY, SRC_NHS_EMERGENCY)
def emergency_red_flags(f: Facts) -> list[Reason]:
    """Any emergency red flag in the red-flag window (latest check-in or last 7 days).

    Codes: saddle_numbness, bladder_bowel_change, both_legs_symptoms, recent_trauma,
    chest_pain, and the cauda equina cards' wiping_numbness and sexual_changes. One reason
    per flag, coded by the flag.
    """
    flags = f.flags()
    return [
        Reason(
            code,
            Level.EMERGENCY,
            EMERGENCY_MESSAGES[code],
            EMERGENCY_SOURCES.get(code, SRC_NHS_EMERGENCY),
        )
        for code in EMERGENCY_FLAGS
        if code in flags
    ]


@rule("urgent_red_flags", Level.URGENT, SRC_NHS_URGENT)
def urgent_red_flags(f: Facts) -> list[Reason]:
    """Any urgent red flag in the red-flag window: see a doctor the same day.

    Codes: fever, unexplained_weight_loss, night_pain, back_lump, pain_on_cough,
    pain_between_shoulders, difficulty_walking, breathlessness (for anyone, pregnant or not).
    """
    flags = f.flags()
    return [
        Reason(code, Level.URGENT, URGENT_MESSAGES[code], URGENT_SOURCES.get(code, SRC_NHS_URGENT))
        for code in URGENT_FLAGS
        if code in flags
    ]


@rule("calf_pain_or_swelling", Level.URGENT, SRC_DVT)
def calf_pain_or_swelling(f: Facts) -> list[Reason]:
    """calf_swelling in the red-flag window, for anyone -> `calf_swelling` urgent (NHS DVT
    advice: same day). The words speak of pregnancy only in the pregnancy rule, which gives
    the same level with the maternity team's action while pregnant or soon after birth.
    With breathlessness or chest pain as well -> `calf_and_breathless` emergency.
    """
    flags = f.flags()
    if "calf_swelling" not in flags:
        return []
    out = []
    if flags & {"breathlessness", "chest_pain"}:
        out.append(
            Reason(
                "calf_and_breathless",
                Level.EMERGENCY,
                f"{EMERGENCY_CALL} A painful or swollen calf together with shortness of breath "
                "or chest pain can mean a blood clot has moved to the lungs.",
                SRC_DVT,
            )
        )
    if not (f.pregnant or f.soon_after_birth):
        out.append(
            Reason(
                "calf_swelling",
                Level.URGENT,
                f"{DOCTOR_TODAY} Pain, swelling, warmth or redness in one calf can mean a blood "
                "clot, which needs checking today. If you also get short of breath or chest "
                "pain, call your emergency number.",
                SRC_DVT,
            )
        )
    return out


@rule("one_leg_symptoms", Level.SEE_DOCTOR, SRC_GUIDE)
def one_leg_symptoms(f: Facts) -> list[Reason]:
    """leg_tingling, leg_numbness or leg_weakness in the red-flag window -> `leg_symptoms`.

    One reason for any of the three (both legs at once is the emergency flag above).
    """
    flags = f.flags()
    if not flags & {"leg_tingling", "leg_numbness", "leg_weakness"}:
        return []
    return [
        Reason(
            "leg_symptoms",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Tingling, numbness or weakness in a leg should be checked by a "
            "doctor. If it spreads to both legs, call your emergency number.",
            SRC_GUIDE,
        )
    ]


ROUTINE_MESSAGES: dict[str, str] = {
    "pain_stops_activities": (
        f"{BOOK_VISIT} Pain that stops you doing your everyday things is a good reason to see "
        "your doctor: there may be more they can do to help."
    ),
    "unable_to_cope": (
        f"{BOOK_VISIT} Finding it hard to cope with the pain is a good reason to talk to your "
        "doctor: help with worry and low mood is part of treating pain. If you feel you might "
        "harm yourself, call your emergency number now."
    ),
}


@rule("routine_signs", Level.SEE_DOCTOR, SRC_ROUTINE)
def routine_signs(f: Facts) -> list[Reason]:
    """pain_stops_activities or unable_to_cope in the red-flag window -> see_doctor, one
    reason each, coded by the sign (NHS routine tier)."""
    flags = f.flags()
    return [
        Reason(code, Level.SEE_DOCTOR, message, SRC_ROUTINE)
        for code, message in ROUTINE_MESSAGES.items()
        if code in flags
    ]
