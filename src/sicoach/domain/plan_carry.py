"""The plan's history before a date, folded, so today's plan reads a bounded window.

Today's plan looks at each exercise's whole past (its last two results, the dose last done
without hurting and how long it has been done comfortably) and at the walking target grown
week by week from the start. `PlanCarry` holds exactly that for the records before
`through` (a Monday some weeks back): one `Track` per exercise and the week's target there.
`plan_day(..., carry=carry)` on `plan_window(journal, carry.through, on)` then gives the
plan the whole journal gives (a property test, tests/unit/test_plan_carry.py, checks it).

The carry is stored in the person's derived-state row and rebuilt in the writing
transaction whenever a write reaches before `through`, or changes what it was built with
(the profile, a review); `fits` refuses it otherwise, and the caller plans from the whole
journal.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sicoach.domain.aerobic import week_start, week_target
from sicoach.domain.exercises import Catalog
from sicoach.domain.journal import ExerciseResult, Journal, PlanChoices
from sicoach.domain.journal_window import WINDOW_DAYS, Firsts, carries_warning_sign, firsts_of
from sicoach.domain.plan_history import (
    Track,
    _Done,
    _Dose,
    _rises,
    _Run,
    extend_track,
    lowered_days,
    performed_by_exercise,
)
from sicoach.domain.plan_model import DEFAULTS, PlanDefaults
from sicoach.domain.progress_carry import (
    ProgressTotals,
    fold_totals,
    totals_from_json,
    totals_to_json,
)

CARRY_LAG_DAYS = 35
"""`through` is the Monday at least this many days before the day the carry is built."""
MIN_WINDOW_DAYS = 28
"""A carry serves days at least this long after `through` (the rules look back 14 days)."""
MAX_WINDOW_DAYS = 90
"""After this long the window has grown too wide: the next write builds a newer carry."""
LEAD_DAYS = 7
"""Check-ins and activities are read from this long before `through` (next-day rises and
last week's pain and minutes)."""


def gently_since(journal: Journal, on: date) -> date | None:
    """The date of the review in force when it advised "carry on gently": sessions up to it
    no longer set the dose, so the routine starts again at the easiest level."""
    review = journal.review_on(on)
    return review.date if review is not None and review.advice == "gently" else None


def done_since(choices: PlanChoices, exercise_id: str, gently: date | None) -> date | None:
    """Results of an exercise on or before this date no longer count (turned back on, or a
    review advised carrying on gently)."""
    days = [d for d in (choices.enabled_since(exercise_id), gently) if d is not None]
    return max(days, default=None)


@dataclass(frozen=True)
class PlanCarry:
    """What the plan needs of the records before `through`, built with `since` per exercise."""

    through: date
    started_on: date
    week_target: int
    catalog: str
    since: dict[str, date | None] = field(default_factory=dict)
    tracks: dict[str, Track] = field(default_factory=dict)
    firsts: Firsts = field(default_factory=Firsts)
    """The first day of each kind of record (the safety rules' first-week baselines)."""
    earlier: tuple[date, ...] = ()
    """The days before `through` whose check-in the safety rules may read: those with a
    warning sign, and the last one."""
    progress: ProgressTotals | None = None
    """The progress page's totals of the records before `through`
    (`sicoach.domain.progress_carry`): carried here, so they are kept with the plan's."""

    def reads(self, on: date) -> tuple[tuple[date, date], ...]:
        """The day ranges (both ends included) whose every record the plan and the safety
        triage of `on` read; with the `earlier` check-ins, nothing else is read."""
        lo = min(self.through - timedelta(days=LEAD_DAYS), on - timedelta(days=WINDOW_DAYS))
        return ((lo, on), *self.firsts.spans(on)[1:])

    def fits(self, catalog: Catalog, journal: Journal, on: date) -> bool:
        """Whether the plan of `on` may start from this carry (else: the whole journal)."""
        profile = journal.profile
        if profile is None or profile.started_on != self.started_on:
            return False
        if catalog_key(catalog) != self.catalog:
            return False
        if on < self.through + timedelta(days=MIN_WINDOW_DAYS):
            return False
        gently = gently_since(journal, on)
        for exercise_id, built in self.since.items():
            since = done_since(profile.plan, exercise_id, gently)
            if since != built and (since is None or since < self.through - timedelta(days=1)):
                return False
        return True

    def prior(self, exercise_id: str, since: date | None) -> Track:
        """The exercise's track before `through` (none when `since` is inside the window)."""
        if since != self.since.get(exercise_id) or exercise_id not in self.tracks:
            return Track()
        return self.tracks[exercise_id]


_KEYS: dict[int, tuple[Catalog, str]] = {}


def catalog_key(catalog: Catalog) -> str:
    """What of the exercises a track depends on (ids, levels, repetition ranges)."""
    known = _KEYS.get(id(catalog))
    if known is not None and known[0] is catalog:
        return known[1]
    parts = sorted(f"{e.id}:{e.max_level}:{e.dosage.reps}" for e in catalog.exercises)
    key = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
    if len(_KEYS) > 8:
        _KEYS.clear()
    _KEYS[id(catalog)] = (catalog, key)
    return key


def carry_through(today: date) -> date:
    """The Monday a carry built on `today` folds the records before."""
    return week_start(today - timedelta(days=CARRY_LAG_DAYS))


def _checkins_to_carry(before: Journal) -> list[date]:
    """The days of the check-ins a carry keeps: each with a warning sign, and the last one."""
    latest = before.checkins[-1:]
    return sorted(
        {c.date for c in before.checkins if carries_warning_sign(c)} | {c.date for c in latest}
    )


def build_carry(
    catalog: Catalog, journal: Journal, today: date, defaults: PlanDefaults = DEFAULTS
) -> PlanCarry | None:
    """The carry of the whole `journal` built on `today`; None when the journal is too
    young to need one (it then is its own window) or has no profile yet."""
    profile = journal.profile
    through = carry_through(today)
    if profile is None or profile.started_on >= through:
        return None
    before = journal.sorted().up_to(through - timedelta(days=1))
    gently = gently_since(journal, today)
    lowered = lowered_days(_rises(before, defaults), defaults)
    since: dict[str, date | None] = {}
    tracks: dict[str, Track] = {}
    performed = performed_by_exercise(before)
    for ex in catalog.exercises:
        cut = since[ex.id] = done_since(profile.plan, ex.id, gently)
        done = [x for x in performed.get(ex.id, ()) if cut is None or x.on > cut]
        tracks[ex.id] = extend_track(ex, Track(), done, lowered)
    target = week_target(catalog.aerobic, before, through).minutes
    earlier = _checkins_to_carry(before)
    return PlanCarry(
        through,
        profile.started_on,
        target,
        catalog_key(catalog),
        since,
        tracks,
        firsts_of(before),
        tuple(earlier),
        fold_totals(None, before, profile.started_on, None, through),
    )


def advance_carry(
    catalog: Catalog,
    carry: PlanCarry,
    read: Journal,
    today: date,
    defaults: PlanDefaults = DEFAULTS,
) -> PlanCarry | None:
    """The carry `build_carry` would give on `today`, from an older `carry` and what the
    store reads beside it for `today` (`carried_journal(journal, carry, today)`): the weeks
    between the two dates folded onto it, without the whole journal. The same carry when it
    is already current; None when it does not fit `today` (rebuild from the whole journal).
    A property test (tests/unit/test_plan_carry.py) checks it equals `build_carry`."""
    through = carry_through(today)
    if through <= carry.through:
        return carry
    if not carry.fits(catalog, read, today):
        return None
    profile = read.profile
    assert profile is not None  # `fits` refuses a journal without one
    before = read.sorted().up_to(through - timedelta(days=1))
    weeks = plan_window(before, carry.through, through - timedelta(days=1))
    gently = gently_since(read, today)
    lowered = lowered_days(_rises(weeks, defaults), defaults)
    performed = performed_by_exercise(weeks)
    since: dict[str, date | None] = {}
    tracks: dict[str, Track] = {}
    for ex in catalog.exercises:
        cut = since[ex.id] = done_since(profile.plan, ex.id, gently)
        done = [x for x in performed.get(ex.id, ()) if cut is None or x.on > cut]
        tracks[ex.id] = extend_track(ex, carry.prior(ex.id, cut), done, lowered)
    walked = (carry.through, carry.week_target)
    target = week_target(catalog.aerobic, weeks, through, carried=walked).minutes
    # `before` holds every earlier warning-sign check-in and the last one (the old carry's
    # `earlier` and the weeks since), and each first week: its firsts are the journal's.
    earlier = _checkins_to_carry(before)
    totals = fold_totals(carry.progress, before, carry.started_on, carry.through, through)
    if carry.progress is None or totals is None:
        return None  # counted with other training days: rebuild from the whole journal
    return PlanCarry(
        through,
        carry.started_on,
        target,
        carry.catalog,
        since,
        tracks,
        firsts_of(before),
        tuple(earlier),
        totals,
    )


def carried_journal(journal: Journal, carry: PlanCarry, on: date) -> Journal:
    """The records of `journal` the store reads for `on` beside `carry` (`PlanCarry.reads`):
    enough for `plan_window` and for `safety_window` (the same triage as the whole)."""
    cut = journal.sorted().up_to(on)
    spans = carry.reads(on)
    earlier = set(carry.earlier)

    def kept(day: date) -> bool:
        return any(a <= day <= b for a, b in spans)

    return Journal(
        profile=cut.profile,
        checkins=tuple(c for c in cut.checkins if kept(c.date) or c.date in earlier),
        sessions=tuple(s for s in cut.sessions if kept(s.date)),
        activities=tuple(a for a in cut.activities if kept(a.date)),
        function=cut.function,
        reviews=cut.reviews,
    )


def plan_window(journal: Journal, through: date, on: date) -> Journal:
    """The records a plan of `on` with a carry through `through` reads (sorted)."""
    cut = journal.sorted().up_to(on)
    lead = through - timedelta(days=LEAD_DAYS)
    return Journal(
        profile=cut.profile,
        checkins=tuple(c for c in cut.checkins if c.date >= lead),
        sessions=tuple(s for s in cut.sessions if s.date >= through),
        activities=tuple(a for a in cut.activities if a.date >= lead),
        function=(),
        reviews=cut.reviews,
    )


# ---------------------------------------------------------------- stored as JSON text


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _undate(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _done_out(x: _Done | None) -> list[Any] | None:
    if x is None:
        return None
    r = x.result
    return [x.on.isoformat(), r.id, r.level, r.reps, r.hurt, r.pain, r.skipped]


def _done_in(v: Any) -> _Done | None:
    if v is None:
        return None
    on, ex, level, reps, hurt, pain, skipped = v
    return _Done(date.fromisoformat(on), ExerciseResult(ex, level, reps, hurt, pain, skipped))


def _track_out(t: Track) -> dict[str, Any]:
    run = t.run
    return {
        "last": _done_out(t.last),
        "before": _done_out(t.before),
        "last_ok": None if t.last_ok is None else [t.last_ok.level, t.last_ok.reps],
        "run": None
        if run is None
        else [
            run.dose.level,
            run.dose.reps,
            run.first.isoformat(),
            _done_out(run.last),
            run.comfortable,
        ],
    }


def _track_in(v: dict[str, Any]) -> Track:
    ok, run = v["last_ok"], v["run"]
    last_run = None
    if run is not None:
        level, reps, first, last, comfortable = run
        done = _done_in(last)
        assert done is not None
        last_run = _Run(_Dose(level, reps), date.fromisoformat(first), done, comfortable)
    return Track(
        _done_in(v["last"]),
        _done_in(v["before"]),
        None if ok is None else _Dose(ok[0], ok[1]),
        last_run,
    )


CARRY_FORMAT = 3
"""3: with the progress totals (an older carry is rebuilt on the next write)."""


def carry_to_text(carry: PlanCarry) -> str:
    return json.dumps(
        {
            "format": CARRY_FORMAT,
            "through": carry.through.isoformat(),
            "started_on": carry.started_on.isoformat(),
            "week_target": carry.week_target,
            "catalog": carry.catalog,
            "since": {k: _day(v) for k, v in carry.since.items()},
            "tracks": {k: _track_out(v) for k, v in carry.tracks.items()},
            "firsts": {f.name: _day(getattr(carry.firsts, f.name)) for f in fields(Firsts)},
            "earlier": [d.isoformat() for d in carry.earlier],
            "progress": None if carry.progress is None else totals_to_json(carry.progress),
        },
        separators=(",", ":"),
    )


def carry_from_text(text: str | None) -> PlanCarry | None:
    """The stored carry; None when there is none or it is of another format."""
    return _parsed(text) if text else None


@lru_cache(maxsize=16)
def _parsed(text: str) -> PlanCarry | None:
    """The carry of `text`, parsed once: a write of today leaves the text as it is, so the
    write's hook and the next page read the same text again (a carry is never changed in
    place, only replaced)."""
    v = json.loads(text)
    if v.get("format") != CARRY_FORMAT:
        return None
    return PlanCarry(
        through=date.fromisoformat(v["through"]),
        started_on=date.fromisoformat(v["started_on"]),
        week_target=int(v["week_target"]),
        catalog=str(v["catalog"]),
        since={k: _undate(d) for k, d in v["since"].items()},
        tracks={k: _track_in(t) for k, t in v["tracks"].items()},
        firsts=Firsts(**{k: _undate(d) for k, d in v["firsts"].items()}),
        earlier=tuple(date.fromisoformat(d) for d in v["earlier"]),
        progress=None if v.get("progress") is None else totals_from_json(v["progress"]),
    )
