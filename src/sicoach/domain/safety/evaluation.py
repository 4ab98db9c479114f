"""`evaluate`: run every rule on the journal as it stood on a date; the highest level wins."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sicoach.domain.journal import Journal
from sicoach.domain.safety import (
    at_risk,
    decline,
    history,
    pregnancy,
    red_flags,
    reviews,
    sessions,
    trends,
)
from sicoach.domain.safety.facts import build_facts
from sicoach.domain.safety.levels import Assessment, Level, Reason
from sicoach.domain.safety.registry import Rule
from sicoach.domain.safety.wording import ALSO_TELL, BOOK_VISIT

RULES: list[Rule] = [
    red_flags.emergency_red_flags,
    red_flags.urgent_red_flags,
    pregnancy.pregnancy_warning_signs,
    red_flags.calf_pain_or_swelling,
    red_flags.one_leg_symptoms,
    red_flags.routine_signs,
    at_risk.cancer_nerve_signs,
    at_risk.cancer_pain_pattern,
    at_risk.sudden_pain_jump,
    at_risk.fall_or_knock,
    at_risk.infection_risk,
    at_risk.age_new_pain,
    sessions.exercises_hurt,
    sessions.session_pain_rises,
    sessions.same_exercise_hurts,
    trends.worse_after_weeks,
    trends.new_symptoms,
    trends.no_mobility_gain,
    trends.pain_not_improved,
    trends.severe_pain,
    decline.worst_pain_rising,
    decline.mobility_falling,
    decline.activities_falling,
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
    assessment = Assessment(on, level, reasons)
    if assessment.stops_exercise:  # urgent, emergency, or a clinician's "stop"
        assessment = replace(assessment, reasons=tuple(_beside_a_stop(r) for r in reasons))
    return assessment


def _beside_a_stop(reason: Reason) -> Reason:
    """A see_doctor reason shown beside an urgent or emergency one: its words must not say
    "keep to what feels comfortable" next to "stop now", so its opening action becomes
    "tell the doctor about this too" (the why that follows is unchanged)."""
    if reason.level is not Level.SEE_DOCTOR or not reason.message.startswith(BOOK_VISIT):
        return reason
    why = reason.message[len(BOOK_VISIT) :].strip()
    return replace(reason, message=f"{ALSO_TELL} {why}")
