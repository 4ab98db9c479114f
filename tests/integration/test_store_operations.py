"""Operational basics of the store on PostgreSQL: the pool is sized from the settings, and a
statement slower than the threshold is logged with its time and never its values."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text

from sicoach.store.engine import create_store_engine
from tests.integration.conftest import PostgresServer

pytestmark = pytest.mark.postgres


def test_the_pool_is_sized_from_the_settings(postgres_server: PostgresServer) -> None:
    url = postgres_server.url(postgres_server.create_database())
    engine = create_store_engine(url, pool_size=7)
    try:
        assert engine.pool.size() == 7  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def test_a_statement_over_the_threshold_is_logged_without_its_values(
    postgres_server: PostgresServer, caplog: pytest.LogCaptureFixture
) -> None:
    url = postgres_server.url(postgres_server.create_database())
    engine = create_store_engine(url, slow_query_ms=100)
    try:
        with caplog.at_level(logging.WARNING, logger="sicoach.sql"), engine.connect() as conn:
            # the database holds this statement for 0.3 s: over the threshold by its own state
            conn.execute(text("SELECT pg_sleep(0.3), :secret"), {"secret": "saddle numbness"})
    finally:
        engine.dispose()
    slow = [r for r in caplog.records if r.getMessage() == "slow query"]
    assert all("saddle" not in r.statement for r in slow)  # type: ignore[attr-defined]
    (sleep,) = [r for r in slow if "pg_sleep" in r.statement]  # type: ignore[attr-defined]
    assert sleep.duration_ms >= 300  # type: ignore[attr-defined]
