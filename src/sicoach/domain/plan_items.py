"""Each planned exercise built from the rule that applies to it, and how long it takes.

`sicoach.domain.plan` decides which rule applies (`_Decision`); here that decision becomes a
`PlannedExercise` (dose, steps, reason and source), the pregnancy changes are laid on top,
and `estimate_seconds` times it as the session script does.
"""

from __future__ import annotations

import math
from dataclasses import replace

from sicoach.domain.exercises import Catalog, Dosage, Exercise
from sicoach.domain.plan_history import _Decision, _reps_range
from sicoach.domain.plan_model import RULES, PlanDefaults, PlannedExercise, Status
from sicoach.domain.script import script_seconds


def build_item(ex: Exercise, decision: _Decision) -> PlannedExercise:
    """The planned exercise a rule's decision gives: its dose, steps, reason and source."""
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
        hold_seconds=_hold(dosage, decision),
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


def _hold(dosage: Dosage, decision: _Decision) -> int | None:
    """The physio's hold when they set one, else the short end of the guide's range."""
    if dosage.hold_seconds is None:
        return None
    return decision.hold if decision.hold is not None else dosage.hold_seconds.min


def _steps_for_level(ex: Exercise, level: int) -> tuple[str, ...]:
    prog = ex.progression(level)
    if level > 0 and prog is not None and prog.steps:
        return prog.steps
    return ex.steps


def apply_pregnancy(
    ex: Exercise,
    item: PlannedExercise,
    week: int | None,
    d: PlanDefaults,
    by_physio: bool = False,
) -> PlannedExercise:
    """Lay the pregnancy changes over a planned (not skipped) exercise: from the person's
    own pregnancy week, or whenever their physio chose the pregnancy forms (`by_physio`)."""
    if (week is None and not by_physio) or item.status is Status.SKIPPED:
        return item
    own = week is not None and week >= d.pregnancy_week
    if (own or by_physio) and ex.lies_on_back:
        variant = ex.variant("pregnancy")
        if variant is not None:
            rule = RULES["pregnancy_variant" if own else "pregnancy_variant_by_physio"]
            dosage: Dosage = variant.dosage or ex.dosage
            reps = item.reps
            if dosage.reps is not None:
                reps = min(max(reps, dosage.reps.min), dosage.reps.top)
            hold = dosage.hold_seconds.min if dosage.hold_seconds else None
            item = replace(
                item,
                status=Status.MODIFIED,
                variant=variant.key,
                name=variant.name or item.name,
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
            rule = RULES["pregnancy_short" if own else "pregnancy_short_by_physio"]
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
