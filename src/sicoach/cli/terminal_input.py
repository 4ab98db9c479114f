"""Reading the person's keys and lines: key by key on a real terminal, else line by line.

On a real terminal, keys are read one at a time without waiting for Enter (cbreak mode and
`select`). Without a terminal (input from a pipe or a test), a line "n", "h", "q" or "p" is
a key and prompts read a line. Every wait also watches `player_stop.StopSignals`, so a
Ctrl-C or a closed terminal ends it with StopRequested.
"""

from __future__ import annotations

import collections
import contextlib
import os
import select
import sys
import threading
from collections.abc import Iterator
from typing import TextIO

from rich.console import Console

from sicoach.cli.player_stop import StopSignals


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
