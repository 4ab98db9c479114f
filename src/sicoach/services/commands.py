"""Every action a person takes, as a frozen value: what every face hands to the services.

A face (terminal, web page, JSON API, later a clinic or phone face) turns its input into one
of these commands and calls its handler; the handler is the only place the values are
checked, and it runs in one unit of work. Faces never decide what a command means: a player
says how an exercise *ended*, and the session service decides what that records.

Who acts and on whose record comes from the `Context` (`Context.actor`), so commands stay
the same when a clinician acts on a patient's journal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, time
from enum import StrEnum
from pathlib import Path
from typing import Any

from sicoach.domain.journal import Profile


class Ending(StrEnum):
    """How one exercise of a session ended, as the player saw it."""

    FINISHED = "finished"
    """Played to its end."""
    SKIPPED = "skipped"
    """The person moved on before the end (some repetitions may be done)."""
    HURT = "hurt"
    """The person stopped it because it hurt."""
    QUIT = "quit"
    """The session stopped during it (quit, closed, crashed); the repetitions done are kept."""


@dataclass(frozen=True)
class FirstUse:
    """The welcome form: the profile, the starting pain, and the red-flag screen's answers."""

    profile: Profile
    pain: int | None
    mobility: int | None = None
    screen_answers: Mapping[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class AnswerScreen:
    """The red-flag screen's yes/no answers for a day (today when `on` is None)."""

    answers: Mapping[str, bool]
    on: date | None = None


@dataclass(frozen=True)
class StartSession:
    """Start a guided session: the screen's answers (when asked now) and the pain before.

    `on` dates a session played for an earlier day; the time of day is now's.
    """

    pain_before: int | None
    screen_answers: Mapping[str, bool] | None = None
    on: date | None = None


@dataclass(frozen=True)
class RecordExercise:
    """How one exercise went: how it ended, the repetitions done, the pain during it."""

    session_id: int
    exercise_id: str
    ending: Ending | str
    reps: int = 0
    level: int = 0
    pain: int | None = None


@dataclass(frozen=True)
class FinishSession:
    """Close a session with the pain afterwards; `ended_early` when not every step was played."""

    session_id: int
    pain_after: int | None
    ended_early: bool = False


@dataclass(frozen=True)
class LogCheckIn:
    """The day's check-in (today when `day` is None); replaces that day's earlier one."""

    pain: int | None = None
    worst_pain: int | None = None
    mobility: int | None = None
    symptoms: tuple[str, ...] = ()
    note: str | None = ""
    day: date | None = None


@dataclass(frozen=True)
class DismissNoteSign:
    """A warning sign read from the note of `day` (today when None) is not so, the person says."""

    code: str
    day: date | None = None


@dataclass(frozen=True)
class LogActivity:
    """Minutes of walking or another gentle activity on a day (today when None)."""

    kind: str
    minutes: int
    day: date | None = None
    client_id: str | None = None
    """Made by an app that saved it offline: a resend with the same id is stored once."""


@dataclass(frozen=True)
class ChangeProfile:
    """Some profile fields (names as on `Profile`); the others stay as they are."""

    changes: Mapping[str, Any]

    @classmethod
    def replacing(cls, profile: Profile) -> ChangeProfile:
        """Every field of `profile` (a whole profile read from a form or a document)."""
        return cls({f.name: getattr(profile, f.name) for f in fields(profile)})


class PlanChange(StrEnum):
    """What a person can do to one exercise of their routine."""

    LEAVE_OUT = "leave_out"
    INCLUDE = "include"
    TURN_BACK_ON = "turn_back_on"
    HOLD = "hold"
    """A clinician keeps the exercise's dose (no progression) until they allow it."""
    ALLOW = "allow"
    CLEAR_DOSE = "clear_dose"
    """A clinician gives the exercise back to the app's own steps (after `SetDose`)."""


@dataclass(frozen=True)
class ChangeExercise:
    """Leave an exercise out, bring it back, or turn it back on after it hurt twice.
    `reason`: a clinician's short reason (required from them; the patient sees it)."""

    change: PlanChange | str
    exercise_id: str
    reason: str = ""


@dataclass(frozen=True)
class SetDose:
    """A clinician sets an exercise's repetitions and hold seconds, inside the guide's range
    (a face may pass the words typed; the service checks them). It replaces the app's own
    steps until they clear it (`PlanChange.CLEAR_DOSE`). `reason`: required, shown on Today."""

    exercise_id: str
    reps: int | str | None
    hold_seconds: int | str | None = None
    reason: str = ""


@dataclass(frozen=True)
class SetAerobicGoal:
    """A clinician sets the weekly aerobic goal (minutes, at most the guide's 150) and the
    shortest walk a day (minutes, in 5s; None: the guide's). `reason`: shown on Today."""

    week_minutes: int | str | None
    walk_minutes: int | str | None = None
    reason: str = ""


@dataclass(frozen=True)
class SetPregnancyForms:
    """A clinician marks "use the pregnancy forms": `on` "on" or "off" (a face may pass the
    word; the service checks it). `reason`: required, shown on Today."""

    on: bool | str
    reason: str = ""


@dataclass(frozen=True)
class SetTrainingDays:
    """Weekday words ("mon", "Tuesday") or numbers (0 Monday .. 6 Sunday). `reason`: a
    clinician's short reason (required from them; the patient sees it on Today)."""

    days: tuple[str | int, ...]
    reason: str = ""


@dataclass(frozen=True)
class HandBackTrainingDays:
    """A clinician lets the patient choose their training days again; `reason` is shown to
    the patient on Today."""

    reason: str = ""


@dataclass(frozen=True)
class SetReminder:
    """The daily reminder time ("HH:MM" or a time); None or "off" clears it."""

    at: time | str | None


@dataclass(frozen=True)
class ImportJournal:
    """A journal document (its text, or a file path); `replace` lets it overwrite days.

    `progress(done, total)`, when given, is told how far the import is (a face's progress bar).
    """

    source: str | Path
    replace: bool = False
    progress: Callable[[int, int], None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RateActivity:
    """A patient-specific activity rated 0 (unable) to 10 (as before), on a day."""

    activity: str
    score: int
    day: date | None = None


@dataclass(frozen=True)
class SendMessage:
    """A linked clinician's short message to the patient (plain text, shown on Today)."""

    text: str


@dataclass(frozen=True)
class ReadMessage:
    """The patient has read a message from their clinician (it leaves Today)."""

    message_id: int | str


@dataclass(frozen=True)
class RecordReviewFor:
    """A linked clinician's review of the patient, recorded on their behalf: the visit's
    date (today when None), the advice, a note, and the yes for an emergency sign."""

    day: date | None
    advice: str
    note: str = ""
    emergency_checked: bool = False
