"""The progress API's range, from the stored carry and a bounded window, equals the whole
journal's figures cut to the same range (both databases; random ranges, the default one,
ranges ending before the carry's window, and again after writes of today)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache
from typing import Any

from sicoach.interchange.report import progress_to_dict
from sicoach.services import journal, reports
from sicoach.services.context import Context
from sicoach.services.progress_range import MAX_RANGE_DAYS, default_first, progress_range
from tests.integration.test_plan_carry_store import FIRST, TODAY, _two_years
from tests.journals import store


def _cut(whole: dict[str, Any], first: date) -> dict[str, Any]:
    """The whole journal's answer with its days from `first` and weeks from its week."""
    monday = (first - timedelta(days=first.weekday())).isoformat()
    out = {**whole, "aerobic": dict(whole["aerobic"])}
    for name in ("pain", "mobility"):
        out[name] = {**whole[name]}
        out[name]["days"] = [d for d in whole[name]["days"] if d["date"] >= first.isoformat()]
    out["aerobic"]["weeks"] = [w for w in whole["aerobic"]["weeks"] if w["start"] >= monday]
    return out


def _ranges(seed: int) -> list[tuple[date | None, date | None]]:
    rng = random.Random(seed)
    ends = [TODAY, TODAY - timedelta(days=40), FIRST + timedelta(days=200)]
    out: list[tuple[date | None, date | None]] = [
        (None, None),  # the default: the last 12 weeks
        (TODAY - timedelta(days=MAX_RANGE_DAYS - 1), None),
        (FIRST - timedelta(days=5), FIRST + timedelta(days=30)),  # before the carry's window
    ]
    for _ in range(6):
        end = rng.choice(ends)
        out.append((end - timedelta(days=rng.randint(0, MAX_RANGE_DAYS - 1)), end))
    return out


def _check(ctx: Context, seed: int) -> None:
    @cache
    def whole(on: date) -> dict[str, Any]:
        return progress_to_dict(reports.progress(ctx, on))

    for first, last in _ranges(seed):
        start, got = progress_range(ctx, first, last)
        end = last or TODAY
        assert start == (first or default_first(end))
        assert progress_to_dict(got) == _cut(whole(end), start), (first, last)


def test_a_range_from_the_carry_is_the_whole_journal_cut_to_that_range(
    store_context: Context,
) -> None:
    ctx = store_context
    store(ctx, _two_years())
    # the recent ranges come from the carry and its window, not the whole journal
    assert reports.windowed_progress_of(ctx, TODAY, default_first(TODAY)) is not None
    assert reports.windowed_progress_of(ctx, FIRST + timedelta(days=30), FIRST) is None
    _check(ctx, seed=3)
    journal.log_activity(ctx, "walking", 30)
    journal.log_checkin(ctx, pain=2, mobility=7)
    _check(ctx, seed=4)
