"""The one "it hurts" rule both players follow: 7 or more ends the session, less skips."""

from __future__ import annotations

import pytest

from sicoach.domain.hurting import (
    END_SESSION_FROM,
    STOP_ADVICE,
    AfterHurt,
    after_hurt,
    hurt_rule_to_dict,
)


@pytest.mark.parametrize("pain", [None, 0, 3, 4, 5, 6])
def test_below_7_or_unsure_skips_the_exercise(pain: int | None) -> None:
    assert after_hurt(pain) is AfterHurt.SKIP_EXERCISE


@pytest.mark.parametrize("pain", [7, 8, 9, 10])
def test_7_or_more_ends_the_session(pain: int) -> None:
    assert after_hurt(pain) is AfterHurt.END_SESSION


def test_the_web_player_receives_the_same_threshold_and_words() -> None:
    rule = hurt_rule_to_dict()
    assert rule["end_session_from"] == END_SESSION_FROM == 7
    assert rule["title"] == STOP_ADVICE.title
    assert rule["rest"] and rule["watch_for"]
    # what to watch for names the emergency action first and the numbers to call
    assert "emergency number" in rule["watch_for"][0] and "999" in rule["watch_for"][0]
