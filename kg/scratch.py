"""A scratch SQLite database for one build: a file in a temporary folder, no journal, no
fsync, a bounded page cache, removed with its folder on :meth:`ScratchDB.close`. The build's
main process keeps what would otherwise grow with the corpus in such files (the shared
triples' digests, :class:`kg.export.DiskDigestSet`; the target → outcome index,
:class:`kg.links.LinkIndex`)."""

from __future__ import annotations

import os
import sqlite3
import tempfile


class ScratchDB:
    """``db``: a connection to ``name`` in a new temporary folder (``prefix``, under
    ``directory`` or the system's), its page cache ``cache_kib`` KiB, ``schema`` run once."""

    def __init__(self, name: str, prefix: str, schema: str, *, cache_kib: int,
                 directory: str | os.PathLike[str] | None = None) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix=prefix, dir=directory)
        self.db = sqlite3.connect(os.path.join(self._dir.name, name), check_same_thread=False)
        self.db.executescript(f"PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-{cache_kib};"
                              + schema)

    def close(self) -> None:
        """Close the connection and remove the folder with its file."""
        self.db.close()
        self._dir.cleanup()
