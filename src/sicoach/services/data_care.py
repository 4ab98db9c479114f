"""Looking after the data as a whole: a backup, a restore, and deleting everything.

Backup and restore copy a SQLite journal with SQLite's online backup API, so both are safe
while `sicoach serve` runs (see `sicoach.store.backup`). On PostgreSQL the database's own
tools do this better, and the JSON export works everywhere; the message says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.unit_of_work import UnitOfWork

POSTGRES_BACKUP = (
    "your journal is in PostgreSQL; back it up with PostgreSQL's own pg_dump "
    "(e.g. pg_dump -Fc DBNAME > sicoach.dump), or copy your data with: sicoach export --out FILE"
)
POSTGRES_RESTORE = (
    "your journal is in PostgreSQL; restore a pg_dump file with pg_restore, "
    "or bring records in with: sicoach import FILE"
)


def _sqlite_file(ctx: Context, field: str, message: str) -> Path:
    if not ctx.settings.is_sqlite:
        raise InputError(field, message)
    return Path(ctx.settings.database_url.removeprefix("sqlite:///"))


def backup(ctx: Context, target: Path) -> Path:
    """Copy the whole journal to a new SQLite file `target`."""
    from sicoach.store.backup import BackupError, backup_to

    database = _sqlite_file(ctx, "FILE", POSTGRES_BACKUP)
    try:
        backup_to(database, target)
    except BackupError as error:
        raise InputError("FILE", str(error)) from None
    return target


def restore(ctx: Context, source: Path) -> Path | None:
    """Replace the whole journal with the backup `source` (checked first); returns where
    the journal as it was is kept (None when there was none)."""
    from sicoach.store.backup import BackupError, restore_from

    database = _sqlite_file(ctx, "FILE", POSTGRES_RESTORE)
    try:
        return restore_from(source, database)
    except BackupError as error:
        raise InputError("FILE", str(error)) from None


@dataclass(frozen=True)
class Everything:
    """What deleting everything would delete, to name it before asking."""

    checkins: int
    sessions: int
    activities: int
    function: int
    profile: bool

    def in_words(self) -> str:
        """E.g. "12 check-ins, 3 exercise sessions and your profile and plan choices"."""
        parts = [
            _count(n, one, many)
            for n, one, many in (
                (self.checkins, "check-in", None),
                (self.sessions, "exercise session", None),
                (self.activities, "activity", "activities"),
                (self.function, "activity rating", None),
            )
            if n
        ]
        if self.profile:
            parts.append("your profile and plan choices")
        if not parts:
            return "nothing (your journal is empty)"
        return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def _counted(uow: UnitOfWork) -> Everything:
    """The counts, by the database (the records themselves are not read)."""
    counts = uow.journal.record_counts()
    return Everything(**counts, profile=uow.journal.get_profile() is not None)


def everything(ctx: Context) -> Everything:
    """Counts of every record the journal holds."""
    with ctx.uow(read_only=True) as uow:
        return _counted(uow)


def forget(ctx: Context) -> Everything:
    """Delete every record of the person, in one transaction; returns what was deleted."""
    with ctx.uow() as uow:
        gone = _counted(uow)
        uow.journal.forget_everything()
        uow.commit()
    if ctx.settings.is_sqlite:
        from sicoach.store.backup import checkpoint

        checkpoint(_sqlite_file(ctx, "database", ""))
    return gone


def is_read_only(ctx: Context) -> bool:
    """Whether the journal's database was opened read-only (a file we cannot write): the
    pages then say so and offer only what reads."""
    from sicoach.store.engine import is_read_only as opened_read_only

    return opened_read_only(ctx.settings.database_url)
