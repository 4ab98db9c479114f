"""Today's routine: which exercises, at what level and dose, skipped or changed and why.

CONTRACT: `plan_day(catalog, journal, on)` -> `DayPlan`. The types are shared with the
session script, the pages and the CLI.

The rules are data: `RULES` holds, for every rule, its code, the status it gives, the reason
text shown to the person and the source it rests on. The functions below only decide which
rule applies to which exercise, in this order (the first that applies wins):

1. safety stop (urgent or emergency): nothing today;
2. left out by the person;
3. a rest day (not one of the person's training days);
4. kept off: it hurt again when offered after hurting (until the person turns it back on);
5. hurt last time: skipped for a few days, then offered again at the easiest level;
6. see a doctor: only what has been comfortable lately, at the same dose;
7. next-day pain clearly up: the bottom of the guide's range for a few days;
8. pain 4-5 last time: same dose;
9. about a week of comfortable sessions: one step up (reps, then the next level), never
   beyond what the guide gives.

Pregnancy changes are laid on top: from week 14, moves done lying on the back use the
content pack's "pregnancy" variant or are kept short; moves with a pelvic girdle caution
carry it whenever the person is pregnant. Numbers the guide leaves open are in
`PlanDefaults` and are ours. Holds stay at the short end of the guide's range (knee to chest
2 of "2-3 seconds"): sessions record levels and repetitions, not holds, so only those climb.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

from sicoach.domain import safety as safety_rules
from sicoach.domain.aerobic import AerobicPlan, plan_aerobic
from sicoach.domain.exercises import Catalog, Dosage, Exercise, Range
from sicoach.domain.journal import ExerciseResult, Journal, PlanChoices
from sicoach.domain.measures import WEEKDAY_NAMES, it_hurt, was_sore
from sicoach.domain.safety import Assessment, Level

__all__ = [
    "RULES",
    "AerobicPlan",
    "DayPlan",
    "PlanDefaults",
    "PlannedExercise",
    "Rule",
    "Status",
    "estimate_seconds",
    "plan_day",
]


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
            "pregnancy_caution",
            Status.MODIFIED,
            "Take care in pregnancy: {text}",
            "pelvic girdle pain leaflet (Cambridge University Hospitals)",
        ),
    )
}


# ---------------------------------------------------------------- history helpers


@dataclass(frozen=True)
class _Done:
    """One performed (not skipped) result of an exercise, with its session's date."""

    on: date
    result: ExerciseResult


def _performed(journal: Journal, exercise_id: str) -> list[_Done]:
    return [
        _Done(s.date, r)
        for s in journal.sessions
        for r in s.exercises
        if r.id == exercise_id and not r.skipped
    ]


def _comfortable(result: ExerciseResult) -> bool:
    """Pain 0-3 and not marked as hurting: the dose may go up (docs/clinical-notes.md §3)."""
    return not it_hurt(result) and not was_sore(result)


@dataclass(frozen=True)
class _Rise:
    before: int
    after: int
    on: date

    def until(self, d: PlanDefaults) -> date:
        return self.on + timedelta(days=d.lowered_days - 1)


def _rises(journal: Journal, d: PlanDefaults) -> list[_Rise]:
    """Every day whose pain is clearly above the day before's (both days checked in)."""
    pain = {c.date: c.pain for c in journal.checkins if c.pain is not None}
    found = []
    for day, value in sorted(pain.items()):
        before = pain.get(day - timedelta(days=1))
        if before is not None and value - before >= d.next_day_rise:
            found.append(_Rise(before, value, day))
    return found


def _lowered_on(rises: list[_Rise], day: date, d: PlanDefaults) -> _Rise | None:
    """The latest rise whose lowered period covers `day`, if any."""
    covering = [r for r in rises if r.on <= day <= r.until(d)]
    return covering[-1] if covering else None


# ---------------------------------------------------------------- dose helpers


@dataclass(frozen=True)
class _Dose:
    level: int
    reps: int | None


def _reps_range(ex: Exercise) -> Range | None:
    return ex.dosage.reps


def _bottom(ex: Exercise, level: int = 0) -> _Dose:
    rng = _reps_range(ex)
    return _Dose(level, rng.min if rng else None)


def _clamp_dose(ex: Exercise, level: int, reps: int) -> _Dose:
    lvl = min(max(level, 0), ex.max_level)
    rng = _reps_range(ex)
    if rng is None:
        return _Dose(lvl, None)
    return _Dose(lvl, min(max(reps, rng.min), rng.top))


def _next_step(ex: Exercise, dose: _Dose) -> _Dose | None:
    """One step up: one more repetition within the guide's range, else the next level."""
    rng = _reps_range(ex)
    if rng is not None and dose.reps is not None and dose.reps < rng.top:
        return _Dose(dose.level, dose.reps + 1)
    if ex.progression(dose.level + 1) is not None:
        return _bottom(ex, dose.level + 1)
    return None


