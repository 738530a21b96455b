"""`provenance chain` on the command line: JSON validates, names extend, errors exit cleanly."""

from __future__ import annotations

import json

from provenance.resources import json_errors

from conftest import SEED, SOURCES, run_cli


def test_json_output_validates_and_exit_code():
    r = run_cli("chain", SOURCES, "--format", "json")
    assert r.returncode == 1, r.stderr  # warnings exist
    data = json.loads(r.stdout)
    assert json_errors(data, "chain.schema.json") == []
    assert len(data["documents"]) == 5
    r2 = run_cli("chain", SOURCES, "--json")
    assert r2.stdout == r.stdout  # deterministic


def test_clean_document_exits_0():
    r = run_cli("chain", SEED["000"], "--json")
    assert r.returncode == 0, r.stdout
    r = run_cli("chain", SEED["000"])
    assert "copy   4  recipient Molotov" in r.stdout


def test_names_file_extends_and_bad_file_exits_2(tmp_path):
    t = tmp_path / "doc.txt"
    t.write_text("to Cde. P. SMIRNOV\n\nText.\n\nTwo copies printed\n1 - to Cde Smirnov\n2 - to file\n",
                 encoding="utf-8")
    r = run_cli("chain", t, "--json")
    assert json.loads(r.stdout)["documents"][0]["copies"][0]["recipient"] is None
    names = tmp_path / "names.json"
    names.write_text(json.dumps({"version": 1, "people": [{"id": "smirnov", "surname": "Smirnov"}]}))
    r = run_cli("chain", t, "--json", "--names", names)
    assert r.returncode == 0, r.stdout
    assert json.loads(r.stdout)["documents"][0]["copies"][0]["recipient"] == "Smirnov"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"people": [{"id": "Bad Id", "surname": "X"}]}))
    r = run_cli("chain", t, "--names", bad)
    assert r.returncode == 2 and r.stderr.startswith("Error: ") and "bad.json" in r.stderr
    notjson = tmp_path / "nj.json"
    notjson.write_text("{")
    r = run_cli("chain", t, "--names", notjson)
    assert r.returncode == 2 and "nj.json:1" in r.stderr


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    r = run_cli("chain", SEED["003"], binary, "--json")
    assert r.returncode == 3
    data = json.loads(r.stdout)
    assert [d["id"][:3] for d in data["documents"]] == ["003"]
    assert data["errors"][0]["path"].endswith("b.txt")
    assert "Traceback" not in r.stderr and "b.txt" in r.stderr
    r = run_cli("chain", tmp_path / "missing.txt")
    assert r.returncode == 3 and "missing.txt: no such file" in r.stderr


def test_help_has_example():
    for args in (("chain", "--help"), ("catalog", "query", "--help"), ("catalog", "--help"),
                 ("catalog", "add", "--help")):
        r = run_cli(*args)
        assert r.returncode == 0 and "Example:" in r.stdout
