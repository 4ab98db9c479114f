"""The journal's single-field checks and limits, and the small helpers documents are read with.

Each check takes a value and the `path` naming where it came from (``--pain`` on the command
line, ``pain`` in a form, ``checkins[3].pain`` in a document) and returns the typed value or
raises `JournalError(path, message)`, so a mistake reads the same on every face. Whole
documents are read by `sicoach.domain.validation`, which re-exports everything here.

Our limits (not from the guide): minutes 1-1440 (one day), birth year 1900 to this year,
level 0-10, repetitions 0-1000, notes up to 2000 characters, a due date at most 44 weeks
ahead, a function activity of 1-100 characters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta

from sicoach.domain.vocabulary import (
    ACTIVITY_KINDS,
    HISTORY_CODES,
    SEXES,
    SYMPTOM_CODES,
    WEEKDAYS,
)

MAX_MINUTES = 1440
MAX_LEVEL = 10
MAX_REPS = 1000
MAX_NOTE_LENGTH = 2000
MAX_DIGITS = 18
"""Typed whole numbers longer than this are refused before conversion (every number we take
is far smaller, and Python refuses to convert more than 4,300 digits)."""
MAX_FUNCTION_ACTIVITY_LENGTH = 100
MIN_BIRTH_YEAR = 1900
EARLIEST_DAY = date(MIN_BIRTH_YEAR, 1, 1)
"""No journal date is earlier: year 1 is a slip, and day sums near it overflow."""
MAX_WEEKS_TO_DUE_DATE = 44

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
)
_TIME_RE = re.compile(r"[0-9]{2}:[0-9]{2}")


class JournalError(ValueError):
    """A problem in data entering the journal; `path` names where, `message` says what."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def describe(value: object) -> str:
    """A value as it would look in JSON, short enough for a one-line message."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int) and not isinstance(value, bool) and len(str(abs(value))) > 30:
        return "a number of more than 30 digits"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    text = text if len(text) <= 40 else text[:37] + "..."
    # A lone surrogate (a broken character) cannot be printed or sent; show it escaped.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


# ---------------------------------------------------------------------------------------
# Single-field checks (shared with the command line and the web forms)


def check_int(value: object, path: str, minimum: int, maximum: int) -> int:
    """A whole number within [minimum, maximum]; true/false do not count as numbers."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise JournalError(path, f"must be a whole number, not {describe(value)}")
    if value < minimum:
        raise JournalError(path, f"{describe(value)} is below the minimum of {minimum}")
    if value > maximum:
        raise JournalError(path, f"{describe(value)} is above the maximum of {maximum}")
    return value


def check_rating(value: object, path: str) -> int:
    """A 0-10 rating (pain, worst pain, mobility, pain during an exercise, function)."""
    return check_int(value, path, 0, 10)


def check_optional_rating(value: object, path: str) -> int | None:
    return None if value is None else check_rating(value, path)


def check_minutes(value: object, path: str) -> int:
    return check_int(value, path, 1, MAX_MINUTES)


