"""How quickly `sicoach --help` answers, beside a bare `python -c pass` measured in the same run.

Each figure is the median of several real processes (a fresh interpreter each time), so it
includes what a person waits for: the interpreter, Typer, our command modules and the help.
The difference between the two lines is what SI Coach itself costs at start-up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import timed

RUNS = 15


def _run(*args: str) -> None:
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "80"})


def main() -> None:
    sicoach = shutil.which("sicoach", path=str(Path(sys.executable).parent)) or "sicoach"
    _run(sys.executable, "-c", "pass")  # warm the file cache before timing
    _run(sicoach, "--help")
    timed("python -c pass (reference)", lambda: _run(sys.executable, "-c", "pass"), RUNS)
    timed(
        "python -c 'import typer' (reference)",
        lambda: _run(sys.executable, "-c", "import typer"),
        RUNS,
    )
    timed("sicoach --help", lambda: _run(sicoach, "--help"), RUNS)
    timed("sicoach today --help", lambda: _run(sicoach, "today", "--help"), RUNS)


if __name__ == "__main__":
    main()
