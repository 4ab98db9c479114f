"""Plan services: today's routine, and the person's choices about it.

Every face (CLI, web) calls these; the rules live in `sicoach.domain.plan`. Input a person can
fix raises `InputError` naming the field and listing what is allowed; nothing is written then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from sicoach.domain.field_checks import JournalError, check_time_of_day
from sicoach.domain.journal import Journal, PlanChoices, Profile, ProgramChange
from sicoach.domain.journal_window import safety_window
from sicoach.domain.plan import Action as Action
from sicoach.domain.plan import (
    DayPlan,
    PhysioAerobic,
    PhysioDose,
    plan_day,
    with_physio_choices,
)
from sicoach.domain.plan import PlannedExercise as PlannedExercise
from sicoach.domain.plan import Status as Status
from sicoach.domain.plan_carry import PlanCarry
from sicoach.domain.safety import evaluate
from sicoach.domain.vocabulary import WEEKDAYS
from sicoach.services.context import Context
from sicoach.services.errors import InputError


def plan_today(ctx: Context, on: date | None = None, journal: Journal | None = None) -> DayPlan:
    """The routine for `on` (default today) from the journal as it stood that day (`journal`
    when the caller already holds the whole of it). The safety check reads only its window
    (the same answer as the whole journal's, see `sicoach.domain.journal_window`); without
    `journal`, the plan reads the stored carry and the weeks after it when it fits
    (`sicoach.services.plan_state`)."""
    day = on if on is not None else ctx.clock.today()
    if journal is None:
        from sicoach.services.plan_state import windowed_plan

        windowed = windowed_plan(ctx, day)
        if windowed is not None:
            return windowed
        with ctx.uow(read_only=True) as uow:
            journal = uow.journal.load()
    journal = journal.sorted().up_to(day)
    return plan_with_physio_choices(ctx, journal, day, safety_window(journal, day))


def plan_with_physio_choices(
    ctx: Context, journal: Journal, day: date, safety_read: Journal, carry: PlanCarry | None = None
) -> DayPlan:
    """The day's plan from `journal` (whole, or the window after `carry`) with the triage of
    `safety_read` and every choice a physio made; the one place both ways meet."""
    assessment = evaluate(safety_read, day)
    return physio_choices(ctx).plan(
        lambda c: plan_day(
            ctx.catalog,
            journal,
            day,
            assessment,
            carry=carry,
            held=c.held,
            doses=c.doses,
            physio_aerobic=c.aerobic,
            pregnancy_forms=c.pregnancy_forms,
        )
    )


@dataclass(frozen=True)
class PhysioChoices:
    """What the latest clinician change of each exercise says: left out (only they bring it
    back), progression held (the dose stays until they allow it) and a dose they set (it
    replaces the app's own steps until they clear it)."""

    left_out: frozenset[str] = frozenset()
    held: frozenset[str] = frozenset()
    doses: Mapping[str, PhysioDose] = field(default_factory=dict)
    aerobic: PhysioAerobic | None = None
    pregnancy_forms: bool = False

    def plan(self, build: Callable[[PhysioChoices], DayPlan]) -> DayPlan:
        """The plan `build` gives with these choices, the leave-outs said as the physio's."""
        return with_physio_choices(build(self), self.left_out)


_PAIRS = {
    "leave_out": "out",
    "include": "out",
    "hold": "dose",
    "allow": "dose",
    "set_dose": "amount",
    "clear_dose": "amount",
    "pregnancy_on": "forms",
    "pregnancy_off": "forms",
    "days": "days",
    "days_free": "days",
}


def change_subject(change: ProgramChange) -> tuple[str, str]:
    """What a change is about: a later change with the same subject replaces it."""
    return change.exercise_id, _PAIRS.get(change.change, change.change)


def program_changes(ctx: Context) -> tuple[ProgramChange, ...]:
    """Every change a clinician made to the program, newest first: read once per request
    (the plan and the page's notes both ask)."""
    from sicoach.services.read_cache import once_per_request

    def read() -> tuple[ProgramChange, ...]:
        with ctx.uow(read_only=True) as uow:
            return uow.journal.program_changes(datetime(1970, 1, 1))

    return once_per_request(("program_changes", ctx.person), read)


def physio_choices(ctx: Context) -> PhysioChoices:
    """The clinician's standing choices, from their change records (one read)."""
    changes = program_changes(ctx)
    latest: dict[tuple[str, str], ProgramChange] = {}
    for c in changes:  # newest first
        latest.setdefault(change_subject(c), c)
    return PhysioChoices(
        frozenset(e for (e, _), c in latest.items() if c.change == "leave_out"),
        frozenset(e for (e, _), c in latest.items() if c.change == "hold"),
        {
            e: PhysioDose(c.reps, c.hold_seconds)
            for (e, _), c in latest.items()
            if c.change == "set_dose" and c.reps is not None
        },
        next(
            (
                PhysioAerobic(c.week_minutes, c.walk_minutes)
                for c in changes
                if c.change == "aerobic" and c.week_minutes is not None
            ),
            None,
        ),
        next((c.change == "pregnancy_on" for c in changes if c.change in _FORMS), False),
    )


_FORMS = ("pregnancy_on", "pregnancy_off")


def left_out_by_physio(ctx: Context) -> frozenset[str]:
    """Exercises a clinician left out that are still out: only they bring these back (the
    patient's own bring-back is refused)."""
    out = physio_choices(ctx).left_out
    return out & frozenset(get_choices(ctx).left_out) if out else out


def physio_days(ctx: Context) -> ProgramChange | None:
    """The clinician's choice of training days that stands (their latest), or None (never
    chosen, or handed back to the patient): while it stands the days are theirs to change,
    and the patient asks in a note."""
    latest = next((c for c in program_changes(ctx) if c.change in ("days", "days_free")), None)
    return latest if latest is not None and latest.change == "days" else None


def hand_back_days(ctx: Context, record: ProgramChange) -> PlanChoices:
    """A clinician hands the choice of training days back to the patient: the days stay
    as they are until the patient changes them, and the record says who and why."""
    if physio_days(ctx) is None:
        raise InputError("days", "the patient already chooses their own training days")
    return update_choices(ctx, lambda c: c, record)


def refuse_own_days(ctx: Context, days: Iterable[int], field: str = "days") -> None:
    """A patient cannot change the training days their physio chose (keeping the same days
    is fine); nothing is written."""
    chosen = physio_days(ctx)
    if chosen is None or tuple(sorted(set(days))) == get_choices(ctx).training_days:
        return
    day = f"{chosen.at.day} {chosen.at.strftime('%b')}"
    raise InputError(
        field,
        f"your physio {chosen.by} chose your training days on {day}; to ask for other days, "
        "write it in your check-in note (they read your notes)",
    )


def _refuse_physio_choice(ctx: Context, exercise_id: str) -> None:
    """A patient cannot undo their physio's leave-out; nothing is written."""
    if exercise_id in left_out_by_physio(ctx):
        name = ctx.catalog.exercise(exercise_id).name
        raise InputError("exercise", f"your physio left out {name}; ask them if you want it back")


def get_choices(ctx: Context) -> PlanChoices:
    """What the person chose: left-out exercises, training days, reminder, re-enabled moves."""
    with ctx.uow(read_only=True) as uow:
        profile = uow.journal.get_profile()
    return profile.plan if profile is not None else PlanChoices()


def checked_exercise_id(ctx: Context, exercise_id: str, field: str = "exercise") -> str:
    ids = ctx.catalog.exercise_ids
    if exercise_id not in ids:
        raise InputError(field, f"{exercise_id!r} is not an exercise; use one of: {', '.join(ids)}")
    return exercise_id


def update_choices(
    ctx: Context,
    change: Callable[[PlanChoices], PlanChoices],
    record: ProgramChange | None = None,
) -> PlanChoices:
    """Apply a change to the stored choices in one transaction (creating the profile), with
    the clinician's record of it when they made it."""
    with ctx.uow() as uow:
        profile = uow.journal.get_profile()
        if profile is None:
            profile = Profile(started_on=ctx.clock.today())
        choices = change(profile.plan)
        uow.journal.save_profile(profile.with_changes(plan=choices))
        if record is not None:
            uow.journal.add_program_change(record)
        uow.commit()
    return choices


REASON_LENGTH = 200


def clinician_record(ctx: Context, exercise_id: str, change: str, reason: str) -> ProgramChange:
    """What a clinician's change records: who (their account's name), when, and why."""
    words = " ".join(str(reason or "").split())
    if not words:
        raise InputError("reason", "say in a few words why (the patient sees it)")
    if len(words) > REASON_LENGTH:
        raise InputError("reason", f"keep it under {REASON_LENGTH} characters")
    by = ctx.principal.label if ctx.principal is not None else "your clinician"
    return ProgramChange(ctx.clock.now(), by, exercise_id, change, words)


def leave_out(ctx: Context, exercise_id: str, record: ProgramChange | None = None) -> PlanChoices:
    """Leave an exercise out of the routine (it shows as skipped, with how to bring it back)."""
    checked_exercise_id(ctx, exercise_id)

    def change(c: PlanChoices) -> PlanChoices:
        if exercise_id in c.left_out:
            return c
        return replace(c, left_out=(*c.left_out, exercise_id))

    return update_choices(ctx, change, record)


def include(ctx: Context, exercise_id: str, record: ProgramChange | None = None) -> PlanChoices:
    """Bring a left-out exercise back into the routine (a physio's leave-out: only by a
    clinician, whose `record` says so)."""
    checked_exercise_id(ctx, exercise_id)
    if record is None:
        _refuse_physio_choice(ctx, exercise_id)
    return update_choices(
        ctx,
        lambda c: replace(c, left_out=tuple(e for e in c.left_out if e != exercise_id)),
        record,
    )


_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def hold(ctx: Context, exercise_id: str, record: ProgramChange) -> PlanChoices:
    """A clinician holds an exercise's progression: its dose stays until they allow it."""
    checked_exercise_id(ctx, exercise_id)
    return update_choices(ctx, lambda c: c, record)


def allow(ctx: Context, exercise_id: str, record: ProgramChange) -> PlanChoices:
    """A clinician lets a held exercise move up again by the app's own rules."""
    checked_exercise_id(ctx, exercise_id)
    return update_choices(ctx, lambda c: c, record)


def parse_days(values: Iterable[str], field: str = "days") -> tuple[int, ...]:
    """Weekday words ("mon", "Tuesday", ...) to numbers 0-6, in week order, no repeats."""
    found: set[int] = set()
    for raw in values:
        word = raw.strip().lower()
        if not word:
            continue
        if word in WEEKDAYS:
            found.add(WEEKDAYS.index(word))
        elif word in _FULL_DAYS:
            found.add(_FULL_DAYS.index(word))
        else:
            raise InputError(
                field, f"{raw.strip()!r} is not a day of the week; use {','.join(WEEKDAYS)}"
            )
    if not found:
        raise InputError(field, f"choose at least one day from {','.join(WEEKDAYS)}")
    return tuple(sorted(found))


def day_numbers(days: Iterable[str | int]) -> tuple[int, ...]:
    """Days as words ("mon", "Tuesday") or numbers (0 Monday .. 6 Sunday) to checked numbers."""
    words: list[str] = []
    for v in days:
        if isinstance(v, int):
            if not 0 <= v <= 6:
                raise InputError("days", f"{v} is not a weekday number; use 0 (Monday) to 6")
            words.append(WEEKDAYS[v])
        else:
            words.append(v)
    return parse_days(words)


def set_training_days(
    ctx: Context, days: Iterable[str | int], record: ProgramChange | None = None
) -> PlanChoices:
    """Choose the training days ("mon" ... or 0 Monday .. 6 Sunday); other days are rest days
    (walks still count)."""
    numbers = day_numbers(days)
    return update_choices(ctx, lambda c: replace(c, training_days=numbers), record)


def kept_off(ctx: Context, on: date | None = None) -> tuple[str, ...]:
    """Exercises kept off because they hurt again after being offered at the easiest level."""
    return tuple(e.id for e in plan_today(ctx, on).exercises if e.rule == "hurt_twice")


def enable(ctx: Context, exercise_id: str) -> PlanChoices:
    """Turn an exercise back on: after it hurt twice it restarts at the easiest level.

    The day is recorded only when the exercise is kept off today, so turning on a move that
    is already on does not reset its progress; a left-out move is brought back as well.
    """
    checked_exercise_id(ctx, exercise_id)
    _refuse_physio_choice(ctx, exercise_id)
    today = ctx.clock.today()
    off = exercise_id in kept_off(ctx, today)

    def change(c: PlanChoices) -> PlanChoices:
        enabled = c.enabled_on
        if off and (exercise_id, today) not in enabled:
            enabled = (*enabled, (exercise_id, today))
        return replace(
            c, enabled_on=enabled, left_out=tuple(e for e in c.left_out if e != exercise_id)
        )

    return update_choices(ctx, change)


def parse_reminder(value: str, field: str = "time") -> time | None:
    """ "HH:MM" (24-hour) to a time; "off" or "none" clears the reminder."""
    text = value.strip().lower()
    if text in ("off", "none", ""):
        return None
    # A one-digit hour ("7:05") is fine to type; the journal's own check wants "07:05".
    try:
        return check_time_of_day(f"0{text}" if text[1:2] == ":" else text, field)
    except JournalError:
        raise InputError(
            field, f"{value!r} is not a time; use HH:MM on a 24-hour clock, e.g. 07:30, or off"
        ) from None


def set_reminder_time(ctx: Context, value: time | str | None) -> PlanChoices:
    """Set (or clear with None/"off") the daily reminder time."""
    reminder = parse_reminder(value) if isinstance(value, str) else value
    return update_choices(ctx, lambda c: replace(c, reminder_time=reminder))