def check_bool(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        raise JournalError(path, f"must be true or false, not {describe(value)}")
    return value


def check_text(value: object, path: str, max_length: int = MAX_NOTE_LENGTH) -> str:
    if not isinstance(value, str):
        raise JournalError(path, f"must be text, not {describe(value)}")
    if len(value) > max_length:
        raise JournalError(path, f"has {len(value)} characters; the limit is {max_length}")
    if "\x00" in value:
        raise JournalError(path, "contains an invisible NUL character, which cannot be stored")
    if not is_text(value):
        raise JournalError(path, BROKEN_TEXT)
    return value


BROKEN_TEXT = (
    "contains a character that is not valid text (a stray byte, or half of a character); "
    "type it again"
)


def is_text(value: str) -> bool:
    """Whether `value` can be stored and shown: no lone surrogates (Python's stand-in for
    undecodable bytes, e.g. a Latin-1 byte in a command-line argument)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_note(value: object, path: str) -> str:
    return check_text(value, path, MAX_NOTE_LENGTH)


def _check_code(value: object, path: str, allowed: Iterable[str], what: str) -> str:
    if not isinstance(value, str):
        raise JournalError(path, f"must be a {what} code (text), not {describe(value)}")
    if value not in allowed:
        raise JournalError(path, f"{describe(value)} is not a known {what} code")
    return value


def check_symptom(value: object, path: str) -> str:
    return _check_code(value, path, SYMPTOM_CODES, "symptom")


def check_history(value: object, path: str) -> str:
    return _check_code(value, path, HISTORY_CODES, "history")


def check_activity_kind(value: object, path: str) -> str:
    if not isinstance(value, str) or value not in ACTIVITY_KINDS:
        raise JournalError(
            path,
            f"{describe(value)} is not a known kind of activity; "
            f"use one of {', '.join(ACTIVITY_KINDS)}",
        )
    return value


def check_sex(value: object, path: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in SEXES:
        raise JournalError(path, f"{describe(value)} is not one of {', '.join(SEXES)}")
    return value


def check_exercise_id(value: object, path: str, exercise_ids: Iterable[str]) -> str:
    return _check_code(value, path, exercise_ids, "exercise")


def check_weekday(value: object, path: str) -> int:
    """A weekday name ("mon" .. "sun") as its number (0 Monday .. 6 Sunday)."""
    if not isinstance(value, str) or value not in WEEKDAYS:
        raise JournalError(path, f"{describe(value)} is not a weekday; use {', '.join(WEEKDAYS)}")
    return WEEKDAYS.index(value)


def check_time_of_day(value: object, path: str) -> time | None:
    """A time written HH:MM (24-hour clock), or null."""
    if value is None:
        return None
    if isinstance(value, str) and _TIME_RE.fullmatch(value):
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    raise JournalError(path, f"{describe(value)} is not a time; use HH:MM, e.g. 07:30")


def check_not_future(day: date, path: str, today: date) -> date:
    if day > today:
        raise JournalError(path, f"{day.isoformat()} is in the future (today is {today})")
    return day


def check_date(value: object, path: str, today: date | None = None) -> date:
    """A date written YYYY-MM-DD; when `today` is given, it may not be later than today."""
    day: date | None = None
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            day = None
    if day is None:
        raise JournalError(
            path, f"{describe(value)} is not a date; use YYYY-MM-DD, e.g. 2026-11-02"
        )
    _check_not_too_early(day, value, path)
    if today is not None:
        check_not_future(day, path, today)
    return day


def check_datetime(value: object, path: str, today: date | None = None) -> datetime:
    """A local date and time written YYYY-MM-DDTHH:MM[:SS], not later than today's date."""
    moment: datetime | None = None
    if isinstance(value, str) and _DATETIME_RE.fullmatch(value):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
    if moment is None:
        raise JournalError(
            path,
            f"{describe(value)} is not a date and time; use YYYY-MM-DDTHH:MM:SS, "
            "e.g. 2026-11-02T07:30:00",
        )
    _check_not_too_early(moment.date(), value, path)
    if today is not None and moment.date() > today:
        raise JournalError(path, f"{value} is in the future (today is {today})")
    return moment


def _check_not_too_early(day: date, value: object, path: str) -> None:
    if day < EARLIEST_DAY:
        raise JournalError(path, f"{value} is before {EARLIEST_DAY}; check the year")


def check_birth_year(value: object, path: str, today: date) -> int | None:
    if value is None:
        return None
    return check_int(value, path, MIN_BIRTH_YEAR, today.year)


def check_due_date(value: object, path: str, today: date) -> date:
    day = check_date(value, path)
    latest = today + timedelta(weeks=MAX_WEEKS_TO_DUE_DATE)
    if day > latest:
        raise JournalError(
            path, f"{day.isoformat()} is more than {MAX_WEEKS_TO_DUE_DATE} weeks away"
        )
    return day


def check_function_activity(value: object, path: str) -> str:
    text = check_text(value, path, MAX_FUNCTION_ACTIVITY_LENGTH)
    if not text.strip():
        raise JournalError(path, "must name an activity, e.g. putting on socks")
    return text


# ---------------------------------------------------------------------------------------
# Parts of documents, shared by the validators of `sicoach.domain.validation`


def as_object(value: object, path: str, what: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise JournalError(path, f"must be {what} (a JSON object), not {describe(value)}")
    return value


def as_list(value: object, path: str) -> list[object]:
    if not isinstance(value, list):
        raise JournalError(path, f"must be a list, not {describe(value)}")
    return value


def check_fields(
    obj: Mapping[str, object],
    path: str,
    what: str,
    allowed: tuple[str, ...],
    required: tuple[str, ...] = (),
) -> None:
    for key in obj:
        if key not in allowed:
            raise JournalError(
                join_path(path, key), f"unknown field; {what} has only {', '.join(allowed)}"
            )
    for key in required:
        if key not in obj:
            raise JournalError(join_path(path, key), f"missing; every {what} needs it")


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


def join_path(path: str, key: str) -> str:
    """`path.key`, or `path["odd key"]` for keys that are empty, long or not plain words."""
    if _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{describe(key)}]"


def unique_codes(value: object, path: str, kind: str) -> tuple[str, ...]:
    items = as_list(value, path)
    seen: dict[str, int] = {}
    codes: list[str] = []
    for i, item in enumerate(items):
        item_path = f"{path}[{i}]"
        if kind == "symptom":
            code = check_symptom(item, item_path)
        elif kind == "history":
            code = check_history(item, item_path)
        else:
            raise AssertionError(kind)
        if code in seen:
            raise JournalError(
                item_path, f'"{code}" is listed twice (also at {path}[{seen[code]}])'
            )
        seen[code] = i
        codes.append(code)
    return tuple(codes)
