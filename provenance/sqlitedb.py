"""Opening the SQLite catalog file shared by the copy-chain catalog and the corpus index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from provenance.errors import InputError, UsageError

SQLITE_MAGIC = b"SQLite format 3\x00"


def open_catalog(db_path, ddl: str, meta_table: str, schema_version: str, *, create: bool = True,
                 foreign_keys: bool = False, timeout: float = 5.0) -> sqlite3.Connection:
    """Open the catalog at ``db_path`` and create the tables of ``ddl`` in it.

    ``meta_table`` (key, value) receives the ``schema_version`` row the first time. A folder
    is refused with a UsageError; a missing file (when ``create`` is false), a file that is not
    SQLite, or one SQLite cannot use, with an InputError naming it.
    """
    p = Path(db_path)
    if p.exists() and p.is_dir():
        raise UsageError("is a directory, not a catalog file", str(p))
    if not p.exists() and not create:
        raise InputError("no such catalog; run `provenance corpus index` first", str(p))
    if p.exists() and p.stat().st_size:
        with open(p, "rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                raise InputError("is not an SQLite catalog", str(p))
    try:
        con = sqlite3.connect(str(p), timeout=timeout)
        if foreign_keys:
            con.execute("PRAGMA foreign_keys = ON")
        con.executescript(ddl)
        con.execute(f"INSERT OR IGNORE INTO {meta_table} VALUES ('schema_version', ?)", (schema_version,))
        con.commit()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"cannot be used as a catalog ({exc})", str(p)) from None
    return con
