"""Safety triage: one level for the journal as it stood on a date, with every reason.

CONTRACT (docs/design.md §5): `evaluate(journal, on)` -> `Assessment`. The types are shared
by the plan, the session, the pages and the report.

How it works: `evaluate` cuts the journal at the end of `on`, turns it into a `_Facts` view
(check-ins merged per date and sorted, so the order records were entered in never matters),
and runs every rule of `RULES`. A rule is a small named unit with its code, level, source and
its thresholds in its docstring; it returns zero or more reasons. The highest level wins and
every reason is listed, sorted by level (highest first) then code.

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
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sicoach.domain.journal import CheckIn, Journal, Pregnancy, Profile, Session
from sicoach.domain.vocabulary import (
    EMERGENCY_FLAGS,
    GUIDE_SYMPTOMS,
    PAIN_SPREAD,
    PREGNANCY_WARNINGS,
    URGENT_FLAGS,
)


class Level(StrEnum):
    CONTINUE = "continue"
    SEE_DOCTOR = "see_doctor"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _RANK[self]

    # All four orderings by rank: a StrEnum would otherwise compare the words
    # alphabetically ("urgent" > "emergency"), and `max(levels)` would pick the wrong one.
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank >= other.rank


_RANK = {Level.CONTINUE: 0, Level.SEE_DOCTOR: 1, Level.URGENT: 2, Level.EMERGENCY: 3}


@dataclass(frozen=True)
class Reason:
    code: str
    level: Level
    message: str
    source: str


@dataclass(frozen=True)
class Assessment:
    date: date
    level: Level
    reasons: tuple[Reason, ...]

    @property
    def stops_exercise(self) -> bool:
        return self.level in (Level.URGENT, Level.EMERGENCY)


# --------------------------------------------------------------------------- thresholds
# Every number below is ours (the guide gives none); each is at least as cautious as
# docs/design.md §5 and is tested at its edges in tests/unit/test_safety_rules.py.

FLAG_WINDOW_DAYS = 7
"""A red flag dated `on - 7` still counts; `on - 8` no longer does (unless latest)."""
BASELINE_DAYS = 7
RECENT_DAYS = 7
WORSE_FROM_DAY = 8
WORSE_BY_POINTS = 1.0
WORSE_MIN_RECENT_READINGS = 2
HURT_LOOKBACK_SESSIONS = 3
HURT_MIN_SESSIONS = 2
HURT_SESSION_MAX_AGE_DAYS = 28
EXERCISE_PAIN_TOO_MUCH = 6
"""Pain during an exercise above 5 counts as hurting (Silbernagel pain-monitoring model)."""
SESSION_PAIN_RISE = 2
FOUR_WEEKS_DAY = 28
MOBILITY_GAIN_POINTS = 1.0
MOBILITY_FREE = 9.0
"""A recent mobility average of 9 or more already means moving almost freely."""
PAIN_IMPROVED_POINTS = 2.0
PAIN_IMPROVED_FRACTION = 0.30
PAIN_LOW_ENOUGH = 1.0
"""A recent pain average of 1 or less is too low to ask for more improvement."""
SEVERE_PAIN = 8
SEVERE_MIN_DAYS = 3
POSTPARTUM_SETTLE_DAYS = 14
POSTPARTUM_WARNING_DAYS = 42
"""Pregnancy warning signs still mean "call the maternity team" for 6 weeks after birth."""

EMERGENCY_CALL = (
    "Call your local emergency number now (911 in the US, 999 in the UK, 112 in the EU), "
    "or go to the nearest emergency department."
)
MATERNITY_NOW = (
    "Stop exercising and call your maternity unit or midwife now. If you cannot reach them, "
    "call your local emergency number (911 in the US, 999 in the UK, 112 in the EU)."
)
MATERNITY_TODAY = "Stop exercising and contact your maternity team or doctor today."
DOCTOR_TODAY = (
    "Stop the exercises and see a doctor today, or call your out-of-hours line "
    "(111 in the UK) if the surgery is closed."
)
BOOK_VISIT = "Keep to what feels comfortable and book a visit with your doctor or physio."

# Sources are shown to people, so they name the outside source itself. Where each rests:
# docs/clinical-notes.md §1 (NHS tiers, cauda equina cards, NICE CKS), §2 (meaningful change),
# §3 (pain during exercise), §4 (pregnancy and after birth).
SRC_GUIDE = "Patient guide: when to talk to your doctor"
SRC_NHS_EMERGENCY = "NHS back-pain advice, emergency tier"
SRC_CES = (
    "NHS back-pain advice, emergency tier; cauda equina warning "
    "cards (Greenhalgh, Mercer, Finucane)"
)
SRC_NHS_URGENT = "NHS back-pain advice, urgent tier"
SRC_ACOG = "ACOG: warning signs to stop exercise in pregnancy"
SRC_POSTPARTUM = "After-birth advice: pelvic pain not settled about 2 weeks after the birth"
SRC_CANCER = "NICE CKS-derived pathway: cancer red flags"
SRC_OSTELO = (
    "Patient guide: when to talk to your doctor; a meaningful change "
    "is 2 points or 30% (Ostelo et al., Spine 2008)"
)
SRC_EXERCISE_PAIN = (
    "Patient guide: when to talk to your doctor; pain-monitoring model (Silbernagel et al. 2007)"
)
SRC_SEVERE = "NHS back-pain advice, routine tier (severe or worsening pain)"


# --------------------------------------------------------------------------- the facts


@dataclass(frozen=True)
class _Facts:
    """The journal cut at `on`, sorted and merged, with the windows the rules share."""

    on: date
    profile: Profile | None
    checkins: tuple[CheckIn, ...]
    sessions: tuple[Session, ...]
    baseline_start: date | None

    @property
    def latest(self) -> CheckIn | None:
        return self.checkins[-1] if self.checkins else None

    @property
    def program_day(self) -> int | None:
        if self.baseline_start is None:
            return None
        return (self.on - self.baseline_start).days + 1

    def in_baseline(self, day: date) -> bool:
        if self.baseline_start is None:
            return False
        return self.baseline_start <= day < self.baseline_start + timedelta(days=BASELINE_DAYS)

    def flag_checkins(self) -> tuple[CheckIn, ...]:
        """Check-ins whose flags still count: the last 8 dates inclusive, plus the latest."""
        since = self.on - timedelta(days=FLAG_WINDOW_DAYS)
        chosen = [c for c in self.checkins if c.date >= since]
        latest = self.latest
        if latest is not None and latest not in chosen:
            chosen.append(latest)
        return tuple(chosen)

    def flags(self) -> frozenset[str]:
        return frozenset(s for c in self.flag_checkins() for s in c.symptoms)

    def baseline(self) -> tuple[CheckIn, ...]:
        return tuple(c for c in self.checkins if self.in_baseline(c.date))

    def last_days(self, days: int) -> tuple[CheckIn, ...]:
        since = self.on - timedelta(days=days - 1)
        return tuple(c for c in self.checkins if c.date >= since)

    @property
    def pregnancy(self) -> Pregnancy | None:
        return self.profile.pregnancy if self.profile else None

    @property
    def pregnant(self) -> bool:
        """Pregnant on `on`: so recorded, or a birth recorded for a later date than `on`."""
        p = self.pregnancy
        if p is None:
            return False
        if p.status == "pregnant":
            return True
        return p.delivery_date is not None and p.delivery_date > self.on

    @property
    def days_since_birth(self) -> int | None:
        p = self.pregnancy
        return None if p is None else p.days_since_birth(self.on)

    @property
    def birth_undated(self) -> bool:
        """A birth is recorded without its date: we cannot tell how long ago it was."""
        p = self.pregnancy
        return p is not None and p.status == "postpartum" and p.delivery_date is None

    @property
    def soon_after_birth(self) -> bool:
        """Within 6 weeks after the birth, or a birth of unknown date (cautious)."""
        return soon_after_birth(self.pregnancy, self.on)


def soon_after_birth(pregnancy: Pregnancy | None, on: date) -> bool:
    """Within 6 weeks after the birth, or a birth of unknown date (the cautious reading).

    While this holds, the pregnancy warning signs still mean "call the maternity team", so
    the red-flag screen asks about the ones that can happen after birth too.
    """
    if pregnancy is None or pregnancy.status != "postpartum":
        return False
    since = pregnancy.days_since_birth(on)
    if since is None:
        return True
    return 0 <= since <= POSTPARTUM_WARNING_DAYS


def _merge_day(day: date, same_day: list[CheckIn]) -> CheckIn:
    """Two check-ins on one date (never valid, but possible in memory): keep the worse."""

    def worst(values: Iterable[int | None]) -> int | None:
        present = [v for v in values if v is not None]
        return max(present) if present else None

    mobility = [c.mobility for c in same_day if c.mobility is not None]
    return CheckIn(
        date=day,
        pain=worst(c.pain for c in same_day),
        worst_pain=worst(c.worst_pain for c in same_day),
        mobility=min(mobility) if mobility else None,
        symptoms=tuple(sorted({s for c in same_day for s in c.symptoms})),
        note="\n".join(sorted(c.note for c in same_day if c.note)),
    )


def _facts(journal: Journal, on: date) -> _Facts:
    cut = journal.up_to(on)
    by_day: dict[date, list[CheckIn]] = {}
    for c in cut.checkins:
        by_day.setdefault(c.date, []).append(c)
    checkins = tuple(
        group[0] if len(group) == 1 else _merge_day(day, group)
        for day, group in sorted(by_day.items())
    )
    sessions = tuple(sorted(cut.sessions, key=lambda s: s.started_at))
    if len({s.started_at for s in sessions}) < len(sessions):
        # Two sessions at the same minute: break the tie on content, not on input order.
        sessions = tuple(sorted(sessions, key=lambda s: (s.started_at, repr(s))))
    start = cut.start_date
    if start is not None and checkins:
        end = start + timedelta(days=BASELINE_DAYS)
        if not any(start <= c.date < end for c in checkins):
            start = checkins[0].date
    elif checkins:
        start = checkins[0].date
    return _Facts(on, cut.profile, checkins, sessions, start)


def _mean(values: Iterable[int | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


@dataclass(frozen=True)
class _Measure:
    """A rating the trend rules follow: its words in messages and how to read it."""

    words: str
    read: Callable[[CheckIn], int | None]


PAIN = _Measure("pain", lambda c: c.pain)
WORST_PAIN = _Measure("worst pain", lambda c: c.worst_pain)
MOBILITY = _Measure("movement", lambda c: c.mobility)
PAIN_MEASURES = (PAIN, WORST_PAIN)
"""Worst pain stands in only when the pain ratings cannot be compared (second-read fix: a
person who gives only the worst pain of the day must still be watched)."""


@dataclass(frozen=True)
class _Trend:
    """One measure's first week against its recent week, as the trend rules compare them."""

    measure: _Measure
    day: int
    """Day of this measure's record on `on`: 1 on the first day of its first week."""
    first: float
    now: float
    recent_count: int


