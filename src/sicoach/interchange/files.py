"""Files that appear whole or not at all: the one writer every export, report and figure uses.

A reader (or a crash) never sees half a file: the data goes to a hidden `.NAME.*.part` file
beside the target, which is renamed over the target only once it is complete, and removed
when anything fails on the way.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(out: Path) -> Iterator[Path]:
    """A fresh path beside `out` to write to; it replaces `out` when the block ends well.

    The folder of `out` must exist. On any error the partial file is removed and the error
    goes on, and `out` keeps what it held before.
    """
    fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    os.close(fd)
    partial = Path(name)
    try:
        yield partial
        os.replace(partial, out)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def write_atomic(out: Path, data: str | bytes) -> None:
    """Write `data` (text as UTF-8) to `out`, whole or not at all."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(out) as partial:
        partial.write_bytes(payload)
