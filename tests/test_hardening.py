"""Hostile inputs: each is generated here, and each must end in a documented exit code with one
error line naming the file (or a clean run), never an internal error, never a changed source or
an earlier output replaced."""

from __future__ import annotations

import bisect
import http.server
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from lxml import etree

from conftest import SEED, run_cli, run_process
from provenance.ingest.parse import MAX_BRACKET_BREAKS, MAX_BRACKET_CHARS, RE_BRACKET_CHAR, parse_brackets

T = "{http://www.tei-c.org/ns/1.0}"
BODY = "The committee met on 5 May 1945 and decided to send the grain to the district.\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file under ``folder`` with its bytes (FIFOs and folders skipped)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def unchanged(before: dict, folder: Path, new=()) -> None:
    after = snapshot(folder)
    for name, data in before.items():
        assert after.get(name) == data, f"{name} changed"
    assert set(after) - set(before) <= set(new), set(after) - set(before)


def one_error(proc, *needles, code: int) -> str:
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    line = lines[0]
    assert line.startswith("Error: ") and "internal error" not in line and "Traceback" not in proc.stderr, line
    for n in needles:
        assert str(n) in line, (n, line)
    return line


def clean(proc, *codes) -> None:
    assert proc.returncode in codes, (proc.returncode, proc.stderr[-2000:])
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr[-2000:]


# ---- 1. many unmatched brackets --------------------------------------------------------------------

def _reference_parse(text, start=0, end=None):
    """The bracket rules written plainly (rescan after each stray): the parse must agree."""
    end = len(text) if end is None else end
    marks = [m.start() for m in RE_BRACKET_CHAR.finditer(text, start, end)]  # found once, rescanned from pos
    breaks = "\n\n" in text
    tops, strays = [], []
    pos = start
    while True:
        stack = []
        restart = None
        for i in marks[bisect.bisect_left(marks, pos):]:
            if stack:
                s0 = stack[0][0]
                if i - s0 > MAX_BRACKET_CHARS or (breaks and text.count("\n\n", s0, i) > MAX_BRACKET_BREAKS):
                    restart = s0
                    break
            if text[i] == "[":
                stack.append((i, []))
            elif not stack:
                strays.append((i, "]"))
            else:
                s, kids = stack.pop()
                b = (s, i + 1, kids)
                (stack[-1][1] if stack else tops).append(b)
        if restart is None and stack:
            restart = stack[0][0]
        if restart is None:
            break
        strays.append((restart, "["))
        tops = [b for b in tops if b[1] <= restart]
        pos = restart + 1
    return sorted(tops), sorted(strays)


def _shape(parsed):
    tops, strays = parsed

    def t(b):
        return (b.start, b.end, [t(c) for c in b.children])

    return sorted(t(b) for b in tops), sorted((x.pos, x.char) for x in strays)


def test_bracket_parse_agrees_with_the_plain_rules_on_generated_text():
    rnd = random.Random(15)
    for _ in range(400):
        alphabet = rnd.choice(["[]a", "[]ab \n", "[[]]\n\n a", "[a]\n", "[[[[]", "a" * 30 + "[]"])
        n = rnd.choice([3, 20, 200, 1300])
        text = "".join(rnd.choice(alphabet) for _ in range(n))
        s, e = rnd.randrange(0, 3), n - rnd.randrange(0, 3)
        assert _shape(parse_brackets(text, s, e)) == _reference_parse(text, s, e), text


def test_a_hundred_thousand_unmatched_brackets(tmp_path):
    src = tmp_path / "open.txt"
    src.write_text("Opening words " + "[" * 100_000 + " closing words.\n")
    before = snapshot(tmp_path)
    t0 = time.perf_counter()
    proc = run_cli("ingest", src, "-o", tmp_path / "out", "--json", timeout=120)
    assert time.perf_counter() - t0 < 60
    clean(proc, 0)
    doc = json.loads(proc.stdout)["documents"][0]
    assert len(doc["warnings"]) == 100_000
    unchanged(before, tmp_path, {"out/open.xml"})
    back = run_cli("text", tmp_path / "out" / "open.xml")
    clean(back, 0)
    assert back.stdout.count("[") == 100_000
    for cmd in (["align", src, SEED["004"]], ["audit", src, SEED["004"], "-o", tmp_path / "r.html"]):
        clean(run_cli(*cmd, timeout=120), 0, 1)