def _range_text(rng: Range | None) -> str:
    if rng is None:
        return "not given"
    if rng.max is None:
        return f"{rng.min} or more"
    return f"{rng.min}-{rng.max}" if rng.max != rng.min else str(rng.min)


def _cap_text(ex: Exercise) -> str:
    rng = _reps_range(ex)
    if rng is not None and rng.max is None:
        return (
            f" The guide says {rng.min} or more; stopping at {rng.min} "
            f"{'before the next level ' if ex.max_level else ''}is our own limit."
        )
    return ""


@dataclass(frozen=True)
class _Decision:
    """What the rules decided for one exercise before pregnancy changes."""

    rule: str
    dose: _Dose
    values: dict[str, object] = field(default_factory=dict)
    caution: str | None = None


def _fmt(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.isoformat()}"


def _next_training_day(start: date, choices: PlanChoices) -> date:
    days = set(choices.training_days) or set(range(7))
    for k in range(7):
        candidate = start + timedelta(days=k)
        if candidate.weekday() in days:
            return candidate
    return start


def _days_text(choices: PlanChoices) -> str:
    return ", ".join(WEEKDAY_NAMES[i] for i in sorted(choices.training_days))


# ---------------------------------------------------------------- the rules


def _decide(
    ex: Exercise,
    journal: Journal,
    on: date,
    choices: PlanChoices,
    assessment: Assessment,
    rises: list[_Rise],
    d: PlanDefaults,
) -> _Decision:
    start = _bottom(ex)
    if assessment.stops_exercise:
        return _Decision("safety_stop", start, {"why": _safety_lead(assessment)})
    if ex.id in choices.left_out:
        return _Decision("left_out", start, {"id": ex.id})
    if on.weekday() not in choices.training_days:
        nxt = _next_training_day(on + timedelta(days=1), choices)
        return _Decision(
            "rest_day", start, {"days": _days_text(choices), "next_day": _fmt(nxt).split()[0]}
        )

    enabled = choices.enabled_since(ex.id)
    gently = _gently_since(journal, on)
    done = [
        x
        for x in _performed(journal, ex.id)
        if (enabled is None or x.on > enabled) and (gently is None or x.on > gently)
    ]
    last = done[-1] if done else None

    if last is not None and it_hurt(last.result):
        before = done[-2] if len(done) >= 2 else None
        if before is not None and it_hurt(before.result):
            return _Decision("hurt_twice", start, {"date": _fmt(last.on), "id": ex.id})
        again = last.on + timedelta(days=d.hurt_pause_days)
        if on < again:
            offer = _next_training_day(again, choices)
            return _Decision(
                "hurt_last_time",
                start,
                {"weekday": WEEKDAY_NAMES[offer.weekday()], "pause": d.hurt_pause_days},
            )

    if assessment.level is Level.SEE_DOCTOR:
        recent = on - timedelta(days=d.see_doctor_lookback_days)
        bad = [x for x in done if x.on >= recent and not _comfortable(x.result)]
        if bad:
            return _Decision("see_doctor_not_comfortable", start, {"date": _fmt(bad[-1].on)})

    if last is not None and it_hurt(last.result):
        return _Decision(
            "offered_again", start, {"date": _fmt(last.on)}, caution=_offer_caution(ex)
        )
    if enabled is not None and last is None:
        return _Decision("enabled_again", start, {}, caution=_offer_caution(ex))

    current, run = _current_dose(ex, done, rises, d)

    rise = _lowered_on(rises, on, d)
    if rise is not None:
        return _Decision(
            "dose_down",
            _bottom(ex, current.level),
            {
                "before": rise.before,
                "after": rise.after,
                "date": _fmt(rise.on),
                "until": _fmt(rise.until(d)),
                "days": d.lowered_days,
            },
        )
    if last is None and gently is not None:
        return _Decision("review_gently", start, {"date": _fmt(gently)})
    if last is None:
        return _Decision("first_time", start)
    if assessment.level is Level.SEE_DOCTOR:
        return _Decision("see_doctor_hold", current)
    if was_sore(last.result):
        return _Decision("sore_hold", current, {"pain": last.result.pain})

    comfortable = [x for x in run if _comfortable(x.result)]
    days_at_dose = (on - run[0].on).days if run else 0
    if (
        run
        and _comfortable(run[-1].result)
        and days_at_dose >= d.progression_days
        and len(comfortable) >= d.progression_sessions
    ):
        step = _next_step(ex, current)
        if step is None:
            return _Decision("at_top", current, {"cap": _cap_text(ex)})
        if step.level != current.level:
            prog = ex.progression(step.level)
            name = prog.name if prog else f"level {step.level}"
            return _Decision("progress_level", step, {"level_name": name})
        return _Decision(
            "progress_reps",
            step,
            {
                "reps": step.reps,
                "before": current.reps,
                "sessions": len(comfortable),
                "days": days_at_dose,
                "range": _range_text(_reps_range(ex)),
            },
        )
    if _next_step(ex, current) is None:
        return _Decision("at_top", current, {"cap": _cap_text(ex)})
    return _Decision("keep", current)


