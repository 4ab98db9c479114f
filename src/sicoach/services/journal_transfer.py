"""Moving a whole journal in and out: import (one transaction, conflicts refused unless
replacing) and export as the interchange document."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sicoach.domain.field_checks import JournalError
from sicoach.domain.journal import Journal
from sicoach.domain.vocabulary import EXERCISE_IDS
from sicoach.services.context import Context
from sicoach.services.errors import ConflictError, InputError
from sicoach.services.journal import Progress, load_journal, with_notes_read


def import_problem(error: Exception) -> str:
    """An import's refusal as a sentence for a person: the file-level problems ("This file is
    not an SI Coach diary: it has no version") stand alone; a record's names where it is."""
    field, message = getattr(error, "field", None), getattr(error, "message", str(error))
    if field is None:
        return str(error)
    if field in ("format", "version", "document"):
        return message[:1].upper() + message[1:] + "."
    return f"The file has a problem at {field}: {message}."


@dataclass(frozen=True)
class ImportSummary:
    checkins: int
    sessions: int
    activities: int
    function: int
    profile: bool
    replaced: bool

    @property
    def records(self) -> int:
        return self.checkins + self.sessions + self.activities + self.function


def _conflict(journal: Journal, taken: dict[str, set[date]]) -> ConflictError | None:
    kinds: list[tuple[str, str, list[date]]] = [
        ("checkins", "date", [c.date for c in journal.checkins]),
        ("sessions", "started_at", [s.date for s in journal.sessions]),
        ("activities", "date", [a.date for a in journal.activities]),
        ("function", "date", [f.date for f in journal.function]),
        ("reviews", "date", [r.date for r in journal.reviews]),
    ]
    words = {
        "checkins": "a check-in",
        "sessions": "a session",
        "activities": "an activity",
        "function": "a function rating",
        "reviews": "a clinician review",
    }
    for key, field, days in kinds:
        for i, day in enumerate(days):
            if day in taken.get(key, set()):
                return ConflictError(
                    f"{key}[{i}].{field}",
                    f"{day.isoformat()} already has {words[key]} in your journal",
                )
    return None


IMPORTED_REVIEWER = " (named in an imported file)"
"""Added to a review's `recorded_by` read from a file: a name in a file is the file's word,
not a clinician's account, so a clinician's page never shows it as theirs."""


def _reviewers_as_written(journal: Journal) -> Journal:
    def marked(name: str) -> str:
        if not name or name.endswith(IMPORTED_REVIEWER):
            return name
        return name[: 254 - len(IMPORTED_REVIEWER)] + IMPORTED_REVIEWER

    reviews = tuple(
        dataclasses.replace(r, recorded_by=marked(r.recorded_by)) for r in journal.reviews
    )
    return dataclasses.replace(journal, reviews=reviews)


def import_journal(
    ctx: Context,
    source: str | Path,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Read a journal document (text, or a file path) into the database in one transaction.

    Without `replace`, a day that already holds records of the same kind is refused; with
    it, the file's records for those days take the place of ours. Any problem raises
    `InputError` and nothing is written.
    """
    from sicoach.interchange.journal_json import parse_journal, read_text

    try:
        text = read_text(source) if isinstance(source, Path) else source
        journal = parse_journal(text, ctx.clock.today(), EXERCISE_IDS)
    except JournalError as err:
        raise InputError.from_journal_error(err) from None
    journal = _reviewers_as_written(with_notes_read(journal))
    with ctx.uow() as uow:
        if not replace:
            conflict = _conflict(journal, uow.journal.record_dates())
            if conflict is not None:
                raise conflict
            current = uow.journal.get_profile()
            if journal.profile is not None and current is not None and current != journal.profile:
                raise ConflictError("profile", "your journal already has a different profile")
        uow.journal.import_journal(journal, replace=replace, progress=progress)
        uow.commit()
    return ImportSummary(
        checkins=len(journal.checkins),
        sessions=len(journal.sessions),
        activities=len(journal.activities),
        function=len(journal.function),
        profile=journal.profile is not None,
        replaced=replace,
    )


def export_journal(ctx: Context) -> dict[str, Any]:
    """The whole journal as the interchange document (docs/design.md §4)."""
    from sicoach.interchange.journal_json import journal_to_dict

    return journal_to_dict(load_journal(ctx))
