"""The SQLite catalog across the five seeds: "what did Molotov receive?"."""

from __future__ import annotations

import json
import shutil
import sqlite3

from provenance.catalog.chains import add_paths, list_documents, query
from provenance.resources import json_errors

from conftest import SEED, SOURCES, run_cli, same_name_sources


def test_what_did_molotov_receive(tmp_path):
    db = tmp_path / "cat.sqlite"
    rep = add_paths(db, [SOURCES])
    assert len(rep["added"]) == 5 and json_errors(rep, "catalog.schema.json") == []
    res = query(db, recipient="Molotov")
    assert json_errors(res, "catalog.schema.json") == []
    by_doc = {}
    for r in res["results"]:
        by_doc.setdefault(r["document"][:3], []).append(r)
    # 004 (Beria and Vyshinsky to Stalin) gives Molotov nothing
    assert sorted(by_doc) == ["000", "001", "002", "003"]
    assert [(r["kind"], r["copy"]) for r in by_doc["000"]] == [("copy", 4)]
    assert by_doc["000"][0]["quote"] == "Copy N° 4 - to Molotov"
    assert ("addressee", "to Cde. MOLOTOV.") in [(r["kind"], r["quote"]) for r in by_doc["001"]]
    assert [(r["kind"], r["what"]) for r in by_doc["002"]] == [("excerpt", "excerpt: everything")]
    assert by_doc["002"][0]["quote"] == "Cdes. Molotov and Beria - everything"
    kinds_003 = {(r["kind"], r["copy"]) for r in by_doc["003"]}
    assert kinds_003 == {("addressee", None), ("copy", 1)}
    # every answer carries the words of the document
    for r in res["results"]:
        assert r["quote"] and r["start"] >= 0


def test_idempotent_by_content_hash(tmp_path):
    db = tmp_path / "cat.sqlite"
    add_paths(db, [SOURCES])
    con = sqlite3.connect(db)
    n_facts = con.execute("SELECT COUNT(*) FROM facts").fetchone()[0]
    con.close()
    rep = add_paths(db, [SOURCES])
    assert rep["added"] == [] and len(rep["unchanged"]) == 5
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM facts").fetchone()[0] == n_facts
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5
    con.close()
    # a changed file with the same id replaces the old version
    copy = tmp_path / SEED["003"].name
    shutil.copy(SEED["003"], copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("1 – to Cde Molotov", "1 – to Cde Bulganin"),
                    encoding="utf-8")
    rep = add_paths(db, [copy])
    assert [f["id"] for f in rep["replaced"]] == [SEED["003"].stem]
    assert rep["replaced"][0]["previous_path"] == str(SEED["003"])  # said, not silent
    res = query(db, recipient="Molotov", document="003")
    assert {r["kind"] for r in res["results"]} == {"addressee"}
    assert len(list_documents(db)["documents"]) == 5


def test_query_by_document_and_agent(tmp_path):
    db = tmp_path / "cat.sqlite"
    add_paths(db, [SOURCES])
    res = query(db, document="004")
    assert res["documents"] == [SEED["004"].stem]
    assert {f["code"] for f in res["findings"]} >= {"copy-number-impossible", "copy-outside-print-run"}
    res = query(db, agent="Cde. Mamulov")
    assert [(r["document"][:3], r["role"]) for r in res["results"]] == [("003", "drafted")]


def test_cli_catalog_and_query(tmp_path):
    db = tmp_path / "c.sqlite"
    r = run_cli("catalog", "add", SOURCES, "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    assert json_errors(json.loads(r.stdout), "catalog.schema.json") == []
    r = run_cli("catalog", "query", "--recipient", "Cde. V. M. MOLOTOV", "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert json_errors(out, "catalog.schema.json") == []
    assert out["normalized"] == {"recipient": "Molotov"}
    assert len(out["documents"]) == 4
    r = run_cli("catalog", "query", "--recipient", "Molotov", "--db", db)
    assert '"Copy N° 4 - to Molotov"' in r.stdout
    r = run_cli("catalog", "list", "--db", db, "--json")
    assert json_errors(json.loads(r.stdout), "catalog.schema.json") == []
    # default file name in the working directory
    r = run_cli("catalog", "add", SEED["000"], cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "provenance.sqlite").exists()


def test_cli_catalog_errors(tmp_path):
    bad = tmp_path / "not.sqlite"
    bad.write_text("hello")
    r = run_cli("catalog", "add", SEED["000"], "--db", bad)
    assert r.returncode == 3 and r.stderr.startswith("Error: ") and "Traceback" not in r.stderr
    r = run_cli("catalog", "query", "--recipient", "Molotov", "--db", tmp_path / "none.sqlite")
    assert r.returncode == 3 and "no such catalog" in r.stderr
    r = run_cli("catalog", "query", "--db", tmp_path / "none.sqlite")
    assert r.returncode == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    db = tmp_path / "c.sqlite"
    r = run_cli("catalog", "add", SEED["000"], empty, "--db", db)
    assert r.returncode == 3 and "empty.txt" in r.stderr
    assert len(list_documents(db)["documents"]) == 1  # the good file went in


def test_two_sources_of_one_name_in_one_run_are_not_catalogued_over_each_other(tmp_path):
    same_name_sources(tmp_path)
    db = tmp_path / "cat.sqlite"
    r = run_cli("catalog", "add", tmp_path / "a", tmp_path / "b", "--db", db, "--json")
    assert r.returncode == 3
    rep = json.loads(r.stdout)
    assert [f["path"] for f in rep["added"]] == [str(tmp_path / "a" / "x.txt")]
    assert len(rep["errors"]) == 1 and "same name" in rep["errors"][0]["message"]
    assert r.stderr.splitlines()[-1].startswith(f"Error: {tmp_path / 'b' / 'x.txt'}: has the same name as")
    docs = list_documents(db)["documents"]
    assert [(d["id"], d["path"]) for d in docs] == [("x", str(tmp_path / "a" / "x.txt"))]


def test_a_document_is_named_by_its_stem_or_the_first_characters_of_it(tmp_path):
    db = tmp_path / "cat.sqlite"
    add_paths(db, [SOURCES])
    whole = query(db, document=SEED["004"].stem)
    assert whole["count"] > 0 and whole["documents"] == [SEED["004"].stem]
    for prefix in ("004", "004_a2b5", SEED["004"].stem[:6]):
        assert query(db, document=prefix)["results"] == whole["results"], prefix
    r = run_cli("catalog", "query", "--document", "0", "--db", db)
    assert r.returncode == 2 and "names 5 documents" in r.stderr
    r = run_cli("catalog", "query", "--document", "999", "--db", db)
    assert r.returncode == 2 and "no catalogued document" in r.stderr


def test_an_unchanged_source_still_keeps_its_name_in_the_run(tmp_path):
    same_name_sources(tmp_path)
    db = tmp_path / "cat.sqlite"
    assert add_paths(db, [tmp_path / "a" / "x.txt"])["added"]
    rep = add_paths(db, [tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"])
    assert [f["path"] for f in rep["unchanged"]] == [str(tmp_path / "a" / "x.txt")]
    assert rep["replaced"] == [] and len(rep["errors"]) == 1
    assert [d["path"] for d in list_documents(db)["documents"]] == [str(tmp_path / "a" / "x.txt")]
