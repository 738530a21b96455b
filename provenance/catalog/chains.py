"""The copy-chain side of the catalog: distribution facts, queried by recipient or document.

``add_paths`` records each file once per content hash (adding the same file again changes
nothing; a changed file with the same id replaces its earlier version) with its copy-chain
facts and its text. Queries answer with the evidence quotes: "what did Molotov receive?" lists
every copy, excerpt and address naming Molotov, with the words of the document that say so.

The catalog is the one of :mod:`provenance.catalog.store`, shared with the corpus index: a
document catalogued by ``corpus index`` has its facts read here when a listing or a query
first needs them (:func:`fill_chain`). ``search`` is the full-text search over the texts.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from provenance.catalog.store import (
    SCHEMA_VERSION, catalog_errors, claim_document, open_catalog, put_text, same_path, transaction
)
from provenance.chain import document_facts
from provenance.chain.authority import NameAuthority
from provenance.chain.model import agent_name, excerpt_names, party_name, recipient_name
from provenance.document import load_document
from provenance.errors import InputError, ProvenanceError, UsageError, as_provenance_error
from provenance.fileio import TRANSCRIPTION_SUFFIXES, XML_SUFFIXES, expand_each, read_bytes, sha256_bytes, sha256_file
from provenance.vocab import DEFAULT_CATALOG, tool_header

DEFAULT_DB = DEFAULT_CATALOG

RECEIPT_KINDS = ("addressee", "copy", "excerpt", "extra-copy")


def connect(db_path, create: bool = True) -> sqlite3.Connection:
    """Open the catalog at ``db_path`` (created when missing, with ``create``); see
    :func:`provenance.catalog.store.open_catalog`."""
    return open_catalog(db_path, create=create)


def _ev(e: dict | None) -> tuple[str, int, int]:
    if not e:
        return "", -1, -1
    return e["quote"], e["start"], e["end"]


def fact_rows(doc: dict) -> list[dict]:
    """One row per statement of a document, each with its evidence."""
    rows = []

    def add(kind, agent, agent_raw, what, evidence, role=None, copy=None, points=None, channel=None, date=None,
            confidence=1.0):
        q, s, e = _ev(evidence)
        rows.append({"kind": kind, "role": role, "agent": agent, "agent_raw": agent_raw, "copy": copy,
                     "points": points, "channel": channel, "date": date, "confidence": confidence,
                     "what": what, "quote": q, "start": s, "end": e})

    header_names = set()
    for p in doc["correspondence"]["addressees"]:
        if p["source"] == "header" and party_name(p):
            header_names.add(party_name(p))
            add("addressee", party_name(p), p["raw"], f"addressed to {party_name(p)} (header)", p["evidence"],
                role="addressee", date=doc.get("date"), confidence=p["confidence"])
    for p in doc["correspondence"]["addressees"]:
        if p["source"] == "title" and party_name(p) and party_name(p) not in header_names:
            header_names.add(party_name(p))
            add("addressee", party_name(p), p["raw"], f"addressed to {party_name(p)} (title)", p["evidence"],
                role="addressee", date=doc.get("date"), confidence=p["confidence"])
    for p in doc["correspondence"]["senders"]:
        if party_name(p):
            add("sender", party_name(p), p["raw"], f"sent by {party_name(p)} ({p['source']})", p["evidence"], role="sender",
                confidence=p["confidence"])
    for c in doc["copies"]:
        label = c["number_raw"] if c["number"] is None or c["number_raw"].lower().startswith("copy") \
            else f"copy {c['number']} ({c['number_raw']})"
        who = recipient_name(c)
        if c["source"] == "extra":
            if who:
                add("extra-copy", who, c["recipient_raw"],
                    "a copy made outside the print run" + (f", at the instruction of {c['instructed_by']}"
                                                           if c.get("instructed_by") else ""),
                    c["evidence"], copy=None, date=c.get("date"), confidence=c["confidence"])
            continue
        if who:
            add("copy", who, c["recipient_raw"] or c["destination"], label, c["evidence"],
                copy=c["number"], confidence=c["confidence"])
        else:
            for cand in c["candidates"]:
                if cand:
                    add("copy", cand, c["destination"],
                        f"{label}, 'to the addressee': one of {len(c['candidates'])} possible addressees",
                        c["evidence"], copy=c["number"], confidence=c["confidence"])
    for e in doc["excerpts"]:
        pts = "everything" if e["points"] == ["all"] else "point " + ", ".join(e["points"] or [e["points_raw"]])
        note = " (ambiguous: see findings)" if e["status"] == "ambiguous" else \
            " (point does not exist)" if e["status"] == "missing" else ""
        recorded = excerpt_names(e)
        for name, raw in zip(recorded, e["recipients_raw"]):
            add("excerpt", name, raw, f"excerpt: {pts}{note}", e["evidence"], points=" ".join(e["points"]),
                channel=e["channel"], confidence=e["confidence"])
    for r in doc["roles"]:
        add("role", agent_name(r), r["agent_raw"],
            f"{r['role']}" + (f" {r['date']}" if r.get("date") else ""),
            r["evidence"], role=r["role"], date=r.get("date"), confidence=r["confidence"])
    for pl in doc["placements"]:
        add("placement", pl.get("owner_name") or pl.get("owner"), None, f"placed in the {pl['container']}",
            pl["evidence"],
            copy=pl.get("copy"), confidence=pl["confidence"])
    return rows


def _store_chain(con, n: int, doc: dict, findings: list[dict]) -> None:
    """The chain JSON, facts and findings of document ``n`` (inside the caller's transaction)."""
    con.execute("UPDATE documents SET chain = ? WHERE n = ?", (json.dumps(doc, sort_keys=True, ensure_ascii=False), n))
    con.executemany("INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [(n, r["kind"], r["role"], r["agent"], r["agent_raw"], r["copy"], r["points"], r["channel"],
                      r["date"], r["confidence"], r["what"], r["quote"], r["start"], r["end"]) for r in fact_rows(doc)])
    con.executemany("INSERT INTO findings VALUES (?,?,?,?,?,?,?,?)",
                    [(n, f["id"], f["code"], f["severity"], f["message"], *_ev(f["evidence"])) for f in findings])


