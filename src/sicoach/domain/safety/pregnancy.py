"""Pregnancy and after birth: the warning signs to stop and call, and pain that lingers."""

from __future__ import annotations

from sicoach.domain import measures
from sicoach.domain.safety.facts import Facts
from sicoach.domain.safety.levels import Level, Reason
from sicoach.domain.safety.registry import rule
from sicoach.domain.safety.thresholds import POSTPARTUM_SETTLE_DAYS
from sicoach.domain.safety.wording import (
    BOOK_VISIT,
    MATERNITY_NOW,
    MATERNITY_TODAY,
    SRC_ACOG,
    SRC_POSTPARTUM,
)
from sicoach.domain.vocabulary import PAIN_SPREAD, PREGNANCY_WARNINGS

PREGNANCY_REASONS: dict[str, str] = {
    "vaginal_bleeding": "Bleeding from the vagina during pregnancy must be checked at once.",
    "fluid_leak": "Fluid leaking from the vagina can mean your waters have broken.",
    "contractions": "Regular, painful tightening of your belly can mean labour is starting.",
    "reduced_baby_movement": (
        "When your baby moves less than usual, the maternity team needs to check on the baby "
        "the same day, without waiting for tomorrow."
    ),
    "dizziness": "Feeling dizzy or faint needs a check before you exercise again.",
    "calf_swelling": (
        "Pain or swelling in a calf can mean a blood clot, which is more likely in pregnancy "
        "and after birth."
    ),
}

# Which pregnancy warnings are emergencies while pregnant. ACOG lists all six as "stop and
# call"; NHS maternity advice says bleeding, waters leaking, regular contractions (possible
# early labour) and fewer baby movements need the maternity unit straight away, not
# tomorrow. We therefore rate those four as emergency (call now) and dizziness and calf
# swelling as urgent (today) - the cautious reading.
PREGNANCY_EMERGENCIES: frozenset[str] = frozenset(
    {"vaginal_bleeding", "fluid_leak", "contractions", "reduced_baby_movement"}
)

# Signs that only a pregnancy can give (waters leaking, labour pains, a baby moving less).
# When someone reports one but the profile records no pregnancy (never filled in, or not
# updated), the sign itself tells us she is pregnant: it is rated as in pregnancy, never
# as a routine visit (second-read fix; under-triage is the worst defect).
PREGNANCY_ONLY_SIGNS: frozenset[str] = frozenset(
    {"fluid_leak", "contractions", "reduced_baby_movement"}
)


@rule("pregnancy_warning_signs", Level.EMERGENCY, SRC_ACOG)
def pregnancy_warning_signs(f: Facts) -> list[Reason]:
    """Pregnancy warning signs in the red-flag window, coded by the sign.

    * pregnant: vaginal_bleeding, fluid_leak, contractions, reduced_baby_movement are
      emergency (call the maternity unit now); dizziness, calf_swelling are urgent.
    * up to 42 days (6 weeks) after birth, or after a birth of unknown date: every sign is
      urgent (contact the team today).
    * fluid_leak, contractions, reduced_baby_movement reported at any other time: rated as
      in pregnancy (emergency), since only a pregnancy gives them.
    * a birth recorded for a date after `on`: she was pregnant on `on`.
    * otherwise (not pregnant, or later after birth): see_doctor - the sign still deserves
      a check, but it is not one of the back-pain red flags.
    """
    flags = f.flags()
    out = []
    for code in PREGNANCY_WARNINGS:
        if code not in flags:
            continue
        why = PREGNANCY_REASONS[code]
        pregnant = f.pregnant or (code in PREGNANCY_ONLY_SIGNS and not f.soon_after_birth)
        if pregnant and code in PREGNANCY_EMERGENCIES:
            out.append(Reason(code, Level.EMERGENCY, f"{MATERNITY_NOW} {why}", SRC_ACOG))
        elif pregnant or f.soon_after_birth:
            out.append(Reason(code, Level.URGENT, f"{MATERNITY_TODAY} {why}", SRC_ACOG))
        else:
            out.append(Reason(code, Level.SEE_DOCTOR, f"{BOOK_VISIT} {why}", SRC_ACOG))
    return out


@rule("postpartum_pelvic_pain", Level.SEE_DOCTOR, SRC_POSTPARTUM)
def postpartum_pelvic_pain(f: Facts) -> list[Reason]:
    """Pelvic pain not settled 2 weeks after birth -> `postpartum_pelvic_pain`.

    Profile says postpartum, 14 days or more since delivery (or the delivery date is not
    known: we cannot rule the 2 weeks out), and any check-in of the last 7 days shows pain
    or worst pain of 1 or more, or a place the pain spreads to.
    """
    since = f.days_since_birth
    if since is None and not f.birth_undated:
        return []
    if since is not None and since < POSTPARTUM_SETTLE_DAYS:
        return []
    hurting = any(
        (c.pain or 0) >= 1 or (c.worst_pain or 0) >= 1 or set(c.symptoms) & set(PAIN_SPREAD)
        for c in f.last_days(measures.RECENT_WEEK_DAYS)
    )
    if not hurting:
        return []
    return [
        Reason(
            "postpartum_pelvic_pain",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Pelvic pain that has not settled two weeks after giving birth should "
            "be seen by a physio (a specialist in movement and exercise).",
            SRC_POSTPARTUM,
        )
    ]
