"""What a user review found: relative catalogs on Dask, read-only commands that wrote, write
failures as internal errors, half-written outputs, empty folders stopping batches, conflicting
options, misleading hints, a hidden command in messages, and small output defects.
Every test runs the command line (its entry point, in process: see tests/conftest.py) on real files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import shutil
import sqlite3

import pytest

from conftest import SEED, run_cli, seed_folder
from provenance.resources import json_errors

A, B = "004", "002"


def errors_of(proc) -> list[str]:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "internal error" not in proc.stderr, proc.stderr
    return [line for line in proc.stderr.splitlines() if line.startswith("Error: ")]


def one_error(proc, code: int, *needles: str) -> str:
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    errs = errors_of(proc)
    assert len(errs) == 1, proc.stderr
    for n in needles:
        assert n in errs[0], (n, errs[0])
    return errs[0]


def only_line(proc, code: int, *needles: str) -> str:
    """A usage error: exactly one line on stderr."""
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), proc.stderr
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def no_temp_files(folder) -> bool:
    return not [p for p in folder.rglob(".*.tmp")]


@pytest.fixture
def pair(tmp_path):
    """The seed draft and decision as A.txt and B.txt in tmp_path."""
    shutil.copyfile(SEED[A], tmp_path / "A.txt")
    shutil.copyfile(SEED[B], tmp_path / "B.txt")
    return tmp_path


# ----------------------------------------------------------------------------- A. Dask, relative --db

@pytest.fixture(scope="module")
def cluster():
    import distributed

    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://",
                                  host="127.0.0.1", dashboard_address=None) as c:
        yield c


def test_dask_engine_with_a_relative_catalog(cluster, tmp_path):
    """The workers run in another working folder: the relative --db must reach them absolute."""
    seed_folder(tmp_path, *SEED)
    assert os.getcwd() != str(tmp_path)  # the in-process workers are elsewhere
    dask = ("--engine", "dask", "--scheduler", cluster.scheduler_address)
    r = run_cli("corpus", "index", "src", "--db", "dk.sqlite", "-q", *dask, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    on_dask = run_cli("corpus", "discover", "--db", "dk.sqlite", "--json", *dask, cwd=tmp_path)
    assert on_dask.returncode == 0, on_dask.stderr
    local = run_cli("corpus", "discover", "--db", "dk.sqlite", "--json", "--workers", "1", cwd=tmp_path)
    assert json.loads(on_dask.stdout) == json.loads(local.stdout)
    assert json.loads(on_dask.stdout)["db"] == "dk.sqlite"  # the payload keeps the name as given
    assert [{p["a"], p["b"]} for p in json.loads(on_dask.stdout)["pairs"]] == [{SEED[A].stem, SEED[B].stem}]
    audit = run_cli("corpus", "audit", "--db", "dk.sqlite", "-o", "out", "--json", *dask, cwd=tmp_path)
    assert audit.returncode == 1, audit.stderr  # the pair has substantive divergences
    assert json.loads(audit.stdout)["summary"]["reports"] == 1
    assert (tmp_path / "out" / "index.html").is_file()


# ----------------------------------------------------------------------------- B. read-only commands

READERS = [("catalog", "list"), ("catalog", "query", "--recipient", "Molotov"), ("corpus", "discover"),
           ("corpus", "audit")]


def _read(args, db, tmp_path):
    return run_cli(*args, "--db", db, *(("-o", tmp_path / "out") if args == ("corpus", "audit") else ()))


@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_read_only_commands_refuse_an_empty_file_and_write_nothing(tmp_path, args):
    db = tmp_path / "empty.txt"
    db.write_bytes(b"")
    one_error(_read(args, db, tmp_path), 3, "empty.txt", "is not a provenance catalog")
    assert db.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]


@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_read_only_commands_refuse_another_applications_sqlite_file(tmp_path, args):
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('keep me')")
    con.commit()
    con.close()
    before = sha(db)
    one_error(_read(args, db, tmp_path), 3, "other.db", "is not a provenance catalog")
    assert sha(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_read_only_commands_do_not_create_a_missing_catalog(tmp_path, args):
    one_error(_read(args, tmp_path / "none.sqlite", tmp_path), 3, "none.sqlite", "no such catalog")
    assert list(tmp_path.iterdir()) == []


def test_writers_refuse_another_applications_sqlite_file(tmp_path):
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.commit()
    con.close()
    before = sha(db)
    for args in (("catalog", "add", SEED[A]), ("corpus", "index", SEED[A], "-q")):
        one_error(run_cli(*args, "--db", db), 3, "other.db", "is not a provenance catalog")
    assert sha(db) == before


def test_a_document_added_by_one_command_is_known_to_the_other(tmp_path):
    """One catalog: after `catalog add` alone, discovery shingles the documents when it first
    needs them; after `corpus index` alone, the listing reads their copy-chain facts."""
    chain_db, corpus_db = tmp_path / "chain.sqlite", tmp_path / "corpus.sqlite"
    assert run_cli("catalog", "add", SEED[A], SEED[B], "--db", chain_db).returncode == 0
    assert run_cli("corpus", "index", SEED[A], SEED[B], "--db", corpus_db, "-q").returncode == 0
    found = run_cli("corpus", "discover", "--db", chain_db, "--json")
    assert found.returncode == 0, found.stderr
    assert [{p["a"], p["b"]} for p in json.loads(found.stdout)["pairs"]] == [{SEED[A].stem, SEED[B].stem}]
    listed = run_cli("catalog", "list", "--db", corpus_db, "--json")
    assert listed.returncode == 0, listed.stderr
    docs = json.loads(listed.stdout)["documents"]
    assert [d["id"] for d in docs] == sorted([SEED[A].stem, SEED[B].stem])
    assert all(d["chain_read"] and d["indexed"] for d in docs) and sum(d["facts"] for d in docs) > 0
    # the same documents from the other command change nothing
    again = json.loads(run_cli("catalog", "add", SEED[A], SEED[B], "--db", corpus_db, "--json").stdout)
    assert again["added"] == [] and len(again["unchanged"]) == 2
    again = json.loads(run_cli("corpus", "index", SEED[A], SEED[B], "--db", chain_db, "--json").stdout)
    assert again["summary"]["unchanged"] == 2 and again["summary"]["catalogued"] == 2


# ----------------------------------------------------------------------------- C. write failures

def test_ingest_output_that_is_a_folder(tmp_path, pair):
    (tmp_path / "o3" / "A.xml").mkdir(parents=True)
    r = run_cli("ingest", "A.txt", "B.txt", "-o", "o3", cwd=tmp_path)
    err = one_error(r, 3, "o3/A.xml", "cannot write")
    assert ".tmp" not in err
    assert (tmp_path / "o3" / "B.xml").is_file()  # the other file is still written
    assert no_temp_files(tmp_path / "o3")


def test_ingest_into_a_file_used_as_a_folder(tmp_path, pair):
    (tmp_path / "afile").write_text("not a folder\n")
    r = run_cli("ingest", "A.txt", "-o", "afile/sub", cwd=tmp_path)
    one_error(r, 3, "afile/sub/A.xml", "cannot write", "afile is a file, not a folder")
    assert (tmp_path / "afile").read_text() == "not a folder\n"


def _read_only(folder):
    """Make ``folder`` unwritable, for root too (whom permission bits do not stop): immutable."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    else:
        folder.chmod(0o555)


