"""Today's routine: which exercises, at what level and dose, skipped or changed and why.

CONTRACT: `plan_day(catalog, journal, on)` -> `DayPlan`. The types are shared with the
session script, the pages and the CLI.

The rules are data: `RULES` holds, for every rule, its code, the status it gives, the reason
text shown to the person and the source it rests on. The functions below only decide which
rule applies to which exercise, in this order (the first that applies wins):

1. safety stop (urgent or emergency): nothing today;
2. left out by the person (or by their physio: `with_physio_choices` then says so and
   offers no way back but the physio)
3. a rest day (not one of the person's training days);
4. kept off: it hurt again when offered after hurting (until the person turns it back on);
5. hurt last time: skipped for a few days, then offered again at the easiest level;
6. see a doctor: only what has been comfortable lately, at the same dose;
7. next-day pain clearly up: the bottom of the guide's range for a few days;
8. a dose a physio set (inside the guide's range): that dose, not the app's own steps;
9. pain 4-5 last time: same dose;
10. about a week of comfortable sessions: one step up (reps, then the next level), never
   beyond what the guide gives, unless a physio holds the exercise's progression.

Pregnancy changes are laid on top: from week 14, moves done lying on the back use the
content pack's "pregnancy" variant or are kept short; moves with a pelvic girdle caution
carry it whenever the person is pregnant. Numbers the guide leaves open are in
`PlanDefaults` and are ours. Holds stay at the short end of the guide's range (knee to chest
2 of "2-3 seconds"): sessions record levels and repetitions, not holds, so only those climb.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sicoach.domain import safety as safety_rules
from sicoach.domain.aerobic import AerobicPlan, PhysioAerobic, plan_aerobic
from sicoach.domain.exercises import Catalog, Exercise
from sicoach.domain.journal import Journal, PlanChoices
from sicoach.domain.measures import WEEKDAY_NAMES, it_hurt, was_sore
from sicoach.domain.plan_carry import PlanCarry, done_since, gently_since
from sicoach.domain.plan_history import (
    Track,
    _bottom,
    _cap_text,
    _comfortable,
    _days_text,
    _Decision,
    _Done,
    _Dose,
    _fmt,
    _lowered_on,
    _next_step,
    _next_training_day,
    _range_text,
    _reps_range,
    _Rise,
    _rises,
    extend_track,
    lowered_days,
    performed_by_exercise,
)
from sicoach.domain.plan_items import apply_pregnancy, build_item, estimate_seconds
from sicoach.domain.plan_model import (
    DEFAULTS,
    RULES,
    Action,
    DayPlan,
    PhysioDose,
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
    "PhysioAerobic",
    "PhysioDose",
    "PlanDefaults",
    "PlannedExercise",
    "Rule",
    "Status",
    "estimate_seconds",
    "plan_day",
    "with_physio_choices",
]


# ---------------------------------------------------------------- the rules


def _decide(
    ex: Exercise,
    history: _History,
    on: date,
    choices: PlanChoices,
    assessment: Assessment,
    rises: list[_Rise],
    d: PlanDefaults,
    held: frozenset[str] = frozenset(),
    doses: Mapping[str, PhysioDose] | None = None,
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
    gently = history.gently
    track = history.track
    last = track.last

    if last is not None and it_hurt(last.result):
        before = track.before
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
        bad = [x for x in history.recent if x.on >= recent and not _comfortable(x.result)]
        if bad:
            return _Decision("see_doctor_not_comfortable", start, {"date": _fmt(bad[-1].on)})

    if last is not None and it_hurt(last.result):
        return _Decision(
            "offered_again", start, {"date": _fmt(last.on)}, caution=_offer_caution(ex)
        )
    if enabled is not None and last is None:
        return _Decision("enabled_again", start, {}, caution=_offer_caution(ex))

    current = track.last_ok or _bottom(ex)
    run = track.run

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
    # A physio's dose comes after "see a doctor" (rule 6): once the exercise has a history,
    # that triage keeps it at the dose that was comfortable, whatever was set earlier.
    physio_dose = doses.get(ex.id) if doses else None
    if physio_dose is not None and not (last is not None and assessment.level is Level.SEE_DOCTOR):
        set_dose = physio_dose
        return _Decision(
            "dose_by_physio",
            _Dose(current.level, set_dose.reps),
            {"dose": set_dose.words()},
            hold=set_dose.hold_seconds,
        )
    if last is None:
        return _Decision("first_time", start)
    if assessment.level is Level.SEE_DOCTOR:
        return _Decision("see_doctor_hold", current)
    if was_sore(last.result):
        return _Decision("sore_hold", current, {"pain": last.result.pain})

    days_at_dose = (on - run.first).days if run else 0
    if (
        run is not None
        and _comfortable(run.last.result)
        and days_at_dose >= d.progression_days
        and run.comfortable >= d.progression_sessions
    ):
        step = _next_step(ex, current)
        if step is None:
            return _Decision("at_top", current, {"cap": _cap_text(ex)})
        if ex.id in held:
            return _Decision("held_by_physio", current)
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
                "sessions": run.comfortable,
                "days": days_at_dose,
                "range": _range_text(_reps_range(ex)),
            },
        )
    if _next_step(ex, current) is None:
        return _Decision("at_top", current, {"cap": _cap_text(ex)})
    return _Decision("keep", current)


@dataclass(frozen=True)
class _History:
    """One exercise's past as the rules read it: results after `since` folded into `track`,
    and the recent ones (the last weeks) for the see-a-doctor rule."""

    track: Track
    recent: list[_Done]
    gently: date | None


def _histories(
    catalog: Catalog,
    journal: Journal,
    on: date,
    rises: list[_Rise],
    d: PlanDefaults,
    carry: PlanCarry | None,
) -> dict[str, _History]:
    choices = journal.profile.plan if journal.profile is not None else PlanChoices()
    gently = gently_since(journal, on)
    lowered = lowered_days(rises, d)
    recent_from = on - timedelta(days=d.see_doctor_lookback_days)
    out = {}
    performed = performed_by_exercise(journal)
    for ex in catalog.exercises:
        since = done_since(choices, ex.id, gently)
        done = [x for x in performed.get(ex.id, ()) if since is None or x.on > since]
        prior = carry.prior(ex.id, since) if carry is not None else Track()
        track = extend_track(ex, prior, done, lowered)
        out[ex.id] = _History(track, [x for x in done if x.on >= recent_from], gently)
    return out


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
    carry: PlanCarry | None = None,
    held: frozenset[str] = frozenset(),
    doses: Mapping[str, PhysioDose] | None = None,
    physio_aerobic: PhysioAerobic | None = None,
    pregnancy_forms: bool = False,
) -> DayPlan:
    """The routine for `on` from the journal as it stood that day; the exercises in `held`
    (a physio holds their progression) keep their dose where they would move up, and those
    in `doses` take the dose a physio set instead of the app's own steps (the rules that
    lower a dose for pain or a review still come first); `physio_aerobic` is a physio's weekly
    goal and shortest walk; `pregnancy_forms` (a physio's choice) uses the pregnancy
    versions whatever the profile says.

    `assessment` is the safety triage for `on`; when not given it is worked out with
    `sicoach.domain.safety.evaluate`. With a `carry` (the history before its date, folded),
    `journal` need only hold `plan_window(journal, carry.through, on)`: the same plan.
    """
    journal = journal.sorted().up_to(on)
    if assessment is None:
        assessment = safety_rules.evaluate(journal, on)
    if carry is not None and not carry.fits(catalog, journal, on):
        raise ValueError("this carry does not fit the journal; plan from the whole journal")
    profile = journal.profile
    choices = profile.plan if profile is not None else PlanChoices()
    week = profile.pregnancy.week_on(on) if profile and profile.pregnancy else None
    rises = _rises(journal, defaults)
    training_day = on.weekday() in choices.training_days
    histories = _histories(catalog, journal, on, rises, defaults, carry)

    items = []
    for ex in sorted(catalog.exercises, key=lambda e: e.order):
        decision = _decide(
            ex, histories[ex.id], on, choices, assessment, rises, defaults, held, doses
        )
        item = apply_pregnancy(ex, build_item(ex, decision), week, defaults, pregnancy_forms)
        items.append(item)

    stop = assessment.stops_exercise
    aerobic = plan_aerobic(
        catalog.aerobic,
        journal,
        on,
        stop=stop,
        stop_reason="No activity today either. " + _safety_lead(assessment) if stop else "",
        hold=assessment.level is Level.SEE_DOCTOR,
        carried=None if carry is None else (carry.through, carry.week_target),
        physio=physio_aerobic,
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


def with_physio_choices(plan: DayPlan, left_out_by_physio: frozenset[str]) -> DayPlan:
    """The plan with the exercises a physio left out said as theirs: the patient's own
    "bring it back" is not offered for them (only the physio brings them back)."""
    if not left_out_by_physio:
        return plan
    rule = RULES["left_out_by_physio"]
    exercises = tuple(
        replace(e, rule=rule.code, reason=rule.text, source=rule.source, action=None)
        if e.rule == "left_out" and e.id in left_out_by_physio
        else e
        for e in plan.exercises
    )
    return replace(plan, exercises=exercises)
