"""The patient guide, fact by fact, against the loaded content pack.

Each row below was written from the guide (shared/seeds/000_2ccee5508fba5754.txt). Where the
guide leaves a value vague, the row checks that the pack marks it as our default instead.
"""

from __future__ import annotations

import pytest

from sicoach.content import load_catalog
from sicoach.domain.exercises import Catalog, Exercise, Range
from sicoach.domain.vocabulary import EXERCISE_IDS


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def text_of(exercise: Exercise) -> str:
    parts = [exercise.purpose, exercise.key_instruction, *exercise.steps, *exercise.cautions]
    parts += [*exercise.modifications, *exercise.props]
    return " ".join(parts).lower()


# Order in the guide (items 1-10).
def test_exercises_come_in_the_guides_order(catalog: Catalog) -> None:
    assert catalog.exercise_ids == EXERCISE_IDS
    assert [e.order for e in catalog.exercises] == list(range(1, 11))


# id, hold (None = the guide gives no hold), reps (None = the guide gives none), per side.
# A value the guide does not give must be listed in our_defaults instead.
DOSAGE = [
    ("pelvic_tilt", Range(5, 5), Range(10, None), False),
    ("knee_to_chest", Range(2, 3), None, True),
    ("double_knee_to_chest", Range(2, 3), None, False),
    ("inner_thigh_squeeze", Range(5, 5), Range(3, 5), False),
    ("figure_four", None, None, True),
    ("supine_twist", None, None, True),
    ("side_lying_quad_stretch", None, None, True),
    ("bridge", Range(5, 5), Range(8, 10), False),
    ("cat_cow", None, Range(8, 10), False),
    ("triangle_pose", None, None, True),
]


@pytest.mark.parametrize(("exercise_id", "hold", "reps", "per_side"), DOSAGE)
def test_dosage_matches_the_guide(
    catalog: Catalog, exercise_id: str, hold: Range | None, reps: Range | None, per_side: bool
) -> None:
    exercise = catalog.exercise(exercise_id)
    dosage = exercise.dosage
    assert dosage.per_side is per_side
    if hold is None:
        assert dosage.hold_seconds is None or "hold_seconds" in exercise.our_defaults
    else:
        assert dosage.hold_seconds == hold
        assert "hold_seconds" not in exercise.our_defaults
    if reps is None:
        assert dosage.reps is not None, "every exercise needs a number of repetitions to run"
        assert "reps" in exercise.our_defaults
    else:
        assert dosage.reps == reps
        assert "reps" not in exercise.our_defaults


def test_vague_holds_are_our_default_of_a_few_seconds(catalog: Catalog) -> None:
    # "a few seconds" (figure four, twist) and "briefly" (quad stretch): our 5 seconds.
    for exercise_id in ("figure_four", "supine_twist", "side_lying_quad_stretch"):
        exercise = catalog.exercise(exercise_id)
        assert exercise.dosage.hold_seconds == Range(5, 5)
        assert "hold_seconds" in exercise.our_defaults


def test_cat_cow_has_no_hold_and_a_slow_paced_movement_of_ours(catalog: Catalog) -> None:
    cat_cow = catalog.exercise("cat_cow")
    assert cat_cow.dosage.hold_seconds is None
    assert "move_seconds" in cat_cow.our_defaults
    assert cat_cow.dosage.move_seconds >= 3
    assert "slow" in text_of(cat_cow)
    assert "breathe in" in text_of(cat_cow) and "breathe out" in text_of(cat_cow)


def test_knee_to_chest_alternates_legs(catalog: Catalog) -> None:
    assert catalog.exercise("knee_to_chest").dosage.alternating is True


# Positions stated by the guide ("lie on your back", "lie on your side", "on hands and
# knees", "stand"). The inner thigh squeeze has none in the guide: ours, and marked.
POSITIONS = [
    ("pelvic_tilt", "supine"),
    ("knee_to_chest", "supine"),
    ("double_knee_to_chest", "supine"),
    ("figure_four", "supine"),
    ("supine_twist", "supine"),
    ("side_lying_quad_stretch", "side_lying"),
    ("bridge", "supine"),
    ("cat_cow", "hands_and_knees"),
    ("triangle_pose", "standing"),
]


@pytest.mark.parametrize(("exercise_id", "position"), POSITIONS)
def test_position_matches_the_guide(catalog: Catalog, exercise_id: str, position: str) -> None:
    assert catalog.exercise(exercise_id).position == position


def test_inner_thigh_squeeze_position_is_marked_as_ours(catalog: Catalog) -> None:
    assert "position" in catalog.exercise("inner_thigh_squeeze").our_defaults


