"""The fixed codes of the journal format (docs/design.md §4).

The codes and their groups are part of the interchange contract, so they live in code; the
plain-words labels and explanations live in the content pack (`content/vocabulary.toml`),
and a content test checks that the two agree.
"""

from __future__ import annotations

GUIDE_SYMPTOMS: tuple[str, ...] = (
    "leg_tingling",
    "leg_numbness",
    "leg_weakness",
    "trouble_standing_up",
    "pain_worse_sitting",
    "sleep_difficulty",
)
PAIN_SPREAD: tuple[str, ...] = (
    "pain_groin",
    "pain_buttocks",
    "pain_hips",
    "pain_thighs",
    "pain_lower_back",
)
EMERGENCY_FLAGS: tuple[str, ...] = (
    "saddle_numbness",
    "bladder_bowel_change",
    "both_legs_symptoms",
    "recent_trauma",
    "chest_pain",
    "wiping_numbness",
    "sexual_changes",
)
URGENT_FLAGS: tuple[str, ...] = (
    "fever",
    "unexplained_weight_loss",
    "night_pain",
    "back_lump",
    "pain_on_cough",
    "pain_between_shoulders",
    "difficulty_walking",
    "breathlessness",
)
PREGNANCY_WARNINGS: tuple[str, ...] = (
    "vaginal_bleeding",
    "fluid_leak",
    "contractions",
    "reduced_baby_movement",
    "dizziness",
    "calf_swelling",
    "heavy_bleeding",
    "bleeding_bad_smell",
    "headache_vision",
    "sudden_swelling",
    "abdominal_pain",
)
ROUTINE_SIGNS: tuple[str, ...] = (
    "pain_stops_activities",
    "unable_to_cope",
    "fall_or_knock",
)
"""Signs of the NHS routine tier, and a fall since the last check-in: each a reason to
book a visit (a fall is an emergency for someone with fragile bones)."""

SYMPTOM_GROUPS: dict[str, tuple[str, ...]] = {
    "guide": GUIDE_SYMPTOMS,
    "spread": PAIN_SPREAD,
    "emergency": EMERGENCY_FLAGS,
    "urgent": URGENT_FLAGS,
    "pregnancy": PREGNANCY_WARNINGS,
    "routine": ROUTINE_SIGNS,
}
SYMPTOM_CODES: frozenset[str] = frozenset(c for group in SYMPTOM_GROUPS.values() for c in group)

HISTORY_CODES: tuple[str, ...] = (
    "cancer",
    "osteoporosis",
    "steroid_use",
    "spine_surgery",
    "immunosuppression",
    "injecting_drug_use",
    "recent_infection",
)
"""Codes added in the second safety edition (wiping_numbness .. fall_or_knock, and the last
three history codes) are additive: every journal written before them still reads as
version 1 (docs/design.md §4)."""

ACTIVITY_KINDS: tuple[str, ...] = (
    "walking",
    "swimming",
    "water_aerobics",
    "cycling",
    "tai_chi",
    "other",
)

SEXES: tuple[str, ...] = ("female", "male", "other")

EXERCISE_IDS: tuple[str, ...] = (
    "pelvic_tilt",
    "knee_to_chest",
    "double_knee_to_chest",
    "inner_thigh_squeeze",
    "figure_four",
    "supine_twist",
    "side_lying_quad_stretch",
    "bridge",
    "cat_cow",
    "triangle_pose",
)
AEROBIC_ID = "low_impact_aerobics"

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
