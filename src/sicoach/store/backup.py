"""Copies of a SQLite journal that are safe while `sicoach serve` (or anything) runs.

Both directions use SQLite's online backup API, which copies page by page under SQLite's
own locks: a backup is a consistent snapshot even while another program writes, and a
restore replaces the live database in one transaction, so a running server sees either the
old journal or the new one (its change counter moves, so its pages follow at once).

A restore first copies the file to a temporary file beside the journal, checks it
(`PRAGMA integrity_check`, a schema this version knows) and upgrades it there; the live
journal is touched only when all of that passed, and it is copied aside first.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sicoach.store.engine import MIGRATIONS_DIR, create_store_engine, upgrade

KNOWN_REVISIONS = frozenset(
    p.stem for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py")
)  # revision ids are the file names (a test checks the head matches SCHEMA_HEAD)


class BackupError(ValueError):
    """The backup cannot be made or used; the message says why in plain words."""


def backup_to(database: Path, target: Path) -> None:
    """Copy the journal at `database` to a new file `target` (never over an existing one)."""
    if target.exists():
        raise BackupError(f"{target} already exists; choose a new file name")
    if not database.exists():
        raise BackupError(f"there is no journal at {database} yet")
    part = target.with_name(target.name + ".part")
    try:
        with closing(_open_read_only(database)) as source, closing(sqlite3.connect(part)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        os.replace(part, target)
    except (OSError, sqlite3.Error) as error:
        part.unlink(missing_ok=True)
        raise BackupError(f"cannot write {target}: {_reason(error)}") from None


def check_backup(candidate: Path) -> None:
    """Refuse a file that is not a sound SI Coach journal this version can read."""
    if not candidate.is_file():
        raise BackupError(f"{candidate} is not a file")
    try:
        with closing(_open_read_only(candidate)) as conn:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise BackupError(f"{candidate} is damaged ({verdict})")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if not {"alembic_version", "person", "checkin"} <= tables:
                raise BackupError(f"{candidate} is not an SI Coach journal")
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as error:
        raise BackupError(f"{candidate} is not an SI Coach journal ({_reason(error)})") from None
    if revision is None or revision[0] not in KNOWN_REVISIONS:
        raise BackupError(f"{candidate} was made by a newer SI Coach; update SI Coach first")


def restore_from(candidate: Path, database: Path) -> Path | None:
    """Replace the journal at `database` with `candidate`; returns where the old one was
    saved (None when there was none)."""
    check_backup(candidate)
    database.parent.mkdir(parents=True, exist_ok=True)
    staged = database.with_name(f".{database.name}.restore")
    staged.unlink(missing_ok=True)
    saved: Path | None = None
    try:
        _copy(candidate, staged)
        engine = create_store_engine(f"sqlite:///{staged}")
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        if database.exists():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            saved = database.with_name(f"{database.stem}.before-restore-{stamp}.sqlite3")
            backup_to(database, saved)
        with closing(sqlite3.connect(staged)) as source, closing(_open_live(database)) as live:
            source.backup(live)
    except sqlite3.Error as error:
        raise BackupError(f"cannot restore into {database}: {_reason(error)}") from None
    finally:
        for leftover in (staged, Path(f"{staged}-wal"), Path(f"{staged}-shm")):
            leftover.unlink(missing_ok=True)
    return saved


def _copy(source: Path, target: Path) -> None:
    with closing(_open_read_only(source)) as reader, closing(sqlite3.connect(target)) as writer:
        reader.backup(writer)


def _open_read_only(path: Path) -> sqlite3.Connection:
    from urllib.parse import quote

    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)


def _open_live(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=10)
    conn.execute("PRAGMA journal_mode=WAL")
    return conn


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def checkpoint(database: Path) -> None:
    """Move the write-ahead log into the file and empty it (after deleting everything,
    so deleted text does not stay in the log); best effort when others are reading."""
    with closing(sqlite3.connect(database, timeout=10)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
