"""One handler per command, and `execute`: the one door every face goes through.

`execute(ctx, command)` checks that the person acting may do it to the record asked for
(`authorise`), then runs the command's handler: one unit of work, the only place its values
are checked. Personal mode lets a person do everything to their own record; a clinic mode
adds its rules to `authorise` without changing a face or a handler.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sicoach.domain.journal import Activity, CheckIn, FunctionRating, PlanChoices, Profile
from sicoach.domain.safety import Assessment
from sicoach.services import (
    journal,
    journal_transfer,
    messages,
    notes,
    physio_dose,
    plan,
    reports,
    reviews,
    safety,
    session,
)
from sicoach.services.commands import (
    AnswerScreen,
    ChangeExercise,
    ChangeProfile,
    DismissNoteSign,
    FinishSession,
    FirstUse,
    HandBackTrainingDays,
    ImportJournal,
    LogActivity,
    LogCheckIn,
    PlanChange,
    RateActivity,
    ReadMessage,
    RecordExercise,
    RecordReviewFor,
    SendMessage,
    SetAerobicGoal,
    SetDose,
    SetPregnancyForms,
    SetReminder,
    SetTrainingDays,
    StartSession,
)
from sicoach.services.context import Context, run_granted
from sicoach.services.errors import Forbidden, InputError
from sicoach.services.policy import Access, Need, require

C = TypeVar("C")

PROGRAM_COMMANDS: frozenset[type] = frozenset(
    {
        ChangeExercise,
        SetTrainingDays,
        HandBackTrainingDays,
        SetDose,
        SetAerobicGoal,
        SetPregnancyForms,
    }
)
"""Commands that change the program, which a linked clinician may make too."""

CARE_COMMANDS: dict[type, str] = {SendMessage: "message.send", RecordReviewFor: "review.record"}
"""A linked clinician's own word on the patient's record (never the patient's), with the
audit log's name for it."""


def authorise(ctx: Context, command: object) -> bool:
    """Whether the command may run (see `sicoach.services.policy`); `Forbidden` if not.
    True when it runs on someone else's journal by the policy's leave (a program change)."""
    access = ctx.journal_access
    if type(command) in CARE_COMMANDS:
        require(ctx.principal.role if ctx.principal else None, access, Need.CARE)
        return True
    if access >= Access.OWNER:
        return False
    if access >= Access.PROGRAM and type(command) in PROGRAM_COMMANDS:
        return True
    raise Forbidden("only its owner may change this journal")


def check_in(ctx: Context, command: LogCheckIn) -> tuple[CheckIn, bool]:
    """The day's check-in; also whether it replaced one of the same day."""
    return journal.log_checkin(
        ctx,
        pain=command.pain,
        worst_pain=command.worst_pain,
        mobility=command.mobility,
        symptoms=command.symptoms,
        note=command.note,
        day=command.day,
    )


def log_activity(ctx: Context, command: LogActivity) -> Activity:
    return journal.log_activity(
        ctx, command.kind, command.minutes, day=command.day, client_id=command.client_id
    )


def change_profile(ctx: Context, command: ChangeProfile) -> Profile:
    """The person's profile; training days their physio chose stay the physio's."""
    new_plan = command.changes.get("plan")
    if ctx.journal_access >= Access.OWNER and isinstance(new_plan, PlanChoices):
        plan.refuse_own_days(ctx, new_plan.training_days, "training_days")
    return journal.update_profile(ctx, **dict(command.changes))


def import_journal(ctx: Context, command: ImportJournal) -> journal_transfer.ImportSummary:
    return journal_transfer.import_journal(
        ctx, command.source, replace=command.replace, progress=command.progress
    )


_EXERCISE_CHANGES: dict[PlanChange, Callable[[Context, str], PlanChoices]] = {
    PlanChange.LEAVE_OUT: plan.leave_out,
    PlanChange.INCLUDE: plan.include,
    PlanChange.TURN_BACK_ON: plan.enable,
}


def change_exercise(ctx: Context, command: ChangeExercise) -> PlanChoices:
    """Leave out, bring back, or turn back on one exercise of the routine. A clinician's
    leave-out or bring-back records who, when and their reason in the same transaction."""
    try:
        change = PlanChange(command.change)
    except ValueError:
        allowed = ", ".join(c.value for c in PlanChange)
        raise InputError("change", f"{command.change!r} is not a change; use {allowed}") from None
    if change in _CLINICIAN_ONLY and ctx.journal_access >= Access.OWNER:
        raise InputError("change", "only your physio can hold, allow or set an exercise's dose")
    if ctx.journal_access < Access.OWNER and change in _RECORDED:
        record = plan.clinician_record(ctx, command.exercise_id, change.value, command.reason)
        return _RECORDED[change](ctx, command.exercise_id, record)
    return _EXERCISE_CHANGES[change](ctx, command.exercise_id)


_RECORDED = {
    PlanChange.LEAVE_OUT: plan.leave_out,
    PlanChange.INCLUDE: plan.include,
    PlanChange.HOLD: plan.hold,
    PlanChange.ALLOW: plan.allow,
    PlanChange.CLEAR_DOSE: physio_dose.clear_dose,
}
_CLINICIAN_ONLY = (PlanChange.HOLD, PlanChange.ALLOW, PlanChange.CLEAR_DOSE)


def set_dose(ctx: Context, command: SetDose) -> None:
    """A clinician's dose inside the guide's range, recorded with who, when and why; every
    value is checked before anything is written."""
    if ctx.journal_access >= Access.OWNER:
        raise InputError("reps", "only your physio can set an exercise's dose")
    dose = physio_dose.checked_dose(ctx, command.exercise_id, command.reps, command.hold_seconds)
    record = plan.clinician_record(ctx, command.exercise_id, "set_dose", command.reason)
    physio_dose.set_dose(ctx, command.exercise_id, dose, record)


def set_aerobic_goal(ctx: Context, command: SetAerobicGoal) -> None:
    """A clinician's weekly aerobic goal and shortest walk, recorded with who, when, why."""
    if ctx.journal_access >= Access.OWNER:
        raise InputError("week_minutes", "only your physio can set your walking goal")
    goal = physio_dose.checked_aerobic(ctx, command.week_minutes, command.walk_minutes)
    record = plan.clinician_record(ctx, "", "aerobic", command.reason)
    physio_dose.set_aerobic(ctx, goal, record)


def set_pregnancy_forms(ctx: Context, command: SetPregnancyForms) -> None:
    """A clinician's "use the pregnancy forms", on or off, recorded with who, when, why."""
    if ctx.journal_access >= Access.OWNER:
        raise InputError("forms", "only your physio can choose the pregnancy forms for you")
    words = {True: True, False: False, "on": True, "off": False}
    value = command.on.strip().lower() if isinstance(command.on, str) else command.on
    if value not in words:
        raise InputError("forms", f"{command.on!r} is not a choice; use on or off")
    change = "pregnancy_on" if words[value] else "pregnancy_off"
    physio_dose.set_pregnancy_forms(ctx, plan.clinician_record(ctx, "", change, command.reason))


def set_training_days(ctx: Context, command: SetTrainingDays) -> PlanChoices:
    """The person's training days; a clinician's choice records who, when and why."""
    if ctx.journal_access < Access.OWNER:
        record = plan.clinician_record(ctx, "", "days", command.reason)
        return plan.set_training_days(ctx, command.days, record)
    plan.refuse_own_days(ctx, plan.day_numbers(command.days))
    return plan.set_training_days(ctx, command.days)


def hand_back_training_days(ctx: Context, command: HandBackTrainingDays) -> PlanChoices:
    """A clinician lets the patient choose their training days again (never the patient
    themself: there is nothing of theirs to hand back)."""
    if ctx.journal_access >= Access.OWNER:
        raise InputError("days", "only your physio can hand your training days back to you")
    record = plan.clinician_record(ctx, "", "days_free", command.reason)
    return plan.hand_back_days(ctx, record)


def set_reminder(ctx: Context, command: SetReminder) -> PlanChoices:
    return plan.set_reminder_time(ctx, command.at)


def rate_activity(ctx: Context, command: RateActivity) -> FunctionRating:
    return reports.rate_activity(ctx, command.activity, command.score, on=command.day)


def answer_screen(ctx: Context, command: AnswerScreen) -> Assessment:
    return safety.record_screen(ctx, dict(command.answers), command.on)


@dataclass(frozen=True)
class Welcomed:
    """What first use gave: the profile saved and the safety check after the screen."""

    profile: Profile
    assessment: Assessment


def first_use(ctx: Context, command: FirstUse) -> Welcomed:
    """One unit of work: the profile, the starting pain (keeping the day's symptoms) and
    the screen's answers. Every value is checked before anything is written, and nothing
    is written when any part fails."""
    fields = {name: getattr(command.profile, name) for name in journal.PROFILE_FIELDS}
    checked = journal.checked_profile_changes(ctx, fields)
    checkin = journal.new_checkin(ctx, pain=command.pain, mobility=command.mobility)
    today = checkin.date
    with ctx.uow() as uow:
        profile = journal.store_profile_changes(ctx, uow, checked)
        earlier = uow.journal.get_checkin(today)
        symptoms = earlier.symptoms if earlier else ()
        journal.store_checkin(uow, dataclasses.replace(checkin, symptoms=symptoms), found=())
        safety.save_screen(uow, command.screen_answers, today)
        assessment = safety.assess_in(uow, today)
        uow.commit()
    return Welcomed(profile, assessment)


HANDLERS: dict[type, Callable[[Context, Any], Any]] = {
    FirstUse: first_use,
    AnswerScreen: answer_screen,
    StartSession: session.start_session,
    RecordExercise: session.record_exercise,
    FinishSession: session.finish_session,
    LogCheckIn: check_in,
    DismissNoteSign: notes.dismiss_note_sign,
    LogActivity: log_activity,
    ChangeProfile: change_profile,
    ChangeExercise: change_exercise,
    SetTrainingDays: set_training_days,
    HandBackTrainingDays: hand_back_training_days,
    SetDose: set_dose,
    SetAerobicGoal: set_aerobic_goal,
    SetPregnancyForms: set_pregnancy_forms,
    SetReminder: set_reminder,
    ImportJournal: import_journal,
    RateActivity: rate_activity,
    SendMessage: messages.send_message,
    ReadMessage: messages.read_message,
    RecordReviewFor: reviews.record_for,
}
"""Every command and its one handler."""


def execute(ctx: Context, command: object) -> Any:
    """Authorise, then run the command's handler (see the module docstring)."""
    handler = HANDLERS[type(command)]
    granted = authorise(ctx, command)
    if type(command) in PROGRAM_COMMANDS:
        from sicoach.services import audit

        # What was changed, never the reason's words or values (pregnancy, doses): the
        # audit log is read by admins, who read no journal.
        what = " ".join(filter(None, (type(command).__name__, getattr(command, "exercise_id", ""))))
        audit.record(ctx, "program.change", subject=ctx.subject_account, detail=what)
    elif type(command) in CARE_COMMANDS:  # audited once written (its words stay private)
        from sicoach.services import audit

        done = run_granted(handler, ctx, command)
        audit.record(ctx, CARE_COMMANDS[type(command)], subject=ctx.subject_account)
        return done
    return run_granted(handler, ctx, command) if granted else handler(ctx, command)
