"""Helpers every command module shares: the context, the consoles, and clean failure.

Nothing heavy loads here: Rich, the domain and the services load on first use, so that
`sicoach --help` stays quick (`bench/startup.py`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn, overload

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from sicoach.services.context import Context


class _LazyConsole:
    """A Rich console made on first use (no emoji codes: text a person typed, such as
    ":x:" in a note or a file name, is shown as typed)."""

    def __init__(self, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    def _real(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self._stderr, emoji=False)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real(), name)

    @property
    def width(self) -> int:
        return self._real().width

    @width.setter
    def width(self, value: int) -> None:  # e.g. a test pinning the width
        self._real().width = value

    def __enter__(self) -> Console:
        return self._real().__enter__()

    def __exit__(self, *exc: Any) -> None:
        self._real().__exit__(*exc)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("_stderr", "_console"):
            object.__setattr__(self, name, value)
        elif name == "width":
            object.__setattr__(self, name, value)  # the property above
        else:
            setattr(self._real(), name, value)


console: Console = _LazyConsole()  # type: ignore[assignment]
err_console: Console = _LazyConsole(stderr=True)  # type: ignore[assignment]


def context(ctx: typer.Context) -> Context:
    """The services' context, built on first use from the top-level `--db` option."""
    root = ctx.find_root()
    if root.obj is None:
        from sicoach.services.context import build_context
        from sicoach.settings import resolve_settings

        try:
            settings = resolve_settings(db_path=root.params.get("db"))
        except ValueError as error:  # a setting in the environment is not what it must be
            fail(str(error))
        root.obj = build_context(settings)
    return root.obj  # type: ignore[no-any-return]


def fail(message: str, code: int = 2) -> NoReturn:
    """One clear line on stderr and a non-zero exit; nothing has been written.

    `message` is plain text: it is escaped here, so a value the person typed (say ``[/x]``)
    is shown as typed instead of being read as Rich markup.
    """
    from rich.markup import escape

    err_console.print(f"[bold red]Error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def parse_date(value: str | None, field: str = "--date", latest: date | None = None) -> date | None:
    """A YYYY-MM-DD option, checked as the journal checks dates; None when not given.

    With `latest` (usually today), a later day is refused too.
    """
    if value is None:
        return None
    from sicoach.services.checks import check_date
    from sicoach.services.errors import JournalError

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
    text = value  # " 7 " is refused, as the import file and the API refuse it
    if not _WHOLE_NUMBER.fullmatch(text):
        fail(f"{option}: {value!r} is not {what}")
    from sicoach.services.checks import MAX_DIGITS

    if len(text.lstrip("-")) > MAX_DIGITS:
        fail(f"{option}: a number of {len(text)} digits is far too large")
    return int(text)