def _writable(folder):
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o755)


def test_ingest_into_a_read_only_folder(tmp_path, pair):
    ro = tmp_path / "ro_dir"
    ro.mkdir()
    _read_only(ro)
    try:
        r = run_cli("ingest", "A.txt", "-o", "ro_dir", cwd=tmp_path)
        err = one_error(r, 3, "ro_dir/A.xml", "cannot write")
        assert "permission denied" in err or "not permitted" in err, err
        assert list(ro.iterdir()) == []
    finally:
        _writable(ro)


def test_default_report_folder_that_is_a_file(pair):
    (pair / "reports").write_text("a file\n")
    r = run_cli("audit", "A.txt", "B.txt", cwd=pair)
    one_error(r, 3, "reports/A--B.html", "cannot write", "reports is a file, not a folder")


@pytest.mark.parametrize("args", [("align", "A.txt", "B.txt", "-o", "afile/r.json"),
                                  ("chain", "A.txt", "-o", "afile/c.txt"),
                                  ("audit", "A.txt", "B.txt", "-o", "afile/r.html")],
                         ids=lambda a: a[0])
def test_other_outputs_under_a_file(pair, args):
    (pair / "afile").write_text("x")
    one_error(run_cli(*args, cwd=pair), 3, args[-1], "cannot write")


