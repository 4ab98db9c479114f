"""Request bodies of the JSON API (pydantic), kept apart from the storage tables.

Types are checked here, strictly as the import checks them: a whole number must be a JSON
integer (not "7", " 7 ", 7.0 or true) and yes/no must be true or false. Ranges, codes and
dates are checked by the journal's own validation so the API says exactly what the command
line and the import say.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt, StrictStr

from sicoach.services.commands import Ending
from sicoach.services.views import SessionSummary
from sicoach.web.schemas_out import AssessmentOut


def _date_text(value: object) -> object:
    """Dates only as "YYYY-MM-DD" text (pydantic would also read a number as a timestamp)."""
    if value is not None and not isinstance(value, str):
        raise ValueError("must be a date written YYYY-MM-DD")
    return value


Day = Annotated[dt.date, BeforeValidator(_date_text)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CheckinIn(_Strict):
    date: Day | None = Field(None, description="Day of the check-in; today when left out.")
    pain: StrictInt | None = Field(None, description="Pain now, 0 (none) to 10 (worst imaginable).")
    worst_pain: StrictInt | None = Field(None, description="Worst pain today, 0-10.")
    mobility: StrictInt | None = Field(
        None, description="Freedom of movement, 0-10 (10 moves freely)."
    )
    symptoms: list[StrictStr] = Field(default_factory=list, description="Symptom codes.")
    note: StrictStr = ""


class ActivityIn(_Strict):
    date: Day | None = Field(None, description="Day of the activity; today when left out.")
    kind: StrictStr = Field(
        description="walking, swimming, water_aerobics, cycling, tai_chi, other"
    )
    minutes: StrictInt = Field(description="Minutes, 1-1440.")
    client_id: StrictStr | None = Field(
        None,
        description="An id the client made (8-64 of A-Z a-z 0-9 - _): a resend with the same "
        "id is accepted once, so an app that saved it offline may send it again safely.",
    )


class PregnancyIn(_Strict):
    status: StrictStr = Field(description='"pregnant" or "postpartum"')
    due_date: Day | None = None
    delivery_date: Day | None = None


class ProfileIn(_Strict):
    started_on: Day | None = Field(None, description="First day of the program; today if new.")
    birth_year: StrictInt | None = None
    sex: StrictStr | None = Field(None, description="female, male or other")
    pregnancy: PregnancyIn | None = None
    sedentary_job: StrictBool = False
    overweight: StrictBool = False
    frequent_lifting: StrictBool = False
    history: list[StrictStr] = Field(default_factory=list, description="History codes.")
    plan: dict[str, object] | None = Field(
        None, description="Plan choices: left_out, training_days, reminder_time, enabled."
    )


class ScreenIn(_Strict):
    answers: dict[str, StrictBool] = Field(description="Question code -> yes (true) or no (false).")


class SessionBeginIn(_Strict):
    pain_before: StrictInt | None = Field(None, description="Pain now, before the session, 0-10.")


class ExerciseResultIn(_Strict):
    """How one exercise ended; the service decides what that records (a skip after some
    repetitions is a skip; an exercise that hurt is never done)."""

    id: StrictStr = Field(description="Exercise id.")
    ending: Ending = Field(
        Ending.FINISHED, description="finished, skipped, hurt or quit (the session stopped)."
    )
    level: StrictInt = 0
    reps: StrictInt = Field(0, description="Repetitions done before it ended.")
    pain: StrictInt | None = Field(None, description="Pain during the exercise, 0-10.")


class SessionFinishIn(_Strict):
    pain_after: StrictInt | None = Field(None, description="Pain now, after the session, 0-10.")
    partial: StrictBool = Field(False, description="True when the session ended early.")


# --- responses ------------------------------------------------------------------------------


class ExerciseResultOut(BaseModel):
    """One saved exercise, as in the journal document's `sessions[].exercises[]`."""

    id: str
    level: int
    reps: int
    hurt: bool
    pain: int | None
    skipped: bool


class SessionStartedOut(BaseModel):
    id: int


class RecordedOut(BaseModel):
    exercises: list[ExerciseResultOut]


class SavedResultOut(BaseModel):
    saved: ExerciseResultOut


class SessionSummaryOut(BaseModel):
    """A session in names and numbers: what was done, what hurt, what was skipped."""

    id: int | None
    started_at: str = Field(description="Local date and time, ISO 8601, as in the journal.")
    pain_before: int | None
    pain_after: int | None
    partial: bool
    done: list[str]
    hurt: list[str]
    skipped: list[str]
    part_done: list[str] = Field(
        default_factory=list,
        description="Stopped after at least one repetition (not counted as done or skipped).",
    )

    @classmethod
    def of(cls, summary: SessionSummary) -> SessionSummaryOut:
        return cls(
            id=summary.id,
            started_at=summary.started_at.isoformat(),
            pain_before=summary.pain_before,
            pain_after=summary.pain_after,
            partial=summary.ended_early,
            done=list(summary.done),
            hurt=list(summary.hurt),
            skipped=list(summary.skipped),
            part_done=list(summary.part_done),
        )


class SessionFinishedOut(BaseModel):
    summary: SessionSummaryOut
    safety: AssessmentOut = Field(description="The safety check after the session.")


class CheckinOut(BaseModel):
    """One check-in, as in the journal document's `checkins[]`."""

    date: dt.date
    pain: int | None
    worst_pain: int | None
    mobility: int | None
    symptoms: list[str]
    note: str
    note_symptoms: list[str] = Field(
        default_factory=list, description="Warning signs read from the note (they count)."
    )
    note_dismissed: list[str] = Field(
        default_factory=list,
        description="Signs read from the note that the person said are not so.",
    )


class CheckinSavedOut(BaseModel):
    saved: CheckinOut
    note_symptoms: list[str] = Field(description="Warning signs read from this check-in's note.")
    safety: AssessmentOut = Field(description="The safety check after this check-in.")


class ActivityOut(BaseModel):
    """One activity, as in the journal document's `activities[]`."""

    date: dt.date
    kind: str
    minutes: int


class ActivitySavedOut(BaseModel):
    saved: ActivityOut


class NotSoIn(_Strict):
    code: StrictStr = Field(
        description="A warning sign read from that day's note (a symptom code)."
    )


class NotSoOut(BaseModel):
    note_symptoms: list[str] = Field(description="The note's signs that still count that day.")
    safety: AssessmentOut = Field(description="The safety check after this answer.")
