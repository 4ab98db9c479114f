"""How the terminal player looks: one Rich renderable per moment, readable from a distance.

The countdown is the largest thing (drawn in block digits), the cue in bold capitals under
it, then the repetition and side, what comes next, and a thin bar for the whole session with
the time left. The keys are always listed at the bottom, "h" (it hurts) among them.
"""

from __future__ import annotations

from rich.align import Align
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from sicoach.cli.player import PlayerView
from sicoach.services.player import Step, side_label

# Block digits, five rows high, drawn for this project.
_DIGITS: dict[str, tuple[str, ...]] = {
    "0": ("█████", "█   █", "█   █", "█   █", "█████"),
    "1": ("  ██ ", "   █ ", "   █ ", "   █ ", "  ███"),
    "2": ("█████", "    █", "█████", "█    ", "█████"),
    "3": ("█████", "    █", " ████", "    █", "█████"),
    "4": ("█   █", "█   █", "█████", "    █", "    █"),
    "5": ("█████", "█    ", "█████", "    █", "█████"),
    "6": ("█████", "█    ", "█████", "█   █", "█████"),
    "7": ("█████", "    █", "   █ ", "  █  ", "  █  "),
    "8": ("█████", "█   █", "█████", "█   █", "█████"),
    "9": ("█████", "█   █", "█████", "    █", "█████"),
}
SHOUT_UP_TO = 48
"""Short cues are shown in capitals; longer sentences read more easily as they are."""
KEYS_HELP = "space pause/resume   n skip exercise   h it hurts   q stop"

_KIND_STYLE = {
    "get_ready": "bold cyan",
    "hold": "bold green",
    "release": "bold blue",
    "move": "bold green",
    "switch_side": "bold magenta",
    "rest": "bold blue",
    "done": "bold green",
}


def big_number(value: int) -> str:
    """A whole number in five-row block digits."""
    rows = ["", "", "", "", ""]
    for char in str(max(0, value)):
        for i, row in enumerate(_DIGITS[char]):
            rows[i] += row + "  "
    return "\n".join(r.rstrip() for r in rows)


def clock_text(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


def rep_line(step: Step) -> str:
    """ "4 of 10 · right leg": the repetition and the side of a step."""
    parts: list[str] = []
    if step.rep is not None and step.of_reps is not None:
        parts.append(f"{step.rep} of {step.of_reps}")
    if step.side and step.exercise_id:
        parts.append(side_label(step.exercise_id, step.side))
    return " · ".join(parts)


def render(view: PlayerView) -> RenderableType:
    """The full-screen view of one moment of the session."""
    step = view.step
    style = _KIND_STYLE.get(step.kind, "bold")
    title = (
        f"Exercise {view.exercise_number} of {view.exercise_count}: {step.name}"
        if view.exercise is not None
        else "Today's session"
    )
    parts: list[RenderableType] = [Text("")]
    parts.append(Align.center(Text(big_number(view.remaining), style=style)))
    parts.append(Text(""))
    cue = step.text.upper() if len(step.text) <= SHOUT_UP_TO else step.text
    parts.append(Align.center(Text(cue, style=style, justify="center")))
    reps = rep_line(step)
    if step.kind == "get_ready" and view.exercise is not None:
        each = " on each side" if view.exercise.per_side else ""
        reps = f"{view.exercise.reps} times{each}"
    if reps:
        parts.append(Align.center(Text(reps, style="bold")))
    changed = view.exercise is not None and view.exercise.status == "modified"
    if step.kind == "get_ready" and changed and view.exercise is not None:
        how = Text("\n".join(f"- {line}" for line in view.exercise.steps[1:]), style="italic")
        parts.append(Padding(how, (1, 4, 0, 4)))
    if view.paused:
        parts.append(Text(""))
        parts.append(Align.center(Text("PAUSED: press space to go on", style="bold yellow")))
    if view.next_text:
        parts.append(Text(""))
        parts.append(Align.center(Text(f"Next: {view.next_text}", style="dim")))
    parts.append(Text(""))
    bar = Table.grid(expand=True)
    bar.add_column(ratio=1)
    bar.add_column(justify="right", width=14)
    bar.add_row(
        ProgressBar(total=1.0, completed=view.fraction_done),
        Text(f"{clock_text(view.seconds_left)} left"),
    )
    parts.append(bar)
    parts.append(Align.center(Text(KEYS_HELP, style="dim")))
    return Panel(Group(*parts), title=title, border_style=style)


def step_line(step: Step) -> str:
    """One plain line per step, for a terminal that cannot redraw (input is not a tty)."""
    details = [rep_line(step)] if rep_line(step) else []
    if step.seconds:
        details.append(f"{step.seconds} s")
    head = f"[{step.name}] " if step.name else ""
    tail = f" ({', '.join(details)})" if details else ""
    return f"{head}{step.text}{tail}"
