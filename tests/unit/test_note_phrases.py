"""The phrase lists of the note reader are checked when they are loaded."""

from __future__ import annotations

import tomllib

import pytest

from sicoach.content import ContentError
from sicoach.content.loader import CONTENT_DIR
from sicoach.content.note_phrases import NOTE_PHRASES_FILE, load_note_phrases, parse_note_phrases

CONTEXT = """
[context]
uncertain = ["maybe"]
neutral = ["can't"]
negated_before = ["no"]
negated_after = ["has gone"]
historical = ["last year"]
hypothetical = ["if"]
other_person = ["my mother"]
ends_negation = ["and"]
ends_other_person = ["i"]
ends_past_or_if = ["now"]
"""


def _parse(phrases: str, context: str = CONTEXT):  # type: ignore[no-untyped-def]
    return parse_note_phrases(phrases + context)


def test_the_packaged_lists_load_in_lower_case() -> None:
    phrases = load_note_phrases()
    assert phrases.phrase_count >= 300
    assert all(p == p.lower() for ps in phrases.targets.values() for p in ps)
    assert phrases.says["both_legs_symptoms"].endswith("in both legs")
    raw = tomllib.loads((CONTENT_DIR / NOTE_PHRASES_FILE).read_text(encoding="utf-8"))
    assert set(raw["phrases"]) == set(phrases.targets)


def test_a_good_minimal_file() -> None:
    parsed = _parse('[phrases.fever]\nsays = "a fever"\nphrases = ["Fever", "hot ... shivery"]\n')
    assert parsed.targets == {"fever": ("fever", "hot ... shivery")}


@pytest.mark.parametrize(
    ("phrases", "context", "message"),
    [
        (
            '[phrases.sneezy]\nsays = "x"\nphrases = ["a"]\n',
            CONTEXT,
            "phrases.sneezy: not a symptom",
        ),
        ('[phrases.fever]\nsays = "x"\nphrases = []\n', CONTEXT, "phrases.fever.phrases: is empty"),
        (
            '[phrases.fever]\nsays = "x"\nphrases = ["hot"]\n'
            '[phrases.chest_pain]\nsays = "y"\nphrases = ["HOT"]\n',
            CONTEXT,
            "phrases.chest_pain.phrases[0]: 'hot' is also listed under fever",
        ),
        ('[phrases.fever]\nsays = "x"\nphrases = ["... hot"]\n', CONTEXT, "starts or ends"),
        ('[phrases.fever]\nsays = "x"\nphrases = ["hot...cold"]\n', CONTEXT, "a word of its own"),
        ('[phrases.fever]\nphrases = ["hot"]\n', CONTEXT, "phrases.fever.says"),
        (
            '[phrases.fever]\nsays = "x"\nphrases = ["hot"]\n',
            CONTEXT.replace('ends_negation = ["and"]', 'ends_negation = ["now"]'),
            "context.ends_past_or_if[0]: 'now' is also listed in context.ends_negation",
        ),
        ('[phrases.fever]\nsays = "x"\nphrases = ["hot"]\n', "", "context"),
        ("phrases = [", CONTEXT, "not valid TOML"),
    ],
)
def test_mistakes_name_the_file_and_the_field(phrases: str, context: str, message: str) -> None:
    with pytest.raises(ContentError) as err:
        _parse(phrases, context)
    assert str(err.value).startswith(f"{NOTE_PHRASES_FILE}: ")
    assert message in str(err.value)


def test_a_pending_list_waits_for_its_code_then_takes_its_phrases() -> None:
    waiting = _parse(
        '[phrases.fever]\nsays = "x"\nphrases = ["hot", "shivery"]\n'
        '[pending.not_yet_a_code]\nsays = "y"\nphrases = ["hot"]\n'
    )
    assert waiting.targets == {"fever": ("hot", "shivery")}
    taken = _parse(
        '[phrases.fever]\nsays = "x"\nphrases = ["hot", "shivery"]\n'
        '[pending.chest_pain]\nsays = "y"\nphrases = ["hot", "tight chest"]\n'
    )
    assert taken.targets == {"fever": ("shivery",), "chest_pain": ("hot", "tight chest")}
    assert taken.says["chest_pain"] == "y"
    with pytest.raises(ContentError) as err:
        _parse(
            '[phrases.fever]\nsays = "x"\nphrases = ["hot"]\n'
            '[pending.fever]\nsays = "y"\nphrases = ["warm"]\n'
        )
    assert "pending.fever: also under phrases" in str(err.value)
