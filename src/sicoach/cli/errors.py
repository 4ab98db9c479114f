"""Service errors become one line on stderr and an exit status, by their type.

`InputError` (and its `Conflict`) and `NotFound` exit with 2, naming the option the person
typed (``--worst``) rather than the service's field (``worst_pain``); a bad value Typer
itself refuses (a choice not on the list) reads the same way. Anything else is unexpected
and exits with 1 from `sicoach.cli.app.main`.
"""

from __future__ import annotations

import re
import sys
from typing import Any, NoReturn

import typer
from typer._click import exceptions as click_errors  # Typer 0.29 carries its own Click
from typer.core import TyperGroup

from sicoach.cli._common import fail

OPTION_NAMES: dict[str, dict[str, str]] = {
    "checkin": {
        "pain": "--pain",
        "worst_pain": "--worst",
        "mobility": "--mobility",
        "symptoms": "--symptom",
        "note": "--note",
        "not_so": "--not-so",
        "date": "--date",
    },
    "activity": {"kind": "KIND", "minutes": "MINUTES", "date": "--date"},
    "profile": {
        "started_on": "--started-on",
        "birth_year": "--birth-year",
        "sex": "--sex",
        "history": "--history",
        "pregnancy.due_date": "--pregnant-due",
        "pregnancy.delivery_date": "--postpartum-delivered",
    },
    "history": {"days": "--days"},
    "progress": {"date": "--date"},
    "report": {"date": "--date", "from": "--from", "to": "--to"},
    "rate": {"activity": "ACTIVITY", "score": "SCORE", "date": "--date"},
    "review": {"date": "--date", "advice": "--advice", "note": "--note", "yes": "--yes"},
    "people": {
        "email": "--email",
        "role": "--role",
        "password": "password",
        "journal": "--journal",
    },
}
"""Per command: the service's field -> the option or argument a person typed."""

HINTS: dict[str, dict[str, str]] = {
    "checkin": {"symptoms": " (see the codes and what they mean with: sicoach symptoms)"},
    "profile": {"history": " (use one of cancer, osteoporosis, steroid_use, spine_surgery)"},
}
"""Per command and field: a pointer added after the message."""

CONFLICT_HINTS: dict[str, str] = {
    "import": (
        "; add --replace to let the file's records take the place of yours on the days it covers"
    ),
}
"""Per command: how to allow what a `Conflict` refused."""


def report_service_error(error: Exception, command: str | None) -> NoReturn:
    """Exit for a service error: status 2 with `option: message` (+ a hint)."""
    field = str(getattr(error, "field", ""))
    message = str(getattr(error, "message", error))
    names = OPTION_NAMES.get(command or "", {})
    hint = HINTS.get(command or "", {}).get(field, "")
    if _is_conflict(error):
        hint = CONFLICT_HINTS.get(command or "", hint)
    fail(f"{names.get(field, field)}: {message}{hint}" if field else f"{message}{hint}")


def _is_conflict(error: Exception) -> bool:
    from sicoach.services import errors

    conflict = getattr(errors, "Conflict", None) or getattr(errors, "ConflictError", None)
    return conflict is not None and isinstance(error, conflict)


def _service_errors() -> tuple[type[Exception], ...]:
    """The error types a person can act on (loaded only once an error is raised)."""
    from sicoach.services import errors

    names = ("ServiceError", "InputError", "NotFound")
    return tuple(t for n in names if isinstance(t := getattr(errors, n, None), type))


class FaceGroup(TyperGroup):
    """The top-level command group: runs a command and maps the errors it raises by type."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Usage mistakes (an unknown option, a missing argument) are one line and exit 2,
        like every other bad input, instead of Click's usage block."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click_errors.UsageError as error:
            where = error.ctx.command_path if error.ctx is not None else "sicoach"
            message = " ".join(error.format_message().split()).rstrip(".")
            typer.echo(f"{where}: {message} (see '{where} --help')", err=True)
            sys.exit(error.exit_code)
        except click_errors.ClickException as error:
            typer.echo(f"Error: {error.format_message()}", err=True)
            sys.exit(error.exit_code)
        except typer.Abort:
            typer.echo("Stopped.", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as error:
            if isinstance(error, typer.BadParameter) and type(error).__name__ == "BadParameter":
                fail(_bad_parameter(error))  # not its MissingParameter: Typer's usage says it
            if isinstance(error, (typer.Exit, typer.Abort, click_errors.ClickException)):
                raise  # --help, an exit, a usage mistake: no need to load the services' errors
            if isinstance(error, _service_errors()):
                report_service_error(error, ctx.invoked_subcommand)
            raise


def _bad_parameter(error: Any) -> str:
    """`--format: 'xml' is not one of json, csv, fhir, ics` for a value Typer refused."""
    param = getattr(error, "param", None)
    name = param.opts[0] if param is not None and param.opts else "value"
    if param is not None and getattr(param, "param_type_name", "") == "argument":
        name = (param.metavar or param.name or name).upper()
    message = re.sub(r"^Value error, ", "", str(error.message)).rstrip(".")
    listed = re.fullmatch(r"(.*is not one of )(.*)", message)
    if listed:  # 'xml' is not one of json, csv, fhir, ics
        message = listed.group(1) + ", ".join(c.strip(" '") for c in listed.group(2).split(","))
    return f"{name}: {message}"
