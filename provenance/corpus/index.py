"""The corpus side of the catalog: each document's shingles, for discovery.

Documents live in the one catalog of :mod:`provenance.catalog.store` (``provenance.sqlite`` by
default), shared with ``catalog add``: ``index_paths`` records each file once per content hash
with its shingle hashes in reading order and its passages (table ``shingles``) and its text
(the full-text search); a document that ``catalog add`` recorded is shingled here, or by
``corpus discover`` when it first needs it (:func:`index_missing`).

Indexing is incremental by content hash: a file whose SHA-256 is already indexed is not read
again; a changed file replaces its row. A file that cannot be read is reported and skipped, and
the others are indexed. A file whose name (the document id) is held by another file with other
content is skipped and reported as a conflict. Each file is one transaction.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import sqlite3
from pathlib import Path

from provenance.catalog.store import (  # noqa: F401 (connect_readonly, get_meta: read through this module)
    catalog_errors, claim_document, connect_readonly, get_meta, open_catalog, put_text, set_meta, transaction
)
from provenance.corpus import shingle
from provenance.corpus.engine import LocalEngine
from provenance.document import Document, load_document
from provenance.errors import InputError, ProvenanceError
from provenance.fileio import MAX_TEXT_BYTES, TRANSCRIPTION_SUFFIXES, XML_SUFFIXES, expand_each, read_bytes
from provenance.vocab import DEFAULT_CATALOG, tool_header

DEFAULT_DB = DEFAULT_CATALOG
SOURCE_SUFFIXES = TRANSCRIPTION_SUFFIXES | XML_SUFFIXES
MAX_BYTES = MAX_TEXT_BYTES

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


def document_fields(doc: Document) -> tuple[str, dict]:
    """(text, meta) of a Document as the index records it: a TEI file's header gives its date
    (ISO) and title when it has them."""
    meta = {}
    if doc.kind == "tei":
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.header.get("date_iso", "")):
            meta["date"] = doc.header["date_iso"]
        if doc.header.get("title"):
            meta["title"] = doc.header["title"][:200]
    return doc.text, meta


def index_file(path: str, known_sha: str | None = None, k: int = shingle.DEFAULT_K) -> dict:
    """Read and shingle one file (run in a worker). Never raises for a bad file: the error is
    returned as ``{"status": "error", ...}``."""
    p = Path(path)
    try:
        data = read_bytes(p, MAX_BYTES)
        sha = hashlib.sha256(data).hexdigest()
        if sha == known_sha:
            return {"path": path, "status": "unchanged", "sha256": sha}
        doc = load_document(p, data=data)
        text, meta = document_fields(doc)
        kind = doc.kind
        seq, spans, nwords = shingle.document_shingles(text, k)
        if not len(seq):
            raise InputError("has no words", str(p))
        return {"path": path, "status": "read", "sha256": sha, "kind": kind, "size": len(data),
                "date": meta.get("date") or leading_date(text),
                "title": meta.get("title") or leading_title(text),
                "words": nwords, "shingles": shingle.to_blob(seq), "passages": shingle.to_blob(spans), "text": text}
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
    """Open the catalog at ``db_path`` (see :func:`provenance.catalog.store.open_catalog`)."""
    return open_catalog(db_path, create=create)


def fingerprint(con) -> str:
    """A hash of the catalogued (id, sha256) pairs: changes whenever the corpus does."""
    h = hashlib.sha256()
    for doc_id, sha in con.execute("SELECT id, sha256 FROM documents ORDER BY id"):
        h.update(f"{doc_id}\t{sha}\n".encode())
    return h.hexdigest()


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def tokenizer_name(k: int = shingle.DEFAULT_K) -> str:
    return f"{shingle.TOKENIZER_VERSION}-k{k}"


def _store_shingles(con, n: int, r: dict, tokenizer: str, counts: bool = True) -> None:
    con.execute("INSERT INTO shingles VALUES (?, ?, ?, ?) ON CONFLICT(doc) DO UPDATE SET "
                "tokenizer = excluded.tokenizer, shingles = excluded.shingles, passages = excluded.passages",
                (n, tokenizer, r["shingles"], r["passages"]))
    if counts:  # the row was recorded by another command: the counts are the index's
        con.execute("UPDATE documents SET words = ?, size = ? WHERE n = ?", (r["words"], r["size"], n))


def _store_texts(con, texts: list[tuple[int, str, dict]]) -> None:
    """The texts of a batch of documents for the full-text search, in one transaction after
    their own (the full-text index pays for every commit; a text is only written while its
    document still holds that content). A text lost to a crash between the two is read again
    when ``catalog search`` first needs it."""
    if not texts:
        return
    with transaction(con):
        for n, sha, r in texts:
            if con.execute("SELECT 1 FROM documents WHERE n = ? AND sha256 = ?", (n, sha)).fetchone() and \
                    not con.execute("SELECT 1 FROM document_text WHERE rowid = ?", (n,)).fetchone():
                put_text(con, n, r["title"], r["text"])


def _lighten(results: list[dict]) -> None:
    """Drop the stored parts of results the engine keeps until the end of the run."""
    for r in results:
        for key in ("shingles", "passages", "text"):
            r.pop(key, None)


def _indexed(con, tokenizer: str) -> dict[str, tuple[str, str]]:
    """path (absolute) -> (id, sha256) of the documents indexed with ``tokenizer``."""
    out = {}
    for doc_id, path, sha in con.execute("SELECT d.id, d.path, d.sha256 FROM documents d JOIN shingles s "
                                         "ON s.doc = d.n WHERE s.tokenizer = ?", (tokenizer,)):
        out[path if Path(path).is_absolute() else str(Path(path).resolve())] = (doc_id, sha)
    return out


def index_paths(paths, db_path=DEFAULT_DB, *, engine=None, progress=None, k: int = shingle.DEFAULT_K) -> dict:
    """Catalog every transcription and TEI file under ``paths`` into ``db_path``.

    Files already indexed with the same content hash are skipped; broken files are listed
    under ``errors``, files whose name another file holds under ``conflicts``, and skipped.
    ``engine`` (see :mod:`.engine`) spreads the reading and shingling; ``progress(stage, done,
    total)`` is called as batches finish. Returns the ``corpus index --json`` payload
    (``schemas/corpus-index.schema.json``).
    """
    with catalog_errors(db_path):
        return _index_paths(paths, db_path, engine, progress, k)


def _index_paths(paths, db_path, engine, progress, k) -> dict:
    files, unusable = expand_each(paths, SOURCE_SUFFIXES)
    errors: list[dict] = [{"path": e.path or "", "line": e.line, "message": str(e)} for e in unusable]
    conflicts: list[dict] = []
    resolved = sorted({str(Path(f).resolve()) for f in files})
    con = connect(db_path)
    try:
        tokenizer = tokenizer_name(k)
        known = _indexed(con, tokenizer)
        items = [(path, known[path][1] if path in known else None) for path in resolved]
        own_engine = engine is None
        eng = engine or LocalEngine()
        size = max(8, min(256, len(items) // (4 * max(1, eng.workers)) or 8))
        batches = _batches(items, size)
        documents: list[dict] = []
        counts = {"new": 0, "updated": 0, "unchanged": 0}
        done = 0

        def store(results: list[dict]) -> None:
            nonlocal done
            texts = []
            for r in results:
                path = r["path"]
                doc_id = Path(path).stem
                if r["status"] == "error":
                    errors.append({"path": r["where"], "line": r["line"], "message": _error_line(r)})
                    continue
                if r["status"] == "unchanged":
                    counts["unchanged"] += 1
                    documents.append({"id": known[path][0], "path": path, "sha256": r["sha256"],
                                      "status": "unchanged"})
                    continue
                with transaction(con):  # one file, one transaction
                    claim, row = claim_document(con, doc_id=doc_id, sha=r["sha256"], path=path, kind=r["kind"],
                                                replace=False, size=r["size"], date=r["date"], title=r["title"],
                                                words=r["words"])
                    if claim == "taken":
                        conflicts.append({"path": path, "id": doc_id, "held_by": row["path"], "message":
                                          f"{path}: document id {doc_id!r} is already taken by {row['path']} "
                                          "(other content); skipped (document ids are file stems and must be "
                                          "unique)"})
                        continue
                    if claim == "unchanged":
                        has = con.execute("SELECT tokenizer FROM shingles WHERE doc = ?", (row["n"],)).fetchone()
                        if has and has[0] == tokenizer:
                            status = "unchanged"
                        else:
                            status = "new"  # catalogued by `catalog add`: new to the index
                            _store_shingles(con, row["n"], r, tokenizer)
                    else:
                        status = "updated" if claim == "replaced" else "new"
                        _store_shingles(con, row["n"], r, tokenizer, counts=False)
                    texts.append((row["n"], r["sha256"], r))
                counts[status] += 1
                doc = {"id": row["id"], "path": path, "sha256": r["sha256"], "status": status}
                if status != "unchanged":
                    doc.update({"kind": r["kind"], "date": r["date"], "title": r["title"], "words": r["words"]})
                documents.append(doc)
            _store_texts(con, texts)
            _lighten(results)
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
        with transaction(con):
            set_meta(con, "tokenizer", tokenizer)
        total = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    finally:
        con.close()
    documents.sort(key=lambda d: (d["id"], d["path"]))
    errors.sort(key=lambda e: (e["path"], e["message"]))
    conflicts.sort(key=lambda e: e["path"])
    return {
        "tool": tool_header(),
        "db": str(db_path),
        "documents": documents,
        "errors": errors,
        "conflicts": conflicts,
        "summary": {"files": len(resolved), "new": counts["new"], "updated": counts["updated"],
                    "unchanged": counts["unchanged"], "errors": len(errors), "conflicts": len(conflicts),
                    "catalogued": total},
    }


def index_missing(con, db_path, *, engine, progress=None, k: int = shingle.DEFAULT_K) -> list[str]:
    """Shingle the catalogued documents that are not indexed with the current tokenizer yet
    (those that ``catalog add`` catalogued, or an earlier tokenizer indexed), from their sources.
    A source that changed or vanished since is left out of discovery; the warnings say so."""
    tokenizer = tokenizer_name(k)
    todo = con.execute("""SELECT d.n, d.path, d.sha256 FROM documents d LEFT JOIN shingles s ON s.doc = d.n
                          WHERE s.tokenizer IS NOT ? ORDER BY d.id""", (tokenizer,)).fetchall()
    if not todo:
        return []
    want = {}
    for n, path, sha in todo:
        want[str(Path(path).resolve())] = (n, sha)
    warnings = []
    done = {"n": 0}
    size = max(8, min(256, len(want) // (4 * max(1, engine.workers)) or 8))

    def store(results: list[dict]) -> None:
        texts = []
        for r in results:
            n, sha = want[r["path"]]
            if r["status"] == "error":
                warnings.append(f"{_error_line(r)}; left out of discovery")
            elif r["sha256"] != sha:
                warnings.append(f"{r['path']}: changed since it was catalogued; left out of discovery "
                                "(run `provenance corpus index` on it again)")
            else:
                with transaction(con):
                    if con.execute("SELECT 1 FROM documents WHERE n = ? AND sha256 = ?", (n, sha)).fetchone():
                        _store_shingles(con, n, r, tokenizer)
                        texts.append((n, sha, r))
        _store_texts(con, texts)
        _lighten(results)
        done["n"] += len(results)
        if progress:
            progress("index", done["n"], len(want))

    if progress:
        progress("index", 0, len(want))
    engine.map(index_batch, _batches([(p, None) for p in sorted(want)], size), k, on_result=store)
    with transaction(con):
        set_meta(con, "tokenizer", tokenizer)
    return warnings


def _error_line(r: dict) -> str:
    where = r.get("where") or r["path"]
    if r.get("line"):
        where += f":{r['line']}"
    return f"{where}: {r['message']}"


def load_documents(con, tokenizer: str | None = None) -> list[dict]:
    """The indexed documents (without their shingles), sorted by id: those indexed with
    ``tokenizer`` when given."""
    rows = con.execute("SELECT d.n, d.id, d.path, d.sha256, d.kind, d.size, d.date, d.title, d.words, "
                       "length(s.shingles) / 4 FROM documents d JOIN shingles s ON s.doc = d.n "
                       "WHERE ? IS NULL OR s.tokenizer = ? ORDER BY d.id", (tokenizer, tokenizer)).fetchall()
    keys = ("n", "id", "path", "sha256", "kind", "size", "date", "title", "words", "shingles")
    return [dict(zip(keys, r)) for r in rows]
