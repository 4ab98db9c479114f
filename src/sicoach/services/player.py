"""What a session player (terminal or other) plays and hands back, from the domain.

The script of steps to play, how a side is named, and the one rule for what comes after
an exercise hurt; the player reports how each exercise ended as an `ExerciseResult`, and the
session service decides what that records.
"""

from __future__ import annotations

from sicoach.domain.hurting import END_SESSION_FROM as END_SESSION_FROM
from sicoach.domain.hurting import STOP_ADVICE as STOP_ADVICE
from sicoach.domain.hurting import AfterHurt as AfterHurt
from sicoach.domain.hurting import after_hurt as after_hurt
from sicoach.domain.journal import ExerciseResult as ExerciseResult
from sicoach.domain.script import Script as Script
from sicoach.domain.script import ScriptExercise as ScriptExercise
from sicoach.domain.script import Step as Step
from sicoach.domain.script import side_label as side_label