# ---- 2, 3. characters XML cannot hold; one bad file in a batch --------------------------------------

@pytest.mark.parametrize("char, name", [("\x1b", "ESC"), ("\x0b", "VT"), ("\x0c", "FF"), ("\ufffe", "U+FFFE"),
                                        ("\uffff", "U+FFFF")])
def test_a_character_xml_cannot_hold_is_one_line_with_line_and_column(tmp_path, char, name):
    src = tmp_path / "ctl.txt"
    src.write_text("First line.\n\nSecond " + char + " line.\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "ctl.xml").write_text("earlier output")
    before = snapshot(tmp_path)
    line = one_error(run_cli("ingest", src, "-o", tmp_path / "out", "--json"), f"{src}:3:", "column 8", name, code=3)
    assert "XML cannot hold" in line
    one_error(run_cli("align", src, SEED["004"]), f"{src}:3:", code=3)
    unchanged(before, tmp_path)


def test_a_nul_after_the_first_8_kb(tmp_path):
    src = tmp_path / "late.txt"
    src.write_bytes(b"word " * 2000 + b"\x00 and more\n")
    before = snapshot(tmp_path)
    one_error(run_cli("ingest", src, "-o", tmp_path / "out", "--json"), f"{src}:1:", "U+0000", code=3)
    one_error(run_cli("align", "--plain", src, SEED["004"]), f"{src}:1:", code=3)
    unchanged(before, tmp_path)


def test_one_bad_file_does_not_stop_an_ingest_batch(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a_bad.txt").write_text("Bad \x1b[31m text.\n")
    (src / "b_good.txt").write_text(BODY)
    (src / "c_bad.txt").write_bytes(b"x" * 9000 + b"\x00\n")
    before = snapshot(tmp_path)
    proc = run_cli("ingest", src, "-o", tmp_path / "out", "--json")
    assert proc.returncode == 3
    payload = json.loads(proc.stdout)
    assert [d["id"] for d in payload["documents"]] == ["b_good"]
    assert sorted(Path(e["path"]).name for e in payload["errors"]) == ["a_bad.txt", "c_bad.txt"]
    lines = [x for x in proc.stderr.strip().splitlines() if not x.startswith("wrote ")]
    assert len(lines) == 2 and all(x.startswith("Error: ") and "internal error" not in x for x in lines)
    unchanged(before, tmp_path, {"out/b_good.xml"})


def test_a_batch_survives_an_unforeseen_error(tmp_path, monkeypatch):
    """Whatever goes wrong with one file (here: a failure planted in the converter) is that file's error."""
    from provenance import ingest as ingest_mod

    real = ingest_mod.ingest_text

    def fragile(text, doc_id, *a, **k):
        if doc_id == "a_trap":
            raise RecursionError("planted")
        return real(text, doc_id, *a, **k)

    monkeypatch.setattr(ingest_mod, "ingest_text", fragile)
    (tmp_path / "a_trap.txt").write_text(BODY)
    (tmp_path / "b_fine.txt").write_text(BODY)
    res = ingest_mod.ingest_paths([tmp_path / "a_trap.txt", tmp_path / "b_fine.txt"], tmp_path / "out")
    assert [d["id"] for d in res["documents"]] == ["b_fine"]
    assert res["errors"][0]["path"].endswith("a_trap.txt") and "RecursionError" in res["errors"][0]["message"]


# ---- 4. special files ------------------------------------------------------------------------------

@pytest.fixture
def fifo(tmp_path):
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    return p


@pytest.mark.parametrize("args, code", [
    (["ingest", "{fifo}", "-o", "{tmp}/out", "--json"], 3),
    (["align", "{fifo}", "{seed}"], 3),
    (["align", "--plain", "{seed}", "{fifo}"], 3),
    (["text", "{fifo}"], 3),
    (["chain", "{fifo}", "--json"], 3),
    (["ingest", "{seed}", "-o", "{tmp}/out", "--rules", "{fifo}", "--json"], 2),
    (["align", "{seed}", "{seed2}", "--lexicon", "{fifo}"], 2),
    (["chain", "{seed}", "--names", "{fifo}"], 2),
])
def test_a_fifo_is_refused_at_once(tmp_path, fifo, args, code):
    before = snapshot(tmp_path)
    argv = [a.format(fifo=fifo, tmp=tmp_path, seed=SEED["004"], seed2=SEED["002"]) for a in args]
    t0 = time.perf_counter()
    proc = run_cli(*argv, timeout=60)
    assert time.perf_counter() - t0 < 30
    one_error(proc, "pipe.txt", "not a regular file (a FIFO)", code=code)
    unchanged(before, tmp_path)


def test_validate_refuses_a_fifo(tmp_path, fifo):
    proc = run_cli("validate", fifo, "--json", timeout=60)
    assert proc.returncode == 3
    assert "not a regular file" in json.loads(proc.stdout)["files"][0]["findings"][0]["message"]


# ---- 5. outputs never replace inputs or each other ---------------------------------------------------

@pytest.mark.parametrize("args, named", [
    (["align", "a.txt", "b.txt", "-o", "a.txt"], "a.txt"),
    (["align", "a.txt", "b.txt", "--lexicon", "lex.json", "-o", "lex.json"], "lex.json"),
    (["audit", "a.txt", "b.txt", "-o", "b.txt"], "b.txt"),
    (["audit", "a.txt", "b.txt", "-o", "r.html", "--json-out", "a.txt"], "a.txt"),
    (["audit", "a.txt", "b.txt", "-o", "r.html", "--json", "r.html"], "r.html"),
    (["chain", "a.txt", "-o", "a.txt"], "a.txt"),
    (["chain", ".", "-o", "b.txt"], "b.txt"),
    (["chain", "a.txt", "--names", "names.json", "-o", "names.json"], "names.json"),
    (["align", "a.xml", "b.txt", "--format", "tei", "-o", "a.xml"], "a.xml"),
    (["align", "a.txt", "b.txt", "-o", "link.txt"], "link.txt"),
])
def test_an_output_that_is_an_input_or_another_output_is_refused(tmp_path, args, named):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY.replace("grain", "cattle"))
    (tmp_path / "lex.json").write_text(json.dumps({"version": 1, "equivalents": []}))
    (tmp_path / "names.json").write_text(json.dumps({"version": 1, "people": []}))
    (tmp_path / "r.html").write_text("an earlier report")
    (tmp_path / "link.txt").symlink_to("a.txt")
    clean(run_cli("ingest", tmp_path / "a.txt", "-o", tmp_path / "x"), 0)
    (tmp_path / "x" / "a.xml").rename(tmp_path / "a.xml")
    (tmp_path / "x").rmdir()
    before = snapshot(tmp_path)
    line = one_error(run_cli(*args, cwd=tmp_path), named, code=2)
    assert "is also an input" in line or "two outputs" in line
    unchanged(before, tmp_path)


def test_the_guard_is_a_library_function(tmp_path):
    from provenance.errors import UsageError
    from provenance.fileio import check_outputs

    a = tmp_path / "a.txt"
    a.write_text(BODY)
    check_outputs([a], [tmp_path / "new.txt", None, "-"])
    with pytest.raises(UsageError):
        check_outputs([a], [tmp_path / "sub" / ".." / "a.txt"])
    with pytest.raises(UsageError):
        check_outputs([], [tmp_path / "o.json", tmp_path / "o.json"])


# ---- 6. deep nesting ---------------------------------------------------------------------------------

def test_brackets_nested_255_deep_give_tei_every_command_reads(tmp_path):
    src = tmp_path / "deep.txt"
    src.write_text("Start " + "[a " * 255 + "core" + "]" * 255 + " end.\n\nSecond paragraph.\n")
    before = snapshot(tmp_path)
    proc = run_cli("ingest", src, "-o", tmp_path / "out", "--json")
    clean(proc, 0)
    warnings = json.loads(proc.stdout)["documents"][0]["warnings"]
    assert any("nested more than 64 deep" in w["message"] for w in warnings)
    xml = tmp_path / "out" / "deep.xml"
    depth = max(len(list(e.iterancestors())) for e in etree.parse(str(xml)).iter())
    assert depth < 200
    clean(run_cli("validate", xml), 0)
    back = run_cli("text", xml)
    clean(back, 0)
    assert back.stdout.count("[") == 255 and back.stdout.count("]") == 255
    clean(run_cli("align", xml, src, "--ids", "tei,source"), 0, 1)
    clean(run_cli("chain", xml), 0, 1)
    unchanged(before, tmp_path, {"out/deep.xml"})


# ---- 7. schemas that include from the network ----------------------------------------------------------

@pytest.fixture
def listener():
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><text/></start></grammar>')

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()


@pytest.mark.parametrize("where", ["include", "externalRef", "nested"])
def test_a_schema_never_fetches_what_it_includes(tmp_path, listener, where):
    url, hits = listener
    rng = tmp_path / "s.rng"
    ns = 'xmlns="http://relaxng.org/ns/structure/1.0"'
    if where == "include":
        rng.write_text(f'<grammar {ns}><include href="{url}/x.rng"/><start><element name="TEI"><text/></element>'
                       '</start></grammar>')
        named = "s.rng:1"
    elif where == "externalRef":
        rng.write_text(f'<grammar {ns}><start><externalRef href="{url}/x.rng"/></start></grammar>')
        named = "s.rng:1"
    else:
        (tmp_path / "part.rng").write_text(f'<element name="TEI" {ns}>\n<externalRef href="{url}/y.rng"/></element>')
        rng.write_text(f'<grammar {ns}><start><externalRef href="part.rng"/></start></grammar>')
        named = "part.rng:2"
    xml = tmp_path / "doc.xml"
    xml.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    before = snapshot(tmp_path)
    line = one_error(run_cli("validate", "--schema", rng, xml), named, code=2)
    assert "nothing is fetched" in line
    assert hits == []
    unchanged(before, tmp_path)


# ---- 8. JSON nested too deeply, overlong numbers, a full device ---------------------------------------------

@pytest.mark.parametrize("option, cmd", [("--rules", "ingest"), ("--lexicon", "align"), ("--names", "chain")])
@pytest.mark.parametrize("depth", [70, 100_000])
def test_deeply_nested_json_options_are_a_usage_error(tmp_path, option, cmd, depth):
    bad = tmp_path / "deep.json"
    bad.write_text("[" * depth + "]" * depth)
    args = {"ingest": ["ingest", SEED["004"], "-o", tmp_path / "out"], "align": ["align", SEED["004"], SEED["002"]],
            "chain": ["chain", SEED["004"]]}[cmd]
    before = snapshot(tmp_path)
    one_error(run_cli(*args, option, bad), f"{bad}:", "nested", code=2)
    unchanged(before, tmp_path)


def test_overlong_numbers_in_json(tmp_path):
    big = tmp_path / "big.json"
    big.write_text('{"version": ' + "7" * 100_000 + "}")
    before = snapshot(tmp_path)
    proc = run_cli("validate", big)
    assert proc.returncode == 3 and "internal error" not in proc.stderr + proc.stdout
    line = one_error(proc, str(big), code=3)
    assert "more than" in line and "digits" in line
    one_error(run_cli("chain", SEED["004"], "--names", big), str(big), code=2)
    unchanged(before, tmp_path)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["text", "{xml}"], ["chain", "{src}"], ["align", "{src}", "{src2}", "--json"]])
