"""Warning signs read from a check-in's note: what the faces show, and "that's not so".

Reading happens when a check-in is saved or imported (`sicoach.services.journal`); the
signs found join the day's symptoms, marked as from the note, and the triage counts them
like a ticked box. Right after saving, every face shows them with what they need
(`note_reading`), and lets the person say one is not so (the `DismissNoteSign` command,
through `execute`; its handler is `dismiss_note_sign`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sicoach.domain.journal import CheckIn
from sicoach.domain.note_findings import dismiss, ticked
from sicoach.domain.safety import Assessment, Level
from sicoach.services.commands import DismissNoteSign
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.journal import checked_day

__all__ = [
    "NoteReading",
    "NoteSign",
    "dismiss_note_sign",
    "note_reading",
    "ticked",
    "warm_up_reader",
]

NEEDS: dict[Level, str] = {
    Level.EMERGENCY: "this needs emergency care now",
    Level.URGENT: "this needs a doctor today",
    Level.SEE_DOCTOR: "a doctor or physio should check this soon",
    Level.CONTINUE: "nothing needs a doctor right now",
}
"""What a sign found in a note needs, by the level the triage gives it (action words)."""

_REASON_OF = dict.fromkeys(("leg_numbness", "leg_tingling", "leg_weakness"), "leg_symptoms")
"""Signs whose triage reason has a code of its own (one reason for any one-leg sign)."""


@dataclass(frozen=True)
class NoteSign:
    """One warning sign read from the note, with the level the triage now gives it."""

    code: str
    says: str
    """Plain words naming it: "numbness, tingling, pain or weakness in both legs"."""
    level: Level

    @property
    def needs(self) -> str:
        return NEEDS[self.level]

    @property
    def sentence(self) -> str:
        """ "Your note mentions a fever: this needs a doctor today." """
        return f"Your note mentions {self.says}: {self.needs}."


@dataclass(frozen=True)
class NoteReading:
    """What a day's note was found to say, for the faces to show after saving."""

    day: date
    signs: tuple[NoteSign, ...]
    dismissed: tuple[str, ...]
    """Plain words of the signs the person said are not so."""
    assessment: Assessment


def _says(code: str) -> str:
    from sicoach.content.note_phrases import load_note_phrases

    return load_note_phrases().says.get(code, code.replace("_", " "))


def _level_of(code: str, assessment: Assessment) -> Level:
    """The level of the reason the sign gives; the day's level when no reason names it."""
    wanted = _REASON_OF.get(code, code)
    levels = [r.level for r in assessment.reasons if r.code == wanted]
    return max(levels) if levels else assessment.level


def _reading(ctx: Context, day: date, checkin: CheckIn | None) -> NoteReading:
    from sicoach.services.safety import assess

    assessment = assess(ctx, on=day)  # the bounded window: the whole journal's answer
    if checkin is None:
        return NoteReading(day, (), (), assessment)
    signs = tuple(
        NoteSign(code, _says(code), _level_of(code, assessment)) for code in checkin.note_symptoms
    )
    signs = tuple(sorted(signs, key=lambda s: -s.level.rank))
    return NoteReading(day, signs, tuple(_says(c) for c in checkin.note_dismissed), assessment)


def warm_up_reader() -> None:
    """Start building the note reader in the background (a face calls this when a person
    opens a form with a note, so saving it does not wait for the build)."""
    from sicoach.notes import warm_up

    warm_up()


def note_reading(ctx: Context, day: date | None = None) -> NoteReading:
    """The signs read from that day's note (today when None), highest level first."""
    on = checked_day(ctx, day)
    with ctx.uow() as uow:
        checkin = uow.journal.get_checkin(on)
    return _reading(ctx, on, checkin)


@dataclass(frozen=True)
class NoteSignOnDay:
    """A sign read from the note of `day` that still counts for the triage."""

    day: date
    code: str
    says: str


def recent_note_signs(ctx: Context, on: date | None = None) -> tuple[NoteSignOnDay, ...]:
    """Signs read from notes that the triage still counts on `on` (the red-flag window:
    the last 7 days and the latest check-in), newest first; for "from your note" marks."""
    day = checked_day(ctx, on)
    with ctx.uow(read_only=True) as uow:  # its last weeks and latest check-in are enough
        checkins = uow.journal.load_safety_window(day).checkins
    return tuple(
        NoteSignOnDay(d, code, _says(code)) for d, code in counted_note_signs(checkins, day)
    )


def counted_note_signs(checkins: Iterable[CheckIn], on: date) -> tuple[tuple[date, str], ...]:
    """(day, code) of each sign read from a note of the check-ins up to `on` that the
    triage still counts then, newest first (the safety window of `on` holds them all)."""
    from datetime import timedelta

    from sicoach.domain.safety.thresholds import FLAG_WINDOW_DAYS

    cut = [c for c in checkins if c.date <= on]
    latest = max((c.date for c in cut), default=None)
    since = on - timedelta(days=FLAG_WINDOW_DAYS)
    return tuple(
        (c.date, code)
        for c in sorted(cut, key=lambda c: c.date, reverse=True)
        if c.date >= since or c.date == latest
        for code in c.note_symptoms
    )


def dismiss_note_sign(ctx: Context, command: DismissNoteSign) -> NoteReading:
    """Record that a sign read from the note is not so; it no longer counts that day.

    Only a sign read from the note can be dismissed here: a ticked box is changed by a new
    check-in. Nothing is written when the code is not one of that day's note signs.
    """
    on = checked_day(ctx, command.day)
    with ctx.uow() as uow:
        checkin = uow.journal.get_checkin(on)
        if checkin is None:
            raise InputError("date", f"{on.isoformat()} has no check-in")
        if command.code not in checkin.note_symptoms:
            found = ", ".join(checkin.note_symptoms) or "none"
            raise InputError(
                "not_so",
                f'"{command.code}" is not a sign read from the note of {on.isoformat()} '
                f"(signs read from it: {found})",
            )
        checkin = dismiss(checkin, command.code)
        uow.journal.upsert_checkin(checkin)
        uow.commit()
    return _reading(ctx, on, checkin)
