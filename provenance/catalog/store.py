"""The SQLite catalog: one file (``provenance.sqlite`` by default), one schema, every command.

A document is catalogued once, by content hash, whichever command meets it first (``catalog
add`` or ``corpus index``); each command then fills what it needs of it, when it first needs
it: the copy-chain facts (``catalog add``, ``catalog list``, ``catalog query``), the shingles of
discovery (``corpus index``, ``corpus discover``), the text of the full-text search (``catalog
add``, ``corpus index``, ``catalog search``).

Tables (foreign keys on ``documents.n``, each deleted with its document):

* ``documents``: n (row id), id (the file stem, unique), sha256 (unique), path, kind, size,
  date, title, words, chain (the copy-chain extraction as JSON; NULL until it is read);
* ``facts``, ``findings``: the copy-chain statements and findings of a document, with evidence;
* ``shingles``: a document's shingle hashes and passages (little-endian uint32 blobs);
* ``pairs``: the related pairs of the last ``corpus discover``; ``audits``: the divergence
  counts of the pairs ``corpus audit`` aligned;
* ``document_text``: an FTS5 table of each document's title and text (rowid = ``documents.n``);
* ``meta`` (key, value JSON): schema version, tokenizer, the last discovery.

Views that read naturally (``copies``, ``receipts``, ``roles``, ``excerpts``, ``placements``,
``archival_units``, ``related_pairs``, ``divergences``, ``document_overview``) name documents by id.

``PRAGMA user_version`` is the schema version (:data:`SCHEMA_VERSION`). A catalog of the earlier
two-table layout (user_version 0: ``documents``/``facts``/``findings`` and ``corpus_*``) is
migrated in one transaction when first opened; a catalog of a newer version is refused. The
journal is WAL with a busy timeout, and every write is one ``BEGIN IMMEDIATE`` transaction, so
several processes may add to one catalog while others read it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

from provenance.errors import InputError, UsageError, one_line

SQLITE_MAGIC = b"SQLite format 3\x00"
#: ``PRAGMA user_version`` of the catalogs this code writes.
SCHEMA_VERSION = 2
#: The key-value tables that mark a file as a provenance catalog (``corpus_meta``: the
#: earlier layout's corpus index).
META_TABLES = ("meta", "corpus_meta")
#: Seconds a writer waits for another one before giving up.
BUSY_TIMEOUT = 60.0

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    kind TEXT NOT NULL,
    size INTEGER,
    date TEXT,
    title TEXT,
    words INTEGER,
    chain TEXT);
CREATE INDEX documents_path ON documents(path);
CREATE TABLE shingles (
    doc INTEGER PRIMARY KEY REFERENCES documents(n) ON DELETE CASCADE,
    tokenizer TEXT NOT NULL,
    shingles BLOB NOT NULL,
    passages BLOB NOT NULL);
CREATE TABLE facts (
    doc INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
    kind TEXT NOT NULL, role TEXT, agent TEXT, agent_raw TEXT, copy INTEGER, points TEXT, channel TEXT,
    date TEXT, confidence REAL NOT NULL, what TEXT NOT NULL, quote TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL);
CREATE INDEX facts_doc ON facts(doc);
CREATE INDEX facts_agent ON facts(agent COLLATE NOCASE);
CREATE TABLE findings (
    doc INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
    id TEXT NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, quote TEXT,
    start INTEGER, "end" INTEGER);
CREATE INDEX findings_doc ON findings(doc);
CREATE TABLE pairs (
    a INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
    b INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    source INTEGER REFERENCES documents(n) ON DELETE CASCADE,
    rule TEXT, reason TEXT, shared_words INTEGER,
    record TEXT NOT NULL,
    PRIMARY KEY (a, b));
CREATE INDEX pairs_b ON pairs(b);
CREATE TABLE audits (
    a INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
    b INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
    first INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
    report TEXT, divergences INTEGER, substantive INTEGER, lexical INTEGER, orthographic INTEGER,
    accidental INTEGER, editorial INTEGER, error TEXT, run_time TEXT,
    PRIMARY KEY (a, b));
CREATE INDEX audits_b ON audits(b);
CREATE VIRTUAL TABLE document_text USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO document_text (document_text, rank) VALUES ('automerge', 0);
"""

