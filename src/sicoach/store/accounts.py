"""SQL storage of accounts, care links and invitations; with its parts (sign-in sessions and
attempts in `signin_rows`, the audit log in `audit_rows`), all the clinic's account data.

`SqlAccounts(conn)` works inside the caller's transaction (see `AccountsUnitOfWork`); it
checks nothing: the services decide who may do what and validate every value first.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from sicoach.domain.accounts import Account, Invitation, Role
from sicoach.store.account_tables import account, care_link, invitation
from sicoach.store.audit_rows import AuditRows
from sicoach.store.signin_rows import SigninRows
from sicoach.store.tables import person

_ACCOUNT_COLUMNS = (
    account.c.id,
    account.c.email,
    account.c.display_name,
    account.c.role,
    person.c.name,
    account.c.disabled,
    account.c.created_at,
    account.c.password_hash,
)


def _account(row: Any) -> Account:
    return Account(
        id=row.id,
        email=row.email,
        display_name=row.display_name,
        role=Role(row.role),
        journal=row.name,
        disabled=bool(row.disabled),
        created_at=row.created_at,
        has_password=row.password_hash is not None,
    )


class SqlAccounts(SigninRows, AuditRows):
    """Accounts, care links and invitations; sign-in sessions and attempts (`SigninRows`) and
    the audit log (`AuditRows`) are its parts kept in their own modules."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- accounts -----------------------------------------------------------------------

    def _select_accounts(self) -> Any:
        return select(*_ACCOUNT_COLUMNS).join(person, person.c.id == account.c.journal_id)

    def add(
        self,
        email: str,
        display_name: str,
        role: Role,
        password_hash: str | None,
        now: datetime,
        journal: str | None = None,
    ) -> int:
        """A new account; `journal` names an existing person whose journal it takes over."""
        if journal is None:
            journal = f"account-{secrets.token_hex(8)}"
        pid = self.conn.execute(select(person.c.id).where(person.c.name == journal)).scalar()
        if pid is None:
            pid = self.conn.execute(
                insert(person).values(name=journal).returning(person.c.id)
            ).scalar_one()
        new_id = self.conn.execute(
            insert(account)
            .values(
                journal_id=pid,
                email=email,
                display_name=display_name,
                role=role.value,
                password_hash=password_hash,
                disabled=False,
                created_at=now,
            )
            .returning(account.c.id)
        ).scalar_one()
        return int(new_id)

    def journal_owned(self, journal: str) -> bool:
        query = (
            select(account.c.id)
            .join(person, person.c.id == account.c.journal_id)
            .where(person.c.name == journal)
        )
        return self.conn.execute(query).first() is not None

    def get(self, account_id: int) -> Account | None:
        row = self.conn.execute(self._select_accounts().where(account.c.id == account_id)).first()
        return None if row is None else _account(row)

    def by_email(self, email: str) -> Account | None:
        row = self.conn.execute(self._select_accounts().where(account.c.email == email)).first()
        return None if row is None else _account(row)

    def all(self) -> list[Account]:
        rows = self.conn.execute(self._select_accounts().order_by(account.c.id)).all()
        return [_account(row) for row in rows]

    def count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(account)).scalar_one())

    def password_hash(self, account_id: int) -> str | None:
        query = select(account.c.password_hash).where(account.c.id == account_id)
        value = self.conn.execute(query).scalar()
        return None if value is None else str(value)

    def set_password_hash(self, account_id: int, hashed: str) -> None:
        self.conn.execute(
            update(account).where(account.c.id == account_id).values(password_hash=hashed)
        )

    def set_email(self, account_id: int, email: str) -> None:
        self.conn.execute(update(account).where(account.c.id == account_id).values(email=email))

    def set_disabled(self, account_id: int, disabled: bool) -> None:
        self.conn.execute(
            update(account).where(account.c.id == account_id).values(disabled=disabled)
        )

    def delete(self, account_id: int) -> None:
        """The account and its journal (the person row; every journal table cascades)."""
        pid = self.conn.execute(
            select(account.c.journal_id).where(account.c.id == account_id)
        ).scalar()
        self.conn.execute(delete(account).where(account.c.id == account_id))
        if pid is not None:
            self.conn.execute(delete(person).where(person.c.id == pid))

    # -- care links ---------------------------------------------------------------------

    def link(self, clinician_id: int, patient_id: int, now: datetime) -> bool:
        """Link a clinician to a patient; False when they already were."""
        if self.linked(clinician_id, patient_id):
            return False
        self.conn.execute(
            insert(care_link).values(
                clinician_id=clinician_id, patient_id=patient_id, created_at=now
            )
        )
        return True

    def unlink(self, clinician_id: int, patient_id: int) -> None:
        self.conn.execute(
            delete(care_link).where(
                (care_link.c.clinician_id == clinician_id) & (care_link.c.patient_id == patient_id)
            )
        )

    def linked(self, clinician_id: int, patient_id: int) -> bool:
        query = select(care_link.c.id).where(
            (care_link.c.clinician_id == clinician_id) & (care_link.c.patient_id == patient_id)
        )
        return self.conn.execute(query).first() is not None

    def patients_of(self, clinician_id: int) -> list[Account]:
        query = (
            self._select_accounts()
            .join(care_link, care_link.c.patient_id == account.c.id)
            .where(care_link.c.clinician_id == clinician_id)
            .order_by(account.c.display_name, account.c.id)
        )
        return [_account(row) for row in self.conn.execute(query).all()]

    def links(self) -> list[tuple[int, int]]:
        query = select(care_link.c.clinician_id, care_link.c.patient_id).order_by(care_link.c.id)
        return [(int(c), int(p)) for c, p in self.conn.execute(query).all()]

    # -- invitations --------------------------------------------------------------------

    def add_invitation(
        self,
        token_hash: str,
        account_id: int,
        role: Role,
        invited_by: int | None,
        now: datetime,
        expires_at: datetime,
    ) -> None:
        # A new invitation replaces any earlier unused one for the same account.
        self.conn.execute(
            update(invitation)
            .where((invitation.c.account_id == account_id) & invitation.c.used_at.is_(None))
            .values(used_at=now)
        )
        self.conn.execute(
            insert(invitation).values(
                token_hash=token_hash,
                account_id=account_id,
                role=role.value,
                invited_by=invited_by,
                created_at=now,
                expires_at=expires_at,
            )
        )

    def invitation(self, token_hash: str) -> Invitation | None:
        row = self.conn.execute(
            select(invitation).where(invitation.c.token_hash == token_hash)
        ).first()
        if row is None:
            return None
        return Invitation(
            id=row.id,
            account_id=row.account_id,
            role=Role(row.role),
            invited_by=row.invited_by,
            created_at=row.created_at,
            expires_at=row.expires_at,
            used_at=row.used_at,
        )

    def use_invitation(self, invitation_id: int, now: datetime) -> None:
        self.conn.execute(
            update(invitation).where(invitation.c.id == invitation_id).values(used_at=now)
        )


class AccountsUnitOfWork:
    """`with uow: uow.accounts....; uow.commit()`; leaving without commit rolls back."""

    accounts: SqlAccounts

    def __init__(self, engine: Engine, read_only: bool = False) -> None:
        self._engine = engine
        self._read_only = read_only
        self._conn: Connection | None = None

    def __enter__(self) -> Self:
        from sicoach.store.engine import READ_ONLY

        self._conn = self._engine.connect()
        if self._read_only:
            self._conn.execution_options(**{READ_ONLY: True})
        self.accounts = SqlAccounts(self._conn)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.rollback()
            finally:
                conn.close()

    def commit(self) -> None:
        assert self._conn is not None
        self._conn.commit()


def make_accounts_uow_factory(database_url: str) -> Any:
    """A callable giving a fresh `AccountsUnitOfWork` on the (upgraded) database."""
    from sicoach.store.engine import get_engine

    engine = get_engine(database_url)

    def factory(read_only: bool = False) -> AccountsUnitOfWork:
        """`read_only=True` for a unit that only reads (never waits for a writer)."""
        return AccountsUnitOfWork(engine, read_only=read_only)

    return factory
