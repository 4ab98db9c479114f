"""Reading a person's free-text note for warning signs (an adapter outside the domain).

CONTRACT: `read_note(text)` -> the warning-sign codes the note mentions as present, current
signs of the writer (not "no numbness", "numbness last year", "if I get numbness", "my
mother has a fever"), in the order the vocabulary lists them. The NLP pipeline (medspaCy
on spaCy's blank English pipeline, no model download) is built on the first call and kept
for the life of the process; importing this package loads nothing heavy.
"""

from sicoach.notes.reader import (
    Mention,
    NoteReader,
    could_mention,
    get_reader,
    read_note,
    warm_up,
)

__all__ = ["Mention", "NoteReader", "could_mention", "get_reader", "read_note", "warm_up"]
