"""The ports the services need from storage (implemented in `sicoach.store`).

Every write happens inside `with uow: ... uow.commit()`; leaving the block without a commit
rolls back, so a failed import or a crash writes nothing half-way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol, Self

from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ClinicianMessage,
    ClinicianReview,
    ExerciseResult,
    FunctionRating,
    Journal,
    Profile,
    ProgramChange,
    Session,
)
from sicoach.domain.person_summary import PersonSummary


class JournalRepository(Protocol):
    def load(self) -> Journal: ...

    def get_profile(self) -> Profile | None: ...

    def save_profile(self, profile: Profile) -> None: ...

    def get_checkin(self, day: date) -> CheckIn | None:
        """The check-in of one day, if there is one."""
        ...

    def upsert_checkin(self, checkin: CheckIn) -> bool:
        """Store a check-in; True when it replaced one on the same date."""
        ...

    def add_activity(self, activity: Activity, client_id: str | None = None) -> None: ...

    def has_activity_from(self, client_id: str) -> bool:
        """Whether an activity with this client-made id is stored already."""
        ...

    def add_function_rating(self, rating: FunctionRating) -> None: ...

    def add_review(self, review: ClinicianReview) -> None: ...

    def start_session(self, session: Session) -> int:
        """Store a new (partial) session and return its id."""
        ...

    def add_session_exercise(self, session_id: int, result: ExerciseResult) -> None: ...

    def session_exercises(self, session_id: int) -> tuple[ExerciseResult, ...]:
        """The exercises already saved in one session, in order (KeyError if not this
        person's); lets a reloaded web player resume without saving one twice."""
        ...

    def session_ids_on(self, day: date) -> dict[datetime, int]:
        """The ids of the sessions started on `day`, by start time."""
        ...

    def get_session(self, session_id: int) -> Session:
        """One session with its exercises (KeyError if not this person's)."""
        ...

    def finish_session(self, session_id: int, pain_after: int | None, partial: bool) -> None: ...

    def load_window(
        self,
        spans: tuple[tuple[date, date], ...],
        on: date,
        checkin_days: tuple[date, ...] = (),
    ) -> Journal:
        """The records in `spans` (day ranges up to `on`) and the check-ins of
        `checkin_days`, with the profile, the activity ratings and the reviews."""
        ...

    def plan_carry_text(self) -> str | None:
        """Today's plan's stored carry (`sicoach.domain.plan_carry`), None when there is none."""
        ...

    def save_plan_carry(self, text: str | None) -> None:
        """Store (or clear) the carry, inside the writing transaction."""
        ...

    def load_safety_window(self, on: date) -> Journal:
        """The records the triage of `on` reads: a bounded window, not the whole journal."""
        ...

    def load_state_window(
        self, spans: tuple[tuple[date, date], ...], on: date, checkin_days: tuple[date, ...]
    ) -> Journal:
        """`load_window`, with the latest session and activity up to `on` wherever they fall
        (the worklist summary beside a current carry)."""
        ...

    def latest_record_before(self, day: date) -> date | None:
        """The day of the latest check-in, session or activity before `day` (None: none)."""
        ...

    def record_counts(self) -> dict[str, int]:
        """How many check-ins, sessions, activities and activity ratings ("function")."""
        ...

    def load_summary_window(self, on: date) -> Journal:
        """The records the worklist summary of `on` reads (every check-in, the last two
        weeks' sessions and activities and the latest of each)."""
        ...

    def add_program_change(self, change: ProgramChange) -> None: ...

    def program_changes(self, since: datetime) -> tuple[ProgramChange, ...]:
        """A clinician's changes to the program from `since`, newest first."""
        ...

    def add_message(self, at: datetime, by: str, by_account: int | None, text: str) -> int:
        """Store a clinician's message to the person; returns its id."""
        ...

    def messages(self, unread_only: bool = False, limit: int = 20) -> tuple[ClinicianMessage, ...]:
        """The person's messages, newest first."""
        ...

    def mark_message_read(self, message_id: int, at: datetime) -> bool:
        """Record when the person read a message; False when they have no such message."""
        ...

    def stored_summary(self) -> PersonSummary | None:
        """The derived state on the person's row, None before the first write."""
        ...

    def version(self) -> tuple[int, int] | None:
        """The journal's (version, stamp), changed by every committed write; None before the
        first. Caches in any process compare it on every request."""
        ...

    def record_dates(self) -> dict[str, set[date]]:
        """Dates holding records, per kind: "checkins", "sessions", "activities", "function"."""
        ...

    def forget_everything(self) -> None:
        """Delete every record of the person (profile, check-ins, sessions, ...)."""
        ...

    def import_journal(
        self,
        journal: Journal,
        replace: bool,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Bulk insert; with `replace` the journal's days overwrite stored ones of each kind."""
        ...


class ScreeningRepository(Protocol):
    """Which red-flag questions were answered on a day (the screen is asked once a day)."""

    def answered_on(self, day: date) -> frozenset[str]: ...

    def add_answered(self, day: date, codes: frozenset[str]) -> None: ...


class UnitOfWork(Protocol):
    journal: JournalRepository
    screenings: ScreeningRepository

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self, *, read_only: bool = False) -> UnitOfWork:
        """A fresh unit; `read_only` ones never wait for (or block) a writer."""
        ...
