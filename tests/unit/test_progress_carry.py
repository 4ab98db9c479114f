"""The progress pages' figures from the carried totals and a bounded window equal
`compute_progress` of the whole journal (hypothesis, random journals of more than a year,
carries built on random days, moved on, and pages asked up to half a year later)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.domain.aerobic import week_targets
from sicoach.domain.journal import ExerciseResult, Journal, Session
from sicoach.domain.journal_window import Firsts
from sicoach.domain.plan_carry import (
    PlanCarry,
    advance_carry,
    build_carry,
    carried_journal,
    carry_from_text,
    carry_to_text,
)
from sicoach.domain.progress import Progress, compute_progress
from sicoach.domain.progress_carry import (
    SHOWN_DAYS,
    SHOWN_WEEKS,
    progress_reads,
    windowed_progress,
)
from tests.unit.test_plan_carry import CATALOG, SPAN, _day, journals

NAMES = {e.id: e.name for e in CATALOG.exercises}
LABELS = {c.code: c.label for c in CATALOG.symptoms}
TARGET_WEEKS = 4


def shown(p: Progress) -> tuple[Any, ...]:
    """Every figure the progress page and the page at a glance show."""
    assert p.start is not None
    first = max(p.start, p.on - timedelta(days=SHOWN_DAYS - 1))

    def trend(t: Any) -> tuple[Any, ...]:
        return (tuple(d for d in t.days if d.date >= first), t.baseline_start, t.baseline_end)

    return (
        p.on,
        p.start,
        p.summaries,
        trend(p.pain),
        p.pain.change,
        trend(p.mobility),
        p.mobility.change,
        p.adherence,
        p.aerobic.weeks[-SHOWN_WEEKS:],
        p.aerobic.goal,
        p.aerobic.total_minutes,
        p.hurt,
        tuple((s.code, s.label, s.group, s.days, s.first, s.last) for s in p.symptoms),
        tuple(s.code for s in p.red_flags),
        p.function,
    )


def window_of(journal: Journal, carry: PlanCarry, on: date) -> Journal:
    """What the store reads for the page: every record of `progress_reads`, the profile,
    the activity ratings and the reviews."""
    cut = journal.sorted().up_to(on)
    spans = progress_reads(carry.firsts, carry.through, on)

    def kept(day: date) -> bool:
        return any(a <= day <= b for a, b in spans)

    return Journal(
        cut.profile,
        tuple(c for c in cut.checkins if kept(c.date)),
        tuple(s for s in cut.sessions if kept(s.date)),
        tuple(a for a in cut.activities if kept(a.date)),
        cut.function,
        cut.reviews,
    )


def _check(journal: Journal, carry: PlanCarry, on: date) -> None:
    assert carry.progress is not None
    whole = journal.up_to(on)
    read = window_of(journal, carry, on)
    item = CATALOG.aerobic
    every = week_targets(item, whole, on)
    carried = week_targets(item, read, on, carried=(carry.through, carry.week_target))
    monday = on - timedelta(days=on.weekday())
    recent = [monday - timedelta(weeks=back) for back in range(TARGET_WEEKS)]
    targets = {w: every[w] for w in recent if w in every}
    assert {w: carried[w] for w in recent if w in every} == targets
    expected = compute_progress(whole, on, NAMES, LABELS, weekly_goal=120, weekly_targets=targets)
    got = windowed_progress(read, carry.progress, carry.through, on, NAMES, LABELS, 120, targets)
    assert shown(got) == shown(expected)


@settings(max_examples=120, deadline=None)
@given(journals(), st.integers(100, SPAN), st.integers(0, 200))
def test_the_page_figures_from_the_carry_and_a_window_are_the_whole_journal_figures(
    journal: Journal, built_offset: int, later: int
) -> None:
    built = _day(built_offset)
    carry = carry_from_text(carry_to_text(build_carry(CATALOG, journal, built)))
    assert carry is not None  # as stored
    _check(journal, carry, built + timedelta(days=later))


@settings(max_examples=60, deadline=None)
@given(journals(), st.integers(100, SPAN - 30), st.integers(7, 60), st.integers(0, 60))
def test_the_totals_moved_on_with_the_carry_still_give_the_whole_journal_figures(
    journal: Journal, built_offset: int, moved: int, later: int
) -> None:
    built = _day(built_offset)
    carry = build_carry(CATALOG, journal, built)
    assert carry is not None
    today = built + timedelta(days=moved)
    ahead = advance_carry(CATALOG, carry, carried_journal(journal, carry, today), today)
    if ahead is None:
        return  # a review or a turn-on since: the writer rebuilds from the whole journal
    _check(journal, ahead, today + timedelta(days=later))


def test_the_page_reads_a_bounded_window_whatever_the_journal_age() -> None:
    on = date(2036, 6, 12)
    firsts = Firsts(start=date(2026, 6, 1), checkin=date(2026, 6, 3))
    spans = progress_reads(firsts, on - timedelta(days=90), on)
    assert spans[0][1] == on and (on - spans[0][0]).days <= 100
    assert spans[1:] == ((date(2026, 6, 1), date(2026, 6, 7)), (date(2026, 6, 3), date(2026, 6, 9)))


@st.composite
def faithful(draw: st.DrawFn) -> Journal:
    """A journal with a session on nearly every day: the current run reaches back past the
    carry's date (sparse journals never test the carried run)."""
    base = draw(journals())
    gaps = set(draw(st.lists(st.integers(0, SPAN), max_size=3)))
    session = Session(
        datetime.combine(_day(0), time(7)), exercises=(ExerciseResult("bridge", 0, 5),)
    )
    sessions = tuple(
        replace(session, started_at=datetime.combine(_day(d), time(7)))
        for d in range(SPAN + 1)
        if d not in gaps
    )
    return replace(base, sessions=sessions, reviews=())


