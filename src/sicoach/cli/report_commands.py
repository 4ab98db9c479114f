"""Commands of the report area: `progress`, `report` and `rate` (my activities).

Each parses its options, calls `sicoach.services.reports`, and prints; bad input is one
line on stderr naming the option, exit status 2, nothing written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from sicoach.cli._common import console, context, fail, parse_date, parse_whole_number
from sicoach.cli.options import JsonOption


def _day(value: str | None, option: str) -> date | None:
    return parse_date(None if value is None else value.strip(), option)


def progress(
    ctx: typer.Context,
    as_json: JsonOption = False,
    on: str | None = typer.Option(
        None, "--date", metavar="D", help="Show progress as it stood on this day (YYYY-MM-DD)."
    ),
) -> None:
    """See if it is working: pain, mobility, sessions, aerobic minutes, activities."""
    import json

    from sicoach.cli.report_views import print_progress
    from sicoach.interchange.report import progress_to_dict
    from sicoach.services.reports import progress as progress_service

    result = progress_service(context(ctx), _day(on, "--date"))
    if as_json:
        typer.echo(json.dumps(progress_to_dict(result), indent=2, ensure_ascii=False))
    else:
        print_progress(result)


def report(
    ctx: typer.Context,
    out: Path = typer.Option(
        ...,
        "--out",
        help="File to write: FILE.pdf to print or send, or FILE.html to open in a browser.",
        dir_okay=False,
    ),
    start: str | None = typer.Option(
        None,
        "--from",
        help="First day to cover (YYYY-MM-DD); default: the last 12 weeks, Monday to Sunday.",
    ),
    end: str | None = typer.Option(
        None, "--to", help="Last day to cover (YYYY-MM-DD); default: today."
    ),
) -> None:
    """Make a one- or two-page report of your progress to show your doctor."""
    from rich.markup import escape
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from sicoach.interchange.files import write_atomic
    from sicoach.services.reports import render_report_html, render_report_pdf

    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        fail(f"--out: {out} must end in .pdf or .html")
    if not out.parent.exists():
        fail(f"--out: the folder {out.parent} does not exist")
    first, last = _day(start, "--from"), _day(end, "--to")
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("Making your report", total=None)

        def tick(text: str, done: int, total: int) -> None:
            bar.update(task, description=text, completed=done, total=total)

        if suffix == ".pdf":
            render_report_pdf(context(ctx), out, first, last, tick)
        else:
            write_atomic(out, render_report_html(context(ctx), first, last, tick))
    console.print(f"Report written to {escape(str(out))}", highlight=False)


def rate(
    ctx: typer.Context,
    activity: Annotated[
        str,
        typer.Argument(help='Something that is hard for you, e.g. "sitting for 30 minutes".'),
    ],
    score: Annotated[
        str,
        typer.Argument(help="How well you can do it: 0 (not at all) to 10 (as well as before)."),
    ],
    on: str | None = typer.Option(
        None, "--date", metavar="D", help="Day of the rating (YYYY-MM-DD)."
    ),
) -> None:
    """Rate one of "my activities" (up to 5), about once a week, to see the change."""
    from rich.markup import escape

    from sicoach.services.commands import RateActivity
    from sicoach.services.handlers import execute

    value = parse_whole_number(score, "SCORE", "a whole number from 0 to 10")
    rating = execute(context(ctx), RateActivity(activity, value, _day(on, "--date")))
    console.print(
        f"Saved: {escape(rating.activity)} = {rating.score} out of 10 "
        f"on {rating.date.isoformat()}.",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("progress")(progress)
    app.command("report")(report)
    app.command("rate")(rate)
