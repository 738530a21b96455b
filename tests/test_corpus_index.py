"""`provenance corpus index`: the corpus catalog in SQLite, incremental by content hash."""

from __future__ import annotations

import json
import shutil
import sqlite3

from conftest import SEED, SOURCES, run_cli
from provenance.corpus.index import index_paths, leading_date, leading_title
from provenance.resources import json_errors


def _copy_seeds(dst):
    dst.mkdir()
    for p in SEED.values():
        shutil.copyfile(p, dst / p.name)
    return dst


def test_second_run_skips_every_unchanged_file(tmp_path):
    src = _copy_seeds(tmp_path / "src")
    db = tmp_path / "c.sqlite"
    first = run_cli("corpus", "index", src, "--db", db, "--json")
    assert first.returncode == 0, first.stderr
    one = json.loads(first.stdout)
    assert json_errors(one, "corpus-index.schema.json") == []
    assert one["summary"]["new"] == 5 and one["summary"]["unchanged"] == 0
    assert {d["id"] for d in one["documents"]} == {p.stem for p in SEED.values()}
    second = json.loads(run_cli("corpus", "index", src, "--db", db, "--json").stdout)
    assert second["summary"] == {"files": 5, "new": 0, "updated": 0, "unchanged": 5, "errors": 0, "conflicts": 0,
                                 "catalogued": 5}
    assert all(d["status"] == "unchanged" for d in second["documents"])
    # a changed file is indexed again, the others are skipped
    p = src / SEED["003"].name
    p.write_text(p.read_text(encoding="utf-8") + "\nA line added later.\n", encoding="utf-8")
    third = index_paths([src], db)
    assert (third["summary"]["updated"], third["summary"]["unchanged"]) == (1, 4)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT d.id, d.sha256, d.date FROM documents d JOIN shingles s ON s.doc = d.n "
                       "ORDER BY d.id").fetchall()
    assert len(rows) == 5
    assert dict((r[0][:3], r[2]) for r in rows)["004"] == "1945-04-29"
    # one catalog for every command: no table of the earlier two-table layout
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "shingles", "facts", "findings", "pairs", "document_text"} <= names
    assert not any(n.startswith("corpus_") for n in names)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 2


def test_broken_file_is_reported_and_skipped(tmp_path):
    src = _copy_seeds(tmp_path / "src")
    (src / "broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe junk" * 10)
    (src / "empty.txt").write_text("   \n", encoding="utf-8")
    (src / "bad.xml").write_text("<TEI><unclosed></TEI>", encoding="utf-8")
    db = tmp_path / "c.sqlite"
    res = run_cli("corpus", "index", src, "--db", db, "--json")
    assert res.returncode == 3
    assert "Traceback" not in res.stderr
    out = json.loads(res.stdout)
    assert json_errors(out, "corpus-index.schema.json") == []
    bad = {e["path"].rsplit("/", 1)[-1]: e for e in out["errors"]}
    assert set(bad) == {"broken.txt", "empty.txt", "bad.xml"}
    assert "binary" in bad["broken.txt"]["message"] and bad["bad.xml"]["line"] == 1
    assert out["summary"]["new"] == 5 and out["summary"]["catalogued"] == 5
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("Error: ")]
    assert len(lines) == 3 and any("broken.txt: is a binary file" in ln for ln in lines)


def test_duplicate_document_id_is_a_conflict_and_the_same_content_is_one_document(tmp_path):
    a = _copy_seeds(tmp_path / "a")
    b = tmp_path / "b"
    b.mkdir()
    shutil.copyfile(SEED["001"], b / SEED["001"].name)  # the same content: the same document
    other = b / SEED["003"].name
    other.write_text("Another text altogether, filed under the same name as a seed.\n", encoding="utf-8")
    db = tmp_path / "c.sqlite"
    res = index_paths([a, b], db)
    assert res["summary"]["new"] == 5 and res["errors"] == []
    assert [c["path"] for c in res["conflicts"]] == [str(other)]
    assert "already taken" in res["conflicts"][0]["message"] and res["conflicts"][0]["held_by"] == str(a / other.name)
    cli = run_cli("corpus", "index", b, "--db", db, "--json")
    assert cli.returncode == 1 and "Conflict: " in cli.stderr  # a finding, not a failure
    assert json_errors(json.loads(cli.stdout), "corpus-index.schema.json") == []
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5


def test_tei_file_is_indexed_with_its_header_date(tmp_path):
    tei = tmp_path / "tei"
    tei.mkdir()
    (tei / "memo.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Memo on grain</title>'
        "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
        '<profileDesc><creation><date when="1945-05-02">2 May 1945</date></creation></profileDesc></teiHeader>'
        "<text><body><p>The rebels have also seized over 300,000 poods of grain and wool.</p></body></text></TEI>",
        encoding="utf-8")
    res = index_paths([tei], tmp_path / "c.sqlite")
    assert res["errors"] == []
    (doc,) = res["documents"]
    assert (doc["id"], doc["kind"], doc["date"], doc["title"]) == ("memo", "tei", "1945-05-02", "Memo on grain")
    assert doc["words"] == 13  # "300,000" is two words


def test_leading_date_and_title():
    text = SEED["002"].read_text(encoding="utf-8")
    assert leading_date(text) == "1945-06-22"
    assert leading_title(text).startswith("Exceprt on Xinjiang from Minutes No. 46")
    assert leading_date("Top\n\n29 April 1945\nN 507/b") == "1945-04-29"
    assert leading_date("Sent 1945-11-27 by cipher") == "1945-11-27"
    assert leading_date("On February 30, 1945 nothing") is None
    assert leading_date("x" * 2000 + " April 29, 1945") is None
    assert leading_date(SEED["000"].read_text(encoding="utf-8")) == "1945-11-26"


def test_sources_are_never_modified(tmp_path):
    before = {p: p.read_bytes() for p in SOURCES.glob("*.txt")}
    index_paths([SOURCES], tmp_path / "c.sqlite")
    assert {p: p.read_bytes() for p in SOURCES.glob("*.txt")} == before
