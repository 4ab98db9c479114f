"""Shared by the bench scripts: time a call several times and print median and max."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


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
