"""The note reader on real medspaCy: what a person writes, and what it must (not) count.

Each case is a note as someone might type it and the warning-sign codes it mentions as
present, current signs of the writer. Negated, past, "if" and someone-else forms count for
nothing; a doubted sign ("I think") counts. The pipeline is built once for the module.
"""

from __future__ import annotations

import pytest

from sicoach.content.note_phrases import GAP, load_note_phrases
from sicoach.notes import could_mention, get_reader, read_note

PRESENT: list[tuple[str, set[str]]] = [
    # --- saddle area and bladder / bowel (cauda equina signs)
    ("can't feel the paper when I wipe", {"wiping_numbness"}),
    ("I can\u2019t feel the toilet paper when I wipe", {"wiping_numbness"}),
    ("Cannot feel anything when i wipe, scary", {"wiping_numbness"}),
    ("my bottom has gone numb", {"saddle_numbness"}),
    ("numb down below since this morning", {"saddle_numbness"}),
    ("tingling down below and pins and needles", {"saddle_numbness"}),
    ("wiping feels really strange today", {"wiping_numbness"}),
    ("I wet myself on the way to the shop", {"bladder_bowel_change"}),
    ("wet myself", {"bladder_bowel_change"}),
    ("Can't hold my wee any more", {"bladder_bowel_change"}),
    ("struggling to pee this morning", {"bladder_bowel_change"}),
    ("I didn't notice I had wet myself", {"bladder_bowel_change"}),
    ("lost control of my bowels last night", {"bladder_bowel_change"}),
    # --- both legs
    ("now both legs are numb", {"both_legs_symptoms"}),
    ("both my legs feel weak and wobbly", {"both_legs_symptoms"}),
    ("pins and needles in my legs all day", {"both_legs_symptoms"}),
    ("numbness going down both legs", {"both_legs_symptoms"}),
    ("I can't walk properly, both legs are numb", {"difficulty_walking", "both_legs_symptoms"}),
    ("my legs gave way on the stairs", {"both_legs_symptoms"}),
    # --- other emergency and urgent signs
    ("I fell down the stairs yesterday", {"recent_trauma"}),
    ("slipped on the ice and landed on my back", {"recent_trauma"}),
    ("was in a car accident on Monday", {"recent_trauma"}),
    ("tight chest when walking the dog", {"chest_pain"}),
    ("pain in my chest this evening", {"chest_pain"}),
    ("I have a fever", {"fever"}),
    ("feel hot and shivery", {"fever"}),
    ("I think I have a temperature", {"fever"}),
    ("maybe a fever, not sure", {"fever"}),
    ("night sweats again", {"fever"}),
    ("losing weight without trying", {"unexplained_weight_loss"}),
    ("pain wakes me up every night", {"night_pain"}),
    ("it is worse at night", {"night_pain"}),
    ("the pain doesn't ease when I rest", {"night_pain"}),
    ("found a lump on my back", {"back_lump"}),
    ("it hurts when I cough", {"pain_on_cough"}),
    ("sneezing hurts my back a lot", {"pain_on_cough"}),
    ("aching between my shoulder blades", {"pain_between_shoulders"}),
    # --- pregnancy and after birth
    ("some spotting this morning", {"vaginal_bleeding"}),
    ("passing large clots", {"heavy_bleeding"}),
    ("I think my waters are leaking", {"fluid_leak"}),
    ("regular contractions every ten minutes", {"contractions"}),
    ("the baby is moving less today", {"reduced_baby_movement"}),
    ("baby hasn't moved since breakfast", {"reduced_baby_movement"}),
    ("haven't felt the baby kick today", {"reduced_baby_movement"}),
    ("felt dizzy in the shower", {"dizziness"}),
    ("my calf is swollen and hot", {"calf_swelling"}),
    # --- second edition signs
    ("headache with flashing lights", {"headache_vision"}),
    ("breathless sitting down", {"breathlessness"}),
    ("I can't cope", {"unable_to_cope"}),
    ("soaking a pad every hour", {"heavy_bleeding"}),
    ("can barely walk today", {"difficulty_walking"}),
    ("my face is swollen", {"sudden_swelling"}),
    ("bad tummy pain since lunch", {"abdominal_pain"}),
    ("knocked my back on the door frame", {"fall_or_knock"}),
    ("couldn't get out of bed this morning", {"pain_stops_activities"}),
    # --- one leg
    ("my left leg is numb", {"leg_numbness"}),
    ("tingling down my leg after sitting", {"leg_tingling"}),
    ("my right leg gave way twice", {"leg_weakness"}),
    # --- several signs, and a negation that must stop at "and", "but" or a comma
    ("no fever and both legs are numb", {"both_legs_symptoms"}),
    ("no fever but my legs feel weak", {"both_legs_symptoms"}),
    ("No fever, I wet myself", {"bladder_bowel_change"}),
    ("feverish and I wet myself", {"fever", "bladder_bowel_change"}),
    # --- someone else speaks, but about the writer
    ("my husband says I wet myself in my sleep", {"bladder_bowel_change"}),
    ("my wife noticed my legs are numb", {"both_legs_symptoms"}),
    ("the midwife said she thinks my waters are leaking", {"fluid_leak"}),
    # --- a past sign that is back now
    ("numb legs last year and now both legs are numb again", {"both_legs_symptoms"}),
    ("used to get night sweats, now I have a fever", {"fever"}),
]

