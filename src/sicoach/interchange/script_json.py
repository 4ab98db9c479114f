"""The session script as JSON: what `sicoach session --script --json` prints and the web
player fetches.

Shape (stable): {"date", "total_seconds", "message", "exercises": [{"id", "name", "level",
"reps", "per_side", "status", "variant", "steps", "key_instruction", "reason"}],
"steps": [{"exercise_id", "kind", "seconds", "text", "rep", "of_reps", "side", "name",
"level"}]}. `kind` is one of get_ready, hold, release, move, switch_side, rest, done;
`side` is "right", "left" or null; the last step is always "done" (exercise_id null).
"when_it_hurts": {"end_session_from", "title", "rest", "watch_for"} is the rule of
`sicoach.domain.hurting`: "it hurts" rated `end_session_from` or more ends the session with
that advice; a lower rating skips the exercise. The web player applies it from here.
"""

from __future__ import annotations

import json
from typing import Any

from sicoach.domain.script import Script


def script_to_dict(script: Script) -> dict[str, Any]:
    return script.to_dict()


def script_to_json(script: Script, indent: int | None = 2) -> str:
    return json.dumps(script_to_dict(script), indent=indent, ensure_ascii=False)
