"""How long does reading a note for warning signs take? Prints figures; not a test.

The note reader (medspaCy on spaCy's blank English pipeline) is built once per process: its
load time is printed first, then the time per note after it, beside a bare reference measured
in the same run: the same notes cut into words by spaCy's blank English pipeline alone (no
target matching, no ConText).

    .venv/bin/python bench/notes.py
"""

from __future__ import annotations

import sys
import time

from _timing import timed

SHORT_NOTES = (
    "now both legs are numb",
    "can't feel the paper when I wipe",
    "no fever and both legs are numb",
    "good day, walked for 20 minutes",
    "my husband says I wet myself in my sleep",
    "if I get numbness down below I will call 999",
    "sore after sitting at work, better after the stretches",
    "baby hasn't moved since breakfast",
)
LONG_NOTE = (
    "Long day at work, sat for hours and the back was stiff by the afternoon. Did the "
    "stretches in the evening and felt a bit looser. No fever, no numbness. "
) * 11  # about 1,900 characters, near the 2,000-character limit of a note


def main() -> int:
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    import spacy

    from sicoach.notes import get_reader

    imported = time.perf_counter() - t0
    reader = get_reader()
    total = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    print(
        f"note reader: imports {imported:.2f} s, build {reader.load_seconds:.2f} s, "
        f"first use in all {total:.2f} s ({cpu:.2f} s of CPU; once per process)"
    )

    bare = spacy.blank("en")
    notes = list(SHORT_NOTES)

    def read_all() -> None:
        for note in notes:
            reader.read(note)

    def tokenize_all() -> None:
        for note in notes:
            bare(note)

    runs = 50
    per = len(notes)
    print(f"{per} short notes ({sum(map(len, notes)) // per} characters on average), per batch:")
    timed("  note reader: read every note", read_all, runs)
    timed("  reference: blank English tokenizer only", tokenize_all, runs)
    print(f"a long note ({len(LONG_NOTE)} characters):")
    timed("  note reader: read it", lambda: reader.read(LONG_NOTE), runs)
    timed("  reference: blank English tokenizer only", lambda: bare(LONG_NOTE), runs)
    print("(divide a batch by", per, "for the time per short note)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