def test_corpus_audit_output_under_a_file(tmp_path):
    src = seed_folder(tmp_path, A, B)
    assert run_cli("corpus", "index", src, "--db", tmp_path / "c.sqlite", "-q").returncode == 0
    (tmp_path / "afile").write_text("x")
    r = run_cli("corpus", "audit", "--db", "c.sqlite", "-o", "afile/sub", "-q", cwd=tmp_path)
    one_error(r, 3, "afile/sub", "cannot write", "afile is a file, not a folder")


# ----------------------------------------------------------------------------- D. both outputs or neither

def test_audit_keeps_the_report_when_the_json_cannot_be_written(pair):
    keep = pair / "keep.html"
    keep.write_text("earlier report\n")
    (pair / "bad_dir").write_text("a file, not a folder\n")
    r = run_cli("audit", "A.txt", "B.txt", "-o", "keep.html", "--json-out", "bad_dir/s.json", cwd=pair)
    one_error(r, 3, "bad_dir/s.json", "cannot write")
    assert keep.read_text() == "earlier report\n"
    assert no_temp_files(pair)


def test_audit_writes_no_json_when_the_report_cannot_be_written(pair):
    (pair / "r.html").mkdir()
    (pair / "s.json").write_text("{}\n")
    r = run_cli("audit", "A.txt", "B.txt", "-o", "sub/x.html", "--json-out", "s.json", "--fail-on", "none", cwd=pair)
    assert r.returncode == 0, r.stderr  # the control: both written
    assert json.loads((pair / "s.json").read_text())["report"] == "sub/x.html"
    (pair / "s.json").write_text("{}\n")
    (pair / "afile").write_text("x")
    r = run_cli("audit", "A.txt", "B.txt", "-o", "afile/x.html", "--json-out", "s.json", cwd=pair)
    one_error(r, 3, "afile/x.html", "cannot write")
    assert (pair / "s.json").read_text() == "{}\n"
    assert no_temp_files(pair)


def test_corpus_audit_writes_its_pages_all_or_none(tmp_path):
    src = seed_folder(tmp_path, A, B)
    db = tmp_path / "c.sqlite"
    assert run_cli("corpus", "index", src, "--db", db, "-q").returncode == 0
    out = tmp_path / "out"
    (out / "index.html").mkdir(parents=True)  # the index page cannot be written
    r = run_cli("corpus", "audit", "--db", db, "-o", out, "-q", "--workers", "1")
    one_error(r, 3, "index.html", "cannot write")
    assert not (out / "corpus.json").exists() and not (out / "graph.html").exists()
    assert not (out / "corpus.graphml").exists() and no_temp_files(out)


# ----------------------------------------------------------------------------- E. empty folders in a batch

def test_ingest_reports_an_empty_folder_and_converts_the_rest(pair):
    (pair / "emptydir").mkdir()
    r = run_cli("ingest", "emptydir", "A.txt", "-o", "out", "--json", cwd=pair)
    one_error(r, 3, "emptydir", "holds no")
    assert (pair / "out" / "A.xml").is_file()
    payload = json.loads(r.stdout)
    assert json_errors(payload, "ingest.schema.json") == []
    assert payload["summary"]["converted"] == 1 and payload["summary"]["failed"] == 1
    assert [e["path"] for e in payload["errors"]] == ["emptydir"]


