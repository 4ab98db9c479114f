"""First use, one short page: what the app is and is not, what safety needs to know (year of
birth, pregnancy, health history) and the starting pain. The once-a-day safety questions
come next, on Today, just before the first session; the rest of the profile is asked later
from Today, with why we ask."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from sicoach.services import profile_reads, safety
from sicoach.services.checks import check_rating
from sicoach.services.commands import FirstUse
from sicoach.services.errors import InputError
from sicoach.services.handlers import execute
from sicoach.services.vocabulary import WEEKDAY_NAMES
from sicoach.web.forms import Form
from sicoach.web.profile_form import profile_values, read_profile
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of, render

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)

WELCOME_DONE = "/?saved=Welcome!+Here+is+your+routine+for+today."
"""After first use, Today: its safety list and one tap start the first session."""


def _page(request: Request, form: Form | None = None, status: int = 200) -> Response:
    ctx = context_of(request)
    if form is None:
        values = profile_values(profile_reads.profile(ctx))
        values["flag"] = []
    else:
        values = dict(form.values)
        for name in ("flag", "history", "training_days"):
            values[name] = form.many(name)
    return render(
        request,
        "welcome.html",
        {
            "values": values,
            "errors": form.errors if form else {},
            "history_codes": ctx.catalog.history,
            "weekday_names": WEEKDAY_NAMES,
            "notice": request.query_params.get("saved"),
        },
        status_code=status,
    )


@router.get("/welcome")
def welcome(request: Request) -> Response:
    return _page(request)


@router.post("/welcome")
async def welcome_submit(request: Request) -> Response:
    ctx = context_of(request)
    today = ctx.clock.today()
    form = Form(await request.form())
    if not form.flag("understood"):
        form.errors["understood"] = "please tick this box to show you have read it"
    pain = form.integer("pain", check_rating, required=True)
    mobility = form.integer("mobility", check_rating)
    existing = profile_reads.profile(ctx)
    profile = read_profile(form, today, existing, every_day=True)
    known = {q.code for q in safety.screen_questions(ctx)}
    flags = form.many("flag")
    for code in flags:
        if code not in known:
            form.errors["flag"] = f"{code!r} is not a question of the safety check"
    if not form.ok or profile is None:
        return _page(request, form, status=400)
    # The page asks no screen: the once-a-day questions come on Today, for the profile
    # just saved (pregnancy signs included). A sign sent anyway is kept as a yes.
    answers = dict.fromkeys(flags, True)
    try:
        welcomed = execute(ctx, FirstUse(profile, pain, mobility, screen_answers=answers))
    except InputError as error:
        form.fail_from(error, "pain")
        return _page(request, form, status=400)
    if welcomed.assessment.stops_exercise:
        return RedirectResponse("/safety", status_code=303)
    return RedirectResponse(WELCOME_DONE, status_code=303)
