"""medspaCy's ConText rules, narrowed for a person writing about themselves, plus our words.

medspaCy's rules come from clinicians' notes about a patient ("denies", "h/o", "family
history"). A person writes "can't feel the paper", "my husband says I wet myself", "numb last
year and now again". Under-triage is the worst mistake, so we keep medspaCy's rules and
narrow them where they would hide a present sign:

* a negation reaches at most `NEGATION_REACH` words and stops at "and", a comma, "now";
* "can't", "unable to" never negate ("can't feel", "can't hold it" describe a sign);
* "my mother", "he" stop at words that bring the writer back ("I", "my", "says");
* "last year", "if" stop at "now", "again", "still";
* a doubted sign ("I think", "maybe") still counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sicoach.content.note_phrases import NotePhrases

if TYPE_CHECKING:
    from spacy.language import Language

TARGET_PIPE = "medspacy_target_matcher"
CONTEXT_PIPE = "medspacy_context"
NEGATION_REACH = 5
"""Words after "no" (or before "has gone") that it can negate; ours, kept short on purpose."""

NEGATED = "NEGATED_EXISTENCE"
UNCERTAIN = "POSSIBLE_EXISTENCE"
HISTORICAL = "HISTORICAL"
HYPOTHETICAL = "HYPOTHETICAL"
OTHER_PERSON = "FAMILY"
"""medspaCy's category for someone else; we add friends, neighbours and "he"/"she"."""
NEUTRAL = "NEUTRAL"
END_NEGATION = "END_NEGATION"
END_OTHER_PERSON = "END_OTHER_PERSON"
END_PAST_OR_IF = "END_PAST_OR_IF"

_OURS: tuple[tuple[str, str, str], ...] = (
    # (context key in note_phrases.toml, category, direction)
    ("uncertain", UNCERTAIN, "FORWARD"),
    ("neutral", NEUTRAL, "PSEUDO"),
    ("negated_before", NEGATED, "FORWARD"),
    ("negated_after", NEGATED, "BACKWARD"),
    ("historical", HISTORICAL, "BIDIRECTIONAL"),
    ("hypothetical", HYPOTHETICAL, "FORWARD"),
    ("other_person", OTHER_PERSON, "FORWARD"),
    ("ends_negation", END_NEGATION, "BIDIRECTIONAL"),
    ("ends_other_person", END_OTHER_PERSON, "BIDIRECTIONAL"),
    ("ends_past_or_if", END_PAST_OR_IF, "BIDIRECTIONAL"),
)
_ENDED_BY: dict[str, tuple[str, ...]] = {
    NEGATED: (END_NEGATION, END_PAST_OR_IF),
    OTHER_PERSON: (END_OTHER_PERSON,),
    HISTORICAL: (END_PAST_OR_IF,),
    HYPOTHETICAL: (END_PAST_OR_IF,),
}


_ENDS = frozenset(end for ends in _ENDED_BY.values() for end in ends)
STOP_REACH = 1
"""A stop word's own reach. medspaCy only lets a stop cut a scope that overlaps the stop's
scope without lying inside it, so a stop reaching the whole sentence would never cut a
negation we shortened; one word either side always does."""


def _narrowed(rule: Any) -> Any:
    """Give a rule the stops of its category, a negation its short reach, a stop its own."""
    if rule.direction == "TERMINATE" or rule.category in _ENDS:
        rule.max_scope = STOP_REACH
        return rule
    if rule.direction == "PSEUDO":
        return rule
    rule.terminated_by.update(_ENDED_BY.get(rule.category, ()))
    if rule.category == NEGATED and (rule.max_scope is None or rule.max_scope > NEGATION_REACH):
        rule.max_scope = NEGATION_REACH
    return rule


def build_context_rules(nlp: Language, default_rules_path: str, phrases: NotePhrases) -> list[Any]:
    """medspaCy's packaged rules (narrowed) followed by ours from the content pack."""
    from medspacy.context import ConTextRule

    rules = [_narrowed(rule) for rule in ConTextRule.from_json(default_rules_path)]
    for key, category, direction in _OURS:
        for words in phrases.context[key]:
            # No pattern: the phrase matcher finds the words by lower case, cut into
            # tokens as a note is (so "can't" matches "can't").
            rule = ConTextRule(literal=words, category=category, direction=direction)
            rules.append(_narrowed(rule))
    return rules
