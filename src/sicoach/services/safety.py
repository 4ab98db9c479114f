"""Safety services: today's triage, the red-flag screen, and saving the screen's answers.

Every face (CLI, web, session start) calls these; the rules live in `sicoach.domain.safety`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sicoach.domain.journal import CheckIn, Journal, Profile
from sicoach.domain.safety import ALSO_TELL as ALSO_TELL
from sicoach.domain.safety import BOOK_VISIT as BOOK_VISIT
from sicoach.domain.safety import DOCTOR_TODAY as DOCTOR_TODAY
from sicoach.domain.safety import EMERGENCY_CALL as EMERGENCY_CALL
from sicoach.domain.safety import MATERNITY_NOW as MATERNITY_NOW
from sicoach.domain.safety import MATERNITY_TODAY as MATERNITY_TODAY
from sicoach.domain.safety import Assessment, build_facts, evaluate, soon_after_birth
from sicoach.domain.safety import Level as Level
from sicoach.domain.vocabulary import PREGNANCY_WARNINGS, URGENT_FLAGS
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ScreenQuestion:
    """One yes/no question of the red-flag screen; a "yes" records `code` as a symptom."""

    code: str
    question: str
    group: str  # "emergency", "urgent", "routine" or "pregnancy"


_QUESTIONS: dict[str, str] = {
    "saddle_numbness": (
        "Is there new numbness or tingling around your genitals, bottom or inner thighs, or "
        "when you wipe?"
    ),
    "bladder_bowel_change": (
        "Any new trouble with pee or poo: hard to start or hold in, less feeling, or not "
        "noticing you need to go?"
    ),
    "both_legs_symptoms": "Do you have pain, tingling, numbness or weakness in both legs?",
    "sexual_changes": (
        "Any new numbness in your genitals, or new problems with sex (such as getting an erection)?"
    ),
    "recent_trauma": "Did this pain start after a bad fall or an accident?",
    "chest_pain": "Do you have any pain in your chest?",
    "fever": "Do you have a high temperature, or feel hot and shivery?",
    "unexplained_weight_loss": "Have you lost weight lately without trying to?",
    "night_pain": "Do you have pain that does not ease when you rest, or is worse at night?",
    "back_lump": "Have you noticed a lump, a swelling or a change in the shape of your back?",
    "pain_on_cough": "Does your back pain get worse when you cough, sneeze or go to the toilet?",
    "pain_between_shoulders": "Do you have pain between your shoulder blades?",
    "difficulty_walking": "Has it become hard to walk, or to keep your balance?",
    "breathlessness": "Do you get short of breath when resting or with very little effort?",
    "calf_swelling": "Is one of your calves painful, swollen, warm or red?",
    "fall_or_knock": "Since your last check-in, have you fallen or had a knock?",
    "vaginal_bleeding": "Are you bleeding from your vagina?",
    "heavy_bleeding": (
        "Are you bleeding heavily from your vagina: soaking a pad in an hour or less, or "
        "passing large clots?"
    ),
    "bleeding_bad_smell": "Does the bleeding or discharge from your vagina smell bad?",
    "fluid_leak": "Is fluid leaking from your vagina?",
    "contractions": "Do you have regular, painful tightening of your belly (contractions)?",
    "reduced_baby_movement": "Is your baby moving less than usual?",
    "dizziness": "Do you feel dizzy or faint?",
    "headache_vision": (
        "Do you have a headache that will not go away, or changes in your sight, such as "
        "blurring or flashing lights?"
    ),
    "sudden_swelling": "Have your face, hands or feet swollen up suddenly?",
    "abdominal_pain": "Do you have pain in your belly that is new or will not go away?",
}

# The screen asks a chosen list, not every code: the saddle question already covers
# feeling less when wiping, and the routine-tier signs belong to the check-in.
SCREEN_EMERGENCY: tuple[str, ...] = (
    "saddle_numbness",
    "bladder_bowel_change",
    "both_legs_symptoms",
    "sexual_changes",
    "recent_trauma",
    "chest_pain",
)
SCREEN_URGENT: tuple[str, ...] = (
    *URGENT_FLAGS,
    "calf_swelling",
)
"""Calf pain or swelling is asked of everyone: it needs a doctor today, pregnant or not."""
SCREEN_PREGNANT: tuple[str, ...] = tuple(
    c for c in PREGNANCY_WARNINGS if c not in ("calf_swelling", "bleeding_bad_smell")
)
AFTER_BIRTH_SIGNS: tuple[str, ...] = (
    "heavy_bleeding",
    "bleeding_bad_smell",
    "dizziness",
    "headache_vision",
    "sudden_swelling",
    "abdominal_pain",
)
"""The warning signs that still apply in the 6 weeks after birth. Some bleeding is normal
then, so the screen asks about heavy bleeding and a bad smell instead."""

# People with thin bones (osteoporosis), on long-term steroids, or older can break a bone in
# a small fall (docs/clinical-notes.md §1, Northern Trust), so for them the question covers
# any fall, and a fall since the last check-in stops the screen like an emergency sign.
_FRAGILE_TRAUMA = "Did this pain start after a fall or a knock, even a small one?"


def _today(ctx: Context, on: date | None) -> date:
    return on if on is not None else ctx.clock.today()


def assess(ctx: Context, on: date | None = None) -> Assessment:
    """The triage of the person's journal as it stood at the end of `on` (default today),
    read from the bounded window it depends on (its cost does not grow with the years)."""
    day = _today(ctx, on)
    with ctx.uow(read_only=True) as uow:
        window = uow.journal.load_safety_window(day)
    return evaluate(window, day)


def _questions_for(journal: Journal, on: date) -> list[ScreenQuestion]:
    profile = journal.profile
    fragile = build_facts(journal, on).fragile
    out = [
        ScreenQuestion(
            code,
            _FRAGILE_TRAUMA if code == "recent_trauma" and fragile else _QUESTIONS[code],
            "emergency",
        )
        for code in SCREEN_EMERGENCY
    ]
    out += [ScreenQuestion(code, _QUESTIONS[code], "urgent") for code in SCREEN_URGENT]
    fall_group = "emergency" if fragile else "routine"
    out.append(ScreenQuestion("fall_or_knock", _QUESTIONS["fall_or_knock"], fall_group))
    pregnancy = profile.pregnancy if profile else None
    if pregnancy is not None and pregnancy.status == "pregnant":
        out += [ScreenQuestion(code, _QUESTIONS[code], "pregnancy") for code in SCREEN_PREGNANT]
    elif soon_after_birth(pregnancy, on):
        out += [ScreenQuestion(code, _QUESTIONS[code], "pregnancy") for code in AFTER_BIRTH_SIGNS]
    return out


_FRAGILE_TRAUMA_SHORT = "A fall or a knock, even a small one"


def short_labels(ctx: Context, questions: list[ScreenQuestion]) -> dict[str, str]:
    """A few words per question for the once-a-day list ("Since yesterday, have you
    noticed any of these?"); the full question is asked when the person says yes."""
    out = {}
    for q in questions:
        code = ctx.catalog.symptom(q.code)
        out[q.code] = code.label if code else q.question
        if q.question == _FRAGILE_TRAUMA:
            out[q.code] = _FRAGILE_TRAUMA_SHORT
    return out


def screen_questions(ctx: Context, on: date | None = None) -> list[ScreenQuestion]:
    """The red-flag questions for this person: the emergency and urgent signs, calf pain and
    a fall since the last check-in for everyone, the pregnancy warning signs when the
    profile says pregnant, and those that still apply after birth for 6 weeks after it."""
    with ctx.uow(read_only=True) as uow:  # the questions depend on the profile alone
        profile = uow.journal.get_profile()
    return _questions_for(Journal(profile), _today(ctx, on))


def record_screen(ctx: Context, answers: dict[str, bool], on: date | None = None) -> Assessment:
    """Save the screen's answers (see `save_screen`) and return the new triage, in one unit
    of work."""
    day = _screen_day(ctx, on)
    with ctx.uow() as uow:
        save_screen(uow, answers, day)
        assessment = assess_in(uow, day)
        uow.commit()
    return assessment


def preview_screen(ctx: Context, answers: dict[str, bool], on: date | None = None) -> Assessment:
    """The triage the answers would give, with nothing saved: a face that asks more before
    acting on them (the terminal asks the pain next) saves them with that action, in one
    unit of work (`StartSession.screen_answers`)."""
    day = _screen_day(ctx, on)
    with ctx.uow() as uow:
        save_screen(uow, answers, day)
        return assess_in(uow, day)  # leaving without a commit rolls the answers back


def _screen_day(ctx: Context, on: date | None) -> date:
    day = _today(ctx, on)
    if day > ctx.clock.today():
        raise InputError("date", f"{day.isoformat()} is in the future")
    return day


def save_screen(uow: UnitOfWork, answers: Mapping[str, bool], day: date) -> None:
    """Write the "yes" answers as symptoms in that day's check-in, in an open unit of work
    (the caller commits); an answer to no question of the screen is an `InputError`.

    The day's pain, mobility and note are kept, and symptoms already recorded stay (a "no"
    never removes a flag someone reported earlier that day). The check-in is written even
    when every answer is "no", as a record that the screen was done.
    """
    known = {q.code for q in _questions_for(Journal(uow.journal.get_profile()), day)}
    for code, value in answers.items():
        if code not in known:
            raise InputError(f"answers.{code}", "not a question of the screen")
        if not isinstance(value, bool):
            raise InputError(f"answers.{code}", "must be yes or no (true or false)")
    existing = uow.journal.get_checkin(day)
    symptoms = set(existing.symptoms) if existing else set()
    symptoms |= {code for code, yes in answers.items() if yes}
    yes = {code for code, value in answers.items() if value}
    if existing is None:
        checkin = CheckIn(date=day, symptoms=tuple(sorted(symptoms)))
    else:
        # A "yes" to a sign also read from the note makes it a ticked one.
        checkin = dataclasses.replace(
            existing,
            symptoms=tuple(sorted(symptoms)),
            note_symptoms=tuple(c for c in existing.note_symptoms if c not in yes),
            note_dismissed=tuple(c for c in existing.note_dismissed if c not in yes),
        )
    uow.journal.upsert_checkin(checkin)
    uow.screenings.add_answered(day, frozenset(answers))


def assess_in(uow: UnitOfWork, day: date) -> Assessment:
    """The triage of `day` as an open unit of work sees the journal (its own writes too)."""
    return evaluate(uow.journal.load_safety_window(day), day)


def due_in(
    uow: UnitOfWork, day: date, profile: Profile | None = None
) -> tuple[ScreenQuestion, ...]:
    """The screen's questions not yet answered on `day`, as an open unit of work sees them
    (`profile`: the one the caller read at the journal's current version, else read here)."""
    if profile is None:
        profile = uow.journal.get_profile()  # the questions depend on the profile alone
    answered = uow.screenings.answered_on(day)
    return tuple(q for q in _questions_for(Journal(profile), day) if q.code not in answered)


def screen_due(
    ctx: Context, on: date | None = None, profile: Profile | None = None
) -> list[ScreenQuestion]:
    """The screen's questions not yet answered that day (empty: the screen is done for
    the day, and a second session that day starts without asking again).

    A question the person's profile adds later that day (pregnancy, a fragile bone
    history) is still due: only the very questions answered count, never a weaker set.
    """
    day = _today(ctx, on)
    with ctx.uow(read_only=True) as uow:
        return list(due_in(uow, day, profile))