def _read_chain(p: Path, auth: NameAuthority) -> tuple[dict, list[dict], str]:
    document = load_document(p)
    doc = document_facts(document, auth)
    findings = doc.pop("findings", [])
    return doc, findings, document.text


def add_paths(db_path, paths, names=(), authority: NameAuthority | None = None) -> dict:
    """Add files to the catalog; idempotent by content hash. Returns what happened to each file.

    Each file is one transaction: several processes may add to one catalog at once (a file
    another process catalogued meanwhile is reported unchanged).
    """
    with catalog_errors(db_path):
        return _add_paths(db_path, paths, names, authority)


def _add_paths(db_path, paths, names, authority) -> dict:
    auth = authority or NameAuthority.load(names)
    con = connect(db_path)
    out = {"tool": tool_header(), "db": str(db_path),
           "added": [], "unchanged": [], "replaced": [], "errors": []}
    try:
        files, unusable = expand_each(paths, TRANSCRIPTION_SUFFIXES | XML_SUFFIXES)
        batch: dict[str, Path] = {}  # document id -> the source it came from in this run
        for exc in unusable:  # a folder without such files: reported, the other inputs still added
            out["errors"].append({"path": exc.path or "", "message": str(exc), "exit_code": exc.exit_code})
        for p in files:
            p = Path(p)
            try:
                if not p.is_file():
                    raise InputError("no such file", str(p))
                sha = sha256_file(p)
            except ProvenanceError as exc:
                out["errors"].append({"path": str(p), "message": str(exc), "exit_code": exc.exit_code})
                continue
            except OSError as exc:
                out["errors"].append({"path": str(p), "message": f"{p}: cannot be read ({exc.strerror})",
                                      "exit_code": 3})
                continue
            other = batch.setdefault(p.stem, p)  # the document id is the file stem
            if not same_path(str(other), str(p)):  # two sources of one name in one run: never one over the other
                out["errors"].append({"path": str(p), "exit_code": 3,
                                      "message": f"{p}: has the same name as {other} (both would be document "
                                                 f"{p.stem}); rename one"})
                continue
            row = con.execute("SELECT id FROM documents WHERE sha256 = ? AND chain IS NOT NULL", (sha,)).fetchone()
            if row:
                out["unchanged"].append({"path": str(p), "id": row[0], "sha256": sha})
                continue
            try:  # the slow part, outside the transaction; one file never stops the batch
                doc, findings, text = _read_chain(p, auth)
            except Exception as exc:
                exc = as_provenance_error(exc, str(p))
                out["errors"].append({"path": str(p), "message": str(exc), "exit_code": exc.exit_code})
                continue
            sha = doc["sha256"]  # of the bytes actually read
            with transaction(con):
                status, row = claim_document(con, doc_id=doc["id"], sha=sha, path=str(p), kind=doc["kind"],
                                             replace=True, date=doc.get("date"), title=doc.get("title"),
                                             words=len(text.split()))
                if status != "unchanged" or con.execute("SELECT chain IS NULL FROM documents WHERE n = ?",
                                                        (row["n"],)).fetchone()[0]:
                    doc["id"] = row["id"]
                    _store_chain(con, row["n"], doc, findings)
                if status != "unchanged":
                    put_text(con, row["n"], doc.get("title"), text)
            entry = {"path": str(p), "id": row["id"], "sha256": sha}
            if status == "replaced" and not same_path(row["previous_path"], str(p)):
                entry["previous_path"] = row["previous_path"]
            out[status].append(entry)
    finally:
        con.close()
    return out


