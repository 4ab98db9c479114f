"""Issue 13's last checks: the layer contracts run with the lint (so in CI, through `make
test`) with no exceptions, they hold, and the README's part for developers names the
layers and points to docs/."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_layer_contracts_run_with_the_lint_and_allow_no_exceptions() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = re.search(r"^lint:.*?(?=^\S)", makefile, re.M | re.S)
    assert lint and "lint-imports" in lint.group(0)
    assert re.search(r"^test:.*\blint\b", makefile, re.M), "make test runs the lint"
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    assert {c["source_modules"][0] for c in contracts} >= {
        "sicoach.domain",
        "sicoach.cli",
        "sicoach.store",
    }
    assert not [c["name"] for c in contracts if c.get("ignore_imports")]


def test_the_layer_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint_imports)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-2000:]
    assert "0 broken" in done.stdout


def test_the_readme_explains_the_layers_and_points_to_docs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = readme.split("## For developers", 1)[1].split("\n## ", 1)[0]
    for layer in ("domain/", "services/", "store/", "interchange/", "cli/", "web/"):
        assert f"`{layer}" in part, layer
    assert "docs/" in part.replace("`domain/`", "")
