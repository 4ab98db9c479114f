"""What the plan reads from the record: past results of an exercise, next-day pain that
went up, and the doses the guide allows (the helpers of `sicoach.domain.plan`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sicoach.domain.exercises import Exercise, Range
from sicoach.domain.journal import ExerciseResult, Journal, PlanChoices
from sicoach.domain.measures import WEEKDAY_NAMES, it_hurt, was_sore
from sicoach.domain.plan_model import PlanDefaults


@dataclass(frozen=True)
class _Done:
    """One performed (not skipped) result of an exercise, with its session's date."""

    on: date
    result: ExerciseResult


def performed_by_exercise(journal: Journal) -> dict[str, list[_Done]]:
    """Every performed (not skipped) result, by exercise, in the journal's order: one pass
    over the sessions for all exercises (the plan reads each exercise's)."""
    out: dict[str, list[_Done]] = {}
    for s in journal.sessions:
        day = s.date
        for r in s.exercises:
            if not r.skipped:
                out.setdefault(r.id, []).append(_Done(day, r))
    return out


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
    hold: int | None = None
    """Seconds to hold when a physio set them (None: the short end of the guide's range)."""


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


# ---------------------------------------------------------------- one exercise's track


@dataclass(frozen=True)
class _Run:
    """The latest results at one dose with no hurt between them (counted ones only)."""

    dose: _Dose
    first: date
    last: _Done
    comfortable: int


@dataclass(frozen=True)
class Track:
    """All the plan needs from one exercise's whole history, folded result by result, so a
    history of any length is carried in a few fields (`sicoach.domain.plan_carry`)."""

    last: _Done | None = None
    before: _Done | None = None
    last_ok: _Dose | None = None
    run: _Run | None = None


def extend_track(ex: Exercise, track: Track, done: list[_Done], lowered: set[date]) -> Track:
    """`track` followed by `done` (in date order); results on a `lowered` day set no dose.

    The hot loop of every plan (each exercise's weeks since the carry): the run is kept in
    locals and made once at the end, and each distinct (level, reps) clamped once."""
    last, before, last_ok = track.last, track.before, track.last_ok
    run = track.run
    if run is not None:
        dose, first, latest, comfortable = run.dose, run.first, run.last, run.comfortable
    moved = False  # whether `run` no longer holds the locals
    doses: dict[tuple[int, int], _Dose] = {}
    for x in done:
        last, before = x, last
        if x.on in lowered:
            continue
        result = x.result
        if it_hurt(result):
            run, moved = None, False
            continue
        key = (result.level, result.reps)
        step = doses.get(key)
        if step is None:
            step = doses[key] = _clamp_dose(ex, result.level, result.reps)
        last_ok = step
        gain = 0 if was_sore(result) else 1  # it did not hurt (above): `_comfortable`
        if (run is not None or moved) and dose == step:
            latest, comfortable = x, comfortable + gain
        else:
            dose, first, latest, comfortable = step, x.on, x, gain
        moved = True
    if moved:
        run = _Run(dose, first, latest, comfortable)
    return Track(last, before, last_ok, run)


def lowered_days(rises: list[_Rise], d: PlanDefaults) -> set[date]:
    """The days whose results set no dose (a lowered period after next-day pain rose)."""
    return {r.on + timedelta(days=k) for r in rises for k in range(d.lowered_days)}