def _trend(f: _Facts, measure: _Measure) -> _Trend | None:
    """The measure's first week is the program's baseline week when it was rated then;
    otherwise the 7 days from its first rating (second-read fix: a first week with no
    ratings, e.g. only a screen, used to silence the trend rules for good). The recent
    week is `on - 6` .. `on` without those first-week days. None without data on each side.
    """
    rated = [c for c in f.checkins if measure.read(c) is not None]
    if not rated or f.baseline_start is None:
        return None
    start = f.baseline_start
    if not any(start <= c.date < start + timedelta(days=BASELINE_DAYS) for c in rated):
        start = rated[0].date
    end = start + timedelta(days=BASELINE_DAYS)
    since = f.on - timedelta(days=RECENT_DAYS - 1)
    first = _mean(measure.read(c) for c in rated if start <= c.date < end)
    recent = [measure.read(c) for c in rated if c.date >= since and not start <= c.date < end]
    now = _mean(recent)
    if first is None or now is None:
        return None
    return _Trend(measure, (f.on - start).days + 1, first, now, len(recent))


def _comparable(
    f: _Facts, measures: Iterable[_Measure], from_day: int, min_recent: int = 1
) -> _Trend | None:
    """The first measure with enough data to judge on `on` (None: nothing to judge yet)."""
    for measure in measures:
        trend = _trend(f, measure)
        if trend is not None and trend.day >= from_day and trend.recent_count >= min_recent:
            return trend
    return None


