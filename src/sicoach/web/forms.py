"""Reading form fields: text in, typed values out, and one message per field on a mistake.

The range and code checks are the journal's own (`sicoach.services.checks`), so a form
says the same thing as the command line and the import; only the field name differs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from fastapi import HTTPException, Request
from starlette.datastructures import FormData

from sicoach.services.checks import MAX_DIGITS
from sicoach.services.errors import InputError, JournalError

T = TypeVar("T")

WHOLE_NUMBER = re.compile(r"-?[0-9]+")
"""Digits 0-9 and maybe a minus, as `sicoach.cli._common.parse_whole_number` accepts;
`int()` alone would take "1_0" as 10, "+5" or digits of other scripts."""


INPUT_ERRORS: tuple[type[Exception], ...] = (InputError, JournalError)


def input_errors() -> tuple[type[Exception], ...]:
    """Exceptions the services raise for input a person can fix."""
    return INPUT_ERRORS


def split_message(message: str, known: set[str] | None = None) -> tuple[str | None, str]:
    """ "pain: 11 is above ..." -> ("pain", "11 is above ..."); the field when it is known."""
    head, sep, rest = message.partition(": ")
    if sep:
        name = head.strip().lstrip("-").replace("-", "_")
        name = name.split(".")[-1].split("[")[0]
        if known is None or name in known:
            return name, rest
    return None, message


class Form:
    """A submitted form: typed getters that collect errors instead of raising."""

    def __init__(self, data: FormData) -> None:
        self.data = data
        self.errors: dict[str, str] = {}
        self.values: dict[str, Any] = {
            k: (data.getlist(k) if len(data.getlist(k)) > 1 else data.get(k)) for k in data
        }

    def text(self, name: str) -> str:
        value = self.data.get(name)
        return value.strip() if isinstance(value, str) else ""

    def many(self, name: str) -> list[str]:
        return [v for v in self.data.getlist(name) if isinstance(v, str) and v]

    def flag(self, name: str) -> bool:
        return self.text(name) in ("on", "yes", "true", "1")

    def integer(
        self, name: str, check: Callable[[object, str], T] | None = None, required: bool = False
    ) -> Any:
        raw = self.text(name)
        if raw == "":
            if required:
                self.errors[name] = "please choose a number"
            return None
        if not WHOLE_NUMBER.fullmatch(raw):  # as the command line: no "1_0", "+5", "١"
            self.errors[name] = f"must be a whole number, not {raw!r}"
            return None
        if len(raw.lstrip("-")) > MAX_DIGITS:
            self.errors[name] = f"a number of {len(raw)} digits is far too large"
            return None
        return self._checked(name, int(raw), check)

    def day(self, name: str, required: bool = False) -> date | None:
        raw = self.text(name)
        if raw == "":
            if required:
                self.errors[name] = "please give a date"
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            self.errors[name] = f"{raw!r} is not a date; use YYYY-MM-DD, e.g. 2026-11-02"
            return None

    def checked(self, name: str, value: object, check: Callable[[object, str], T]) -> Any:
        return self._checked(name, value, check)

    def _checked(self, name: str, value: object, check: Callable[[object, str], T] | None) -> Any:
        if check is None:
            return value
        try:
            return check(value, name)
        except JournalError as error:
            self.errors[name] = error.message
            return None

    def fail_from(self, error: Exception, default_field: str) -> None:
        """File a service's error message under the field it names (or the default one)."""
        field, message = split_message(str(error))
        self.errors[field or default_field] = message

    @property
    def ok(self) -> bool:
        return not self.errors


def upto_day(request: Request) -> date | None:
    """The last day a paged list shows (`?upto=`, default today); a bad one is a 400 that
    names the field (the history page, the page at a glance)."""
    raw = request.query_params.get("upto")
    if not raw:
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError as error:
        raise HTTPException(400, f"upto: {raw!r} is not a date; use YYYY-MM-DD") from error
    if day.year < 1900:  # paging back from year 1 would fall off the calendar
        raise HTTPException(400, f"upto: {raw!r} is too long ago; use a date from 1900 on")
    return day


API_YEARS = range(1900, 3000)
"""The years an API's date may name (beyond them, a day before or after would fall off the
calendar)."""


def api_day(raw: str | None, field: str) -> date | None:
    """A query's date (None when not given), or a refusal naming `field` (a 422, as every
    API input error)."""
    if not raw:
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise InputError(field, f"{raw!r} is not a date; use YYYY-MM-DD") from None
    if day.year not in API_YEARS:
        raise InputError(field, f"{raw!r} is out of range; use a date from 1900 to 2999")
    return day