def test_catalog_add_reports_an_empty_folder_and_adds_the_rest(pair):
    (pair / "emptydir").mkdir()
    r = run_cli("catalog", "add", "emptydir", "A.txt", "--db", "c.sqlite", "--json", cwd=pair)
    one_error(r, 3, "emptydir", "holds no")
    assert [d["path"] for d in json.loads(r.stdout)["added"]] == ["A.txt"]
    listed = run_cli("catalog", "list", "--db", "c.sqlite", "--json", cwd=pair)
    assert [d["id"] for d in json.loads(listed.stdout)["documents"]] == ["A"]


def test_chain_reports_an_empty_folder_and_reads_the_rest(pair):
    (pair / "emptydir").mkdir()
    r = run_cli("chain", "emptydir", "A.txt", "--format", "json", cwd=pair)
    one_error(r, 3, "emptydir", "holds no")
    payload = json.loads(r.stdout)
    assert json_errors(payload, "chain.schema.json") == []
    assert [d["id"] for d in payload["documents"]] == ["A"]
    assert [e["path"] for e in payload["errors"]] == ["emptydir"]


def test_corpus_index_reports_an_empty_folder_and_indexes_the_rest(pair):
    (pair / "emptydir").mkdir()
    r = run_cli("corpus", "index", "emptydir", "A.txt", "--db", "c.sqlite", "--json", "-q", cwd=pair)
    one_error(r, 3, "emptydir", "holds no")
    assert [d["id"] for d in json.loads(r.stdout)["documents"]] == ["A"]


# ----------------------------------------------------------------------------- F. conflicting options

@pytest.mark.parametrize("args,needles", [
    (("align", "A.txt", "B.txt", "--json", "--format", "tei"), ("--json", "--format tei")),
    (("align", "A.txt", "B.txt", "--limit", "-1"), ("--limit", "-1")),
    (("align", "A.txt", "B.txt", "--format", "json", "--limit", "3"), ("--limit", "text")),
    (("chain", "A.txt", "--json", "--format", "table"), ("--json", "--format table")),
    (("catalog", "query", "--recipient", "Molotov", "--agent", "Beria"), ("--recipient", "--agent")),
], ids=["align-json-tei", "align-limit", "align-limit-json", "chain-json-table", "query-recipient-agent"])
def test_conflicting_options_are_usage_errors(pair, args, needles):
    only_line(run_cli(*args, cwd=pair), 2, *needles)
    assert sorted(p.name for p in pair.iterdir()) == ["A.txt", "B.txt"]


def test_compatible_options_still_work(pair):
    r = run_cli("align", "A.txt", "B.txt", "--json", "--format", "json", cwd=pair)
    assert r.returncode == 1 and json.loads(r.stdout)["divergences"]
    r = run_cli("align", "A.txt", "B.txt", "--limit", "0", cwd=pair)
    assert r.returncode == 1, r.stderr
    assert run_cli("chain", "A.txt", "--json", "--format", "json", cwd=pair).returncode in (0, 1)
    help_text = run_cli("catalog", "query", "--help").stdout
    assert "not with --agent" in " ".join(help_text.split())


# ----------------------------------------------------------------------------- G. hints, --encoding

@pytest.fixture
def binary(pair):
    (pair / "bin.txt").write_bytes(bytes(range(256)) * 8)
    return pair


@pytest.mark.parametrize("args,hint", [
    (("ingest", "bin.txt", "-o", "out"), True),
    (("chain", "bin.txt"), True),
    (("align", "A.txt", "bin.txt"), False),
    (("audit", "A.txt", "bin.txt", "-o", "r.html"), False),
    (("catalog", "add", "bin.txt", "--db", "c.sqlite"), False),
    (("corpus", "index", "bin.txt", "--db", "c.sqlite", "-q"), False),
], ids=lambda a: a if isinstance(a, bool) else " ".join(a[:2]))
def test_encoding_hint_only_where_the_option_exists(binary, args, hint):
    err = one_error(run_cli(*args, cwd=binary), 3, "bin.txt", "binary")
    assert ("--encoding" in err) == hint, err


