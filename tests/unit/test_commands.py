"""Every command has one handler behind `execute`, which also checks who acts on whose record."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import date

import pytest

from sicoach.domain.journal import Profile
from sicoach.services import commands
from sicoach.services.commands import (
    ChangeExercise,
    DismissNoteSign,
    FirstUse,
    LogActivity,
    LogCheckIn,
    PlanChange,
)
from sicoach.services.context import Context
from sicoach.services.errors import Forbidden, InputError, NotFound
from sicoach.services.handlers import HANDLERS, execute
from sicoach.services.journal import load_journal


def test_every_command_has_a_handler_and_is_frozen() -> None:
    found = {
        obj
        for _, obj in inspect.getmembers(commands, inspect.isclass)
        if dataclasses.is_dataclass(obj) and obj.__module__ == commands.__name__
    }
    assert found == set(HANDLERS)
    for command in found:
        assert command.__dataclass_params__.frozen, command  # type: ignore[attr-defined]


def test_a_person_acts_on_their_own_record(context: Context) -> None:
    checkin, replaced = execute(context, LogCheckIn(pain=4))
    assert checkin.pain == 4 and not replaced
    assert context.actor.on_self


def test_someone_else_may_not_act_on_it_yet(context: Context) -> None:
    """Until a clinic mode brings its rules, acting on another person's record is refused
    before anything is written."""
    other = dataclasses.replace(context, acting="a clinician")
    with pytest.raises(Forbidden):
        execute(other, LogActivity("walking", 20))
    assert load_journal(context).activities == ()


def test_bad_input_names_the_field_and_writes_nothing(context: Context) -> None:
    with pytest.raises(InputError) as caught:
        execute(context, LogActivity("walking", 5000))
    assert caught.value.field == "minutes"
    with pytest.raises(InputError, match=r"^change: "):
        execute(context, ChangeExercise("juggle", "bridge"))
    with pytest.raises(InputError, match=r"^exercise: "):
        execute(context, ChangeExercise(PlanChange.INCLUDE, "handstand"))
    assert load_journal(context).activities == ()


def test_first_use_saves_profile_pain_and_screen(context: Context) -> None:
    profile = Profile(started_on=date(2026, 11, 20), birth_year=1970)
    welcomed = execute(context, FirstUse(profile, 5, 4, screen_answers={"fever": False}))
    assert welcomed.profile.birth_year == 1970 and not welcomed.assessment.stops_exercise
    (checkin,) = load_journal(context).checkins
    assert (checkin.pain, checkin.mobility, checkin.symptoms) == (5, 4, ())


def test_not_found_names_what_was_asked_for() -> None:
    error = NotFound("session", 42)
    assert (error.kind, error.id, str(error)) == (
        "session",
        42,
        "session_id: there is no session 42",
    )


def test_not_so_for_a_note_sign_goes_through_execute_and_its_checks(context: Context) -> None:
    """Saying a note's sign is not so is an action like any other: someone else may not, and a
    code that was not read from the note is refused with nothing written."""
    saved, _ = execute(context, LogCheckIn(pain=3, note="now both legs are numb"))
    assert saved.note_symptoms == ("both_legs_symptoms",)
    other = dataclasses.replace(context, acting="a clinician")
    with pytest.raises(Forbidden):
        execute(other, DismissNoteSign("both_legs_symptoms"))
    with pytest.raises(InputError, match=r"^not_so: "):
        execute(context, DismissNoteSign("chest_pain"))
    (checkin,) = load_journal(context).checkins
    assert checkin.note_symptoms == ("both_legs_symptoms",) and checkin.note_dismissed == ()
    reading = execute(context, DismissNoteSign("both_legs_symptoms"))
    assert reading.signs == () and reading.assessment.level.value == "continue"
