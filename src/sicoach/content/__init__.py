"""The content pack: the guide's exercises, aerobic options, education text and vocabulary.

CONTRACT: `load_catalog(folder=None)` reads and validates the TOML files beside this module
(or in `folder`) and returns a `sicoach.domain.exercises.Catalog`; a broken file raises
`ContentError` naming the file and the field.
"""

from sicoach.content.loader import CONTENT_DIR, ContentError, load_catalog

__all__ = ["CONTENT_DIR", "ContentError", "load_catalog"]
