"""The profile form shared by first use and settings: form fields to a journal profile."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from sicoach.services.journal import PlanChoices, Pregnancy, Profile
from sicoach.services.vocabulary import WEEKDAYS
from sicoach.web.forms import Form


def profile_values(profile: Profile | None) -> dict[str, Any]:
    """Form values showing a stored profile (or the defaults for a new one)."""
    if profile is None:
        return {"pregnancy": "none", "training_days": list(WEEKDAYS), "history": []}
    pregnancy = profile.pregnancy
    return {
        "birth_year": profile.birth_year,
        "sex": profile.sex or "",
        "pregnancy": pregnancy.status if pregnancy else "none",
        "due_date": pregnancy.due_date.isoformat() if pregnancy and pregnancy.due_date else "",
        "delivery_date": (
            pregnancy.delivery_date.isoformat() if pregnancy and pregnancy.delivery_date else ""
        ),
        "sedentary_job": profile.sedentary_job,
        "overweight": profile.overweight,
        "frequent_lifting": profile.frequent_lifting,
        "history": list(profile.history),
        "training_days": [WEEKDAYS[d] for d in profile.plan.training_days],
    }


def read_profile(
    form: Form, today: date, existing: Profile | None, every_day: bool = False
) -> Profile | None:
    """The profile the form describes; None (with `form.errors` filled) when a field does not
    read as its type (a number, a date, a choice). Its values are checked once, by the
    command's handler (first use, or a profile change), which names a wrong field.

    `every_day`: a form that does not ask the exercise days (first use) plans every day.
    """
    birth_year = form.integer("birth_year")
    pregnancy = _pregnancy(form)
    days = form.many("training_days") or (list(WEEKDAYS) if every_day else [])
    if not days:
        form.errors["training_days"] = "choose at least one day to exercise"
    unknown = [d for d in days if d not in WEEKDAYS]
    if unknown:
        form.errors["training_days"] = f"{unknown[0]!r} is not a weekday"
    if not form.ok:
        return None
    training_days = tuple(sorted({WEEKDAYS.index(d) for d in days}))
    plan = existing.plan if existing is not None else PlanChoices()
    return Profile(
        started_on=existing.started_on if existing else today,
        birth_year=birth_year,
        sex=form.text("sex") or None,
        pregnancy=pregnancy,
        sedentary_job=form.flag("sedentary_job"),
        overweight=form.flag("overweight"),
        frequent_lifting=form.flag("frequent_lifting"),
        history=tuple(form.many("history")),
        plan=dataclasses.replace(plan, training_days=training_days),
    )


def _pregnancy(form: Form) -> Pregnancy | None:
    status = form.text("pregnancy") or "none"
    if status == "pregnant":
        return Pregnancy("pregnant", due_date=form.day("due_date", required=True))
    if status == "postpartum":
        return Pregnancy("postpartum", delivery_date=form.day("delivery_date", required=True))
    if status != "none":
        form.errors["pregnancy"] = f"{status!r} is not one of the choices"
    return None
