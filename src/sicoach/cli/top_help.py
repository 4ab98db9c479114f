"""`sicoach --help` as the Typer app renders it at full width, kept in `top_help.txt` so the
console script can print it without loading Typer (see `sicoach.cli.launch`).

`python -m sicoach.cli.top_help` rewrites the file after a command, its first line of help
or a global option changes; a test fails until it matches.
"""

from __future__ import annotations

from sicoach.cli.launch import FULL_WIDTH, HELP_FILE


def render() -> str:
    """What the Typer app prints for `sicoach --help` on a full-width terminal (run in a
    real process, as a person runs it)."""
    import os
    import subprocess
    import sys

    run_app = "import sys; from sicoach.cli.app import main; sys.argv[0] = 'sicoach'; main()"
    done = subprocess.run(
        [sys.executable, "-c", run_app, "--help"],
        env={**os.environ, "COLUMNS": str(FULL_WIDTH)},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout


if __name__ == "__main__":
    with open(HELP_FILE, "w", encoding="utf-8") as kept:
        kept.write(render())
    print(f"wrote {HELP_FILE}")
