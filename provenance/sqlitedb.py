"""Opening the SQLite catalog file shared by the copy-chain catalog and the corpus index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from provenance.errors import InputError, UsageError

SQLITE_MAGIC = b"SQLite format 3\x00"
#: The key-value tables that mark a file as a provenance catalog: the copy-chain catalog's
#: and the corpus index's (one file may hold both).
META_TABLES = ("meta", "corpus_meta")


def _tables(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _is_provenance_meta(con: sqlite3.Connection, table: str) -> bool:
    try:
        return con.execute(f"SELECT 1 FROM {table} WHERE key = 'schema_version'").fetchone() is not None
    except sqlite3.DatabaseError:
        return False


def open_catalog(db_path, ddl: str, meta_table: str, schema_version: str, *, create: bool = True,
                 foreign_keys: bool = False, timeout: float = 5.0,
                 what: str = "corpus index", missing: str = "run `provenance corpus index` first"
                 ) -> sqlite3.Connection:
    """Open the catalog at ``db_path``.

    With ``create`` (commands that write the catalog) the tables of ``ddl`` are created when
    missing, and ``meta_table`` (key, value) receives the ``schema_version`` row the first time;
    an SQLite file that already holds tables but is not a provenance catalog is refused.

    Without ``create`` (commands that only read) the connection is read-only: the file must exist, be
    SQLite and hold ``meta_table``; a missing or empty file, an SQLite file of another
    application, or a provenance catalog without these tables is refused. ``missing`` says what
    to run first, ``what`` names the tables' purpose in messages.

    A folder is refused with a UsageError; everything else with an InputError naming the file.
    """
    p = Path(db_path)
    if p.exists() and p.is_dir():
        raise UsageError("is a directory, not a catalog file", str(p))
    if not p.exists():
        if not create:
            raise InputError(f"no such catalog; {missing}", str(p))
    elif p.stat().st_size:
        try:
            with open(p, "rb") as fh:
                magic = fh.read(16)
        except OSError as exc:
            raise InputError(f"cannot be read ({exc.strerror or exc})", str(p)) from None
        if magic != SQLITE_MAGIC:
            raise InputError("is not an SQLite catalog", str(p))
    elif not create:
        raise InputError("is not a provenance catalog (the file is empty)", str(p))
    con = None
    try:
        if create:
            con = sqlite3.connect(str(p), timeout=timeout)
        else:  # read-only: never creates the file, never writes to it
            con = sqlite3.connect(p.resolve().as_uri() + "?mode=ro", uri=True, timeout=timeout)
        tables = _tables(con)
        ours = [t for t in META_TABLES if t in tables and _is_provenance_meta(con, t)]
        if tables and not ours:
            raise InputError("is not a provenance catalog (an SQLite file of another application; "
                             "name another --db file)", str(p))
        if not create:
            if meta_table not in ours:
                raise InputError(f"is a provenance catalog but holds no {what} yet; {missing}", str(p))
        else:
            con.executescript(ddl)
            con.execute(f"INSERT OR IGNORE INTO {meta_table} VALUES ('schema_version', ?)", (schema_version,))
            con.commit()
        if foreign_keys:
            con.execute("PRAGMA foreign_keys = ON")
    except InputError:
        if con is not None:
            con.close()
        raise
    except sqlite3.DatabaseError as exc:
        if con is not None:
            con.close()
        raise InputError(f"cannot be used as a catalog ({exc})", str(p)) from None
    return con
