"""The patient at a glance (for their clinician, at /patients/ID/overview): the same read
models the patient's own pages use (progress, history, the day's plan, open signs and
reviews), laid out on one page. Opening it acknowledges the patient's current alerts."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from sicoach.interchange import report as report_render
from sicoach.services import (
    cached_reads,
    messages,
    physio_dose,
    plan,
    reports,
    reviews,
    views,
    worklist,
)
from sicoach.services.context import Context
from sicoach.services.errors import NotFound
from sicoach.services.policy import Access
from sicoach.services.vocabulary import WEEKDAY_NAMES, WEEKDAYS
from sicoach.web.clinic import who_of
from sicoach.web.forms import Form, split_message, upto_day
from sicoach.web.templating import context_of, render

router = APIRouter(include_in_schema=False)


def _acknowledge(request: Request) -> None:
    """A clinician opening their patient has seen the current alerts."""
    ctx = context_of(request)
    if who_of(request) is None or ctx.subject_account is None:
        return
    if ctx.journal_access >= Access.OWNER:
        return  # the patient reading their own page acknowledges nothing
    with contextlib.suppress(NotFound):  # an admin reading unlinked has no worklist row
        worklist.mark_seen(ctx, ctx.subject_account)


FIELD_IDS: dict[str, dict[str, str]] = {
    "message": {"message": "message-text"},
    "review": {
        "advice": "review-advice",
        "date": "review-date",
        "note": "review-note",
        "yes": "review-yes",
    },
    "leave_out": {"exercise": "leave-exercise", "reason": "leave-reason"},
    "include": {"exercise": "back-exercise", "reason": "back-reason"},
    "hold": {"exercise": "dose-exercise", "reason": "dose-reason"},
    "dose": {
        "exercise": "amount-exercise",
        "reps": "amount-reps",
        "hold_seconds": "amount-hold",
        "reason": "amount-reason",
    },
    "aerobic": {
        "week_minutes": "walk-week",
        "walk_minutes": "walk-start",
        "reason": "walk-reason",
    },
    "pregnancy": {"forms": "forms-on", "reason": "forms-reason"},
    "days": {"days": "days-mon", "reason": "days-reason"},
    "days_free": {"reason": "free-reason"},
}
"""Each form on the page, its fields and their element ids: several forms share a field
name (each has a reason), so a message is filed under the id of the form that was sent.
A field a form does not name (say `change`) falls to the form's first one."""


def refused(request: Request, kind: str, form: Form, error: Exception | None = None) -> Response:
    """A form on this page the services refused: the page again (400) with the message
    under the field in error and the clinician's words kept, nothing written."""
    ids = FIELD_IDS[kind]
    first = next(iter(ids.values()))
    wrong = dict(form.errors)
    if error is not None:
        field, message = split_message(str(error))
        wrong[field or ""] = message
    errors = {ids.get(name, first): message for name, message in wrong.items()}
    kept = {**form.values, "days": form.many("days")}
    return overview_page(request, 400, {"failed": kind, "errors": errors, "kept": kept})


@router.get("/overview")
def overview(request: Request) -> Response:
    _acknowledge(request)
    return overview_page(request)


def overview_page(
    request: Request, status: int = 200, refusal: dict[str, Any] | None = None
) -> Response:
    """The page; after a refused form, `refusal` holds its kind, errors and kept values."""
    ctx = context_of(request)
    p = cached_reads.page_progress(ctx)  # the progress page's own figures
    today = cached_reads.today_view(ctx)
    history = views.history_weeks(ctx, upto_day(request))
    values: dict[str, Any] = {
        "p": p,
        "today": today,
        "history": history,
        "notes": [c for c in history.checkins if c.note],
        "open_signs": reviews.open_signs(ctx),
        "reviews": tuple(reversed(reviews.review_history(ctx)))[:5],
        "advice_words": reviews.ADVICE_WORDS,
        "can_change": ctx.journal_access is Access.PROGRAM,
        "left_out": [e for e in today.plan.exercises if e.status.value == "skipped"],
        "held": _held_names(ctx) if ctx.journal_access is Access.PROGRAM else (),
        "set_doses": _set_doses(ctx) if ctx.journal_access is Access.PROGRAM else (),
        "dose_guides": _dose_guides(ctx),
        "aerobic_set": plan.physio_choices(ctx).aerobic,
        "aerobic_item": ctx.catalog.aerobic,
        "pregnancy_forms": plan.physio_choices(ctx).pregnancy_forms,
        "training_days": plan.get_choices(ctx).training_days,
        "physio_days": plan.physio_days(ctx),
        "day_words": tuple(zip(WEEKDAYS, WEEKDAY_NAMES, strict=True)),
        "notice": request.query_params.get("saved"),
        "sent": messages.recent(ctx) if ctx.journal_access is Access.PROGRAM else (),
        "message_length": messages.MESSAGE_LENGTH,
        "failed": None,
        "errors": {},
        "kept": {},
    } | (refusal or {})
    if p.start is not None:
        first = max(p.start, p.on - timedelta(days=reports.SHOWN_DAYS - 1))
        values["pain_svg"] = report_render.rating_chart(
            p.pain, first, p.on, report_render.PAIN_COLOUR, "glance-pain", compact=True
        )
        values["minutes_svg"] = report_render.minutes_chart(
            list(p.aerobic.weeks[-8:]), p.aerobic.goal, "glance-minutes", compact=True
        )
    return render(request, "glance.html", values, status_code=status, active="today")


def _held_names(ctx: Context) -> tuple[str, ...]:
    """The exercises whose progression a clinician holds, by name."""
    held = plan.physio_choices(ctx).held
    return tuple(ctx.catalog.exercise(e).name for e in sorted(held) if ctx.catalog.has_exercise(e))


def _set_doses(ctx: Context) -> tuple[str, ...]:
    """The doses a clinician set and has not cleared, in words ("Bridge: 8 repetitions")."""
    doses = plan.physio_choices(ctx).doses
    return tuple(
        f"{ctx.catalog.exercise(e).name}: {d.words()}"
        for e, d in sorted(doses.items())
        if ctx.catalog.has_exercise(e)
    )


def _dose_guides(ctx: Context) -> tuple[tuple[str, str, str], ...]:
    """Each exercise with a settable dose: (id, name, the guide's range in words)."""
    out = []
    for ex in sorted(ctx.catalog.exercises, key=lambda e: e.order):
        reps = ex.dosage.reps
        if reps is None:
            continue
        top = reps.max if reps.max is not None else reps.min * physio_dose.OPEN_RANGE_LIMIT
        words = f"{reps.min}-{top} repetitions" if top != reps.min else f"{top} repetitions"
        if reps.max is None:
            words = f"{reps.min} or more repetitions, up to {top} here"
        hold = ex.dosage.hold_seconds
        if hold is not None:
            words += (
                f", hold {hold.min}-{hold.top} s"
                if hold.top != hold.min
                else f", hold {hold.min} s"
            )
        out.append((ex.id, ex.name, words))
    return tuple(out)
