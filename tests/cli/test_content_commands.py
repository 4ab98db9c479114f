"""The content commands: the exercise table and JSON, one card, learn topics, symptom words."""

from __future__ import annotations

from typing import Any

from sicoach.domain.vocabulary import EXERCISE_IDS, HISTORY_CODES, SYMPTOM_CODES

EXERCISE_KEYS = {
    "id",
    "kind",
    "name",
    "purpose",
    "position",
    "steps",
    "hold_seconds",
    "reps",
    "per_side",
    "progressions",
    "props",
    "cautions",
    "modifications",
    "our_defaults",
}
AEROBIC_KEYS = EXERCISE_KEYS | {
    "options",
    "weekly_goal_minutes",
    "sessions_per_week",
    "minutes_per_session",
    "walking_start_minutes",
}


def by_id(items: Any) -> dict[str, dict[str, Any]]:
    assert isinstance(items, list)
    return {item["id"]: item for item in items}


def test_exercises_table_lists_every_item_in_order(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("exercises")
    assert result.exit_code == 0, result.stderr
    positions = [result.stdout.index(f" {i} ") for i in (*EXERCISE_IDS, "low_impact_aerobics")]
    assert positions == sorted(positions)
    assert "Hold 5 seconds, 10 or more times." in result.stdout
    assert "150 minutes a week" in result.stdout


def test_exercises_json_has_the_documented_keys(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("exercises", "--json")
    assert result.exit_code == 0, result.stderr
    items = result.json()
    assert isinstance(items, list)
    assert [item["id"] for item in items] == [*EXERCISE_IDS, "low_impact_aerobics"]
    for item in items[:-1]:
        assert item["kind"] == "exercise"
        assert set(item) >= EXERCISE_KEYS, item["id"]
        assert all(isinstance(step, str) for step in item["steps"])
        assert all(set(p) >= {"level", "name", "description"} for p in item["progressions"])
    aerobic = items[-1]
    assert aerobic["kind"] == "aerobic"
    assert set(aerobic) >= AEROBIC_KEYS


def test_exercises_json_values_follow_the_guide(sicoach) -> None:  # type: ignore[no-untyped-def]
    items = by_id(sicoach("exercises", "--json").json())
    tilt = items["pelvic_tilt"]
    assert tilt["hold_seconds"] == {"min": 5, "max": 5}
    assert tilt["reps"] == {"min": 10, "max": None}
    assert tilt["per_side"] is False
    assert tilt["progressions"][1]["level"] == 1
    assert "march" in tilt["progressions"][1]["name"].lower()
    assert items["cat_cow"]["hold_seconds"] is None
    assert items["cat_cow"]["our_defaults"] == ["move_seconds"]
    assert items["figure_four"]["our_defaults"] == ["hold_seconds", "reps"]
    assert items["inner_thigh_squeeze"]["props"] == ["soft ball or rolled towel"]
    aerobic = items["low_impact_aerobics"]
    assert aerobic["weekly_goal_minutes"] == 150
    assert aerobic["sessions_per_week"] == 5
    assert aerobic["minutes_per_session"] == 30
    assert aerobic["walking_start_minutes"] == {"min": 10, "max": 15}
    assert [o["kind"] for o in aerobic["options"]] == [
        "walking",
        "water_aerobics",
        "swimming",
        "cycling",
        "tai_chi",
    ]
    assert all(set(o) == {"kind", "name", "note"} for o in aerobic["options"])
    assert aerobic["hold_seconds"] is None and aerobic["reps"] is None


def test_exercise_card_shows_the_whole_exercise(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("exercise", "side_lying_quad_stretch")
    assert result.exit_code == 0, result.stderr
    for words in (
        "Side-lying thigh stretch",
        "front of the thighs (quadriceps)",
        "Hold your top ankle and bring your heel toward your bottom.",
        "How to do it",
        "Hold 5 seconds, 2 to 3 times on each side.",
        "strap (optional)",
        "If this stretch hurts, skip it.",
        "Level 0",
        "The guide does not say how long to hold or how many times;",
    ):
        assert words in result.stdout, words


def test_exercise_card_shows_the_pregnancy_form_and_caution(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("exercise", "figure_four")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "If you are pregnant" in text
    assert "Sitting on a chair" in text
    assert "pelvic girdle pain" in text


def test_exercise_card_for_the_aerobic_item(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("exercise", "low_impact_aerobics")
    assert result.exit_code == 0
    assert "150 minutes a week" in result.stdout
    assert "Tai chi" in result.stdout
    assert "American Heart Association" in result.stdout


def test_exercise_json_for_one_item(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("exercise", "bridge", "--json")
    assert result.exit_code == 0
    data = result.json()
    assert isinstance(data, dict)
    assert data["reps"] == {"min": 8, "max": 10}


def test_unknown_exercise_exits_2_with_one_line_of_valid_ids(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("exercise", "plank")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "'plank'" in lines[0]
    for exercise_id in (*EXERCISE_IDS, "low_impact_aerobics"):
        assert exercise_id in lines[0]


def test_an_unknown_id_is_shown_as_typed_not_as_an_emoji(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("exercise", ":x:")
    assert result.exit_code == 2
    assert "there is no exercise ':x:'" in result.stderr


def test_learn_list_shows_each_title_then_its_summary(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("learn")
    assert result.exit_code == 0
    assert "?:" not in result.stdout  # "What is the SI joint?: You have..." read badly
    assert "What is the SI joint?" in result.stdout


def test_learn_lists_the_topics(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("learn")
    assert result.exit_code == 0
    for topic in ("what_is_it", "causes", "risk_factors", "when_to_see_a_doctor", "treatments"):
        assert topic in result.stdout


def test_learn_shows_one_topic(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("learn", "treatments")
    assert result.exit_code == 0
    assert "Medical treatments" in result.stdout
    assert "Radiofrequency ablation" in result.stdout


def test_learn_json_for_one_topic(sicoach) -> None:  # type: ignore[no-untyped-def]
    data = sicoach("learn", "causes", "--json").json()
    assert isinstance(data, dict)
    assert data["id"] == "causes" and len(data["items"]) == 6


def test_learn_unknown_topic_exits_2_listing_topics(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("learn", "diet")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "'diet'" in lines[0] and "what_is_it" in lines[0] and "treatments" in lines[0]


def test_symptoms_explains_every_code_by_group(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("symptoms")
    assert result.exit_code == 0
    for code in (*SYMPTOM_CODES, *HISTORY_CODES):
        assert code in result.stdout, code
    assert result.stdout.index("Emergency signs") < result.stdout.index("saddle_numbness")
    assert result.stdout.index("Urgent signs") < result.stdout.index("night_pain")


def test_symptoms_json(sicoach) -> None:  # type: ignore[no-untyped-def]
    data = sicoach("symptoms", "--json").json()
    assert isinstance(data, dict)
    assert {c["code"] for c in data["symptoms"]} == SYMPTOM_CODES
    assert [c["code"] for c in data["history"]] == list(HISTORY_CODES)


def test_every_content_command_and_option_has_help(sicoach) -> None:  # type: ignore[no-untyped-def]
    for command in ("exercises", "exercise", "learn", "symptoms"):
        result = sicoach(command, "--help")
        assert result.exit_code == 0
        text = " ".join(result.stdout.split())
        assert "--json" in text and "Print JSON" in text, command
    assert "The exercise id" in " ".join(sicoach("exercise", "--help").stdout.split())
    assert "The topic to read" in " ".join(sicoach("learn", "--help").stdout.split())
