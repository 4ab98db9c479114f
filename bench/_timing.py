"""Shared by the bench scripts: time a call several times, and say what was measured."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from sicoach.domain.journal import Journal


def timed(label: str, fn: Callable[[], object], runs: int) -> None:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    print(
        f"{label:<52} median {statistics.median(times) * 1000:8.1f} ms   "
        f"max {max(times) * 1000:8.1f} ms   ({runs} runs)"
    )


def describe(journal: Journal, built_in_seconds: float) -> None:
    """One line on the size of the generated journal, so figures can be compared."""
    print(
        f"10-year journal: {len(journal.checkins)} check-ins, {len(journal.sessions)} sessions "
        f"({sum(len(s.exercises) for s in journal.sessions)} exercise results), "
        f"{len(journal.activities)} activities; built in {built_in_seconds:.2f} s"
    )
