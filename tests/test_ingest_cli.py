"""`provenance ingest` and `provenance text` as a user runs them: exit codes, errors, encodings, batches."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import SEED, run_cli, same_name_sources
from provenance.fileio import sha256_file
from provenance.ingest import decision
from provenance.resources import json_errors, load_json_schema

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def one_line_error(proc, *needles):
    err = proc.stderr.strip().splitlines()
    assert err, proc
    assert "Traceback" not in proc.stderr
    last = err[-1]
    assert last.startswith("Error: ")
    for n in needles:
        assert n in last, (n, last)


def test_ingest_folder_json_validates(tmp_path):
    before = {p: sha256_file(p) for p in SEED.values()}
    proc = run_cli("ingest", SEED["004"].parent, "-o", tmp_path / "out", "--json")
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert json_errors(payload, "ingest.schema.json") == []
    assert payload["summary"]["converted"] == 5
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.stem + ".xml" for p in SEED.values())
    # sources are never modified
    assert {p: sha256_file(p) for p in SEED.values()} == before
    # every bracket got a rule; "[Altai]" after Shara-Sume is a review item
    doc = next(d for d in payload["documents"] if d["id"].startswith("004"))
    assert all(d["rule"] for d in doc["decisions"])
    assert any(r["bracket"] == "[Altai]" and r["target"] == "Shara-Sume" for r in doc["review"])


def test_rules_file_overrides_a_decision(tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"overrides": [{"bracket": "[Altai]", "after": "Shara-Sume", "as": "supplied"}]}))
    proc = run_cli("ingest", SEED["004"], "-o", tmp_path, "--rules", rules, "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)["documents"][0]
    assert doc["review"] == []
    altai = [d for d in doc["decisions"] if d["bracket"] == "[Altai]"]
    assert altai and all(d["rule"] == "rules-file:supplied" for d in altai)
    root = etree.parse(str(tmp_path / (SEED["004"].stem + ".xml")))
    assert "Altai" in root.xpath("//t:supplied/text()", namespaces=NS)


def test_bad_rules_file_is_a_usage_error(tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"overrides": [{"bracket": "Altai", "as": "nonsense"}]}))
    proc = run_cli("ingest", SEED["004"], "-o", tmp_path, "--rules", rules)
    assert proc.returncode == 2
    one_line_error(proc, "rules.json")
    rules.write_text("{not json")
    proc = run_cli("ingest", SEED["004"], "-o", tmp_path, "--rules", rules)
    assert proc.returncode == 2
    one_line_error(proc, "rules.json:1")


@pytest.mark.parametrize("encoding,bom", [("utf-8-sig", b""), ("utf-16", b""), ("cp1251", b"")])
def test_encodings(tmp_path, encoding, bom):
    text = SEED["002"].read_text(encoding="utf-8")
    if encoding == "cp1251":
        text = text.replace("Concerning Xinjiang", "Concerning Xinjiang (Синьцзян)").replace("Nº", "No")
    src = tmp_path / "doc.txt"
    src.write_bytes(bom + text.encode(encoding, errors="strict"))
    proc = run_cli("ingest", src, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    xml = (tmp_path / "out" / "doc.xml").read_text(encoding="utf-8")
    assert "Concerning Xinjiang" in xml
    if encoding == "cp1251":
        assert "Синьцзян" in xml


def test_latin1_is_not_read_as_cyrillic(tmp_path):
    text = SEED["002"].read_text(encoding="utf-8").replace("Nº", "No")
    text = text.replace("Concerning Xinjiang", "Concerning Xinjiang (a café résumé of the señor's reports)")
    src = tmp_path / "doc.txt"
    src.write_bytes(text.encode("latin-1"))
    proc = run_cli("ingest", src, "-o", tmp_path / "out")
    assert proc.returncode == 3
    one_line_error(proc, "doc.txt", "Latin-1 or cp1252", "--encoding cp1252")
    proc = run_cli("ingest", src, "-o", tmp_path / "out", "--encoding", "cp1252")
    assert proc.returncode == 0, proc.stderr
    assert "café résumé" in (tmp_path / "out" / "doc.xml").read_text(encoding="utf-8")


def test_forced_encoding_that_does_not_fit(tmp_path):
    src = tmp_path / "doc.txt"
    src.write_bytes("Копия".encode("utf-8") + b"\xff\xfe\xfd")
    proc = run_cli("ingest", src, "-o", tmp_path, "--encoding", "ascii")
    assert proc.returncode == 3
    one_line_error(proc, "doc.txt", "ascii")


@pytest.mark.parametrize("content,needle", [(b"", "empty"), (b"   \n\n", "empty"),
                                            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary")])
def test_empty_and_binary_files(tmp_path, content, needle):
    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    proc = run_cli("ingest", src, "-o", tmp_path / "out")
    assert proc.returncode == 3
    one_line_error(proc, "bad.txt", needle)


def test_folder_without_transcriptions_and_missing_path(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = run_cli("ingest", tmp_path / "empty", "-o", tmp_path / "out")
    assert proc.returncode == 3
    one_line_error(proc, "empty", "holds no")
    proc = run_cli("ingest", tmp_path / "nope.txt", "-o", tmp_path / "out")
    assert proc.returncode == 3
    one_line_error(proc, "nope.txt", "no such file")


def test_unreadable_paths(tmp_path):
    """A directory given as a file, and a dangling link: one line each, exit 3."""
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "dir.txt" / "inner.md").write_text("")  # a folder whose only file is empty
    proc = run_cli("ingest", tmp_path / "dir.txt", "-o", tmp_path / "out")
    assert proc.returncode == 3
    one_line_error(proc, "inner.md", "empty")
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "missing-target.txt", link)
    proc = run_cli("ingest", link, "-o", tmp_path / "out")
    assert proc.returncode == 3
    one_line_error(proc, "gone.txt")


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED["003"], corpus / "a.txt")
    (corpus / "b.txt").write_bytes(b"\x00\x01\x02binary")
    shutil.copy(SEED["002"], corpus / "c.txt")
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.xml").write_text("earlier output")
    proc = run_cli("ingest", corpus, "-o", out)
    assert proc.returncode == 3
    assert (out / "a.xml").exists() and (out / "c.xml").exists()
    assert (out / "b.xml").read_text() == "earlier output"  # a failed file leaves earlier output intact
    assert "b.txt" in proc.stderr and "Traceback" not in proc.stderr
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_text_command_layers_and_json(tmp_path):
    run_cli("ingest", SEED["004"], "-o", tmp_path)
    xml = tmp_path / (SEED["004"].stem + ".xml")
    ed = run_cli("text", xml)
    assert ed.returncode == 0 and "rich peasants [kulaki];" in ed.stdout
    orig = run_cli("text", xml, "--layer", "original", "--json")
    payload = json.loads(orig.stdout)
    assert json_errors(payload, "text.schema.json") == []
    assert "kulaki" not in payload["text"] and "rich peasants" in payload["text"]


def test_text_refuses_bad_xml(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n<text>\n</TEI>")
    proc = run_cli("text", bad)
    assert proc.returncode == 3
    one_line_error(proc, "bad.xml:3")
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>')
    proc = run_cli("text", bomb)
    assert proc.returncode == 3
    one_line_error(proc, "bomb.xml", "entities")


def test_usage_errors_exit_2():
    assert run_cli("ingest").returncode == 2
    assert run_cli("text", "x.xml", "--layer", "nonsense").returncode == 2


def test_help_has_examples():
    for cmd in ("ingest", "text"):
        proc = run_cli(cmd, "--help")
        assert proc.returncode == 0 and "Example:" in proc.stdout


def test_two_sources_with_one_name_are_not_written_over_each_other(tmp_path):
    same_name_sources(tmp_path)
    out = tmp_path / "out"
    proc = run_cli("ingest", tmp_path / "a", tmp_path / "b", "-o", out, "--json")
    assert proc.returncode == 3
    one_line_error(proc, str(tmp_path / "b" / "x.txt"), "same name", str(out / "x.xml"))
    payload = json.loads(proc.stdout)
    assert payload["summary"] == {**payload["summary"], "converted": 1, "failed": 1}
    # the first keeps its output; nothing of the second was written over it
    title = etree.parse(str(out / "x.xml")).findtext(".//t:titleStmt/t:title", namespaces=NS)
    assert "Beria" in title and "Excerpt" not in title
    # the same file named twice is one source, not a clash
    proc = run_cli("ingest", tmp_path / "a" / "x.txt", tmp_path / "a" / ".." / "a" / "x.txt", "-o", out)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("head", [b'<?xml version="1.0"?>\n<TEI/>', b"\xef\xbb\xbf<!DOCTYPE TEI>\n<TEI/>",
                                  b'\n  <TEI xmlns="http://www.tei-c.org/ns/1.0"/>', b"<!-- a note -->\n<TEI/>"])
def test_xml_is_refused_not_converted_as_text(tmp_path, head):
    src = tmp_path / "doc.xml"
    src.write_bytes(head)
    proc = run_cli("ingest", src, "-o", tmp_path / "out")
    assert proc.returncode == 3
    one_line_error(proc, str(src), "is XML, not a transcription")
    assert not (tmp_path / "out" / "doc.xml").exists()


def test_a_transcription_that_opens_with_a_comment_is_still_a_transcription(tmp_path):
    src = tmp_path / "note.md"
    src.write_bytes(b"<!-- copied from the archive on 3 May -->\n\n" + SEED["002"].read_bytes())
    proc = run_cli("ingest", src, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "note.xml").exists()


def test_every_kind_a_bracket_may_be_decided_is_in_the_json_schema():
    """The kinds the converter's code decides (``Decision("...")``) are its list KINDS, and the JSON
    schema of ``ingest --json`` allows exactly those: a decision of a new kind cannot make valid
    output invalid."""
    code = "".join(p.read_text(encoding="utf-8") for p in Path(decision.__file__).parent.glob("*.py"))
    used = set(re.findall(r'Decision\("([a-z-]+)"', code))
    assert used and used <= set(decision.KINDS), used - set(decision.KINDS)
    enum = load_json_schema("ingest.schema.json")["$defs"]["decision"]["properties"]["encoded_as"]["enum"]
    assert sorted(enum) == sorted(decision.KINDS)
