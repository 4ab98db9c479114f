"""Slow statements logged with their time, never their values (they may hold health data)."""

from __future__ import annotations

import logging
import time
from typing import Any

from sqlalchemy import Engine, event

log = logging.getLogger("sicoach.sql")


def log_slow_queries(engine: Engine, threshold_ms: int) -> None:
    """Log, at WARNING, each statement of `engine` that takes longer than `threshold_ms`."""

    @event.listens_for(engine, "before_cursor_execute")
    def _started(conn: Any, _cursor: Any, _sql: str, _params: Any, _ctx: Any, _many: bool) -> None:
        conn.info.setdefault("sicoach_started", []).append(time.perf_counter())

    @event.listens_for(engine, "after_cursor_execute")
    def _ended(conn: Any, _cursor: Any, sql: str, _params: Any, _ctx: Any, _many: bool) -> None:
        started = conn.info["sicoach_started"].pop()
        elapsed_ms = (time.perf_counter() - started) * 1000
        if elapsed_ms >= threshold_ms:
            statement = " ".join(sql.split())[:300]
            log.warning(
                "slow query",
                extra={"duration_ms": round(elapsed_ms, 1), "statement": statement},
            )
