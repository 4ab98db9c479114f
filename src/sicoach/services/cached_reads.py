"""What a long-running face reads on every request, kept between writes.

Every page shows the safety banner and the today page also needs the plan and the journal;
between two writes these cannot change (for a given day), so they are memoised per services
context in a `ReadCache` (`sicoach.services.read_cache`), dropped the moment the person's
journal changes. The command line, which reads once and exits, calls the services directly.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sicoach.services.context import Context
from sicoach.services.read_cache import cache_for

if TYPE_CHECKING:
    from sicoach.domain.journal import Journal
    from sicoach.domain.plan import DayPlan
    from sicoach.domain.safety import Assessment
    from sicoach.services.views import TodayView


def load_journal(ctx: Context) -> Journal:
    """The whole journal (kept between requests until the journal changes)."""
    from sicoach.services import journal

    return cache_for(ctx).get("journal", lambda: journal.load_journal(ctx))


RECENT_DAYS = 14
"""The today page shows the last two weeks' pain and this week's sessions."""


def recent_journal(ctx: Context) -> Journal:
    """The profile and the last `RECENT_DAYS` days' records (what the today page shows)."""
    from datetime import timedelta

    def read() -> Journal:
        today = ctx.clock.today()
        with ctx.uow(read_only=True) as uow:
            return uow.journal.load_window(
                ((today - timedelta(days=RECENT_DAYS - 1), today),), today
            )

    return cache_for(ctx).get("recent", read)


def has_profile(ctx: Context) -> bool:
    """Whether first use is done (the journal service's get_profile would create one)."""
    return recent_journal(ctx).profile is not None


def plan_today(ctx: Context, on: date | None = None) -> DayPlan:
    """Today's plan (from the stored carry and its window when it fits, so the first page
    after a write costs the same in year ten as in year one); another day's plan (`on`) is
    worked out afresh."""
    from sicoach.services import plan

    if on is None:
        return cache_for(ctx).get("plan", lambda: plan.plan_today(ctx))
    return plan.plan_today(ctx, on=on)


def current_assessment(ctx: Context, on: date | None = None) -> Assessment:
    """The safety assessment of today (the memo's plan already carries it), or of `on`."""
    from sicoach.services import safety

    if on is not None:
        return safety.assess(ctx, on=on)
    cache = cache_for(ctx)
    day_plan = cache.peek("plan")
    if day_plan is not None:
        return day_plan.safety  # type: ignore[no-any-return]
    return cache.get("assess", lambda: safety.assess(ctx))


def today_view(ctx: Context, on: date | None = None) -> TodayView:
    """The today page's read model (`on` previews another day, e.g. tomorrow)."""
    from sicoach.services import views

    return views.today_view(ctx, on=on, plan=plan_today(ctx, on=on), journal=recent_journal(ctx))
