"""Several processes writing the same journal at once (a web page and a terminal, say).

Each worker does read-then-write actions (same-day check-in upsert, profile update) and
plain inserts; nothing may fail with "database is locked" and nothing may be lost.
"""

from __future__ import annotations

import multiprocessing
from datetime import date, datetime, timedelta
from pathlib import Path

from sicoach.domain.clock import FixedClock
from sicoach.services import journal as journal_service
from sicoach.services.context import Context
from sicoach.settings import Settings

WORKERS = 3
ROUNDS = 15


def _work(args: tuple[str, str, int]) -> int:
    url, data_dir, worker = args
    ctx = Context(
        settings=Settings(url, Path(data_dir)), clock=FixedClock(datetime(2026, 11, 20, 8, 0))
    )
    for i in range(ROUNDS):
        journal_service.log_checkin(
            ctx, pain=i % 11, day=date(2026, 1, 1) + timedelta(days=worker * ROUNDS + i)
        )
        journal_service.log_checkin(ctx, pain=worker, day=date(2026, 11, 20))  # all race here
        journal_service.log_activity(ctx, "walking", 10 + worker)
        journal_service.update_profile(ctx, birth_year=1950 + worker)
    return worker


def test_parallel_writers_lose_nothing(store_context: Context, tmp_path: Path) -> None:
    journal_service.load_journal(store_context)  # the schema exists before the race
    url = store_context.settings.database_url
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(WORKERS) as pool:
        done = pool.map(_work, [(url, str(tmp_path), w) for w in range(WORKERS)])
    assert sorted(done) == list(range(WORKERS))
    journal = journal_service.load_journal(store_context)
    assert len(journal.checkins) == WORKERS * ROUNDS + 1
    assert len(journal.activities) == WORKERS * ROUNDS
    assert journal.profile is not None and journal.profile.birth_year in {1950, 1951, 1952}
