"""Alembic migrations: a database made by an older revision, with data, is upgraded on
first use, and the migrated schema matches the tables the code uses (no drift)."""

from __future__ import annotations

from datetime import date, datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from sicoach.domain.journal import ExerciseResult
from sicoach.store import make_uow_factory
from sicoach.store.engine import (
    SCHEMA_HEAD,
    alembic_config,
    create_store_engine,
    current_revision,
    get_engine,
)
from sicoach.store.tables import metadata


def test_a_first_revision_database_with_data_is_upgraded_on_first_use(store_url: str) -> None:
    old = create_store_engine(store_url)
    try:
        with old.begin() as conn:
            command.upgrade(alembic_config(conn), "0001_initial")
        with old.begin() as conn:
            conn.execute(text("INSERT INTO person (id, name) VALUES (1, 'default')"))
            conn.execute(
                text(
                    "INSERT INTO session (id, person_id, started_at, pain_before, pain_after, "
                    "partial) VALUES (1, 1, :at, 5, 4, :partial)"
                ),
                {"at": datetime(2026, 11, 2, 7, 30), "partial": False},
            )
            conn.execute(
                text(
                    "INSERT INTO exercise_result (session_id, position, exercise_id, level, "
                    "reps, hurt, pain, skipped) VALUES (1, 0, 'bridge', 1, 8, :f, 3, :f)"
                ),
                {"f": False},
            )
        assert current_revision(old) == "0001_initial"
    finally:
        old.dispose()

    factory = make_uow_factory(store_url)
    assert current_revision(get_engine(store_url)) == SCHEMA_HEAD
    with factory() as uow:
        (session,) = uow.journal.load().sessions
    assert session.started_at == datetime(2026, 11, 2, 7, 30)
    assert session.exercises == (ExerciseResult("bridge", level=1, reps=8, pain=3),)
    with get_engine(store_url).connect() as conn:
        assert conn.execute(text("SELECT person_id FROM exercise_result")).scalar() == 1
    assert date(2026, 11, 2) in {s.date for s in (session,)}


def test_migrated_schema_matches_the_tables_in_code(store_url: str) -> None:
    make_uow_factory(store_url)
    engine = create_engine(store_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_downgrade_to_the_first_revision_and_back(store_url: str) -> None:
    make_uow_factory(store_url)
    engine = create_store_engine(store_url)
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0001_initial")
        assert current_revision(engine) == "0001_initial"
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        assert current_revision(engine) == SCHEMA_HEAD
    finally:
        engine.dispose()