def fill_chain(con, names=(), authority: NameAuthority | None = None) -> list[str]:
    """Read the copy-chain facts of the catalogued documents that have none yet (those that
    ``corpus index`` catalogued), one transaction each. A source that changed or vanished since
    it was catalogued is not read; the warnings say so."""
    todo = con.execute("SELECT n, id, path, sha256 FROM documents WHERE chain IS NULL ORDER BY id").fetchall()
    if not todo:
        return []
    auth = authority or NameAuthority.load(names)
    warnings = []
    for n, doc_id, path, sha in todo:
        try:
            doc, findings, _text = _read_chain(Path(path), auth)
        except ProvenanceError as exc:
            warnings.append(f"{doc_id}: copy-chain facts not read: {exc}")
            continue
        if doc["sha256"] != sha:
            warnings.append(f"{path}: changed since it was catalogued; copy-chain facts not read "
                            "(add it again with `provenance catalog add`)")
            continue
        doc["id"] = doc_id  # the catalogued name (the same content may sit under another file name)
        with transaction(con):
            if con.execute("SELECT 1 FROM documents WHERE n = ? AND sha256 = ? AND chain IS NULL",
                           (n, sha)).fetchone():
                _store_chain(con, n, doc, findings)
    return warnings


def _document_ids(con, document: str) -> list[str]:
    """The catalogued ids that ``document`` names: the id itself, else the ids it begins (the
    file stem's first characters), else those whose content hash it begins."""
    if con.execute("SELECT 1 FROM documents WHERE id = ?", (document,)).fetchone():
        return [document]
    pattern = document.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    found = [r[0] for r in con.execute("SELECT id FROM documents WHERE id LIKE ? ESCAPE '\\' ORDER BY id",
                                       (pattern,)) if r[0].startswith(document)]
    if not found and len(document) >= 4:
        found = [r[0] for r in con.execute("SELECT id FROM documents WHERE sha256 LIKE ? ORDER BY id",
                                           (document.lower().replace("%", "").replace("_", "") + "%",))]
    return found


def _result(row) -> dict:
    keys = ("document", "path", "title", "date", "kind", "role", "agent", "agent_raw", "copy", "points",
            "channel", "confidence", "what", "quote", "start", "end")
    return dict(zip(keys, row))


