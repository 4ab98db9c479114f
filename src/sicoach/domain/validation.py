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

The single-field checks and limits live in `sicoach.domain.field_checks`; they are
used here and by the faces' checks (`sicoach.services.checks`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sicoach.domain.field_checks import (
    MAX_LEVEL,
    MAX_REPS,
    JournalError,
    as_list,
    as_object,
    check_activity_kind,
    check_birth_year,
    check_bool,
    check_date,
    check_datetime,
    check_due_date,
    check_exercise_id,
    check_fields,
    check_function_activity,
    check_int,
    check_minutes,
    check_note,
    check_optional_rating,
    check_rating,
    check_sex,
    check_time_of_day,
    check_weekday,
    describe,
    unique_codes,
)
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
from sicoach.domain.vocabulary import EXERCISE_IDS, WEEKDAYS

FORMAT = "sicoach.journal"
VERSION = 1

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
    obj = as_object(value, path, "null or a pregnancy")
    status = obj.get("status")
    if status == "pregnant":
        check_fields(obj, path, "a pregnancy", ("status", "due_date"), ("status", "due_date"))
        return Pregnancy(
            "pregnant", due_date=check_due_date(obj["due_date"], path + ".due_date", today)
        )
    if status == "postpartum":
        check_fields(
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
    obj = as_object(value, path, "the plan choices")
    check_fields(obj, path, "the plan", PLAN_FIELDS)
    ids = frozenset(exercise_ids)
    left_out: list[str] = []
    for i, item in enumerate(as_list(obj.get("left_out", []), path + ".left_out")):
        item_path = f"{path}.left_out[{i}]"
        code = check_exercise_id(item, item_path, ids)
        if code in left_out:
            raise JournalError(item_path, f'"{code}" is listed twice')
        left_out.append(code)
    days: list[int] = []
    default_days = list(WEEKDAYS)
    for i, item in enumerate(
        as_list(obj.get("training_days", default_days), path + ".training_days")
    ):
        item_path = f"{path}.training_days[{i}]"
        day = check_weekday(item, item_path)
        if day in days:
            raise JournalError(item_path, f'"{item}" is listed twice')
        days.append(day)
    reminder = check_time_of_day(obj.get("reminder_time"), path + ".reminder_time")
    enabled: list[tuple[str, date]] = []
    for i, item in enumerate(as_list(obj.get("enabled", []), path + ".enabled")):
        item_path = f"{path}.enabled[{i}]"
        entry = as_object(item, item_path, "an enabled exercise")
        check_fields(entry, item_path, "an enabled exercise", ("id", "date"), ("id", "date"))
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
    obj = as_object(value, path, "null or a profile")
    check_fields(obj, path, "a profile", PROFILE_FIELDS, ("started_on",))
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
        history=unique_codes(obj.get("history", []), path + ".history", "history"),
        plan=plan,
    )


def validate_checkin(value: object, path: str, today: date) -> CheckIn:
    obj = as_object(value, path, "a check-in")
    check_fields(obj, path, "a check-in", CHECKIN_FIELDS, ("date",))
    return CheckIn(
        date=check_date(obj["date"], path + ".date", today),
        pain=check_optional_rating(obj.get("pain"), path + ".pain"),
        worst_pain=check_optional_rating(obj.get("worst_pain"), path + ".worst_pain"),
        mobility=check_optional_rating(obj.get("mobility"), path + ".mobility"),
        symptoms=unique_codes(obj.get("symptoms", []), path + ".symptoms", "symptom"),
        note=check_note(obj.get("note", ""), path + ".note"),
        note_symptoms=unique_codes(
            obj.get("note_symptoms", []), path + ".note_symptoms", "symptom"
        ),
        note_dismissed=unique_codes(
            obj.get("note_dismissed", []), path + ".note_dismissed", "symptom"
        ),
    )


def validate_activity(value: object, path: str, today: date) -> Activity:
    obj = as_object(value, path, "an activity")
    check_fields(obj, path, "an activity", ACTIVITY_FIELDS, ACTIVITY_FIELDS)
    return Activity(
        date=check_date(obj["date"], path + ".date", today),
        kind=check_activity_kind(obj["kind"], path + ".kind"),
        minutes=check_minutes(obj["minutes"], path + ".minutes"),
    )


def validate_result(value: object, path: str, exercise_ids: Iterable[str]) -> ExerciseResult:
    obj = as_object(value, path, "an exercise result")
    check_fields(obj, path, "an exercise result", RESULT_FIELDS, ("id",))
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
    obj = as_object(value, path, "a session")
    check_fields(obj, path, "a session", SESSION_FIELDS, ("started_at",))
    ids = frozenset(exercise_ids)
    results = tuple(
        validate_result(item, f"{path}.exercises[{i}]", ids)
        for i, item in enumerate(as_list(obj.get("exercises", []), path + ".exercises"))
    )
    return Session(
        started_at=check_datetime(obj["started_at"], path + ".started_at", today),
        pain_before=check_optional_rating(obj.get("pain_before"), path + ".pain_before"),
        pain_after=check_optional_rating(obj.get("pain_after"), path + ".pain_after"),
        exercises=results,
        partial=check_bool(obj.get("partial", False), path + ".partial"),
    )


def validate_function(value: object, path: str, today: date) -> FunctionRating:
    obj = as_object(value, path, "a function rating")
    check_fields(obj, path, "a function rating", FUNCTION_FIELDS, FUNCTION_FIELDS)
    return FunctionRating(
        date=check_date(obj["date"], path + ".date", today),
        activity=check_function_activity(obj["activity"], path + ".activity"),
        score=check_rating(obj["score"], path + ".score"),
    )


NOT_A_DIARY = "this file is not an SI Coach diary"


def validate_journal(
    document: object, today: date, exercise_ids: Iterable[str] = EXERCISE_IDS
) -> Journal:
    """The journal a document describes; raises `JournalError` naming the first problem."""
    top = as_object(document, "document", "a journal")
    for needed in ("format", "version"):  # in plain words: the file is not ours at all
        if needed not in top:
            raise JournalError(needed, f"{NOT_A_DIARY}: it has no {needed}")
    check_fields(top, "", "a journal", TOP_FIELDS)
    if top["format"] != FORMAT:
        raise JournalError(
            "format", f'{NOT_A_DIARY}: its format is {describe(top["format"])}, not "{FORMAT}"'
        )
    version = top["version"]
    if type(version) is not int or version != VERSION:  # not 1.0, 1E0 or true
        raise JournalError(
            "version",
            f"this diary is version {describe(version)}, which this SI Coach cannot read "
            f"(it reads version {VERSION})",
        )
    ids = frozenset(exercise_ids)
    profile = validate_profile(top.get("profile"), "profile", today, ids)

    checkins: list[CheckIn] = []
    seen_days: dict[date, int] = {}
    for i, item in enumerate(as_list(top.get("checkins", []), "checkins")):
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
        for i, item in enumerate(as_list(top.get("sessions", []), "sessions"))
    ]

    activities = [
        validate_activity(item, f"activities[{i}]", today)
        for i, item in enumerate(as_list(top.get("activities", []), "activities"))
    ]

    ratings: list[FunctionRating] = []
    seen_ratings: dict[tuple[date, str], int] = {}
    for i, item in enumerate(as_list(top.get("function", []), "function")):
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
