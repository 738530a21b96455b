"""Benchmark of `provenance validate`: files per second against the project schema and tei_all.

1,000 TEI files (the converter's output in tei/ and the passing fixtures, each copy with its
own title) are validated with each grammar, which is compiled once per process. Anchors,
measured side by side on the same files: a bare lxml loop (parse + RelaxNG.validate, no
rules, no messages) with the same compiled grammar, and jing over the same files in one run
when jing is installed.

    python bench/bench_validate.py [--files 1000]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from provenance.fileio import safe_parser  # noqa: E402
from provenance.validate import grammar, validate_paths  # noqa: E402


def make_corpus(folder: Path, n: int) -> list[Path]:
    seeds = sorted((ROOT / "tei").glob("*.xml")) + sorted((ROOT / "tests" / "fixtures" / "validate").glob("pass_*.xml"))
    if not seeds:
        raise SystemExit("no TEI files to copy (tei/*.xml or tests/fixtures/validate/pass_*.xml)")
    out = []
    for i in range(n):
        src = seeds[i % len(seeds)].read_bytes()
        data = src.replace(b"<title>", f"<title>[{i:04d}] ".encode(), 1)
        p = folder / f"doc{i:04d}.xml"
        p.write_bytes(data)
        out.append(p)
    return out


def bare_lxml(files, rng) -> float:
    t0 = time.perf_counter()
    parser = safe_parser()
    for p in files:
        rng.validate(etree.parse(str(p), parser))
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = make_corpus(folder, args.files)
        n = len(files)
        for label in ("project", "tei_all"):
            t0 = time.perf_counter()
            g = grammar.load_grammar(label)
            compile_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            res = validate_paths([folder], schema=label)
            run_s = time.perf_counter() - t0
            assert res["summary"]["files"] == n, res["summary"]
            assert res["summary"]["valid"] == n, res["summary"]
            # a second run reuses the compiled grammar: no second compile
            t0 = time.perf_counter()
            grammar.load_grammar(label)
            recompile_s = time.perf_counter() - t0
            bare_s = bare_lxml(files, g.rng)
            rows.append((label, "provenance validate (lxml + rules)", n / run_s, compile_s, run_s, bare_s / run_s))
            rows.append((label, "anchor: bare lxml parse + RelaxNG.validate", n / bare_s, 0.0, bare_s, 1.0))
            if recompile_s > 0.05:
                raise SystemExit(f"{label} compiled twice ({recompile_s:.2f} s)")
        jing = shutil.which("jing")
        if jing:
            for label, path in (("project", grammar.project_path()), ("tei_all", grammar.tei_all_path())):
                t0 = time.perf_counter()
                r = subprocess.run([jing, str(path), *map(str, files)], capture_output=True, text=True)
                jing_s = time.perf_counter() - t0
                ok = r.returncode == 0
                rows.append((label, "anchor: jing, one run (JVM start + compile included)" + ("" if ok else " FAILED"),
                             n / jing_s, float("nan"), jing_s, float("nan")))
    print(f"## provenance validate: {n} TEI files\n")
    print("| schema | what | files/s | compile s | run s | speed vs bare lxml |")
    print("|---|---|---:|---:|---:|---:|")
    for label, what, fps, comp, run, ratio in rows:
        comp_s = "-" if comp != comp or comp == 0 else f"{comp:.2f}"
        ratio_s = "-" if ratio != ratio else f"{ratio:.2f}"
        print(f"| {label} | {what} | {fps:,.0f} | {comp_s} | {run:.2f} | {ratio_s} |")
    print("\nEach grammar is compiled once per process (grammar.load_grammar caches it); the run "
          "column excludes the compile.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
