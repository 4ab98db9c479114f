"""The terminal behind the player: prompts, the live screen, the bell and the voice.

Keys and lines are read by `sicoach.cli.terminal_input`. On a real terminal the screen is
redrawn in place with Rich Live; without one (input from a pipe or a test), each step is
printed as a line.

Both wait for input through `player_stop.StopSignals`: a Ctrl-C or a closed terminal ends any
wait (a key, a question) with StopRequested, and `q` answers a question inside the session
as the key does.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Callable, Iterator

from rich.live import Live

from sicoach.cli.player import PlayerView, QuitRequested
from sicoach.cli.player_view import render, step_line
from sicoach.cli.terminal_input import (
    AnyTerminal,
)
from sicoach.services.checks import check_rating
from sicoach.services.errors import JournalError
from sicoach.services.player import AfterHurt, ExerciseResult, ScriptExercise, Step, after_hurt

VOICE_PROGRAM = "espeak-ng"
PAIN_RANGE = "a whole number from 0 (no pain) to 10 (the worst you can imagine)"


QUIT_ANSWERS = frozenset({"q", "quit", "stop"})


def ask_number(
    term: AnyTerminal, question: str, *, required: bool, in_session: bool = False
) -> int | None:
    """Ask for a 0-10 rating until the answer is valid; Enter skips when not required.

    `in_session`: a question while the session plays, where `q` ends it as the key does.
    """
    suffix = "(0-10)" if required else "(0-10, Enter to skip)"
    while True:
        answer = term.ask(f"{question} {suffix}").strip()
        if not answer and not required:
            return None
        if in_session and answer.lower() in QUIT_ANSWERS:
            raise QuitRequested
        if answer.isdecimal():  # not isdigit: "²" is a digit that int() refuses
            with contextlib.suppress(JournalError):
                return check_rating(int(answer), "rating")
        problem = f"{answer!r} is not a rating. " if answer else ""
        term.console.print(f"{problem}Please type {PAIN_RANGE}.", highlight=False, markup=False)


def ask_yes_no(term: AnyTerminal, question: str) -> bool:
    """Ask until the answer is y/yes or n/no."""
    while True:
        answer = term.ask(f"{question} [y/n]").strip().lower()
        if answer in ("y", "yes"):
            return True
        if answer in ("n", "no"):
            return False
        term.console.print("Please answer y for yes or n for no.", highlight=False)


class Voice:
    """Spoken cues through espeak-ng, one at a time (a new cue cuts off the old one)."""

    def __init__(self, program: str | None) -> None:
        self.program = program
        self._speaking: subprocess.Popen[bytes] | None = None

    @classmethod
    def find(cls) -> Voice:
        return cls(shutil.which(VOICE_PROGRAM))

    @property
    def available(self) -> bool:
        return self.program is not None

    def say(self, text: str) -> None:
        if self.program is None:
            return
        self.stop()
        with contextlib.suppress(OSError):
            self._speaking = subprocess.Popen(
                [self.program, "-s", "150", text],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def stop(self) -> None:
        if self._speaking is not None and self._speaking.poll() is None:
            self._speaking.terminate()
        self._speaking = None


class TerminalIO:
    """The player's eyes, ears and mouth on a terminal; saving goes through `save`."""

    def __init__(
        self,
        term: AnyTerminal,
        save: Callable[[ExerciseResult], None],
        voice: Voice | None = None,
        bell: bool = True,
    ) -> None:
        self.term = term
        self.console = term.console
        self.save = save
        self.voice = voice
        self.bell = bell
        self._live: Live | None = None

    @contextlib.contextmanager
    def playing(self) -> Iterator[None]:
        """The full-screen view and single-key input, for the length of the session."""
        with self.term.keys_mode():
            if self.term.interactive:
                self._live = Live(
                    console=self.console,
                    screen=True,
                    auto_refresh=False,
                    transient=True,
                    redirect_stdout=False,
                    redirect_stderr=False,
                )
                self._live.start()
            try:
                yield
            finally:
                self._stop_live()
                if self.voice is not None:
                    self.voice.stop()

    def _stop_live(self) -> None:
        if self._live is not None:
            with contextlib.suppress(OSError):
                self._live.stop()
            self._live = None

    @contextlib.contextmanager
    def _prompting(self) -> Iterator[None]:
        """Leave the full screen and key mode while the person types an answer."""
        live = self._live
        if live is not None:
            live.stop()
        with self.term.line_mode():
            yield
        if live is not None:
            live.start()

    # -- PlayerIO ----------------------------------------------------------------------

    def show(self, view: PlayerView) -> None:
        if self._live is not None:
            self._live.update(render(view), refresh=True)

    def step_changed(self, step: Step) -> None:
        if self.bell:
            with contextlib.suppress(OSError, ValueError):
                self.console.file.write("\a")
                self.console.file.flush()
        if not self.term.interactive:
            self.console.print(step_line(step), highlight=False, markup=False)
        if self.voice is not None:
            self.voice.say(step.text)

    def ask_hurt(self, exercise: ScriptExercise) -> int | None:
        with self._prompting():
            self.console.print(
                f"\nStop {exercise.name} now and rest in a comfortable position.",
                highlight=False,
                markup=False,
            )
            pain = ask_number(
                self.term, "How bad is the pain right now?", required=True, in_session=True
            )
            if after_hurt(pain) is AfterHurt.END_SESSION:
                told = "Saved: this exercise hurt. The session ends here."
            else:
                told = (
                    "Saved: this exercise hurt. Your plan will leave it out next time and offer "
                    "it again later at the easiest level. The session goes on with the next "
                    "exercise."
                )
            self.console.print(told, highlight=False, markup=False)
        return pain

    def ask_rating(self, exercise: ScriptExercise) -> int | None:
        with self._prompting():
            return ask_number(
                self.term,
                f"\n{exercise.name} done. How much did it hurt?",
                required=False,
                in_session=True,
            )

    def record(self, result: ExerciseResult) -> None:
        self.save(result)
