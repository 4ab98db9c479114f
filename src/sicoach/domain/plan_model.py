"""The plan's types and its rules as data: what `plan_day` returns and why it says so.

`RULES` holds, for every rule, its code, the status it gives, the reason text shown to the
person and the source it rests on (docs/clinical-notes.md §3 and §4). The session script and
the faces read these types; `sicoach.domain.plan` decides which rule applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sicoach.domain.aerobic import AerobicPlan
from sicoach.domain.safety import Assessment


class Status(StrEnum):
    PLANNED = "planned"
    MODIFIED = "modified"
    SKIPPED = "skipped"


class Action(StrEnum):
    """What a person can do about a planned exercise; faces render it as a control."""

    INCLUDE = "include"
    """Bring back an exercise the person left out."""
    TURN_BACK_ON = "turn_back_on"
    """Turn an exercise back on after it hurt twice (it restarts at the easiest level)."""


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise of the day. `reps` is the count for today (per side when `per_side`).

    `variant` names the modified form in use (e.g. "pregnancy"), `steps` and `position` are
    the instructions to follow today (the variant's when modified), `cautions` what to watch.
    `rule` is the code of the rule that set the dose or status (see `RULES`).
    """

    id: str
    name: str
    level: int
    hold_seconds: int | None
    reps: int
    per_side: bool
    alternating: bool
    status: Status
    reason: str
    position: str
    steps: tuple[str, ...]
    cautions: tuple[str, ...] = ()
    variant: str | None = None
    source: str = ""
    rule: str = ""
    action: Action | None = None
    level_name: str = ""
    move_seconds: int = 3
    rest_seconds: int = 2


@dataclass(frozen=True)
class DayPlan:
    date: date
    safety: Assessment
    exercises: tuple[PlannedExercise, ...]
    aerobic: AerobicPlan
    estimated_minutes: int
    training_day: bool = True
    message: str = ""

    @property
    def active(self) -> tuple[PlannedExercise, ...]:
        return tuple(e for e in self.exercises if e.status is not Status.SKIPPED)


@dataclass(frozen=True)
class PlanDefaults:
    """Numbers the guide does not give. All are OUR defaults, tested at their edges."""

    hurt_pause_days: int = 3
    """Days after a hurt before the exercise is offered again (at the easiest level)."""
    lowered_days: int = 3
    """Days at the bottom of the range after next-day pain went up clearly."""
    next_day_rise: int = 2
    """Points of daily pain over the day before that count as clearly up (2 = meaningful)."""
    progression_days: int = 7
    """Days a dose is kept before one step up ("about a week")."""
    progression_sessions: int = 3
    """Comfortable sessions at the current dose needed before a step up."""
    pregnancy_week: int = 14
    """From this week of pregnancy, moves lying on the back are changed or kept short."""
    see_doctor_lookback_days: int = 14
    """While a doctor's check is due, a move that hurt or was sore this recently is left out."""


DEFAULTS = PlanDefaults()


@dataclass(frozen=True)
class PhysioDose:
    """A dose a physio set for one exercise (inside the guide's range): it replaces the app's
    own steps until they clear it."""

    reps: int
    hold_seconds: int | None = None

    def words(self) -> str:
        """ "8 repetitions of 5 s", as Today and the plan say it."""
        words = f"{self.reps} repetition{'s' if self.reps != 1 else ''}"
        return words + (f" of {self.hold_seconds} s" if self.hold_seconds else "")


@dataclass(frozen=True)
class Rule:
    """One planning rule: what it does to the exercise, the words shown, and why.

    `action` names what the person can do about it (a token, not words): each face shows it
    its own way, a button on the web, a command in the terminal.
    """

    code: str
    status: Status
    text: str
    source: str
    action: Action | None = None


_GUIDE = "Patient guide (SI joint stretches and exercises)"
# The sources below are shown to people, so they name the outside source itself; where each
# rests: docs/clinical-notes.md §3 (pain during exercise), §4 (pregnancy), §1 and
# docs/design.md §5 (safety tiers). Our own numbers are in `PlanDefaults`.
_PAIN_NOTE = "pain-monitoring model (Silbernagel et al. 2007)"
_PREG_NOTE = "ACOG 2020; Canadian pregnancy guideline 2018"
_SAFETY = "NHS back-pain advice"
_DOSE_NOTE = "NHS back-pain exercise advice"
_OURS = "our default (SI Coach)"

RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(
            "safety_stop",
            Status.SKIPPED,
            "No exercises today: {why}",
            _SAFETY,
        ),
        Rule(
            "left_out",
            Status.SKIPPED,
            "You left this out of your routine; you can bring it back at any time.",
            "your own choice (sicoach plan)",
            Action.INCLUDE,
        ),
        Rule(
            "left_out_by_physio",
            Status.SKIPPED,
            "Your physio left this out of your routine for now. Only they can bring it back: "
            "ask them at your next visit if you want to do it again.",
            "your physio's choice",
        ),
        Rule(
            "held_by_physio",
            Status.PLANNED,
            "Same as last time: your physio asked to keep this dose for now. It moves up "
            "again when they say so.",
            "your physio's choice",
        ),
        Rule(
            "dose_by_physio",
            Status.PLANNED,
            "Your physio set this dose: {dose}. It stays like this until they change it.",
            "your physio's choice",
        ),
        Rule(
            "rest_day",
            Status.SKIPPED,
            "Rest day: you chose to train on {days}. Your next training day is {next_day}.",
            "your own choice (sicoach plan days)",
        ),
        Rule(
            "hurt_twice",
            Status.SKIPPED,
            "Kept off: it hurt again on {date} after we offered it at the easiest level. "
            "You can turn it back on when you feel ready; a doctor or physio can help you "
            "decide.",
            f"{_GUIDE}; {_PAIN_NOTE}",
            Action.TURN_BACK_ON,
        ),
        Rule(
            "hurt_last_time",
            Status.SKIPPED,
            "Skipped today: it hurt last time. We will offer it again on {weekday} "
            "at the easiest level.",
            f"{_GUIDE} (skip a move that hurts); {_PAIN_NOTE}; the {{pause}}-day pause is ours",
        ),
        Rule(
            "see_doctor_not_comfortable",
            Status.SKIPPED,
            "Left out until you have seen a doctor: it hurt or felt sore on {date}. "
            "Keep to the moves that feel comfortable.",
            f"{_GUIDE} (when to talk to your doctor); {_SAFETY}",
        ),
        Rule(
            "offered_again",
            Status.MODIFIED,
            "Offered again at the easiest level because it hurt on {date}. Go gently and stop "
            "if it hurts: if it does, we keep it off until you turn it back on.",
            f"{_PAIN_NOTE}",
        ),
        Rule(
            "enabled_again",
            Status.MODIFIED,
            "You turned this back on, so it starts again at the easiest level. "
            "Go gently and stop if it hurts.",
            f"your own choice (sicoach plan enable); {_PAIN_NOTE}",
        ),
        Rule(
            "dose_down",
            Status.MODIFIED,
            "Easier today: your pain went up from {before} to {after} on {date}, so we use the "
            "bottom of the guide's range until {until}.",
            f"{_PAIN_NOTE}; the {{days}}-day period is ours",
        ),
        Rule(
            "see_doctor_hold",
            Status.PLANNED,
            "Same as last time: we do not make anything harder until you have seen a doctor.",
            f"{_GUIDE} (when to talk to your doctor); {_SAFETY}",
        ),
        Rule(
            "sore_hold",
            Status.PLANNED,
            "Same as last time: it was a bit sore ({pain} out of 10). We make it harder only "
            "when it feels easy (0-3).",
            _PAIN_NOTE,
        ),
        Rule(
            "progress_reps",
            Status.PLANNED,
            "A small step up to {reps}: you did {before} comfortably in {sessions} sessions "
            "over {days} days. The guide's range is {range}.",
            f"{_GUIDE}; {_DOSE_NOTE} (about a week per dose); the week and 3 sessions are ours",
        ),
        Rule(
            "progress_level",
            Status.PLANNED,
            "Next step: {level_name}. You did the top of the guide's range comfortably "
            "for about a week.",
            f"{_GUIDE} (progression); {_DOSE_NOTE} (small steps)",
        ),
        Rule(
            "at_top",
            Status.PLANNED,
            "You are at the most this plan gives for this move. Keep it here.{cap}",
            _GUIDE,
        ),
        Rule(
            "keep",
            Status.PLANNED,
            "Same as last time: it felt comfortable. We make it a little harder after about "
            "a week of comfortable sessions.",
            f"{_DOSE_NOTE} (about a week per dose); {_OURS}",
        ),
        Rule(
            "review_gently",
            Status.MODIFIED,
            "Starting again at the easiest level: on {date} you were advised to carry on "
            "gently. It gets harder again step by step while it feels comfortable.",
            f"your clinician's advice; {_GUIDE}; NHS back-pain units (start low, then step up)",
        ),
        Rule(
            "first_time",
            Status.PLANNED,
            "Starting gently, at the bottom of the guide's range.",
            f"{_GUIDE}; {_DOSE_NOTE} (start at an amount that does not raise pain)",
        ),
        Rule(
            "pregnancy_variant",
            Status.MODIFIED,
            "Changed for pregnancy (week {week}): {text}",
            _PREG_NOTE,
        ),
        Rule(
            "pregnancy_short",
            Status.MODIFIED,
            "Kept short for pregnancy (week {week}): this move is done lying on your back, "
            "which can make you feel faint after the first three months. Do only {reps}, and "
            "roll onto your side to get up.",
            f"{_PREG_NOTE}; the shorter dose is ours",
        ),
        Rule(
            "pregnancy_variant_by_physio",
            Status.MODIFIED,
            "Your physio chose the pregnancy version for you: {text}",
            "your physio's choice",
        ),
        Rule(
            "pregnancy_short_by_physio",
            Status.MODIFIED,
            "Kept short: your physio chose the pregnancy forms, and this move is done lying on "
            "your back. Do only {reps}, and roll onto your side to get up.",
            "your physio's choice; the shorter dose is ours",
        ),
        Rule(
            "pregnancy_caution",
            Status.MODIFIED,
            "Take care in pregnancy: {text}",
            "pelvic girdle pain leaflet (Cambridge University Hospitals)",
        ),
    )
}
