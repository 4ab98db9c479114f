"""Errors the services raise, by type, so every face maps the type and never the message.

- `InputError(field, message)`: input a person can fix. `field` names what is wrong: a form
  field or option (``pain``), or a path in an imported document (``checkins[3].pain``).
  `str(error)` is the one-line message ``field: what is wrong``. CLI: exit 2; web: 422/400.
- `NotFound(kind, id)`: the thing asked for does not exist (for this person). CLI: exit 2;
  web: 404.
- `Conflict(field, message)`: the request clashes with what is stored (an import over
  existing days, an exercise saved twice in one session). CLI: exit 2 with how to allow it;
  web: 409. It is an `InputError` too: the person can fix it (say, allow replacing).

Two more kinds pass through from below, so faces catch them without reaching past the
services: `JournalError(path, message)`, a document or field the journal refuses (the
services turn it into an `InputError` when they handle a command); `StoreError`, the
database cannot be used (CLI: exit 1; web: 503, with `Retry-After` for `StoreBusy`).
"""

from __future__ import annotations

from sicoach.domain.field_checks import JournalError as JournalError
from sicoach.store.errors import StoreBusy as StoreBusy
from sicoach.store.errors import StoreError as StoreError


class ServiceError(Exception):
    """Anything a service refuses; faces catch this one type."""


class InputError(ServiceError, ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    @classmethod
    def from_journal_error(cls, error: JournalError) -> InputError:
        return cls(error.path, error.message)


class NotFound(ServiceError, LookupError):
    """`kind` is what was looked for (``session``), `id` what it was asked by."""

    def __init__(self, kind: str, id: object) -> None:
        self.kind = kind
        self.id = id
        self.field = f"{kind}_id"
        self.message = f"there is no {kind} {id}"
        super().__init__(f"{self.field}: {self.message}")


class Conflict(InputError):
    """The request clashes with records already stored; each face says how to allow it
    (`--replace`, a tick box) when it can be allowed."""


class Forbidden(ServiceError):
    """The person acting may not do this to the record asked for (a clinic face's policy;
    in personal mode a person may do everything to their own record)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


ConflictError = Conflict
"""The earlier name of `Conflict`, kept while faces move to the new one."""