_SELECT = """SELECT d.id, d.path, d.title, d.date, f.kind, f.role, f.agent, f.agent_raw, f.copy, f.points,
                    f.channel, f.confidence, f.what, f.quote, f.start, f."end"
             FROM facts f JOIN documents d ON d.n = f.doc"""


def _tool() -> dict:
    return tool_header()


def query(db_path, recipient: str | None = None, document: str | None = None, agent: str | None = None,
          names=(), authority: NameAuthority | None = None) -> dict:
    """What a recipient received, what an agent did, or every fact of a document, with evidence.

    Documents catalogued by ``corpus index`` only have their facts read first (``warnings``
    names those that could not be)."""
    if not any((recipient, document, agent)):
        raise UsageError("give --recipient, --agent or --document")
    if recipient and agent:  # a fact is either a receipt or a role: both together would match nothing
        raise UsageError("give --recipient or --agent, not both (either may be combined with --document)")
    auth = authority or NameAuthority.load(names)
    with catalog_errors(db_path):
        con = connect(db_path, create=False)
        try:
            warnings = fill_chain(con, authority=auth)
            return {**_query(con, auth, recipient, document, agent), "db": str(db_path), "warnings": warnings}
        finally:
            con.close()


def _query(con, auth, recipient, document, agent) -> dict:
    q = {"recipient": recipient, "agent": agent, "document": document}
    clauses, args = [], []
    normalized = {}
    for key, value in (("recipient", recipient), ("agent", agent)):
        if not value:
            continue
        ref = auth.resolve(value)
        name = ref.name or ref.cleaned or value.strip()
        normalized[key] = name
        kinds = RECEIPT_KINDS if key == "recipient" else ("role", "sender")
        clauses.append(f"f.agent = ? COLLATE NOCASE AND f.kind IN ({','.join('?' * len(kinds))})")
        args.extend([name, *kinds])
    doc_ids: list[str] = []
    if document:
        doc_ids = _document_ids(con, document)
        if not doc_ids:
            raise UsageError(f"no catalogued document is named {document!r} (by its file stem, the stem's "
                             "first characters or its content hash); `provenance catalog list` shows them")
        if len(doc_ids) > 1:
            raise UsageError(f"{document!r} names {len(doc_ids)} documents: " + ", ".join(doc_ids[:8])
                             + (", ..." if len(doc_ids) > 8 else "") + "; give more of the name")
        clauses.append("d.id = ?")
        args.append(doc_ids[0])
    sql = _SELECT + " WHERE " + " AND ".join(clauses) + " ORDER BY d.id, f.start, f.kind, f.agent"
    results = [_result(r) for r in con.execute(sql, args)]
    findings = []
    if document:
        fsql = """SELECT d.id, g.id, g.code, g.severity, g.message, g.quote, g.start, g."end"
                  FROM findings g JOIN documents d ON d.n = g.doc WHERE d.id = ? ORDER BY g.start, g.code"""
        for r in con.execute(fsql, (doc_ids[0],)):
            findings.append({"document": r[0], "id": r[1], "code": r[2], "severity": r[3], "message": r[4],
                             "quote": r[5], "start": r[6], "end": r[7]})
    docs = sorted({r["document"] for r in results})
    return {"tool": _tool(), "query": {k: v for k, v in q.items() if v}, "normalized": normalized,
            "count": len(results), "documents": docs, "results": results, "findings": findings}


