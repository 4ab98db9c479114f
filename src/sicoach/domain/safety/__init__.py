"""Safety triage: one level for the journal as it stood on a date, with every reason.

CONTRACT (docs/design.md §5): `evaluate(journal, on)` -> `Assessment`. The types are shared
by the plan, the session, the pages and the report.

How it works: `evaluate` (evaluation.py) cuts the journal at the end of `on`, turns it into a
`Facts` view (facts.py: check-ins merged per date and sorted, so the order records were
entered in never matters), and runs every rule of `RULES`. A rule is a small named unit
with its code, level, source and its thresholds in its docstring; it returns zero or more
reasons. The highest level wins and every reason is listed, sorted by level (highest first)
then code.

Our conventions (the guide and the notes leave them open; all chosen on the cautious side):

* **Red-flag window.** A flag counts while it is in the latest check-in (however old: nothing
  newer says it has gone) or in any check-in dated from `on - 7 days` to `on`, both ends
  included. So a flag 7 days old still counts, one 8 days old does not once a newer check-in
  exists.
* **Baseline week.** The first 7 days of the program, from the profile's start date (or the
  first record). If nobody checked in during those days, the 7 days from the first check-in.
* **Program day.** Day 1 is the first baseline day; day 8 is the first day after it.
* **Recent week.** The 7 days ending on `on` (`on - 6` .. `on`), minus baseline days.
* **A measure's first week** (pain, worst pain, mobility; see `_trend`). The baseline week
  when that measure was rated in it; otherwise the 7 days from its first rating, and the
  trend rules count their days from there. Worst pain stands in for pain only when the pain
  ratings cannot be compared.

The package: `levels` (Level, Reason, Assessment), `thresholds` (every number), `wording`
(actions and sources), `facts` (the journal as the rules see it), `registry` (what a rule
is), the rules by topic (`red_flags`, `pregnancy`, `trends`, `sessions`, `history`) and
`evaluation` (RULES and `evaluate`). The public names are re-exported here.
"""

from __future__ import annotations

from sicoach.domain.safety.evaluation import RULES, evaluate
from sicoach.domain.safety.facts import Facts, build_facts, soon_after_birth
from sicoach.domain.safety.levels import Assessment, Level, Reason
from sicoach.domain.safety.registry import Rule
from sicoach.domain.safety.wording import (
    ALSO_TELL,
    BOOK_VISIT,
    DOCTOR_TODAY,
    EMERGENCY_CALL,
    MATERNITY_NOW,
    MATERNITY_TODAY,
)

__all__ = [
    "ALSO_TELL",
    "BOOK_VISIT",
    "DOCTOR_TODAY",
    "EMERGENCY_CALL",
    "MATERNITY_NOW",
    "MATERNITY_TODAY",
    "RULES",
    "Assessment",
    "Facts",
    "Level",
    "Reason",
    "Rule",
    "build_facts",
    "evaluate",
    "soon_after_birth",
]
