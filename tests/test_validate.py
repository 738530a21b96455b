"""`provenance validate` against the project schema: the fixture manifest, messages, exit codes, JSON."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from provenance import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, EXIT_USAGE
from provenance.resources import json_errors
from provenance.validate import RULES, Finding, format_finding, summary_line, validate_paths
from provenance.validate.kinds import json_positions, line_column, match_json_schema, sniff
from provenance.validate.rules import iso_date_problem

FIXTURES = ROOT / "tests" / "fixtures" / "validate"


def read_manifest() -> dict[str, tuple[int, int, set[str]]]:
    out = {}
    for raw in (FIXTURES / "MANIFEST.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, count, code, rules = line.split()
        out[name] = (int(count), int(code), set() if rules == "-" else set(rules.split(",")))
    return out


MANIFEST = read_manifest()


@pytest.fixture(scope="module")
def fixture_run():
    """One validation of the whole fixtures folder (folder input), shared by the tests below."""
    return validate_paths([FIXTURES])


def by_name(result) -> dict[str, dict]:
    return {Path(f["path"]).name: f for f in result["files"]}


def test_manifest_lists_every_fixture_and_nothing_else():
    on_disk = {p.name for p in FIXTURES.iterdir() if p.name != "MANIFEST.txt"}
    assert on_disk == set(MANIFEST)


def test_every_fixture_gives_exactly_the_manifest_findings(fixture_run):
    files = by_name(fixture_run)
    assert set(files) == set(MANIFEST)
    for name, (count, _code, rules) in MANIFEST.items():
        got = files[name]["findings"]
        assert len(got) == count, (name, [f["message"] for f in got])
        assert {f["rule"] for f in got} == rules, name


def test_every_fixture_alone_gives_the_manifest_exit_code():
    for name, (_count, code, _rules) in MANIFEST.items():
        assert validate_paths([FIXTURES / name])["exit_code"] == code, name


def test_every_rule_has_a_failing_and_a_passing_fixture(fixture_run):
    files = by_name(fixture_run)
    failing = {r for _c, _x, rules in MANIFEST.values() for r in rules}
    for rule in RULES:
        assert rule.id in failing, f"no failing fixture for {rule.id}"
    passing = [n for n in MANIFEST if n.startswith("pass_") and n.endswith(".xml")]
    assert passing
    for name in passing:
        assert files[name]["status"] == "valid" and files[name]["findings"] == []
    # the passing fixture of the rules exercises each construct a rule looks at
    text = (FIXTURES / "pass_rules.xml").read_text(encoding="utf-8")
    for needle in ('resp="#translator"', 'hand="#h1"', 'new="#h1"', "notBefore=", 'type="distribution"',
                   "<choice>", "<settlement>", 'xml:lang="ru"', 'ref="#translator https://'):
        assert needle in text, needle


def test_each_invalid_fixture_explains_itself():
    for name in MANIFEST:
        text = (FIXTURES / name).read_text(encoding="utf-8", errors="replace")
        if name == "bad_json_syntax.json":
            assert "Unreadable on purpose" in text
        elif name.endswith(".json"):
            assert json.loads(text)["description"]
        elif name != "bad_empty.xml":
            assert "<!--" in text and ("Fails" in text or "Passes" in text or "Warns" in text
                                       or "Unreadable" in text), name


def test_pointer_message_says_what_to_do(fixture_run):
    f = by_name(fixture_run)["fail_pointer.xml"]["findings"][0]
    assert f["message"] == '@resp="#tr" points to no xml:id; declared ids are: translator, h1'
    assert f["severity"] == "error" and f["rule"] == "pointer-target"
    line = (FIXTURES / "fail_pointer.xml").read_text(encoding="utf-8").splitlines()[f["line"] - 1]
    assert line[f["column"] - 1:].startswith('resp="#tr"')


def test_messages_name_the_fix(fixture_run):
    files = by_name(fixture_run)

    def msg(name):
        return files[name]["findings"][0]["message"]

    assert "February 1945 (it has 28 days)" in msg("fail_iso_date.xml")
    assert "add <corr>" in msg("fail_choice.xml")
    assert "add <repository>" in msg("fail_msidentifier.xml")
    assert 'add <language ident="ru-Latn">' in msg("fail_lang.xml")
    assert "(first on line" in msg("fail_copy_unique.xml")
    assert "not both" in msg("fail_when_exclusive.xml")
    assert "swap them" in msg("fail_date_order.xml")
    assert msg("fail_grammar_attribute.xml").startswith("@type is not allowed on <p>; remove it")
    assert "<closer> may contain:" in msg("fail_grammar_element.xml")
    assert "put it in a <p>" in msg("fail_grammar_text.xml")
    assert "not at this position" in msg("fail_grammar_order.xml")
    assert "expected high, medium, low or unknown" in msg("fail_grammar_value.xml")
    assert "inside <body> use one of:" in msg("fail_grammar_unknown.xml")
    assert 'add xmlns="http://www.tei-c.org/ns/1.0"' in msg("fail_grammar_namespace.xml")
    assert "declared twice" in msg("fail_duplicate_id.xml")
    assert "is too short" in files["fail_json_schema.json"]["findings"][0]["message"]


def test_finding_lines_point_at_the_faulty_element(fixture_run):
    files = by_name(fixture_run)
    checks = {"fail_iso_date.xml": 'when="1945-02-30"', "fail_choice.xml": "<choice>",
              "fail_grammar_attribute.xml": 'type="point"', "fail_copy_unique.xml": '<item n="2">to file',
              "fail_json_schema.json": '"terms"'}
    for name, needle in checks.items():
        f = files[name]["findings"][0]
        line = (FIXTURES / name).read_text(encoding="utf-8").splitlines()[f["line"] - 1]
        assert needle in line, (name, line)
        assert f["column"] >= 1


def test_text_output_format_and_summary_line():
    r = run_cli("validate", FIXTURES / "fail_several.xml", FIXTURES / "pass_minimal.xml")
    assert r.returncode == EXIT_FINDINGS
    lines = r.stdout.splitlines()
    assert len(lines) == 4
    for line in lines[:3]:
        path, ln, col, rest = line.split(":", 3)
        assert path.endswith("fail_several.xml") and int(ln) > 0 and int(col) > 0
        assert rest.startswith(" error: ") and rest.endswith("]")
    assert lines[3] == "2 files checked: 1 valid, 1 invalid; 3 errors, 0 warnings"
    assert r.stderr == ""


def test_exit_codes_warnings_and_strict():
    warn = FIXTURES / "warn_copy_number.xml"
    r = run_cli("validate", warn)
    assert r.returncode == EXIT_OK and ": warning: " in r.stdout
    r = run_cli("validate", "--strict", warn)
    assert r.returncode == EXIT_FINDINGS
    r = run_cli("validate", FIXTURES / "bad_billion_laughs.xml", FIXTURES / "fail_pointer.xml")
    assert r.returncode == EXIT_INPUT
    # the unreadable file is one line on stderr, the other file is still checked
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("Error: ") and "bad_billion_laughs.xml" in r.stderr
    assert "[pointer-target]" in r.stdout
    assert "Traceback" not in r.stderr


def test_usage_errors_exit_2(tmp_path):
    r = run_cli("validate", "--schema", tmp_path / "missing.rng", FIXTURES / "pass_minimal.xml")
    assert r.returncode == EXIT_USAGE and "missing.rng" in r.stderr and r.stderr.count("\n") == 1
    bad = tmp_path / "bad.rng"
    bad.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nope"/></start></grammar>')
    r = run_cli("validate", "--schema", bad, FIXTURES / "pass_minimal.xml")
    assert r.returncode == EXIT_USAGE and "bad.rng" in r.stderr
    r = run_cli("validate")
    assert r.returncode == EXIT_USAGE


def test_custom_rng_schema(tmp_path):
    rng = tmp_path / "letters.rng"
    rng.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">'
                   '<start><element name="TEI"><zeroOrMore><element name="p"><text/></element></zeroOrMore>'
                   '</element></start></grammar>')
    doc = tmp_path / "a.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>x</p><div/></TEI>')
    res = validate_paths([doc], schema=str(rng))
    f = res["files"][0]
    assert res["settings"]["schema"] == "letters.rng" and f["schema"] == "letters.rng"
    assert [x["rule"] for x in f["findings"]] == ["schema:letters.rng"]
    assert "<div>" in f["findings"][0]["message"]


def test_folder_and_mixed_tei_json_input(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    shutil.copy(FIXTURES / "pass_minimal.xml", tmp_path / "sub" / "letter.xml")
    shutil.copy(FIXTURES / "fail_pointer.xml", tmp_path / "b.tei")
    shutil.copy(FIXTURES / "pass_lexicon.json", tmp_path / "lexicon.json")
    shutil.copy(FIXTURES / "fail_json_schema.json", tmp_path / "sub" / "broken-lexicon.json")
    shutil.copy(FIXTURES / "fail_pointer.xml", tmp_path / ".hidden" / "ignored.xml")
    (tmp_path / "notes.txt").write_text("not picked up from a folder")
    r = run_cli("validate", "--json", tmp_path)
    assert r.returncode == EXIT_FINDINGS, r.stderr
    payload = json.loads(r.stdout)
    assert json_errors(payload, "validate.schema.json") == []
    kinds = {Path(f["path"]).name: (f["kind"], f["schema"], f["status"]) for f in payload["files"]}
    assert kinds == {
        "b.tei": ("tei", "project", "invalid"),
        "lexicon.json": ("json", "lexicon.schema.json", "valid"),
        "broken-lexicon.json": ("json", "lexicon.schema.json", "invalid"),
        "letter.xml": ("tei", "project", "valid"),
    }
    assert payload["summary"] == {"files": 4, "valid": 2, "invalid": 2, "unreadable": 0, "errors": 3,
                                  "warnings": 0}
    # kind comes from content, not from the name: a TEI file called .json is still TEI
    odd = tmp_path / "tei-named.json"
    shutil.copy(FIXTURES / "pass_minimal.xml", odd)
    res = validate_paths([odd])
    assert res["files"][0]["kind"] == "tei" and res["exit_code"] == EXIT_OK


def test_empty_folder_is_an_input_error(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    r = run_cli("validate", tmp_path)
    assert r.returncode == EXIT_INPUT and "holds no .xml, .tei or .json files" in r.stderr


def test_json_output_validates_against_its_schema_for_every_outcome():
    r = run_cli("validate", "--json", FIXTURES)
    assert r.returncode == EXIT_INPUT
    payload = json.loads(r.stdout)
    assert json_errors(payload, "validate.schema.json") == []
    assert payload["exit_code"] == EXIT_INPUT
    assert payload["summary"]["unreadable"] == sum(1 for n in MANIFEST if n.startswith("bad_"))
    assert {f["status"] for f in payload["files"]} == {"valid", "invalid", "unreadable"}
    assert [r_["id"] for r_ in payload["rules"]] == [r_.id for r_ in RULES]
    # the output of validate is itself recognised and checked by validate
    res = validate_paths([FIXTURES / "pass_minimal.xml"])
    assert json_errors(res, "validate.schema.json") == []
    assert match_json_schema(res) == "validate.schema.json"


def test_json_output_schema_rejects_a_wrong_payload():
    res = validate_paths([FIXTURES / "fail_pointer.xml"])
    res["files"][0]["findings"][0]["severity"] = "fatal"
    del res["summary"]["errors"]
    errs = json_errors(res, "validate.schema.json")
    assert len(errs) == 2


def test_format_and_summary_helpers():
    f = Finding("a.xml", 3, 7, "error", "bad thing", "rule-x")
    assert format_finding(f) == "a.xml:3:7: error: bad thing [rule-x]"
    s = {"files": 1, "valid": 1, "invalid": 0, "unreadable": 0, "errors": 0, "warnings": 1}
    assert summary_line(s) == "1 file checked: 1 valid, 0 invalid; 0 errors, 1 warning"


@pytest.mark.parametrize("value,ok", [
    ("1945", True), ("1945-04", True), ("1945-04-29", True), ("1944-02-29", True),
    ("1945-04-29T13:10:00", True), ("1945-04-29T13:10:00+03:00", True),
    ("1945-02-29", False), ("1945-13", False), ("1945-04-31", False), ("45-04-29", False),
    ("1945/04/29", False), ("April 1945", False), ("", False), (" 1945", False), ("1945-04-29T25:00", False),
])
def test_iso_dates(value, ok):
    assert (iso_date_problem(value) is None) is ok


def test_json_kind_rules():
    # required keys decide; the most specific schema wins (chain carries every key ingest requires)
    chain_like = {"tool": {}, "documents": [], "links": [], "findings": [], "errors": [], "summary": {}}
    assert match_json_schema(chain_like) == "chain.schema.json"
    assert match_json_schema({"tool": {}, "documents": [], "errors": [], "summary": {}}) == "ingest.schema.json"
    # an explicit $schema wins
    assert match_json_schema({"$schema": "lexicon.schema.json", "tool": {}, "documents": [], "errors": [],
                              "summary": {}}) == "lexicon.schema.json"
    # input files without required keys: every key must be declared by the schema
    assert match_json_schema({"version": 1, "equivalents": []}) == "lexicon.schema.json"
    assert match_json_schema({"colour": 1}) is None
    assert match_json_schema([1, 2]) is None
    assert sniff(b"\xef\xbb\xbf  {") == "json" and sniff(b"\n<?xml") == "xml" and sniff(b"hello") == "unknown"


def test_json_positions():
    text = '{\n  "a": [1, {"b": "x"}],\n  "c": null\n}'
    pos = json_positions(text)
    assert line_column(text, pos[("a",)]) == (2, 3)
    assert line_column(text, pos[("a", 1, "b")]) == (2, 13)
    assert line_column(text, pos[("c",)]) == (3, 3)


def test_real_ingest_output_is_recognised(tmp_path):
    r = run_cli("ingest", ROOT / "tei" / "source" / "003_ea9ce8ce9cbd71a7.txt", "-o", tmp_path, "--json")
    assert r.returncode == 0, r.stderr
    out = tmp_path / "ingest.json"
    out.write_text(r.stdout, encoding="utf-8")
    res = validate_paths([tmp_path])
    kinds = {Path(f["path"]).name: (f["kind"], f["schema"], f["status"]) for f in res["files"]}
    assert kinds["ingest.json"] == ("json", "ingest.schema.json", "valid")
    assert kinds["003_ea9ce8ce9cbd71a7.xml"] == ("tei", "project", "valid")
    assert res["exit_code"] == EXIT_OK


def test_jing_missing_gives_a_clear_message():
    env = dict(os.environ, PROVENANCE_JING="")
    import subprocess
    import sys
    r = subprocess.run([sys.executable, "-m", "provenance", "validate", "--engine", "jing",
                        str(FIXTURES / "pass_minimal.xml")], capture_output=True, text=True, env=env)
    assert r.returncode == EXIT_USAGE
    assert r.stderr.strip() == ("Error: --engine jing needs the jing program, which is not on PATH "
                                "(Debian/Ubuntu: apt-get install jing); use --engine lxml instead")


@pytest.mark.skipif(shutil.which("jing") is None, reason="jing is not installed")
def test_jing_engine_checks_the_same_grammar():
    names = ["pass_full.xml", "pass_rules.xml", "fail_grammar_attribute.xml", "fail_grammar_element.xml",
             "fail_pointer.xml", "bad_dtd_fetch.xml"]
    res = validate_paths([FIXTURES / n for n in names], engine="jing")
    files = by_name(res)
    assert files["pass_full.xml"]["findings"] == [] and files["pass_rules.xml"]["findings"] == []
    for n in ("fail_grammar_attribute.xml", "fail_grammar_element.xml"):
        rules = [f["rule"] for f in files[n]["findings"]]
        assert rules == ["jing:project"], (n, files[n]["findings"])
        assert files[n]["findings"][0]["line"] > 0
    assert "type" in files["fail_grammar_attribute.xml"]["findings"][0]["message"]
    # project rules still run, and hostile input never reaches jing
    assert [f["rule"] for f in files["fail_pointer.xml"]["findings"]] == ["pointer-target"]
    assert files["bad_dtd_fetch.xml"]["status"] == "unreadable"
    assert res["settings"]["engine"] == "jing" and res["exit_code"] == EXIT_INPUT


def test_the_catalog_outputs_are_recognised(tmp_path):
    db = tmp_path / "c.sqlite"
    outputs = {"add.json": ("catalog", "add", ROOT / "tei" / "source", "--db", db, "--json"),
               "list.json": ("catalog", "list", "--db", db, "--json"),
               "query.json": ("catalog", "query", "--recipient", "Molotov", "--db", db, "--json")}
    for name, args in outputs.items():
        r = run_cli(*args)
        assert r.returncode == 0, r.stderr
        (tmp_path / name).write_text(r.stdout, encoding="utf-8")
    res = validate_paths([tmp_path / n for n in outputs])
    assert [(Path(f["path"]).name, f["kind"], f["schema"], f["status"]) for f in res["files"]] == [
        (n, "json", "catalog.schema.json", "valid") for n in outputs]
