"""The person's record: profile, check-ins, sessions, activities and function ratings.

Plain immutable values. Validation of ranges and codes happens where data enters
(`sicoach.domain.validation`), so that every face reports the same message for the same
mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time


@dataclass(frozen=True)
class Pregnancy:
    """`status` is "pregnant" (with `due_date`) or "postpartum" (with `delivery_date`)."""

    status: str
    due_date: date | None = None
    delivery_date: date | None = None

    def week_on(self, on: date) -> int | None:
        """Completed weeks of pregnancy on a date, counted back from a 40-week due date."""
        if self.status != "pregnant" or self.due_date is None:
            return None
        days_to_due = (self.due_date - on).days
        return (280 - days_to_due) // 7

    def days_since_birth(self, on: date) -> int | None:
        if self.status != "postpartum" or self.delivery_date is None:
            return None
        return (on - self.delivery_date).days


@dataclass(frozen=True)
class PlanChoices:
    """What the person chose about their routine.

    `training_days` are weekday numbers (0 Monday .. 6 Sunday); `enabled_on` records when the
    person turned an exercise back on after it hurt twice (`sicoach plan enable ID`).
    """

    left_out: tuple[str, ...] = ()
    training_days: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)
    reminder_time: time | None = None
    enabled_on: tuple[tuple[str, date], ...] = ()

    def enabled_since(self, exercise_id: str) -> date | None:
        dates = [d for eid, d in self.enabled_on if eid == exercise_id]
        return max(dates) if dates else None


@dataclass(frozen=True)
class Profile:
    started_on: date
    birth_year: int | None = None
    sex: str | None = None
    pregnancy: Pregnancy | None = None
    sedentary_job: bool = False
    overweight: bool = False
    frequent_lifting: bool = False
    history: tuple[str, ...] = ()
    plan: PlanChoices = field(default_factory=PlanChoices)

    def age_on(self, on: date) -> int | None:
        return None if self.birth_year is None else on.year - self.birth_year

    def with_changes(self, **changes: object) -> Profile:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CheckIn:
    """One day's self-report. Ratings are 0-10; all optional but the date.

    `symptoms` are every sign that counts that day, ticked or read from the note;
    `note_symptoms` are those of them that came from the note alone ("from your note"), and
    `note_dismissed` the ones read from the note that the person said are not so (they are
    not in `symptoms`). See `sicoach.domain.note_findings`.
    """

    date: date
    pain: int | None = None
    worst_pain: int | None = None
    mobility: int | None = None
    symptoms: tuple[str, ...] = ()
    note: str = ""
    note_symptoms: tuple[str, ...] = ()
    note_dismissed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Activity:
    date: date
    kind: str
    minutes: int


@dataclass(frozen=True)
class ExerciseResult:
    """How one exercise went in a session. `pain` is pain during it (0-10)."""

    id: str
    level: int = 0
    reps: int = 0
    hurt: bool = False
    pain: int | None = None
    skipped: bool = False


@dataclass(frozen=True)
class Session:
    """A guided session. `partial` marks one that ended early (quit, closed, crashed)."""

    started_at: datetime
    pain_before: int | None = None
    pain_after: int | None = None
    exercises: tuple[ExerciseResult, ...] = ()
    partial: bool = False

    @property
    def date(self) -> date:
        return self.started_at.date()


@dataclass(frozen=True)
class FunctionRating:
    """A patient-specific activity rated 0 (unable) to 10 (as before the problem)."""

    date: date
    activity: str
    score: int


ADVICE_WORDS: dict[str, str] = {
    "carry_on": "carry on as before",
    "gently": "carry on gently",
    "stop": "stop until told otherwise",
}
"""What the clinician advised, in the words every face shows."""
ADVICE: tuple[str, ...] = tuple(ADVICE_WORDS)


@dataclass(frozen=True)
class ClinicianReview:
    """ "I was checked by a doctor, physio or midwife on `date`, who advised `advice`."

    It settles the warning signs reported on or before `date` (see
    `sicoach.domain.safety.reviews`). `emergency_checked` is the person's explicit yes that
    the visit checked an emergency sign; without it emergency signs stay open. `settles`
    lists the signs in the record when the review was saved, so a sign added to the same
    day afterwards still counts; None (a file written by hand) settles every sign up to
    `date`. `recorded_by` names the clinician who recorded it on the person's behalf ("":
    the person recorded it themself).
    """

    date: date
    advice: str
    note: str = ""
    emergency_checked: bool = False
    settles: tuple[str, ...] | None = None
    recorded_by: str = ""


@dataclass(frozen=True)
class Journal:
    """The whole record of one person, each list sorted by date (then time)."""

    profile: Profile | None = None
    checkins: tuple[CheckIn, ...] = ()
    sessions: tuple[Session, ...] = ()
    activities: tuple[Activity, ...] = ()
    function: tuple[FunctionRating, ...] = ()
    reviews: tuple[ClinicianReview, ...] = ()

    def sorted(self) -> Journal:
        return Journal(
            profile=self.profile,
            checkins=tuple(sorted(self.checkins, key=lambda c: c.date)),
            sessions=tuple(sorted(self.sessions, key=lambda s: s.started_at)),
            activities=tuple(sorted(self.activities, key=lambda a: (a.date, a.kind, a.minutes))),
            function=tuple(sorted(self.function, key=lambda f: (f.date, f.activity))),
            reviews=tuple(sorted(self.reviews, key=lambda r: r.date)),
        )

    def up_to(self, on: date) -> Journal:
        """The journal as it stood at the end of `on`: later records are ignored."""
        return Journal(
            profile=self.profile,
            checkins=tuple(c for c in self.checkins if c.date <= on),
            sessions=tuple(s for s in self.sessions if s.date <= on),
            activities=tuple(a for a in self.activities if a.date <= on),
            function=tuple(f for f in self.function if f.date <= on),
            reviews=tuple(r for r in self.reviews if r.date <= on),
        )

    def review_on(self, on: date) -> ClinicianReview | None:
        """The review in force on `on`: the latest dated on or before it (the last saved on a
        tie)."""
        dated = [r for r in self.reviews if r.date <= on]
        return max(reversed(dated), key=lambda r: r.date) if dated else None

    def checkin_on(self, on: date) -> CheckIn | None:
        return next((c for c in self.checkins if c.date == on), None)

    @property
    def start_date(self) -> date | None:
        """The first day of the program: the profile's start, else the earliest record."""
        if self.profile is not None:
            return self.profile.started_on
        dates = [c.date for c in self.checkins] + [s.date for s in self.sessions]
        dates += [a.date for a in self.activities]
        return min(dates) if dates else None


@dataclass(frozen=True)
class ProgramChange:
    """A clinician's change to the program: who (as their account names them), when, to
    which exercise, what ("leave_out", "include", "set_dose", ...) and the short reason they
    gave, with the values a change sets (a dose; the weekly goal and starting walk)."""

    at: datetime
    by: str
    exercise_id: str
    change: str
    reason: str
    reps: int | None = None
    hold_seconds: int | None = None
    week_minutes: int | None = None
    walk_minutes: int | None = None


@dataclass(frozen=True)
class ClinicianMessage:
    """A short message from a clinician to their patient, shown on the patient's Today until
    they mark it read (`read_at`). `by` is the clinician's name as their account gives it."""

    id: int
    at: datetime
    by: str
    text: str
    read_at: datetime | None = None