def _gently_since(journal: Journal, on: date) -> date | None:
    """The date of the review in force when it advised "carry on gently": sessions up to it
    no longer set the dose, so the routine starts again at the easiest level."""
    review = journal.review_on(on)
    return review.date if review is not None and review.advice == "gently" else None


def _current_dose(
    ex: Exercise, done: list[_Done], rises: list[_Rise], d: PlanDefaults
) -> tuple[_Dose, list[_Done]]:
    """The dose last done without hurting (sessions in a lowered period do not count),
    and the run of latest sessions at that dose."""
    lowered = {r.on + timedelta(days=k) for r in rises for k in range(d.lowered_days)}
    counted = [x for x in done if x.on not in lowered]
    ok = [x for x in counted if not it_hurt(x.result)]
    if not ok:
        return _bottom(ex), []
    last = ok[-1]
    current = _clamp_dose(ex, last.result.level, last.result.reps)
    run: list[_Done] = []
    for x in reversed(counted):
        if it_hurt(x.result):
            break
        if _clamp_dose(ex, x.result.level, x.result.reps) != current:
            break
        run.append(x)
    run.reverse()
    return current, run


def _offer_caution(ex: Exercise) -> str:
    return (
        f"This hurt before. Move slowly, stay in a pain-free range, and stop {ex.name.lower()} "
        "at once if it hurts."
    )


def _safety_lead(assessment: Assessment) -> str:
    """The one action, without the reasons (those are listed with the safety result)."""
    if assessment.clinician_stop and assessment.level < Level.URGENT:
        return "Your doctor, physio or midwife advised you to stop until they say otherwise."
    if assessment.level is Level.EMERGENCY:
        return "Warning signs in your record need emergency care now."
    return "Warning signs in your record need a doctor today, before you exercise again."


def _safety_why(assessment: Assessment) -> str:
    top = [r.message for r in assessment.reasons if r.level is assessment.level]
    return " ".join([_safety_lead(assessment), *top]).strip()


# ---------------------------------------------------------------- building the plan


def _build(ex: Exercise, decision: _Decision) -> PlannedExercise:
    rule = RULES[decision.rule]
    dosage = ex.dosage
    dose = decision.dose
    reps = dose.reps if dose.reps is not None else 1
    level_name = ""
    prog = ex.progression(dose.level)
    if prog is not None:
        level_name = prog.name
    values = {"id": ex.id, **decision.values}
    return PlannedExercise(
        id=ex.id,
        name=ex.name,
        level=dose.level,
        hold_seconds=dosage.hold_seconds.min if dosage.hold_seconds else None,
        reps=reps,
        per_side=dosage.per_side,
        alternating=dosage.alternating,
        status=rule.status,
        reason=rule.text.format(**values),
        position=ex.position,
        steps=_steps_for_level(ex, dose.level),
        cautions=tuple(ex.cautions) + ((decision.caution,) if decision.caution else ()),
        source=rule.source.format(**values),
        rule=rule.code,
        action=rule.action,
        level_name=level_name,
        move_seconds=dosage.move_seconds,
        rest_seconds=dosage.rest_seconds,
    )


def _steps_for_level(ex: Exercise, level: int) -> tuple[str, ...]:
    prog = ex.progression(level)
    if level > 0 and prog is not None and prog.steps:
        return prog.steps
    return ex.steps