def test_unknown_encoding_is_a_usage_error(pair):
    for enc in ("klingon", "rot13"):
        only_line(run_cli("ingest", "A.txt", "-o", "out", "--encoding", enc, cwd=pair), 2, "--encoding", enc)
        only_line(run_cli("chain", "A.txt", "--encoding", enc, cwd=pair), 2, "--encoding", enc)
    assert not (pair / "out").exists()
    assert run_cli("ingest", "A.txt", "-o", "out", "--encoding", "utf-8", cwd=pair).returncode == 0


# ----------------------------------------------------------------------------- H. chain help and usage

def test_chain_help_shows_the_options_of_chain_path():
    r = run_cli("chain", "--help")
    assert r.returncode == 0
    for opt in ("--format", "-o, --output", "--names", "--json", "--encoding", "query"):
        assert opt in r.stdout, opt
    assert "chain extract" not in r.stdout


def test_chain_usage_errors_point_at_provenance_chain(pair):
    r = run_cli("chain", "A.txt", "--format", "bogus", cwd=pair)
    assert r.returncode == 2
    assert "extract" not in r.stderr
    assert "Usage: provenance chain [OPTIONS]" in r.stderr and "'provenance chain --help'" in r.stderr
    r = run_cli("chain", "A.txt", "--help", cwd=pair)
    assert r.returncode == 0 and "Usage: provenance chain [OPTIONS] PATHS..." in r.stdout


# ----------------------------------------------------------------------------- I. small things

def test_corpus_discover_help_has_no_doubled_percent():
    r = run_cli("corpus", "discover", "--help")
    assert "1% of the documents" in " ".join(r.stdout.split()) and "%%" not in r.stdout


def test_corpus_pages_keep_their_css_quotes(tmp_path):
    src = seed_folder(tmp_path, A, B)
    db = tmp_path / "c.sqlite"
    assert run_cli("corpus", "index", src, "--db", db, "-q").returncode == 0
    assert run_cli("corpus", "audit", "--db", db, "-o", tmp_path / "out", "-q", "--workers", "1",
                   "--fail-on", "none").returncode == 0
    for page in ("index.html", "graph.html"):
        html = (tmp_path / "out" / page).read_text(encoding="utf-8")
        style = html.split("<style>", 1)[1].split("</style>", 1)[0]
        assert '"Segoe UI"' in style and "&#34;" not in style, page


def test_text_json_names_the_tool(tmp_path):
    assert run_cli("ingest", SEED[A], "-o", tmp_path).returncode == 0
    r = run_cli("text", tmp_path / (SEED[A].stem + ".xml"), "--json")
    payload = json.loads(r.stdout)
    assert payload["tool"]["name"] == "provenance" and payload["tool"]["version"]
    assert json_errors(payload, "text.schema.json") == []


def test_non_utf8_xml_error_is_one_line(tmp_path):
    bad = tmp_path / "latin.xml"
    bad.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\xff\xfe</TEI>')
    one_error(run_cli("text", bad), 3, "latin.xml:2:", "UTF-8")
    r = run_cli("validate", bad)
    assert r.returncode == 3
    assert len([x for x in r.stderr.splitlines() if x.strip()]) == 1 and r.stderr.startswith("Error: "), r.stderr
    r = run_cli("validate", bad, "--json")
    msg = json.loads(r.stdout)["files"][0]["findings"][0]["message"]
    assert "\n" not in msg


def test_relax_ng_errors_never_name_line_minus_one(tmp_path):
    rng = tmp_path / "nothing.rng"
    rng.write_text("<foo/>")  # libxml2 reports this at line -1
    r = run_cli("validate", "--schema", rng, SEED[A].parents[1] / (SEED[A].stem + ".xml"))
    err = only_line(r, 2, "nothing.rng", "RELAX NG")
    assert ":-1" not in err and err.startswith(f"Error: {rng}: ")