# --------------------------------------------------------------------------- the rules


@dataclass(frozen=True)
class Rule:
    """A named triage rule. `check` returns its reasons (none when it does not apply)."""

    name: str
    level: Level
    source: str
    check: Callable[[_Facts], list[Reason]]

    @property
    def doc(self) -> str:
        return self.check.__doc__ or ""


RULES: list[Rule] = []


def _rule(
    name: str, level: Level, source: str
) -> Callable[[Callable[[_Facts], list[Reason]]], Callable[[_Facts], list[Reason]]]:
    def register(check: Callable[[_Facts], list[Reason]]) -> Callable[[_Facts], list[Reason]]:
        RULES.append(Rule(name, level, source, check))
        return check

    return register


EMERGENCY_MESSAGES: dict[str, str] = {
    "saddle_numbness": (
        f"{EMERGENCY_CALL} Numbness or tingling around your genitals, buttocks or inner "
        "thighs can mean the nerves at the bottom of your spine are squeezed. That needs "
        "treatment within hours."
    ),
    "bladder_bowel_change": (
        f"{EMERGENCY_CALL} New trouble starting or holding in your pee or poo can mean the "
        "nerves at the bottom of your spine are squeezed. That needs treatment within hours."
    ),
    # Guide vs NHS: for leg tingling, numbness or weakness (one leg or both) the guide only
    # asks people to see a provider; the NHS emergency tier says both legs at once needs
    # emergency care. We take the more cautious NHS reading for both legs and keep "see a
    # doctor" for one leg (`one_leg_symptoms`).
    "both_legs_symptoms": (
        f"{EMERGENCY_CALL} Tingling, numbness or weakness in both of your legs together can "
        "mean pressure on the nerves in your spine that needs quick treatment."
    ),
    # Minor falls matter too for people with osteoporosis or on long-term steroids (Northern
    # Trust): the screen asks them about any fall, and any "yes" lands here.
    "recent_trauma": (
        f"{EMERGENCY_CALL} Back pain that began after a fall or an accident needs a check for "
        "a broken bone before you do any exercise."
    ),
    "chest_pain": (
        f"{EMERGENCY_CALL} Chest pain always needs to be checked straight away; do not wait "
        "to see if it passes."
    ),
}

