"""Helpers every command module shares: the context, the consoles, and clean failure."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import NoReturn, overload

import typer
from rich.console import Console
from rich.markup import escape

from sicoach.domain.validation import MAX_DIGITS, JournalError, check_date
from sicoach.services.context import Context
from sicoach.services.errors import InputError

# No emoji codes: text a person typed (":x:" in an id, a note or a file name) is shown as typed.
console = Console(emoji=False)
err_console = Console(stderr=True, emoji=False)


def context(ctx: typer.Context) -> Context:
    """The services' context built by the top-level callback."""
    obj = ctx.find_root().obj
    assert isinstance(obj, Context)
    return obj


def fail(message: str, code: int = 2) -> NoReturn:
    """One clear line on stderr and a non-zero exit; nothing has been written.

    `message` is plain text: it is escaped here, so a value the person typed (say ``[/x]``)
    is shown as typed instead of being read as Rich markup.
    """
    err_console.print(f"[bold red]Error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def fail_input(
    error: InputError,
    options: Mapping[str, str] | None = None,
    hints: Mapping[str, str] | None = None,
) -> NoReturn:
    """Report a service's `InputError` under the option it came from; exit status 2.

    `options` maps a service field (``worst_pain``) to the option a person typed
    (``--worst``); `hints` adds a pointer after the message for some fields.
    """
    field = (options or {}).get(error.field, error.field)
    fail(f"{field}: {error.message}{(hints or {}).get(error.field, '')}")


def parse_date(value: str | None, field: str = "--date", latest: date | None = None) -> date | None:
    """A YYYY-MM-DD option, checked as the journal checks dates; None when not given.

    With `latest` (usually today), a later day is refused too.
    """
    if value is None:
        return None
    try:
        return check_date(value, field, latest)
    except JournalError as err:
        fail(str(err))


_WHOLE_NUMBER = re.compile(r"-?[0-9]+")


@overload
def parse_whole_number(value: str, option: str, what: str = ...) -> int: ...
@overload
def parse_whole_number(value: str | None, option: str, what: str = ...) -> int | None: ...
def parse_whole_number(value: str | None, option: str, what: str = "a whole number") -> int | None:
    """A number option written with the digits 0-9 (and maybe a minus); None when not given.

    `int()` alone would also take "1_0" as 10, "+5", or digits of other scripts; the range
    itself (0-10, 1-600 minutes, ...) is the service's check, so the message names it once.
    """
    if value is None:
        return None
    text = value.strip()
    if not _WHOLE_NUMBER.fullmatch(text):
        fail(f"{option}: {value!r} is not {what}")
    if len(text.lstrip("-")) > MAX_DIGITS:
        fail(f"{option}: a number of {len(text)} digits is far too large")
    return int(text)
