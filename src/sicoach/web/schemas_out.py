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


class ReviewOut(_Open):
    """One clinician review, as in the journal document's `reviews[]`."""

    date: str = Field(description="The day of the review (YYYY-MM-DD).")
    advice: str
    note: str
    emergency_checked: bool
    settles: list[str] | None = Field(description="The warning signs it settles; null: all.")


class ReviewsOut(_Open):
    reviews: list[ReviewOut] = Field(description="Every review, oldest first.")
    open_signs: list[OpenSignOut] = Field(description="Warning signs waiting for a check.")


class ReviewSavedOut(_Open):
    safety: AssessmentOut = Field(description="Today's safety after the review.")


class PregnantOut(_Open):
    status: str = Field(description="pregnant")
    due_date: str | None = Field(description="The due date (YYYY-MM-DD).")


class AfterBirthOut(_Open):
    status: str = Field(description="postpartum")
    delivery_date: str | None = Field(description="The day of the birth (YYYY-MM-DD).")


class EnabledOut(_Open):
    id: str = Field(description="An exercise turned back on after it hurt twice.")
    date: str = Field(description="When it was turned back on (YYYY-MM-DD).")


class PlanChoicesOut(_Open):
    left_out: list[str] = Field(description="Exercises the person left out.")
    training_days: list[str] = Field(description="Weekdays to exercise (mon .. sun).")
    reminder_time: str | None = Field(description="The daily reminder (HH:MM), or null.")
    enabled: list[EnabledOut]


class ProfileOut(_Open):
    started_on: str = Field(description="First day of the program (YYYY-MM-DD).")
    birth_year: int | None
    sex: str | None
    pregnancy: PregnantOut | AfterBirthOut | None
    sedentary_job: bool
    overweight: bool
    frequent_lifting: bool
    history: list[str] = Field(description="Health-history codes.")
    plan: PlanChoicesOut = Field(description="Routine choices: left out, days, reminder.")


class ImportedOut(_Open):
    checkins: int
    sessions: int
    activities: int
    function: int
    profile: bool = Field(description="Whether the profile was taken from the document.")
    replaced: bool = Field(description="Whether the document's days replaced stored ones.")


class PlannedExerciseOut(_Open):
    id: str
    name: str
    level: int
    hold_seconds: int | None = Field(description="Seconds to hold, for held exercises.")
    reps: int = Field(description="Repetitions today (per side when per_side).")
    per_side: bool
    status: str = Field(description="planned, modified or skipped.")
    reason: str = Field(description="Why today's dose or status, in plain words.")
    level_name: str
    alternating: bool
    position: str
    variant: str | None = Field(description="The modified form in use, e.g. pregnancy.")
    steps: list[str]
    cautions: list[str]
    rule: str = Field(description="The rule that set the dose or status.")
    action: str | None = Field(description="What the person may do about it, as a token.")
    source: str


class AerobicTodayOut(_Open):
    kind: str | None = Field(description="The suggested activity, e.g. walking.")
    minutes: int


class AerobicPlanOut(_Open):
    weekly_goal_minutes: int
    week_target_minutes: int
    week_done_minutes: int
    today: AerobicTodayOut
    reason: str


class DayPlanOut(_Open):
    date: str
    safety: AssessmentOut
    exercises: list[PlannedExerciseOut] = Field(
        description="Each exercise: dose, status (planned, modified, skipped) and reason."
    )
    aerobic: AerobicPlanOut
    estimated_minutes: int
    training_day: bool
    message: str


class ScriptExerciseOut(_Open):
    id: str
    name: str
    level: int
    reps: int
    per_side: bool
    status: str
    variant: str | None
    steps: list[str] = Field(description="The instructions, in order.")
    key_instruction: str
    reason: str


class StepOut(_Open):
    exercise_id: str | None = Field(description="Null only for the last step (done).")
    kind: str = Field(description="get_ready, hold, release, move, switch_side, rest or done.")
    seconds: int
    text: str
    rep: int | None
    of_reps: int | None
    side: str | None = Field(description="right, left or null.")
    name: str
    level: int


class WhenItHurtsOut(_Open):
    end_session_from: int = Field(description="'It hurts' rated this or more ends the session.")
    title: str
    rest: list[str]
    watch_for: list[str]