URGENT_MESSAGES: dict[str, str] = {
    "fever": (
        f"{DOCTOR_TODAY} A high temperature together with back pain can be a sign of an "
        "infection, which needs checking soon."
    ),
    "unexplained_weight_loss": (
        f"{DOCTOR_TODAY} Losing weight without trying, together with back pain, needs a "
        "doctor to look for the cause."
    ),
    "night_pain": (
        f"{DOCTOR_TODAY} Pain that rest does not ease, or that gets worse at night, needs a "
        "doctor to look for the cause."
    ),
    "back_lump": (
        f"{DOCTOR_TODAY} A lump, a swelling or a change in the shape of your back needs a "
        "doctor to look at it soon."
    ),
    "pain_on_cough": (
        f"{DOCTOR_TODAY} Back pain that grows when you cough, sneeze or go to the toilet "
        "needs a doctor to look at it soon."
    ),
    "pain_between_shoulders": (
        f"{DOCTOR_TODAY} Pain between your shoulder blades is not typical of low-back pain "
        "and needs a doctor to look at it soon."
    ),
}

PREGNANCY_REASONS: dict[str, str] = {
    "vaginal_bleeding": "Bleeding from the vagina during pregnancy must be checked at once.",
    "fluid_leak": "Fluid leaking from the vagina can mean your waters have broken.",
    "contractions": "Regular, painful tightening of your belly can mean labour is starting.",
    "reduced_baby_movement": (
        "When your baby moves less than usual, the maternity team needs to check on the baby "
        "the same day, without waiting for tomorrow."
    ),
    "dizziness": "Feeling dizzy or faint needs a check before you exercise again.",
    "calf_swelling": (
        "Pain or swelling in a calf can mean a blood clot, which is more likely in pregnancy "
        "and after birth."
    ),
}

