"""One strict JSON reader for everything that comes in: import files and API bodies.

Python's `json.loads` quietly accepts things a journal must not hold: the same key twice
(`{"pain": 99, "pain": 4}` keeps the last), `NaN` and `Infinity`, numbers too large for a
float (`1e400` becomes infinity), integers of thousands of digits (a ValueError deep inside),
and lone surrogates (`"a\\ud800"`), which cannot be stored or sent back as UTF-8. Here each
is refused as a `JournalError` naming where it is (`checkins[3].note`).
"""

from __future__ import annotations

import json
import math
from typing import Any

from sicoach.domain.field_checks import JournalError, is_text


class _Refused:
    """A value the hooks below refused; the walk reports it with its path."""

    def __init__(self, message: str) -> None:
        self.message = message


class _Duplicated(dict[str, Any]):
    """An object in which `key` appeared more than once."""

    def __init__(self, pairs: list[tuple[str, Any]], key: str) -> None:
        super().__init__(pairs)
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return _Duplicated(pairs, key)
        seen.add(key)
    return dict(pairs)


def _float(text: str) -> float | _Refused:
    value = float(text)
    if math.isfinite(value):
        return value
    return _Refused(f"{text[:20]} is too large to be a number we can use")


def _constant(name: str) -> _Refused:
    return _Refused(f"{name} is not a number")


def _int(text: str) -> int | _Refused:
    if len(text.lstrip("-")) > 30:
        return _Refused(f"a number of {len(text)} digits is far too large")
    return int(text)


def loads(text: str, where: str = "document") -> Any:
    """The JSON value in `text`; anything refused is a `JournalError` naming its path."""
    try:
        value = json.loads(
            text,
            object_pairs_hook=_object,
            parse_float=_float,
            parse_int=_int,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as err:
        truncated = err.pos >= len(text.rstrip()) or err.msg.startswith("Unterminated string")
        what = "ends too early; it may be cut off" if truncated else "is not valid JSON"
        detail = "a text value is not closed" if err.msg.startswith("Unterminated") else err.msg
        raise JournalError(
            where, f"the {_noun(where)} {what} (line {err.lineno}, column {err.colno}: {detail})"
        ) from None
    except RecursionError:
        raise JournalError(where, f"the {_noun(where)} is nested too deeply") from None
    _walk(value, "")
    return value


def _noun(where: str) -> str:
    return "file" if where == "document" else "request body"


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _walk(value: Any, path: str) -> None:
    if isinstance(value, _Refused):
        raise JournalError(path or "document", value.message)
    if isinstance(value, str):
        if not is_text(value):
            raise JournalError(
                path or "document",
                "contains a broken character (half of a surrogate pair), which is not text",
            )
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, f"{path}[{i}]")
        return
    if isinstance(value, dict):
        if isinstance(value, _Duplicated):
            raise JournalError(
                _join(path, safe_text(value.key)),
                "is given twice in one record; give each field once",
            )
        for key, item in value.items():
            if not is_text(key):
                raise JournalError(
                    _join(path, safe_text(key)),
                    "this field name contains a broken character, which is not text",
                )
            _walk(item, _join(path, key))


def safe_text(value: str) -> str:
    """`value` with any broken character written as an escape, safe to print or send."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")
