"""The storage errors a person may meet, each with a message in plain words.

`StoreError`: the database cannot be opened or upgraded. Its kinds say why a single read or
write could not be done, so each face can answer the right way (a web API says 503 with
Retry-After for `StoreBusy`; the command line prints one line):

- `StoreBusy`: another program held the write lock longer than we wait (10 s).
- `StoreFull`: the disk (or the database's size limit) is full; nothing was written.
- `StoreReadOnly`: the file or its file system is read-only; reading still works.
"""

from __future__ import annotations


class StoreError(RuntimeError):
    """The database at `location` cannot be used; the message says why in plain words."""

    def __init__(
        self, location: str, reason: str, opening: str = "cannot use the database at"
    ) -> None:
        super().__init__(f"{opening} {location}: {reason}")
        self.location = location
        self.reason = reason


NOT_SAVED = "nothing was saved to the database at"


class StoreBusy(StoreError):
    """Another program is writing; trying again in a few seconds will work."""

    retry_after_seconds = 5

    def __init__(self, location: str) -> None:
        super().__init__(
            location,
            "another program is writing to it; try again in a few seconds",
            NOT_SAVED,
        )


class StoreFull(StoreError):
    def __init__(self, location: str) -> None:
        super().__init__(
            location,
            "the disk is full (your data is still readable: free some space, or export it "
            "to copy it elsewhere)",
            NOT_SAVED,
        )


class StoreReadOnly(StoreError):
    def __init__(self, location: str) -> None:
        super().__init__(
            location,
            "it is read-only (you can still read and export your data)",
            NOT_SAVED,
        )