def test_pelvic_tilt_progression_is_alternating_marches(catalog: Catalog) -> None:
    tilt = catalog.exercise("pelvic_tilt")
    level_one = tilt.progression(1)
    assert level_one is not None
    assert "march" in level_one.name.lower()
    assert "alternating" in level_one.name.lower()
    assert level_one.builds_on == 0
    assert "one foot" in " ".join(level_one.steps).lower()
    assert tilt.max_level == 1


def test_other_exercises_have_only_the_base_level(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        assert exercise.progression(0) is not None
        if exercise.id != "pelvic_tilt":
            assert exercise.max_level == 0


# Props named by the guide, as (exercise, words that must appear in its props).
PROPS = [
    ("inner_thigh_squeeze", ("ball", "rolled towel")),
    ("side_lying_quad_stretch", ("strap",)),
    ("supine_twist", ("pillow",)),
]


@pytest.mark.parametrize(("exercise_id", "words"), PROPS)
def test_props_match_the_guide(catalog: Catalog, exercise_id: str, words: tuple[str, ...]) -> None:
    props = " ".join(catalog.exercise(exercise_id).props).lower()
    for word in words:
        assert word in props


def test_optional_props_say_so(catalog: Catalog) -> None:
    assert "optional" in catalog.exercise("side_lying_quad_stretch").props[0]
    assert "optional" in catalog.exercise("supine_twist").props[0]


# Cautions the guide gives, as (exercise, words that must appear in its cautions).
CAUTIONS = [
    ("knee_to_chest", ("without pain",)),
    ("double_knee_to_chest", ("one leg at a time",)),
    ("side_lying_quad_stretch", ("hurts", "skip")),
    ("triangle_pose", ("lock",)),
]


@pytest.mark.parametrize(("exercise_id", "words"), CAUTIONS)
def test_cautions_match_the_guide(
    catalog: Catalog, exercise_id: str, words: tuple[str, ...]
) -> None:
    cautions = " ".join(catalog.exercise(exercise_id).cautions).lower()
    for word in words:
        assert word in cautions


# Details of the steps the guide insists on.
STEP_FACTS = [
    ("pelvic_tilt", ("knees", "feet flat", "belly", "small of your back")),
    ("knee_to_chest", ("one knee", "other leg")),
    ("double_knee_to_chest", ("both knees", "one at a time")),
    ("inner_thigh_squeeze", ("between your knees", "5 seconds")),
    ("figure_four", ("ankle", "knee", "supporting thigh", "change sides")),
    ("supine_twist", ("shoulders", "one side", "other side")),
    ("side_lying_quad_stretch", ("ankle", "heel", "buttock", "other leg")),
    ("bridge", ("buttock", "hips", "5 seconds")),
    ("cat_cow", ("hands and knees", "arch", "round", "chin")),
    ("triangle_pose", ("feet wide", "arm", "shin or ankle", "other side")),
]


@pytest.mark.parametrize(("exercise_id", "words"), STEP_FACTS)
def test_steps_carry_the_guides_details(
    catalog: Catalog, exercise_id: str, words: tuple[str, ...]
) -> None:
    steps = " ".join(catalog.exercise(exercise_id).steps).lower()
    for word in words:
        assert word in steps, f"{exercise_id}: {word!r} not in the steps"


def test_every_exercise_on_the_back_has_a_pregnancy_variant_off_the_back(
    catalog: Catalog,
) -> None:
    on_back = [e for e in catalog.exercises if e.lies_on_back]
    assert len(on_back) == 7
    for exercise in on_back:
        variant = exercise.variant("pregnancy")
        assert variant is not None, exercise.id
        assert variant.position in {"side_lying", "seated", "standing", "hands_and_knees"}
        assert "week 14" in variant.reason
        assert "ACOG" in variant.source


def test_wide_stance_moves_carry_the_pelvic_girdle_caution(catalog: Catalog) -> None:
    for exercise_id in ("triangle_pose", "figure_four"):
        caution = catalog.exercise(exercise_id).pregnancy_caution
        assert caution is not None and "pelvic girdle pain" in caution
        assert (
            "Cambridge University Hospitals"
            in catalog.exercise(exercise_id).pregnancy_caution_source
        )
        text = caution.lower()
        assert "wide stances" in text and "straddle" in text and "one leg" in text
    others = [e for e in catalog.exercises if e.id not in {"triangle_pose", "figure_four"}]
    assert all(e.pregnancy_caution is None for e in others)


def test_aerobic_item_matches_the_guide(catalog: Catalog) -> None:
    aerobic = catalog.aerobic
    assert aerobic.id == "low_impact_aerobics"
    assert {o.kind for o in aerobic.options} == {
        "walking",
        "water_aerobics",
        "swimming",
        "cycling",
        "tai_chi",
    }
    assert aerobic.weekly_goal_minutes == 150
    assert aerobic.sessions_per_week == 5
    assert aerobic.minutes_per_session == 30
    assert aerobic.walking_start_minutes == Range(10, 15)
    assert "American Heart Association" in aerobic.source
    notes = {o.kind: o.note.lower() for o in aerobic.options}
    assert "low" in notes["cycling"] and "resistance" in notes["cycling"]
    assert "balance" in notes["tai_chi"]
    assert "10 to 15" in notes["walking"]


def items(catalog: Catalog, section_id: str) -> str:
    section = catalog.section(section_id)
    assert section is not None, section_id
    return " | ".join(section.items).lower()


# Lists of the guide: one entry per guide item, each a tuple of words (any one of which
# must appear) that carry the item's meaning.
LISTS = {
    "where_it_hurts": [("groin",), ("lower back",), ("hips",), ("buttocks",), ("thighs",)],
    "causes": [
        ("pregnancy",),
        ("injury", "trauma"),
        ("arthritis",),
        ("posture",),
        ("older", "degenerative"),
        ("sitting",),
        ("same movement over and over",),
    ],
    "symptoms": [
        ("tingling",),
        ("numbness",),
        ("weakness",),
        ("unsteady",),
        ("getting up after sitting",),
        ("longer you sit",),
        ("sleeping",),
    ],
    "risk_factors": [
        ("woman",),
        ("older than 45",),
        ("pregnant",),
        ("given birth", "postpartum"),
        ("sedentary",),
        ("overweight",),
        ("lifting",),
        ("bending",),
    ],
    "when_to_see_a_doctor": [
        ("cannot do the exercises without them hurting",),
        ("worse after one to two weeks",),
        ("new symptoms",),
        ("get worse",),
        ("tingling, numbness or weakness in one leg or in both",),
        ("movement does not get any easier",),
    ],
    "treatments": [
        ("physical therapy",),
        ("anti-inflammatories",),
        ("brace",),
        ("corticosteroid",),
        ("radiofrequency ablation",),
        ("fuse",),
        ("severe",),
    ],
}
LIST_LENGTHS = {
    "where_it_hurts": 5,
    "causes": 6,
    "symptoms": 5,
    "risk_factors": 6,
    "when_to_see_a_doctor": 5,
    "treatments": 6,
}


@pytest.mark.parametrize("section_id", sorted(LISTS))
def test_guide_lists_carry_over(catalog: Catalog, section_id: str) -> None:
    text = items(catalog, section_id)
    for alternatives in LISTS[section_id]:
        assert any(word in text for word in alternatives), f"{section_id}: {alternatives}"
    section = catalog.section(section_id)
    assert section is not None and len(section.items) == LIST_LENGTHS[section_id]


def test_what_is_it_names_sacrum_and_pelvis(catalog: Catalog) -> None:
    section = catalog.section("what_is_it")
    assert section is not None
    text = " ".join(section.paragraphs).lower()
    for word in ("sacrum", "pelvis", "ilium", "inflamed", "overused"):
        assert word in text


def test_where_it_hurts_says_dull_or_sharp(catalog: Catalog) -> None:
    section = catalog.section("where_it_hurts")
    assert section is not None
    text = " ".join(section.paragraphs).lower()
    assert "dull" in text and "sharp" in text


def test_the_guide_symptoms_are_in_the_vocabulary(catalog: Catalog) -> None:
    labels = {c.code: c.label.lower() for c in catalog.symptoms}
    assert "tingling" in labels["leg_tingling"]
    assert "numb" in labels["leg_numbness"]
    assert "weak" in labels["leg_weakness"] and "unsteady" in labels["leg_weakness"]
    assert "stand" in labels["trouble_standing_up"]
    assert "sitting" in labels["pain_worse_sitting"]
    assert "sleep" in labels["sleep_difficulty"]
    spread = " ".join(c.label.lower() for c in catalog.symptoms if c.group == "spread")
    for place in ("groin", "buttocks", "hips", "thighs", "lower back"):
        assert place in spread


def test_every_changed_version_has_its_own_name(catalog: Catalog) -> None:
    """A seated or standing version is a different movement: it is not called by the
    lying-down exercise's name (the player, the voice and the library all show it)."""
    names = []
    for exercise in catalog.exercises:
        for variant in exercise.variants:
            assert variant.name and variant.name != exercise.name, exercise.id
            names.append(variant.name)
    assert len(names) == len(set(names)) >= 7
