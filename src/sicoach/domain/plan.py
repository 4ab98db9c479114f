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
from datetime import date, timedelta

from sicoach.domain import safety as safety_rules
from sicoach.domain.aerobic import AerobicPlan, plan_aerobic
from sicoach.domain.exercises import Catalog, Exercise
from sicoach.domain.journal import Journal, PlanChoices
from sicoach.domain.measures import WEEKDAY_NAMES, it_hurt, was_sore
from sicoach.domain.plan_history import (
    _bottom,
    _cap_text,
    _clamp_dose,
    _comfortable,
    _days_text,
    _Decision,
    _Done,
    _Dose,
    _fmt,
    _lowered_on,
    _next_step,
    _next_training_day,
    _performed,
    _range_text,
    _reps_range,
    _Rise,
    _rises,
)
from sicoach.domain.plan_items import apply_pregnancy, build_item, estimate_seconds
from sicoach.domain.plan_model import (
    DEFAULTS,
    RULES,
    Action,
    DayPlan,
    PlanDefaults,
    PlannedExercise,
    Rule,
    Status,
)
from sicoach.domain.safety import Assessment, Level

__all__ = [
    "DEFAULTS",
    "RULES",
    "Action",
    "AerobicPlan",
    "DayPlan",
    "PlanDefaults",
    "PlannedExercise",
    "Rule",
    "Status",
    "estimate_seconds",
    "plan_day",
]


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
        item = apply_pregnancy(ex, build_item(ex, decision), week, defaults)
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
