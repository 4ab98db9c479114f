"""What the pages show, gathered from the services (no rules here, only shaping for display)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sicoach.domain.journal import Journal
from sicoach.domain.safety import Assessment
from sicoach.services.context import Context


def current_assessment(ctx: Context, on: date | None = None) -> Assessment | None:
    """Today's safety assessment (None before there is anything to assess)."""
    from sicoach.services import safety

    return safety.assess(ctx, on=on)


def has_profile(ctx: Context) -> bool:
    from sicoach.services import journal

    return journal.get_profile(ctx) is not None


@dataclass(frozen=True)
class PainDay:
    day: date
    pain: int | None
    mobility: int | None


def recent_pain(journal: Journal, end: date, days: int = 14) -> list[PainDay]:
    """The pain and mobility of each of the last `days` days (None where not recorded)."""
    by_day = {c.date: c for c in journal.checkins if end - timedelta(days=days) < c.date <= end}
    out = []
    for offset in range(days - 1, -1, -1):
        day = end - timedelta(days=offset)
        checkin = by_day.get(day)
        out.append(
            PainDay(
                day,
                checkin.pain if checkin else None,
                checkin.mobility if checkin else None,
            )
        )
    return out


def today_page(ctx: Context) -> dict[str, Any]:
    """Everything the today page shows."""
    from sicoach.services import journal, plan

    today = ctx.clock.today()
    day_plan = plan.plan_today(ctx)
    record = journal.load_journal(ctx)
    days = recent_pain(record, today)
    return {
        "today": today,
        "plan": day_plan,
        "pain_days": days,
        "pain_points": {d.day: d.pain for d in days},
        "checked_in_today": record.checkin_on(today) is not None,
        "today_checkin": record.checkin_on(today),
    }
