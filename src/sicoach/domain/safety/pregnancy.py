"""Pregnancy and after birth: the warning signs to stop and call, and pain that lingers."""

from __future__ import annotations

from dataclasses import dataclass

from sicoach.domain import measures
from sicoach.domain.safety.facts import Facts
from sicoach.domain.safety.levels import Level, Reason
from sicoach.domain.safety.registry import rule
from sicoach.domain.safety.thresholds import (
    BABY_MOVEMENT_WEEKS,
    POSTPARTUM_SETTLE_DAYS,
    PREGNANCY_EARLY_WEEKS,
)
from sicoach.domain.safety.wording import (
    BOOK_VISIT,
    EARLY_PREGNANCY_TODAY,
    EMERGENCY_CALL,
    MATERNITY_NOW,
    MATERNITY_TODAY,
    SRC_ACOG,
    SRC_AFTER_BIRTH,
    SRC_POSTPARTUM,
    SRC_PREGNANCY_NHS,
)
from sicoach.domain.vocabulary import PAIN_SPREAD, PREGNANCY_WARNINGS


@dataclass(frozen=True)
class _Words:
    """Why a sign matters, in words that fit the person: pregnant, soon after a birth, or
    neither (a message never speaks of pregnancy to someone who is not pregnant)."""

    pregnant: str
    after_birth: str
    other: str


_WORDS: dict[str, _Words] = {
    "vaginal_bleeding": _Words(
        "Bleeding from the vagina during pregnancy always needs to be checked.",
        "",
        "Bleeding from the vagina that is not a period should be checked by a doctor. If it "
        "is heavy, call your emergency number.",
    ),
    "heavy_bleeding": _Words(
        "Heavy bleeding from the vagina during pregnancy needs care straight away.",
        "Heavy bleeding after giving birth (soaking a pad in an hour or less, or large clots) "
        "needs care straight away.",
        "Heavy bleeding from the vagina (soaking a pad in an hour or less, or large clots) "
        "needs care straight away.",
    ),
    "bleeding_bad_smell": _Words(
        "A bad smell from the vagina can be a sign of infection, which needs checking today.",
        "Bleeding or discharge that smells bad after giving birth can be a sign of infection, "
        "which needs checking today.",
        "A bad smell from the vagina can be a sign of infection and should be checked.",
    ),
    "fluid_leak": _Words(
        "Fluid leaking from the vagina can mean your waters have broken.",
        "Fluid leaking from the vagina after giving birth should be checked today.",
        "",
    ),
    "contractions": _Words(
        "Regular, painful tightening of your belly can mean labour is starting.",
        "Painful tightening of your belly after giving birth should be checked today.",
        "",
    ),
    "reduced_baby_movement": _Words(
        "When your baby moves less than usual, the maternity team needs to check on the baby "
        "the same day, without waiting for tomorrow.",
        "Tell the team what you noticed so they can check it today.",
        "",
    ),
    "dizziness": _Words(
        "Feeling dizzy or faint needs a check before you exercise again.",
        "Feeling dizzy or faint after giving birth needs a check before you exercise again.",
        "Feeling dizzy or faint should be checked before you do more exercise.",
    ),
    "calf_swelling": _Words(
        "Pain or swelling in a calf can mean a blood clot, which is more likely in pregnancy "
        "and after birth.",
        "Pain or swelling in a calf can mean a blood clot, which is more likely in the weeks "
        "after giving birth.",
        "",
    ),
    "headache_vision": _Words(
        "A headache that will not go away, or changes in your sight, can be a sign of high "
        "blood pressure in pregnancy, which needs checking straight away.",
        "A headache that will not go away, or changes in your sight, in the weeks after giving "
        "birth can be a sign of high blood pressure, which needs checking today.",
        "A headache that will not go away, or changes in your sight, should be checked by a "
        "doctor. If it is sudden and very bad, call your emergency number.",
    ),
    "sudden_swelling": _Words(
        "Sudden swelling of your face, hands or feet can be a sign of high blood pressure in "
        "pregnancy, which needs checking straight away.",
        "Sudden swelling of your face, hands or feet in the weeks after giving birth can be a "
        "sign of high blood pressure, which needs checking today.",
        "Sudden swelling of your face, hands or feet should be checked by a doctor.",
    ),
    "abdominal_pain": _Words(
        "Pain in your belly during pregnancy needs a check today. If it is severe or does "
        "not stop, call your maternity unit now.",
        "Pain in your belly after giving birth needs a check today. If it is severe, call "
        "your emergency number.",
        "Pain in your belly that is new or does not go away should be checked by a doctor.",
    ),
}

# Signs that only a pregnancy can give (waters leaking, labour pains, a baby moving less).
# When someone reports one but the profile records no pregnancy (never filled in, or not
# updated), the sign itself tells us she is pregnant: it is rated as in pregnancy, never
# as a routine visit (under-triage is the worst defect).
PREGNANCY_ONLY_SIGNS: frozenset[str] = frozenset(
    {"fluid_leak", "contractions", "reduced_baby_movement"}
)

