"""Journal actions: check-ins, activities and the profile (import and export are in
`journal_transfer`).

Each function takes the `Context` and is one thing a person does; faces (CLI, web) call
these and nothing below. Input a person can fix raises `InputError` naming the field; such
errors are raised before anything is written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields
from datetime import date, timedelta
from typing import Any

from sicoach.domain.field_checks import (
    JournalError,
    check_activity_kind,
    check_birth_year,
    check_bool,
    check_due_date,
    check_exercise_id,
    check_history,
    check_minutes,
    check_not_future,
    check_note,
    check_optional_rating,
    check_sex,
    check_symptom,
)
from sicoach.domain.journal import (
    Activity,
    CheckIn,
    Journal,
    PlanChoices,
    Pregnancy,
    Profile,
)
from sicoach.domain.note_findings import carried_from_note, with_note_findings
from sicoach.domain.vocabulary import (
    EMERGENCY_FLAGS,
    EXERCISE_IDS,
    PREGNANCY_WARNINGS,
    URGENT_FLAGS,
)
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.unit_of_work import UnitOfWork

Progress = Callable[[int, int], None]


def _checked(error: JournalError) -> InputError:
    return InputError.from_journal_error(error)


def load_journal(ctx: Context, on: date | None = None) -> Journal:
    """The person's whole journal (as it stood at the end of `on`, when given)."""
    with ctx.uow(read_only=True) as uow:
        journal = uow.journal.load()
    return journal if on is None else journal.up_to(on)


def journal_version(ctx: Context) -> tuple[int, int] | None:
    """The journal's version as committed now (see `JournalRepository.version`)."""
    with ctx.uow(read_only=True) as uow:
        return uow.journal.version()


def checked_day(ctx: Context, day: date | None, field: str = "date") -> date:
    """`day`, or today when it is None; a day later than today is an `InputError` on `field`."""
    today = ctx.clock.today()
    if day is None:
        return today
    try:
        return check_not_future(day, field, today)
    except JournalError as err:
        raise _checked(err) from None


def _unique(
    codes: Iterable[object], field: str, check: Callable[[object, str], str]
) -> tuple[str, ...]:
    result: list[str] = []
    for code in codes:
        value = check(code, field)
        if value not in result:
            result.append(value)
    return tuple(result)


def log_checkin(
    ctx: Context,
    pain: int | None = None,
    worst_pain: int | None = None,
    mobility: int | None = None,
    symptoms: Iterable[str] = (),
    note: str | None = "",
    day: date | None = None,
) -> tuple[CheckIn, bool]:
    """Save the day's check-in; returns it and whether it replaced one on the same date."""
    checkin = new_checkin(ctx, pain, worst_pain, mobility, symptoms, note, day)
    found = read_note_signs(checkin.note)  # before the transaction: it can take a moment
    with ctx.uow() as uow:
        stored = store_checkin(uow, checkin, found)
        uow.commit()
    return stored


def new_checkin(
    ctx: Context,
    pain: int | None = None,
    worst_pain: int | None = None,
    mobility: int | None = None,
    symptoms: Iterable[str] = (),
    note: str | None = "",
    day: date | None = None,
) -> CheckIn:
    """A check-in's values checked (an `InputError` naming the field), not yet stored."""
    on = checked_day(ctx, day)
    if isinstance(symptoms, str):
        raise InputError("symptoms", "must be a list of symptom codes, not one piece of text")
    try:
        return CheckIn(
            date=on,
            pain=check_optional_rating(pain, "pain"),
            worst_pain=check_optional_rating(worst_pain, "worst_pain"),
            mobility=check_optional_rating(mobility, "mobility"),
            symptoms=_unique(symptoms, "symptoms", check_symptom),
            note=check_note("" if note is None else note, "note"),
        )
    except JournalError as err:
        raise _checked(err) from None


def store_checkin(
    uow: UnitOfWork, checkin: CheckIn, found: tuple[str, ...]
) -> tuple[CheckIn, bool]:
    """Write a checked check-in in an open unit of work (the caller commits): the signs
    `found` in its note added, the day's earlier warning signs kept. Returns what was
    stored and whether it replaced the day's earlier check-in."""
    earlier = uow.journal.get_checkin(checkin.date)
    checkin = with_note_findings(checkin, found, earlier)
    kept = kept_warning_signs(earlier, checkin)
    if kept:
        checkin = dataclasses.replace(
            checkin,
            symptoms=checkin.symptoms + kept,
            note_symptoms=checkin.note_symptoms + carried_from_note(earlier, kept),
        )
    return checkin, uow.journal.upsert_checkin(checkin)


def read_note_signs(note: str) -> tuple[str, ...]:
    """The warning signs a note mentions as present (the reader loads on first use)."""
    if not note.strip():
        return ()
    from sicoach.notes import read_note

    return read_note(note)


def with_notes_read(journal: Journal) -> Journal:
    """An imported journal with every check-in's note read again, as at check-in time.

    Findings the file lists are kept too (a reader of another version may have found more),
    and so are the file's "not so" answers for its own notes.
    """
    if not any(c.note.strip() for c in journal.checkins):
        return journal
    checkins = tuple(
        with_note_findings(c, (*read_note_signs(c.note), *c.note_symptoms), earlier=c)
        for c in journal.checkins
    )
    return dataclasses.replace(journal, checkins=checkins)


WARNING_SIGNS = frozenset(EMERGENCY_FLAGS + URGENT_FLAGS + PREGNANCY_WARNINGS)


