"""Response bodies of the JSON API: what each read and write answers, for the OpenAPI schema.

The values come from the interchange modules (`safety_json`, `plan_json`, `script_json`,
`journal_json`, the report's progress JSON); these models name their fields so a client
can rely on them. Each allows fields beyond those named, so a field added to a document
reaches clients at once (and is named here when it settles).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ReasonOut(_Open):
    code: str = Field(description="The rule that applies, e.g. saddle_numbness.")
    level: str = Field(description="continue, see_doctor, urgent or emergency.")
    message: str = Field(description="What to do and why, in plain words.")
    source: str = Field(description="What the rule rests on.")


class AssessmentOut(_Open):
    date: str = Field(description="The day assessed (YYYY-MM-DD).")
    level: str = Field(description="continue, see_doctor, urgent or emergency.")
    reasons: list[ReasonOut] = Field(description="Every reason, the most serious first.")


class ScreenQuestionOut(_Open):
    code: str = Field(description="The symptom code a yes records.")
    question: str
    group: str = Field(description="emergency, urgent, routine or pregnancy.")


class ScreenAnsweredOut(AssessmentOut):
    stop: bool = Field(description="True when exercise stops today (urgent or worse).")


class OpenSignOut(_Open):
    code: str
    words: str
    level: str
    last_reported: str = Field(description="The last day it was reported (YYYY-MM-DD).")


class ReviewsOut(_Open):
    reviews: list[dict[str, Any]] = Field(description="Every review, oldest first.")
    open_signs: list[OpenSignOut] = Field(description="Warning signs waiting for a check.")


class ReviewSavedOut(_Open):
    safety: AssessmentOut = Field(description="Today's safety after the review.")


class ProfileOut(_Open):
    started_on: str = Field(description="First day of the program (YYYY-MM-DD).")
    birth_year: int | None
    sex: str | None
    pregnancy: dict[str, Any] | None
    sedentary_job: bool
    overweight: bool
    frequent_lifting: bool
    history: list[str] = Field(description="Health-history codes.")
    plan: dict[str, Any] = Field(description="Routine choices: left out, days, reminder.")


class ImportedOut(_Open):
    checkins: int
    sessions: int
    activities: int
    function: int
    profile: bool = Field(description="Whether the profile was taken from the document.")
    replaced: bool = Field(description="Whether the document's days replaced stored ones.")


class DayPlanOut(_Open):
    date: str
    safety: AssessmentOut
    exercises: list[dict[str, Any]] = Field(
        description="Each exercise: dose, status (planned, modified, skipped) and reason."
    )
    aerobic: dict[str, Any]
    estimated_minutes: int
    training_day: bool
    message: str


class ScriptOut(_Open):
    date: str
    total_seconds: int
    message: str
    exercises: list[dict[str, Any]]
    steps: list[dict[str, Any]] = Field(description="Every timed step, in order.")
    when_it_hurts: dict[str, Any] = Field(description="What the player does on 'it hurts'.")


class ProgressOut(_Open):
    date: str
    start: str | None = Field(description="First day of the program, when known.")
    summaries: list[str] = Field(description="One plain sentence per measure.")
    pain: dict[str, Any]
    mobility: dict[str, Any]
    adherence: dict[str, Any]
    aerobic: dict[str, Any]
    hurt: list[dict[str, Any]]
    symptoms: list[dict[str, Any]]
    function: dict[str, Any]


JOURNAL_DOCUMENT: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The whole journal in the interchange format (docs/design.md §4).",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["format", "version"],
                    "properties": {
                        "format": {"type": "string", "const": "sicoach.journal"},
                        "version": {"type": "integer"},
                        "profile": {"type": ["object", "null"]},
                        "checkins": {"type": "array", "items": {"type": "object"}},
                        "sessions": {"type": "array", "items": {"type": "object"}},
                        "activities": {"type": "array", "items": {"type": "object"}},
                    },
                }
            }
        },
    }
}
"""The export's answer: a document, not a model (it is written as the file format says)."""
