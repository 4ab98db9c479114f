"""Reminders that reach the phone: a private calendar feed and today's reminder time.

The feed's address carries a token derived from the install's secret and the person, so a
calendar app can subscribe without signing in, and nobody can guess another person's feed.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import time

from sicoach.services.context import Context
from sicoach.services.plan import get_choices

TOKEN_LENGTH = 32


@dataclass(frozen=True)
class TodayReminder:
    at: time | None
    training_day: bool


def calendar_token(secret: bytes, person: str) -> str:
    """The private token of one person's calendar feed."""
    digest = hmac.new(secret, b"calendar-feed:" + person.encode(), hashlib.sha256)
    return digest.hexdigest()[:TOKEN_LENGTH]


def token_matches(secret: bytes, person: str, token: str) -> bool:
    return hmac.compare_digest(calendar_token(secret, person), token)


def today_reminder(ctx: Context) -> TodayReminder:
    """The reminder time (if the person chose one) and whether today is a training day."""
    choices = get_choices(ctx)
    days = choices.training_days
    return TodayReminder(
        at=choices.reminder_time,
        training_day=not days or ctx.clock.today().weekday() in days,
    )
