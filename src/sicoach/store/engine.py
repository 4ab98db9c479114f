"""Engines and schema upgrades: one engine per database URL per process.

SQLite files get WAL mode, foreign keys and a busy timeout on every connection, and run
fully transactional (DDL included) by issuing BEGIN ourselves (SQLAlchemy's SQLite notes
describe the recipe): BEGIN IMMEDIATE for a transaction that may write, so a read-then-write
waits its turn for the write lock from the start, and a plain BEGIN for one that only reads
(`READ_ONLY` execution option), which never waits for a writer. PostgreSQL is reached
through a `postgresql+psycopg://` URL; a writing transaction there locks the person's row
first (`PERSON_LOCK` option), which serialises one person's writes as SQLite does.

A SQLite file we cannot write (a read-only file or file system) is opened read-only and
immutable, so reading and exporting keep working; writes then fail with `StoreReadOnly`.

Alembic is imported only when the schema is behind `SCHEMA_HEAD`, so an up-to-date
database costs one small query at start-up.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError
from sqlalchemy.pool import NullPool

from sicoach.store.errors import StoreBusy, StoreError, StoreFull, StoreReadOnly

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SCHEMA_HEAD = "0014_program_change_values"
"""The newest Alembic revision; a test checks it equals the head of `migrations/versions`."""

READ_ONLY = "sicoach_read_only"
FULL_BELOW_BYTES = 1 << 20
"""Under this much free space beside a SQLite file, its disk counts as full."""
"""Execution option: this connection's transactions only read (no write lock is taken)."""
PERSON_LOCK = "sicoach_person_lock"
"""Execution option (PostgreSQL): the person id whose row a writing transaction locks."""
LOCK_WAIT_SECONDS = 10
SQLITE_LOWER = "sicoach_lower"
"""SQLite's own lower() changes ASCII letters only: this function, registered on every
SQLite connection, is Python's `str.lower`, so the worklist sorts and finds names as Python."""

_engines: dict[str, Engine] = {}
_upgraded: set[str] = set()
_read_only_files: set[str] = set()
_full_files: set[str] = set()
"""Files opened read-only because their disk was full (writes then say so)."""
_lock = threading.Lock()
_kept_open = 0
"""How many SQLite connections each new engine shares between overlapping units of work
(0: none; see `keep_sqlite_connections_open`)."""


def keep_sqlite_connections_open(count: int) -> None:
    """From now on, a new SQLite engine in this process shares up to `count` connections
    between units of work that overlap (`sicoach.store.sqlite_pool.SharedWhileBusy`).

    For a long-running server: opening a connection costs a few milliseconds on every
    request (the pragmas, then reading the schema on the first statement). Other faces (a
    command that runs once, the tests, which make hundreds of databases) keep none. Call it
    before the first engine is made.
    """
    global _kept_open
    _kept_open = count


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _configure_sqlite(engine: Engine, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see below)
        cursor = dbapi_connection.cursor()
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={LOCK_WAIT_SECONDS * 1000}")
        cursor.close()
        dbapi_connection.create_function(SQLITE_LOWER, 1, _lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock at the start, so a read-then-write transaction
        # (upsert a check-in, update the profile) waits its turn instead of failing with
        # "database is locked" when another process wrote in between. A transaction that
        # only reads begins DEFERRED: in WAL mode it reads a snapshot and never waits.
        reading = read_only or connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        options = connection.get_execution_options()
        person = options.get(PERSON_LOCK)
        if person is None or options.get(READ_ONLY, False):
            return
        # Under READ COMMITTED two requests could both read "no check-in today" and then
        # both write, the second dropping the first's warning sign. Locking the person's
        # row first makes one wait for the other, which then reads what was committed.
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_WAIT_SECONDS}s'")
        connection.exec_driver_sql(
            "SELECT id FROM person WHERE id = %(person)s FOR UPDATE", {"person": int(person)}
        )


