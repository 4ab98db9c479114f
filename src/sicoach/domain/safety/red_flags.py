"""Red flags a person reports: emergency and urgent signs, and symptoms in one leg.

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
    SRC_CES,
    SRC_GUIDE,
    SRC_NHS_EMERGENCY,
    SRC_NHS_URGENT,
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
}

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
}


@rule("emergency_red_flags", Level.EMERGENCY, SRC_NHS_EMERGENCY)
def emergency_red_flags(f: Facts) -> list[Reason]:
    """Any emergency red flag in the red-flag window (latest check-in or last 7 days).

    Codes: saddle_numbness, bladder_bowel_change, both_legs_symptoms, recent_trauma,
    chest_pain. One reason per flag, coded by the flag.
    """
    flags = f.flags()
    out = []
    for code in EMERGENCY_FLAGS:
        if code in flags:
            source = (
                SRC_CES
                if code in ("saddle_numbness", "bladder_bowel_change")
                else (SRC_NHS_EMERGENCY)
            )
            out.append(Reason(code, Level.EMERGENCY, EMERGENCY_MESSAGES[code], source))
    return out


@rule("urgent_red_flags", Level.URGENT, SRC_NHS_URGENT)
def urgent_red_flags(f: Facts) -> list[Reason]:
    """Any urgent red flag in the red-flag window: see a doctor the same day.

    Codes: fever, unexplained_weight_loss, night_pain, back_lump, pain_on_cough,
    pain_between_shoulders.
    """
    flags = f.flags()
    return [
        Reason(code, Level.URGENT, URGENT_MESSAGES[code], SRC_NHS_URGENT)
        for code in URGENT_FLAGS
        if code in flags
    ]


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
