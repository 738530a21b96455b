"""A catalog of distribution facts in SQLite, queried by recipient or document.

``add_paths`` stores the facts of each file once per content hash (adding the same file again
changes nothing; a changed file with the same id replaces its earlier version). Queries
answer with the evidence quotes: "what did Molotov receive?" lists every copy, excerpt and
address naming Molotov, with the words of the document that say so.

Tables: ``documents`` (sha256, id, path, title, date, kind, facts JSON), ``facts`` (one row
per statement: kind, role, agent, agent_raw, copy, points, channel, confidence, quote,
start, end), ``findings``. The file is a plain SQLite database (default ``provenance.sqlite``).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from provenance import __version__
from provenance.chain.authority import NameAuthority
from provenance.chain.model import agent_name, excerpt_names, party_name, recipient_name
from provenance.errors import InputError, ProvenanceError, UsageError, as_provenance_error
from provenance.sqlitedb import open_catalog

DEFAULT_DB = "provenance.sqlite"
SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY, id TEXT NOT NULL, path TEXT NOT NULL, title TEXT, date TEXT,
    kind TEXT NOT NULL, facts TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_id ON documents(id);
CREATE TABLE IF NOT EXISTS facts (
    doc_sha TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    doc_id TEXT NOT NULL, kind TEXT NOT NULL, role TEXT, agent TEXT, agent_raw TEXT, copy INTEGER,
    points TEXT, channel TEXT, date TEXT, confidence REAL NOT NULL, what TEXT NOT NULL,
    quote TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS facts_agent ON facts(agent COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id);
CREATE TABLE IF NOT EXISTS findings (
    doc_sha TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    doc_id TEXT NOT NULL, id TEXT NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL,
    message TEXT NOT NULL, quote TEXT, start INTEGER, "end" INTEGER);
"""

RECEIPT_KINDS = ("addressee", "copy", "excerpt", "extra-copy")


def connect(db_path, create: bool = True) -> sqlite3.Connection:
    """Open (and create the tables of) the copy-chain catalog at ``db_path``; with ``create``
    false, read-only and only an existing copy-chain catalog (see ``sqlitedb.open_catalog``)."""
    return open_catalog(db_path, _DDL, "meta", str(SCHEMA_VERSION), foreign_keys=True, create=create,
                        what="copy-chain catalog", missing="run `provenance catalog add` first")


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


def add_paths(db_path, paths, names=(), authority: NameAuthority | None = None) -> dict:
    """Add files to the catalog; idempotent by content hash. Returns what happened to each file."""
    from provenance.chain import _doc_from_file
    from provenance.fileio import TRANSCRIPTION_SUFFIXES, XML_SUFFIXES, expand_each, sha256_file

    auth = authority or NameAuthority.load(names)
    con = connect(db_path)
    out = {"tool": {"name": "provenance", "version": __version__}, "db": str(db_path),
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
            if not _same_file(str(other), p):  # two sources of one name in one run: never one over the other
                out["errors"].append({"path": str(p), "exit_code": 3,
                                      "message": f"{p}: has the same name as {other} (both would be document "
                                                 f"{p.stem}); rename one"})
                continue
            row = con.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
            if row:
                out["unchanged"].append({"path": str(p), "id": row[0], "sha256": sha})
                continue
            try:
                doc = _doc_from_file(p, auth)
            except Exception as exc:  # one file never stops the batch
                exc = as_provenance_error(exc, str(p))
                out["errors"].append({"path": str(p), "message": str(exc), "exit_code": exc.exit_code})
                continue
            findings = doc.pop("findings", [])
            old_rows = con.execute("SELECT sha256, path FROM documents WHERE id = ?", (doc["id"],)).fetchall()
            old = [(sha_,) for sha_, _path in old_rows]
            with con:
                for (old_sha,) in old:
                    con.execute("DELETE FROM documents WHERE sha256 = ?", (old_sha,))
                con.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?)",
                            (sha, doc["id"], str(p), doc.get("title"), doc.get("date"), doc["kind"],
                             json.dumps(doc, sort_keys=True, ensure_ascii=False)))
                for r in fact_rows(doc):
                    con.execute("INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                (sha, doc["id"], r["kind"], r["role"], r["agent"], r["agent_raw"], r["copy"],
                                 r["points"], r["channel"], r["date"], r["confidence"], r["what"], r["quote"],
                                 r["start"], r["end"]))
                for f in findings:
                    q, s, e = _ev(f["evidence"])
                    con.execute("INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?)",
                                (sha, doc["id"], f["id"], f["code"], f["severity"], f["message"], q, s, e))
            entry = {"path": str(p), "id": doc["id"], "sha256": sha}
            if old and not all(_same_file(path, p) for _sha, path in old_rows):
                entry["previous_path"] = next(path for _sha, path in old_rows if not _same_file(path, p))
            (out["replaced"] if old else out["added"]).append(entry)
    finally:
        con.close()
    return out