# While pregnant, which signs mean "call the maternity unit now". ACOG lists them all as
# "stop and call"; NHS and RCOG advice (docs/clinical-notes.md §7) says waters leaking,
# regular contractions, bleeding from 14 weeks, fewer baby movements from 24 weeks, and a bad
# headache, changes in sight or sudden swelling (signs of high blood pressure) need the
# maternity unit straight away. The rest of the ACOG list is urgent (today).
_NOW_WHILE_PREGNANT: frozenset[str] = frozenset(
    {"fluid_leak", "contractions", "headache_vision", "sudden_swelling"}
)


_ACOG_ONLY: frozenset[str] = frozenset({"dizziness", "calf_swelling", "abdominal_pain"})
"""Signs whose source is the ACOG list alone; the others have NHS and RCOG advice too."""


def _in_pregnancy(f: Facts, code: str) -> tuple[Level, str]:
    """Level and action for a sign while pregnant. Unknown weeks read as the later stage."""
    week = f.pregnancy.week_on(f.on) if f.pregnancy else None
    if code == "heavy_bleeding":
        return Level.EMERGENCY, EMERGENCY_CALL
    if code == "vaginal_bleeding":
        if week is not None and week < PREGNANCY_EARLY_WEEKS:
            return Level.URGENT, EARLY_PREGNANCY_TODAY
        return Level.EMERGENCY, MATERNITY_NOW
    if code == "reduced_baby_movement":
        if week is not None and week < BABY_MOVEMENT_WEEKS:
            return Level.URGENT, MATERNITY_TODAY
        return Level.EMERGENCY, MATERNITY_NOW
    if code in _NOW_WHILE_PREGNANT:
        return Level.EMERGENCY, MATERNITY_NOW
    return Level.URGENT, MATERNITY_TODAY


def _judge(f: Facts, code: str) -> Reason | None:
    words = _WORDS[code]
    source = (
        SRC_ACOG if code in ("dizziness", "calf_swelling", "abdominal_pain") else SRC_PREGNANCY_NHS
    )
    if f.pregnant or (code in PREGNANCY_ONLY_SIGNS and not f.soon_after_birth):
        level, action = _in_pregnancy(f, code)
        return Reason(code, level, f"{action} {words.pregnant}", source)
    if code == "heavy_bleeding":
        why = words.after_birth if f.soon_after_birth else words.other
        return Reason(code, Level.EMERGENCY, f"{EMERGENCY_CALL} {why}", SRC_AFTER_BIRTH)
    if code == "calf_swelling" and not f.soon_after_birth:
        return None  # the calf rule (red_flags) speaks to everyone else, without pregnancy
    if f.soon_after_birth and f.days_since_birth is not None and code == "vaginal_bleeding":
        return None  # bleeding for up to 6 weeks after birth is normal; heavy bleeding is not
    if f.soon_after_birth and code != "vaginal_bleeding":
        source = SRC_AFTER_BIRTH if code == "bleeding_bad_smell" else source
        return Reason(code, Level.URGENT, f"{MATERNITY_TODAY} {words.after_birth}", source)
    return Reason(code, Level.SEE_DOCTOR, f"{BOOK_VISIT} {words.other}", source)


@rule("pregnancy_warning_signs", Level.EMERGENCY, SRC_ACOG)
def pregnancy_warning_signs(f: Facts) -> list[Reason]:
    """Pregnancy and after-birth warning signs in the red-flag window, coded by the sign.

    * pregnant: heavy_bleeding is emergency (call the emergency number); vaginal_bleeding is
      urgent before week 14 (early pregnancy unit today) and emergency from week 14 or when
      the week is not known; reduced_baby_movement is urgent before week 24 and emergency
      from week 24 or when the week is not known; fluid_leak, contractions, headache_vision
      and sudden_swelling are emergency (maternity unit now); dizziness, calf_swelling,
      abdominal_pain and bleeding_bad_smell are urgent (maternity team today).
    * fluid_leak, contractions, reduced_baby_movement reported at any other time than the
      6 weeks after a birth: rated as in pregnancy, since only a pregnancy gives them.
    * a birth recorded for a date after `on`: she was pregnant on `on`.
    * up to 42 days (6 weeks) after birth, or after a birth of unknown date: heavy_bleeding
      is emergency; vaginal_bleeding is no warning sign when the birth date is known
      (normal bleeding lasts up to 6 weeks), see_doctor when it is not; every other sign
      is urgent (contact the team today).
    * otherwise: heavy_bleeding is emergency; calf_swelling is left to `calf_pain_or_swelling`
      (urgent, words without pregnancy); the rest see_doctor - each still deserves a check.
    """
    flags = f.flags()
    found = (_judge(f, code) for code in PREGNANCY_WARNINGS if code in flags)
    return [reason for reason in found if reason is not None]


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
