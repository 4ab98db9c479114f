"""What the content commands print: the exercise library, the learn topics, the symptom words.

They only read the catalog (no database) and render it; the JSON shapes come from
`sicoach.interchange.content_json` so the web API prints the same thing.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from sicoach.cli._common import console, fail
from sicoach.interchange.content_json import (
    BODY_PART_LABELS,
    DEFAULT_LABELS,
    GROUP_TITLES,
    POSITION_LABELS,
    aerobic_to_dict,
    catalog_to_list,
    dosage_text,
    exercise_to_dict,
    range_text,
    section_to_dict,
    vocabulary_to_dict,
)

if TYPE_CHECKING:
    from sicoach.domain.exercises import AerobicItem, Catalog, Exercise

SHORT_POSITIONS = {
    "supine": "On your back",
    "side_lying": "On your side",
    "hands_and_knees": "Hands and knees",
    "standing": "Standing",
    "seated": "Seated",
}


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def exercises(catalog: Catalog, as_json: bool) -> None:
    """List the 10 exercises and the aerobic activity, in the guide's order."""
    if as_json:
        _print_json(catalog_to_list(catalog))
        return
    table = Table(title="SI Coach exercises", show_lines=False, expand=False)
    table.add_column("#", justify="right")
    table.add_column("Id", no_wrap=True)
    table.add_column("Name", max_width=24)
    table.add_column("Position")
    table.add_column("How much")
    for exercise in catalog.exercises:
        table.add_row(
            str(exercise.order),
            exercise.id,
            exercise.name,
            SHORT_POSITIONS[exercise.position],
            dosage_text(exercise.dosage),
        )
    aerobic = catalog.aerobic
    table.add_row(
        str(len(catalog.exercises) + 1),
        aerobic.id,
        aerobic.name,
        "Your choice",
        f"{aerobic.weekly_goal_minutes} minutes a week "
        f"({aerobic.minutes_per_session} minutes on {aerobic.sessions_per_week} days).",
    )
    console.print(table)
    console.print("See one in full with: sicoach exercise ID", highlight=False)


def exercise(catalog: Catalog, exercise_id: str, as_json: bool) -> None:
    """Show one exercise in full: purpose, steps, how much, cautions and harder levels."""
    if exercise_id == catalog.aerobic.id:
        if as_json:
            _print_json(aerobic_to_dict(catalog.aerobic))
        else:
            _print_aerobic(catalog.aerobic)
        return
    if not catalog.has_exercise(exercise_id):
        valid = ", ".join([*catalog.exercise_ids, catalog.aerobic.id])
        fail(f"ID: there is no exercise {exercise_id!r}; valid ids: {valid}")
    item = catalog.exercise(exercise_id)
    if as_json:
        _print_json(exercise_to_dict(item))
    else:
        _print_exercise(item)


def _bullets(lines: tuple[str, ...] | list[str], numbered: bool = False) -> str:
    if numbered:
        return "\n".join(f"  {n}. {escape(line)}" for n, line in enumerate(lines, start=1))
    return "\n".join(f"  • {escape(line)}" for line in lines)


def _heading(text: str) -> str:
    return f"\n[bold]{escape(text)}[/]"


def _print_exercise(item: Exercise) -> None:
    parts = [
        escape(item.purpose),
        _heading("Position") + f"\n  {POSITION_LABELS[item.position]}",
        _heading("Works") + "\n  " + ", ".join(BODY_PART_LABELS[p] for p in item.works),
        _heading("Remember") + f"\n  {escape(item.key_instruction)}",
        _heading("How to do it") + "\n" + _bullets(item.steps, numbered=True),
        _heading("How much") + f"\n  {escape(dosage_text(item.dosage))}",
    ]
    if item.props:
        parts.append(_heading("You will need") + "\n" + _bullets(item.props))
    if item.cautions:
        parts.append(_heading("Take care") + "\n" + _bullets(item.cautions))
    if item.modifications:
        parts.append(_heading("To make it easier") + "\n" + _bullets(item.modifications))
    levels = [
        f"  Level {p.level}: {escape(p.name)}. {escape(p.description)}" for p in item.progressions
    ]
    parts.append(_heading("Levels") + "\n" + "\n".join(levels))
    pregnancy = item.variant("pregnancy")
    if pregnancy is not None or item.pregnancy_caution:
        lines: list[str] = []
        if pregnancy is not None:
            lines.append(f"  [bold]Instead: {escape(pregnancy.name)}[/]")
            lines.append(f"  {escape(pregnancy.reason)}")
            lines.append(f"  Position: {POSITION_LABELS[pregnancy.position]}")
            lines.append(_bullets(pregnancy.steps, numbered=True))
        if item.pregnancy_caution:
            lines.append(f"  {escape(item.pregnancy_caution)}")
            lines.append(f"  [dim]Source: {escape(item.pregnancy_caution_source)}[/]")
        parts.append(_heading("If you are pregnant") + "\n" + "\n".join(lines))
    if item.our_defaults:
        labels = [DEFAULT_LABELS[name] for name in item.our_defaults]
        named = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]
        parts.append(
            _heading("Our choice")
            + f"\n  The guide does not say {escape(named)}; we picked a gentle amount."
        )
    console.print(
        Panel("\n".join(parts), title=f"[bold]{escape(item.name)}[/]", subtitle=item.id),
        highlight=False,
    )


