"""A short message from a linked clinician to the patient; no chat.

The clinician writes a few sentences on the patient-at-a-glance page; the patient sees each
message on Today until they mark it read (the time is recorded), and may answer in the
note of a check-in, which the clinician reads on the same page as every note. Writing is
the linked clinician's alone (`Need.CARE`) and audited; the patient's reads are not.
"""

from __future__ import annotations

import unicodedata

from sicoach.domain.journal import ClinicianMessage
from sicoach.services.commands import ReadMessage, SendMessage
from sicoach.services.context import Context
from sicoach.services.errors import InputError, NotFound

MESSAGE_LENGTH = 500
"""The most characters a message may have (a few sentences, not a letter)."""
SHOWN = 5
"""How many unread messages Today shows (the newest)."""
MAX_ID = 2**63 - 1


def clean_text(raw: object) -> str:
    """The message as stored: plain text, lines kept, spaces tidied; refused when empty, too
    long or holding control characters (`InputError` on field `message`)."""
    if not isinstance(raw, str):
        raise InputError("message", "must be text")
    lines = [" ".join(line.split()) for line in raw.replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    if not text:
        raise InputError("message", "write a few words to the patient")
    if len(text) > MESSAGE_LENGTH:
        raise InputError("message", f"keep it to {MESSAGE_LENGTH} characters (it has {len(text)})")
    if any(unicodedata.category(c) == "Cc" and c != "\n" for c in text):
        raise InputError("message", "use plain text only (no control characters)")
    return text


def send_message(ctx: Context, command: SendMessage) -> ClinicianMessage:
    """Store the clinician's message for the patient (the policy allowed it in `execute`)."""
    text = clean_text(command.text)
    principal = ctx.principal
    by = principal.label if principal is not None else "your clinician"
    at = ctx.clock.now()
    with ctx.uow() as uow:
        new_id = uow.journal.add_message(at, by, principal.account_id if principal else None, text)
        uow.commit()
    return ClinicianMessage(new_id, at, by, text)


def read_message(ctx: Context, command: ReadMessage) -> None:
    """Mark one of the patient's messages read (from the first time they did)."""
    raw = command.message_id
    try:
        message_id = int(raw)
    except (TypeError, ValueError):
        raise InputError("message", f"{raw!r} is not a message number") from None
    if not 0 < message_id <= MAX_ID:
        raise NotFound("message", message_id)
    with ctx.uow() as uow:
        if not uow.journal.mark_message_read(message_id, ctx.clock.now()):
            raise NotFound("message", message_id)
        uow.commit()


def unread(ctx: Context) -> tuple[ClinicianMessage, ...]:
    """The messages the patient has not marked read yet, newest first (what Today shows)."""
    with ctx.uow(read_only=True) as uow:
        return uow.journal.messages(unread_only=True, limit=SHOWN)


def recent(ctx: Context, limit: int = 5) -> tuple[ClinicianMessage, ...]:
    """The latest messages, read or not (the clinician's view of what they sent)."""
    with ctx.uow(read_only=True) as uow:
        return uow.journal.messages(limit=limit)


def reply_opening(ctx: Context, raw_id: object) -> str:
    """How a note answering message `raw_id` starts ("Reply to Dr Lee: "), or "" when the
    patient has no such message (the check-in form then opens as usual)."""
    try:
        message_id = int(str(raw_id))
    except ValueError:
        return ""
    found = [m for m in recent(ctx, limit=50) if m.id == message_id]
    return f"Reply to {found[0].by}: " if found else ""
