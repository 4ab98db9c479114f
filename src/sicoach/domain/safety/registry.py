"""What a triage rule is: a named check with its level and source beside it.

`rule(...)` turns a check function into a `Rule`; `evaluation.RULES` lists every rule
explicitly, so a rule defined in a module nobody imports cannot silently go missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sicoach.domain.safety.facts import Facts
from sicoach.domain.safety.levels import Level, Reason

Check = Callable[[Facts], list[Reason]]


@dataclass(frozen=True)
class Rule:
    """A named triage rule. `check` returns its reasons (none when it does not apply)."""

    name: str
    level: Level
    source: str
    check: Check

    @property
    def doc(self) -> str:
        return self.check.__doc__ or ""

    def __call__(self, facts: Facts) -> list[Reason]:
        return self.check(facts)


def rule(name: str, level: Level, source: str) -> Callable[[Check], Rule]:
    """Decorator: the check function becomes a `Rule` with its level and source."""

    def make(check: Check) -> Rule:
        return Rule(name, level, source, check)

    return make
