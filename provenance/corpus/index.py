"""The corpus catalog: one row per document, with its shingles, in the SQLite file.

Tables (all prefixed ``corpus_``, so they live beside the copy-chain catalog in the same file,
``provenance.sqlite`` by default):

* ``corpus_meta`` (key, value): schema version, tokenizer version, discovery settings;
* ``corpus_documents``: id (the file stem), path, sha256, kind, size, date, title, words,
  the shingle hashes in reading order and the passages (little-endian uint32 blobs);
* ``corpus_pairs``: the related pairs of the last ``discover`` run (one JSON record each).

Indexing is incremental by content hash: a file whose SHA-256 is already catalogued under
the same path is not read again; a changed file replaces its row. A file that cannot be read
is reported and skipped, and the others are indexed.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import sqlite3
from pathlib import Path

from provenance import __version__
from provenance.corpus import shingle
from provenance.errors import InputError, ProvenanceError
from provenance.sqlitedb import open_catalog
from provenance.fileio import (
    MAX_TEXT_BYTES, TRANSCRIPTION_SUFFIXES, XML_SUFFIXES, decode_text, expand_each, parse_xml_bytes, read_bytes,
)

DEFAULT_DB = "provenance.sqlite"
SCHEMA_VERSION = "1"
SOURCE_SUFFIXES = TRANSCRIPTION_SUFFIXES | XML_SUFFIXES
MAX_BYTES = MAX_TEXT_BYTES

_DDL = """
CREATE TABLE IF NOT EXISTS corpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS corpus_documents (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    date TEXT,
    title TEXT,
    words INTEGER NOT NULL,
    shingles BLOB NOT NULL,
    passages BLOB NOT NULL,
    tokenizer TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS corpus_documents_sha ON corpus_documents(sha256);
CREATE TABLE IF NOT EXISTS corpus_pairs (
    a TEXT NOT NULL, b TEXT NOT NULL, similarity REAL NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (a, b));
"""

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({m[:3]: v for m, v in list(MONTHS.items())})
MONTHS["sept"] = 9
_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DATE = re.compile(
    rf"\b(?:{_MON}\s+(\d{{1,2}}),?\s+(\d{{4}})|(\d{{1,2}})\s+{_MON},?\s+(\d{{4}})|(\d{{4}})-(\d{{2}})-(\d{{2}}))\b",
    re.IGNORECASE)
#: How far into a text its date is looked for (characters).
DATE_WINDOW = 800
_CHROME = re.compile(r"^(skip to content|citation:?|summary:?|credits:?|contents:?)$", re.IGNORECASE)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def leading_date(text: str, window: int = DATE_WINDOW) -> str | None:
    """The first full date written near the top of ``text``, as YYYY-MM-DD ("April 29, 1945",
    "29 April 1945", "1945-04-29"), or None."""
    for m in _DATE.finditer(text, 0, min(len(text), window)):
        if m.group(1):
            iso = _iso(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        elif m.group(5):
            iso = _iso(int(m.group(6)), MONTHS[m.group(5).lower()], int(m.group(4)))
        else:
            iso = _iso(int(m.group(7)), int(m.group(8)), int(m.group(9)))
        if iso:
            return iso
    return None


def leading_title(text: str) -> str:
    """The first line of the text that is neither page chrome nor its date (at most 200 characters)."""
    for line in text.split("\n")[:40]:
        s = line.strip().strip("*#_ ").strip()
        if len(s) < 3 or _CHROME.match(s):
            continue
        if _DATE.fullmatch(s) or (len(s) < 30 and leading_date(s)):
            continue
        return s[:200]
    return ""


def read_document(path: str | Path, data: bytes | None = None) -> tuple[str, str, dict]:
    """(text, kind, meta) of a transcription (.txt) or a TEI file (.xml).

    A transcription's text is the file as read (``fileio.read_text`` rules); a TEI file's is
    its edition layer read back by ``textback.tei_to_text``, with the header's date and title.
    """
    p = Path(path)
    if data is None:
        data = read_bytes(p)
    if p.suffix.lower() in XML_SUFFIXES:
        return _read_tei(p, data)
    return decode_text(data, str(p)), "transcription", {}


def _read_tei(p: Path, data: bytes) -> tuple[str, str, dict]:
    from provenance import TEI_NS
    from provenance.textback import tei_to_text
    from provenance.witness import tei_meta

    tree = parse_xml_bytes(data, str(p))
    if tree.getroot().tag != f"{{{TEI_NS}}}TEI":
        raise InputError("is not a TEI document (its root element is not TEI)", str(p))
    text = tei_to_text(tree, "edition")
    if not text.strip():
        raise InputError("has no text in its TEI body", str(p))
    header = tei_meta(tree)
    meta = {}
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", header.get("date_iso", "")):
        meta["date"] = header["date_iso"]
    if header.get("title"):
        meta["title"] = header["title"][:200]
    return text, "tei", meta


def index_file(path: str, known_sha: str | None = None, k: int = shingle.DEFAULT_K) -> dict:
    """Read and shingle one file (run in a worker). Never raises for a bad file: the error is
    returned as ``{"status": "error", ...}``."""
    p = Path(path)
    try:
        data = read_bytes(p, MAX_BYTES)
        sha = hashlib.sha256(data).hexdigest()
        if sha == known_sha:
            return {"path": path, "status": "unchanged", "sha256": sha}
        text, kind, meta = read_document(p, data)
        seq, spans, nwords = shingle.document_shingles(text, k)
        if not len(seq):
            raise InputError("has no words", str(p))
        return {"path": path, "status": "read", "sha256": sha, "kind": kind, "size": len(data),
                "date": meta.get("date") or leading_date(text),
                "title": meta.get("title") or leading_title(text),
                "words": nwords, "shingles": shingle.to_blob(seq), "passages": shingle.to_blob(spans)}
    except ProvenanceError as exc:
        return {"path": path, "status": "error", "message": exc.message, "line": exc.line,
                "where": exc.path or path}
    except Exception as exc:  # one unreadable file never stops a batch
        return {"path": path, "status": "error", "message": f"internal error: {type(exc).__name__}: {exc}",
                "line": None, "where": path}


def index_batch(items: list[tuple[str, str | None]], k: int = shingle.DEFAULT_K) -> list[dict]:
    return [index_file(path, sha, k) for path, sha in items]


# --------------------------------------------------------------------------------------------
# the database


def connect(db_path, create: bool = True) -> sqlite3.Connection:
    """Open (and create the corpus tables of) the catalog at ``db_path``."""
    return open_catalog(db_path, _DDL, "corpus_meta", SCHEMA_VERSION, create=create, timeout=60)


def connect_readonly(db_path) -> sqlite3.Connection:
    """A read-only connection (workers read documents' shingles from the catalog file)."""
    uri = Path(db_path).resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=60)


def get_meta(con, key: str, default=None):
    row = con.execute("SELECT value FROM corpus_meta WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def set_meta(con, key: str, value) -> None:
    con.execute("INSERT OR REPLACE INTO corpus_meta VALUES (?, ?)", (key, json.dumps(value, sort_keys=True)))


def fingerprint(con) -> str:
    """A hash of the catalogued (id, sha256) pairs: changes whenever the corpus does."""
    h = hashlib.sha256()
    for doc_id, sha in con.execute("SELECT id, sha256 FROM corpus_documents ORDER BY id"):
        h.update(f"{doc_id}\t{sha}\n".encode())
    return h.hexdigest()


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def index_paths(paths, db_path=DEFAULT_DB, *, engine=None, progress=None, k: int = shingle.DEFAULT_K) -> dict:
    """Catalog every transcription and TEI file under ``paths`` into ``db_path``.

    Files already catalogued with the same content hash are skipped; broken files are listed
    under ``errors`` and skipped. ``engine`` (see :mod:`.engine`) spreads the reading and
    shingling; ``progress(stage, done, total)`` is called as batches finish.
    Returns the ``corpus index --json`` payload (``schemas/corpus-index.schema.json``).
    """
    from provenance.corpus.engine import LocalEngine

    files, unusable = expand_each(paths, SOURCE_SUFFIXES)
    errors: list[dict] = [{"path": e.path or "", "line": e.line, "message": str(e)} for e in unusable]
    resolved = sorted({str(Path(f).resolve()) for f in files})
    con = connect(db_path)
    try:
        tokenizer = f"{shingle.TOKENIZER_VERSION}-k{k}"
        known = {path: (doc_id, sha, tok) for doc_id, path, sha, tok in
                 con.execute("SELECT id, path, sha256, tokenizer FROM corpus_documents")}
        owner = {doc_id: path for path, (doc_id, _s, _t) in known.items()}
        items = []
        for path in resolved:
            prev = known.get(path)
            items.append((path, prev[1] if prev and prev[2] == tokenizer else None))
        own_engine = engine is None
        eng = engine or LocalEngine()
        size = max(8, min(256, len(items) // (4 * max(1, eng.workers)) or 8))
        batches = _batches(items, size)
        documents: list[dict] = []
        counts = {"new": 0, "updated": 0, "unchanged": 0}
        done = 0

        def store(results: list[dict]) -> None:
            nonlocal done
            with con:
                for r in results:
                    path = r["path"]
                    doc_id = Path(path).stem
                    if r["status"] == "error":
                        errors.append({"path": r["where"], "line": r["line"], "message": _error_line(r)})
                        continue
                    if owner.get(doc_id, path) != path:
                        errors.append({"path": path, "line": None, "message":
                                       f"{path}: document id {doc_id!r} is already taken by {owner[doc_id]}; "
                                       "skipped (document ids are file stems and must be unique)"})
                        continue
                    owner[doc_id] = path
                    if r["status"] == "unchanged":
                        counts["unchanged"] += 1
                        documents.append({"id": doc_id, "path": path, "sha256": r["sha256"], "status": "unchanged"})
                        continue
                    status = "updated" if path in known else "new"
                    counts[status] += 1
                    con.execute("DELETE FROM corpus_documents WHERE path = ?", (path,))
                    con.execute(
                        "INSERT INTO corpus_documents (id, path, sha256, kind, size, date, title, words, shingles,"
                        " passages, tokenizer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (doc_id, path, r["sha256"], r["kind"], r["size"], r["date"], r["title"], r["words"],
                         r["shingles"], r["passages"], tokenizer))
                    documents.append({"id": doc_id, "path": path, "sha256": r["sha256"], "status": status,
                                      "kind": r["kind"], "date": r["date"], "title": r["title"],
                                      "words": r["words"]})
            done += len(results)
            if progress:
                progress("index", done, len(items))

        if progress:
            progress("index", 0, len(items))
        try:
            eng.map(index_batch, batches, k, on_result=store)
        finally:
            if own_engine:
                eng.close()
        with con:
            set_meta(con, "tokenizer", tokenizer)
        total = con.execute("SELECT COUNT(*) FROM corpus_documents").fetchone()[0]
    finally:
        con.close()
    documents.sort(key=lambda d: d["id"])
    errors.sort(key=lambda e: (e["path"], e["message"]))
    return {
        "tool": {"name": "provenance", "version": __version__},
        "db": str(db_path),
        "documents": documents,
        "errors": errors,
        "summary": {"files": len(resolved), "new": counts["new"], "updated": counts["updated"],
                    "unchanged": counts["unchanged"], "errors": len(errors), "catalogued": total},
    }


def _error_line(r: dict) -> str:
    where = r.get("where") or r["path"]
    if r.get("line"):
        where += f":{r['line']}"
    return f"{where}: {r['message']}"


def load_documents(con) -> list[dict]:
    """The catalogued documents (without their shingles), sorted by id."""
    rows = con.execute("SELECT n, id, path, sha256, kind, size, date, title, words, length(shingles) / 4 "
                       "FROM corpus_documents ORDER BY id").fetchall()
    keys = ("n", "id", "path", "sha256", "kind", "size", "date", "title", "words", "shingles")
    return [dict(zip(keys, r)) for r in rows]
