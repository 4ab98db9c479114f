"""How the terminal shows the warning signs read from a note (shared by checkin commands)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from sicoach.services.notes import NoteReading

_STYLE = {
    "emergency": "bold white on red",
    "urgent": "bold black on yellow",
    "see_doctor": "bold",
    "continue": "",
}
"""By the safety level's code (a face reads levels through the services, not the domain)."""


def render_note_reading(out: Console, reading: NoteReading, ask_not_so: bool) -> None:
    """One line per sign, the needed action in the sentence; then how to say "not so"."""
    for sign in reading.signs:
        style = _STYLE[sign.level.value]
        text = escape(sign.sentence)
        out.print(f"[{style}]{text}[/]" if style else text, highlight=False)
    if ask_not_so and reading.signs:
        codes = " ".join(f"--not-so {s.code}" for s in reading.signs)
        day = f" --date {reading.day.isoformat()}"
        out.print(
            "If your note does not mean this, tell us: "
            f"[bold]sicoach checkin {escape(codes)}{day}[/]",
            highlight=False,
        )