def _writable(path: Path) -> bool:
    """Whether SQLite can write `path` (and its -wal/-shm files beside it)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _disk_full(path: Path) -> bool:
    """Under 1 MiB free beside the file: SQLite could not even make its -shm file there."""
    try:
        return shutil.disk_usage(path.resolve().parent).free < FULL_BELOW_BYTES
    except OSError:
        return False


def is_read_only(url: str) -> bool:
    """Whether the database at `url` was opened read-only (a file we cannot write)."""
    return url in _read_only_files


def _parse(url: str) -> URL:
    """`url` read as a SQLite or PostgreSQL URL, else a `StoreError` saying what is wrong."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            _hide_password(url),
            "this is not a database URL; use e.g. postgresql+psycopg://user@host/dbname",
        ) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            parsed.render_as_string(hide_password=True),
            f"only SQLite and PostgreSQL are supported, not {parsed.get_backend_name()}",
        )
    return parsed


def _hide_password(text: str) -> str:
    """An unparsable URL shown without anything before its last "@" (it may hold a password)."""
    return "...@" + text.rsplit("@", 1)[1] if "@" in text else text


def create_store_engine(url: str, pool_size: int = 5, slow_query_ms: int = 0) -> Engine:
    """A new engine for `url`; SQLite's folder is created if missing. PostgreSQL keeps
    `pool_size` connections open (and as many again at a burst); statements slower than
    `slow_query_ms` are logged (see `sicoach.store.slow_queries`)."""
    engine = _new_engine(url, pool_size)
    if slow_query_ms > 0:
        from sicoach.store.slow_queries import log_slow_queries

        log_slow_queries(engine, slow_query_ms)
    return engine


def _new_engine(url: str, pool_size: int) -> Engine:
    parsed = _parse(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        read_only = False
        path: Path | None = None
        if database and database != ":memory:" and not database.startswith("file:"):
            path = Path(database).expanduser()
            read_only = path.exists() and (not _writable(path) or _disk_full(path))
            if read_only and _writable(path):
                _full_files.add(url)
            else:
                _full_files.discard(url)
            if not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)
        # No pool by default: holding no idle connections means no open files left behind
        # per database (tests make hundreds) and nothing shared across a fork.
        if read_only:
            _read_only_files.add(url)
            engine = create_engine(
                "sqlite://",
                creator=_read_only_opener(path),
                poolclass=NullPool,
            )
        else:
            _read_only_files.discard(url)
            engine = _writable_sqlite_engine(url, path)
        _configure_sqlite(engine, read_only)
        return engine
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is what we ship
    engine = create_engine(parsed, pool_pre_ping=True, pool_size=pool_size, max_overflow=pool_size)
    _configure_postgresql(engine)
    return engine


def _writable_sqlite_engine(url: str, path: Path | None) -> Engine:
    """No pool unless a server asked for one (`keep_sqlite_connections_open`) for a file;
    a forked child never uses the pool's connections (`_forget_pools_after_fork`)."""
    args: dict[str, Any] = {"check_same_thread": False}
    if not _kept_open or path is None:
        return create_engine(url, connect_args=args, poolclass=NullPool)
    from sicoach.store.sqlite_pool import SharedWhileBusy

    engine = create_engine(url, connect_args=args, poolclass=SharedWhileBusy, pool_size=_kept_open)
    _reopen_when_replaced(engine, path)
    return engine


