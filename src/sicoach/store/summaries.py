"""Reading and rebuilding the derived-state rows for a clinic: the worklist's one query
(a clinician's linked patients joined to their rows), "seen" acknowledgements, and the
rebuild of every row from the journals (`sicoach people refresh`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select, update

from sicoach.domain.person_summary import PersonSummary
from sicoach.store.account_tables import account, care_link
from sicoach.store.engine import PERSON_LOCK, get_engine
from sicoach.store.person_state_rows import summary_of, write_summary
from sicoach.store.repository import SqlJournalRepository
from sicoach.store.tables import person, person_state


@dataclass(frozen=True)
class PatientRow:
    """One linked patient as the worklist reads them: the account and its stored state."""

    account_id: int
    name: str
    email: str
    summary: PersonSummary | None
    seen_key: str | None
    seen_by: str | None
    seen_at: datetime | None


def worklist_rows(conn: Connection, clinician_id: int) -> list[PatientRow]:
    """Every patient linked to the clinician with their row (one query, no journal read)."""
    query = (
        select(
            account.c.id.label("account_id"),
            account.c.display_name,
            account.c.email,
            person_state,
        )
        .select_from(care_link)
        .join(account, account.c.id == care_link.c.patient_id)
        .outerjoin(person_state, person_state.c.person_id == account.c.journal_id)
        .where(care_link.c.clinician_id == clinician_id)
    )
    out = []
    for row in conn.execute(query).mappings():
        has_row = row["state_on"] is not None
        out.append(
            PatientRow(
                account_id=int(row["account_id"]),
                name=row["display_name"] or row["email"],
                email=row["email"],
                summary=summary_of(row) if has_row else None,
                seen_key=row["seen_key"],
                seen_by=row["seen_by"],
                seen_at=row["seen_at"],
            )
        )
    return out


def mark_seen(conn: Connection, patient_account: int, key: str, by: str, at: datetime) -> bool:
    """Record that `by` saw the alerts `key` of the patient; False without a state row."""
    journal = select(account.c.journal_id).where(account.c.id == patient_account)
    done = conn.execute(
        update(person_state)
        .where(person_state.c.person_id == journal.scalar_subquery())
        .values(seen_key=key[:600], seen_by=by[:254], seen_at=at)
    )
    return done.rowcount > 0


def refresh_all(
    database_url: str,
    summarise: Callable[[SqlJournalRepository], PersonSummary],
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Rewrite every person's row from `summarise`, one short transaction each (a write
    lock per person, so a live write never interleaves); returns how many."""
    engine = get_engine(database_url)
    with engine.connect() as conn:
        ids = [int(i) for i in conn.execute(select(person.c.id).order_by(person.c.id)).scalars()]
    for done, pid in enumerate(ids, start=1):
        with engine.connect() as conn:
            conn.execution_options(**{PERSON_LOCK: pid})
            summary = summarise(SqlJournalRepository(conn, pid))
            write_summary(conn, pid, summary)
            conn.commit()
        if progress is not None:
            progress(done, len(ids))
    return len(ids)