# Which pregnancy warnings are emergencies while pregnant. ACOG lists all six as "stop and
# call"; NHS maternity advice says bleeding, waters leaking, regular contractions (possible
# early labour) and fewer baby movements need the maternity unit straight away, not
# tomorrow. We therefore rate those four as emergency (call now) and dizziness and calf
# swelling as urgent (today) - the cautious reading.
PREGNANCY_EMERGENCIES: frozenset[str] = frozenset(
    {"vaginal_bleeding", "fluid_leak", "contractions", "reduced_baby_movement"}
)

# Signs that only a pregnancy can give (waters leaking, labour pains, a baby moving less).
# When someone reports one but the profile records no pregnancy (never filled in, or not
# updated), the sign itself tells us she is pregnant: it is rated as in pregnancy, never
# as a routine visit (second-read fix; under-triage is the worst defect).
PREGNANCY_ONLY_SIGNS: frozenset[str] = frozenset(
    {"fluid_leak", "contractions", "reduced_baby_movement"}
)


@_rule("emergency_red_flags", Level.EMERGENCY, SRC_NHS_EMERGENCY)
def emergency_red_flags(f: _Facts) -> list[Reason]:
    """Any emergency red flag in the red-flag window (latest check-in or last 7 days).

    Codes: saddle_numbness, bladder_bowel_change, both_legs_symptoms, recent_trauma,
    chest_pain. One reason per flag, coded by the flag.
    """
    flags = f.flags()
    out = []
    for code in EMERGENCY_FLAGS:
        if code in flags:
            source = (
                SRC_CES
                if code in ("saddle_numbness", "bladder_bowel_change")
                else (SRC_NHS_EMERGENCY)
            )
            out.append(Reason(code, Level.EMERGENCY, EMERGENCY_MESSAGES[code], source))
    return out


@_rule("urgent_red_flags", Level.URGENT, SRC_NHS_URGENT)
def urgent_red_flags(f: _Facts) -> list[Reason]:
    """Any urgent red flag in the red-flag window: see a doctor the same day.

    Codes: fever, unexplained_weight_loss, night_pain, back_lump, pain_on_cough,
    pain_between_shoulders.
    """
    flags = f.flags()
    return [
        Reason(code, Level.URGENT, URGENT_MESSAGES[code], SRC_NHS_URGENT)
        for code in URGENT_FLAGS
        if code in flags
    ]


@_rule("pregnancy_warning_signs", Level.EMERGENCY, SRC_ACOG)
def pregnancy_warning_signs(f: _Facts) -> list[Reason]:
    """Pregnancy warning signs in the red-flag window, coded by the sign.

    * pregnant: vaginal_bleeding, fluid_leak, contractions, reduced_baby_movement are
      emergency (call the maternity unit now); dizziness, calf_swelling are urgent.
    * up to 42 days (6 weeks) after birth, or after a birth of unknown date: every sign is
      urgent (contact the team today).
    * fluid_leak, contractions, reduced_baby_movement reported at any other time: rated as
      in pregnancy (emergency), since only a pregnancy gives them.
    * a birth recorded for a date after `on`: she was pregnant on `on`.
    * otherwise (not pregnant, or later after birth): see_doctor - the sign still deserves
      a check, but it is not one of the back-pain red flags.
    """
    flags = f.flags()
    out = []
    for code in PREGNANCY_WARNINGS:
        if code not in flags:
            continue
        why = PREGNANCY_REASONS[code]
        pregnant = f.pregnant or (code in PREGNANCY_ONLY_SIGNS and not f.soon_after_birth)
        if pregnant and code in PREGNANCY_EMERGENCIES:
            out.append(Reason(code, Level.EMERGENCY, f"{MATERNITY_NOW} {why}", SRC_ACOG))
        elif pregnant or f.soon_after_birth:
            out.append(Reason(code, Level.URGENT, f"{MATERNITY_TODAY} {why}", SRC_ACOG))
        else:
            out.append(Reason(code, Level.SEE_DOCTOR, f"{BOOK_VISIT} {why}", SRC_ACOG))
    return out


