"""The derived-state row written beside a stored carry (months of journal, one read of the
carry's window) equals a fresh evaluation of the whole journal: warning signs reported
months before the window keep their level and their date, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
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
from sicoach.services.person_state import fresh_summary, stored_summary
from sicoach.settings import Settings
from tests.integration.conftest import PostgresServer

START = datetime(2026, 1, 5, 8, 0)
SIGNS = ["saddle_numbness", "calf_swelling", "night_pain", "pain_buttocks", "fever"]
_people = itertools.count()


def _carry(ctx: Context) -> str | None:
    with ctx.uow(read_only=True) as uow:
        return uow.journal.plan_carry_text()


def _write(ctx: Context, clock: FixedClock, kind: str, value: int, signs: list[str]) -> None:
    if kind == "checkin":
        journal.log_checkin(ctx, pain=value, symptoms=tuple(signs))
    elif kind == "walk":
        journal.log_activity(ctx, "walking", 10 + value)
    elif kind == "session":
        started = execute(ctx, StartSession(pain_before=value))
        if started.session_id is not None:
            execute(ctx, RecordExercise(started.session_id, "pelvic_tilt", "finished", reps=5))
            execute(ctx, FinishSession(started.session_id, None, ended_early=False))
    elif kind == "review":
        advice = "gently" if value > 5 else "carry_on"
        reviews.record_review(ctx, None, advice, "seen", emergency_checked=True)


write = st.tuples(
    st.sampled_from(["checkin", "checkin", "walk", "session", "review"]),
    st.integers(0, 10),
    st.lists(st.sampled_from(SIGNS), max_size=1),
)
months = st.lists(st.tuples(st.integers(1, 45), write), min_size=3, max_size=10)


def _check(url: str, tmp_path: Path, steps: list[tuple[int, tuple[str, int, list[str]]]]) -> None:
    clock = FixedClock(START)
    ctx = Context(Settings(url, tmp_path), clock=clock, person=f"c{next(_people)}")
    journal.update_profile(ctx, started_on=START.date(), birth_year=1975)
    journal.log_checkin(ctx, pain=5)
    for gap, (kind, value, signs) in steps:
        clock.advance(days=gap)
        before = journal.journal_version(ctx)
        _write(ctx, clock, kind, value, signs)
        if journal.journal_version(ctx) != before:
            assert stored_summary(ctx) == fresh_summary(ctx), (gap, kind, value, signs)


LONG = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@LONG
@given(steps=months)
def test_state_beside_a_carry_equals_a_fresh_evaluation_sqlite(
    tmp_path: Path, steps: list[tuple[int, tuple[str, int, list[str]]]]
) -> None:
    _check(f"sqlite:///{tmp_path / 'carry.sqlite3'}", tmp_path, steps)


@pytest.mark.postgres
@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=months)
def test_state_beside_a_carry_equals_a_fresh_evaluation_postgres(
    postgres_server: PostgresServer,
    tmp_path: Path,
    steps: list[tuple[int, tuple[str, int, list[str]]]],
) -> None:
    if "url" not in _PG:
        _PG["url"] = postgres_server.url(postgres_server.create_database())
    _check(_PG["url"], tmp_path, steps)


_PG: dict[str, str] = {}


def test_signs_months_back_and_this_week_keep_their_level_and_date(tmp_path: Path) -> None:
    clock = FixedClock(START)
    ctx = Context(Settings(f"sqlite:///{tmp_path / 's.sqlite3'}", tmp_path), clock=clock)
    journal.update_profile(ctx, started_on=START.date(), birth_year=1970)
    journal.log_checkin(ctx, pain=4)
    clock.advance(days=10)
    journal.log_checkin(ctx, pain=5, symptoms=("saddle_numbness",))
    for _ in range(30):  # four months of check-ins: the carry is built and moved on weekly
        clock.advance(days=4)
        journal.log_checkin(ctx, pain=3)
        journal.log_activity(ctx, "walking", 20)
    assert _carry(ctx) is not None  # the rows below are written beside a carry
    row = stored_summary(ctx)
    assert row == fresh_summary(ctx)
    assert row is not None and row.level == "see_doctor"  # "were you checked for it?"
    assert row.sign == "checked_for_saddle_numbness"
    assert row.on - date(2026, 1, 15) > timedelta(days=90)
    journal.log_checkin(ctx, pain=6, symptoms=("calf_swelling",))
    reported = clock.today()
    for _ in range(3):
        clock.advance(days=1)
        journal.log_checkin(ctx, pain=4)
    row = stored_summary(ctx)
    assert row == fresh_summary(ctx)
    assert row is not None and row.level == "urgent" and row.sign == "calf_swelling"
    assert row.sign_date == reported and row.last_seen == clock.today()