class ScriptOut(_Open):
    date: str
    total_seconds: int
    message: str
    exercises: list[ScriptExerciseOut]
    steps: list[StepOut] = Field(description="Every timed step, in order.")
    when_it_hurts: WhenItHurtsOut = Field(description="What the player does on 'it hurts'.")


class TrendDayOut(_Open):
    date: str
    value: int | None
    average: float | None = Field(description="The running average that day.")


class TrendOut(_Open):
    baseline_start: str | None
    baseline_end: str | None
    baseline: float | None = Field(description="The first week's average.")
    latest: float | None
    difference: float | None = Field(description="Latest minus baseline.")
    percent: float | None
    meaning: str = Field(description="better, worse, small or unknown.")
    summary: str
    days: list[TrendDayOut] = Field(
        description="Each day of the range (`from` to `date`): the rating and its 7-day average."
    )


class AdherenceOut(_Open):
    training_days: list[int] = Field(description="Weekday numbers, 0 Monday .. 6 Sunday.")
    planned_days: int
    done_days: int
    sessions: int
    current_streak: int
    summary: str


class AerobicWeekOut(_Open):
    week: str
    start: str
    minutes: int
    target: int
    met_goal: bool


class AerobicProgressOut(_Open):
    goal: int
    total_minutes: int = Field(description="Over the whole program up to `date`.")
    summary: str
    weeks: list[AerobicWeekOut] = Field(description="Each week of the range, from `from`'s week.")


class HurtOut(_Open):
    id: str
    name: str
    count: int
    last_date: str


class SymptomDaysOut(_Open):
    code: str
    label: str
    group: str
    red_flag: bool
    days: int
    first: str
    last: str


class ActivityChangeOut(_Open):
    activity: str
    first_score: int
    first_date: str
    latest_score: int
    latest_date: str
    change: int


class FunctionOut(_Open):
    first_average: float | None
    latest_average: float | None
    change: float | None
    meaning: str
    summary: str
    activities: list[ActivityChangeOut]


class ProgressOut(_Open):
    """The figures as they stood at the end of `date`: totals over the whole program; the
    daily ratings and weekly minutes of the range from `from` to `date` alone (by default
    the last 12 weeks)."""

    date: str = Field(description="The range's last day (`to`): the figures as they stood then.")
    from_: str = Field(
        alias="from",
        description="The range's first day: the `days` of pain and mobility and the `weeks` "
        "of aerobic minutes start there (or at the program's start, when later). Default: "
        "the Monday 11 weeks before the week of `date` (12 weeks).",
    )
    start: str | None = Field(description="First day of the program, when known.")
    summaries: list[str] = Field(description="One plain sentence per measure.")
    pain: TrendOut
    mobility: TrendOut
    adherence: AdherenceOut
    aerobic: AerobicProgressOut
    hurt: list[HurtOut]
    symptoms: list[SymptomDaysOut]
    function: FunctionOut


class JournalCheckinOut(_Open):
    date: str
    pain: int | None
    worst_pain: int | None
    mobility: int | None
    symptoms: list[str]
    note: str
    note_symptoms: list[str] = Field(default_factory=list, description="Signs read from the note.")
    note_dismissed: list[str] = Field(
        default_factory=list, description="Signs from the note the person said are not so."
    )


class JournalResultOut(_Open):
    id: str
    level: int
    reps: int
    hurt: bool
    pain: int | None
    skipped: bool


class JournalSessionOut(_Open):
    started_at: str = Field(description="Local date and time the session started (ISO 8601).")
    pain_before: int | None
    pain_after: int | None
    partial: bool = Field(description="True when it ended before its last step.")
    exercises: list[JournalResultOut]


class JournalActivityOut(_Open):
    date: str
    kind: str
    minutes: int


class JournalRatingOut(_Open):
    date: str
    activity: str
    score: int = Field(description="0 (unable) to 10 (as before the pain).")


class JournalDocumentOut(_Open):
    """The journal in the interchange format (the same document the journal download gives)."""

    format: str = Field(description="Always sicoach.journal.")
    version: int
    profile: ProfileOut | None
    checkins: list[JournalCheckinOut]
    sessions: list[JournalSessionOut]
    activities: list[JournalActivityOut]
    function: list[JournalRatingOut]
    reviews: list[ReviewOut]


JOURNAL_DOCUMENT: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The whole journal, the same document Settings downloads.",
        "model": JournalDocumentOut,
    }
}
"""The export's answer: a document written as the file format says (never re-serialised
through the model), which the model describes."""