def test_standard_output_on_a_full_device(tmp_path, args):
    src = tmp_path / "a.txt"
    src.write_text(BODY * 50)
    (tmp_path / "b.txt").write_text(BODY.replace("grain", "cattle") * 50)
    clean(run_cli("ingest", src, "-o", tmp_path), 0)
    before = snapshot(tmp_path)
    argv = [a.format(xml=tmp_path / "a.xml", src=src, src2=tmp_path / "b.txt") for a in args]
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "provenance", *map(str, argv)], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    one_error(proc, "standard output", "no space left on device", code=3)
    unchanged(before, tmp_path)


def test_text_with_standard_output_closed(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(BODY)
    clean(run_cli("ingest", src, "-o", tmp_path), 0)
    proc = subprocess.run([sys.executable, "-m", "provenance", "text", str(tmp_path / "a.xml")],
                          stderr=subprocess.PIPE, text=True, timeout=60, preexec_fn=lambda: os.close(1))
    one_error(proc, "standard output", "closed", code=3)


# ---- 9. markdown header ---------------------------------------------------------------------------

MD = ("**May 5, 1945**  \n**Report on the Harvest**\n\n**Citation:**\n\n\"Report on the Harvest\", May 5, 1945, "
      "GARF, f. 1, op. 2, d. 3.\n\n**Summary:**\n\n{summary}\n\n**Credits:**\n\nSome Foundation\n\n"
      "**Contents:**\n\nTranslation - English\n\n{body}")


def test_every_summary_paragraph_is_kept(tmp_path):
    src = tmp_path / "md.txt"
    src.write_text(MD.format(summary="The first summary paragraph.\n\nA second paragraph about Zanzibar.",
                             body=BODY))
    before = snapshot(tmp_path)
    clean(run_cli("ingest", src, "-o", tmp_path / "out"), 0)
    tree = etree.parse(str(tmp_path / "out" / "md.xml"))
    summary = " ".join(tree.find(f".//{T}summary").itertext())
    assert "first summary paragraph" in summary and "Zanzibar" in summary
    body = run_cli("text", tmp_path / "out" / "md.xml").stdout
    assert "Zanzibar" not in body and "grain" in body
    unchanged(before, tmp_path, {"out/md.xml"})


def test_a_citation_label_in_the_middle_of_a_text_is_body(tmp_path):
    src = tmp_path / "mid.txt"
    text = ("The first paragraph of the letter.\n\nThe second paragraph.\n\n**Citation:**\n\n"
            "Something cited.\n\nThe last paragraph.\n")
    src.write_text(text)
    clean(run_cli("ingest", src, "-o", tmp_path / "out"), 0)
    tree = etree.parse(str(tmp_path / "out" / "mid.xml"))
    assert tree.find(f".//{T}titleStmt/{T}title").text == "mid"
    back = run_cli("text", tmp_path / "out" / "mid.xml").stdout
    assert back.split() == text.split()


# ---- 11. temporary files of a killed run ---------------------------------------------------------------

def test_a_later_write_removes_stale_temporary_files(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".a.xml.k1ll3d.tmp"
    stale.write_text("half a file")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    other = out / ".b.xml.k1ll3d.tmp"  # another output's: not this write's business
    other.write_text("x")
    os.utime(other, (old, old))
    src = tmp_path / "a.txt"
    src.write_text(BODY)
    clean(run_cli("ingest", src, "-o", out), 0)
    assert not stale.exists() and other.exists()
    assert sorted(p.name for p in out.iterdir()) == [".b.xml.k1ll3d.tmp", "a.xml"]


# ---- 12. cost on repetitive and very long input ------------------------------------------------------------

def _repetitive(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    base = ["The Committee resolved that the district shall deliver the grain to the state on time.",
            "Copies were sent to the regional committee and to the district party secretary.",
            "The chairman reported on the work of the collective farms in the region."]
    out = []
    for k in range(n):
        words = base[k % 3].split()
        if rnd.random() < 0.05:
            words[rnd.randrange(len(words))] = rnd.choice(["harvest", "cattle", "seed"])
        out.append(" ".join(words))
    return "\n\n".join(out) + "\n"


def test_repetitive_witnesses_align_in_linear_time(tmp_path):
    from provenance.align import align_paths, load_lexicon

    load_lexicon()  # loaded once per process: not part of either timing
    times = {}
    for n in (1000, 4000):
        a, b = tmp_path / f"a{n}.txt", tmp_path / f"b{n}.txt"
        a.write_text(_repetitive(n, 1))
        b.write_text(_repetitive(n, 2))
        t0 = time.perf_counter()
        res = align_paths([a, b])
        times[n] = time.perf_counter() - t0
        assert res["divergences"]
    assert times[4000] < 30
    assert times[4000] < 4 * times[1000] * 2.0, times  # four times the input, not sixteen times the time


def test_the_aligner_falls_back_along_the_diagonal():
    from provenance.align.aligner import matching_blocks

    rnd = random.Random(3)
    a = [rnd.randrange(3) for _ in range(60_000)]  # three tokens over and over: no anchor anywhere
    b = list(a)
    for _ in range(300):
        b[rnd.randrange(len(b))] = 3
    t0 = time.perf_counter()
    blocks = matching_blocks(a, b)
    assert time.perf_counter() - t0 < 30
    matched = sum(k for _i, _j, k in blocks)
    assert matched >= len(a) - 300
    for (i, j, k), (i2, j2, _k2) in zip(blocks, blocks[1:]):
        assert i + k <= i2 and j + k <= j2 and all(a[i + x] == b[j + x] for x in range(k))


def test_a_long_single_line_witness(tmp_path):
    words = "the committee resolved that the district shall deliver grain to the state".split()
    rnd = random.Random(5)
    line = tmp_path / "line.txt"
    line.write_text(" ".join(rnd.choice(words) + ("." if rnd.random() < 0.05 else "") for _ in range(200_000)) + "\n")
    other = tmp_path / "other.txt"
    other.write_text(BODY)
    t0 = time.perf_counter()
    clean(run_cli("align", "--plain", line, other, "--json", timeout=300), 1)
    assert time.perf_counter() - t0 < 120


def test_a_witness_too_large_to_compare_is_refused_before_reading(tmp_path):
    from provenance.align import MAX_ALIGN_CHARS

    big = tmp_path / "big.txt"
    with open(big, "w") as fh:
        fh.write(("word " * 1000 + "\n") * (MAX_ALIGN_CHARS // 5000 + 1))
    before = snapshot(tmp_path)
    t0 = time.perf_counter()
    one_error(run_cli("align", "--plain", big, SEED["004"]), str(big), "too large to compare", code=3)
    assert time.perf_counter() - t0 < 10
    unchanged(before, tmp_path)


# ---- 13. what a person sees: bidirectional controls, terminal escapes, links, a closed stream ----------------

def test_bidirectional_controls_are_visible_in_the_report(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The grain was sent to the district on time.\n")
    b.write_text("The grain was sent to the \u202eTCIRTSID\u202c on time, said \u2067Ali\u2069.\n")
    before = snapshot(tmp_path)
    clean(run_cli("audit", a, b, "-o", tmp_path / "r.html", "--fail-on", "none"), 0)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    visible = html.split('<script type="application/json"')[0]
    assert "\u27e8U+202E\u27e9" in visible and "\u27e8U+2067\u27e9" in visible
    assert not any(c in visible for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    unchanged(before, tmp_path, {"r.html"})


def test_terminal_escapes_in_titles_are_shown_not_obeyed(tmp_path):
    src = tmp_path / "esc.txt"
    # U+009B is the one-character control sequence introducer: legal in XML, obeyed by terminals
    src.write_text("Skip to content\n\nMay 5, 1945\n\nReport \u009b31mRED\u009b0m on the Harvest\n\n" + BODY)
    proc = run_process("chain", src)  # the bytes the real command writes to a terminal
    clean(proc, 0, 1)
    assert "\u009b" not in proc.stdout and "\u27e8U+009B\u27e931mRED" in proc.stdout
    db = tmp_path / "c.sqlite"
    clean(run_cli("catalog", "add", src, "--db", db), 0)
    listing = run_cli("catalog", "list", "--db", db)
    clean(listing, 0)
    assert "\u009b" not in listing.stdout and "\u27e8U+009B\u27e9" in listing.stdout


def test_corpus_index_links_are_percent_encoded():
    from provenance.corpus.pages import render_index

    row = {"first": "x#1", "second": "y?2", "first_date": None, "second_date": None, "first_title": "",
           "second_title": "", "report": "pairs/x#1--y?2%2f.html", "json": "pairs/x#1--y?2%2f.json",
           "similarity": 0.5, "shared_words": 10, "divergences": 1, "substantive": 0, "direction": None,
           "error": None}
    summary = {"documents": 2, "pairs": 1, "reports": 1, "substantive": 0, "directed": 0, "errors": 0}
    html = render_index({"db": "c.sqlite", "summary": summary, "tool": {"name": "provenance", "version": "0"},
                         "run_time": "now"}, [row])
    assert 'href="pairs/x%231--y%3F2%252f.html"' in html
    assert 'href="pairs/x%231--y%3F2%252f.json"' in html


def test_terminal_output_of_align_and_error_lines_show_escapes(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("The grain \u009b31mwas\u009b0m sent to the \u202edistrict on time.\n")
    b = tmp_path / "b.txt"
    b.write_text(BODY)
    proc = run_process("align", a, b)  # the real command: its standard output as a terminal gets it
    clean(proc, 1)
    assert "\u009b" not in proc.stdout and "\u202e" not in proc.stdout and "\u27e8U+009B\u27e9" in proc.stdout
    evil = tmp_path / "e\x1b[31mvil.txt"
    evil.write_text(BODY)
    before = snapshot(tmp_path)
    # a file name with an escape sequence, passed to the real command as its argument
    line = one_error(run_process("align", evil, b, "-o", evil), "\u27e8U+001B\u27e9[31mvil.txt", code=2)
    assert "\x1b" not in line
    unchanged(before, tmp_path)
