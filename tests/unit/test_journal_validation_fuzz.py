"""Fuzzing the validator: whatever JSON arrives, the answer is a Journal or a JournalError.

Any other exception would reach the person as a crash (exit 1) instead of one clear line.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.domain.field_checks import JournalError
from sicoach.domain.journal import Journal
from sicoach.domain.validation import validate_journal
from sicoach.interchange.journal_json import parse_document
from tests.integration.journal_samples import sample

TODAY = date(2026, 11, 20)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["2026-11-02", "2026-11-02T07:30:00", "fever", "walking", "bridge"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, (*prefix, i))
    return found


def _answer(document: Any) -> Journal | JournalError:
    try:
        return validate_journal(document, TODAY)
    except JournalError as err:
        assert err.path and err.message
        assert "\n" not in str(err)
        return err


@settings(max_examples=300, deadline=None)
@given(data=st.data(), replacement=json_values)
def test_any_single_change_to_a_valid_journal_is_answered_cleanly(
    data: st.DataObject, replacement: Any
) -> None:
    document = sample()
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = replacement
    _answer(document)


@settings(max_examples=200, deadline=None)
@given(document=json_values)
def test_any_json_value_is_answered_cleanly(document: Any) -> None:
    _answer(document)
    _answer({"format": "sicoach.journal", "version": 1, "checkins": document})


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_is_answered_cleanly(text: str) -> None:
    try:
        _answer(parse_document(text))
    except JournalError as err:
        assert err.path == "document"


def test_the_sample_itself_is_valid() -> None:
    assert isinstance(_answer(json.loads(json.dumps(sample()))), Journal)
