"""The today page: safety first, the routine, the big Start button, aerobic minutes, pain."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from sicoach.web import charts, services_view
from sicoach.web.templating import context_of, render

router = APIRouter()


@router.get("/", include_in_schema=False)
def today(request: Request) -> Response:
    ctx = context_of(request)
    if not services_view.has_profile(ctx):
        return RedirectResponse("/welcome", status_code=303)
    page = services_view.today_page(ctx)
    page["pain_chart"] = charts.pain_strip(page["pain_points"], page["today"])
    aerobic = page["plan"].aerobic
    page["aerobic_meter"] = charts.minutes_meter(
        aerobic.week_done_minutes, aerobic.week_target_minutes
    )
    page["notice"] = request.query_params.get("saved")
    return render(request, "today.html", page, active="today")