VIEWS = """
CREATE VIEW document_overview AS
    SELECT d.id AS document, d.title, d.date, d.kind, d.words, d.path, d.sha256,
           (SELECT COUNT(*) FROM facts f WHERE f.doc = d.n) AS facts,
           (SELECT COUNT(*) FROM findings g WHERE g.doc = d.n) AS findings,
           d.chain IS NOT NULL AS chain_read,
           EXISTS (SELECT 1 FROM shingles s WHERE s.doc = d.n) AS indexed
    FROM documents d;
CREATE VIEW receipts AS
    SELECT d.id AS document, d.title, d.date AS document_date, f.agent AS recipient,
           f.agent_raw AS recipient_as_written, f.kind, f.copy, f.points, f.channel, f.what, f.quote,
           f.start, f."end", f.confidence
    FROM facts f JOIN documents d ON d.n = f.doc
    WHERE f.kind IN ('addressee', 'copy', 'excerpt', 'extra-copy');
CREATE VIEW copies AS
    SELECT d.id AS document, d.title, f.copy, f.agent AS recipient, f.agent_raw AS recipient_as_written,
           f.kind = 'extra-copy' AS outside_print_run, f.what, f.quote, f.start, f."end", f.confidence
    FROM facts f JOIN documents d ON d.n = f.doc
    WHERE f.kind IN ('copy', 'extra-copy');
CREATE VIEW roles AS
    SELECT d.id AS document, d.title, f.role, f.agent, f.agent_raw AS agent_as_written, f.date, f.what,
           f.quote, f.start, f."end", f.confidence
    FROM facts f JOIN documents d ON d.n = f.doc
    WHERE f.kind IN ('role', 'sender');
CREATE VIEW excerpts AS
    SELECT d.id AS document, d.title, f.agent AS recipient, f.agent_raw AS recipient_as_written, f.points,
           f.channel, f.what, f.quote, f.start, f."end", f.confidence
    FROM facts f JOIN documents d ON d.n = f.doc
    WHERE f.kind = 'excerpt';
CREATE VIEW placements AS
    SELECT d.id AS document, d.title, f.agent AS owner, f.copy, f.what, f.quote, f.start, f."end",
           f.confidence
    FROM facts f JOIN documents d ON d.n = f.doc
    WHERE f.kind = 'placement';
CREATE VIEW archival_units AS
    SELECT d.id AS document, d.title,
           json_extract(u.value, '$.repository') AS repository,
           json_extract(u.value, '$.fond') AS fond, json_extract(u.value, '$.opis') AS opis,
           json_extract(u.value, '$.papka') AS papka, json_extract(u.value, '$.delo') AS delo,
           json_extract(u.value, '$.folios') AS folios, json_extract(u.value, '$.raw') AS as_written
    FROM documents d, json_each(d.chain, '$.archival_units') u
    WHERE d.chain IS NOT NULL;
CREATE VIEW related_pairs AS
    SELECT da.id AS document_a, db.id AS document_b, p.similarity, p.shared_words,
           ds.id AS made_from, CASE WHEN p.source IS NULL THEN NULL
                                    WHEN p.source = p.a THEN db.id ELSE da.id END AS made_into,
           p.rule, p.reason, da.date AS date_a, db.date AS date_b, da.title AS title_a, db.title AS title_b
    FROM pairs p JOIN documents da ON da.n = p.a JOIN documents db ON db.n = p.b
    LEFT JOIN documents ds ON ds.n = p.source;
CREATE VIEW divergences AS
    SELECT da.id AS document_a, db.id AS document_b, df.id AS base, t.report, t.divergences,
           t.substantive, t.lexical, t.orthographic, t.accidental, t.editorial, t.error, t.run_time
    FROM audits t JOIN documents da ON da.n = t.a JOIN documents db ON db.n = t.b
    JOIN documents df ON df.n = t.first;
"""

#: The statements that create the catalog (tables, then views), one by one: they run inside
#: the creating transaction, which ``executescript`` would commit. The full-text index merges
#: its segments only when they pile up (``automerge`` 0): a document is one transaction, and
#: merging after each would cost more than the insert itself.
DDL = [s.strip() for s in (TABLES + VIEWS).split(";\n") if s.strip()]


