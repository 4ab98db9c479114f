"""Progress, "my activities", the report for the doctor, and the CSV / FHIR / iCalendar exports.

One function per thing a person does; the CLI and the web call these and render the result.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sicoach.domain.aerobic import physio_target, week_start, week_targets, weekly_goal
from sicoach.domain.field_checks import JournalError, check_function_activity, check_rating
from sicoach.domain.journal import FunctionRating, Journal
from sicoach.domain.plan_carry import MIN_WINDOW_DAYS, PlanCarry, carry_from_text
from sicoach.domain.progress import (
    Adherence,
    Progress,
    compute_progress,
    session_done,
)
from sicoach.domain.progress_carry import SHOWN_DAYS as SHOWN_DAYS
from sicoach.domain.progress_carry import SHOWN_WEEKS as SHOWN_WEEKS
from sicoach.domain.progress_carry import progress_reads, windowed_progress
from sicoach.domain.progress_model import MAX_FUNCTION_ACTIVITIES as MAX_FUNCTION_ACTIVITIES
from sicoach.domain.safety import evaluate
from sicoach.domain.vocabulary import EMERGENCY_FLAGS, PREGNANCY_WARNINGS, URGENT_FLAGS
from sicoach.interchange import csv_export, fhir, ics
from sicoach.interchange.report import (
    DEFAULT_REPORT_WEEKS,
    ProgressCallback,
    RaisedReason,
    Report,
    exercise_rows,
    period_rows,
    render_html,
    render_pdf,
    session_pain,
)
from sicoach.services.context import Context
from sicoach.services.errors import InputError, NotFound
from sicoach.services.journal import checked_day, load_journal
from sicoach.services.plan import physio_choices

TARGET_WEEKS = 4
"""How many recent weeks show the plan's gradual aerobic target; older weeks show the goal.
Working the target out walks the whole record week by week (once for all of them)."""


def _names(ctx: Context) -> tuple[dict[str, str], dict[str, str], int]:
    catalog = ctx.catalog
    names = {e.id: e.name for e in catalog.exercises}
    labels = {c.code: c.label for c in catalog.symptoms}
    return names, labels, catalog.aerobic.weekly_goal_minutes


def _weekly_targets(
    ctx: Context, journal: Journal, on: date, carried: tuple[date, int] | None = None
) -> dict[date, int]:
    """The plan's aerobic target for the last few weeks (the goal is used before them);
    `carried` starts the walk at the plan carry's week (a window holds the weeks since)."""
    start = journal.start_date
    if start is None:
        return {}
    every = week_targets(ctx.catalog.aerobic, journal, on, carried)
    targets: dict[date, int] = {}
    monday = week_start(on)
    for back in range(TARGET_WEEKS):
        week = monday - timedelta(weeks=back)
        if week + timedelta(days=6) < start:
            break
        targets[week] = every[week]
    return targets


def _progress_of(
    ctx: Context,
    journal: Journal,
    on: date,
    since: date | None = None,
    carry: PlanCarry | None = None,
    shown_from: date | None = None,
) -> Progress:
    """The figures, with the plan's aerobic goal: the physio's when they set one (their
    current goal, also for weeks before they set it), else the guide's. With `carry`,
    `journal` is the window `page_progress` reads beside the carried totals."""
    names, labels, _ = _names(ctx)
    journal = journal.up_to(on)
    item, physio = ctx.catalog.aerobic, physio_choices(ctx).aerobic
    carried = None if carry is None else (carry.through, carry.week_target)
    targets = {
        week: physio_target(item, minutes, physio)
        for week, minutes in _weekly_targets(ctx, journal, on, carried).items()
    }
    goal = weekly_goal(item, physio)
    if carry is not None and carry.progress is not None:
        return windowed_progress(
            journal, carry.progress, carry.through, on, names, labels, goal, targets, shown_from
        )
    return compute_progress(
        journal,
        on,
        exercise_names=names,
        symptom_labels=labels,
        weekly_goal=goal,
        weekly_targets=targets,
        period_start=since,
    )


def progress(ctx: Context, on: date | None = None) -> Progress:
    """All progress figures for the journal as it stood at the end of `on` (default today)."""
    return _progress_of(ctx, load_journal(ctx), checked_day(ctx, on, "date"))


def progress_up_to(ctx: Context, on: date) -> Progress:
    """The figures as of `on` (a checked day) from the records up to `on` alone."""
    with ctx.uow(read_only=True) as uow:
        journal = uow.journal.load_window(((date.min, on),), on)
    return _progress_of(ctx, journal, on)


