"""What the pages show, gathered from the services (no rules here, only shaping for display)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sicoach.domain.journal import Activity, CheckIn, Journal, Profile
from sicoach.domain.safety import Assessment
from sicoach.services.context import Context
from sicoach.web.cache import cache_for


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


def today_page(ctx: Context, on: date | None = None) -> dict[str, Any]:
    """Everything the today page shows (`on` previews another day, e.g. tomorrow)."""
    today = ctx.clock.today()
    day_plan = plan_today(ctx, on=on)
    record = load(ctx)
    days = recent_pain(record, today)
    return {
        "today": today,
        "day": on or today,
        "tomorrow": today + timedelta(days=1),
        "plan": day_plan,
        "pain_days": days,
        "pain_points": {d.day: d.pain for d in days},
        "checked_in_today": record.checkin_on(today) is not None,
        "today_checkin": record.checkin_on(today),
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
        return cache_for(ctx).get("plan", lambda: plan.plan_today(ctx))
    return plan.plan_today(ctx, on=on)


def session_summary(ctx: Context, session_id: int) -> dict[str, Any]:
    """The latest session in words and numbers, for the player's last screen."""
    record = load(ctx)
    if not record.sessions:
        return {"id": session_id}
    latest = max(record.sessions, key=lambda s: s.started_at)
    catalog = ctx.catalog

    def name(exercise_id: str) -> str:
        return catalog.exercise(exercise_id).name if catalog.has_exercise(exercise_id) else ""

    return {
        "id": session_id,
        "started_at": latest.started_at.isoformat(),
        "pain_before": latest.pain_before,
        "pain_after": latest.pain_after,
        "partial": latest.partial,
        "done": [name(e.id) for e in latest.exercises if not e.skipped and not e.hurt],
        "hurt": [name(e.id) for e in latest.exercises if e.hurt],
        "skipped": [name(e.id) for e in latest.exercises if e.skipped and not e.hurt],
    }


def session_exercises(ctx: Context, session_id: int) -> tuple[Any, ...]:
    """The exercises already saved in one session (KeyError when it is not this person's).

    Read straight from the store, never from the cache: the player asks for it on load to
    carry on after a reload without saving an exercise twice.
    """
    with ctx.uow(read_only=True) as uow:
        return uow.journal.session_exercises(session_id)
