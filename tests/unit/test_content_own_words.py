"""Every content text is in our own words: no run of 8 words is shared with the patient guide.

The guide lives in the shared seeds folder beside the clone. A clone elsewhere (CI, a fresh
machine) has no guide, so `guide_runs.sha256` beside this file keeps a digest of each of the
guide's 8-word runs (not its text); when the guide is present the digests must match it.
Regenerate with `python tests/unit/test_content_own_words.py` if the guide ever changes.
"""

from __future__ import annotations

import hashlib
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from sicoach.content import CONTENT_DIR

RUN = 8
SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"
GUIDE = SEEDS / "000_2ccee5508fba5754.txt"
FINGERPRINT = Path(__file__).with_name("guide_runs.sha256")
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


def digest(run: tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def copied(text: str, guide: set[str]) -> list[tuple[str, ...]]:
    """The 8-word runs of `text` that are also in the guide."""
    return sorted(run for run in runs(text) if digest(run) in guide)


def guide_digests(guide_text: str) -> set[str]:
    return {digest(run) for run in runs(guide_text)}


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
def guide_runs() -> set[str]:
    """Digests of the guide's 8-word runs: the stored ones, checked against the guide if here."""
    stored = {
        line.strip()
        for line in FINGERPRINT.read_text(encoding="ascii").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert len(stored) > 900, f"{FINGERPRINT} looks cut short"
    if GUIDE.is_file():
        assert guide_digests(GUIDE.read_text(encoding="utf-8")) == stored, (
            f"{FINGERPRINT} no longer matches the guide; regenerate it"
        )
    return stored


def test_the_checker_finds_a_copied_sentence(guide_runs: set[str]) -> None:
    assert copied("Lie on your back with knees bent and feet flat.", guide_runs)
    assert not copied("Lie face up, knees bent and both feet on the floor.", guide_runs)


def test_every_content_file_is_checked() -> None:
    assert len(OUR_FILES) == 14  # poses.toml too: its descriptions are the figures' text
    assert all(path.is_file() for path in OUR_FILES)
    assert len(content_texts()) > 200


def test_no_content_text_shares_eight_words_with_the_guide(
    guide_runs: set[str],
) -> None:
    shared = [
        f"{name}: {' '.join(run)!r} in {text!r}"
        for name, text in content_texts()
        for run in copied(text, guide_runs)
    ]
    assert not shared, "text copied from the guide:\n" + "\n".join(shared)


def test_the_readme_is_in_our_own_words(guide_runs: set[str]) -> None:
    readme = Path(__file__).parents[2] / "README.md"
    shared = copied(readme.read_text(encoding="utf-8"), guide_runs)
    assert not shared, f"README.md repeats the guide: {shared}"


@pytest.mark.parametrize("doc", ["design", "clinical-notes"])
def test_the_docs_are_in_our_own_words(guide_runs: set[str], doc: str) -> None:
    path = Path(__file__).parents[2] / "docs" / f"{doc}.md"
    shared = copied(path.read_text(encoding="utf-8"), guide_runs)
    assert not shared, f"{path.name} repeats the guide: {shared}"


if __name__ == "__main__":  # regenerate the stored digests from the guide beside the clone
    lines = sorted(guide_digests(GUIDE.read_text(encoding="utf-8")))
    header = f"# sha256[:16] of each 8-word run of {GUIDE.name}; see {Path(__file__).name}\n"
    FINGERPRINT.write_text(header + "\n".join(lines) + "\n", encoding="ascii")
    sys.stdout.write(f"wrote {len(lines)} digests to {FINGERPRINT}\n")
