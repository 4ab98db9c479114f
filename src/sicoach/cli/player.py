"""The session player's logic: a countdown over the script, driven by keys and a clock.

Nothing here touches the terminal. Keys come from a `KeySource`, time from a clock function
(seconds, monotonic), and everything the person sees, hears or answers goes through a
`PlayerIO`; so the player is tested with a fake clock and scripted keys, and the terminal
(`session_commands`) plugs in the real ones.

Keys: space pauses and resumes, `n` skips to the next exercise (saved as skipped), `h` means
"this hurts" (stops the exercise, asks how bad, saves it as hurt; a rating of 7 or more ends
the session, see `sicoach.domain.hurting`), `q` ends early.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from sicoach.services.player import (
    AfterHurt,
    ExerciseResult,
    Script,
    ScriptExercise,
    Step,
    after_hurt,
)

PAUSE_KEYS = frozenset({" ", "p"})
SKIP_KEYS = frozenset({"n"})
HURT_KEYS = frozenset({"h"})
QUIT_KEYS = frozenset({"q"})
_REP_KINDS = frozenset({"hold", "release", "move"})


class QuitRequested(Exception):
    """`q` typed as the answer to a question inside the session: end early, as the key does."""


class KeySource(Protocol):
    def read_key(self, timeout: float) -> str | None:
        """Wait up to `timeout` seconds for one key; None when none was pressed."""
        ...


class PlayerIO(Protocol):
    def show(self, view: PlayerView) -> None:
        """Draw the current state (called often; cheap)."""
        ...

    def step_changed(self, step: Step) -> None:
        """A new step began: ring the bell, speak the cue."""
        ...

    def ask_hurt(self, exercise: ScriptExercise) -> int | None:
        """After `h`: how bad is the pain (0-10). The io tells the person what happens next
        (`sicoach.domain.hurting.after_hurt`): the next exercise, or the end of the session."""
        ...

    def ask_rating(self, exercise: ScriptExercise) -> int | None:
        """After a finished exercise: pain during it (0-10), None to skip."""
        ...

    def record(self, result: ExerciseResult) -> None:
        """Save one exercise's result straight away."""
        ...


@dataclass(frozen=True)
class PlayerView:
    """What the screen shows at one moment."""

    step: Step
    remaining: int
    paused: bool
    exercise: ScriptExercise | None
    exercise_number: int
    exercise_count: int
    seconds_left: int
    total_seconds: int
    next_text: str

    @property
    def fraction_done(self) -> float:
        if self.total_seconds <= 0:
            return 1.0
        return min(1.0, max(0.0, 1 - self.seconds_left / self.total_seconds))


@dataclass
class Outcome:
    """How the session went, for the summary and for marking it partial."""

    results: list[ExerciseResult] = field(default_factory=list)
    completed: bool = False
    quit: bool = False
    played_seconds: float = 0.0
    stopped_for_pain: int | None = None
    """The rating that ended the session ("it hurts" at 7 or more); None if it did not."""

    @property
    def done(self) -> list[ExerciseResult]:
        return [r for r in self.results if not r.skipped and not r.hurt]

    @property
    def skipped(self) -> list[ExerciseResult]:
        return [r for r in self.results if r.skipped]

    @property
    def hurt(self) -> list[ExerciseResult]:
        return [r for r in self.results if r.hurt]