def list_documents(db_path, names=(), authority: NameAuthority | None = None) -> dict:
    """Every catalogued document with its number of facts and findings (documents catalogued by
    ``corpus index`` only have their facts read first)."""
    with catalog_errors(db_path):
        con = connect(db_path, create=False)
        try:
            warnings = fill_chain(con, names, authority)
            rows = con.execute("""SELECT d.id, d.sha256, d.path, d.title, d.date, d.kind,
                                         (SELECT COUNT(*) FROM facts f WHERE f.doc = d.n),
                                         (SELECT COUNT(*) FROM findings g WHERE g.doc = d.n),
                                         d.chain IS NOT NULL,
                                         EXISTS (SELECT 1 FROM shingles s WHERE s.doc = d.n)
                                  FROM documents d ORDER BY d.id""").fetchall()
        finally:
            con.close()
    docs = [{"id": r[0], "sha256": r[1], "path": r[2], "title": r[3], "date": r[4], "kind": r[5],
             "facts": r[6], "findings": r[7], "chain_read": bool(r[8]), "indexed": bool(r[9])} for r in rows]
    return {"tool": _tool(), "db": str(db_path), "schema_version": SCHEMA_VERSION, "documents": docs,
            "warnings": warnings}


# --------------------------------------------------------------------------------------------
# full-text search

_WORD = re.compile(r"\w+")


def fill_text(con) -> list[str]:
    """Read the text of the catalogued documents the full-text search does not hold yet (those
    of a catalog migrated from the earlier layout), one transaction each."""
    todo = con.execute("""SELECT n, id, path, sha256, title FROM documents
                          WHERE n NOT IN (SELECT rowid FROM document_text) ORDER BY id""").fetchall()
    warnings = []
    for n, doc_id, path, sha, title in todo:
        try:
            data = read_bytes(path)
            if sha256_bytes(data) != sha:
                warnings.append(f"{path}: changed since it was catalogued; its text is not searched")
                continue
            text = load_document(path, data=data).text
        except ProvenanceError as exc:
            warnings.append(f"{doc_id}: text not read: {exc}")
            continue
        with transaction(con):
            if con.execute("SELECT 1 FROM documents WHERE n = ? AND sha256 = ?", (n, sha)).fetchone():
                put_text(con, n, title, text)
    return warnings


def _fts_query(text: str) -> str:
    """TEXT as an FTS5 query: every word must occur; "quoted words" are a phrase; a trailing *
    makes a prefix."""
    parts = []
    for m in re.finditer(r'"([^"]*)"|(\S+)', text):
        if m.group(1) is not None:
            words = _WORD.findall(m.group(1))
            if words:
                parts.append('"' + " ".join(words) + '"')
        else:
            tok = m.group(2)
            star = tok.endswith("*")
            parts.extend(f'"{w}"' for w in _WORD.findall(tok)[:-1])
            last = _WORD.findall(tok)[-1:]
            parts.extend(f'"{w}"' + ("*" if star else "") for w in last)
    return " ".join(parts)


def search(db_path, text: str, limit: int = 50) -> dict:
    """Documents whose title or text holds every word of ``text`` (SQLite FTS5, diacritics and
    case ignored; "quoted words" match as a phrase, ``word*`` as a prefix), best first, each
    with a snippet around the words found. Returns the ``catalog search --json`` payload
    (``schemas/catalog-search.schema.json``)."""
    match = _fts_query(text)
    if not match:
        raise UsageError(f"nothing to search for in {text!r} (give at least one word)")
    if limit < 1:
        raise UsageError(f"--limit must be at least 1 (got {limit})")
    with catalog_errors(db_path):
        con = connect(db_path, create=False)
        try:
            warnings = fill_text(con)
            total = con.execute("SELECT COUNT(*) FROM document_text WHERE document_text MATCH ?", (match,)).fetchone()[0]
            rows = con.execute("""SELECT d.id, d.title, d.date, d.kind, d.path,
                                         snippet(document_text, 1, '[', ']', ' ... ', 16), bm25(document_text)
                                  FROM document_text JOIN documents d ON d.n = document_text.rowid
                                  WHERE document_text MATCH ? ORDER BY bm25(document_text), d.id LIMIT ?""",
                               (match, limit)).fetchall()
        finally:
            con.close()
    results = [{"document": r[0], "title": r[1], "date": r[2], "kind": r[3], "path": r[4],
                "snippet": " ".join(r[5].split()), "rank": round(-r[6], 4)} for r in rows]
    return {"tool": _tool(), "db": str(db_path), "query": text, "match": match, "count": total,
            "results": results, "warnings": warnings}
