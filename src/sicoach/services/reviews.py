"""Clinician reviews: "I was checked by a doctor, physio or midwife on DATE, who advised ...".

The rules live in `sicoach.domain.safety.reviews`; this service validates the answers, asks
for the explicit yes when an emergency sign would be settled, saves the review with the
signs it settles, and returns the new triage. Every face (CLI, web form, API) calls it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sicoach.domain.field_checks import JournalError, check_note
from sicoach.domain.journal import ADVICE_WORDS, ClinicianReview, Journal
from sicoach.domain.safety import RULES, Assessment, Level, build_facts
from sicoach.domain.safety import reviews as rules
from sicoach.domain.validation_reviews import check_advice
from sicoach.services.commands import RecordReviewFor
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.journal import checked_day
from sicoach.services.safety import assess

__all__ = [
    "ADVICE_WORDS",
    "OpenSign",
    "open_signs",
    "record_for",
    "record_review",
    "review_history",
]


@dataclass(frozen=True)
class OpenSign:
    """A warning sign not yet checked by a clinician, as a review form asks about it."""

    code: str
    words: str
    level: Level
    last_reported: date

    @property
    def emergency(self) -> bool:
        return self.level is Level.EMERGENCY


def _open_signs(journal: Journal, on: date) -> list[OpenSign]:
    facts = rules.settle(build_facts(journal, on), RULES)
    return [
        OpenSign(code, rules.sign_words(code), level, checkin.date)
        for code, (level, checkin) in rules.open_signs(facts, RULES).items()
    ]


def open_signs(ctx: Context, on: date | None = None) -> list[OpenSign]:
    """The urgent and emergency signs reported up to `on` (default today) that no review has
    settled yet: what "Were you checked for X?" asks about."""
    day = checked_day(ctx, on)
    with ctx.uow(read_only=True) as uow:  # every warning sign and review, a bounded read
        window = uow.journal.load_safety_window(day)
    return _open_signs(window, day)


def _settles(journal: Journal, day: date) -> tuple[str, ...]:
    """Every warning sign in the record up to `day`, as it stands now (see `settles`)."""
    return tuple(
        sorted(
            {
                s
                for c in journal.checkins
                if c.date <= day
                for s in c.symptoms
                if rules.is_warning_sign(s)
            }
        )
    )


def record_review(
    ctx: Context,
    day: date | None,
    advice: object,
    note: object = "",
    emergency_checked: object = False,
    recorded_by: str = "",
) -> Assessment:
    """Save a clinician review and return the triage for today (`recorded_by`: the
    clinician recording it on the person's behalf, see `record_for`).

    `day` is the date of the visit (default today; never later). An emergency sign reported
    on or before it is settled only with `emergency_checked` true (the person's explicit
    yes that this visit checked it); without it the review is refused on field `yes` and
    nothing is written.
    """
    visit = checked_day(ctx, day)
    try:
        advice_code = check_advice(advice, "advice")
        text = check_note(note, "note")
    except JournalError as err:
        raise InputError(err.path, err.message) from None
    if not isinstance(emergency_checked, bool):
        raise InputError("yes", "must be yes or no")
    with ctx.uow() as uow:
        # every warning sign and review up to the visit, in a bounded read: what the open
        # signs and the signs it settles read (a property test proves the same answer)
        journal = uow.journal.load_safety_window(visit)
        emergencies = [
            s for s in _open_signs(journal, visit) if s.emergency and s.last_reported <= visit
        ]
        if emergencies and not emergency_checked:
            names = "; ".join(s.words for s in emergencies)
            raise InputError(
                "yes",
                f"the patient reported an emergency sign ({names}). Record this review only "
                "if you checked them for it, and then confirm with yes"
                if recorded_by
                else f"you reported an emergency sign ({names}). Record this visit only if "
                "they checked you for it, and then confirm with yes",
            )
        review = ClinicianReview(
            date=visit,
            advice=advice_code,
            note=text,
            emergency_checked=emergency_checked,
            settles=_settles(journal, visit),
            recorded_by=recorded_by,
        )
        uow.journal.add_review(review)
        uow.commit()
    return assess(ctx)


def record_for(ctx: Context, command: RecordReviewFor) -> Assessment:
    """A linked clinician records their review on the patient's behalf, named as its
    reviewer (the policy allowed it in `execute`); the same rules as the patient's own."""
    if not open_signs(ctx, command.day):
        raise InputError("advice", "there is no warning sign waiting for a review")
    by = ctx.principal.label if ctx.principal is not None else "your clinician"
    return record_review(
        ctx, command.day, command.advice, command.note, command.emergency_checked, by
    )


def review_history(ctx: Context) -> tuple[ClinicianReview, ...]:
    """Every review, oldest first (the report's advice history)."""
    with ctx.uow(read_only=True) as uow:  # the reviews without the rest of the journal
        return uow.journal.load_window((), date.max).sorted().reviews