def _reopen_when_replaced(engine: Engine, path: Path) -> None:
    """A kept connection reads the file it opened: when another file was moved in its place
    (a copy put back by hand), the next unit of work opens the new one (one `stat` each)."""

    def identity() -> tuple[int, int] | None:
        try:
            found = os.stat(path)
        except OSError:
            return None
        return found.st_dev, found.st_ino

    @event.listens_for(engine, "connect")
    def _remember_file(_dbapi_connection: Any, record: Any) -> None:
        record.info["file"] = identity()

    @event.listens_for(engine, "checkout")
    def _same_file(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if record.info.get("file") != identity():
            raise DisconnectionError("another file is in the journal's place")


def _read_only_opener(path: Path) -> Any:
    """Connections to a file we cannot write.

    `immutable` needs no -shm file beside it (none can be made on a read-only disk), but it
    ignores the write-ahead log; when a log with committed data was left behind, the file
    and its log are copied to a private folder once and that snapshot is read instead.
    """
    import shutil
    import sqlite3
    import tempfile
    from urllib.parse import quote

    source = path.resolve()
    wal = Path(f"{source}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        snapshot = Path(tempfile.mkdtemp(prefix="sicoach-read-only-")) / source.name
        shutil.copyfile(source, snapshot)
        shutil.copyfile(wal, Path(f"{snapshot}-wal"))
        uri = f"file:{quote(str(snapshot))}?mode=ro"
    else:
        uri = f"file:{quote(str(source))}?mode=ro&immutable=1"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    return connect


def get_engine(url: str, pool_size: int = 5, slow_query_ms: int = 0) -> Engine:
    """The process-wide engine for `url`, its schema upgraded to the newest revision (the
    sizes apply when the engine is first made)."""
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = create_store_engine(url, pool_size, slow_query_ms)
        if url not in _upgraded:
            try:
                upgrade(engine)
            except DBAPIError as err:
                _engines.pop(url, None)
                engine.dispose()
                raise describe_failure(url, err) from err
            _upgraded.add(url)
        return engine


def describe_failure(url: str, err: DBAPIError) -> StoreError:
    """A `StoreError` naming the database (without password) and the driver's reason.

    Busy, full and read-only databases get their own kinds (see `sicoach.store.errors`).
    """
    location = _location(url)
    kind = failure_kind(err) or _full_behind_io_error(url, err)
    if kind == "busy":
        return StoreBusy(location)
    if kind == "full" or (kind == "read-only" and url in _full_files):
        return StoreFull(location)
    if kind == "read-only":
        return StoreReadOnly(location)
    return StoreError(location, _reason(err))


_SQLITE_KINDS = {
    "SQLITE_BUSY": "busy",
    "SQLITE_LOCKED": "busy",
    "SQLITE_FULL": "full",
    "SQLITE_READONLY": "read-only",
}
_POSTGRES_KINDS = {
    "55P03": "busy",  # lock_not_available (our lock_timeout)
    "40P01": "busy",  # deadlock_detected
    "53100": "full",  # disk_full
    "25006": "read-only",  # read_only_sql_transaction
}


def failure_kind(err: DBAPIError) -> str | None:
    """ "busy", "full", "read-only", or None for any other database failure."""
    orig = err.orig
    name = getattr(orig, "sqlite_errorname", None)
    if isinstance(name, str):
        return next((k for p, k in _SQLITE_KINDS.items() if name.startswith(p)), None)
    state = getattr(orig, "sqlstate", None)
    if isinstance(state, str):
        return _POSTGRES_KINDS.get(state)
    return None


def _full_behind_io_error(url: str, err: DBAPIError) -> str | None:
    """SQLite reports a disk that filled up while its log or memory map grew as a plain
    I/O error; with under 1 MiB free where the file lives, that is a full disk."""
    name = getattr(err.orig, "sqlite_errorname", None)
    if not (isinstance(name, str) and name.startswith("SQLITE_IOERR")):
        return None
    database = make_url(url).database
    if not database:
        return None
    return "full" if _disk_full(Path(database)) else None


def _location(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or url
    return parsed.render_as_string(hide_password=True)


def _reason(err: DBAPIError) -> str:
    """The driver's own first line (e.g. "file is not a database", "connection refused")."""
    text = str(err.orig) if err.orig is not None else str(err)
    return (text.strip().splitlines() or ["unknown error"])[0]


def _forget_pools_after_fork() -> None:
    """A forked child must not use its parent's open connections; it opens its own."""
    for engine in _engines.values():
        engine.dispose(close=False)


os.register_at_fork(after_in_child=_forget_pools_after_fork)


def dispose_engines() -> None:
    """Close every pooled connection (tests call this so servers can be stopped cleanly)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
        _upgraded.clear()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision_in(conn)


def alembic_config(engine_connection: Any = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine_connection is not None:
        config.attributes["connection"] = engine_connection
    return config


MIGRATION_LOCK = 7361
"""PostgreSQL advisory lock key held while the schema is upgraded."""


def upgrade(engine: Engine) -> bool:
    """Bring the schema to the newest revision; True when this call did the upgrade.

    Safe when many processes start at once: on PostgreSQL each waits for an advisory lock
    and reads the revision again once it holds it, so exactly one runs the migrations (on
    SQLite, BEGIN IMMEDIATE does the same).
    """
    if current_revision(engine) == SCHEMA_HEAD:
        return False
    from alembic import command

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        if _revision_in(conn) == SCHEMA_HEAD:
            return False  # another process upgraded it while we waited
        command.upgrade(alembic_config(conn), "head")
    return True


def _revision_in(conn: Any) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if value is None else str(value)
