"""The derived-state row the services keep with every write equals a fresh evaluation of
the whole journal, after random sequences of writes spread over weeks (hypothesis), on
SQLite and PostgreSQL; `sicoach people refresh` rebuilds the same row."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sicoach.domain.clock import FixedClock
from sicoach.services import journal, reviews
from sicoach.services.commands import FinishSession, RecordExercise, StartSession
from sicoach.services.context import Context
from sicoach.services.handlers import execute
from sicoach.services.person_state import fresh_summary, refresh_everyone, stored_summary
from sicoach.settings import Settings
from tests.integration.conftest import PostgresServer

START = datetime(2026, 3, 2, 8, 0)
SIGNS = [
    "saddle_numbness",
    "fever",
    "night_pain",
    "calf_swelling",
    "pain_buttocks",
    "fall_or_knock",
]
ratings = st.one_of(st.none(), st.integers(0, 10))
checkin = st.tuples(
    st.just("checkin"), ratings, st.lists(st.sampled_from(SIGNS), max_size=2, unique=True)
)
activity = st.tuples(st.just("activity"), st.integers(5, 60), st.integers(0, 3))
session = st.tuples(st.just("session"), ratings, st.booleans())
review = st.tuples(st.just("review"), st.sampled_from(["carry_on", "gently", "stop"]), st.just(0))
days_off = st.tuples(st.just("days"), st.integers(1, 9), st.just(0))
training = st.tuples(st.just("training"), st.sets(st.integers(0, 6), min_size=1), st.just(0))
steps = st.lists(
    st.one_of(checkin, checkin, activity, session, review, days_off, days_off, training),
    min_size=1,
    max_size=14,
)
_people = itertools.count()


def _apply(ctx: Context, clock: FixedClock, step: tuple[object, ...]) -> None:
    kind, first, second = step
    if kind == "checkin":
        journal.log_checkin(ctx, pain=first, symptoms=tuple(second))  # type: ignore[arg-type]
    elif kind == "activity":
        back = min(int(second), (clock.today() - START.date()).days)  # type: ignore[call-overload]
        journal.log_activity(ctx, "walking", int(first), day=clock.today() - timedelta(days=back))  # type: ignore[call-overload]
    elif kind == "session":
        started = execute(ctx, StartSession(pain_before=first))  # type: ignore[arg-type]
        if started.session_id is not None:
            ending = "finished" if second else "skipped"
            execute(ctx, RecordExercise(started.session_id, "pelvic_tilt", ending, reps=5))
            execute(ctx, FinishSession(started.session_id, None, ended_early=not second))
    elif kind == "review":
        reviews.record_review(ctx, None, first, "seen", emergency_checked=True)
    elif kind == "training":
        profile = journal.get_profile(ctx)
        plan = replace(profile.plan, training_days=tuple(sorted(first)))  # type: ignore[call-overload]
        journal.update_profile(ctx, plan=plan)
    else:
        clock.advance(days=int(first))  # type: ignore[call-overload]


def _check(url: str, tmp_path: Path, actions: list[tuple[object, ...]], birth: int) -> None:
    clock = FixedClock(START)
    ctx = Context(Settings(url, tmp_path), clock=clock, person=f"p{next(_people)}")
    journal.update_profile(ctx, started_on=START.date(), birth_year=birth)
    for step in actions:
        before = journal.journal_version(ctx)
        _apply(ctx, clock, step)
        # The row is as of the last write: time alone, or a session refused for safety,
        # writes nothing.
        if journal.journal_version(ctx) != before:
            assert stored_summary(ctx) == fresh_summary(ctx), step
    clock.advance(days=3)  # time moves on without a write: the refresh catches up
    refresh_everyone(ctx)
    assert stored_summary(ctx) == fresh_summary(ctx)


FEW = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FEW
@given(actions=steps, birth=st.integers(1940, 2005))
def test_stored_state_equals_a_fresh_evaluation_sqlite(
    tmp_path: Path, actions: list[tuple[object, ...]], birth: int
) -> None:
    _check(f"sqlite:///{tmp_path / 'state.sqlite3'}", tmp_path, actions, birth)


@pytest.mark.postgres
@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=steps, birth=st.integers(1940, 2005))
def test_stored_state_equals_a_fresh_evaluation_postgres(
    postgres_server: PostgresServer, tmp_path: Path, actions: list[tuple[object, ...]], birth: int
) -> None:
    if "url" not in _PG:  # one database for the examples; each example is a new person
        _PG["url"] = postgres_server.url(postgres_server.create_database())
    _check(_PG["url"], tmp_path, actions, birth)


_PG: dict[str, str] = {}


def test_a_new_warning_sign_is_on_the_row_with_its_date(tmp_path: Path) -> None:
    clock = FixedClock(START)
    ctx = Context(Settings(f"sqlite:///{tmp_path / 's.sqlite3'}", tmp_path), clock=clock)
    journal.update_profile(ctx, started_on=START.date(), birth_year=1970)
    journal.log_checkin(ctx, pain=3)
    clock.advance(days=4)
    journal.log_checkin(ctx, pain=6, symptoms=("calf_swelling",))
    row = stored_summary(ctx)
    assert row is not None and row.level == "urgent" and row.sign_date == date(2026, 3, 6)
    assert row.last_seen == date(2026, 3, 6) and "calf" in row.sign.lower()