def kept_warning_signs(earlier: CheckIn | None, new: CheckIn) -> tuple[str, ...]:
    """Warning signs (red flags) of an earlier check-in that day that `new` leaves out.

    A later check-in replaces the day's ratings, note and ordinary symptoms, but never
    drops a warning sign reported earlier that day (say, in the red-flag screen): missing a
    red flag is the worst mistake this program can make, and the safety check counts
    each flag for 7 days anyway.
    """
    if earlier is None:
        return ()
    return tuple(s for s in earlier.symptoms if s in WARNING_SIGNS and s not in new.symptoms)


CLIENT_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")


def log_activity(
    ctx: Context, kind: str, minutes: int, day: date | None = None, client_id: str | None = None
) -> Activity:
    """Record an aerobic activity (walking, swimming, ...) of some minutes. With the
    `client_id` an offline app made, a resend is accepted once (and not stored again)."""
    if client_id is not None and not CLIENT_ID.fullmatch(client_id):
        raise InputError("client_id", "use 8 to 64 letters, digits, '-' or '_'")
    on = checked_day(ctx, day)
    try:
        activity = Activity(
            date=on,
            kind=check_activity_kind(kind, "kind"),
            minutes=check_minutes(minutes, "minutes"),
        )
    except JournalError as err:
        raise _checked(err) from None
    with ctx.uow() as uow:
        if client_id is not None and uow.journal.has_activity_from(client_id):
            return activity  # sent before (its answer was lost): already stored
        uow.journal.add_activity(activity, client_id=client_id)
        uow.commit()
    return activity


def get_profile(ctx: Context) -> Profile:
    """The person's profile; a first call creates one that starts today."""
    with ctx.uow(read_only=True) as uow:  # the usual case reads without the write lock
        found = uow.journal.get_profile()
    if found is not None:
        return found
    with ctx.uow() as uow:
        profile = uow.journal.get_profile()
        if profile is None:
            profile = Profile(started_on=ctx.clock.today())
            uow.journal.save_profile(profile)
            uow.commit()
    return profile


PROFILE_FIELDS = frozenset(f.name for f in fields(Profile))
MAX_WEEKS_PAST_DUE = 3
"""Our default: a pregnancy rarely runs past 42 weeks, so a due date more than 3 weeks gone
almost certainly means the baby has been born (imports of old records are not held to it)."""


def _check_profile_field(ctx: Context, name: str, value: Any) -> Any:
    today = ctx.clock.today()
    if name == "started_on":
        if not isinstance(value, date):
            raise JournalError(name, "must be a date")
        return check_not_future(value, name, today)
    if name == "birth_year":
        return check_birth_year(value, name, today)
    if name == "sex":
        return check_sex(value, name)
    if name in ("sedentary_job", "overweight", "frequent_lifting"):
        return check_bool(value, name)
    if name == "history":
        if isinstance(value, str):
            raise JournalError(name, "must be a list of history codes")
        return _unique(value, name, check_history)
    if name == "pregnancy":
        if value is None:
            return None
        if not isinstance(value, Pregnancy):
            raise JournalError(name, "must be a pregnancy record or nothing")
        if value.status == "pregnant" and value.due_date is not None:
            check_due_date(value.due_date.isoformat(), "pregnancy.due_date", today)
            if value.due_date < today - timedelta(weeks=MAX_WEEKS_PAST_DUE):
                raise JournalError(
                    "pregnancy.due_date",
                    f"{value.due_date.isoformat()} is more than {MAX_WEEKS_PAST_DUE} weeks ago; "
                    "if your baby has been born, give the birth date instead",
                )
            return Pregnancy("pregnant", due_date=value.due_date)
        if value.status == "postpartum" and value.delivery_date is not None:
            check_not_future(value.delivery_date, "pregnancy.delivery_date", today)
            return Pregnancy("postpartum", delivery_date=value.delivery_date)
        raise JournalError(
            "pregnancy", "give a due date when pregnant, or a delivery date after the birth"
        )
    if name == "plan":
        if not isinstance(value, PlanChoices):
            raise JournalError(name, "must be plan choices")
        for eid in value.left_out:
            check_exercise_id(eid, "plan.left_out", EXERCISE_IDS)
        for d in value.training_days:
            if not 0 <= d <= 6:
                raise JournalError("plan.training_days", f"{d} is not a weekday number (0-6)")
        for eid, on in value.enabled_on:
            check_exercise_id(eid, "plan.enabled", EXERCISE_IDS)
            check_not_future(on, "plan.enabled", today)
        return value
    raise JournalError(name, "is not a profile field")


def update_profile(ctx: Context, **changes: Any) -> Profile:
    """Change some profile fields (names as on `Profile`); the rest stay as they were."""
    checked = checked_profile_changes(ctx, changes)
    with ctx.uow() as uow:
        profile = store_profile_changes(ctx, uow, checked)
        uow.commit()
    return profile


def checked_profile_changes(ctx: Context, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Profile fields checked, the one place they are (an `InputError` naming the field)."""
    try:
        return {name: _check_profile_field(ctx, name, v) for name, v in changes.items()}
    except JournalError as err:
        raise _checked(err) from None


def store_profile_changes(ctx: Context, uow: UnitOfWork, checked: Mapping[str, Any]) -> Profile:
    """Write checked profile fields in an open unit of work (the caller commits)."""
    current = uow.journal.get_profile() or Profile(started_on=ctx.clock.today())
    profile = current.with_changes(**checked)
    uow.journal.save_profile(profile)
    return profile