class Player:
    """Plays a script: call `run()`; it returns when the script ends or `q` is pressed."""

    def __init__(
        self,
        script: Script,
        io: PlayerIO,
        keys: KeySource,
        clock: Callable[[], float],
        speed: float = 1.0,
        tick: float = 0.1,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be above 0")
        self.script = script
        self.io = io
        self.keys = keys
        self.clock = clock
        self.speed = speed
        self.tick = tick
        self.index = 0
        self.remaining = float(script.steps[0].seconds) if script.steps else 0.0
        self.paused = False
        self.outcome = Outcome()
        self._reps: dict[str, int] = {}
        self._recorded: set[str] = set()
        self._last = 0.0

    # -- state -------------------------------------------------------------------------

    @property
    def step(self) -> Step:
        return self.script.steps[self.index]

    @property
    def finished(self) -> bool:
        return (
            self.outcome.completed or self.outcome.quit or self.outcome.stopped_for_pain is not None
        )

    def current_exercise(self) -> ScriptExercise | None:
        eid = self.step.exercise_id
        return self.script.exercise(eid) if eid is not None else None

    def view(self) -> PlayerView:
        step = self.step
        ids = [e.id for e in self.script.exercises]
        number = ids.index(step.exercise_id) + 1 if step.exercise_id in ids else len(ids)
        left = max(0.0, self.remaining) + self.script.seconds_from(self.index + 1)
        return PlayerView(
            step=step,
            remaining=math.ceil(max(0.0, self.remaining) - 1e-9),
            paused=self.paused,
            exercise=self.current_exercise(),
            exercise_number=number,
            exercise_count=len(ids),
            seconds_left=math.ceil(left - 1e-9),
            total_seconds=self.script.total_seconds,
            next_text=self._next_text(),
        )

    def _next_text(self) -> str:
        if self.index + 1 >= len(self.script.steps):
            return ""
        nxt = self.script.steps[self.index + 1]
        if nxt.kind == "done":
            return "The end of today's session"
        if nxt.exercise_id != self.step.exercise_id:
            return f"Next exercise: {nxt.name}"
        return nxt.text

    # -- running -----------------------------------------------------------------------

    def run(self) -> Outcome:
        """Play until the end or `q`; prompts and saving go through the io."""
        if not self.script.steps:
            self.outcome.completed = True
            return self.outcome
        self._last = self.clock()
        self._enter(0)
        while not self.finished:
            self.io.show(self.view())
            wait = self.tick
            if not self.paused:
                wait = min(wait, max(0.01, self.remaining / self.speed))
            key = self.keys.read_key(wait)
            try:
                self.advance_clock()
                if key is not None and not self.finished:
                    self.press(key)
            except QuitRequested:  # `q` at a question: what was asked about is saved
                self.press("q")
        return self.outcome

    def advance_clock(self) -> None:
        """Move the countdown by the time passed since the last call (unless paused)."""
        now = self.clock()
        elapsed = (now - self._last) * self.speed
        self._last = now
        if self.paused or self.finished:
            return
        self.outcome.played_seconds += elapsed
        self.remaining -= elapsed
        while self.remaining <= 1e-9 and not self.finished:
            overflow = -self.remaining
            if self._complete_step():
                overflow = 0.0  # a prompt came in between: start the next step afresh
            if self.finished:
                break
            self.remaining -= overflow

    def press(self, key: str) -> None:
        key = key.lower() if len(key) == 1 else key
        if key in PAUSE_KEYS:
            self.paused = not self.paused
        elif key in SKIP_KEYS:
            self._stop_exercise(hurt=False)
        elif key in HURT_KEYS:
            self._stop_exercise(hurt=True)
        elif key in QUIT_KEYS:
            self.keep_partial()
            self.outcome.quit = True

    # -- transitions -------------------------------------------------------------------

    def _enter(self, index: int) -> None:
        self.index = index
        step = self.step
        self.remaining = float(step.seconds)
        self.io.step_changed(step)
        if step.kind == "done":
            self.outcome.completed = True

    def _complete_step(self) -> bool:
        """Go to the next step; True when an exercise ended (and its rating was asked)."""
        step = self.step
        nxt = self.script.steps[self.index + 1] if self.index + 1 < len(self.script.steps) else None
        if step.kind in _REP_KINDS and step.exercise_id and step.rep is not None:
            same_rep = (
                nxt is not None
                and nxt.kind in _REP_KINDS
                and nxt.exercise_id == step.exercise_id
                and (nxt.rep, nxt.side) == (step.rep, step.side)
            )
            if not same_rep:
                self._reps[step.exercise_id] = max(self._reps.get(step.exercise_id, 0), step.rep)
        ended = bool(step.exercise_id) and (nxt is None or nxt.exercise_id != step.exercise_id)
        if ended and step.exercise_id:
            self._finish_exercise(step.exercise_id)
            self._resync()
        if nxt is None:
            self.outcome.completed = True
        else:
            self._enter(self.index + 1)
        return ended

    def _finish_exercise(self, exercise_id: str) -> None:
        if exercise_id in self._recorded:
            return
        exercise = self.script.exercise(exercise_id)
        reps = self._reps.get(exercise.id, exercise.reps)
        try:
            pain = self.io.ask_rating(exercise)
        except BaseException:  # stopped at the question: the exercise itself was done
            self._save(ExerciseResult(id=exercise.id, level=exercise.level, reps=reps))
            raise
        self._save(ExerciseResult(id=exercise.id, level=exercise.level, reps=reps, pain=pain))

    def _stop_exercise(self, hurt: bool) -> None:
        """`n` or `h`: save the current exercise as skipped or hurt and go to the next one,
        or end the session when the pain given after `h` is too strong to carry on."""
        exercise = self.current_exercise()
        if exercise is None:
            return

        def result(pain: int | None) -> ExerciseResult:
            reps = self._reps.get(exercise.id, 0)
            return ExerciseResult(
                id=exercise.id,
                level=exercise.level,
                reps=reps,
                hurt=hurt,
                pain=pain,
                skipped=not hurt,
            )

        try:
            pain = self.io.ask_hurt(exercise) if hurt else None
        except BaseException:  # stopped at "how bad?": that it hurt must not be lost
            self._save(result(None))
            raise
        self._save(result(pain))
        self._resync()
        if hurt and after_hurt(pain) is AfterHurt.END_SESSION:
            self.outcome.stopped_for_pain = pain
            return
        nxt = self.index
        while self.script.steps[nxt].exercise_id == exercise.id:
            nxt += 1
        self.paused = False
        self._enter(nxt)

    def keep_partial(self) -> None:
        """Stopping mid-exercise (`q`, Ctrl-C, a closed terminal): keep the repetitions done.

        Saved as stopped (`skipped`) with its count, so it shows in the record but does not
        count as a finished, comfortable session for progression. Nothing if no rep was done.
        """
        exercise = self.current_exercise()
        if exercise is None or exercise.id in self._recorded:
            return
        done = self._reps.get(exercise.id, 0)
        if done > 0:
            self._save(
                ExerciseResult(id=exercise.id, level=exercise.level, reps=done, skipped=True)
            )

    def _save(self, result: ExerciseResult) -> None:
        self._recorded.add(result.id)
        self.outcome.results.append(result)
        self.io.record(result)

    def _resync(self) -> None:
        """Time spent answering a prompt does not count on the countdown."""
        self._last = self.clock()
