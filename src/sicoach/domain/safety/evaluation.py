"""`evaluate`: run every rule on the journal as it stood on a date; the highest level wins."""

from __future__ import annotations

from datetime import date

from sicoach.domain.journal import Journal
from sicoach.domain.safety import history, pregnancy, red_flags, reviews, sessions, trends
from sicoach.domain.safety.facts import build_facts
from sicoach.domain.safety.levels import Assessment, Level, Reason
from sicoach.domain.safety.registry import Rule

RULES: list[Rule] = [
    red_flags.emergency_red_flags,
    red_flags.urgent_red_flags,
    pregnancy.pregnancy_warning_signs,
    red_flags.one_leg_symptoms,
    sessions.exercises_hurt,
    sessions.session_pain_rises,
    trends.worse_after_weeks,
    trends.new_symptoms,
    trends.no_mobility_gain,
    trends.pain_not_improved,
    trends.severe_pain,
    pregnancy.postpartum_pelvic_pain,
    history.cancer_history,
]
"""Every rule, in the order they run. A reason code given by two rules keeps the higher
level (the first rule's message on a tie)."""


def evaluate(journal: Journal, on: date) -> Assessment:
    """Triage the journal as it stood at the end of `on`: highest level, every reason."""
    facts = reviews.settle(build_facts(journal, on), RULES)  # signs a clinician checked
    given = [r for rule in RULES for r in rule.check(facts)]
    given += reviews.review_reasons(facts, RULES)  # "Were you checked for X?", "stop"
    found: dict[str, Reason] = {}
    for reason in given:
        kept = found.get(reason.code)
        if kept is None or kept.level < reason.level:
            found[reason.code] = reason
    reasons = tuple(sorted(found.values(), key=lambda r: (-r.level.rank, r.code)))
    level = reasons[0].level if reasons else Level.CONTINUE
    return Assessment(on, level, reasons)
