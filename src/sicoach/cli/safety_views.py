"""How the safety level reads on the terminal, and the yes/no questions of the screen.

`show_safety_if_raised` and `render_assessment` are shared by several commands (safety,
checkin, today, session) so the safety message looks and reads the same everywhere.
"""

from __future__ import annotations

from datetime import date

import typer
from rich.console import Console
from rich.markup import escape

from sicoach.cli._common import console
from sicoach.services.context import Context
from sicoach.services.safety import (
    ALSO_TELL,
    BOOK_VISIT,
    DOCTOR_TODAY,
    EMERGENCY_CALL,
    MATERNITY_NOW,
    MATERNITY_TODAY,
    Assessment,
    Level,
    ScreenQuestion,
    assess,
)

# Colour plus an icon and words, never colour alone (UI.md).
_LOOK: dict[Level, tuple[str, str, str]] = {
    Level.EMERGENCY: ("bold white on red", "[!!!]", "EMERGENCY: get emergency care now"),
    Level.URGENT: ("bold black on dark_orange", "[!!]", "URGENT: see a doctor today"),
    Level.SEE_DOCTOR: ("bold white on blue", "[i]", "SEE A DOCTOR: book an appointment"),
    Level.CONTINUE: ("bold green", "[ok]", "ALL CLEAR: keep going"),
}

_TODO: dict[Level, str] = {
    Level.EMERGENCY: f"{EMERGENCY_CALL} Do not do your exercises.",
    Level.URGENT: (
        "Stop your exercises for now and see a doctor today (or call your out-of-hours line, "
        "111 in the UK). If things get worse quickly, call your emergency number."
    ),
    Level.SEE_DOCTOR: (
        "You can keep doing what feels comfortable. Book an appointment with your doctor or "
        "physio soon and tell them what is listed below."
    ),
    Level.CONTINUE: "Nothing in your record needs a doctor right now. Keep going with your plan.",
}

# Standard actions that open a reason's message; the human view says the action once at
# the top and lists only the "why" of each reason. Maternity actions stay in full.
_STANDARD_ACTIONS = (EMERGENCY_CALL, DOCTOR_TODAY, BOOK_VISIT, ALSO_TELL)


def _why(message: str, top_action: str) -> str:
    for action in (*_STANDARD_ACTIONS, top_action):
        if message.startswith(action):
            return message[len(action) :].strip()
    return message


def what_to_do(assessment: Assessment) -> str:
    """The one action for the level; maternity-only signs go to the maternity team."""
    top = [r for r in assessment.reasons if r.level is assessment.level]
    if assessment.level is Level.EMERGENCY:
        maternity = [r for r in top if r.message.startswith(MATERNITY_NOW)]
        if top and len(maternity) == len(top):
            return MATERNITY_NOW
        if maternity:
            return f"{_TODO[Level.EMERGENCY]} Then call your maternity unit or midwife."
    if assessment.level is Level.URGENT:
        maternity = [r for r in top if r.message.startswith(MATERNITY_TODAY)]
        if top and len(maternity) == len(top):
            return MATERNITY_TODAY
        if maternity:
            return f"{_TODO[Level.URGENT]} Contact your maternity team today as well."
    return _TODO[assessment.level]


def render_assessment(out: Console, assessment: Assessment) -> None:
    """Print the level (colour, icon and words), what to do now, and each reason's why."""
    style, icon, words = _LOOK[assessment.level]
    out.print(f"[{style}] {escape(icon)} {escape(words)} [/]", highlight=False)
    action = what_to_do(assessment)
    out.print(f"[bold]What to do now:[/] {escape(action)}", highlight=False)
    if assessment.reasons:
        out.print("[bold]Why:[/]", highlight=False)
    for reason in assessment.reasons:
        r_style, r_icon, _ = _LOOK[reason.level]
        label = _LEVEL_WORDS[reason.level]
        why = escape(_why(reason.message, action))
        out.print(
            f"  [{r_style}]{escape(r_icon)}[/] [bold]{label}:[/] {why}",
            highlight=False,
        )
        out.print(f"      [dim]Source: {escape(reason.source)}[/]", highlight=False)


_LEVEL_WORDS = {
    Level.EMERGENCY: "Emergency",
    Level.URGENT: "Urgent",
    Level.SEE_DOCTOR: "See a doctor",
    Level.CONTINUE: "Fine",
}


def show_safety_if_raised(context: Context, on: date) -> None:
    """After a check-in: print the level and reasons when it is not `continue`."""
    assessment = assess(context, on)
    if assessment.level is not Level.CONTINUE:
        render_assessment(console, assessment)


def show_from_notes(context: Context, on: date) -> None:
    """Which of the signs counted came from a note, and how to say one is not so."""
    from sicoach.services.notes import recent_note_signs

    for sign in recent_note_signs(context, on):
        console.print(
            f"From your note of {sign.day}: {escape(sign.says)}. Not so? "
            f"[bold]sicoach checkin --not-so {sign.code} --date {sign.day}[/]",
            highlight=False,
        )


_YES = {"y", "yes"}
_NO = {"n", "no"}


def ask(question: str) -> bool:
    """Ask until the answer is y/yes or n/no."""
    while True:
        answer = typer.prompt(
            f"{question} [y/n]", default="", show_default=False, prompt_suffix=" "
        )
        word = answer.strip().lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
        console.print("Please answer y for yes or n for no.")


def ask_until_emergency(questions: list[ScreenQuestion]) -> dict[str, bool]:
    """Ask each question in turn; a "yes" to an emergency sign stops the questions at once.

    `typer.Abort` (Ctrl+D, Ctrl+C) carries the answers given so far in its `answers`.
    """
    answers: dict[str, bool] = {}
    try:
        for q in questions:
            answers[q.code] = ask(q.question)
            if answers[q.code] and q.group == "emergency":
                break
    except typer.Abort as stop:
        stop.answers = answers  # type: ignore[attr-defined]
        raise
    return answers
