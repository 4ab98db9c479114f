"""The phrase lists the note reader looks for (`note_phrases.toml`), checked on load.

Kept apart from the catalog loader: only the note reader needs them, and it loads them once
per process. A mistake (an unknown code, an empty list, one phrase under two codes) is a
`ContentError` naming the file and the field, like every other content file; a test checks
that every warning sign has phrases (`uncovered_warning_signs`).
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from sicoach.content.loader import CONTENT_DIR, ContentError
from sicoach.domain.vocabulary import SYMPTOM_CODES, SYMPTOM_GROUPS

NOTE_PHRASES_FILE = "note_phrases.toml"
GAP = "..."
"""In a phrase, up to `GAP_WORDS` words in between."""
GAP_WORDS = 3
ORDINARY_GROUPS = ("guide", "spread")
"""Symptom groups that are not warning signs: a note need not be read for them."""

Phrase = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _CodePhrases(_Strict):
    says: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    phrases: list[Phrase]


class _ContextWords(_Strict):
    uncertain: list[Phrase]
    neutral: list[Phrase]
    negated_before: list[Phrase]
    negated_after: list[Phrase]
    historical: list[Phrase]
    hypothetical: list[Phrase]
    other_person: list[Phrase]
    ends_negation: list[Phrase]
    ends_other_person: list[Phrase]
    ends_past_or_if: list[Phrase]


class _NotePhrasesFile(_Strict):
    phrases: dict[str, _CodePhrases]
    pending: dict[str, _CodePhrases] = {}
    context: _ContextWords


@dataclass(frozen=True)
class NotePhrases:
    """Per symptom code, the ways a person may write it; and the context words we add."""

    targets: dict[str, tuple[str, ...]]
    context: dict[str, tuple[str, ...]]
    says: dict[str, str]
    """Per code, the words that name it after "Your note mentions"."""

    @property
    def phrase_count(self) -> int:
        return sum(len(p) for p in self.targets.values())


def warning_sign_codes() -> tuple[str, ...]:
    """Every symptom code a note must be read for: all groups but the ordinary ones."""
    return tuple(
        code
        for group, codes in SYMPTOM_GROUPS.items()
        if group not in ORDINARY_GROUPS
        for code in codes
    )


def _check_phrase(phrase: str, where: str) -> None:
    words = phrase.split()
    if words[0] == GAP or words[-1] == GAP:
        raise ContentError(f"{where}: {phrase!r} starts or ends with {GAP!r}")
    if f"{GAP} {GAP}" in phrase:
        raise ContentError(f"{where}: {phrase!r} has {GAP!r} twice in a row")
    if GAP in phrase.replace(f" {GAP} ", " "):
        raise ContentError(f"{where}: {phrase!r}: write {GAP!r} as a word of its own")


def parse_note_phrases(text: str, name: str = NOTE_PHRASES_FILE) -> NotePhrases:
    """Check the TOML text of the phrase lists and return them (lower case, in file order)."""
    try:
        model = _NotePhrasesFile.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as err:
        raise ContentError(f"{name}: not valid TOML: {err}") from None
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ContentError(f"{name}: {where}: {first['msg']}") from None
    owner: dict[str, str] = {}
    for code, entry in model.phrases.items():
        if code not in SYMPTOM_CODES:
            raise ContentError(f"{name}: phrases.{code}: not a symptom code of the vocabulary")
        if not entry.phrases:
            raise ContentError(f"{name}: phrases.{code}.phrases: is empty")
        for i, phrase in enumerate(entry.phrases):
            where = f"{name}: phrases.{code}.phrases[{i}]"
            _check_phrase(phrase, where)
            if phrase in owner:
                raise ContentError(f"{where}: {phrase!r} is also listed under {owner[phrase]}")
            owner[phrase] = code
    targets = {code: tuple(entry.phrases) for code, entry in model.phrases.items()}
    says = {code: entry.says for code, entry in model.phrases.items()}
    _take_up_pending(model.pending, targets, says, name)
    context = {key: tuple(words) for key, words in model.context.model_dump().items()}
    listed: dict[str, str] = {}
    for key, words in context.items():
        if not words:
            raise ContentError(f"{name}: context.{key}: is empty")
        for i, word in enumerate(words):
            where = f"{name}: context.{key}[{i}]"
            if GAP in word:
                raise ContentError(f"{where}: {GAP!r} is for phrases only")
            # One meaning per word: the matcher keeps only one rule for the same words.
            if word in listed:
                raise ContentError(f"{where}: {word!r} is also listed in context.{listed[word]}")
            listed[word] = key
    return NotePhrases(targets=targets, context=context, says=says)


def _take_up_pending(
    pending: dict[str, _CodePhrases],
    targets: dict[str, tuple[str, ...]],
    says: dict[str, str],
    name: str,
) -> None:
    """Lists written ahead for codes the vocabulary does not have yet (`[pending.CODE]`).

    Ignored until the code exists; from then on read like any other list, and a phrase it
    shares with an older list moves to it (the older list held it in the meantime).
    """
    for code, entry in pending.items():
        if code not in SYMPTOM_CODES:
            continue
        if code in targets:
            raise ContentError(f"{name}: pending.{code}: also under phrases; keep one")
        claimed = set()
        for i, phrase in enumerate(entry.phrases):
            _check_phrase(phrase, f"{name}: pending.{code}.phrases[{i}]")
            claimed.add(phrase)
        for other, listed in list(targets.items()):
            targets[other] = tuple(p for p in listed if p not in claimed)
        targets[code] = tuple(entry.phrases)
        says[code] = entry.says
    for code, listed in targets.items():
        if not listed:
            raise ContentError(f"{name}: phrases.{code}.phrases: is empty once pending lists apply")


def uncovered_warning_signs(phrases: NotePhrases) -> tuple[str, ...]:
    """Warning-sign codes with no phrase list yet.

    A test keeps this empty. It is not a load error on purpose: a code added to the
    vocabulary before its phrases must not stop check-ins from being saved; its box can
    still be ticked, only notes are not yet read for it.
    """
    return tuple(c for c in warning_sign_codes() if c not in phrases.targets)


@functools.cache
def load_note_phrases(folder: Path | None = None) -> NotePhrases:
    """Read and check `note_phrases.toml` from the content folder (cached per folder)."""
    path = (folder or CONTENT_DIR) / NOTE_PHRASES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ContentError(f"{NOTE_PHRASES_FILE}: cannot be read: {err.strerror}") from None
    return parse_note_phrases(text)
