"""The one storage error a person may meet: the database cannot be opened or upgraded."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The database at `location` cannot be used; the message says why in plain words."""

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(f"cannot use the database at {location}: {reason}")
        self.location = location
        self.reason = reason