@settings(max_examples=60, deadline=None)
@given(faithful(), st.integers(100, SPAN), st.integers(0, 120))
def test_a_run_of_sessions_that_began_before_the_carry_is_counted_whole(
    journal: Journal, built_offset: int, later: int
) -> None:
    built = _day(built_offset)
    carry = build_carry(CATALOG, journal, built)
    assert carry is not None
    _check(journal, carry, built + timedelta(days=later))


@settings(max_examples=60, deadline=None)
@given(journals(), st.integers(100, SPAN), st.integers(0, 150), st.integers(0, 365))
def test_a_range_asked_from_the_carry_and_its_window_is_the_whole_journal_range(
    journal: Journal, built_offset: int, later: int, back: int
) -> None:
    """The API's range (`shown_from` to `on`): the same days, weeks and totals as the whole
    journal's figures cut to the range, read from `progress_reads` with `shown_from`."""
    built = _day(built_offset)
    carry = build_carry(CATALOG, journal, built)
    assert carry is not None and carry.progress is not None
    on = built + timedelta(days=later)
    shown_from = on - timedelta(days=back)
    cut = journal.sorted().up_to(on)
    spans = progress_reads(carry.firsts, carry.through, on, shown_from)
    read = Journal(
        cut.profile,
        *(
            tuple(r for r in records if any(a <= r.date <= b for a, b in spans))
            for records in (cut.checkins, cut.sessions, cut.activities)
        ),
        cut.function,
        cut.reviews,
    )
    every = week_targets(CATALOG.aerobic, cut, on)
    monday = on - timedelta(days=on.weekday())
    recent = (monday - timedelta(weeks=back) for back in range(TARGET_WEEKS))
    targets = {w: every[w] for w in recent if w in every}
    whole = compute_progress(cut, on, NAMES, LABELS, weekly_goal=120, weekly_targets=targets)
    got = windowed_progress(
        read, carry.progress, carry.through, on, NAMES, LABELS, 120, targets, shown_from
    )
    week = shown_from - timedelta(days=shown_from.weekday())

    def ranged(p: Progress) -> tuple[Any, ...]:
        return (
            tuple(d for d in p.pain.days if d.date >= shown_from),
            tuple(d for d in p.mobility.days if d.date >= shown_from),
            tuple(w for w in p.aerobic.weeks if w.week_start >= week),
            p.summaries,
            p.pain.change,
            p.mobility.change,
            p.adherence,
            p.aerobic.total_minutes,
            p.hurt,
            tuple((s.code, s.days, s.first, s.last) for s in p.symptoms),
            p.function,
        )

    for mine, theirs in zip(ranged(got), ranged(whole), strict=True):
        assert mine == theirs, (mine, theirs)
