"""The domain's modules form no import cycle: the plan uses the session script's timing, and
the script reads only the plan's types (`plan_model`), never the planner itself."""

from __future__ import annotations

import ast
from pathlib import Path

import sicoach.domain

DOMAIN = Path(sicoach.domain.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sicoach")
    }


def test_the_script_does_not_import_the_planner() -> None:
    assert "sicoach.domain.plan" not in _imports(DOMAIN / "script.py")
    assert "sicoach.domain.plan" not in _imports(DOMAIN / "plan_model.py")
    assert "sicoach.domain.plan" not in _imports(DOMAIN / "plan_history.py")


def test_no_domain_module_is_over_about_400_lines() -> None:
    long = {
        p.name: n
        for p in DOMAIN.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert not long, long
