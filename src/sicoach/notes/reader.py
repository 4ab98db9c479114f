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

import functools
import re
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sicoach.content.note_phrases import NotePhrases, load_note_phrases
from sicoach.notes.context_rules import CONTEXT_PIPE, TARGET_PIPE, build_context_rules
from sicoach.notes.targets import build_target_rules

if TYPE_CHECKING:
    from spacy.language import Language

WHOLE_NOTE_WORDS = 80
"""Up to this many words, ConText reads the whole note at once: cutting a short note into
sentences costs more than it saves."""
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
        self._context = self._nlp.get_pipe(CONTEXT_PIPE)
        self._lock = threading.Lock()
        self.load_seconds = time.perf_counter() - started

    def mentions(self, note: str) -> tuple[Mention, ...]:
        """Every phrase found in the note, with its ConText verdict, in reading order."""
        text = note.translate(_APOSTROPHES)
        if not text.strip():
            return ()
        found = []
        with self._lock:  # spaCy pipelines are not documented as thread-safe
            for sentence in self._sentences_with_targets(text):
                for ent in self._context(sentence).ents:
                    why = next((w for attr, w in _NOT_PRESENT if getattr(ent._, attr)), "")
                    found.append(Mention(code=ent.label_, text=ent.text, not_present=why))
        return tuple(found)

    def _sentences_with_targets(self, text: str) -> list[Any]:
        """The note's sentences that hold a phrase of ours, each as a Doc of its own.

        ConText only ever looks within a sentence, and most of its cost is per word: most
        notes mention no warning sign at all and skip it, and a long note pays only for the
        sentences that do.
        """
        doc = self._nlp.make_doc(text)
        for name, component in self._nlp.pipeline:
            if name == CONTEXT_PIPE:
                break
            doc = component(doc)
        if not doc.ents:
            return []
        if len(doc) <= WHOLE_NOTE_WORDS:
            return [doc]
        return [s.as_doc() for s in doc.sents if any(s.start <= e.start < s.end for e in doc.ents)]

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


_SPLIT_BY_TOKENIZER = frozenset({"cannot", "gonna", "gotta", "wanna", "lemme", "gimme"})
"""Words spaCy cuts in two ("can not"): never used as a phrase's key word."""


_COMMON = frozenset(
    re.findall(
        r"\w+",
        "a an and at back both day does down feel feels for from has have in is it me my no "
        "not now of on the to up was when with",
    )
)
"""Words a key word is chosen among last: found in almost any note, they filter nothing."""


@functools.cache
def _key_words() -> tuple[frozenset[str], bool]:
    """One word per phrase that any note mentioning the phrase must contain (its longest
    plain word); and whether some phrase has no such word (then every note is read)."""
    keys: set[str] = set()
    keyless = False
    for phrases in load_note_phrases().targets.values():
        for phrase in phrases:
            # spaCy cuts "light-headed" at the hyphen: its parts are words of their own.
            words = [
                w
                for w in phrase.replace("-", " ").split()
                if w.isalpha() and w not in _SPLIT_BY_TOKENIZER
            ]
            if words:
                keys.add(max(words, key=lambda w: (w not in _COMMON, len(w))))
            else:
                keyless = True
    return frozenset(keys), keyless


def could_mention(note: str) -> bool:
    """False when the note cannot hold any of our phrases, so the pipeline need not load.

    A phrase matches word by word in lower case, so its key word is then part of the
    lower-cased note: leaving a note without any key word unread can never miss a sign.
    """
    keys, keyless = _key_words()
    text = note.translate(_APOSTROPHES).lower()
    return keyless or any(key in text for key in keys)


def read_note(note: str) -> tuple[str, ...]:
    """The warning-sign codes a note mentions as present (see `NoteReader.read`)."""
    if not note or not note.strip() or not could_mention(note):
        return ()
    return get_reader().read(note)


def warm_up() -> None:
    """Build the reader in a background thread (say, while a person types a note)."""
    if _reader is None:
        threading.Thread(target=get_reader, name="note-reader-warm-up", daemon=True).start()
