"""Safety services: today's triage, the red-flag screen, and saving the screen's answers.

Every face (CLI, web, session start) calls these; the rules live in `sicoach.domain.safety`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sicoach.domain.journal import CheckIn, Journal
from sicoach.domain.safety import Assessment, evaluate, soon_after_birth
from sicoach.domain.vocabulary import EMERGENCY_FLAGS, PREGNANCY_WARNINGS, URGENT_FLAGS
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.journal import load_journal


@dataclass(frozen=True)
class ScreenQuestion:
    """One yes/no question of the red-flag screen; a "yes" records `code` as a symptom."""

    code: str
    question: str
    group: str  # "emergency", "urgent" or "pregnancy"


_QUESTIONS: dict[str, str] = {
    "saddle_numbness": (
        "Is there new numbness or tingling around your genitals, your bottom or the inside "
        "of your thighs?"
    ),
    "bladder_bowel_change": (
        "Do you have new trouble starting to pee, or holding in your pee or poo?"
    ),
    "both_legs_symptoms": "Do you have tingling, numbness or weakness in both legs?",
    "recent_trauma": "Did this pain start after a bad fall or an accident?",
    "chest_pain": "Do you have any pain in your chest?",
    "fever": "Do you have a high temperature, or feel hot and shivery?",
    "unexplained_weight_loss": "Have you lost weight lately without trying to?",
    "night_pain": "Is your pain there even when you rest, or worse at night?",
    "back_lump": "Have you noticed a lump, a swelling or a change in the shape of your back?",
    "pain_on_cough": ("Does your back pain get worse when you cough, sneeze or go to the toilet?"),
    "pain_between_shoulders": "Do you have pain between your shoulder blades?",
    "vaginal_bleeding": "Are you bleeding from your vagina?",
    "fluid_leak": "Is fluid leaking from your vagina?",
    "contractions": "Do you have regular, painful tightening of your belly (contractions)?",
    "reduced_baby_movement": "Is your baby moving less than usual?",
    "dizziness": "Do you feel dizzy or faint?",
    "calf_swelling": "Is one of your calves painful or swollen?",
}

# People with thin bones (osteoporosis), on long-term steroids, or older can break a bone in
# a small fall (docs/clinical-notes.md §1, Northern Trust), so for them the question covers any
# fall. The notes say only "older people"; 65 and over is our default (the usual age at
# which falls services start), chosen on the cautious side.
_FRAGILE_TRAUMA = "Did this pain start after a fall or a knock, even a small one?"
OLDER_AGE = 65


def _today(ctx: Context, on: date | None) -> date:
    return on if on is not None else ctx.clock.today()


def assess(ctx: Context, on: date | None = None) -> Assessment:
    """The triage of the person's journal as it stood at the end of `on` (default today)."""
    return evaluate(load_journal(ctx), _today(ctx, on))


AFTER_BIRTH_SIGNS: tuple[str, ...] = ("vaginal_bleeding", "dizziness", "calf_swelling")
"""The warning signs that still apply in the 6 weeks after birth (heavy bleeding, fainting,
a clot in the calf); contractions, leaking waters and baby movements no longer do."""


def _questions_for(journal: Journal, on: date) -> list[ScreenQuestion]:
    profile = journal.profile
    fragile = profile is not None and (
        bool({"osteoporosis", "steroid_use"} & set(profile.history))
        or (profile.age_on(on) or 0) >= OLDER_AGE
    )
    out = [
        ScreenQuestion(
            code,
            _FRAGILE_TRAUMA if code == "recent_trauma" and fragile else _QUESTIONS[code],
            "emergency",
        )
        for code in EMERGENCY_FLAGS
    ]
    out += [ScreenQuestion(code, _QUESTIONS[code], "urgent") for code in URGENT_FLAGS]
    pregnancy = profile.pregnancy if profile else None
    if pregnancy is not None and pregnancy.status == "pregnant":
        out += [ScreenQuestion(code, _QUESTIONS[code], "pregnancy") for code in PREGNANCY_WARNINGS]
    elif soon_after_birth(pregnancy, on):
        out += [ScreenQuestion(code, _QUESTIONS[code], "pregnancy") for code in AFTER_BIRTH_SIGNS]
    return out


def screen_questions(ctx: Context, on: date | None = None) -> list[ScreenQuestion]:
    """The red-flag questions for this person: emergency and urgent flags, the pregnancy
    warning signs when the profile says pregnant, and those that still apply after birth
    for 6 weeks after it."""
    return _questions_for(load_journal(ctx), _today(ctx, on))


def record_screen(ctx: Context, answers: dict[str, bool], on: date | None = None) -> Assessment:
    """Save the "yes" answers as symptoms in that day's check-in and return the new triage.

    The day's pain, mobility and note are kept, and symptoms already recorded stay (a "no"
    never removes a flag someone reported earlier that day). The check-in is written even
    when every answer is "no", as a record that the screen was done.
    """
    day = _today(ctx, on)
    if day > ctx.clock.today():
        raise InputError("date", f"{day.isoformat()} is in the future")
    with ctx.uow() as uow:
        journal = uow.journal.load()
        known = {q.code for q in _questions_for(journal, day)}
        for code, value in answers.items():
            if code not in known:
                raise InputError(f"answers.{code}", "not a question of the screen")
            if not isinstance(value, bool):
                raise InputError(f"answers.{code}", "must be yes or no (true or false)")
        existing = journal.checkin_on(day)
        symptoms = set(existing.symptoms) if existing else set()
        symptoms |= {code for code, yes in answers.items() if yes}
        checkin = CheckIn(
            date=day,
            pain=existing.pain if existing else None,
            worst_pain=existing.worst_pain if existing else None,
            mobility=existing.mobility if existing else None,
            symptoms=tuple(sorted(symptoms)),
            note=existing.note if existing else "",
        )
        uow.journal.upsert_checkin(checkin)
        uow.commit()
    return assess(ctx, day)
