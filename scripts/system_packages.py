"""The Debian packages `make test` needs beyond Python's own: install them or say how.

Run before the suite (by `make test`, so by `.ci/run` too) with the system's Python, before
the virtual environment exists. When everything is there it prints nothing. When something
is missing and we run as root with apt-get, it installs the missing packages and checks
again. Otherwise it stops at once with one line naming the packages and the command that
installs them, so no browser, PDF or voice test fails or skips later for a reason nobody saw.

Later issues add their packages to `NEEDED` (one line each).
"""

from __future__ import annotations

import ctypes.util
import glob
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass


def _program(name: str) -> Callable[[], bool]:
    return lambda: shutil.which(name) is not None


def _library(name: str) -> Callable[[], bool]:
    return lambda: ctypes.util.find_library(name) is not None


def _postgres() -> bool:
    """The integration tests start their own server from /usr/lib/postgresql/N/bin."""
    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or shutil.which("initdb") is not None


def _venv() -> bool:
    """`python3 -m venv` needs ensurepip, which Debian ships separately."""
    import importlib.util

    return importlib.util.find_spec("ensurepip") is not None


@dataclass(frozen=True)
class Need:
    package: str
    why: str
    present: Callable[[], bool]


NEEDED: tuple[Need, ...] = (
    Need("chromium", "the browser tests drive it", _program("chromium")),
    Need("poppler-utils", "pdftoppm renders the PDF report in a test", _program("pdftoppm")),
    Need("espeak-ng", "the session's spoken cues", _program("espeak-ng")),
    Need("postgresql", "the store is tested on PostgreSQL too", _postgres),
    Need("libpango-1.0-0", "the PDF report (WeasyPrint)", _library("pango-1.0")),
    Need("libpangoft2-1.0-0", "the PDF report (WeasyPrint)", _library("pangoft2-1.0")),
    Need("libcairo2", "figures as PNG (CairoSVG)", _library("cairo")),
    Need("python3-venv", "make creates a virtual environment", _venv),
    Need("npm", "Lighthouse audits the pages (tools/lighthouse)", _program("npm")),
    Need("caddy", "clinic mode is tested behind it, over HTTPS", _program("caddy")),
)


def missing() -> list[str]:
    return [need.package for need in NEEDED if not need.present()]


def install(packages: list[str]) -> int:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"Installing the Debian packages the tests need: {' '.join(packages)}", flush=True)
    for command in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
    ):
        if subprocess.run(command, env=env, check=False).returncode != 0:
            print(f"make test: '{' '.join(command)}' failed", file=sys.stderr)
            return 1
    still = missing()
    if still:
        print(f"make test: still missing after apt-get: {' '.join(still)}", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    packages = missing()
    if not packages:
        return 0
    if os.geteuid() == 0 and shutil.which("apt-get"):
        return install(packages)
    names = " ".join(packages)
    print(
        f"make test needs these Debian packages: {names}. "
        f"Install them with: sudo apt-get install {names}",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
