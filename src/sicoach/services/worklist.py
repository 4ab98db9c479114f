"""The clinician's worklist: every linked patient, sorted by what needs their attention.

It reads the derived-state rows only (`sicoach.services.person_state` keeps them with each
write), and the database ranks, filters, sorts and pages them
(`sicoach.store.worklist_query`, the one definition of the need, the alert key and the
order): a page reads its 50 rows and a count, never 2,000 journals or 2,000 rows.
"Needs attention" means an alert the clinician has not yet acknowledged: opening the
patient or pressing "seen" stores the alerts' key (audited), and a new alert has a new key,
so the patient comes back to the top.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sicoach.domain.accounts import Role
from sicoach.domain.person_summary import LEVEL_ORDER, PersonSummary
from sicoach.domain.person_summary import LOW_ADHERENCE as LOW_ADHERENCE
from sicoach.domain.person_summary import Need as Need
from sicoach.domain.progress_model import fmt_number
from sicoach.services.context import Context
from sicoach.services.errors import Forbidden, InputError, NotFound

if TYPE_CHECKING:
    from sicoach.store.worklist_query import PatientRow

PAGE_SIZE = 50
LEVELS = LEVEL_ORDER
LEVEL_WORDS = {
    "emergency": "Emergency",
    "urgent": "Urgent",
    "see_doctor": "See a doctor",
    "continue": "No warning signs",
}

NEED_WORDS = {
    Need.WARNING_SIGN: "Warning sign",
    Need.SEE_DOCTOR: "See a doctor",
    Need.STOPPED: "Stopped",
    Need.PAIN_WORSE: "Pain worse",
    Need.LOW_ADHERENCE: "Few sessions",
    Need.NONE: "",
}

NEED_FILTERS: dict[str, tuple[Need, str]] = {
    "warning_sign": (Need.WARNING_SIGN, "Emergency or urgent warning sign"),
    "see_doctor": (Need.SEE_DOCTOR, "See a doctor"),
    "stopped": (Need.STOPPED, "Stopped"),
    "pain_worse": (Need.PAIN_WORSE, "Pain worse"),
    "low_adherence": (Need.LOW_ADHERENCE, "Few sessions"),
}
"""The worklist's filter by need: its word in an address, the need, and its label."""


@dataclass(frozen=True)
class WorklistRow:
    account_id: int
    name: str
    email: str
    summary: PersonSummary | None
    need: Need
    alert_key: str
    unseen: bool
    """An alert the clinician has not acknowledged yet."""
    seen_by: str | None
    seen_at: datetime | None
    age: int | None
    weeks: int | None
    days_away: int | None
    sign_words: str
    """The most serious sign in a few words ("Calf pain or swelling"), "" without one."""

    @property
    def level(self) -> str:
        return self.summary.level if self.summary else "continue"

    @property
    def level_words(self) -> str:
        return LEVEL_WORDS.get(self.level, self.level)

    @property
    def need_words(self) -> str:
        return NEED_WORDS[self.need]

    @property
    def pain_change(self) -> float | None:
        s = self.summary
        if s is None or s.pain_now is None or s.pain_first_week is None:
            return None
        return round(s.pain_now - s.pain_first_week, 2)

    @property
    def pain_words(self) -> str:
        s = self.summary
        if s is None or s.pain_now is None:
            return "no pain scores lately"
        now = f"{fmt_number(s.pain_now)} of 10"
        change = self.pain_change
        if change is None or s.pain_meaning == "unknown":
            return f"{now} (too early to compare with week 1)"
        sign = "+" if change > 0 else ("−" if change < 0 else "±")
        meaning = {"better": "clearly better", "worse": "clearly worse", "small": "about the same"}
        said = meaning.get(s.pain_meaning, "not known yet")
        return f"{now}, {sign}{fmt_number(abs(change))} since week 1: {said}"

    @property
    def adherence_words(self) -> str:
        s = self.summary
        if s is None or s.adherence_planned == 0:
            return "no training days yet"
        percent = round(100 * s.adherence_done / s.adherence_planned)
        return f"{s.adherence_done} of {s.adherence_planned} days ({percent}%)"


@dataclass(frozen=True)
class Worklist:
    rows: tuple[WorklistRow, ...]
    total: int
    """Patients matching the filter (all pages)."""
    page: int
    pages: int
    level: str
    query: str
    needing: int
    """Patients (matching) with an alert not yet seen."""
    need: str = ""
    """The need filter's word ("" for every patient)."""


def _clinician(ctx: Context) -> int:
    principal = ctx.principal
    if principal is None or principal.role not in (Role.CLINICIAN, Role.ADMIN):
        raise Forbidden("only a clinician has a worklist")
    return principal.account_id


def _shown(ctx: Context, found: PatientRow) -> WorklistRow:
    today = ctx.clock.today()
    s = found.summary
    start = s.start if s else None
    return WorklistRow(
        account_id=found.account_id,
        name=found.name,
        email=found.email,
        summary=s,
        need=found.need,
        alert_key=found.alert_key,
        unseen=found.unseen,
        seen_by=found.seen_by,
        seen_at=found.seen_at,
        age=today.year - s.birth_year if s and s.birth_year else None,
        weeks=(today - start).days // 7 + 1 if start and start <= today else None,
        days_away=(today - s.last_seen).days if s and s.last_seen else None,
        sign_words=_sign_words(ctx, s),
    )


