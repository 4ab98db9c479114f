"""Request bodies of the JSON API (pydantic), kept apart from the storage tables.

Types are checked here; ranges, codes and dates are checked by the journal's own validation
so the API says exactly what the command line and the import say.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CheckinIn(_Strict):
    date: dt.date | None = Field(None, description="Day of the check-in; today when left out.")
    pain: int | None = Field(None, description="Pain now, 0 (none) to 10 (worst imaginable).")
    worst_pain: int | None = Field(None, description="Worst pain today, 0-10.")
    mobility: int | None = Field(None, description="Freedom of movement, 0-10 (10 moves freely).")
    symptoms: list[str] = Field(default_factory=list, description="Symptom codes.")
    note: str = ""


class ActivityIn(_Strict):
    date: dt.date | None = Field(None, description="Day of the activity; today when left out.")
    kind: str = Field(description="walking, swimming, water_aerobics, cycling, tai_chi, other")
    minutes: int = Field(description="Minutes, 1-1440.")


class PregnancyIn(_Strict):
    status: str = Field(description='"pregnant" or "postpartum"')
    due_date: dt.date | None = None
    delivery_date: dt.date | None = None


class ProfileIn(_Strict):
    started_on: dt.date | None = Field(None, description="First day of the program; today if new.")
    birth_year: int | None = None
    sex: str | None = Field(None, description="female, male or other")
    pregnancy: PregnancyIn | None = None
    sedentary_job: bool = False
    overweight: bool = False
    frequent_lifting: bool = False
    history: list[str] = Field(default_factory=list, description="History codes.")
    plan: dict[str, object] | None = Field(
        None, description="Plan choices: left_out, training_days, reminder_time, enabled."
    )


class ScreenIn(_Strict):
    answers: dict[str, bool] = Field(description="Question code -> yes (true) or no (false).")


class SessionBeginIn(_Strict):
    pain_before: int | None = Field(None, description="Pain now, before the session, 0-10.")


class ExerciseResultIn(_Strict):
    id: str = Field(description="Exercise id.")
    level: int = 0
    reps: int = 0
    hurt: bool = False
    pain: int | None = Field(None, description="Pain during the exercise, 0-10.")
    skipped: bool = False


class SessionFinishIn(_Strict):
    pain_after: int | None = Field(None, description="Pain now, after the session, 0-10.")
    partial: bool = Field(False, description="True when the session ended early.")
