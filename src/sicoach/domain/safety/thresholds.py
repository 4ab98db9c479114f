"""Every number the triage rules use, in one place.

Every number below is ours (the guide gives none); each is at least as cautious as
docs/design.md §5 and is tested at its edges in tests/unit/test_safety_rules.py. The first
week, the recent week, a meaningful change and "it hurt" are shared with the plan and the
progress figures, so they live in `sicoach.domain.measures`.
"""

from __future__ import annotations

FLAG_WINDOW_DAYS = 7
"""A red flag dated `on - 7` still counts; `on - 8` no longer does (unless latest)."""
WORSE_FROM_DAY = 8
WORSE_BY_POINTS = 1.0
WORSE_MIN_RECENT_READINGS = 2
HURT_LOOKBACK_SESSIONS = 3
HURT_MIN_SESSIONS = 2
HURT_SESSION_MAX_AGE_DAYS = 28
SESSION_PAIN_RISE = 2
FOUR_WEEKS_DAY = 28
MOBILITY_GAIN_POINTS = 1.0
MOBILITY_FREE = 9.0
"""A recent mobility average of 9 or more already means moving almost freely."""
PAIN_LOW_ENOUGH = 1.0
"""A recent pain average of 1 or less is too low to ask for more improvement."""
SEVERE_PAIN = 8
SEVERE_MIN_DAYS = 3
POSTPARTUM_SETTLE_DAYS = 14
POSTPARTUM_WARNING_DAYS = 42
"""Pregnancy warning signs still mean "call the maternity team" for 6 weeks after birth."""

# --- Second safety edition (docs/clinical-notes.md §7) ---------------------------------------

FRAGILE_AGE = 65
"""Age from which a small fall or a sudden jump in pain is a bone worry. AHCPR names 70; the
screen already asks everyone from 65 about small falls, so we keep 65 (the cautious side)."""
PAIN_JUMP_POINTS = 3
"""A rise of 3 points or more over the day before counts as a sudden jump in pain."""
PAIN_JUMP_GAP_DAYS = 2
"""The day before may be missing: a rating up to 2 days earlier stands in for it."""
PAIN_JUMP_HIGH = 8
"""Pain of 8 or more after a lower run also counts as a sudden jump ..."""
PAIN_JUMP_LOW_RUN = 6
"""... when every rating of the 7 days before was 6 or less (at least one of them)."""
CANCER_NO_BETTER_DAY = 15
"""With a cancer history, pain not clearly better after 2 weeks (day 15) is urgent: the
notes say 2-4 weeks, and we take the earlier end."""
RISING_MIN_RATINGS = 3
"""Pain "keeps rising": at least 3 ratings in the last 7 days, none lower than the one
before, and the last 2 or more points above the first."""
RISING_BY_POINTS = 2
AGE_OVER = 50
AGE_UNDER = 20
"""New back pain over 50 or under 20 (AHCPR; NICE CKS) deserves a doctor's look ..."""
AGE_WEEKS_DAYS = 28
"""... in the first 4 weeks of the program (our reading of "in the first weeks"; from day
28 the rules on pain not improving take over)."""
WORST_RISES_BY = 1.0
"""Worst pain up by 1 point or more from the first week while the average pain is not."""
MOBILITY_FALL_POINTS = 2.0
"""Mobility 2 or more points lower than 2 weeks before (or than in the first week)."""
ACTIVITIES_FALL_POINTS = 2.0
"""The patient-specific activities' average down by 2 points: a meaningful change
(Abbott & Schmitt 2014, docs/clinical-notes.md §2)."""
SEVERE_WINDOW_DAYS = 10
"""Severe pain is counted over the last 10 days, not only the last 7."""
SESSION_PAIN_JUDGE_DAY = 42
"""When pain is rated only at sessions, "not better" is judged from 6 weeks (day 42)."""
SAME_EXERCISE_MIN_TIMES = 2
"""An exercise that hurt each time it was done, at least twice in the last 28 days."""
PREGNANCY_EARLY_WEEKS = 14
"""Bleeding before 14 weeks: the early pregnancy unit the same day; from 14 weeks, the
maternity unit now (docs/clinical-notes.md §7; the issue said 24, the notes 14, we keep 14)."""
BABY_MOVEMENT_WEEKS = 24
"""Fewer baby movements from 24 weeks: the maternity unit now; before, the midwife today."""