def _print_aerobic(item: AerobicItem) -> None:
    options = [f"  • {escape(o.name)}: {escape(o.note)}" for o in item.options]
    walk = range_text(item.walking_start_minutes)
    parts = [
        escape(item.purpose),
        _heading("Your goal")
        + f"\n  {item.weekly_goal_minutes} minutes a week: about {item.minutes_per_session} "
        f"minutes on {item.sessions_per_week} days. If you walk, start with {walk} minutes.",
        _heading("Gentle options") + "\n" + "\n".join(options),
    ]
    if item.steps:
        parts.append(_heading("How to build up") + "\n" + _bullets(item.steps, numbered=True))
    if item.cautions:
        parts.append(_heading("Take care") + "\n" + _bullets(item.cautions))
    if item.modifications:
        parts.append(_heading("Good to know") + "\n" + _bullets(item.modifications))
    parts.append(_heading("Source") + f"\n  {escape(item.source)}")
    console.print(
        Panel("\n".join(parts), title=f"[bold]{escape(item.name)}[/]", subtitle=item.id),
        highlight=False,
    )


def topics(catalog: Catalog, as_json: bool) -> None:
    """The list of topics to read."""
    if as_json:
        _print_json([section_to_dict(s) for s in catalog.education])
        return
    table = Table(title="Topics to read", expand=False)
    table.add_column("Topic", no_wrap=True)
    table.add_column("What it covers")
    for listed in catalog.education:
        table.add_row(listed.id, f"[bold]{escape(listed.title)}[/]\n{escape(listed.summary)}")
    console.print(table)
    console.print("Read one with: sicoach learn TOPIC", highlight=False)


def learn(catalog: Catalog, topic: str, as_json: bool) -> None:
    """Read about the SI joint: what it is, causes, symptoms, when to see a doctor."""
    section = catalog.section(topic)
    if section is None:
        valid = ", ".join(s.id for s in catalog.education)
        fail(f"TOPIC: there is no topic {topic!r}; topics: {valid}")
    if as_json:
        _print_json(section_to_dict(section))
        return
    body = [escape(section.summary)]
    body.extend(f"\n{escape(p)}" for p in section.paragraphs)
    if section.items:
        body.append("\n" + _bullets(section.items))
    body.append(f"\n[dim]Source: {escape(section.source)}[/]")
    console.print(
        Panel("\n".join(body), title=f"[bold]{escape(section.title)}[/]", subtitle=section.id),
        highlight=False,
    )


def symptoms(catalog: Catalog, as_json: bool) -> None:
    """Explain the symptom and health-history words you can record at a check-in."""
    if as_json:
        _print_json(vocabulary_to_dict(catalog))
        return
    groups: dict[str, list[Any]] = {}
    for code in (*catalog.symptoms, *catalog.history):
        groups.setdefault(code.group, []).append(code)
    for group, codes in groups.items():
        table = Table(title=GROUP_TITLES.get(group, group), title_justify="left", expand=False)
        table.add_column("Code", no_wrap=True)
        table.add_column("In plain words")
        table.add_column("What it means")
        for code in codes:
            table.add_row(code.code, code.label, code.explanation)
        console.print(table)
    console.print(
        Text(
            "Record symptoms with: sicoach checkin --pain N --symptom CODE. "
            "Emergency signs mean getting help right away, not waiting for the app."
        )
    )
