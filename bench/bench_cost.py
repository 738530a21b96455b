"""What open knowledge costs: start-up, the seed pair, and long synthetic pairs (prints a markdown table).

    python bench/bench_cost.py                           # this checkout
    python bench/bench_cost.py --base /path/to/checkout  # side by side with another version

Every case runs in its own process (wall time includes start-up; peak RSS is the child's). The
synthetic pairs are those of bench_align.py (~3% of tokens edited, moved sentences and paragraphs).
Targets: `provenance --help` under 0.3 s, `align` of the seed pair under 1 s whole process, the
1M-word pair no more than 20% slower than a version without open knowledge (give it as --base).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

SEED_A = ROOT / "tei" / "source" / "004_a2b5a4ae19e8ef0f.txt"
SEED_B = ROOT / "tei" / "source" / "002_c4e584884d72af45.txt"
ALIGN = ("import sys, time, resource; t = time.perf_counter(); from provenance.align import align_paths; "
         "r = align_paths(sys.argv[1:3], plain=sys.argv[3] == 'plain'); "
         "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "
         "len(r['divergences']))")


def run(code_path: Path, args: list[str], module: bool = False) -> tuple[float, str]:
    env = dict(os.environ, PYTHONPATH=str(code_path))
    cmd = [sys.executable, "-m", "provenance", *args] if module else [sys.executable, "-c", ALIGN, *args]
    t = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    return time.perf_counter() - t, out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""


def median_wall(code_path, args, module=False, n=5) -> float:
    run(code_path, args, module)   # warm the file cache and the gazetteer's cache
    return statistics.median(run(code_path, args, module)[0] for _ in range(n))


def main(argv=None) -> None:
    import bench_align

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=Path, help="another checkout to run side by side")
    ap.add_argument("--sizes", default="100000,1000000", help="synthetic pair sizes in words")
    args = ap.parse_args(argv)
    versions = [("this version", ROOT)] + ([("base", args.base.resolve())] if args.base else [])
    rows = []
    for name, path in versions:
        rows.append((name, "provenance --help", f"{median_wall(path, ['--help'], module=True):.3f} s", "< 0.3 s"))
        rows.append((name, "align, seed pair 004/002 (whole process)",
                     f"{median_wall(path, [str(SEED_A), str(SEED_B), 'transcription']):.3f} s", "< 1 s"))
    tmp = Path(tempfile.mkdtemp(prefix="bench_cost_"))
    for n in (int(x) for x in args.sizes.split(",")):
        a, b = bench_align.synthetic_pair(n)
        pa, pb = tmp / f"a{n}.txt", tmp / f"b{n}.txt"
        pa.write_text(a, encoding="utf-8")
        pb.write_text(b, encoding="utf-8")
        for name, path in versions:
            wall, line = run(path, [str(pa), str(pb), "plain"])
            core, rss, ndiv = (line.split() + ["?", "?", "?"])[:3]
            rows.append((name, f"align, synthetic {n:,} words", f"{wall:.1f} s whole, {float(core):.1f} s core, "
                         f"{float(rss):.0f} MB, {ndiv} divergences", "<= 1.2x base" if args.base else ""))
    print("| version | case | measured | target |")
    print("|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
