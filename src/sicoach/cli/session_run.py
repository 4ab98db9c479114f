"""The guided routine in the terminal (`sicoach session`), and its script as text.

The order is fixed: the once-a-day warning-sign list first (a "yes" asks each sign in full,
and a sign ends it with what to do), then the pain now, then the timed player, then the
pain again and a short summary. The session
and every finished exercise are saved the moment they happen, so quitting, Ctrl-C, a closed
terminal or a crash keep everything done so far (the session stays marked partial).
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from sicoach.cli._common import console, fail
from sicoach.cli.player import Outcome, Player
from sicoach.cli.player_stop import StopRequested, StopSignals
from sicoach.cli.player_terminal import TerminalIO, Voice, ask_number, ask_yes_no
from sicoach.cli.player_view import clock_text
from sicoach.cli.terminal_input import AnyTerminal, InputClosed, open_terminal
from sicoach.interchange.script_json import script_to_json
from sicoach.services.commands import Ending, FinishSession, RecordExercise, StartSession
from sicoach.services.context import Context
from sicoach.services.handlers import execute
from sicoach.services.player import STOP_ADVICE, ExerciseResult, Script
from sicoach.services.session import session_script

if TYPE_CHECKING:
    from sicoach.services.safety import Level, ScreenQuestion


def print_script(script: Script) -> None:
    """A readable list of the steps, for `--script` without `--json`."""
    console.print(
        f"Session for {script.date.isoformat()}: {len(script.exercises)} exercises, "
        f"about {clock_text(script.total_seconds)} (minutes:seconds).",
        highlight=False,
    )
    for step in script.steps:
        rep = f" {step.rep} of {step.of_reps}" if step.rep is not None else ""
        side = f" ({step.side})" if step.side else ""
        console.print(
            f"  {step.seconds:>3} s  {step.kind:<11} {escape(step.text)}{rep}{side}",
            highlight=False,
        )


def _red_flag_screen(services: Context, term: AnyTerminal, on: date) -> Screened | None:
    """The once-a-day warning-sign list (the services say which questions are still due
    today), then today's triage. When it is fine to exercise, the answers and the level they
    give (saved with the session's start, one unit of work); else None (answers saved now)."""
    from sicoach.cli.safety_views import render_assessment
    from sicoach.services.commands import AnswerScreen
    from sicoach.services.safety import assess, preview_screen, screen_due

    due = screen_due(services, on)
    answers = _ask_screen(services, term, due) if due else {}
    if any(answers.values()):
        console.print(
            "\n[bold]No exercises today.[/] What you said is a sign to get checked first.",
            highlight=False,
        )
        render_assessment(console, execute(services, AnswerScreen(answers, on)))
        return None
    assessment = preview_screen(services, answers, on) if due else assess(services, on)
    if assessment.stops_exercise:
        console.print("\n[bold]No exercises today.[/]", highlight=False)
        if due:
            assessment = execute(services, AnswerScreen(answers, on))
        render_assessment(console, assessment)
        return None
    if not due:
        console.print("You answered the safety questions earlier today.", highlight=False)
    return Screened(answers or None, assessment.level)


def _ask_screen(services: Context, term: AnyTerminal, due: list[ScreenQuestion]) -> dict[str, bool]:
    """One list and one answer; a yes asks each sign in full, up to the first yes."""
    from sicoach.services.safety import short_labels

    labels = short_labels(services, due)
    console.print("\n[bold]Since yesterday, have you noticed any of these?[/]", highlight=False)
    for question in due:
        console.print(f"  - {escape(labels[question.code])}", highlight=False)
    if not ask_yes_no(term, "Yes, one of these, or no, none of these?"):
        return {question.code: False for question in due}
    console.print(
        "\nWe will ask about each one in full, so we can tell you what to do.",
        highlight=False,
    )
    answers: dict[str, bool] = {}
    for question in due:
        answers[question.code] = ask_yes_no(term, question.question)
        if answers[question.code]:
            break
    return answers


def _stop_advice() -> None:
    """The session ended on "it hurts" at 7 or more: rest advice and what to watch for."""
    console.print(f"\n[bold]{escape(STOP_ADVICE.title)}[/]", highlight=False)
    for line in STOP_ADVICE.rest:
        console.print(f"  - {escape(line)}", highlight=False)
    console.print("[bold]Watch for[/]", highlight=False)
    for line in STOP_ADVICE.watch_for:
        console.print(f"  - {escape(line)}", highlight=False)


def _summary(
    services: Context, session_id: int, outcome: Outcome, script: Script, wall_seconds: float
) -> None:
    """What was saved, as the services count it (a skip after some repetitions is part
    done, an exercise that hurt is never skipped), and the time it took."""
    from sicoach.services.views import session_summary

    saved = session_summary(services, session_id)
    console.print("\n[bold]Your session[/]", highlight=False)
    if outcome.stopped_for_pain is not None:
        console.print(
            f"You stopped because it hurt ({outcome.stopped_for_pain} out of 10). "
            "What you did is saved.",
            highlight=False,
        )
    elif outcome.quit or not outcome.completed:
        console.print("You stopped early. What you did is saved.", highlight=False)
    rows = [("Done", saved.done, False), ("Part done", saved.part_done, True)]
    rows += [("Skipped", saved.skipped, True), ("Hurt", saved.hurt, False)]
    for label, names, listed in rows:
        if names or label != "Part done":
            which = f" ({escape(', '.join(names))})" if names and listed else ""
            console.print(f"  {label + ':':<10} {len(names)}{which}", highlight=False)
    console.print(
        f"  {'Time:':<10} {clock_text(round(outcome.played_seconds))} of exercise "
        f"({clock_text(round(wall_seconds))} on the clock)",
        highlight=False,
    )
    for result in outcome.hurt:
        pain = f" (pain {result.pain})" if result.pain is not None else ""
        console.print(
            f"  {escape(script.exercise(result.id).name)} hurt{pain}: it is left out next time.",
            highlight=False,
        )


def _show_safety_change(services: Context, on: date, before: object) -> None:
    from sicoach.cli.safety_views import render_assessment
    from sicoach.services.safety import assess

    after = assess(services, on)
    if after.level != before:
        console.print("\n[bold]Your safety check changed after this session.[/]")
        render_assessment(console, after)


def _command(session_id: int, result: ExerciseResult) -> RecordExercise:
    """The player's result as the service's command: how the exercise ended, not flags."""
    ending = Ending.HURT if result.hurt else Ending.SKIPPED if result.skipped else Ending.FINISHED
    return RecordExercise(
        session_id, result.id, ending, reps=result.reps, level=result.level, pain=result.pain
    )


def run_session(services: Context, on: date, speed: float, voice_on: bool) -> None:
    """The whole guided session on this terminal (see the module docstring for the order).

    Ctrl-C, a closed terminal and SIGTERM are acted on at the next key read or question
    (`player_stop`), so they never cut a save or a redraw in half.
    """
    with StopSignals().installed() as stop:
        _run_session(services, on, speed, voice_on, open_terminal(console, stop))


def _run_session(
    services: Context, on: date, speed: float, voice_on: bool, term: AnyTerminal
) -> None:
    ready = _get_ready(services, term, on)
    if ready is None:
        return
    voice = _voice(term, voice_on)
    begin = StartSession(ready.pain_before, screen_answers=ready.screen.answers, on=on)
    start = execute(services, begin)  # the screen's answers and the session: one unit of work
    if start.session_id is None:  # the screen above passed, so nothing changed since; be safe
        fail("session: the safety check says no exercises today; see `sicoach safety`", code=1)
    started = time.monotonic()
    outcome = _play(services, start.session_id, ready.script, term, voice, speed)
    if outcome.stopped_for_pain is not None:
        finish = FinishSession(start.session_id, outcome.stopped_for_pain, ended_early=True)
        execute(services, finish)
        _stop_advice()
    else:
        _finish(services, start.session_id, outcome, term)
    _summary(services, start.session_id, outcome, ready.script, time.monotonic() - started)
    _show_safety_change(services, on, ready.screen.level)


@dataclass(frozen=True)
class Screened:
    """The screen's answers, not saved yet (None: answered earlier today), and the safety
    level they give."""

    answers: dict[str, bool] | None
    level: Level


@dataclass(frozen=True)
class Ready:
    """What the session starts with: the screen passed, the day's script, the pain now."""

    screen: Screened
    script: Script
    pain_before: int | None


def _get_ready(services: Context, term: AnyTerminal, on: date) -> Ready | None:
    """The screen, the day's script and the pain before; None when there is nothing to play
    (a warning sign, or no exercises today). Exits when the questions go unanswered."""
    from sicoach.services.commands import AnswerScreen

    try:
        screen = _red_flag_screen(services, term, on)
        if screen is None:
            return None
        script = session_script(services, on)
        if not script.exercises:
            if screen.answers is not None:  # the screen was done today
                execute(services, AnswerScreen(screen.answers, on))
            console.print(script.message or "There are no exercises in your plan today.")
            return None
        console.print(
            f"\nToday: {len(script.exercises)} exercises, about "
            f"{max(1, round(script.total_seconds / 60))} minutes.",
            highlight=False,
        )
        pain_before = ask_number(term, "How much pain do you have right now?", required=True)
    except InputClosed:
        fail("session: the questions were not answered, so the session did not start", code=1)
    except StopRequested:
        with contextlib.suppress(OSError):
            console.print("\nStopped before the session began.", highlight=False)
        raise typer.Exit(130) from None
    return Ready(screen, script, pain_before)


def _voice(term: AnyTerminal, voice_on: bool) -> Voice | None:
    """The spoken steps when asked for and espeak-ng is there (else a line saying why not)."""
    if not voice_on:
        if term.interactive:
            console.print("Tip: add --voice to hear the steps spoken.", highlight=False)
        return None
    voice = Voice.find()
    if voice.available:
        return voice
    console.print(
        "Voice is off: espeak-ng is not installed (on Debian or Ubuntu: "
        "sudo apt install espeak-ng). You will still hear a bell at each step.",
        highlight=False,
    )
    return None


def _play(
    services: Context,
    session_id: int,
    script: Script,
    term: AnyTerminal,
    voice: Voice | None,
    speed: float,
) -> Outcome:
    """Play the script, saving each exercise as it ends; a stop keeps what was done."""

    def save(result: ExerciseResult) -> None:
        execute(services, _command(session_id, result))

    io = TerminalIO(term, save, voice=voice)
    player = Player(script, io, term, time.monotonic, speed=speed)
    if term.interactive:
        console.print("Keys: space pause, n skip, h it hurts, q stop.", highlight=False)
    ended_early = FinishSession(session_id, None, ended_early=True)
    try:
        with io.playing():
            return player.run()
    except (KeyboardInterrupt, StopRequested, InputClosed, OSError):
        # Ctrl-C, a closed terminal (its writes fail with OSError), or input that ended
        with contextlib.suppress(Exception):
            player.keep_partial()
        with contextlib.suppress(Exception):
            execute(services, ended_early)
        with contextlib.suppress(Exception):
            console.print("\nSession stopped. Everything you did so far is saved.")
        raise typer.Exit(130) from None
    except BaseException:
        with contextlib.suppress(Exception):
            execute(services, ended_early)
        raise


def _finish(services: Context, session_id: int, outcome: Outcome, term: AnyTerminal) -> None:
    """Ask the pain after and close the session (exits 130 when the terminal hung up)."""
    pain_after: int | None = None
    hung_up = False
    try:
        if outcome.completed and term.interactive:
            console.print("\nWell done, that is all for today.", highlight=False)
        pain_after = ask_number(
            term, "How much pain do you have right now?", required=outcome.completed
        )
    except (InputClosed, KeyboardInterrupt):
        pain_after = None
    except StopRequested as stopped:
        hung_up = stopped.hung_up
    execute(services, FinishSession(session_id, pain_after, ended_early=not outcome.completed))
    if hung_up:
        raise typer.Exit(130)


def show_script(services: Context, on: date, as_json: bool) -> None:
    """The timed steps of the day's session, as text or JSON."""
    steps = session_script(services, on)
    if as_json:
        typer.echo(script_to_json(steps))
    else:
        print_script(steps)
