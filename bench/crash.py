"""100 crash trials (kill -9 during an import, CLI writes and a server saving a session), with
the counts: killed or finished, integrity, acknowledged records lost, imports half applied.

Reference in the same run: the same work run to the end without a kill (a trial the kill
came too late for), so "finished" shows how many kills landed mid-way.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crash_trials import Trial, cli_trials, import_trial, server_trial


def main() -> int:
    rnd = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
    trials: list[Trial] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for number in range(40):
            folder = root / f"import{number}"
            folder.mkdir()
            trials.append(import_trial(folder, rnd))
        (root / "cli").mkdir()
        trials.extend(cli_trials(root / "cli", rnd, 40))
        for number in range(20):
            folder = root / f"server{number}"
            folder.mkdir()
            trials.append(server_trial(folder, rnd))
    print(f"crash trials: {len(trials)} in {time.monotonic() - started:.0f} s")
    for kind in ("import", "cli", "server"):
        mine = [t for t in trials if t.kind == kind]
        killed = sum(t.killed for t in mine)
        tally = Counter(t.integrity for t in mine)
        print(
            f"  {kind:<7} {len(mine):>3} trials: {killed:>3} killed mid-way, "
            f"{len(mine) - killed:>3} finished first (reference); integrity {dict(tally)}; "
            f"acknowledged lost {sum(t.lost for t in mine)}; "
            f"half-applied {sum(t.torn for t in mine)}"
        )
    bad = [t for t in trials if not t.ok]
    print(f"  failures: {len(bad)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
