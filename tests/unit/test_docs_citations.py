"""Every place that cites our docs points at a section that exists, and no text a person
reads names our files (they see the outside source itself, e.g. "NHS back-pain advice")."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from sicoach.content import CONTENT_DIR
from sicoach.domain import plan, safety
from sicoach.domain.safety import wording

ROOT = Path(__file__).parents[2]
DOCS = ROOT / "docs"
SEARCHED = ("src", "tests", "bench", "scripts")
SUFFIXES = {".py", ".toml", ".md", ".html", ".js", ".json", ".css", ".txt"}
CITATION = re.compile(r"docs/(design|clinical-notes)\.md")
SECTION_AFTER = re.compile(r"\s*(?:§\s*(\d+)|section\s+(\d+)|#([a-z0-9-]+))")
FURTHER_SECTION = re.compile(r"§\s*(\d+)")


def anchor(heading: str) -> str:
    """The anchor a Markdown renderer gives a heading (lower case, spaces to hyphens)."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def sections(doc: str) -> tuple[set[str], set[str]]:
    """The section numbers and anchors of the `## N. Title` headings of docs/<doc>.md."""
    headings = re.findall(r"^## (.+)$", (DOCS / f"{doc}.md").read_text(encoding="utf-8"), re.M)
    numbers = {m.group(1) for h in headings if (m := re.match(r"(\d+)\.", h))}
    return numbers, {anchor(h) for h in headings}


def cited_files() -> Iterator[Path]:
    for top in SEARCHED:
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES and ".venv" not in path.parts:
                yield path


def citations() -> list[tuple[str, str, str]]:
    """(where, doc, section number or anchor or '') for every citation of our docs."""
    found = []
    for path in cited_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in CITATION.finditer(line):
                where = f"{path.relative_to(ROOT)}:{number}"
                rest = line[match.end() :]
                first = SECTION_AFTER.match(rest)
                cited = [next(g for g in first.groups() if g)] if first else [""]
                next_doc = CITATION.search(rest)
                tail = rest[: next_doc.start()] if next_doc else rest
                cited += FURTHER_SECTION.findall(tail)[1 if first and first.group(1) else 0 :]
                found.extend((where, match.group(1), section) for section in cited)
    return found


def test_the_docs_are_in_the_repository() -> None:
    assert (DOCS / "design.md").is_file()
    assert (DOCS / "clinical-notes.md").is_file()
    assert sections("clinical-notes")[0] >= {"1", "2", "3", "4", "5", "6"}
    assert "1-red-flags-and-urgency-tiers" in sections("clinical-notes")[1]


def test_code_cites_the_docs() -> None:
    assert len(citations()) > 50


def test_every_cited_section_exists() -> None:
    missing = []
    for where, doc, section in citations():
        numbers, anchors = sections(doc)
        if section and section not in numbers and section not in anchors:
            missing.append(f"{where}: docs/{doc}.md has no section {section}")
    assert not missing, "\n".join(missing)


def test_no_code_cites_the_old_places() -> None:
    stale = re.compile(r"(?<!docs/)(?:clinical-notes|DESIGN)\.md")
    old = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in cited_files()
        if path.name != Path(__file__).name
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if stale.search(line)
    ]
    assert not old, "cite docs/design.md or docs/clinical-notes.md instead:\n" + "\n".join(old)


def _sources(value: object, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for k, item in value.items():
            yield from _sources(item, k)
    elif isinstance(value, list):
        for item in value:
            yield from _sources(item, key)
    elif isinstance(value, str) and key.endswith("source"):
        yield value


def shown_sources() -> list[str]:
    texts = [rule.source for rule in safety.RULES]
    texts += [getattr(wording, name) for name in dir(wording) if name.startswith("SRC_")]
    texts += [rule.source for rule in plan.RULES.values()]
    for path in sorted(CONTENT_DIR.rglob("*.toml")):
        texts += _sources(tomllib.loads(path.read_text(encoding="utf-8")))
    return texts


def test_sources_shown_to_people_name_the_source_not_our_files() -> None:
    texts = shown_sources()
    assert len(texts) > 40
    ours = [t for t in texts if re.search(r"\.md\b|docs/|clinical-notes|DESIGN", t)]
    assert not ours, ours


@pytest.mark.parametrize("doc", ["design", "clinical-notes"])
def test_anchor_of_a_heading(doc: str) -> None:
    assert all(re.fullmatch(r"[a-z0-9-]+", a) for a in sections(doc)[1])