@_rule("one_leg_symptoms", Level.SEE_DOCTOR, SRC_GUIDE)
def one_leg_symptoms(f: _Facts) -> list[Reason]:
    """leg_tingling, leg_numbness or leg_weakness in the red-flag window -> `leg_symptoms`.

    One reason for any of the three (both legs at once is the emergency flag above).
    """
    flags = f.flags()
    if not flags & {"leg_tingling", "leg_numbness", "leg_weakness"}:
        return []
    return [
        Reason(
            "leg_symptoms",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Tingling, numbness or weakness in a leg should be checked by a "
            "doctor. If it spreads to both legs, call your emergency number.",
            SRC_GUIDE,
        )
    ]


def _session_hurt(s: Session) -> bool:
    """An exercise marked "it hurts" or rated 6+, skipped or not: an exercise stopped
    because it hurt is often also marked skipped (second-read fix)."""
    return any(
        e.hurt or (e.pain is not None and e.pain >= EXERCISE_PAIN_TOO_MUCH) for e in s.exercises
    )


def _recent_sessions(f: _Facts) -> tuple[Session, ...]:
    since = f.on - timedelta(days=HURT_SESSION_MAX_AGE_DAYS - 1)
    recent = [s for s in f.sessions if s.date >= since]
    return tuple(recent[-HURT_LOOKBACK_SESSIONS:])


@_rule("exercises_hurt", Level.SEE_DOCTOR, SRC_EXERCISE_PAIN)
def exercises_hurt(f: _Facts) -> list[Reason]:
    """Exercises keep hurting -> `exercises_hurt`.

    Of the last 3 sessions (within the last 28 days), at least 2 had an exercise that was
    marked "it hurts" or rated 6 or more during it. Any exercise counts, not only the same
    one, because the plan skips an exercise after it hurts.
    """
    recent = _recent_sessions(f)
    if sum(1 for s in recent if _session_hurt(s)) < HURT_MIN_SESSIONS:
        return []
    return [
        Reason(
            "exercises_hurt",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Exercises hurt in several of your recent sessions; a doctor or "
            "physio can check why and adjust your routine.",
            SRC_EXERCISE_PAIN,
        )
    ]


@_rule("session_pain_rises", Level.SEE_DOCTOR, SRC_EXERCISE_PAIN)
def session_pain_rises(f: _Facts) -> list[Reason]:
    """Pain rises during sessions -> `session_pain_rises`.

    Of the last 3 sessions (within the last 28 days), at least 2 ended with pain 2 or more
    points above the pain at the start.
    """
    recent = _recent_sessions(f)
    rising = sum(
        1
        for s in recent
        if s.pain_before is not None
        and s.pain_after is not None
        and s.pain_after - s.pain_before >= SESSION_PAIN_RISE
    )
    if rising < HURT_MIN_SESSIONS:
        return []
    return [
        Reason(
            "session_pain_rises",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Your pain went up during several recent sessions; a doctor or "
            "physio can check why and adjust your routine.",
            SRC_EXERCISE_PAIN,
        )
    ]


