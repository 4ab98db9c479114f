"""What the pages show, gathered from the services (no rules here, only shaping for display)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Any

from sicoach.services.context import Context
from sicoach.web.cache import cache_for

if TYPE_CHECKING:
    from sicoach.domain.journal import Activity, CheckIn, Journal, Profile
    from sicoach.domain.safety import Assessment


def current_assessment(ctx: Context, on: date | None = None) -> Assessment:
    """The safety assessment of today (or of `on`)."""
    from sicoach.services import safety

    if on is None:
        cache = cache_for(ctx)
        day_plan = cache.peek("plan")
        if day_plan is not None:  # the plan already carries today's assessment
            return day_plan.safety  # type: ignore[no-any-return]
        return cache.get("assess", lambda: safety.assess(ctx))
    return safety.assess(ctx, on=on)


def has_profile(ctx: Context) -> bool:
    """Whether first use is done (the journal service's get_profile would create one)."""
    return load(ctx).profile is not None


def today_page(ctx: Context, on: date | None = None) -> dict[str, Any]:
    """Everything the today page shows (`on` previews another day, e.g. tomorrow)."""
    from sicoach.services.views import today_view

    view = today_view(ctx, on=on, plan=plan_today(ctx, on=on), journal=load(ctx))
    return {
        "today": view.today,
        "day": view.day,
        "tomorrow": view.tomorrow,
        "plan": view.plan,
        "pain_days": view.pain_days,
        "pain_points": view.pain_points,
        "checked_in_today": view.checked_in_today,
        "today_checkin": view.today_checkin,
    }


# --- writes, through the journal service (one place to follow its signatures) -------------


def save_checkin(ctx: Context, checkin: CheckIn) -> None:
    from sicoach.services import journal

    journal.log_checkin(
        ctx,
        pain=checkin.pain,
        worst_pain=checkin.worst_pain,
        mobility=checkin.mobility,
        symptoms=checkin.symptoms,
        note=checkin.note,
        day=checkin.date,
    )


def save_activity(ctx: Context, activity: Activity) -> None:
    from sicoach.services import journal

    journal.log_activity(ctx, activity.kind, activity.minutes, day=activity.date)


def save_profile(ctx: Context, profile: Profile) -> None:
    """Store every field of the profile (the journal service checks each one)."""
    from sicoach.services import journal

    journal.update_profile(
        ctx, **{f.name: getattr(profile, f.name) for f in dataclasses.fields(profile)}
    )


def load(ctx: Context) -> Journal:
    """The whole journal (kept between requests until the database changes)."""
    from sicoach.services import journal

    return cache_for(ctx).get("journal", lambda: journal.load_journal(ctx))


def symptom_groups(ctx: Context, pregnancy: bool) -> list[tuple[str, str, list[Any]]]:
    """The symptom vocabulary grouped for the check-in form: (key, heading, codes).

    Pregnancy signs show when the profile records a pregnancy or a recent birth; every
    other code is always shown (a group we have no heading for gets a plain one).
    """
    headings = {
        "guide": "Common SI joint symptoms",
        "spread": "Where the pain spreads",
        "emergency": "Warning signs that need help now",
        "urgent": "Signs to see a doctor today",
        "pregnancy": "Pregnancy and after-birth warning signs",
        "routine": "Signs to book a visit for",
    }
    order = list(headings)
    order += sorted({c.group for c in ctx.catalog.symptoms} - set(order))
    groups = []
    for key in order:
        if key == "pregnancy" and not pregnancy:
            continue
        codes = [c for c in ctx.catalog.symptoms if c.group == key]
        if codes:
            groups.append((key, headings.get(key, "Other signs"), codes))
    return groups


def plan_today(ctx: Context, on: date | None = None) -> Any:
    from sicoach.services import plan

    if on is None:
        # from the memo's journal: one read of the journal serves the plan and the page
        return cache_for(ctx).get("plan", lambda: plan.plan_today(ctx, journal=load(ctx)))
    return plan.plan_today(ctx, on=on)
