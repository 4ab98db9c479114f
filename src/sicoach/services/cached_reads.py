"""What a long-running face reads on every request, kept between writes.

Every page shows the safety banner and the today page also needs the plan and the journal;
between two writes these cannot change (for a given day), so they are memoised per person
(`sicoach.services.read_cache`; in clinic mode too, where each request has its own context),
dropped the moment the person's journal changes. The command line, which reads once and
exits, calls the services directly.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sicoach.services.context import Context
from sicoach.services.read_cache import cache_for

if TYPE_CHECKING:
    from sicoach.domain.journal import ClinicianMessage, Journal
    from sicoach.domain.plan import DayPlan
    from sicoach.domain.plan_carry import PlanCarry
    from sicoach.domain.progress import Progress
    from sicoach.domain.safety import Assessment
    from sicoach.services.views import TodayView


def load_journal(ctx: Context) -> Journal:
    """The whole journal (kept between requests until the journal changes)."""
    from sicoach.services import journal

    return cache_for(ctx).get("journal", lambda: journal.load_journal(ctx))


RECENT_DAYS = 14
"""The today page shows the last two weeks' pain and this week's sessions."""


def _today_window(ctx: Context) -> tuple[PlanCarry, Journal] | None:
    """Today's carry and the records it needs: one read serves the plan and the page."""
    from sicoach.services.plan_state import read_window

    return cache_for(ctx).get("window", lambda: read_window(ctx, ctx.clock.today()))


def recent_journal(ctx: Context) -> Journal:
    """The profile and the last `RECENT_DAYS` days' records (what the today page shows)."""
    from datetime import timedelta

    from sicoach.domain.journal import Journal

    def read() -> Journal:
        today = ctx.clock.today()
        since = today - timedelta(days=RECENT_DAYS - 1)
        found = _today_window(ctx)
        if found is not None and found[0].reads(today)[0][0] <= since:
            read = found[1]  # the same records `load_window` of those days gives
            return Journal(
                read.profile,
                tuple(c for c in read.checkins if c.date >= since),
                tuple(s for s in read.sessions if s.date >= since),
                tuple(a for a in read.activities if a.date >= since),
                read.function,
                read.reviews,
            )
        with ctx.uow(read_only=True) as uow:
            return uow.journal.load_window(((since, today),), today)

    return cache_for(ctx).get("recent", read)


def has_profile(ctx: Context) -> bool:
    """Whether first use is done (the journal service's get_profile would create one)."""
    return recent_journal(ctx).profile is not None


def plan_today(ctx: Context, on: date | None = None) -> DayPlan:
    """Today's plan (from the stored carry and its window when it fits, so the first page
    after a write costs the same in year ten as in year one); another day's plan (`on`) is
    worked out afresh."""
    from sicoach.services import plan

    def today() -> DayPlan:
        from sicoach.services.plan_state import plan_from

        found = _today_window(ctx)
        planned = None if found is None else plan_from(ctx, *found, ctx.clock.today())
        return planned if planned is not None else plan.plan_today(ctx)

    if on is None:
        return cache_for(ctx).get("plan", today)
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

    def view() -> TodayView:
        return views.today_view(
            ctx, on=on, plan=plan_today(ctx, on=on), journal=recent_journal(ctx)
        )

    return view() if on is not None else cache_for(ctx).get("today_view", view)


def today_extras(ctx: Context, view: TodayView) -> dict[str, object]:
    """How the day stands, the safety questions still due and the rest the today page adds
    to `view` (`sicoach.services.day_status.today_extras`); a screen answered, like every
    write, moves the version."""
    from sicoach.services.day_status import today_extras as extras

    def read() -> dict[str, object]:
        return extras(ctx, view, recent_journal(ctx))

    return read() if view.day != view.today else cache_for(ctx).get("today_extras", read)


def unread_messages(ctx: Context) -> tuple[ClinicianMessage, ...]:
    """The clinician's messages not read yet (`sicoach.services.messages.unread`); sending
    one or marking one read moves the version."""
    from sicoach.services import messages

    return cache_for(ctx).get("unread", lambda: messages.unread(ctx))


def page_progress(ctx: Context) -> Progress:
    """Today's progress figures as the progress page and the page at a glance show them
    (`sicoach.services.reports.page_progress`: a bounded window beside carried totals)."""
    from sicoach.services import reports

    return cache_for(ctx).get("progress", lambda: reports.page_progress(ctx))