def _same_file(catalogued: str, p: Path) -> bool:
    try:
        return Path(catalogued).resolve() == p.resolve()
    except OSError:
        return catalogued == str(p)


def _document_ids(con, document: str) -> list[str]:
    """The catalogued ids that ``document`` names: the id itself, else the ids it begins (the
    file stem's first characters), else those whose content hash it begins."""
    ids = [r[0] for r in con.execute("SELECT DISTINCT id FROM documents ORDER BY id")]
    if document in ids:
        return [document]
    found = [i for i in ids if i.startswith(document)]
    if not found and len(document) >= 4:
        found = [r[0] for r in con.execute("SELECT DISTINCT id FROM documents WHERE sha256 LIKE ? ORDER BY id",
                                           (document.lower().replace("%", "").replace("_", "") + "%",))]
    return found


def _result(row) -> dict:
    keys = ("document", "path", "title", "date", "kind", "role", "agent", "agent_raw", "copy", "points",
            "channel", "confidence", "what", "quote", "start", "end")
    return dict(zip(keys, row))


_SELECT = """SELECT f.doc_id, d.path, d.title, d.date, f.kind, f.role, f.agent, f.agent_raw, f.copy, f.points,
                    f.channel, f.confidence, f.what, f.quote, f.start, f."end"
             FROM facts f JOIN documents d ON d.sha256 = f.doc_sha"""


def query(db_path, recipient: str | None = None, document: str | None = None, agent: str | None = None,
          names=(), authority: NameAuthority | None = None) -> dict:
    """What a recipient received, what an agent did, or every fact of a document, with evidence."""
    if not any((recipient, document, agent)):
        raise UsageError("give --recipient, --agent or --document")
    if recipient and agent:  # a fact is either a receipt or a role: both together would match nothing
        raise UsageError("give --recipient or --agent, not both (either may be combined with --document)")
    con = connect(db_path, create=False)
    try:
        auth = authority or NameAuthority.load(names)
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
            clauses.append("f.doc_id = ?")
            args.append(doc_ids[0])
        sql = _SELECT + " WHERE " + " AND ".join(clauses) + " ORDER BY f.doc_id, f.start, f.kind, f.agent"
        results = [_result(r) for r in con.execute(sql, args)]
        findings = []
        if document:
            fsql = """SELECT doc_id, id, code, severity, message, quote, start, "end" FROM findings
                      WHERE doc_id = ? ORDER BY doc_id, start, code"""
            for r in con.execute(fsql, (doc_ids[0],)):
                findings.append({"document": r[0], "id": r[1], "code": r[2], "severity": r[3], "message": r[4],
                                 "quote": r[5], "start": r[6], "end": r[7]})
        docs = sorted({r["document"] for r in results})
    finally:
        con.close()
    return {"tool": {"name": "provenance", "version": __version__}, "db": str(db_path),
            "query": {k: v for k, v in q.items() if v}, "normalized": normalized,
            "count": len(results), "documents": docs, "results": results, "findings": findings}


def list_documents(db_path) -> dict:
    con = connect(db_path, create=False)
    try:
        rows = con.execute("""SELECT d.id, d.sha256, d.path, d.title, d.date, d.kind,
                                     (SELECT COUNT(*) FROM facts f WHERE f.doc_sha = d.sha256),
                                     (SELECT COUNT(*) FROM findings g WHERE g.doc_sha = d.sha256)
                              FROM documents d ORDER BY d.id""").fetchall()
    finally:
        con.close()
    docs = [{"id": r[0], "sha256": r[1], "path": r[2], "title": r[3], "date": r[4], "kind": r[5],
             "facts": r[6], "findings": r[7]} for r in rows]
    return {"tool": {"name": "provenance", "version": __version__}, "db": str(db_path), "documents": docs}
