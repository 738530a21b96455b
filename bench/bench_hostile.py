"""Benchmark of hostile inputs (prints a markdown table): repetitive witnesses, a very long line,
brackets by the hundred thousand, closing blocks that make pattern readers backtrack.

    python bench/bench_hostile.py

Each case runs the real command line (`python -m provenance ...`) in its own process, so that the
time is the whole run and the peak resident memory (ru_maxrss) is that process's own. The target
is linear growth and less than 2 GB.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DARWIN = ROOT / "tests" / "data" / "darwin"

PARAGRAPHS = ["The Committee resolved that the district shall deliver the grain to the state on time.",
              "Copies were sent to the regional committee and to the district party secretary.",
              "The chairman reported on the work of the collective farms in the region."]


def repetitive(n: int, seed: int) -> str:
    """``n`` paragraphs cycling through three, one in twenty with a word changed: hardly any word or
    k-gram occurs once, so the aligner's anchors are scarce."""
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        words = PARAGRAPHS[k % 3].split()
        if rnd.random() < 0.05:
            words[rnd.randrange(len(words))] = rnd.choice(["harvest", "cattle", "seed", "tractor"])
        out.append(" ".join(words))
    return "\n\n".join(out) + "\n"


def one_line(megabytes: int) -> str:
    """Darwin's paragraphs joined on one line, repeated to the size asked for."""
    text = " ".join(line.strip() for p in sorted(DARWIN.glob("darwin*.txt"))
                    for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
    n = megabytes * 1024 * 1024
    s = (text + " ") * (n // len(text) + 1)
    return s[:n].rsplit(" ", 1)[0] + "\n"


def child(args: list[str]) -> None:
    """Run the command line and report its wall time and this process's peak memory."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, text=True)
    wall = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    err = proc.stderr.strip().splitlines()
    print(json.dumps({"wall": wall, "rss_mb": rss, "exit": proc.returncode,
                      "error": next((x for x in err if x.startswith("Error:")), "")}))


def measure(args: list[str]) -> dict:
    """``child`` in a fresh process, so that RUSAGE_CHILDREN is this case's peak alone."""
    out = subprocess.run([sys.executable, __file__, "--child", *map(str, args)], capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench_hostile_"))
    rows = []
    for n in (2000, 4000, 8000):
        a, b = tmp / f"rep{n}a.txt", tmp / f"rep{n}b.txt"
        a.write_text(repetitive(n, 1))
        b.write_text(repetitive(n, 2))
        subprocess.run([sys.executable, "-m", "provenance", "ingest", a, b, "-o", tmp], capture_output=True)
        r = measure(["align", tmp / f"rep{n}a.xml", tmp / f"rep{n}b.xml", "--json", "-o", tmp / "out.json"])
        rows.append((f"align, repetitive TEI, {n:,} paragraphs each", r))
    darwin = DARWIN / "darwin1859.txt"
    for mb in (5, 10, 50):
        line = tmp / f"line{mb}.txt"
        line.write_text(one_line(mb))
        r = measure(["align", "--plain", line, darwin, "--json", "-o", tmp / "out.json"])
        rows.append((f"align --plain, a {mb} MB one-line witness vs Darwin 1859", r))
    for name, text in (("100,000 unmatched '['", "Words " + "[" * 100_000 + " end.\n"),
                       ("20,000 nested brackets", "Words " + "[" * 20_000 + "core" + "]" * 20_000 + " end.\n")):
        src = tmp / "brackets.txt"
        src.write_text(text)
        rows.append((f"ingest, {name}", measure(["ingest", src, "-o", tmp, "--json"])))
    for name, text in (("a 120 kB line of glossed labels", "No. 1\n" + "Dosar [file] - " * 8000 + "\n"),
                       ("a dotted line of 20,000 characters without a number", "Distribution:\nX" + " ." * 10_000 + " y\n"),
                       ("80,000 lines lettered a), then b)", "Copies:\n" + "a) x\n" * 80_000 + "b) y\n")):
        src = tmp / "closing.txt"
        src.write_text(text)
        rows.append((f"chain, {name}", measure(["chain", src, "--json", "--fail-on", "none"])))
    print("| case | time | peak memory | exit | note |")
    print("|---|---|---|---|---|")
    for name, r in rows:
        note = r["error"].replace("|", "/")[:110] if r["error"] else ""
        print(f"| {name} | {r['wall']:.2f} s | {r['rss_mb']:.0f} MB | {r['exit']} | {note} |")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
    else:
        main()