def _apply_pregnancy(
    ex: Exercise, item: PlannedExercise, week: int | None, d: PlanDefaults
) -> PlannedExercise:
    """Lay the pregnancy changes over a planned (not skipped) exercise."""
    if week is None or item.status is Status.SKIPPED:
        return item
    if week >= d.pregnancy_week and ex.lies_on_back:
        variant = ex.variant("pregnancy")
        if variant is not None:
            rule = RULES["pregnancy_variant"]
            dosage: Dosage = variant.dosage or ex.dosage
            reps = item.reps
            if dosage.reps is not None:
                reps = min(max(reps, dosage.reps.min), dosage.reps.top)
            hold = dosage.hold_seconds.min if dosage.hold_seconds else None
            item = replace(
                item,
                status=Status.MODIFIED,
                variant=variant.key,
                position=variant.position,
                steps=variant.steps,
                reps=reps,
                hold_seconds=hold,
                per_side=dosage.per_side,
                alternating=dosage.alternating,
                move_seconds=dosage.move_seconds,
                rest_seconds=dosage.rest_seconds,
                reason=f"{item.reason} {rule.text.format(week=week, text=variant.reason)}",
                source=f"{item.source}; {variant.source or rule.source}",
                rule=f"{item.rule}+{rule.code}",
            )
        else:
            rule = RULES["pregnancy_short"]
            rng = _reps_range(ex)
            short = max(1, math.ceil((rng.min if rng else item.reps) / 2))
            reps = min(item.reps, short)
            count = f"{reps} repetition{'s' if reps != 1 else ''}"
            if item.per_side:
                count += " on each side"
            item = replace(
                item,
                status=Status.MODIFIED,
                reps=reps,
                reason=f"{item.reason} {rule.text.format(week=week, reps=count)}",
                source=f"{item.source}; {rule.source}",
                rule=f"{item.rule}+{rule.code}",
                cautions=(*item.cautions, "Roll onto your side to get up."),
            )
    if ex.pregnancy_caution:
        rule = RULES["pregnancy_caution"]
        item = replace(
            item,
            status=Status.MODIFIED,
            reason=f"{item.reason} {rule.text.format(text=ex.pregnancy_caution)}",
            source=f"{item.source}; {rule.source}",
            rule=f"{item.rule}+{rule.code}",
            cautions=(*item.cautions, ex.pregnancy_caution),
        )
    return item


def estimate_seconds(item: PlannedExercise, catalog: Catalog | None = None) -> int:
    """Seconds one planned exercise takes, as the session script times it (0 when skipped).

    The timing lives once, in `sicoach.domain.script.script_seconds`, so the estimate and the
    guided session always agree. The pacing (move and rest seconds) comes from today's
    variant when it has its own dose, else from the exercise (or the plan item's copy).
    """
    from sicoach.domain.script import script_seconds  # script imports this module

    dosage = Dosage(
        hold_seconds=None,
        reps=None,
        per_side=item.per_side,
        move_seconds=item.move_seconds,
        rest_seconds=item.rest_seconds,
    )
    if catalog is not None and catalog.has_exercise(item.id):
        ex = catalog.exercise(item.id)
        variant = ex.variant(item.variant) if item.variant else None
        dosage = variant.dosage if variant is not None and variant.dosage else ex.dosage
    return script_seconds(item, dosage)


def _day_message(assessment: Assessment, training_day: bool, choices: PlanChoices, on: date) -> str:
    if assessment.stops_exercise:
        return "Stop: no exercises or activity today. " + _safety_why(assessment)
    parts = []
    if assessment.level is Level.SEE_DOCTOR:
        parts.append(
            "Book an appointment with a doctor. Until then keep to the moves that feel "
            "comfortable; nothing gets harder."
        )
    if not training_day:
        nxt = _next_training_day(on + timedelta(days=1), choices)
        parts.append(
            f"Rest day: no exercises planned. Your next training day is "
            f"{WEEKDAY_NAMES[nxt.weekday()]}. A gentle walk still helps."
        )
    return " ".join(parts)


def plan_day(
    catalog: Catalog,
    journal: Journal,
    on: date,
    assessment: Assessment | None = None,
    defaults: PlanDefaults = DEFAULTS,
) -> DayPlan:
    """The routine for `on` from the journal as it stood that day.

    `assessment` is the safety triage for `on`; when not given it is worked out with
    `sicoach.domain.safety.evaluate`.
    """
    journal = journal.sorted().up_to(on)
    if assessment is None:
        assessment = safety_rules.evaluate(journal, on)
    profile = journal.profile
    choices = profile.plan if profile is not None else PlanChoices()
    week = profile.pregnancy.week_on(on) if profile and profile.pregnancy else None
    rises = _rises(journal, defaults)
    training_day = on.weekday() in choices.training_days

    items = []
    for ex in sorted(catalog.exercises, key=lambda e: e.order):
        decision = _decide(ex, journal, on, choices, assessment, rises, defaults)
        item = _apply_pregnancy(ex, _build(ex, decision), week, defaults)
        items.append(item)

    stop = assessment.stops_exercise
    aerobic = plan_aerobic(
        catalog.aerobic,
        journal,
        on,
        stop=stop,
        stop_reason="No activity today either. " + _safety_lead(assessment) if stop else "",
        hold=assessment.level is Level.SEE_DOCTOR,
    )
    seconds = sum(estimate_seconds(i, catalog) for i in items)
    return DayPlan(
        date=on,
        safety=assessment,
        exercises=tuple(items),
        aerobic=aerobic,
        estimated_minutes=math.ceil(seconds / 60),
        training_day=training_day,
        message=_day_message(assessment, training_day, choices, on),
    )
