"""One document model, read once: the loader, its cache, and what a run reads and parses."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED, TEI_DIR

from provenance import document as document_module
from provenance.chain import document_facts
from provenance.chain.extract import Extractor
from provenance.document import NO_TEI_BODY, Document, Documents, load_document
from provenance.errors import InputError
from provenance.ingest import ingest_document
from provenance.ingest.tei import TeiBuilder
from provenance.report import audit_paths
from provenance.witness import witness_of

_OPENED: list[str] | None = None


def _hook(event, args):
    if event == "open" and _OPENED is not None and args and isinstance(args[0], (str, bytes, os.PathLike)):
        _OPENED.append(os.fsdecode(args[0]))


sys.addaudithook(_hook)


@pytest.fixture
def opened():
    """The paths the process opens meanwhile (Python's audit events: open() and os.open())."""
    global _OPENED
    _OPENED = []
    try:
        yield _OPENED
    finally:
        _OPENED = None


@pytest.fixture
def counted(monkeypatch):
    """How often the transcription converter, the copy-chain extractor and the XML parser of
    the loader run meanwhile."""
    counts = {"convert": 0, "extract": 0, "parse": 0}
    build_body, init, parse = TeiBuilder.build_body, Extractor.__init__, document_module.parse_xml_bytes

    def counting_build_body(self, *a, **kw):
        counts["convert"] += 1
        return build_body(self, *a, **kw)

    def counting_init(self, *a, **kw):
        counts["extract"] += 1
        return init(self, *a, **kw)

    def counting_parse(*a, **kw):
        counts["parse"] += 1
        return parse(*a, **kw)

    monkeypatch.setattr(TeiBuilder, "build_body", counting_build_body)
    monkeypatch.setattr(Extractor, "__init__", counting_init)
    monkeypatch.setattr(document_module, "parse_xml_bytes", counting_parse)
    return counts


def test_audit_of_two_transcriptions_reads_converts_and_extracts_each_once(tmp_path, opened, counted):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(SEED["004"], a)
    shutil.copy(SEED["002"], b)
    opened.clear()
    payload = audit_paths([a, b], output=tmp_path / "r.html", run_time="2026-01-01T00:00:00Z")
    assert payload["chain"]["extracted"] and payload["chain"]["documents"] == 2
    assert payload["summary"]["total"] > 0
    assert [p for p in opened if Path(p).name in ("a.txt", "b.txt")] == [str(a), str(b)]
    assert counted == {"convert": 2, "extract": 2, "parse": 0}


def test_audit_of_two_tei_files_reads_and_parses_each_once(tmp_path, opened, counted):
    a, b = tmp_path / "a.xml", tmp_path / "b.xml"
    shutil.copy(TEI_DIR / "004_a2b5a4ae19e8ef0f.xml", a)
    shutil.copy(TEI_DIR / "002_c4e584884d72af45.xml", b)
    opened.clear()
    payload = audit_paths([a, b], output=tmp_path / "r.html", run_time="2026-01-01T00:00:00Z")
    assert payload["chain"]["documents"] == 2 and payload["apparatus"]
    assert [p for p in opened if Path(p).name in ("a.xml", "b.xml")] == [str(a), str(b)]
    assert counted == {"convert": 0, "extract": 2, "parse": 2}


def test_the_run_cache_gives_one_document_per_unchanged_file(tmp_path):
    src = tmp_path / "a.txt"
    shutil.copy(SEED["002"], src)
    docs = Documents()
    first = docs.load(src)
    assert docs.load(src) is first and docs.reads == 1
    assert ingest_document(first) is ingest_document(first)  # the conversion is kept on the document
    assert document_facts(first) == document_facts(first) and document_facts(first) is not document_facts(first)
    text = src.read_text(encoding="utf-8")
    src.write_text(text.replace("Ghulja", "Kulja"), encoding="utf-8")
    os.utime(src, ns=(first_ns := os.stat(src).st_mtime_ns + 10**9, first_ns))
    second = docs.load(src)
    assert second is not first and docs.reads == 2
    assert "Kulja" in second.text and second.sha256 != first.sha256


def test_a_bounded_cache_keeps_the_most_recently_used(tmp_path):
    paths = []
    for k in range(3):
        p = tmp_path / f"d{k}.txt"
        p.write_text(f"Document {k}.\n\nIts only paragraph.\n", encoding="utf-8")
        paths.append(p)
    docs = Documents(limit=2)
    d0 = docs.load(paths[0])
    docs.load(paths[1])
    assert docs.load(paths[0]) is d0  # used again: now the most recent
    docs.load(paths[2])  # evicts d1
    assert len(docs) == 2 and docs.reads == 3
    docs.load(paths[1])
    assert docs.reads == 4


def test_each_kind_has_its_text_hash_and_header(tmp_path):
    tei = load_document(TEI_DIR / "002_c4e584884d72af45.xml")
    assert tei.kind == "tei" and tei.tree is not None and tei.header["title"]
    assert tei.text.strip() and len(tei.sha256) == 64 and tei.id == "002_c4e584884d72af45"
    txt = load_document(SEED["002"])
    assert txt.kind == "transcription" and txt.tree is None and txt.header == {}
    assert txt.text == SEED["002"].read_text(encoding="utf-8").replace("\r\n", "\n")
    # the converted TEI and the witness come from the one conversion
    assert witness_of(txt).marks and ingest_document(txt).tree.getroot().tag.endswith("TEI")
    plain = load_document(SEED["002"], "plain")
    assert plain.kind == "plain" and witness_of(plain).marks == []
    auto = load_document(TEI_DIR / "002_c4e584884d72af45.xml", "auto")
    assert auto.kind == "tei" and auto.text == tei.text


def test_witness_ids_are_given_without_changing_the_document():
    doc = load_document(SEED["004"])
    a, b = witness_of(doc, "draft"), witness_of(doc)
    assert a.id == "draft" and b.id == "004_a2b5a4ae19e8ef0f"
    a.marks.clear()
    assert witness_of(doc).marks  # a caller's change stays with its own copy


@pytest.mark.parametrize("content, message", [
    ("<?xml version='1.0'?><root/>\n", NO_TEI_BODY),
    ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader/></TEI>\n", NO_TEI_BODY),
    ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader/><text><body><p/></body></text></TEI>\n",
     "has no text in its TEI body"),
])
def test_a_tei_file_without_a_body_is_one_message_for_every_stage(tmp_path, content, message):
    bad = tmp_path / "bad.xml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_document(bad)
    assert err.value.message == message and err.value.path == str(bad)


def test_xml_is_not_read_as_a_transcription(tmp_path):
    bad = tmp_path / "bad.txt"
    shutil.copy(TEI_DIR / "002_c4e584884d72af45.xml", bad)
    with pytest.raises(InputError, match="is XML, not a transcription"):
        load_document(bad)
    assert load_document(bad, "auto").kind == "tei"


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        Document.from_bytes("x.txt", b"text", "poem")


def test_the_readme_python_example_runs(monkeypatch):
    """The README's example of the library, run as written from the project folder."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    names: dict = {}
    exec(compile(block, "README.md", "exec"), names)
    assert names["run"].reads == 2
    assert names["comparison"].to_json()["summary"]["total"] == len(names["comparison"]["divergences"]) > 0
    assert names["chains"]["summary"]["documents"] == 2
    assert names["tei"].getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"
