"""`make test` on a fresh machine: the system-package check installs or stops with one line.

The real check is run (scripts/system_packages.py, as `make test` runs it) with a PATH that
lacks chromium, pdftoppm, espeak-ng, npm and caddy, and a stand-in `apt-get` that records
its arguments and "installs" by putting empty programs on that PATH. The packages on this
machine are never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "scripts" / "system_packages.py"
PROGRAMS = {
    "chromium": "chromium",
    "pdftoppm": "poppler-utils",
    "espeak-ng": "espeak-ng",
    "npm": "npm",
    "caddy": "caddy",
}
PACKAGES = " ".join(PROGRAMS.values())
FAKE_APT = """#!/bin/sh
echo "$*" >> "{log}"
if [ "$1" = install ] && [ "{installs}" = yes ]; then
    for program in {programs}; do
        printf '#!/bin/sh\\n' > "{bin}/$program"
        /bin/chmod +x "{bin}/$program"
    done
fi
"""


def fake_bin(tmp_path: Path, *, apt: bool, installs: bool = True) -> Path:
    """A folder for PATH with none of the programs, and maybe a recording `apt-get`."""
    folder = tmp_path / "bin"
    folder.mkdir()
    if apt:
        script = FAKE_APT.format(
            log=tmp_path / "apt.log",
            installs="yes" if installs else "no",
            programs=" ".join(PROGRAMS),
            bin=folder,
        )
        (folder / "apt-get").write_text(script)
        (folder / "apt-get").chmod(0o755)
    return folder


def run_check(path: Path | str, *prefix: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(path), "LANG": "C.UTF-8"}
    return subprocess.run(
        [*prefix, sys.executable, str(CHECK)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def apt_calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "apt.log"
    return log.read_text().splitlines() if log.exists() else []


def test_make_test_runs_the_check_before_anything_else() -> None:
    # Under `make test` itself (as in CI) MAKELEVEL and MAKEFLAGS are set, and a nested make
    # would first print "Entering directory": run it as a person would, from a clean slate.
    clean = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    dry = subprocess.run(
        ["make", "--no-print-directory", "-n", "test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=clean,
    )
    first = dry.stdout.splitlines()[0]
    assert first.endswith("scripts/system_packages.py")


def test_ci_runs_make_test_strictly() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert "export CI=true" in ci and ci.rstrip().endswith("make test")
    assert "apt-get install" not in ci  # one list of packages, kept by the check


@pytest.mark.skipif(os.geteuid() != 0, reason="the install path runs only as root")
def test_as_root_with_apt_the_missing_packages_are_installed(tmp_path: Path) -> None:
    done = run_check(fake_bin(tmp_path, apt=True))
    assert done.returncode == 0, done.stderr
    assert apt_calls(tmp_path) == [
        "update -qq",
        f"install -y -qq --no-install-recommends {PACKAGES}",
    ]
    assert PACKAGES in done.stdout


@pytest.mark.skipif(os.geteuid() != 0, reason="the install path runs only as root")
def test_an_install_that_leaves_something_missing_stops_the_run(tmp_path: Path) -> None:
    done = run_check(fake_bin(tmp_path, apt=True, installs=False))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"make test: still missing after apt-get: {PACKAGES}"]


def assert_one_line_naming_the_command(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"make test needs these Debian packages: {PACKAGES}. "
        f"Install them with: sudo apt-get install {PACKAGES}"
    ]


def test_without_apt_get_it_stops_at_once_with_one_line(tmp_path: Path) -> None:
    assert_one_line_naming_the_command(run_check(fake_bin(tmp_path, apt=False)))


def test_not_root_it_stops_with_one_line_and_installs_nothing(tmp_path: Path) -> None:
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:  # drop to an ordinary user for real
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to run the check as another user"
        prefix = (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
    # pytest's own temporary folders are private to their owner: use one the user can read
    with tempfile.TemporaryDirectory(dir="/tmp") as shared:
        base = Path(shared)
        base.chmod(0o755)
        folder = fake_bin(base, apt=True)
        seen = subprocess.run(
            [*prefix, "/bin/sh", "-c", "command -v apt-get"],
            env={"PATH": str(folder)},
            capture_output=True,
            text=True,
            check=False,
        )
        assert seen.stdout.strip() == str(folder / "apt-get")  # it can see apt-get...
        assert_one_line_naming_the_command(run_check(folder, *prefix))
        assert apt_calls(base) == []  # ...and does not run it


def test_on_this_machine_nothing_is_missing() -> None:
    """The suite itself needs these packages: here they must all be present."""
    done = run_check(Path(os.environ.get("PATH", "/usr/bin")))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
