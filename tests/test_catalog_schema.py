"""The one catalog schema: migration from the two-table layout, refusal of a newer catalog,
a file corrupt past its header, full-text search and the views."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from conftest import SEED, SOURCES, run_cli
from provenance.chain import document_facts
from provenance.document import load_document
from provenance.chain.authority import NameAuthority
from provenance.catalog.chains import add_paths, fact_rows, list_documents, query, search
from provenance.corpus import audit_corpus, discover, index_paths
from provenance.corpus.index import index_file, tokenizer_name
from provenance.resources import json_errors
from provenance.catalog.store import SCHEMA_VERSION

# The layout the catalog had before one schema (user_version 0): the copy-chain catalog's
# tables and the corpus index's, side by side in one file, as the code of that layout wrote them.
V1_CHAIN = """
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
V1_CORPUS = """
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


def _v1_catalog(db, chain_keys=("000", "001", "002", "003", "004"), corpus_keys=("002", "004")):
    """A catalog of the earlier layout: the copy-chain catalog of ``chain_keys``, the corpus
    index of ``corpus_keys`` with one stored pair, as the earlier code stored them."""
    con = sqlite3.connect(db)
    con.executescript(V1_CHAIN + V1_CORPUS)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO corpus_meta VALUES ('schema_version', '\"1\"')")
    auth = NameAuthority.load(())
    facts = 0
    for key in chain_keys:
        doc = document_facts(load_document(SEED[key]), auth)
        findings = doc.pop("findings", [])
        sha = doc["sha256"]
        con.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?)",
                    (sha, doc["id"], str(SEED[key]), doc.get("title"), doc.get("date"), doc["kind"],
                     json.dumps(doc, sort_keys=True)))
        for r in fact_rows(doc):
            facts += 1
            con.execute("INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (sha, doc["id"], r["kind"], r["role"], r["agent"], r["agent_raw"], r["copy"], r["points"],
                         r["channel"], r["date"], r["confidence"], r["what"], r["quote"], r["start"], r["end"]))
        for f in findings:
            ev = f["evidence"] or {"quote": "", "start": -1, "end": -1}
            con.execute("INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?)",
                        (sha, doc["id"], f["id"], f["code"], f["severity"], f["message"], ev["quote"], ev["start"],
                         ev["end"]))
    for key in corpus_keys:
        r = index_file(str(SEED[key]))
        con.execute("INSERT INTO corpus_documents (id, path, sha256, kind, size, date, title, words, shingles, "
                    "passages, tokenizer) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (SEED[key].stem, str(SEED[key]), r["sha256"], r["kind"], r["size"], r["date"], r["title"],
                     r["words"], r["shingles"], r["passages"], tokenizer_name()))
    con.execute("INSERT INTO corpus_meta VALUES ('tokenizer', ?)", (json.dumps(tokenizer_name()),))
    a, b = sorted((SEED["002"].stem, SEED["004"].stem))
    con.execute("INSERT INTO corpus_pairs VALUES (?, ?, 0.5, ?)", (a, b, json.dumps({"a": a, "b": b})))
    con.commit()
    con.close()
    return facts


def test_a_catalog_of_the_two_table_layout_is_migrated(tmp_path):
    db = tmp_path / "old.sqlite"
    n_facts = _v1_catalog(db)
    listing = list_documents(db)  # the first use migrates
    assert listing["schema_version"] == SCHEMA_VERSION and listing["warnings"] == []
    assert [d["id"][:3] for d in listing["documents"]] == ["000", "001", "002", "003", "004"]
    by_id = {d["id"][:3]: d for d in listing["documents"]}
    assert sum(d["facts"] for d in listing["documents"]) == n_facts
    assert {k for k, d in by_id.items() if d["indexed"]} == {"002", "004"}  # the shingles came along
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not any(t.startswith(("corpus_", "v1_")) for t in tables)
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5  # 002 and 004 once each
    assert con.execute("SELECT COUNT(*) FROM related_pairs").fetchone()[0] == 1
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    res = query(db, recipient="Molotov")
    assert sorted({d[:3] for d in res["documents"]}) == ["000", "001", "002", "003"]
    # discovery reads the migrated shingles and indexes the three it lacks from their sources
    found = discover(db, store=False)
    assert found["warnings"] == []
    assert {(p["a"][:3], p["b"][:3]) for p in found["pairs"]} == {("002", "004")}
    # the texts of migrated documents are read for the search when it first needs them
    hits = search(db, "Ili District")
    assert json_errors(hits, "catalog-search.schema.json") == []
    assert {r["document"][:3] for r in hits["results"]} >= {"002", "004"}


def test_a_corpus_only_catalog_of_the_earlier_layout_is_migrated(tmp_path):
    db = tmp_path / "old.sqlite"
    _v1_catalog(db, chain_keys=())
    docs = list_documents(db)["documents"]  # reads the copy-chain facts of both
    assert [(d["id"][:3], d["indexed"], d["chain_read"]) for d in docs] == [("002", True, True), ("004", True, True)]


def test_a_newer_catalog_is_refused_with_one_line(tmp_path):
    db = tmp_path / "new.sqlite"
    add_paths(db, [SEED["000"]])
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    before = db.read_bytes()
    for args in (("catalog", "list"), ("catalog", "add", SEED["001"]), ("corpus", "index", SEED["001"]),
                 ("corpus", "discover"), ("catalog", "search", "Molotov"), ("catalog", "query", "--document", "000")):
        r = run_cli(*args, "--db", db)
        assert r.returncode == 3, (args, r.stderr)
        assert r.stderr.splitlines() == [f"Error: {db}: is a catalog of a newer version of provenance (schema "
                                         f"{SCHEMA_VERSION + 1}; this version reads schema {SCHEMA_VERSION} and "
                                         "earlier); upgrade provenance"], args
    assert db.read_bytes() == before


def test_a_catalog_corrupt_past_its_header_is_one_line(tmp_path):
    db = tmp_path / "c.sqlite"
    add_paths(db, [SOURCES])
    index_paths([SOURCES], db)
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    assert len(data) > 6 * page
    for off in range(2 * page, len(data), page):  # every page but the first two: tables and indexes
        data[off:off + page] = b"\x5a" * page
    db.write_bytes(bytes(data))
    for args in (("catalog", "list"), ("catalog", "query", "--recipient", "Molotov"), ("corpus", "discover"),
                 ("catalog", "search", "Molotov"), ("catalog", "add", SEED["000"])):
        r = run_cli(*args, "--db", db)
        assert r.returncode == 3, (args, r.stderr)
        lines = r.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: {db}: "), (args, r.stderr)
        assert "internal error" not in lines[0] and "Traceback" not in r.stderr


def test_full_text_search_cli(tmp_path):
    db = tmp_path / "c.sqlite"
    assert run_cli("catalog", "add", SOURCES, "--db", db).returncode == 0
    r = run_cli("catalog", "search", '"Special Folder"', "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert json_errors(out, "catalog-search.schema.json") == []
    assert out["count"] >= 1 and all("[special folder]" in x["snippet"].lower() for x in out["results"])
    # every word must occur, in any order; case and diacritics ignored; a prefix with *
    both = json.loads(run_cli("catalog", "search", "xinjiang ILI", "--db", db, "--json").stdout)
    assert {x["document"][:3] for x in both["results"]} >= {"002", "004"}
    pre = json.loads(run_cli("catalog", "search", "Xinji*", "--db", db, "--json").stdout)
    assert pre["count"] >= both["count"]
    none = run_cli("catalog", "search", "zzzunheardofword", "--db", db, "--json")
    assert none.returncode == 0 and json.loads(none.stdout)["count"] == 0
    text = run_cli("catalog", "search", "Molotov", "--db", db)
    assert "documents match" in text.stderr and "[Molotov]" in text.stdout
    bad = run_cli("catalog", "search", "  ...  ", "--db", db)
    assert bad.returncode == 2 and bad.stderr.startswith("Error: nothing to search for")
    # a document replaced by a changed version is searched in its new text only
    changed = tmp_path / SEED["003"].name
    shutil.copy(SEED["003"], changed)
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA note on zanzibarian grain.\n", encoding="utf-8")
    assert run_cli("catalog", "add", changed, "--db", db).returncode == 0
    hit = json.loads(run_cli("catalog", "search", "zanzibarian", "--db", db, "--json").stdout)
    assert [x["document"] for x in hit["results"]] == [SEED["003"].stem]


def test_views_read_naturally(tmp_path):
    db = tmp_path / "c.sqlite"
    add_paths(db, [SOURCES])
    discover(db)  # shingles the documents, stores the pair
    con = sqlite3.connect(db)
    copies = con.execute("SELECT document, copy, recipient, quote FROM copies WHERE recipient = 'Molotov'").fetchall()
    assert (SEED["000"].stem, 4, "Molotov", "Copy N° 4 - to Molotov") in copies
    roles = con.execute("SELECT document, role, agent FROM roles WHERE agent = 'Mamulov'").fetchall()
    assert roles == [(SEED["003"].stem, "drafted", "Mamulov")]
    excerpts = con.execute("SELECT document, recipient FROM excerpts").fetchall()
    assert (SEED["002"].stem, "Bulganin") in excerpts
    assert con.execute("SELECT COUNT(*) FROM placements").fetchone()[0] >= 1
    units = con.execute("SELECT document, repository, fond FROM archival_units").fetchall()
    assert units and all(u[1] for u in units)
    pair = con.execute("SELECT document_a, document_b, made_from, made_into, rule FROM related_pairs").fetchall()
    assert pair == [(*sorted((SEED["002"].stem, SEED["004"].stem)), SEED["004"].stem, SEED["002"].stem, "dates")]
    overview = con.execute("SELECT COUNT(*) FROM document_overview WHERE chain_read AND indexed").fetchone()[0]
    assert overview == 5
    audit_corpus(db, tmp_path / "out")
    (div,) = con.execute("SELECT document_a, document_b, base, report, divergences, substantive FROM divergences")
    assert div[2] == SEED["004"].stem and (tmp_path / "out" / div[3]).is_file() and div[4] >= div[5] > 0
    # foreign keys hold the facts to their documents
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = {r[2] for t in ("facts", "findings", "shingles", "pairs", "audits")
           for r in con.execute(f"PRAGMA foreign_key_list({t})")}
    assert fks == {"documents"}
    plans = " ".join(r[3] for r in con.execute(
        "EXPLAIN QUERY PLAN SELECT (SELECT COUNT(*) FROM facts f WHERE f.doc = d.n) FROM documents d"))
    assert "facts_doc" in plans  # the listing looks facts up by index, not by scanning them
    con.close()


@pytest.mark.parametrize("first", ["catalog", "corpus"])
def test_one_row_per_document_whichever_command_came_first(tmp_path, first):
    db = tmp_path / "c.sqlite"
    steps = [lambda: add_paths(db, [SOURCES]), lambda: index_paths([SOURCES], db)]
    for step in steps if first == "catalog" else steps[::-1]:
        step()
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*), COUNT(DISTINCT id), COUNT(chain) FROM documents").fetchone() == (5, 5, 5)
    assert con.execute("SELECT COUNT(*) FROM shingles").fetchone()[0] == 5
    assert con.execute("SELECT COUNT(*) FROM document_text").fetchone()[0] == 5
    con.close()
