"""Checks on everything that enters the journal, with one wording for every face.

`validate_journal` turns a journal document (the dict read from the JSON of docs/design.md
§4) into a `Journal`, or raises `JournalError` for the FIRST problem found, naming
its path in the document: ``checkins[3].pain: 11 is above the maximum of 10``.

The single-field checks (`check_rating`, `check_minutes`, `check_symptom`, ...) are the same
functions the command line and the web forms use, so a mistake reads the same everywhere;
only the path differs (``--pain`` on the command line, ``pain`` in a form).

Additions to the format of docs/design.md §4 (all optional on input; export always
writes them so that a round trip gives the same document):

- ``profile.plan``: ``{"left_out": [exercise ids], "training_days": ["mon", ...],
  "reminder_time": "07:30" or null, "enabled": [{"id": exercise id, "date": D}]}`` — the
  person's choices about the routine (`PlanChoices`).
- ``sessions[].partial``: true when a session ended early (default false).
- ``function``: ``[{"date": D, "activity": text, "score": 0-10}]`` — patient-specific
  function ratings (0 unable, 10 as before the problem).
- ``reviews``: clinician reviews, see `sicoach.domain.validation_reviews`.
- In ``sessions[].exercises[]`` every field but ``id`` is optional (a skipped exercise may
  be written as ``{"id": ..., "skipped": true}``).

Our limits (not from the guide): minutes 1-1440 (one day), birth year 1900 to this year,
level 0-10, repetitions 0-1000, notes up to 2000 characters, a due date at most 44 weeks
ahead, a function activity of 1-100 characters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta

from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ExerciseResult,
    FunctionRating,
    Journal,
    PlanChoices,
    Pregnancy,
    Profile,
    Session,
)
from sicoach.domain.vocabulary import (
    ACTIVITY_KINDS,
    EXERCISE_IDS,
    HISTORY_CODES,
    SEXES,
    SYMPTOM_CODES,
    WEEKDAYS,
)

FORMAT = "sicoach.journal"
VERSION = 1

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
# Whole documents


def _object(value: object, path: str, what: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise JournalError(path, f"must be {what} (a JSON object), not {describe(value)}")
    return value


def _list(value: object, path: str) -> list[object]:
    if not isinstance(value, list):
        raise JournalError(path, f"must be a list, not {describe(value)}")
    return value


def _fields(
    obj: Mapping[str, object],
    path: str,
    what: str,
    allowed: tuple[str, ...],
    required: tuple[str, ...] = (),
) -> None:
    for key in obj:
        if key not in allowed:
            raise JournalError(
                _join(path, key), f"unknown field; {what} has only {', '.join(allowed)}"
            )
    for key in required:
        if key not in obj:
            raise JournalError(_join(path, key), f"missing; every {what} needs it")


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


def _join(path: str, key: str) -> str:
    """`path.key`, or `path["odd key"]` for keys that are empty, long or not plain words."""
    if _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{describe(key)}]"


def _unique_codes(value: object, path: str, kind: str) -> tuple[str, ...]:
    items = _list(value, path)
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


PROFILE_FIELDS = (
    "started_on",
    "birth_year",
    "sex",
    "pregnancy",
    "sedentary_job",
    "overweight",
    "frequent_lifting",
    "history",
    "plan",
)
PLAN_FIELDS = ("left_out", "training_days", "reminder_time", "enabled")
CHECKIN_FIELDS = (
    "date",
    "pain",
    "worst_pain",
    "mobility",
    "symptoms",
    "note",
    "note_symptoms",
    "note_dismissed",
)
"""`note_symptoms` and `note_dismissed` are optional (added within version 1): files
without them read as before, and the note is read again on import anyway."""
ACTIVITY_FIELDS = ("date", "kind", "minutes")
SESSION_FIELDS = ("started_at", "pain_before", "pain_after", "partial", "exercises")
RESULT_FIELDS = ("id", "level", "reps", "hurt", "pain", "skipped")
FUNCTION_FIELDS = ("date", "activity", "score")
TOP_FIELDS = (
    "format",
    "version",
    "profile",
    "checkins",
    "sessions",
    "activities",
    "function",
    "reviews",
)


def validate_pregnancy(value: object, path: str, today: date) -> Pregnancy | None:
    if value is None:
        return None
    obj = _object(value, path, "null or a pregnancy")
    status = obj.get("status")
    if status == "pregnant":
        _fields(obj, path, "a pregnancy", ("status", "due_date"), ("status", "due_date"))
        return Pregnancy(
            "pregnant", due_date=check_due_date(obj["due_date"], path + ".due_date", today)
        )
    if status == "postpartum":
        _fields(
            obj,
            path,
            "a postpartum record",
            ("status", "delivery_date"),
            ("status", "delivery_date"),
        )
        return Pregnancy(
            "postpartum",
            delivery_date=check_date(obj["delivery_date"], path + ".delivery_date", today),
        )
    if "status" not in obj:
        raise JournalError(path + ".status", 'missing; use "pregnant" or "postpartum"')
    raise JournalError(path + ".status", f'{describe(status)} is not "pregnant" or "postpartum"')


def validate_plan(
    value: object, path: str, today: date, exercise_ids: Iterable[str]
) -> PlanChoices:
    obj = _object(value, path, "the plan choices")
    _fields(obj, path, "the plan", PLAN_FIELDS)
    ids = frozenset(exercise_ids)
    left_out: list[str] = []
    for i, item in enumerate(_list(obj.get("left_out", []), path + ".left_out")):
        item_path = f"{path}.left_out[{i}]"
        code = check_exercise_id(item, item_path, ids)
        if code in left_out:
            raise JournalError(item_path, f'"{code}" is listed twice')
        left_out.append(code)
    days: list[int] = []
    default_days = list(WEEKDAYS)
    for i, item in enumerate(
        _list(obj.get("training_days", default_days), path + ".training_days")
    ):
        item_path = f"{path}.training_days[{i}]"
        day = check_weekday(item, item_path)
        if day in days:
            raise JournalError(item_path, f'"{item}" is listed twice')
        days.append(day)
    reminder = check_time_of_day(obj.get("reminder_time"), path + ".reminder_time")
    enabled: list[tuple[str, date]] = []
    for i, item in enumerate(_list(obj.get("enabled", []), path + ".enabled")):
        item_path = f"{path}.enabled[{i}]"
        entry = _object(item, item_path, "an enabled exercise")
        _fields(entry, item_path, "an enabled exercise", ("id", "date"), ("id", "date"))
        enabled.append(
            (
                check_exercise_id(entry["id"], item_path + ".id", ids),
                check_date(entry["date"], item_path + ".date", today),
            )
        )
    return PlanChoices(
        left_out=tuple(left_out),
        training_days=tuple(days),
        reminder_time=reminder,
        enabled_on=tuple(enabled),
    )


def validate_profile(
    value: object, path: str, today: date, exercise_ids: Iterable[str] = EXERCISE_IDS
) -> Profile | None:
    if value is None:
        return None
    obj = _object(value, path, "null or a profile")
    _fields(obj, path, "a profile", PROFILE_FIELDS, ("started_on",))
    plan = (
        validate_plan(obj["plan"], path + ".plan", today, exercise_ids)
        if obj.get("plan") is not None
        else PlanChoices()
    )
    return Profile(
        started_on=check_date(obj["started_on"], path + ".started_on", today),
        birth_year=check_birth_year(obj.get("birth_year"), path + ".birth_year", today),
        sex=check_sex(obj.get("sex"), path + ".sex"),
        pregnancy=validate_pregnancy(obj.get("pregnancy"), path + ".pregnancy", today),
        sedentary_job=check_bool(obj.get("sedentary_job", False), path + ".sedentary_job"),
        overweight=check_bool(obj.get("overweight", False), path + ".overweight"),
        frequent_lifting=check_bool(obj.get("frequent_lifting", False), path + ".frequent_lifting"),
        history=_unique_codes(obj.get("history", []), path + ".history", "history"),
        plan=plan,
    )


def validate_checkin(value: object, path: str, today: date) -> CheckIn:
    obj = _object(value, path, "a check-in")
    _fields(obj, path, "a check-in", CHECKIN_FIELDS, ("date",))
    return CheckIn(
        date=check_date(obj["date"], path + ".date", today),
        pain=check_optional_rating(obj.get("pain"), path + ".pain"),
        worst_pain=check_optional_rating(obj.get("worst_pain"), path + ".worst_pain"),
        mobility=check_optional_rating(obj.get("mobility"), path + ".mobility"),
        symptoms=_unique_codes(obj.get("symptoms", []), path + ".symptoms", "symptom"),
        note=check_note(obj.get("note", ""), path + ".note"),
        note_symptoms=_unique_codes(
            obj.get("note_symptoms", []), path + ".note_symptoms", "symptom"
        ),
        note_dismissed=_unique_codes(
            obj.get("note_dismissed", []), path + ".note_dismissed", "symptom"
        ),
    )


def validate_activity(value: object, path: str, today: date) -> Activity:
    obj = _object(value, path, "an activity")
    _fields(obj, path, "an activity", ACTIVITY_FIELDS, ACTIVITY_FIELDS)
    return Activity(
        date=check_date(obj["date"], path + ".date", today),
        kind=check_activity_kind(obj["kind"], path + ".kind"),
        minutes=check_minutes(obj["minutes"], path + ".minutes"),
    )


def validate_result(value: object, path: str, exercise_ids: Iterable[str]) -> ExerciseResult:
    obj = _object(value, path, "an exercise result")
    _fields(obj, path, "an exercise result", RESULT_FIELDS, ("id",))
    return ExerciseResult(
        id=check_exercise_id(obj["id"], path + ".id", exercise_ids),
        level=check_int(obj.get("level", 0), path + ".level", 0, MAX_LEVEL),
        reps=check_int(obj.get("reps", 0), path + ".reps", 0, MAX_REPS),
        hurt=check_bool(obj.get("hurt", False), path + ".hurt"),
        pain=check_optional_rating(obj.get("pain"), path + ".pain"),
        skipped=check_bool(obj.get("skipped", False), path + ".skipped"),
    )


def validate_session(
    value: object, path: str, today: date, exercise_ids: Iterable[str] = EXERCISE_IDS
) -> Session:
    obj = _object(value, path, "a session")
    _fields(obj, path, "a session", SESSION_FIELDS, ("started_at",))
    ids = frozenset(exercise_ids)
    results = tuple(
        validate_result(item, f"{path}.exercises[{i}]", ids)
        for i, item in enumerate(_list(obj.get("exercises", []), path + ".exercises"))
    )
    return Session(
        started_at=check_datetime(obj["started_at"], path + ".started_at", today),
        pain_before=check_optional_rating(obj.get("pain_before"), path + ".pain_before"),
        pain_after=check_optional_rating(obj.get("pain_after"), path + ".pain_after"),
        exercises=results,
        partial=check_bool(obj.get("partial", False), path + ".partial"),
    )


def validate_function(value: object, path: str, today: date) -> FunctionRating:
    obj = _object(value, path, "a function rating")
    _fields(obj, path, "a function rating", FUNCTION_FIELDS, FUNCTION_FIELDS)
    return FunctionRating(
        date=check_date(obj["date"], path + ".date", today),
        activity=check_function_activity(obj["activity"], path + ".activity"),
        score=check_rating(obj["score"], path + ".score"),
    )


def validate_journal(
    document: object, today: date, exercise_ids: Iterable[str] = EXERCISE_IDS
) -> Journal:
    """The journal a document describes; raises `JournalError` naming the first problem."""
    top = _object(document, "document", "a journal")
    _fields(top, "", "a journal", TOP_FIELDS, ("format", "version"))
    if top["format"] != FORMAT:
        raise JournalError(
            "format",
            f'{describe(top["format"])} is not "{FORMAT}"; this is not an SI Coach journal',
        )
    version = top["version"]
    if type(version) is not int or version != VERSION:  # not 1.0, 1E0 or true
        raise JournalError(
            "version",
            f"{describe(version)} is not supported; this SI Coach reads version {VERSION}",
        )
    ids = frozenset(exercise_ids)
    profile = validate_profile(top.get("profile"), "profile", today, ids)

    checkins: list[CheckIn] = []
    seen_days: dict[date, int] = {}
    for i, item in enumerate(_list(top.get("checkins", []), "checkins")):
        checkin = validate_checkin(item, f"checkins[{i}]", today)
        if checkin.date in seen_days:
            raise JournalError(
                f"checkins[{i}].date",
                f"{checkin.date.isoformat()} appears twice "
                f"(also at checkins[{seen_days[checkin.date]}]); keep one check-in a day",
            )
        seen_days[checkin.date] = i
        checkins.append(checkin)

    # Two sessions may share a start time (the store allows it, e.g. a quick restart),
    # so only check-ins (one a day) and function ratings are checked for duplicates.
    sessions = [
        validate_session(item, f"sessions[{i}]", today, ids)
        for i, item in enumerate(_list(top.get("sessions", []), "sessions"))
    ]

    activities = [
        validate_activity(item, f"activities[{i}]", today)
        for i, item in enumerate(_list(top.get("activities", []), "activities"))
    ]

    ratings: list[FunctionRating] = []
    seen_ratings: dict[tuple[date, str], int] = {}
    for i, item in enumerate(_list(top.get("function", []), "function")):
        rating = validate_function(item, f"function[{i}]", today)
        key = (rating.date, rating.activity)
        if key in seen_ratings:
            raise JournalError(
                f"function[{i}]",
                f'"{rating.activity}" is rated twice on {rating.date.isoformat()} '
                f"(also at function[{seen_ratings[key]}])",
            )
        seen_ratings[key] = i
        ratings.append(rating)

    from sicoach.domain.validation_reviews import validate_reviews  # it builds on this module

    return Journal(
        profile=profile,
        checkins=tuple(checkins),
        sessions=tuple(sessions),
        activities=tuple(activities),
        function=tuple(ratings),
        reviews=validate_reviews(top.get("reviews", []), today),
    )
