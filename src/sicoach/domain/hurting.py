"""What "it hurts" in the middle of a session leads to: skip that exercise, or stop for today.

One rule for both players (the terminal's and the web page's): the web player receives it
with the session script (`Script.to_dict()["when_it_hurts"]`) instead of keeping its own
threshold, and the terminal player calls `after_hurt` directly.

The threshold is ours, on the cautious side: the pain-monitoring model calls pain above 5
during exercise too much (Silbernagel et al. 2007, docs/clinical-notes.md §3), and a rating
of 7 or more on the 0-10 scale is severe pain (Serlin et al., Pain 1995). Pain that strong
is not something to push through with the next exercise, so the session ends there with
rest advice and the signs to watch for. Below 7 (including "not sure") the exercise is
skipped, saved as hurt, and the session goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

END_SESSION_FROM = 7
"""A pain rating of 7 or more after "it hurts" ends the session; 6 or less skips the move."""


class AfterHurt(StrEnum):
    SKIP_EXERCISE = "skip_exercise"
    END_SESSION = "end_session"


def after_hurt(pain: int | None) -> AfterHurt:
    """The outcome of "it hurts" rated `pain` (None: the person could not say)."""
    if pain is not None and pain >= END_SESSION_FROM:
        return AfterHurt.END_SESSION
    return AfterHurt.SKIP_EXERCISE


@dataclass(frozen=True)
class StopAdvice:
    """What both players show when the session ends because it hurt too much."""

    title: str
    rest: tuple[str, ...]
    watch_for: tuple[str, ...]


STOP_ADVICE = StopAdvice(
    title="Stop for today: that pain is too strong to carry on",
    rest=(
        "Stop the session here. Your exercises so far are saved.",
        "Rest in whatever position eases the pain most, for example lying on your side with "
        "a pillow between your knees.",
        "Later today, move gently around your home if you can: short, easy walks help more "
        "than lying still all day.",
        "Check in tomorrow. The exercise that hurt is left out of your next routine.",
    ),
    watch_for=(
        "Call your emergency number at once (911 in the US, 999 in the UK, 112 in the EU) if "
        "you get numbness around your genitals or bottom, new trouble peeing or holding your "
        "pee or poo, or numbness or weakness in both legs.",
        "See a doctor today if the pain does not ease at all when you rest, is worse at "
        "night, or comes with a fever.",
        "Book a visit with your doctor or physio if the pain is still this strong tomorrow "
        "or has not settled within a few days.",
    ),
)


def hurt_rule_to_dict() -> dict[str, Any]:
    """The rule and its words as the web player receives them with the session script."""
    return {
        "end_session_from": END_SESSION_FROM,
        "title": STOP_ADVICE.title,
        "rest": list(STOP_ADVICE.rest),
        "watch_for": list(STOP_ADVICE.watch_for),
    }