@_rule("worse_after_weeks", Level.SEE_DOCTOR, SRC_GUIDE)
def worse_after_weeks(f: _Facts) -> list[Reason]:
    """Feeling worse after 1-2 weeks -> `worse_after_weeks`.

    From day 8: the recent week's average pain is 1 point or more above the first week's.
    Needs at least 1 pain rating in the first week and 2 in the recent week (first-week days
    excluded), so one bad day alone does not trigger it. The first week is the program's,
    or the 7 days from the first pain rating when the program's first week has none; worst
    pain stands in when pain cannot be compared (see `_trend`).
    """
    t = _comparable(f, PAIN_MEASURES, WORSE_FROM_DAY, WORSE_MIN_RECENT_READINGS)
    if t is None or t.now - t.first < WORSE_BY_POINTS:
        return []
    return [
        Reason(
            "worse_after_weeks",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Your {t.measure.words} this week ({t.now:.1f} on average) is higher "
            f"than in your first week ({t.first:.1f}); feeling worse after a week or two "
            "should be checked.",
            SRC_GUIDE,
        )
    ]


@_rule("new_symptoms", Level.SEE_DOCTOR, SRC_GUIDE)
def new_symptoms(f: _Facts) -> list[Reason]:
    """New symptoms -> `new_symptoms`.

    From program day 8: a symptom of the guide (trouble standing up, pain worse sitting,
    poor sleep) or a new place the pain spreads to, reported in the red-flag window after the
    baseline week but never in the baseline week. Leg symptoms have their own rule.
    """
    day = f.program_day
    if day is None or day < WORSE_FROM_DAY:
        return []
    watched = (set(GUIDE_SYMPTOMS) | set(PAIN_SPREAD)) - {
        "leg_tingling",
        "leg_numbness",
        "leg_weakness",
    }
    before = {s for c in f.baseline() for s in c.symptoms}
    now = {s for c in f.flag_checkins() if not f.in_baseline(c.date) for s in c.symptoms}
    new = sorted((now & watched) - before)
    if not new:
        return []
    names = ", ".join(_SYMPTOM_WORDS.get(code, code) for code in new)
    return [
        Reason(
            "new_symptoms",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} You have reported something new since your first week ({names}); "
            "new or growing symptoms should be checked.",
            SRC_GUIDE,
        )
    ]


_SYMPTOM_WORDS = {
    "trouble_standing_up": "trouble standing up",
    "pain_worse_sitting": "pain worse when sitting",
    "sleep_difficulty": "trouble sleeping",
    "pain_groin": "pain in the groin",
    "pain_buttocks": "pain in the buttocks",
    "pain_hips": "pain in the hips",
    "pain_thighs": "pain in the thighs",
    "pain_lower_back": "pain in the lower back",
}


@_rule("no_mobility_gain", Level.SEE_DOCTOR, SRC_GUIDE)
def no_mobility_gain(f: _Facts) -> list[Reason]:
    """No gain in movement after about 4 weeks -> `no_mobility_gain`.

    From day 28: the recent week's average mobility is less than 1 point above the first
    week's. Needs 1 rating in each week. Not raised when the recent average is 9 or more
    (already moving almost freely). Days and first week as in `_trend`.
    """
    t = _comparable(f, (MOBILITY,), FOUR_WEEKS_DAY)
    if t is None or t.now >= MOBILITY_FREE or t.now - t.first >= MOBILITY_GAIN_POINTS:
        return []
    return [
        Reason(
            "no_mobility_gain",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} After about four weeks your movement has not got freer "
            f"({t.first:.1f} then, {t.now:.1f} now); a doctor or physio can look at other "
            "options.",
            SRC_GUIDE,
        )
    ]


@_rule("pain_not_improved", Level.SEE_DOCTOR, SRC_OSTELO)
def pain_not_improved(f: _Facts) -> list[Reason]:
    """Pain not better after about 4 weeks -> `pain_not_improved`.

    From day 28: the recent week's average pain is not at least 2 points or 30% below the
    first week's (the smallest change that matters, Ostelo 2008). Needs 1 rating in each
    week. Not raised when the recent average is 1 or less. Days, first week and the worst
    pain stand-in as in `_trend`.
    """
    t = _comparable(f, PAIN_MEASURES, FOUR_WEEKS_DAY)
    if t is None or t.now <= PAIN_LOW_ENOUGH:
        return []
    drop = t.first - t.now
    if drop >= PAIN_IMPROVED_POINTS or drop >= PAIN_IMPROVED_FRACTION * t.first:
        return []
    return [
        Reason(
            "pain_not_improved",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} After about four weeks your {t.measure.words} has not clearly eased "
            f"({t.first:.1f} then, {t.now:.1f} now); a doctor can talk with you about other "
            "treatments.",
            SRC_OSTELO,
        )
    ]


