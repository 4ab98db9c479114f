"""How quickly `sicoach --help` answers, beside a bare `python -c pass` measured in the same run.

Each figure is the median of several real processes (a fresh interpreter each time), so it
includes what a person waits for: the interpreter, our launcher and the help. Wall time
swings with the machine's load, so the CPU time the process used is printed beside it. The
difference between `python -c pass` and `sicoach --help` is what SI Coach itself costs at
start-up; `sicoach today --help` and the bare Typer import show what the full app costs
(Typer 0.29 builds every parameter of a command through pydantic, so any command loads it).
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

RUNS = 15


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(args: Sequence[str]) -> tuple[float, float]:
    """One real process: (wall seconds, CPU seconds)."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "80"})
    return time.perf_counter() - start, _children_cpu() - cpu


def timed(label: str, args: Sequence[str]) -> float:
    """Print the median wall and CPU time of RUNS processes; returns the median CPU ms."""
    runs = [_run(args) for _ in range(RUNS)]
    wall = statistics.median(w for w, _ in runs) * 1000
    cpu = statistics.median(c for _, c in runs) * 1000
    print(f"{label:<48} wall median {wall:7.1f} ms   CPU median {cpu:7.1f} ms   ({RUNS} runs)")
    return cpu


def main() -> None:
    sicoach = shutil.which("sicoach", path=str(Path(sys.executable).parent)) or "sicoach"
    _run([sys.executable, "-c", "pass"])  # warm the file cache before timing
    _run([sicoach, "--help"])
    reference = timed("python -c pass (reference)", [sys.executable, "-c", "pass"])
    timed("python -c 'import typer' (reference)", [sys.executable, "-c", "import typer"])
    timed(
        "python -c 'import typer, pydantic' (reference)",
        [sys.executable, "-c", "import typer, pydantic"],
    )
    help_cpu = timed("sicoach --help", [sicoach, "--help"])
    timed("sicoach today --help (the Typer app)", [sicoach, "today", "--help"])
    print(f"sicoach --help costs {help_cpu - reference:.1f} ms of CPU above python -c pass")


if __name__ == "__main__":
    main()
