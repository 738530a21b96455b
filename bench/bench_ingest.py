"""Ingest throughput on 1,000 generated transcriptions of seed size, on one core.

Each document is a seed transcription with its words shuffled within paragraphs and its numbers
changed, so that every conversion does real work. Prints a markdown table; target: at least
200 documents per second (one process, one core).

    python bench/bench_ingest.py [N]
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provenance.ingest import ingest_text  # noqa: E402
from provenance.textback import tei_to_text  # noqa: E402


def generate(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tei" / "source").glob("*.txt"))]
    docs = []
    for i in range(n):
        text = seeds[i % len(seeds)]

        def shuffle_para(m):
            words = m.group(0).split(" ")
            if len(words) > 6 and "[" not in m.group(0):
                mid = words[1:-1]
                rng.shuffle(mid)
                words = [words[0], *mid, words[-1]]
            return " ".join(words)

        text = re.sub(r"[^\n]{80,}", shuffle_para, text)
        text = re.sub(r"\b\d{3,}\b", lambda m: str(rng.randint(100, 99999)), text)
        docs.append(text)
    return docs


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    docs = generate(n)
    ingest_text(docs[0], "warmup").tei_bytes()
    t0 = time.perf_counter()
    total_bytes = 0
    for i, d in enumerate(docs):
        total_bytes += len(ingest_text(d, f"doc{i}").tei_bytes())
    dt = time.perf_counter() - t0
    t1 = time.perf_counter()
    from lxml import etree

    for d in docs[:200]:
        tei_to_text(etree.fromstring(ingest_text(d, "x").tei_bytes()))
    dt_rt = time.perf_counter() - t1
    rate = n / dt
    print("| measure | value |")
    print("|---|---|")
    print(f"| documents | {n} (seed size, {sum(map(len, docs)) // n} chars each) |")
    print(f"| ingest (parse + TEI + serialize), one core | {dt:.2f} s, **{rate:.0f} documents/s** |")
    print(f"| TEI written | {total_bytes / 1e6:.1f} MB |")
    print(f"| ingest + read back, 200 documents | {dt_rt:.2f} s ({200 / dt_rt:.0f} documents/s) |")
    print(f"| target | >= 200 documents/s: {'met' if rate >= 200 else 'NOT met'} |")


if __name__ == "__main__":
    main()
