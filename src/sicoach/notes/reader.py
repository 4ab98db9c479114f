"""The note reader: medspaCy's target matcher and ConText on spaCy's blank English pipeline.

Why medspaCy: its ConText algorithm tells "no numbness", "numbness last year", "if I get
numbness" and "my mother has a fever" apart from a present sign, with rules a person can
read. Our phrase lists (`content/note_phrases.toml`) are its targets; its own ConText rules
are loaded from the installed package, then narrowed for how people write about themselves
(`context_rules`). Nothing is downloaded: the pipeline is `spacy.blank("en")`.

The pipeline takes seconds to import and build, so it is built on first use, once per
process (`get_reader`), behind a lock so two web requests never build it twice.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sicoach.content.note_phrases import NotePhrases, load_note_phrases
from sicoach.notes.context_rules import CONTEXT_PIPE, TARGET_PIPE, build_context_rules
from sicoach.notes.targets import build_target_rules

if TYPE_CHECKING:
    from spacy.language import Language

_NOT_PRESENT = (
    ("is_negated", "negated"),
    ("is_historical", "in the past"),
    ("is_hypothetical", "hypothetical"),
    ("is_family", "someone else"),
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@dataclass(frozen=True)
class Mention:
    """One phrase found in a note: its code, the words, and why it does not count (if so)."""

    code: str
    text: str
    not_present: str = ""
    """"" for a present, current sign of the writer; else "negated", "in the past",
    "hypothetical" or "someone else"."""

    @property
    def present(self) -> bool:
        return not self.not_present


class NoteReader:
    """A built pipeline and the order of the codes; `read` is safe to call from threads."""

    def __init__(self, phrases: NotePhrases) -> None:
        started = time.perf_counter()
        self._order = tuple(phrases.targets)
        self._nlp = _build_pipeline(phrases)
        self._lock = threading.Lock()
        self.load_seconds = time.perf_counter() - started

    def mentions(self, note: str) -> tuple[Mention, ...]:
        """Every phrase found in the note, with its ConText verdict, in reading order."""
        text = note.translate(_APOSTROPHES)
        if not text.strip():
            return ()
        with self._lock:  # spaCy pipelines are not documented as thread-safe
            doc = self._nlp(text)
        found = []
        for ent in doc.ents:
            why = next((words for attr, words in _NOT_PRESENT if getattr(ent._, attr)), "")
            found.append(Mention(code=ent.label_, text=ent.text, not_present=why))
        return tuple(found)

    def read(self, note: str) -> tuple[str, ...]:
        """The codes the note mentions as present signs, in vocabulary order, once each."""
        present = {m.code for m in self.mentions(note) if m.present}
        return tuple(code for code in self._order if code in present)


def _build_pipeline(phrases: NotePhrases) -> Language:
    import medspacy
    import spacy

    nlp = medspacy.load(
        spacy.blank("en"), medspacy_enable=["medspacy_tokenizer", TARGET_PIPE], load_rules=False
    )
    nlp.add_pipe("sentencizer", first=True)
    # A context word inside a target ("not" in "baby is not moving") must never negate it:
    # medspaCy's own check misses a word lying wholly inside the target, its pruning does not.
    nlp.add_pipe(CONTEXT_PIPE, config={"rules": None, "prune_on_target_overlap": True})
    target_matcher: Any = nlp.get_pipe(TARGET_PIPE)
    target_matcher.add(build_target_rules(nlp, phrases))
    context: Any = nlp.get_pipe(CONTEXT_PIPE)
    context.add(build_context_rules(nlp, context.DEFAULT_RULES_FILEPATH, phrases))
    return nlp


_reader: NoteReader | None = None
_reader_lock = threading.Lock()


def get_reader() -> NoteReader:
    """The process's note reader, built on the first call from the packaged phrase lists."""
    global _reader
    if _reader is None:
        with _reader_lock:
            if _reader is None:
                _reader = NoteReader(load_note_phrases())
    return _reader


def read_note(note: str) -> tuple[str, ...]:
    """The warning-sign codes a note mentions as present (see `NoteReader.read`)."""
    if not note or not note.strip():
        return ()
    return get_reader().read(note)
