"""How often each kind of edit is called substantive, on the labelled edit pairs of pairs.jsonl.

    python bench/judgment/evaluate.py                 # all pairs, both ways of measuring
    python bench/judgment/evaluate.py --split tune    # only the pairs used while tuning
    python bench/judgment/evaluate.py --split heldout # only the held-out pairs
    python bench/judgment/evaluate.py --json out.json # the table as JSON too

The texts are read as transcriptions, as ``provenance align`` reads a .txt file (so a bracket in an
archival pair is an editorial mark). Two measurements of the same pairs: **pairs** aligns each
original/revised sentence as a witness pair of its own; **document** puts every pair on a numbered line of one document pair, aligns the
two documents once, and attributes each divergence to the line(s) its readings fall on (so a
change reported on a neighbouring line counts against that line). A pair is called substantive
when any divergence on it is substantive. Targets: at most 5% of the edits that keep the meaning
(spelling, typo, inflection, synonym, format, punctuation...) and at least 95% of the meaning
changes called substantive.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from provenance.align import align_witnesses, load_lexicon  # noqa: E402
from provenance.document import Document  # noqa: E402
from provenance.vocab import RANK  # noqa: E402
from provenance.witness import witness_of  # noqa: E402

MEANING = "substantive"


def load_pairs(path: Path, split: str) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                p = json.loads(line)
                if split == "all" or p["split"] == split:
                    out.append(p)
    return out


def _align_texts(texts_a: list[str], texts_b: list[str], lexicon, tmp: Path) -> tuple[dict, list]:
    """Align two transcriptions (one paragraph per text), as ``provenance align`` reads them: the
    brackets of the archival pairs are editorial marks. The two texts are read as the files
    ``tmp/original.txt`` and ``tmp/revised.txt`` would be, without writing them."""
    docs = [Document.from_bytes(tmp / name, ("\n\n".join(texts) + "\n").encode("utf-8"))
            for name, texts in (("original.txt", texts_a), ("revised.txt", texts_b))]
    witnesses = [witness_of(doc, wid) for doc, wid in zip(docs, ("a", "b"))]
    return align_witnesses(witnesses, lexicon), witnesses


def _starts(text: str, lines: list[str]) -> list[int]:
    """Where each line begins in a witness's text."""
    out, pos = [], 0
    for line in lines:
        k = text.find(line, pos)
        if k < 0:
            raise SystemExit(f"line not found in the witness text: {line[:60]!r}")
        out.append(k)
        pos = k + len(line)
    return out


def _substantive(divs) -> bool:
    return any(d["category"] == MEANING for d in divs)


def judge_pairs(pairs: list[dict], lexicon, tmp: Path) -> dict[str, dict]:
    """Each pair aligned on its own: id -> {"called": category of the most severe divergence, ...}."""
    out = {}
    for p in pairs:
        res, _w = _align_texts([p["original"]], [p["revised"]], lexicon, tmp)
        divs = [d for d in res["divergences"]]
        out[p["id"]] = {"substantive": _substantive(divs),
                        "categories": sorted({d["category"] for d in divs}),
                        "reasons": [d["reason"] for d in divs]}
    return out


def judge_document(pairs: list[dict], lexicon, tmp: Path) -> dict[str, dict]:
    """All pairs as numbered lines of one document pair, aligned once."""
    lines_a = [f"{k + 1}. {p['original']}" for k, p in enumerate(pairs)]
    lines_b = [f"{k + 1}. {p['revised']}" for k, p in enumerate(pairs)]
    res, (wa, wb) = _align_texts(lines_a, lines_b, lexicon, tmp)
    starts = {"a": _starts(wa.text, lines_a), "b": _starts(wb.text, lines_b)}
    hits: dict[int, list[dict]] = defaultdict(list)
    for d in res["divergences"]:
        rows = set()
        for wid, r in d["readings"].items():
            lo = bisect.bisect_right(starts[wid], r["start"]) - 1
            hi = bisect.bisect_right(starts[wid], max(r["start"], r["end"] - 1)) - 1
            rows.update(range(max(lo, 0), max(hi, 0) + 1))
        for k in rows:
            hits[k].append(d)
    out = {}
    for k, p in enumerate(pairs):
        divs = hits.get(k, [])
        out[p["id"]] = {"substantive": _substantive(divs), "categories": sorted({d["category"] for d in divs}),
                        "reasons": [d["reason"] for d in divs]}
    return out


