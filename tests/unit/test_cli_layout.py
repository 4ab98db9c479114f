"""The faces stay thin: short functions in the command line and the web routes, commands at
module level, and `sicoach --help` loads none of the heavy parts (they load when a command
needs them)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import sicoach.cli

CLI = Path(sicoach.cli.__file__).parent
ROUTES = CLI.parent / "web" / "routes"
MAX_LINES = 50


def _functions() -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    found = []
    for path in sorted([*CLI.glob("*.py"), *ROUTES.glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found.append((f"{path.name}:{node.name}", node))
    return found


def test_no_function_in_the_cli_or_the_web_routes_is_over_50_lines() -> None:
    long = [
        f"{name} has {node.end_lineno - node.lineno + 1} lines"  # type: ignore[operator]
        for name, node in _functions()
        if node.end_lineno - node.lineno + 1 > MAX_LINES  # type: ignore[operator]
    ]
    assert len(_functions()) > 100  # both faces' modules were read
    assert not long, long


def test_commands_are_defined_at_module_level() -> None:
    """A function defined inside another is a closure; only small callbacks may be."""
    nested = []
    for path in sorted(CLI.glob("*_commands.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for outer in tree.body:
            if not isinstance(outer, ast.FunctionDef):
                continue
            for inner in ast.walk(outer):
                decorated = isinstance(inner, ast.FunctionDef) and any(
                    isinstance(d, ast.Call | ast.Attribute) for d in inner.decorator_list
                )
                if inner is not outer and decorated:
                    nested.append(f"{path.name}:{outer.name}.{inner.name}")
    assert not nested, nested


def test_help_loads_no_heavy_module() -> None:
    """What `sicoach --help` imports, in a fresh interpreter (a real process)."""
    probe = (
        "import sys\n"
        "from sicoach.cli.app import main\n"
        "sys.argv = ['sicoach', '--help']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('sqlalchemy', 'fastapi', 'starlette', 'pydantic', 'jinja2', 'weasyprint',\n"
        "         'sicoach.domain.plan', 'sicoach.domain.safety', 'sicoach.domain.validation',\n"
        "         'sicoach.domain.journal', 'sicoach.services.context', 'sicoach.store',\n"
        "         'sicoach.domain.field_checks', 'sicoach.services.errors', 'rich')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "print('LOADED:', *loaded, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert "Usage: sicoach" in done.stdout
    assert done.stderr.strip() == "LOADED:", done.stderr


def _console_script(*args: str, columns: int = 80) -> tuple[str, list[str]]:
    """Run the console script's entry (`sicoach.cli.launch:main`) in a fresh interpreter:
    what it prints, and which modules of typer and sicoach it loaded."""
    probe = (
        "import sys\n"
        "from sicoach.cli.launch import main\n"
        f"sys.argv = ['sicoach', *{list(args)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('typer', 'click', 'sicoach')))\n"
        "print('LOADED:', *loaded, file=sys.stderr)\n"
    )
    env = {"COLUMNS": str(columns), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-c", probe]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60, env=env)
    loaded = done.stderr.strip().removeprefix("LOADED:").split()
    return done.stdout, loaded


def test_help_answers_without_loading_typer() -> None:
    """`sicoach --help` prints the kept help and loads nothing but the launcher."""
    from sicoach.cli.top_help import render

    for flag in ("--help", "-h"):
        printed, loaded = _console_script(flag)
        assert printed == render()
        assert loaded == ["sicoach", "sicoach.cli", "sicoach.cli.launch"]


def test_the_kept_help_is_the_apps_help() -> None:
    """top_help.txt is what the Typer app prints; after a command or its first line of help
    changes, run `python -m sicoach.cli.top_help` to rewrite it."""
    from sicoach.cli.launch import HELP_FILE
    from sicoach.cli.top_help import render

    with open(HELP_FILE, encoding="utf-8") as kept:
        assert kept.read() == render(), "run: python -m sicoach.cli.top_help"


def test_a_narrow_terminal_and_every_command_go_to_the_app() -> None:
    narrow, loaded = _console_script("--help", columns=60)
    assert "typer" in loaded and narrow.startswith("Usage: sicoach")
    assert max(len(line) for line in narrow.splitlines()) <= 58
    today, loaded = _console_script("today", "--help")
    assert "typer" in loaded and today.startswith("Usage: sicoach today")
