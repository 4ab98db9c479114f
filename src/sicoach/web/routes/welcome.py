"""First use: what the app is and is not, the red-flag screen, profile, starting pain, days."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from sicoach.services import cached_reads as reads
from sicoach.services import safety
from sicoach.services.checks import check_rating
from sicoach.services.commands import FirstUse
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.handlers import execute
from sicoach.services.safety import ScreenQuestion
from sicoach.services.vocabulary import WEEKDAY_NAMES
from sicoach.web.forms import Form
from sicoach.web.profile_form import profile_values, read_profile
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of, render

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)

WELCOME_DONE = "/?saved=Welcome!+Here+is+your+routine+for+today."


def _page(request: Request, form: Form | None = None, status: int = 200) -> Response:
    ctx = context_of(request)
    if form is None:
        values = profile_values(reads.load_journal(ctx).profile)
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
            "questions": safety.screen_questions(ctx),
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
    existing = reads.load_journal(ctx).profile
    profile = read_profile(form, today, existing)
    known = {q.code for q in safety.screen_questions(ctx)}
    flags = form.many("flag")
    for code in flags:
        if code not in known:
            form.errors["flag"] = f"{code!r} is not a question of the safety check"
    if not form.ok or profile is None:
        return _page(request, form, status=400)
    answers = {code: code in flags for code in known | set(flags)}
    try:
        welcomed = execute(ctx, FirstUse(profile, pain, mobility, screen_answers=answers))
    except InputError as error:
        form.fail_from(error, "pain")
        return _page(request, form, status=400)
    assessment = welcomed.assessment
    if assessment.stops_exercise:
        return RedirectResponse("/safety", status_code=303)
    if _pregnancy_questions(ctx):  # asked only now that the profile says pregnant
        return RedirectResponse("/welcome/pregnancy", status_code=303)
    return RedirectResponse(WELCOME_DONE, status_code=303)


def _pregnancy_questions(ctx: Context) -> list[ScreenQuestion]:
    """The warning signs of pregnancy or of the weeks after birth that the saved profile
    calls for (none otherwise); the first screen could not ask them without a profile."""
    return [q for q in safety.screen_questions(ctx) if q.group == "pregnancy"]


@router.get("/welcome/pregnancy")
def welcome_pregnancy(request: Request) -> Response:
    questions = _pregnancy_questions(context_of(request))
    if not questions:
        return RedirectResponse("/", status_code=303)
    return render(request, "welcome_pregnancy.html", {"questions": questions})


@router.post("/welcome/pregnancy")
async def welcome_pregnancy_submit(request: Request) -> Response:
    ctx = context_of(request)
    form = Form(await request.form())
    known = {q.code for q in _pregnancy_questions(ctx)}
    flags = form.many("flag")
    unknown = [code for code in flags if code not in known]
    if unknown:
        raise HTTPException(
            status_code=400, detail=f"flag: {unknown[0]!r} is not a question of this check"
        )
    assessment = safety.record_screen(ctx, {code: code in flags for code in known})
    if assessment.stops_exercise:
        return RedirectResponse("/safety", status_code=303)
    return RedirectResponse(WELCOME_DONE, status_code=303)