def _sign_words(ctx: Context, summary: PersonSummary | None) -> str:
    """The sign's short label from the vocabulary, else the first sentence of its message."""
    if summary is None or not summary.sign:
        return ""
    code = ctx.catalog.symptom(summary.sign)
    if code is not None:
        return code.label
    return summary.sign_message.split(". ")[0].rstrip(".")


def check_filter(field: str, value: str) -> None:
    """A worklist filter's value ("" for none): `InputError` naming the field if unknown."""
    if field == "level" and value and value not in LEVELS:
        raise InputError("level", f"{value!r} is not a level; use {', '.join(LEVELS)}")
    if field == "need" and value and value not in NEED_FILTERS:
        raise InputError("need", f"{value!r} is not a need; use {', '.join(NEED_FILTERS)}")


def worklist(
    ctx: Context,
    level: str = "",
    query: str = "",
    page: int = 1,
    per_page: int = PAGE_SIZE,
    need: str = "",
) -> Worklist:
    """One page of the signed-in clinician's patients, most in need first; `level` keeps one
    safety level, `need` one reason to be on top (a word of `NEED_FILTERS`), `query` keeps
    names or emails holding it (any case)."""
    check_filter("level", level)
    check_filter("need", need)
    if page < 1:
        raise InputError("page", "must be 1 or more")
    from sicoach.store.worklist_query import Filters, worklist_counts, worklist_page

    clinician = _clinician(ctx)
    kept = Filters(level, NEED_FILTERS[need][0] if need else None, query.strip().lower())
    today, stopped_after = ctx.clock.today(), ctx.settings.stopped_after_days
    with ctx.accounts_uow(read_only=True) as uow:
        conn = uow.accounts.conn
        total, needing = worklist_counts(conn, clinician, today, stopped_after, kept)
        offset = (page - 1) * per_page
        found = worklist_page(conn, clinician, today, stopped_after, kept, offset, per_page)
    pages = max(1, -(-total // per_page))
    shown = tuple(_shown(ctx, r) for r in found)
    return Worklist(shown, total, min(page, pages), pages, level, query, needing, need)


def mark_seen(ctx: Context, patient_account: int) -> bool:
    """The clinician acknowledges the patient's current alerts (recorded with who and when,
    and in the audit log); False when there was nothing new to acknowledge."""
    from sicoach.services import audit
    from sicoach.store.summaries import mark_seen as store_seen
    from sicoach.store.worklist_query import worklist_patient

    clinician = _clinician(ctx)
    today, stopped_after = ctx.clock.today(), ctx.settings.stopped_after_days
    with ctx.accounts_uow(read_only=True) as uow:
        row = worklist_patient(uow.accounts.conn, clinician, patient_account, today, stopped_after)
    if row is None:
        raise NotFound("patient", patient_account)
    if not row.unseen:
        return False
    principal = ctx.principal
    assert principal is not None  # _clinician checked it
    with ctx.accounts_uow() as uow:
        store_seen(
            uow.accounts.conn, patient_account, row.alert_key, principal.label, ctx.clock.now()
        )
        uow.commit()
    audit.record(ctx, "alerts.seen", subject=patient_account, detail=NEED_WORDS[row.need])
    return True


CSV_COLUMNS = (
    "name", "email", "age", "weeks_in_program", "level", "warning_sign", "sign_date",
    "pain_now", "pain_first_week", "pain_meaning", "training_days_done", "training_days_planned",
    "aerobic_minutes_this_week", "last_seen", "needs", "seen_by", "seen_at",
)  # fmt: skip


def worklist_csv(ctx: Context) -> str:
    """The whole worklist (every linked patient, in the worklist's order) as CSV."""
    from sicoach.store.worklist_query import Filters, worklist_page

    clinician = _clinician(ctx)
    today, stopped_after = ctx.clock.today(), ctx.settings.stopped_after_days
    with ctx.accounts_uow(read_only=True) as uow:
        found = worklist_page(uow.accounts.conn, clinician, today, stopped_after, Filters())
    rows = [_shown(ctx, r) for r in found]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        s = r.summary
        writer.writerow(
            [
                _safe(r.name), r.email, r.age or "", r.weeks or "", r.level,
                _safe(r.sign_words), s.sign_date or "" if s else "",
                _num(s.pain_now if s else None), _num(s.pain_first_week if s else None),
                s.pain_meaning if s else "", s.adherence_done if s else "",
                s.adherence_planned if s else "", s.aerobic_week if s else "",
                s.last_seen or "" if s else "", r.need_words if r.unseen else "",
                r.seen_by or "", r.seen_at.isoformat(timespec="minutes") if r.seen_at else "",
            ]
        )  # fmt: skip
    return out.getvalue()


def _num(value: float | None) -> str:
    return "" if value is None else fmt_number(value)


def _safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
