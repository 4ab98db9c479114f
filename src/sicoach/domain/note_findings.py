"""Warning signs read from a check-in's note: how they join the ticked ones, and "not so".

The note reader (outside the domain) gives the codes a note mentions as present. Here they
become part of the day's check-in, marked as coming from the note, so the triage counts them
exactly like a ticked box. The person may say one is not so: it then leaves `symptoms` and
is remembered in `note_dismissed`, for that note only (a changed note is read afresh).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sicoach.domain.journal import CheckIn


def ticked(checkin: CheckIn) -> tuple[str, ...]:
    """The symptoms the person ticked (or answered yes to), without those from the note."""
    return tuple(s for s in checkin.symptoms if s not in checkin.note_symptoms)


def with_note_findings(
    checkin: CheckIn, found: Iterable[str], earlier: CheckIn | None = None
) -> CheckIn:
    """`checkin` with the codes read from its note added and marked as from the note.

    A code also ticked stays a ticked one. A code the person dismissed in `earlier` (the
    same day's check-in it replaces) stays dismissed only when the note is word for word the
    same: a new note is read afresh, since it may say something new.
    """
    boxes = ticked(checkin)
    found = tuple(dict.fromkeys(found))
    remembered = (
        earlier.note_dismissed if earlier is not None and earlier.note == checkin.note else ()
    )
    dismissed = tuple(c for c in remembered if c in found and c not in boxes)
    from_note = tuple(c for c in found if c not in boxes and c not in dismissed)
    return replace(
        checkin,
        symptoms=boxes + from_note,
        note_symptoms=from_note,
        note_dismissed=dismissed,
    )


def dismiss(checkin: CheckIn, code: str) -> CheckIn:
    """`checkin` after the person said the sign `code` read from the note is not so.

    Raises `ValueError` when `code` is not a sign read from this check-in's note (a ticked
    box is changed by a new check-in, not here).
    """
    if code not in checkin.note_symptoms:
        raise ValueError(code)
    return replace(
        checkin,
        symptoms=tuple(s for s in checkin.symptoms if s != code),
        note_symptoms=tuple(s for s in checkin.note_symptoms if s != code),
        note_dismissed=(*checkin.note_dismissed, code),
    )


def carried_from_note(earlier: CheckIn | None, kept: Iterable[str]) -> tuple[str, ...]:
    """Of the warning signs a new check-in keeps from `earlier` that day, those that came
    from the earlier note: they stay marked as from a note (and can still be dismissed)."""
    if earlier is None:
        return ()
    return tuple(c for c in kept if c in earlier.note_symptoms)