NOT_PRESENT: list[str] = [
    # negated
    "no numbness down below",
    "No fever today.",
    "I don't have a fever",
    "haven't had any chest pain",
    "never wet myself",
    "no bladder problems, no leaking urine",
    "without any tingling in my legs",
    "the fever has gone",
    "chest pain went away",
    "denies night pain",
    "no sign of spotting",
    "not breathless at all",
    "no headache today",
    "I do not have numbness in both legs",
    # in the past
    "numbness down below last year",
    "fever years ago",
    "used to have night sweats in the past",
    "I had chest pain as a child",
    "spotting in my last pregnancy",
    # hypothetical
    "if I get numbness down below I will call 999",
    "the leaflet says to watch for both legs numb",
    "worried about getting a fever",
    "call if you wet yourself",
    "in case my waters break",
    "told me to look out for chest pain",
    # someone else
    "my mother has a fever",
    "my husband has chest pain",
    "my friend wet herself laughing",
    "she has a fever",
    "my neighbour fell down the stairs",
    # ordinary notes that must not be read as a warning sign
    "I fell asleep on the sofa",
    "good day, walked for 20 minutes",
    "stretched both legs after the walk",
    "held the contraction for five seconds",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def reader():  # type: ignore[no-untyped-def]
    return get_reader()


@pytest.mark.parametrize(("note", "expected"), PRESENT)
def test_a_present_sign_is_found(reader, note: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert set(reader.read(note)) == expected, reader.mentions(note)


@pytest.mark.parametrize("note", NOT_PRESENT)
def test_a_sign_that_is_not_the_writers_now_is_not_found(reader, note: str) -> None:  # type: ignore[no-untyped-def]
    assert reader.read(note) == (), reader.mentions(note)


def test_mentions_say_why_a_sign_does_not_count(reader) -> None:  # type: ignore[no-untyped-def]
    why = {m.text.lower(): m.not_present for m in reader.mentions("No fever.")}
    assert why == {"fever": "negated"}
    assert [m.not_present for m in reader.mentions("fever years ago")] == ["in the past"]
    assert [m.not_present for m in reader.mentions("if I get a fever")] == ["hypothetical"]
    assert [m.not_present for m in reader.mentions("my mother has a fever")] == ["someone else"]
    assert [m.present for m in reader.mentions("I have a fever")] == [True]


def test_codes_come_once_each_in_vocabulary_order(reader) -> None:  # type: ignore[no-untyped-def]
    note = "fever again. I wet myself. Feverish, and my legs gave way"
    assert reader.read(note) == ("bladder_bowel_change", "both_legs_symptoms", "fever")


def test_the_reader_is_built_once_per_process() -> None:
    assert get_reader() is get_reader()
    assert read_note("I wet myself") == ("bladder_bowel_change",)
    assert read_note("") == ()


def test_enough_phrases_are_tested() -> None:
    assert len(PRESENT) + len(NOT_PRESENT) >= 60
    forms = ("no ", "last year", "years ago", "if ", "my mother", "my husband", "she ")
    for form in forms:
        assert any(form in note.lower() for note in NOT_PRESENT), form


def test_the_quick_filter_never_hides_a_phrase() -> None:
    """`could_mention` lets a note skip the pipeline; every phrase must still get through."""
    for phrases in load_note_phrases().targets.values():
        for phrase in phrases:
            written = phrase.replace(f" {GAP} ", " really ").upper()
            assert could_mention(written), phrase
    for note, _ in PRESENT:
        assert could_mention(note), note
    assert not could_mention("Slept badly, stiff in the morning")


def test_every_warning_sign_has_phrases() -> None:
    from sicoach.content.note_phrases import uncovered_warning_signs

    assert uncovered_warning_signs(load_note_phrases()) == ()