def _tables(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _is_provenance_meta(con: sqlite3.Connection, table: str) -> bool:
    try:
        return con.execute(f"SELECT 1 FROM {table} WHERE key = 'schema_version'").fetchone() is not None
    except sqlite3.DatabaseError:
        return False


@contextmanager
def transaction(con: sqlite3.Connection):
    """One write transaction, taken at once (``BEGIN IMMEDIATE`` waits for other writers up to the
    busy timeout instead of failing on the upgrade from reader to writer)."""
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@contextmanager
def catalog_errors(db_path):
    """SQLite errors met while a catalog is used (a file corrupt past its header, a disk that is
    full, a catalog locked past the timeout) become one InputError line naming the file."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise InputError(f"cannot be used as a catalog ({one_line(exc)})", str(db_path)) from None


def _wal(con: sqlite3.Connection) -> None:
    """Switch to the WAL journal (once per file; another process may hold it for a moment)."""
    for attempt in range(50):
        try:
            if con.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            con.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError:
            if attempt == 49:
                raise
            time.sleep(0.1)


def _create(con: sqlite3.Connection) -> None:
    for stmt in DDL:
        con.execute(stmt)
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (json.dumps(SCHEMA_VERSION),))
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _columns(con: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in con.execute(f"PRAGMA table_info({table})")}


def migrate_v1(con: sqlite3.Connection) -> None:
    """Bring a catalog of the earlier layout (the copy-chain tables ``documents``, ``facts``,
    ``findings``, ``meta`` and the corpus index ``corpus_documents``, ``corpus_pairs``,
    ``corpus_meta``, either or both) to the current schema, inside the caller's transaction.

    A document both layouts held (same content hash) becomes one row with its facts and its
    shingles; a corpus document whose id the copy-chain catalog gives to other content is left
    out (it is read again when a command needs it). Texts for the full-text search are read
    when ``catalog search`` first needs them.
    """
    tables = _tables(con)
    chain = "documents" in tables and "doc_sha" in _columns(con, "facts") if "facts" in tables else False
    corpus = "corpus_documents" in tables
    for idx in ("documents_id", "facts_agent", "facts_doc", "corpus_documents_sha"):
        con.execute(f"DROP INDEX IF EXISTS {idx}")
    old = [t for t in ("meta", "documents", "facts", "findings") if t in tables]
    for t in old:
        con.execute(f"ALTER TABLE {t} RENAME TO v1_{t}")
    for stmt in DDL:
        con.execute(stmt)
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (json.dumps(SCHEMA_VERSION),))
    if chain:
        con.execute("""INSERT OR IGNORE INTO documents (id, sha256, path, kind, date, title, chain)
                       SELECT id, sha256, path, kind, date, title, facts FROM v1_documents ORDER BY id""")
        con.execute("""INSERT INTO facts SELECT d.n, f.kind, f.role, f.agent, f.agent_raw, f.copy, f.points,
                              f.channel, f.date, f.confidence, f.what, f.quote, f.start, f."end"
                       FROM v1_facts f JOIN documents d ON d.sha256 = f.doc_sha""")
        con.execute("""INSERT INTO findings SELECT d.n, g.id, g.code, g.severity, g.message, g.quote, g.start,
                              g."end"
                       FROM v1_findings g JOIN documents d ON d.sha256 = g.doc_sha""")
    if corpus:
        con.execute("""INSERT OR IGNORE INTO documents (id, sha256, path, kind, size, date, title, words)
                       SELECT id, sha256, path, kind, size, date, title, words FROM corpus_documents
                       ORDER BY id""")
        con.execute("""UPDATE documents SET
                           size = (SELECT c.size FROM corpus_documents c WHERE c.sha256 = documents.sha256),
                           words = (SELECT c.words FROM corpus_documents c WHERE c.sha256 = documents.sha256)
                       WHERE size IS NULL""")
        con.execute("""INSERT OR IGNORE INTO shingles
                       SELECT d.n, c.tokenizer, c.shingles, c.passages
                       FROM corpus_documents c JOIN documents d ON d.sha256 = c.sha256 AND d.id = c.id""")
        if "corpus_pairs" in tables:
            con.execute("""INSERT OR IGNORE INTO pairs (a, b, similarity, record)
                           SELECT da.n, db.n, p.similarity, p.record FROM corpus_pairs p
                           JOIN documents da ON da.id = p.a JOIN documents db ON db.id = p.b""")
        if "corpus_meta" in tables:
            con.execute("""INSERT OR REPLACE INTO meta SELECT key, value FROM corpus_meta
                           WHERE key IN ('tokenizer', 'discover')""")
    for t in ("v1_findings", "v1_facts", "v1_documents", "v1_meta", "corpus_pairs", "corpus_documents",
              "corpus_meta"):
        if t in _tables(con):
            con.execute(f"DROP TABLE {t}")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def open_catalog(db_path, *, create: bool = True, timeout: float = BUSY_TIMEOUT,
                 missing: str = "run `provenance catalog add` or `provenance corpus index` first"
                 ) -> sqlite3.Connection:
    """Open the catalog at ``db_path`` (autocommit connection: write with :func:`transaction`).

    With ``create`` (commands that add documents) a missing file is created with the schema.
    Without it the file must exist, be SQLite and be a provenance catalog; a missing or empty
    file, or an SQLite file of another application, is refused and left as it was (``missing``
    says what to run first). Either way a catalog of the earlier layout is migrated, and one
    written by a newer version of provenance is refused.

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
            con = sqlite3.connect(str(p), timeout=timeout, isolation_level=None)
        else:  # never creates the file
            con = sqlite3.connect(p.resolve().as_uri() + "?mode=rw", uri=True, timeout=timeout,
                                  isolation_level=None)
        _check_ours(con, p)
        _wal(con)
        con.execute("PRAGMA synchronous = NORMAL")
        con.execute("PRAGMA foreign_keys = ON")
        if con.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            with transaction(con):  # the check again, now alone with the file
                _check_ours(con, p)
                version = con.execute("PRAGMA user_version").fetchone()[0]
                if version == 0 and not _tables(con):
                    _create(con)
                elif version == 0:
                    migrate_v1(con)
    except (InputError, UsageError):
        if con is not None:
            con.close()
        raise
    except sqlite3.DatabaseError as exc:
        if con is not None:
            con.close()
        raise InputError(f"cannot be used as a catalog ({one_line(exc)})", str(p)) from None
    return con


def _check_ours(con: sqlite3.Connection, p: Path) -> None:
    tables = _tables(con)
    ours = [t for t in META_TABLES if t in tables and _is_provenance_meta(con, t)]
    if tables and not ours:
        raise InputError("is not a provenance catalog (an SQLite file of another application; "
                         "name another --db file)", str(p))
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise InputError(f"is a catalog of a newer version of provenance (schema {version}; this version "
                         f"reads schema {SCHEMA_VERSION} and earlier); upgrade provenance", str(p))


def connect_readonly(db_path) -> sqlite3.Connection:
    """A read-only connection to an open catalog (workers read documents' shingles with it)."""
    uri = Path(db_path).resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)


