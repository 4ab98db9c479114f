"""A weekly reminder for the training days, as an iCalendar file any calendar app can import."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, vRecur

from sicoach.domain.journal import Profile

DEFAULT_REMINDER = time(7, 30)
"""Our default reminder time when the person has not chosen one (not from the guide)."""
SESSION_MINUTES = 20
"""How long the calendar entry blocks; about one routine plus a short walk (our default)."""
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
APP_HINT = (
    "Time for your SI Coach exercises. Open the app (run `sicoach serve` and go to "
    "http://127.0.0.1:8000/, or run `sicoach session` in a terminal). Check in first: "
    "the app tells you if anything means you should see a doctor before exercising."
)


def next_training_start(now: datetime, training_days: tuple[int, ...], at: time) -> datetime:
    """The first training day at the reminder time that is not already past."""
    days = training_days or (0, 1, 2, 3, 4, 5, 6)
    for offset in range(8):
        day: date = now.date() + timedelta(days=offset)
        start = datetime.combine(day, at)
        if day.weekday() in days and start >= now:
            return start
    raise AssertionError("a training day always falls within a week")


def reminder_calendar(profile: Profile | None, now: datetime, person: str = "default") -> str:
    """The calendar text: one event repeating weekly on the training days."""
    plan = profile.plan if profile is not None else None
    days = tuple(sorted(set(plan.training_days))) if plan else ()
    days = days or (0, 1, 2, 3, 4, 5, 6)  # no days chosen: remind every day rather than never
    at = (plan.reminder_time if plan else None) or DEFAULT_REMINDER
    start = next_training_start(now, days, at)

    calendar = Calendar()
    calendar.add("prodid", "-//SI Coach//sicoach//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "SI Coach")

    event = Event()
    event.add("uid", f"sicoach-training-reminder-{person}@sicoach.local")
    event.add("dtstamp", now.astimezone(UTC))
    event.add("summary", "SI Coach: your exercises")
    event.add("description", APP_HINT)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=SESSION_MINUTES))
    event.add("rrule", vRecur({"FREQ": "WEEKLY", "BYDAY": [_BYDAY[d] for d in days]}))

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", "Time for your SI Coach exercises")
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    calendar.add_component(event)
    return str(calendar.to_ical().decode("utf-8"))