def page_progress(ctx: Context) -> Progress:
    """Today's figures as the progress page and the page at a glance show them: from the
    totals carried with the plan and a window of about 12 weeks and the first weeks, so the
    cost stays flat over the years (`sicoach.domain.progress_carry`); from the whole journal
    when no carry serves today (a young journal). A range of days and weeks ending on any
    day (the API) comes from `sicoach.services.progress_range`."""
    windowed = windowed_progress_of(ctx, ctx.clock.today())
    return progress(ctx) if windowed is None else windowed


def windowed_progress_of(ctx: Context, on: date, shown_from: date | None = None) -> Progress | None:
    """The figures as of `on` from the carried totals and a bounded window, with the days
    and weeks from `shown_from` (default: the pages' last 8 and 12 weeks); None when no
    carry serves `on` (a young journal, a day before the carry's window, a carry counted
    with other training days or another start)."""
    read = None
    with ctx.uow(read_only=True) as uow:
        carry = carry_from_text(uow.journal.plan_carry_text())
        # the last weeks' targets need the walk from the carry: a carry 4 weeks old at least
        if carry is not None and on >= carry.through + timedelta(days=MIN_WINDOW_DAYS):
            spans = progress_reads(carry.firsts, carry.through, on, shown_from)
            read = uow.journal.load_window(spans, on)
    if read is None or carry is None or carry.progress is None:
        return None
    profile = read.profile
    if profile is None or profile.started_on != carry.started_on:
        return None
    if tuple(sorted(profile.plan.training_days)) != carry.progress.training_days:
        return None  # the carry is rebuilt by the write that changed them
    return _progress_of(ctx, read, on, carry=carry, shown_from=shown_from)


def rate_activity(
    ctx: Context, activity: str, score: int, on: date | None = None
) -> FunctionRating:
    """Rate one of "my activities" 0 (unable) to 10 (as before); at most 5 different ones."""
    day = checked_day(ctx, on, "date")
    try:
        name = " ".join(check_function_activity(activity, "activity").split())
        value = check_rating(score, "score")
    except JournalError as err:
        raise InputError.from_journal_error(err) from None
    with ctx.uow() as uow:
        journal = uow.journal.load()
        known = list(dict.fromkeys(f.activity for f in journal.function))
        match = next((k for k in known if k.casefold() == name.casefold()), None)
        if match is None and len(known) >= MAX_FUNCTION_ACTIVITIES:
            listed = "; ".join(known)
            raise InputError(
                "activity",
                f"you already rate {MAX_FUNCTION_ACTIVITIES} activities ({listed}); "
                "rate one of those, so the scores stay comparable",
            )
        rating = FunctionRating(day, match or name, value)
        uow.journal.add_function_rating(rating)
        uow.commit()
    return rating


def _period(
    ctx: Context, journal: Journal, start: date | None, end: date | None
) -> tuple[date, date]:
    last = checked_day(ctx, end, "to")
    program = journal.start_date
    if start is None:  # whole weeks, Monday to Sunday, the current one last
        monday = last - timedelta(days=last.weekday())
        first = monday - timedelta(weeks=DEFAULT_REPORT_WEEKS - 1)
        if program is not None and program <= last:
            first = max(first, program)
    else:
        first = checked_day(ctx, start, "from")
    if first > last:
        raise InputError("from", f"{first.isoformat()} is after the end date {last.isoformat()}")
    return first, last


RED_FLAG_CODES = frozenset(EMERGENCY_FLAGS + URGENT_FLAGS + PREGNANCY_WARNINGS)

SAFETY_DAILY_UP_TO_DAYS = 42
"""Up to this many days the period's safety check is replayed for every day; beyond, every
7th day back from the end plus every day a red flag was reported (a red flag counts for the
7 days after it is reported, so every one shows, dated from the day it was reported). Keeps
a report of years fast."""


def _raised(journal: Journal, first: date, last: date) -> tuple[list[RaisedReason], int]:
    """Every safety reason the daily check gave on some day of the period, with its dates."""
    span = (last - first).days + 1
    step = 1 if span <= SAFETY_DAILY_UP_TO_DAYS else 7
    days = {last - timedelta(days=n) for n in range(0, span, step)}
    days |= {
        c.date
        for c in journal.checkins
        if first <= c.date <= last and any(s in RED_FLAG_CODES for s in c.symptoms)
    }
    found: dict[str, RaisedReason] = {}
    for day in sorted(days, reverse=True):
        for reason in evaluate(journal, day).reasons:
            seen = found.get(reason.code)
            if seen is None:
                found[reason.code] = RaisedReason(reason, day, day, 1)
            else:
                found[reason.code] = RaisedReason(seen.reason, day, seen.last, seen.days + 1)
    ordered = sorted(found.values(), key=lambda r: (-r.reason.level.rank, -r.last.toordinal()))
    return ordered, step