@_rule("severe_pain", Level.SEE_DOCTOR, SRC_SEVERE)
def severe_pain(f: _Facts) -> list[Reason]:
    """Severe pain for several days -> `severe_pain`.

    Pain or worst pain of 8 or more on at least 3 different days among the last 7 days
    (`on - 6` .. `on`). The pain given before or after a session that day counts too
    (second-read fix: someone who rates pain only at sessions must still be watched).
    """

    def severe(value: int | None) -> bool:
        return value is not None and value >= SEVERE_PAIN

    since = f.on - timedelta(days=RECENT_DAYS - 1)
    severe_days = {
        c.date for c in f.last_days(RECENT_DAYS) if severe(c.pain) or severe(c.worst_pain)
    }
    severe_days |= {
        s.date
        for s in f.sessions
        if s.date >= since and (severe(s.pain_before) or severe(s.pain_after))
    }
    days = len(severe_days)
    if days < SEVERE_MIN_DAYS:
        return []
    return [
        Reason(
            "severe_pain",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Your pain was 8 or more on {days} of the last 7 days; strong pain "
            "that keeps coming back needs a doctor's help.",
            SRC_SEVERE,
        )
    ]


@_rule("postpartum_pelvic_pain", Level.SEE_DOCTOR, SRC_POSTPARTUM)
def postpartum_pelvic_pain(f: _Facts) -> list[Reason]:
    """Pelvic pain not settled 2 weeks after birth -> `postpartum_pelvic_pain`.

    Profile says postpartum, 14 days or more since delivery (or the delivery date is not
    known: we cannot rule the 2 weeks out), and any check-in of the last 7 days shows pain
    or worst pain of 1 or more, or a place the pain spreads to.
    """
    since = f.days_since_birth
    if since is None and not f.birth_undated:
        return []
    if since is not None and since < POSTPARTUM_SETTLE_DAYS:
        return []
    hurting = any(
        (c.pain or 0) >= 1 or (c.worst_pain or 0) >= 1 or set(c.symptoms) & set(PAIN_SPREAD)
        for c in f.last_days(RECENT_DAYS)
    )
    if not hurting:
        return []
    return [
        Reason(
            "postpartum_pelvic_pain",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Pelvic pain that has not settled two weeks after giving birth should "
            "be seen by a physio (a specialist in movement and exercise).",
            SRC_POSTPARTUM,
        )
    ]


@_rule("cancer_history", Level.SEE_DOCTOR, SRC_CANCER)
def cancer_history(f: _Facts) -> list[Reason]:
    """A `cancer` history in the profile -> `cancer_history`, always.

    Age over 50 with new pain is another cancer flag in the same pathway; we do not raise it
    on its own (most of our users are over 45, and a warning shown to everyone stops being
    read). Their pain is watched by `pain_not_improved` after 4 weeks instead.
    """
    if f.profile is None or "cancer" not in f.profile.history:
        return []
    return [
        Reason(
            "cancer_history",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Because you have had cancer before, new back pain should be checked "
            "by your doctor, even if it feels like an ordinary backache.",
            SRC_CANCER,
        )
    ]


# --------------------------------------------------------------------------- evaluate


def evaluate(journal: Journal, on: date) -> Assessment:
    """Triage the journal as it stood at the end of `on`: highest level, every reason."""
    facts = _facts(journal, on)
    found: dict[str, Reason] = {}
    for rule in RULES:
        for reason in rule.check(facts):
            kept = found.get(reason.code)
            if kept is None or kept.level < reason.level:
                found[reason.code] = reason
    reasons = tuple(sorted(found.values(), key=lambda r: (-r.level.rank, r.code)))
    level = reasons[0].level if reasons else Level.CONTINUE
    return Assessment(on, level, reasons)
