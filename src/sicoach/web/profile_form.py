"""The profile form shared by first use and settings: form fields to a journal profile."""

from __future__ import annotations

from datetime import date
from typing import Any

from sicoach.services.checks import validate_profile
from sicoach.services.errors import JournalError
from sicoach.services.journal import Profile
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
    """The profile the form describes; None (with `form.errors` filled) on a mistake.

    `every_day`: a form that does not ask the exercise days (first use) plans every day.
    """
    birth_year = form.integer("birth_year")
    status = form.text("pregnancy") or "none"
    pregnancy: dict[str, Any] | None = None
    if status == "pregnant":
        due = form.day("due_date", required=True)
        pregnancy = {"status": "pregnant", "due_date": due.isoformat() if due else None}
    elif status == "postpartum":
        born = form.day("delivery_date", required=True)
        pregnancy = {"status": "postpartum", "delivery_date": born.isoformat() if born else None}
    elif status != "none":
        form.errors["pregnancy"] = f"{status!r} is not one of the choices"
    days = form.many("training_days") or (list(WEEKDAYS) if every_day else [])
    if not days:
        form.errors["training_days"] = "choose at least one day to exercise"
    if not form.ok:
        return None
    plan: dict[str, Any] = {"training_days": days}
    if existing is not None:
        choices = existing.plan
        plan["left_out"] = list(choices.left_out)
        plan["reminder_time"] = (
            choices.reminder_time.strftime("%H:%M") if choices.reminder_time else None
        )
        plan["enabled"] = [{"id": i, "date": d.isoformat()} for i, d in choices.enabled_on]
    document = {
        "started_on": (existing.started_on if existing else today).isoformat(),
        "birth_year": birth_year,
        "sex": form.text("sex") or None,
        "pregnancy": pregnancy,
        "sedentary_job": form.flag("sedentary_job"),
        "overweight": form.flag("overweight"),
        "frequent_lifting": form.flag("frequent_lifting"),
        "history": form.many("history"),
        "plan": plan,
    }
    try:
        return validate_profile(document, "profile", today)
    except JournalError as error:
        form.fail_from(error, "birth_year")
        return None
