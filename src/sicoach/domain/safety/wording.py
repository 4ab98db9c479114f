"""The actions a reason opens with, and the sources a reason names.

The CLI and the pages strip a standard action from the start of a reason to say it once at
the top, so every reason's message must open with one of these words exactly.
"""

from __future__ import annotations

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
EARLY_PREGNANCY_TODAY = (
    "Stop exercising and contact your early pregnancy unit, midwife or doctor today."
)
CANCER_TEAM_TODAY = (
    "Stop the exercises and contact your cancer team or your doctor today, within 24 hours "
    "at the latest."
)
ALSO_TELL = "Tell the doctor about this too."
"""Opens a `see_doctor` reason shown beside an urgent or emergency one, in place of
`BOOK_VISIT`: "keep to what feels comfortable" must not sit beside "stop now"."""

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
# Second safety edition: docs/clinical-notes.md §7.
SRC_CES_CARDS = "Cauda equina warning cards (GIRFT; Greenhalgh and colleagues)"
SRC_MSCC = "NICE CG75 and NG234: spinal cord compression in people with cancer"
SRC_FRACTURE = "NICE CKS low back pain; AHCPR red flags (fracture)"
SRC_INFECTION = "NICE CKS low back pain; AHCPR red flags (infection)"
SRC_AGE = "AHCPR red flags; NICE CKS low back pain (age)"
SRC_DVT = "NHS advice on blood clots (DVT)"
SRC_BREATHLESS = "NHS advice on blood clots (DVT) and on shortness of breath"
SRC_WALKING = "NICE CG75 and NG234; NICE CKS low back pain (a new nerve problem)"
SRC_PREGNANCY_NHS = "NHS pregnancy advice; RCOG; ACOG warning signs"
SRC_AFTER_BIRTH = "NHS advice on your body after birth"
SRC_ROUTINE = "NHS back-pain advice, routine tier"
SRC_ACTIVITIES = (
    "Patient-specific activity ratings: a meaningful change is 2 points (Abbott and Schmitt 2014)"
)
