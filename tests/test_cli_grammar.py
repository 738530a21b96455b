"""One grammar for every command, table-driven and in process (click's CliRunner):

* `--json` writes JSON on standard output, valid against the command's schema;
* every command that reports findings exits 1 exactly when a finding at or above `--fail-on`
  is found, the default being the most serious level of its scale; the expected status is
  computed from the command's own JSON, level by level;
* `--json` with `-o` is a usage error; a command that writes a file says so on stderr.
"""

from __future__ import annotations

import json
import shutil

import click
import pytest
from click.testing import CliRunner
from conftest import SEED, SOURCES, TEI_DIR

from provenance.cli import cli
from provenance.resources import json_errors

A, B = str(SEED["004"]), str(SEED["002"])
DIVERGENCE = ["substantive", "lexical", "orthographic", "accidental", "editorial"]


def run(*args, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """A folder with a copy of the seed pair and a catalog of the seeds, indexed and discovered."""
    tmp = tmp_path_factory.mktemp("grammar")
    shutil.copyfile(A, tmp / "a.txt")
    shutil.copyfile(B, tmp / "b.txt")
    shutil.copyfile(A, tmp / "twin.txt")
    assert run("catalog", "add", SOURCES, "--db", tmp / "cat.sqlite").exit_code == 0
    assert run("corpus", "index", SOURCES, "--db", tmp / "corpus.sqlite", "-q").exit_code == 0
    return tmp


#: command -> (arguments before --json, schema of its --json)
JSON_COMMANDS = {
    "ingest": (lambda w: ["ingest", w / "a.txt", "-o", w / "tei"], "ingest.schema.json"),
    "text": (lambda w: ["text", w / "a.txt"], "text.schema.json"),
    "validate": (lambda w: ["validate", TEI_DIR / "002_c4e584884d72af45.xml"], "validate.schema.json"),
    "align": (lambda w: ["align", w / "a.txt", w / "b.txt"], "align.schema.json"),
    "audit": (lambda w: ["audit", w / "a.txt", w / "b.txt", "-o", w / "r.html"], "audit.schema.json"),
    "chain": (lambda w: ["chain", w / "a.txt"], "chain.schema.json"),
    "catalog query": (lambda w: ["catalog", "query", "--recipient", "Molotov", "--db", w / "cat.sqlite"],
                    "catalog.schema.json"),
    "catalog add": (lambda w: ["catalog", "add", w / "a.txt", "--db", w / "cat2.sqlite"], "catalog.schema.json"),
    "catalog list": (lambda w: ["catalog", "list", "--db", w / "cat.sqlite"], "catalog.schema.json"),
    "catalog search": (lambda w: ["catalog", "search", "Xinjiang", "--db", w / "cat.sqlite"],
                       "catalog-search.schema.json"),
    "catalog metadata": (lambda w: ["catalog", "metadata"], "catalog-metadata.schema.json"),
    "corpus index": (lambda w: ["corpus", "index", SOURCES, "--db", w / "corpus.sqlite", "-q"],
                     "corpus-index.schema.json"),
    "corpus discover": (lambda w: ["corpus", "discover", "--db", w / "corpus.sqlite", "-q", "--workers", "1"],
                        "corpus-discover.schema.json"),
    "corpus audit": (lambda w: ["corpus", "audit", "--db", w / "corpus.sqlite", "-o", w / "corpus", "-q",
                                "--workers", "1"], "corpus-audit.schema.json"),
}


def test_the_table_covers_every_command():
    from test_project_rules import COMMANDS

    leaves = {" ".join(p) for p, c in COMMANDS if p and not hasattr(c, "commands") and not c.hidden}
    assert leaves | {"chain"} == set(JSON_COMMANDS)


@pytest.mark.parametrize("name", sorted(JSON_COMMANDS))
def test_json_goes_to_stdout_and_matches_its_schema(work, name):
    args, schema = JSON_COMMANDS[name]
    r = run(*args(work), "--json")
    assert r.exit_code in (0, 1), (r.exit_code, r.stderr)
    payload = json.loads(r.stdout)
    assert json_errors(payload, schema) == []


@pytest.mark.parametrize("args", [
    ["align", "{a}", "{b}", "--json", "-o", "x.json"],
    ["chain", "{a}", "--json", "-o", "x.json"],
])
def test_json_with_an_output_file_is_a_usage_error(work, args):
    r = run(*[x.format(a=work / "a.txt", b=work / "b.txt") for x in args])
    assert r.exit_code == 2 and "--json writes to standard output" in r.stderr
    assert not (work / "x.json").exists()


def _divergence_categories(payload) -> set[str]:
    return {d["category"] for d in payload["divergences"]}


def _pairs_categories(payload) -> set[str]:
    return {c for p in payload["pairs"] for c, n in (p["by_category"] or {}).items() if n}


def _validate_levels(payload) -> set[str]:
    s = payload["summary"]
    return {lvl for lvl, key in (("error", "errors"), ("warning", "warnings")) if s[key]}


def _chain_levels(payload) -> set[str]:
    return {lvl for lvl, n in payload["summary"]["by_severity"].items() if n}


#: command -> (its arguments with --json, the levels of its scale, the levels found in its JSON)
FINDINGS = {
    "align": (lambda w: ["align", w / "a.txt", w / "b.txt", "--json"], DIVERGENCE, _divergence_categories),
    "align (no substantive)": (lambda w: ["align", w / "a.txt", w / "twin.txt", "--json"], DIVERGENCE,
                               _divergence_categories),
    "audit": (lambda w: ["audit", w / "a.txt", w / "b.txt", "-o", w / "f.html", "--json", "--char-diff"],
              DIVERGENCE, _divergence_categories),
    "corpus audit": (lambda w: ["corpus", "audit", "--db", w / "corpus.sqlite", "-o", w / "fc", "-q",
                                "--workers", "1", "--json"], DIVERGENCE, _pairs_categories),
    "validate": (lambda w: ["validate", TEI_DIR, "--json"], ["error", "warning"], _validate_levels),
    "chain": (lambda w: ["chain", SOURCES, "--json"], ["warning", "info"], _chain_levels),
}


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_fail_on_is_one_rule_for_every_command_that_reports_findings(work, name):
    args, levels, found_in = FINDINGS[name]
    default = run(*args(work))
    found = found_in(json.loads(default.stdout))
    # the default is the most serious level
    assert default.exit_code == (1 if levels[0] in found else 0), default.stderr
    outcomes = set()
    for i, level in enumerate(levels + ["any", "none"]):
        at_or_above = set(levels[: i + 1]) if level in levels else (set(levels) if level == "any" else set())
        expected = 1 if found & at_or_above else 0
        r = run(*args(work), "--fail-on", level)
        assert r.exit_code == expected, (level, found, r.exit_code, r.stderr)
        outcomes.add(expected)
    if found:
        assert outcomes == {0, 1}  # the rule can go both ways on this input
    bad = run(*args(work), "--fail-on", "nonsense")
    assert bad.exit_code == 2


def test_commands_that_write_files_say_so(work, tmp_path):
    r = run("align", work / "a.txt", work / "b.txt", "--format", "json", "-o", tmp_path / "x.json", "--fail-on",
            "none")
    assert r.exit_code == 0 and r.stderr.splitlines() == [f"wrote {tmp_path / 'x.json'}"]
    r = run("audit", "a.txt", "b.txt", "--fail-on", "none", cwd=work)
    assert f"wrote reports/a--b.html" in r.stderr.splitlines() and (work / "reports" / "a--b.html").is_file()
    r = run("ingest", work / "a.txt", "-o", tmp_path / "tei")
    assert f"wrote 1 TEI file to {tmp_path / 'tei'}" in r.stderr.splitlines()
    r = run("chain", work / "a.txt", "--format", "dot", "-o", tmp_path / "g.dot", "--fail-on", "none")
    assert r.exit_code == 0 and f"wrote {tmp_path / 'g.dot'}" in r.stderr.splitlines()


def test_ids_are_accepted_wherever_witnesses_are_named(work):
    for cmd in (["align", "--json"], ["audit", "-o", work / "ids.html", "--json", "--char-diff"]):
        one = json.loads(run(cmd[0], work / "a.txt", work / "b.txt", *cmd[1:], "--ids", "draft,final",
                             "--fail-on", "none").stdout)
        two = json.loads(run(cmd[0], work / "a.txt", work / "b.txt", *cmd[1:], "--id", "draft", "--id", "final",
                             "--fail-on", "none").stdout)
        ids = [w["id"] for w in one["witnesses"]]
        assert ids == ["draft", "final"] == [w["id"] for w in two["witnesses"]]
        assert run(cmd[0], work / "a.txt", work / "b.txt", *cmd[1:], "--ids", "only-one").exit_code == 2


def test_char_diff_marks_the_letters_that_differ(work):
    r = run("align", work / "a.txt", work / "b.txt", "--json", "--char-diff")
    payload = json.loads(r.stdout)
    assert json_errors(payload, "align.schema.json") == []
    subs = [d for d in payload["divergences"] if d["kind"] == "substitution"]
    assert subs and all("chars" in d for d in subs)
    assert all("chars" not in d for d in payload["divergences"] if d["kind"] != "substitution")
    base = payload["settings"]["base"]
    for d in subs:
        for c in d["chars"]:
            diff = c["diff"]
            # the diff rebuilds both readings
            assert "".join(t for op, t in diff if op != "+") == d["readings"][base]["text"]
            assert "".join(t for op, t in diff if op != "-") == d["readings"][c["witness"]]["text"]
    tarb = [d for d in subs if d["readings"][base]["text"] == "Tarbaghatai"]
    assert tarb and tarb[0]["chars"][0]["diff"] == [["=", "Tarbaghata"], ["-", "i"], ["+", "y"]]
    plain = json.loads(run("align", work / "a.txt", work / "b.txt", "--json").stdout)
    assert all("chars" not in d for d in plain["divergences"])
    assert run("align", work / "a.txt", work / "b.txt", "--char-diff").exit_code == 2


def test_text_reads_a_transcription_or_says_what_it_expects(work, tmp_path):
    from_txt = run("text", work / "a.txt", "--layer", "original")
    assert from_txt.exit_code == 0 and "Having discussed the condition" in from_txt.stdout
    other = tmp_path / "other.xml"
    other.write_text("<?xml version='1.0'?><root/>\n", encoding="utf-8")
    r = run("text", other)
    assert r.exit_code == 3
    assert r.stderr.strip().splitlines() == [f"Error: {other}: has no TEI text/body: expected a "
                                             "TEI file (.xml) or a transcription (.txt)"]


def test_ingest_without_an_output_folder_never_writes_beside_the_sources(work, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copyfile(A, src / "a.txt")
    shutil.copyfile(B, src / "b.txt")
    before = sorted(p.name for p in src.iterdir())
    one = run("ingest", src / "a.txt", cwd=tmp_path)
    assert one.exit_code == 0 and one.stdout.startswith("<?xml")
    js = run("ingest", src, "--json", cwd=tmp_path)
    assert js.exit_code == 0 and "nothing written" in js.stderr
    assert all(d["output"] is None for d in json.loads(js.stdout)["documents"])
    many = run("ingest", src, cwd=tmp_path)
    assert many.exit_code == 2 and "give -o FOLDER" in many.stderr
    assert sorted(p.name for p in src.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]


def test_a_first_guess_at_a_lexicon_gets_an_example_of_the_shape(work, tmp_path):
    guess = tmp_path / "terms.json"
    guess.write_text('{"rebels": "insurgents"}\n', encoding="utf-8")
    r = run("align", work / "a.txt", work / "b.txt", "--lexicon", guess)
    assert r.exit_code == 2
    line, = r.stderr.strip().splitlines()
    assert str(guess) in line and '"equivalents": [{"terms": ["rebels", "insurgents"]}]' in line
    assert "examples/lexicon.json" in line


@pytest.mark.parametrize("args", [
    ["align", "{w}/a.txt", "{w}/b.txt", "--json"],
    ["align", "{w}/a.txt", "{w}/b.txt", "--format", "tei"],
    ["audit", "{w}/a.txt", "{w}/b.txt", "-o", "{w}/abs.html", "--json", "--char-diff"],
    ["chain", "{w}/a.txt", "--json"],
    ["ingest", "{w}/a.txt", "-o", "{w}/abs-tei", "--json"],
    ["validate", "{w}/abs-tei", "--json"],
    ["text", "{w}/a.txt", "--json"],
], ids=lambda a: " ".join(a[:2]))
def test_outputs_never_carry_absolute_paths(work, args):
    r = run(*[x.format(w=work) for x in args], "--fail-on", "none") if args[0] in ("align", "audit", "chain") \
        else run(*[x.format(w=work) for x in args])
    assert r.exit_code == 0, r.stderr
    assert str(work) not in r.stdout
    if args[0] == "audit":
        assert str(work) not in (work / "abs.html").read_text(encoding="utf-8")
    if args[0] == "ingest":
        assert str(work) not in (work / "abs-tei" / "a.xml").read_text(encoding="utf-8")
    # given relative, a path is kept as written
    rel = run(*[x.format(w=".") for x in args], *(["--fail-on", "none"] if args[0] in ("align", "audit", "chain")
                                                  else []), cwd=work)
    assert rel.exit_code == 0, rel.stderr
    if "--json" in args and args[0] != "validate":
        assert '"a.txt"' in rel.stdout or '"./a.txt"' in rel.stdout


def test_the_command_list_of_help_is_each_commands_own_summary():
    """`provenance --help` lists the commands from summaries kept beside the lazy loader (so that
    listing them loads none); each is the first line of the command's own help."""
    from provenance.cli import COMMANDS, cli

    ctx = click.Context(cli)
    for name, (_module, _attr, summary) in COMMANDS.items():
        command = cli.get_command(ctx, name)
        assert command.get_short_help_str(limit=1000) == summary, name
