"""Stop signals during a session are noted and raised where input is awaited, not anywhere."""

from __future__ import annotations

import io
import os
import signal
import threading

import pytest
from rich.console import Console

from sicoach.cli.player_stop import StopRequested, StopSignals
from sicoach.cli.player_terminal import ask_number
from sicoach.cli.terminal_input import LineTerminal


def test_a_signal_is_noted_and_raised_at_the_next_check() -> None:
    stop = StopSignals()
    with stop.installed():
        os.kill(os.getpid(), signal.SIGTERM)  # runs the handler, which must not raise
        assert stop.signum == signal.SIGTERM
        with pytest.raises(StopRequested) as raised:
            stop.check()
        assert raised.value.hung_up
    assert signal.getsignal(signal.SIGTERM) is not stop._note  # put back afterwards


def test_the_wake_pipe_becomes_readable_so_a_waiting_prompt_returns() -> None:
    stop = StopSignals()
    with stop.installed():
        assert stop.wake_fd is not None
        os.kill(os.getpid(), signal.SIGINT)
        assert os.read(stop.wake_fd, 1) == b"!"


def test_a_second_ctrl_c_raises_at_once() -> None:
    stop = StopSignals()
    with stop.installed():
        os.kill(os.getpid(), signal.SIGINT)
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)


def test_a_question_waiting_for_a_line_ends_with_the_stop() -> None:
    read_end, write_end = os.pipe()  # input that never comes
    stdin = open(read_end)  # noqa: SIM115 (closed once its reader thread has finished)
    stop = StopSignals()
    try:
        with stop.installed():
            term = LineTerminal(Console(file=io.StringIO()), stdin=stdin, stop=stop)
            threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()
            with pytest.raises(StopRequested) as raised:
                ask_number(term, "Pain?", required=True)
            assert not raised.value.hung_up
    finally:
        os.close(write_end)  # the reader thread sees the end and stops
        term._reader.join(10)
        stdin.close()
