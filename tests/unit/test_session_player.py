"""The player's logic with a fake clock and scripted keys: pause, skip, hurt, quit, speed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from sicoach.cli.player import Player, PlayerView, QuitRequested
from sicoach.cli.player_stop import StopRequested
from sicoach.content import load_catalog
from sicoach.domain.exercises import Catalog
from sicoach.domain.journal import ExerciseResult
from sicoach.domain.plan import AerobicPlan, DayPlan, PlannedExercise, Status
from sicoach.domain.safety import Assessment, Level
from sicoach.domain.script import Script, ScriptExercise, Step, build_script

DAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _planned(catalog: Catalog, eid: str, reps: int) -> PlannedExercise:
    e = catalog.exercise(eid)
    return PlannedExercise(
        id=e.id,
        name=e.name,
        level=0,
        hold_seconds=e.dosage.hold_seconds.top if e.dosage.hold_seconds else None,
        reps=reps,
        per_side=e.dosage.per_side,
        alternating=e.dosage.alternating,
        status=Status.PLANNED,
        reason="",
        position=e.position,
        steps=e.steps,
    )


@pytest.fixture(scope="module")
def script(catalog: Catalog) -> Script:
    plan = DayPlan(
        date=DAY,
        safety=Assessment(DAY, Level.CONTINUE, ()),
        exercises=(
            _planned(catalog, "pelvic_tilt", 3),
            _planned(catalog, "figure_four", 2),
            _planned(catalog, "bridge", 2),
        ),
        aerobic=AerobicPlan(150, 150, 0, None, 0, ""),
        estimated_minutes=0,
    )
    return build_script(plan, catalog)


class FakeClock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


@dataclass
class ScriptedKeys:
    """Presses each key when the fake clock reaches its time; waiting moves the clock."""

    clock: FakeClock
    presses: list[tuple[float, str]]

    def read_key(self, timeout: float) -> str | None:
        if self.presses and self.presses[0][0] <= self.clock.t + timeout:
            at, key = self.presses.pop(0)
            self.clock.t = max(self.clock.t, at)
            return key
        self.clock.t += timeout
        return None


@dataclass
class FakeIO:
    clock: FakeClock
    hurt_pain: int | None = 6
    rating: int | None = 2
    views: list[tuple[float, PlayerView]] = field(default_factory=list)
    steps: list[tuple[float, Step]] = field(default_factory=list)
    hurt_asked: list[str] = field(default_factory=list)
    rated: list[str] = field(default_factory=list)
    saved: list[ExerciseResult] = field(default_factory=list)

    def show(self, view: PlayerView) -> None:
        self.views.append((self.clock.t, view))

    def step_changed(self, step: Step) -> None:
        self.steps.append((self.clock.t, step))

    def ask_hurt(self, exercise: ScriptExercise) -> int | None:
        self.hurt_asked.append(exercise.id)
        self.clock.t += 30  # answering takes time; it must not count on the countdown
        return self.hurt_pain

    def ask_rating(self, exercise: ScriptExercise) -> int | None:
        self.rated.append(exercise.id)
        self.clock.t += 10
        return self.rating

    def record(self, result: ExerciseResult) -> None:
        self.saved.append(result)


def play(
    script: Script, presses: list[tuple[float, str]], speed: float = 1.0, hurt_pain: int | None = 6
):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    io = FakeIO(clock, hurt_pain=hurt_pain)
    player = Player(script, io, ScriptedKeys(clock, list(presses)), clock, speed=speed)
    outcome = player.run()
    return outcome, io, clock


def test_without_keys_every_step_plays_in_order_and_everything_is_saved(script: Script) -> None:
    outcome, io, clock = play(script, [])
    assert [s for _, s in io.steps] == list(script.steps)
    assert outcome.completed and not outcome.quit
    assert [r.id for r in io.saved] == ["pelvic_tilt", "figure_four", "bridge"]
    assert [r.reps for r in io.saved] == [3, 2, 2]
    assert all(r.pain == 2 and not r.hurt and not r.skipped for r in io.saved)
    assert io.rated == ["pelvic_tilt", "figure_four", "bridge"]
    assert outcome.played_seconds == pytest.approx(script.total_seconds, abs=0.5)
    # wall time: the script plus 10 s per rating prompt
    assert clock.t == pytest.approx(script.total_seconds + 30, abs=0.5)
    # each step starts when the previous one's seconds are used up
    first_hold = next(t for t, s in io.steps if s.kind == "hold")
    assert first_hold == pytest.approx(8.0, abs=0.05)


def test_pause_holds_the_countdown(script: Script) -> None:
    outcome, io, clock = play(script, [(3.0, " "), (63.0, " ")])
    paused = [(t, v) for t, v in io.views if v.paused]
    assert paused, "the view shows the pause"
    assert all(3.0 <= t <= 63.0 for t, _ in paused)
    assert {v.remaining for _, v in paused} == {5}  # 8 s get-ready, 3 s gone: 5 s stay
    assert {v.step.kind for _, v in paused} == {"get_ready"}
    first_hold = next(t for t, s in io.steps if s.kind == "hold")
    assert first_hold == pytest.approx(68.0, abs=0.05)
    assert outcome.completed
    assert outcome.played_seconds == pytest.approx(script.total_seconds, abs=0.5)
    assert clock.t == pytest.approx(script.total_seconds + 60 + 30, abs=0.5)


def test_n_skips_to_the_next_exercise_and_saves_it_as_skipped(script: Script) -> None:
    outcome, io, _ = play(script, [(10.0, "n")])
    first = io.saved[0]
    assert first.id == "pelvic_tilt" and first.skipped and not first.hurt
    assert first.reps == 0  # the first hold (8 s to 13 s) was not finished
    shown = [s for t, s in io.steps if t >= 10.0]
    assert shown[0].exercise_id == "figure_four" and shown[0].kind == "get_ready"
    assert "pelvic_tilt" not in {s.exercise_id for s in shown}
    assert "pelvic_tilt" not in io.rated
    assert [r.id for r in outcome.results] == ["pelvic_tilt", "figure_four", "bridge"]
    assert [r.id for r in outcome.skipped] == ["pelvic_tilt"]
    assert outcome.completed


def test_h_stops_the_exercise_asks_how_bad_and_saves_it_as_hurt(script: Script) -> None:
    # pelvic tilt: get ready 0-8, hold 8-13, release 13-16, rest 16-18, hold 18-23 ...
    outcome, io, _ = play(script, [(20.0, "h")])
    assert io.hurt_asked == ["pelvic_tilt"]
    first = io.saved[0]
    assert first == ExerciseResult(id="pelvic_tilt", level=0, reps=1, hurt=True, pain=6)
    assert "pelvic_tilt" not in io.rated
    after = [s for t, s in io.steps if t >= 20.0]
    assert after[0].exercise_id == "figure_four"
    assert [r.id for r in outcome.hurt] == ["pelvic_tilt"]
    assert outcome.completed
    # the 30 s spent answering do not eat into the next exercise's get-ready
    ready = next(t for t, s in io.steps if s.exercise_id == "figure_four")
    hold = next(t for t, s in io.steps if s.exercise_id == "figure_four" and s.kind == "hold")
    assert hold - ready == pytest.approx(8.0, abs=0.05)


@pytest.mark.parametrize("pain", [0, 4, 6, None])
def test_it_hurts_below_7_skips_that_exercise_and_carries_on(
    script: Script, pain: int | None
) -> None:
    outcome, io, _ = play(script, [(20.0, "h")], hurt_pain=pain)
    assert [r.id for r in io.saved] == ["pelvic_tilt", "figure_four", "bridge"]
    assert io.saved[0].hurt and io.saved[0].pain == pain
    assert outcome.completed and outcome.stopped_for_pain is None


@pytest.mark.parametrize("pain", [7, 8, 10])
def test_it_hurts_at_7_or_more_ends_the_session_there(script: Script, pain: int) -> None:
    outcome, io, _ = play(script, [(20.0, "h")], hurt_pain=pain)
    assert io.saved == [ExerciseResult(id="pelvic_tilt", level=0, reps=1, hurt=True, pain=pain)]
    assert outcome.stopped_for_pain == pain
    assert not outcome.completed and not outcome.quit
    assert all(s.exercise_id != "figure_four" for _, s in io.steps)  # nothing more played
    assert io.rated == []


def test_q_ends_early_keeping_what_was_done(script: Script) -> None:
    tilt_seconds = sum(s.seconds for s in script.steps if s.exercise_id == "pelvic_tilt")
    outcome, io, _ = play(script, [(tilt_seconds + 3.0, "q")])
    assert outcome.quit and not outcome.completed
    assert [r.id for r in io.saved] == ["pelvic_tilt"]
    assert not io.saved[0].skipped and io.saved[0].reps == 3
    assert all(s.kind != "done" for _, s in io.steps)


def test_q_mid_exercise_keeps_the_repetitions_done_as_a_stopped_exercise(script: Script) -> None:
    # pelvic tilt (3 reps): get ready 0-8, hold 8-13, release 13-16, rest 16-18, hold 18-23,
    # release 23-26, rest 26-28, hold 28-33 ...: at 27 s two repetitions are done
    outcome, io, _ = play(script, [(27.0, "q")])
    assert outcome.quit
    assert io.saved == [ExerciseResult(id="pelvic_tilt", level=0, reps=2, skipped=True)]
    assert io.rated == []  # stopped, not finished: no rating asked


def test_q_before_any_repetition_saves_nothing_for_that_exercise(script: Script) -> None:
    outcome, io, _ = play(script, [(10.0, "q")])
    assert outcome.quit and io.saved == []


def test_speed_runs_the_clock_faster(script: Script) -> None:
    outcome, _io, clock = play(script, [], speed=10)
    assert outcome.completed
    assert outcome.played_seconds == pytest.approx(script.total_seconds, abs=0.5)
    assert clock.t == pytest.approx(script.total_seconds / 10 + 30, abs=0.2)


def test_view_counts_down_and_shows_what_comes_next(script: Script) -> None:
    _, io, _ = play(script, [])
    start = io.views[0][1]
    assert start.step.kind == "get_ready" and start.remaining == 8
    assert start.exercise_number == 1 and start.exercise_count == 3
    assert start.seconds_left == script.total_seconds
    assert start.next_text == script.steps[1].text
    last_tilt = [v for _, v in io.views if v.step.exercise_id == "pelvic_tilt"][-1]
    assert last_tilt.next_text == f"Next exercise: {script.exercises[1].name}"
    lefts = [v.seconds_left for _, v in io.views]
    assert lefts == sorted(lefts, reverse=True)


@dataclass
class StoppedAtQuestion(FakeIO):
    """Raises `error` at the first question of the given kind, like a stop at a prompt."""

    error: BaseException = field(default_factory=QuitRequested)
    at: str = "rating"

    def ask_rating(self, exercise: ScriptExercise) -> int | None:
        if self.at == "rating":
            raise self.error
        return super().ask_rating(exercise)

    def ask_hurt(self, exercise: ScriptExercise) -> int | None:
        if self.at == "hurt":
            raise self.error
        return super().ask_hurt(exercise)


def play_stopped(script: Script, error: BaseException, at: str, presses: list[tuple[float, str]]):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    io = StoppedAtQuestion(clock, error=error, at=at)
    player = Player(script, io, ScriptedKeys(clock, list(presses)), clock)
    return player, io


def test_q_at_the_rating_saves_the_finished_exercise_and_ends(script: Script) -> None:
    player, io = play_stopped(script, QuitRequested(), "rating", [])
    outcome = player.run()
    assert outcome.quit and not outcome.completed
    assert io.saved == [ExerciseResult(id="pelvic_tilt", level=0, reps=3)]


def test_a_stop_at_the_rating_saves_the_finished_exercise_first(script: Script) -> None:
    player, io = play_stopped(script, StopRequested(2), "rating", [])
    with pytest.raises(StopRequested):
        player.run()
    assert io.saved == [ExerciseResult(id="pelvic_tilt", level=0, reps=3)]


@pytest.mark.parametrize("error", [StopRequested(2), KeyboardInterrupt(), QuitRequested()])
def test_a_stop_at_how_bad_still_saves_that_it_hurt(script: Script, error: BaseException) -> None:
    player, io = play_stopped(script, error, "hurt", [(9.0, "h")])
    if isinstance(error, QuitRequested):
        assert player.run().quit
    else:
        with pytest.raises(type(error)):
            player.run()
    assert io.saved == [ExerciseResult(id="pelvic_tilt", level=0, reps=0, hurt=True)]
