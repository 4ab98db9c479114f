"""Ctrl-C, a closed terminal or a kill request during a session: noted, then acted on safely.

Python's default Ctrl-C raises KeyboardInterrupt wherever the program happens to be: in the
middle of a database write, a screen redraw (leaving half a character on screen) or the few
lines between an exercise and its rating prompt, where it could be lost. While a session
runs, `StopSignals` replaces that: SIGINT, SIGHUP and SIGTERM only note the request and wake
whoever waits for input (through a pipe), and the terminal raises `StopRequested` at its
next key read or prompt. Those are the only places the session waits, so a stop is acted on
at once and always at a point where everything done so far is saved. A second Ctrl-C raises
KeyboardInterrupt straight away, in case something hangs.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from types import FrameType

_SIGNALS = (signal.SIGINT, signal.SIGHUP, signal.SIGTERM)


class StopRequested(Exception):
    """The session was asked to stop: `signum` is SIGINT (Ctrl-C), SIGHUP or SIGTERM."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def hung_up(self) -> bool:
        """The terminal closed or the process was asked to end (not a Ctrl-C)."""
        return self.signum != signal.SIGINT


class StopSignals:
    """Notes stop signals while installed; `wake_fd` becomes readable when one arrives."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._read_fd: int | None = None
        self._write_fd: int | None = None

    @property
    def wake_fd(self) -> int | None:
        return self._read_fd

    def check(self) -> None:
        """Raise StopRequested if a stop signal came."""
        if self.signum is not None:
            raise StopRequested(self.signum)

    def _note(self, signum: int, frame: FrameType | None) -> None:
        if self.signum == signal.SIGINT and signum == signal.SIGINT:
            raise KeyboardInterrupt  # the second Ctrl-C: stop now, whatever we are doing
        if self.signum is None:
            self.signum = signum
        if self._write_fd is not None:
            with contextlib.suppress(OSError):  # full pipe: a wake-up is already waiting
                os.write(self._write_fd, b"!")

    @contextlib.contextmanager
    def installed(self) -> Iterator[StopSignals]:
        """Note stop signals for the length of the block (main thread only, else a no-op)."""
        previous = {}
        self._read_fd, self._write_fd = os.pipe()
        os.set_blocking(self._write_fd, False)
        try:
            for sig in _SIGNALS:
                with contextlib.suppress(ValueError, OSError):
                    previous[sig] = signal.signal(sig, self._note)
            yield self
        finally:
            for sig, handler in previous.items():
                with contextlib.suppress(ValueError, OSError):
                    signal.signal(sig, handler)
            for fd in (self._read_fd, self._write_fd):
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._read_fd = self._write_fd = None