def table(pairs: list[dict], called: dict[str, dict]) -> tuple[list[dict], dict]:
    by_kind: dict[str, list] = defaultdict(list)
    for p in pairs:
        by_kind[(p["expected"] == MEANING, p["kind"])].append(called[p["id"]]["substantive"])
    rows = []
    for (meaning, kind), calls in sorted(by_kind.items()):
        rows.append({"kind": kind, "meaning_change": meaning, "pairs": len(calls), "called_substantive": sum(calls)})
    keep = [p for p in pairs if p["expected"] != MEANING]
    mean = [p for p in pairs if p["expected"] == MEANING]
    summary = {
        "meaning_kept": len(keep),
        "meaning_kept_called_substantive": sum(called[p["id"]]["substantive"] for p in keep),
        "meaning_changed": len(mean),
        "meaning_changed_called_substantive": sum(called[p["id"]]["substantive"] for p in mean),
        # the most serious category called on a pair is the one its label names
        "category_as_labelled": sum(_most_serious(called[p["id"]]["categories"]) == p["expected"] for p in pairs),
    }
    return rows, summary


def _most_serious(categories: list[str]) -> str | None:
    return max(categories, key=RANK.get) if categories else None


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=Path, default=HERE / "pairs.jsonl")
    ap.add_argument("--split", choices=("all", "tune", "heldout"), default="all")
    ap.add_argument("--json", type=Path, help="also write the tables as JSON")
    ap.add_argument("--misses", action="store_true", help="list the pairs judged against their label")
    args = ap.parse_args(argv)
    pairs = load_pairs(args.pairs, args.split)
    lexicon = load_lexicon()
    report = {"split": args.split, "pairs": len(pairs)}
    with tempfile.TemporaryDirectory() as tmp:
        for mode, fn in (("pairs", judge_pairs), ("document", judge_document)):
            t0 = time.perf_counter()
            called = fn(pairs, lexicon, Path(tmp))
            secs = time.perf_counter() - t0
            rows, summary = table(pairs, called)
            report[mode] = {"rows": rows, "summary": summary, "seconds": round(secs, 2)}
            print(f"\n### {mode}: {len(pairs)} pairs ({args.split}), {secs:.1f} s\n")
            print("| kind | meaning changed | pairs | called substantive | rate |")
            print("|---|---|---:|---:|---:|")
            for r in rows:
                print(f"| {r['kind']} | {'yes' if r['meaning_change'] else 'no'} | {r['pairs']} | "
                      f"{r['called_substantive']} | {pct(r['called_substantive'], r['pairs'])} |")
            s = summary
            print(f"\nmeaning kept, called substantive: {s['meaning_kept_called_substantive']}/{s['meaning_kept']} "
                  f"= {pct(s['meaning_kept_called_substantive'], s['meaning_kept'])} (target <= 5%)")
            print(f"meaning changed, called substantive: {s['meaning_changed_called_substantive']}/"
                  f"{s['meaning_changed']} = {pct(s['meaning_changed_called_substantive'], s['meaning_changed'])}"
                  " (target >= 95%)")
            print(f"category as labelled: {s['category_as_labelled']}/{len(pairs)} "
                  f"= {pct(s['category_as_labelled'], len(pairs))}")
            if args.misses:
                for p in pairs:
                    c = called[p["id"]]
                    if c["substantive"] != (p["expected"] == MEANING):
                        print(f"  MISS {p['id']} [{p['kind']}] {p['original']!r} -> {p['revised']!r}: "
                              f"{c['categories']} {c['reasons'][:2]}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
