"""Our phrase lists as medspaCy target rules: one token pattern per phrase, by lower case."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sicoach.content.note_phrases import GAP, GAP_WORDS, NotePhrases

if TYPE_CHECKING:
    from spacy.language import Language

GAP_TOKEN: dict[str, Any] = {"IS_PUNCT": False, "OP": f"{{0,{GAP_WORDS}}}"}
"""Up to three words, never across a full stop or comma ("both ... numb")."""


def phrase_pattern(nlp: Language, phrase: str) -> list[dict[str, Any]]:
    """A spaCy token pattern for a phrase, cut into tokens by the pipeline's own tokenizer
    (so "can't" is matched the way a note's "can't" is cut)."""
    pattern: list[dict[str, Any]] = []
    for part in phrase.split(f" {GAP} "):
        if pattern:
            pattern.append(dict(GAP_TOKEN))
        pattern.extend({"LOWER": token.lower_} for token in nlp.tokenizer(part))
    return pattern


def build_target_rules(nlp: Language, phrases: NotePhrases) -> list[Any]:
    from medspacy.ner import TargetRule

    # A phrase without a gap goes to the phrase matcher (one lookup per word, by lower
    # case); only phrases with "..." need a token pattern, which costs far more per note.
    return [
        TargetRule(
            literal=phrase,
            category=code,
            pattern=phrase_pattern(nlp, phrase) if GAP in phrase.split() else None,
        )
        for code, listed in phrases.targets.items()
        for phrase in listed
    ]
