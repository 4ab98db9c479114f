"""Helpers every command module shares: the context, the consoles, and clean failure."""

from __future__ import annotations

from datetime import date
from typing import NoReturn

import typer
from rich.console import Console

from sicoach.services.context import Context
from sicoach.services.errors import InputError

console = Console()
err_console = Console(stderr=True)


BadInput = InputError
"""The services' error for input a person can fix (kept under this name for older imports;
services raise `sicoach.services.errors.InputError`, which must not come from the CLI)."""


def context(ctx: typer.Context) -> Context:
    """The services' context built by the top-level callback."""
    obj = ctx.find_root().obj
    assert isinstance(obj, Context)
    return obj


def fail(message: str, code: int = 2) -> NoReturn:
    """One clear line on stderr and a non-zero exit; nothing has been written."""
    err_console.print(f"[bold red]Error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def parse_date(value: str | None, field: str = "--date") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{field}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2026-11-02")
