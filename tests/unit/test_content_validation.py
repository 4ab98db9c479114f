"""A broken content pack fails at load with a message that names the file and the field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sicoach.content import CONTENT_DIR, ContentError, load_catalog


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A private copy of the shipped content pack that a test may break."""
    target = tmp_path / "pack"
    shutil.copytree(CONTENT_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def load_error(folder: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_catalog(folder)
    return str(caught.value)


def test_the_unbroken_copy_loads_like_the_shipped_pack(pack: Path) -> None:
    assert load_catalog(pack) == load_catalog()


def test_the_shipped_pack_is_loaded_once() -> None:
    assert load_catalog() is load_catalog()


def test_a_missing_field_names_file_and_field(pack: Path) -> None:
    path = pack / "exercises" / "bridge.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^purpose = .*\n", "", text), encoding="utf-8")
    assert load_error(pack) == "exercises/bridge.toml: purpose: is missing"


def test_a_missing_nested_field_names_its_path(pack: Path) -> None:
    edit(pack / "exercises" / "bridge.toml", "per_side = false\n", "")
    assert load_error(pack) == "exercises/bridge.toml: dosage.per_side: is missing"


def test_an_unknown_exercise_id_is_refused(pack: Path) -> None:
    edit(pack / "exercises" / "bridge.toml", 'id = "bridge"', 'id = "glute_bridge"')
    message = load_error(pack)
    assert message.startswith("exercises/bridge.toml: id: 'glute_bridge' is not a known")
    assert "pelvic_tilt" in message


def test_a_negative_hold_is_refused(pack: Path) -> None:
    edit(
        pack / "exercises" / "bridge.toml",
        "hold_seconds = { min = 5, max = 5 }",
        "hold_seconds = { min = -5, max = 5 }",
    )
    assert load_error(pack) == "exercises/bridge.toml: dosage.hold_seconds.min: -5 is below 0"


def test_a_duplicate_id_names_both_files(pack: Path) -> None:
    source = pack / "exercises" / "bridge.toml"
    copy = pack / "exercises" / "bridge_again.toml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    message = load_error(pack)
    assert message == (
        "exercises/bridge_again.toml: id: 'bridge' is already used by exercises/bridge.toml"
    )


def test_a_progression_pointing_nowhere_is_refused(pack: Path) -> None:
    edit(pack / "exercises" / "pelvic_tilt.toml", "builds_on = 0", "builds_on = 5")
    assert load_error(pack) == (
        "exercises/pelvic_tilt.toml: progressions[1].builds_on: level 5 does not exist"
    )


def test_a_missing_exercise_file_is_refused(pack: Path) -> None:
    (pack / "exercises" / "cat_cow.toml").unlink()
    assert load_error(pack) == "exercises/: id: no file for cat_cow"


def test_an_unknown_field_is_refused(pack: Path) -> None:
    edit(pack / "exercises" / "bridge.toml", "per_side = false", "per_side = false\nperside = 1")
    assert load_error(pack) == "exercises/bridge.toml: dosage.perside: is not a known field"


def test_reps_with_max_below_min_are_refused(pack: Path) -> None:
    edit(
        pack / "exercises" / "bridge.toml",
        "reps = { min = 8, max = 10 }",
        "reps = { min = 8, max = 3 }",
    )
    assert load_error(pack) == "exercises/bridge.toml: dosage.reps: max 3 is below min 8"


def test_an_unknown_body_part_is_refused(pack: Path) -> None:
    edit(pack / "exercises" / "bridge.toml", '"hamstrings"]', '"elbows"]')
    message = load_error(pack)
    assert message.startswith("exercises/bridge.toml: works: 'elbows' is not one of core")


def test_an_exercise_on_the_back_needs_a_pregnancy_variant(pack: Path) -> None:
    path = pack / "exercises" / "bridge.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("[[variants]]")[0], encoding="utf-8")
    assert load_error(pack).startswith(
        "exercises/bridge.toml: variants: the exercise is done lying"
    )


def test_broken_toml_names_the_file(pack: Path) -> None:
    edit(pack / "aerobic.toml", "weekly_goal_minutes = 150", "weekly_goal_minutes = = 150")
    assert load_error(pack).startswith("aerobic.toml: not valid TOML")


def test_a_missing_file_names_it(pack: Path) -> None:
    (pack / "education.toml").unlink()
    assert load_error(pack) == "education.toml: the file is missing"


def test_an_aerobic_goal_of_zero_is_refused(pack: Path) -> None:
    edit(pack / "aerobic.toml", "weekly_goal_minutes = 150", "weekly_goal_minutes = 0")
    assert load_error(pack) == "aerobic.toml: weekly_goal_minutes: 0 is below 1"


def test_a_missing_education_section_is_refused(pack: Path) -> None:
    edit(pack / "education.toml", 'id = "treatments"', 'id = "other_treatments"')
    assert load_error(pack) == "education.toml: sections: missing treatments"


def test_a_vocabulary_code_missing_is_refused(pack: Path) -> None:
    edit(pack / "vocabulary.toml", "[symptoms.night_pain]", "[symptoms.pain_at_night]")
    assert load_error(pack) == (
        "vocabulary.toml: symptoms.pain_at_night: 'pain_at_night' is not a code "
        "of sicoach.domain.vocabulary"
    )


def test_a_vocabulary_code_left_out_is_refused(pack: Path) -> None:
    path = pack / "vocabulary.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[history.spine_surgery]")
    path.write_text(text[:start], encoding="utf-8")
    assert load_error(pack) == "vocabulary.toml: history.spine_surgery: is missing"


def test_a_code_in_the_wrong_group_is_refused(pack: Path) -> None:
    path = pack / "vocabulary.toml"
    text = path.read_text(encoding="utf-8")
    head, tail = text.split("[symptoms.fever]")
    path.write_text(head + "[symptoms.fever]" + tail.replace('"urgent"', '"guide"', 1))
    assert load_error(pack) == "vocabulary.toml: symptoms.fever.group: 'guide' should be 'urgent'"


def test_every_body_part_and_position_has_a_plain_label() -> None:
    from sicoach.domain.exercises import BODY_PARTS, POSITIONS
    from sicoach.interchange.content_json import BODY_PART_LABELS, POSITION_LABELS

    assert set(BODY_PART_LABELS) == set(BODY_PARTS)
    assert set(POSITION_LABELS) == set(POSITIONS)


def test_a_pregnancy_caution_needs_a_source(pack: Path) -> None:
    path = pack / "exercises" / "triangle_pose.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^pregnancy_caution_source = .*\n", "", text), encoding="utf-8")
    message = load_error(pack)
    assert message.startswith("exercises/triangle_pose.toml: pregnancy_caution_source: is missing")