def build_report(
    ctx: Context,
    start: date | None = None,
    end: date | None = None,
    progress_cb: ProgressCallback | None = None,
) -> Report:
    """The report's figures for [start, end]; without `start`, the last 12 weeks."""
    if progress_cb:
        progress_cb("Reading your journal", 0, 3)
    journal = load_journal(ctx)
    first, last = _period(ctx, journal, start, end)
    if progress_cb:
        progress_cb("Working out the figures", 1, 3)
    prog = _progress_of(ctx, journal, last, since=first)
    session_days = [s.date for s in journal.sessions if first <= s.date <= last and session_done(s)]
    notes = tuple((c.date, c.note) for c in journal.checkins if c.note and first <= c.date <= last)
    if progress_cb:
        progress_cb("Checking for warning signs", 2, 3)
    safety = evaluate(journal, last)
    raised, step = _raised(journal, first, last)
    period_adherence: Adherence = prog.period_adherence or prog.adherence
    labels = {c.code: c.label for c in ctx.catalog.symptoms}
    rows, monthly = period_rows(prog, first, last, session_days)
    return Report(
        generated_at=ctx.clock.now(),
        start=first,
        end=last,
        progress=prog,
        profile=journal.profile,
        safety=safety,
        notes=notes[-20:],
        rows=tuple(rows),
        monthly=monthly,
        period_adherence=period_adherence,
        symptom_labels=labels,
        raised=tuple(raised),
        raised_step_days=step,
        reviews=journal.sorted().reviews,
        patient_name=_patient_name(ctx),
        exercises=tuple(exercise_rows(journal, first, last, ctx.catalog)),
        session_pain=session_pain(journal, first, last),
    )


def _patient_name(ctx: Context) -> str:
    """The name on the account owning this journal (clinic mode); "" when there is none."""
    if ctx.subject_account is None:
        return ""
    from sicoach.services.accounts import get_account

    try:
        return get_account(ctx, ctx.subject_account).display_name.strip()
    except NotFound:
        return ""


BUILD_STEPS = 3
HTML_STEPS = 4
PDF_STEPS = 1


def _stage(
    progress_cb: ProgressCallback | None, offset: int, total: int
) -> ProgressCallback | None:
    """One stage's (text, done, n) reports as steps of the whole job, so the bar only grows."""
    if progress_cb is None:
        return None
    report_to = progress_cb

    def staged(text: str, done: int, _n: int) -> None:
        report_to(text, offset + done, total)

    return staged


def render_report_html(
    ctx: Context,
    start: date | None = None,
    end: date | None = None,
    progress_cb: ProgressCallback | None = None,
    _total: int = BUILD_STEPS + HTML_STEPS,
) -> str:
    """The report as one self-contained HTML page."""
    report = build_report(ctx, start, end, _stage(progress_cb, 0, _total))
    return render_html(report, _stage(progress_cb, BUILD_STEPS, _total))


def render_report_pdf(
    ctx: Context,
    out: Path,
    start: date | None = None,
    end: date | None = None,
    progress_cb: ProgressCallback | None = None,
) -> Path:
    """The same HTML printed to a PDF file at `out`."""
    total = BUILD_STEPS + HTML_STEPS + PDF_STEPS
    html = render_report_html(ctx, start, end, progress_cb, _total=total)
    if progress_cb:
        progress_cb("Printing the PDF", total - PDF_STEPS, total)
    render_pdf(html, out)
    if progress_cb:
        progress_cb("Done", total, total)
    return out


def export_csv(ctx: Context, out_dir: Path) -> list[Path]:
    """One CSV file per record type, with headers, in `out_dir`."""
    return csv_export.write_csv(load_journal(ctx), out_dir)


def export_fhir(ctx: Context) -> str:
    """The journal as a FHIR R4 Bundle (JSON text), with today's program as a CarePlan and
    the clinicians who changed it (newest first) as Practitioners."""
    from datetime import datetime

    from sicoach.services.plan import plan_today

    journal = load_journal(ctx)
    with ctx.uow(read_only=True) as uow:
        changes = uow.journal.program_changes(datetime(1970, 1, 1))
    program = None  # no program before first use
    if journal.profile is not None:
        program = (plan_today(ctx), tuple(c.by for c in changes))
    return fhir.journal_bundle_json(journal, ctx.clock.now(), ctx.person, program)


def export_ics(ctx: Context) -> str:
    """A weekly reminder on the training days at the chosen time (iCalendar text)."""
    with ctx.uow(read_only=True) as uow:
        profile = uow.journal.get_profile()
    return ics.reminder_calendar(profile, ctx.clock.now(), ctx.person)
