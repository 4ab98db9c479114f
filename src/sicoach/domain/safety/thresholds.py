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
