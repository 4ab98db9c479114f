"""The terminal behind the player: keys, prompts, the live screen, the bell and the voice.

On a real terminal, keys are read one at a time without waiting for Enter (cbreak mode and
`select`), and the screen is redrawn in place with Rich Live. Without a terminal (input from
a pipe or a test), everything works line by line: a line "n", "h", "q" or "p" is a key,
prompts read a line, and each step is printed as a line.

Both wait for input through `player_stop.StopSignals`: a Ctrl-C or a closed terminal ends any
wait (a key, a question) with StopRequested, and `q` answers a question inside the session
as the key does.
"""

from __future__ import annotations

import collections
import contextlib
import os
import select
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TextIO

from rich.console import Console
from rich.live import Live

from sicoach.cli.player import PlayerView, QuitRequested
from sicoach.cli.player_stop import StopSignals
from sicoach.cli.player_view import render, step_line
from sicoach.services.checks import check_rating
from sicoach.services.errors import JournalError
from sicoach.services.player import AfterHurt, ExerciseResult, ScriptExercise, Step, after_hurt

VOICE_PROGRAM = "espeak-ng"
PAIN_RANGE = "a whole number from 0 (no pain) to 10 (the worst you can imagine)"


class InputClosed(Exception):
    """The input ended (the terminal closed, or the pipe ran dry) while we needed an answer."""


class Terminal:
    """Prompts and single keys on a real terminal (stdin is a tty).

    Every wait for input also watches `stop`'s wake-up pipe, so a Ctrl-C or a closed
    terminal ends the wait at once with StopRequested, at a prompt as during the countdown.
    """

    interactive = True

    def __init__(
        self, console: Console, stdin: TextIO | None = None, stop: StopSignals | None = None
    ) -> None:
        self.console = console
        self.stdin = stdin or sys.stdin
        self.fd = self.stdin.fileno()
        self.stop = stop or StopSignals()

    def _input_ready(self, timeout: float | None) -> bool:
        """Wait for input or a stop request (raised); True when input can be read."""
        self.stop.check()
        watched = [self.fd] if self.stop.wake_fd is None else [self.fd, self.stop.wake_fd]
        try:
            ready, _, _ = select.select(watched, [], [], timeout)
        except OSError:  # the terminal went away
            raise InputClosed from None
        self.stop.check()
        return self.fd in ready

    def _read(self, size: int) -> bytes:
        """What can be read now, without blocking (b"" if nothing after all).

        A Ctrl-C between `select` saying "ready" and the read makes the terminal drop what
        was typed: a blocking read would then wait forever, deaf to the stop request.
        """
        blocking = os.get_blocking(self.fd)
        try:
            os.set_blocking(self.fd, False)
            data = os.read(self.fd, size)
        except BlockingIOError:  # the typed input was dropped: wait again
            return b""
        except OSError:  # the terminal went away
            raise InputClosed from None
        finally:
            with contextlib.suppress(OSError):
                os.set_blocking(self.fd, blocking)
        if not data:
            raise InputClosed
        return data

    def ask(self, prompt: str) -> str:
        self.console.print(prompt, end=" ", highlight=False, markup=False)
        line = b""
        while not line.endswith(b"\n"):  # the terminal hands over whole typed lines
            if self._input_ready(None):
                line += self._read(1024)
        return line.decode("utf-8", errors="replace").rstrip("\r\n")

    def read_key(self, timeout: float) -> str | None:
        if not self._input_ready(max(0.0, timeout)):
            return None
        return self._read(1).decode("utf-8", errors="ignore") or None

    @contextlib.contextmanager
    def keys_mode(self) -> Iterator[None]:
        """Keys arrive one at a time, without Enter and without echo."""
        import termios
        import tty

        saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd, termios.TCSANOW)
        try:
            yield
        finally:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self.fd, termios.TCSANOW, saved)

    @contextlib.contextmanager
    def line_mode(self) -> Iterator[None]:
        """Back to normal typed lines (for a prompt in the middle of the session)."""
        import termios

        saved = termios.tcgetattr(self.fd)
        cooked = list(saved)
        cooked[3] = cooked[3] | termios.ICANON | termios.ECHO
        termios.tcsetattr(self.fd, termios.TCSANOW, cooked)
        try:
            yield
        finally:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self.fd, termios.TCSANOW, saved)


LINE_KEYS: dict[str, str] = {
    "n": "n",
    "next": "n",
    "skip": "n",
    "h": "h",
    "hurt": "h",
    "hurts": "h",
    "q": "q",
    "quit": "q",
    "stop": "q",
    "p": " ",
    "pause": " ",
    "resume": " ",
}
"""Lines that act as keys without a terminal; other lines wait for the next prompt."""


class LineTerminal:
    """Prompts and keys from lines of text, for input that is not a terminal.

    Lines are taken in order. While the session plays, a line at the front that names a key
    ("n", "h", "q", "p" or "pause") is used as that key; any other line (a number, an empty
    line) waits for the next question. So a piped script of answers plays the same way
    every time.
    """

    interactive = False

    def __init__(
        self, console: Console, stdin: TextIO | None = None, stop: StopSignals | None = None
    ) -> None:
        self.console = console
        self.stdin = stdin or sys.stdin
        self.stop = stop or StopSignals()
        self._lines: collections.deque[str | None] = collections.deque()
        self._ready = threading.Condition()
        self._reader = threading.Thread(target=self._read_lines, daemon=True)
        self._reader.start()

    def _read_lines(self) -> None:
        try:
            for line in iter(self.stdin.readline, ""):
                self._push(line.rstrip("\r\n"))
        except (OSError, ValueError):
            pass
        self._push(None)

    def _push(self, line: str | None) -> None:
        with self._ready:
            self._lines.append(line)
            self._ready.notify_all()

    def ask(self, prompt: str) -> str:
        self.console.print(prompt, end=" ", highlight=False, markup=False)
        with self._ready:
            while not self._ready.wait_for(lambda: bool(self._lines), timeout=0.1):
                self.stop.check()  # a signal cannot wake a waiting thread: look often
            self.stop.check()
            line = self._lines[0]
            if line is None:  # the end stays at the front for every later question
                self.console.print("", highlight=False)
                raise InputClosed
            self._lines.popleft()
        self.console.print(line, highlight=False, markup=False)
        return line

    def read_key(self, timeout: float) -> str | None:
        self.stop.check()
        with self._ready:
            if not self._lines or self._lines[0] is None or self._key(self._lines[0]) is None:
                self._ready.wait(max(0.0, timeout))
            head = self._lines[0] if self._lines else None
            key = self._key(head) if head is not None else None
            if key is not None:
                self._lines.popleft()
        self.stop.check()
        return key

    @staticmethod
    def _key(line: str) -> str | None:
        return LINE_KEYS.get(line.strip().lower())

    @contextlib.contextmanager
    def keys_mode(self) -> Iterator[None]:
        yield

    @contextlib.contextmanager
    def line_mode(self) -> Iterator[None]:
        yield


AnyTerminal = Terminal | LineTerminal


def open_terminal(console: Console, stop: StopSignals | None = None) -> AnyTerminal:
    """A key-by-key terminal when stdin is a tty, else line by line."""
    try:
        if sys.stdin.isatty():
            return Terminal(console, stop=stop)
    except (AttributeError, ValueError, OSError):
        pass
    return LineTerminal(console, stop=stop)


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