def get_meta(con, key: str, default=None):
    row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def set_meta(con, key: str, value) -> None:
    con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, sort_keys=True)))


def claim_document(con, *, doc_id: str, sha: str, path: str, kind: str, replace: bool, **fields) -> tuple[str, dict]:
    """Record one document inside the caller's transaction; returns (status, row).

    status is ``unchanged`` (this content is catalogued, maybe under another name: row is
    that document), ``added``, ``replaced`` (``replace``: the id held other content, now
    dropped with everything read from it; row["previous_path"] says where it came from) or
    ``taken`` (not ``replace``, and the id holds other content from another file: nothing done).
    """
    row = con.execute("SELECT n, id, path FROM documents WHERE sha256 = ?", (sha,)).fetchone()
    if row:
        return "unchanged", {"n": row[0], "id": row[1], "path": row[2]}
    cols = ("size", "date", "title", "words")
    values = [fields.get(c) for c in cols]
    old = con.execute("SELECT n, path FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if old:
        if not replace and not same_path(old[1], path):
            return "taken", {"n": old[0], "id": doc_id, "path": old[1]}
        n = old[0]
        for t in ("facts", "findings"):
            con.execute(f"DELETE FROM {t} WHERE doc = ?", (n,))
        con.execute("DELETE FROM shingles WHERE doc = ?", (n,))
        con.execute("DELETE FROM document_text WHERE rowid = ?", (n,))
        con.execute("UPDATE documents SET sha256 = ?, path = ?, kind = ?, size = ?, date = ?, title = ?, words = ?, "
                    "chain = NULL WHERE n = ?", (sha, path, kind, *values, n))
        return "replaced", {"n": n, "id": doc_id, "path": path, "previous_path": old[1]}
    cur = con.execute("INSERT INTO documents (id, sha256, path, kind, size, date, title, words) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (doc_id, sha, path, kind, *values))
    return "added", {"n": cur.lastrowid, "id": doc_id, "path": path}


def same_path(catalogued: str, path: str) -> bool:
    try:
        return Path(catalogued).resolve() == Path(path).resolve()
    except OSError:
        return catalogued == path


def put_text(con, n: int, title: str | None, text: str) -> None:
    """The text of document ``n`` for the full-text search (replacing any earlier one)."""
    if con.execute("SELECT 1 FROM document_text WHERE rowid = ?", (n,)).fetchone():
        con.execute("DELETE FROM document_text WHERE rowid = ?", (n,))
    con.execute("INSERT INTO document_text (rowid, title, text) VALUES (?, ?, ?)", (n, title or "", text))
