"""Progress (charts with summaries and data tables), "my activities", and the doctor's report.

The charts are the report's own (server-made SVG, nothing loaded from elsewhere); the same
figures are in the JSON API at /api/v1/progress.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sicoach.interchange import report as report_render
from sicoach.services import cached_reads, progress_range, reports
from sicoach.services.commands import RateActivity
from sicoach.services.errors import InputError
from sicoach.services.handlers import execute
from sicoach.services.reports import MAX_FUNCTION_ACTIVITIES
from sicoach.web.forms import Form, api_day
from sicoach.web.schemas_out import ProgressOut
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of, render

router = APIRouter()
pages = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)

CHART_DAYS = reports.SHOWN_DAYS
"""The web charts show the last 8 weeks (our default); the report covers any period."""
TABLE_DAYS = 28
CHART_WEEKS = reports.SHOWN_WEEKS


def _day(raw: str | None, field: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError as error:
        raise HTTPException(400, f"{field}: {raw!r} is not a date; use YYYY-MM-DD") from error


def _page(request: Request, form: Form | None = None, status: int = 200) -> Response:
    ctx = context_of(request)
    p = cached_reads.page_progress(ctx)
    values: dict[str, Any] = {"p": p}
    if p.start is not None:
        first = max(p.start, p.on - timedelta(days=CHART_DAYS - 1))
        weeks = list(p.aerobic.weeks[-CHART_WEEKS:])
        values.update(
            first=first,
            pain_svg=report_render.rating_chart(
                p.pain, first, p.on, report_render.PAIN_COLOUR, "web-pain", compact=True
            ),
            mobility_svg=report_render.rating_chart(
                p.mobility, first, p.on, report_render.MOBILITY_COLOUR, "web-mobility", compact=True
            ),
            minutes_svg=report_render.minutes_chart(
                weeks, p.aerobic.goal, "web-minutes", compact=True
            ),
            pain_rows=[d for d in p.pain.days if d.date > p.on - timedelta(days=TABLE_DAYS)],
            mobility_rows=[
                d for d in p.mobility.days if d.date > p.on - timedelta(days=TABLE_DAYS)
            ],
            weeks=weeks,
        )
    values["activities"] = [a.activity for a in p.function.activities]
    values["max_activities"] = MAX_FUNCTION_ACTIVITIES
    values["notice"] = request.query_params.get("saved")
    if form is not None:
        values["errors"] = form.errors
        values["values"] = form.values
    return render(request, "progress.html", values, status_code=status, active="progress")


@router.get("/progress", include_in_schema=False)
def progress_page(request: Request) -> Response:
    return _page(request)


@pages.post("/progress/rate")
async def rate_submit(request: Request) -> Response:
    ctx = context_of(request)
    form = Form(await request.form())
    activity = form.text("activity")
    score = form.integer("score", required=True)
    if not activity:
        form.errors["activity"] = "name an activity that is hard for you, e.g. putting on socks"
    if form.ok:
        try:
            execute(ctx, RateActivity(activity, score))
        except InputError as error:
            form.fail_from(error, "activity")
    if not form.ok:
        return _page(request, form, status=400)
    return RedirectResponse("/progress?saved=Rating+saved.#activities", status_code=303)


@router.get("/api/v1/progress", tags=["progress"], response_model=ProgressOut)
def api_progress(
    request: Request,
    first: Annotated[
        str | None,
        Query(
            alias="from",
            description="First day listed (YYYY-MM-DD). Default: the Monday 11 weeks before "
            f"the week of `to`, so {progress_range.DEFAULT_RANGE_WEEKS} weeks are listed; at "
            f"most {progress_range.MAX_RANGE_DAYS} days before `to`.",
        ),
    ] = None,
    to: Annotated[
        str | None,
        Query(description="Last day (YYYY-MM-DD), the figures as they stood then. Default: today."),
    ] = None,
    date: Annotated[  # the query's older name
        str | None, Query(description="An older name for `to`.", deprecated=True)
    ] = None,
) -> dict[str, Any]:
    """Pain, mobility, sessions, aerobic minutes, symptoms and activities as they stood at
    the end of `to`. The changes, session counts, total minutes, exercises that hurt,
    symptoms and activities cover the whole program; the daily pain and mobility (`days`)
    and the weekly minutes (`aerobic.weeks`) list the range from `from` to `to` alone: by
    default the last 12 weeks. Ask for an older range with `from` and `to` (a year at most
    at a time). A bad date is a 422 naming `from`, `to` or `date`."""
    if to and date:
        raise InputError("date", "give `to` alone (`date` is its older name)")
    ctx = context_of(request)
    last = api_day(to or date, "to" if to else "date")
    try:
        start, p = progress_range.progress_range(ctx, api_day(first, "from"), last)
    except InputError as error:
        if date and error.field == "to":
            raise InputError("date", error.message) from None
        raise
    shown = report_render.progress_to_dict(p)
    shown["from"] = start.isoformat()
    return shown


def _period(request: Request) -> tuple[date | None, date | None]:
    return (
        _day(request.query_params.get("from"), "from"),
        _day(request.query_params.get("to"), "to"),
    )


@router.get("/report", include_in_schema=False)
def report_page(request: Request) -> Response:
    ctx = context_of(request)
    start, end = _period(request)
    errors: dict[str, str] = {}
    report = None
    try:
        report = reports.build_report(ctx, start, end)
    except InputError as error:
        errors[error.field] = error.message
    query = ""
    if report is not None:
        query = f"?from={report.start.isoformat()}&to={report.end.isoformat()}"
    values = {
        "report": report,
        "query": query,
        "errors": errors,
        "values": {
            "from": request.query_params.get("from", report.start.isoformat() if report else ""),
            "to": request.query_params.get("to", report.end.isoformat() if report else ""),
        },
    }
    return render(
        request, "report_page.html", values, status_code=400 if errors else 200, active="progress"
    )


def _filename(start: date, end: date, suffix: str) -> str:
    return f"sicoach-report-{start.isoformat()}-to-{end.isoformat()}.{suffix}"


@router.get("/report.html", include_in_schema=False)
def report_html(request: Request) -> Response:
    """The self-contained report page, as a download (it carries its own styles)."""
    ctx = context_of(request)
    start, end = _period(request)
    try:
        report = reports.build_report(ctx, start, end)
    except InputError as error:
        raise HTTPException(400, str(error)) from error
    html = report_render.render_html(report)
    name = _filename(report.start, report.end, "html")
    return HTMLResponse(html, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/report.pdf", include_in_schema=False)
def report_pdf(request: Request) -> Response:
    import tempfile
    from pathlib import Path

    ctx = context_of(request)
    start, end = _period(request)
    try:
        report = reports.build_report(ctx, start, end)
    except InputError as error:
        raise HTTPException(400, str(error)) from error
    html = report_render.render_html(report)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.pdf"
        report_render.render_pdf(html, out)
        data = out.read_bytes()
    name = _filename(report.start, report.end, "pdf")
    return Response(
        data,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/export/sicoach-fhir.json", include_in_schema=False)
def export_fhir_download(request: Request) -> Response:
    """The journal as a FHIR R4 Bundle, for a clinic's system."""
    text = reports.export_fhir(context_of(request))
    return Response(
        text, media_type="application/fhir+json", headers=_attachment("sicoach-fhir.json")
    )


@router.get("/export/sicoach-reminders.ics", include_in_schema=False)
def export_ics_download(request: Request) -> Response:
    """A weekly reminder on the training days, for any calendar app."""
    text = reports.export_ics(context_of(request))
    return Response(
        text,
        media_type="text/calendar; charset=utf-8",
        headers=_attachment("sicoach-reminders.ics"),
    )


@router.get("/export/sicoach-csv.zip", include_in_schema=False)
def export_csv_download(request: Request) -> Response:
    """The CSV tables (one per record type) in one zip file, for a spreadsheet."""
    import io
    import tempfile
    import zipfile
    from pathlib import Path

    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as folder:
        paths = reports.export_csv(context_of(request), Path(folder))
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in paths:
                archive.write(path, path.name)
    return Response(
        buffer.getvalue(), media_type="application/zip", headers=_attachment("sicoach-csv.zip")
    )


router.include_router(pages)
