"""Errors the services raise for input a person can fix.

`InputError.field` names what is wrong: a form field or option (``pain``), or a path in an
imported document (``checkins[3].pain``). `str(error)` is the one-line message
``field: what is wrong``. Faces turn it into exit status 2 (CLI) or a 4xx (web).
"""

from __future__ import annotations

from sicoach.domain.validation import JournalError


class InputError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    @classmethod
    def from_journal_error(cls, error: JournalError) -> InputError:
        return cls(error.path, error.message)


class ConflictError(InputError):
    """An import would overwrite records already in the journal; allowed only with replace.

    The message says what is taken; each face adds how to allow it (`--replace`, a tick box).
    """
