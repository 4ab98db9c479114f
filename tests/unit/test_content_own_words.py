"""Every content text is in our own words: no run of 8 words is shared with the patient guide.

The guide lives in the shared seeds folder beside the clone; if it is missing the test fails,
because without it we cannot prove the text is ours.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from sicoach.content import CONTENT_DIR

RUN = 8
SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"
GUIDE = SEEDS / "000_2ccee5508fba5754.txt"
OUR_FILES = sorted(
    [
        *CONTENT_DIR.glob("exercises/*.toml"),
        *(
            CONTENT_DIR / n
            for n in ("aerobic.toml", "education.toml", "vocabulary.toml", "poses.toml")
        ),
    ]
)


def words(text: str) -> list[str]:
    """Lowercase words with punctuation dropped; apostrophes vanish so "you’ve" is "youve"."""
    text = text.lower().replace("’", "").replace("'", "")
    return re.findall(r"[a-z0-9]+", text)


def runs(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def content_texts() -> list[tuple[str, str]]:
    texts = []
    for path in OUR_FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        texts.extend((path.name, text) for text in strings(data))
    return texts


@pytest.fixture(scope="module")
def guide_runs() -> set[tuple[str, ...]]:
    assert GUIDE.is_file(), f"the patient guide is missing at {GUIDE}; it must sit beside the clone"
    return runs(GUIDE.read_text(encoding="utf-8"))


def test_the_checker_finds_a_copied_sentence(guide_runs: set[tuple[str, ...]]) -> None:
    copied = "Lie on your back with knees bent and feet flat."
    assert runs(copied) & guide_runs


def test_every_content_file_is_checked() -> None:
    assert len(OUR_FILES) == 14  # poses.toml too: its descriptions are the figures' text
    assert all(path.is_file() for path in OUR_FILES)
    assert len(content_texts()) > 200


def test_no_content_text_shares_eight_words_with_the_guide(
    guide_runs: set[tuple[str, ...]],
) -> None:
    shared = [
        f"{name}: {' '.join(run)!r} in {text!r}"
        for name, text in content_texts()
        for run in sorted(runs(text) & guide_runs)
    ]
    assert not shared, "text copied from the guide:\n" + "\n".join(shared)


def test_the_readme_is_in_our_own_words(guide_runs: set[tuple[str, ...]]) -> None:
    readme = Path(__file__).parents[2] / "README.md"
    shared = sorted(runs(readme.read_text(encoding="utf-8")) & guide_runs)
    assert not shared, f"README.md repeats the guide: {shared}"
