"""Hostile XML is refused quickly, with exit 3 and bounded memory, and nothing is fetched."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
import tracemalloc

from conftest import ROOT
from provenance import EXIT_INPUT
from provenance.fileio import MAX_XML_BYTES
from provenance.validate import validate_paths

FIXTURES = ROOT / "tests" / "fixtures" / "validate"
TEI_HEAD = b'<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">'

#: address-space cap for the child process: enough for Python, lxml and the project grammar,
#: far too little to hold a 200 MB document or an expanded entity bomb
CAP = 400 * 1024 * 1024


def _capped():
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


def run_capped(*args, timeout=60):
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "provenance", "validate", *map(str, args)], capture_output=True,
                       text=True, timeout=timeout, preexec_fn=_capped)
    return r, time.perf_counter() - t0


def only_input_finding(res):
    assert res["exit_code"] == EXIT_INPUT
    [f] = res["files"]
    assert f["status"] == "unreadable"
    [finding] = f["findings"]
    assert finding["rule"] == "input"
    return finding["message"]


def test_billion_laughs_refused_fast():
    t0 = time.perf_counter()
    msg = only_input_finding(validate_paths([FIXTURES / "bad_billion_laughs.xml"]))
    assert time.perf_counter() - t0 < 1.0
    assert "entit" in msg


def test_entity_bomb_hidden_after_a_long_prolog_is_refused(tmp_path):
    # the entity declarations start beyond the first 64 KB, past a long comment
    lol = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    doc = ('<?xml version="1.0"?>\n<!--' + "x" * 70_000 + '-->\n<!DOCTYPE TEI [<!ENTITY l0 "lol">' + lol + "]>\n"
           '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&l9;</p></body></text></TEI>\n')
    path = tmp_path / "padded-bomb.xml"
    path.write_text(doc)
    r, elapsed = run_capped(path)
    assert r.returncode == EXIT_INPUT, r.stderr
    assert elapsed < 10
    assert "padded-bomb.xml" in r.stderr and "DTD" in r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_external_entity_is_not_read():
    msg = only_input_finding(validate_paths([FIXTURES / "bad_external_entity.xml"]))
    assert "refused" in msg


def test_external_dtd_is_not_fetched(tmp_path):
    # a DTD on a local port nobody serves: fetching it would show as a parse error or a delay;
    # we refuse the DOCTYPE itself
    doc = tmp_path / "fetch.xml"
    doc.write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">\n'
                   '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n')
    t0 = time.perf_counter()
    msg = only_input_finding(validate_paths([doc, ]))
    assert time.perf_counter() - t0 < 1.0
    assert "DTD" in msg and "never loaded, expanded or fetched" in msg
    msg = only_input_finding(validate_paths([FIXTURES / "bad_dtd_fetch.xml"]))
    assert "remove the declaration" in msg


def test_200_mb_file_refused_by_size_without_reading_it(tmp_path):
    big = tmp_path / "big.xml"
    with open(big, "wb") as fh:  # sparse: 200 MB long, a few bytes on disk
        fh.write(TEI_HEAD)
        fh.seek(200 * 1024 * 1024 - 7)
        fh.write(b"</TEI>\n")
    assert big.stat().st_size == 200 * 1024 * 1024 > MAX_XML_BYTES
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        msg = only_input_finding(validate_paths([big]))
        _cur, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - t0 < 1.0
    assert peak < 5 * 1024 * 1024
    assert "too large" in msg and str(MAX_XML_BYTES) in msg
    # the real command, under an address-space cap smaller than the file
    r, elapsed = run_capped(big)
    assert r.returncode == EXIT_INPUT and "too large" in r.stderr and elapsed < 10


def test_lowered_limit_refuses_a_real_document(tmp_path):
    doc = FIXTURES / "pass_full.xml"
    size = doc.stat().st_size
    msg = only_input_finding(validate_paths([doc], max_bytes=size - 1))
    assert f"({size} bytes; the limit is {size - 1})" in msg
    assert validate_paths([doc], max_bytes=size)["exit_code"] == 0


def test_big_json_refused_too(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:
        fh.write(b'{"version": 1, "description": "')
        fh.seek(60 * 1024 * 1024)
        fh.write(b'"}')
    msg = only_input_finding(validate_paths([big]))
    assert "too large" in msg


def test_deeply_nested_json_does_not_crash(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    res = validate_paths([deep])
    assert res["exit_code"] in (1, 3)
    assert res["files"][0]["findings"]


def test_hostile_file_does_not_stop_the_batch():
    res = validate_paths([FIXTURES / "bad_billion_laughs.xml", FIXTURES / "pass_minimal.xml",
                          FIXTURES / "bad_not_wellformed.xml"])
    assert [f["status"] for f in res["files"]] == ["unreadable", "valid", "unreadable"]
    assert res["exit_code"] == EXIT_INPUT
    nw = res["files"][2]["findings"][0]
    assert nw["line"] == 4 and "not well-formed" in nw["message"]
