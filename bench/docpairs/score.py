"""Score `provenance align` on labelled document pairs (bench/docpairs/pN_a.txt, pN_b.txt, pN.json).

    python bench/docpairs/score.py               # every pair
    python bench/docpairs/score.py --split tune  # p1-p3, q1, q2, q4: used while tuning
    python bench/docpairs/score.py --split heldout   # p4-p6, q3, q5, q6: scored only
    python bench/docpairs/score.py --split heldout-r # r1-r6 (a third reviewer's): held out whole
    python bench/docpairs/score.py --split tune-s    # s1-s4 (a fourth reviewer's): used while tuning
    python bench/docpairs/score.py --split heldout-s # s5-s8: scored only
    python bench/docpairs/score.py --split heldout-t # t1-t8 (a fifth reviewer's): held out whole
    python bench/docpairs/score.py --split tune-u    # u1-u8 (a sixth reviewer's): for tuning
    python bench/docpairs/score.py --split tune-v    # v1-v4 (a seventh reviewer's): for tuning
    python bench/docpairs/score.py --split heldout-v # v5-v8: scored only
    python bench/docpairs/score.py --split tune-w    # w1-w4 (an eighth reviewer's): for tuning
    python bench/docpairs/score.py --split heldout-w # w5-w8: scored only
    python bench/docpairs/score.py --split tune-x    # x1-x4 (a ninth reviewer's): for tuning
    python bench/docpairs/score.py --split heldout-x # x5-x8: scored only
    python bench/docpairs/score.py --split tune-y    # y1-y4 (a tenth reviewer's): for tuning
    python bench/docpairs/score.py --split heldout-y # y5-y8: scored only
    python bench/docpairs/score.py --split tune-z    # z1-z4 (an eleventh reviewer's): for tuning
    python bench/docpairs/score.py --split heldout-z # z5-z8: scored only

Each labelled difference is found in witness A by its context; the divergences whose A reading
falls inside that context are its verdict (the most serious category among them; none: the
difference was missed). A divergence inside no labelled context is a false alarm. Two scores:
whether the verdict says substantive exactly when the label does, and whether the category is
the labelled one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from provenance.align import align_paths  # noqa: E402
from provenance.vocab import RANK  # noqa: E402

#: p1-p6 archival pairs, q1-q3 archival and q4-q6 ordinary prose; half of each set is held out
SPLITS = {"tune": ["p1", "p2", "p3", "q1", "q2", "q4"], "heldout": ["p4", "p5", "p6", "q3", "q5", "q6"],
          # r1-r6: a third reviewer's pairs, held out whole
          "heldout-r": ["r1", "r2", "r3", "r4", "r5", "r6"],
          # s1-s8: a fourth reviewer's pairs in the seeds' world; s1-s4 for tuning, s5-s8 held out
          "tune-s": ["s1", "s2", "s3", "s4"], "heldout-s": ["s5", "s6", "s7", "s8"],
          # t1-t8: a fifth reviewer's pairs in the seeds' world, held out whole
          "heldout-t": ["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8"],
          # u1-u8: a sixth reviewer's pairs in the seeds' world, written for tuning
          "tune-u": ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"],
          # v1-v8: a seventh reviewer's pairs in the seeds' world; v1-v4 for tuning, v5-v8 held out
          "tune-v": ["v1", "v2", "v3", "v4"], "heldout-v": ["v5", "v6", "v7", "v8"],
          # w1-w8: an eighth reviewer's pairs, six in the seeds' world and two of ordinary prose; w1-w4 for
          # tuning, w5-w8 held out
          "tune-w": ["w1", "w2", "w3", "w4"], "heldout-w": ["w5", "w6", "w7", "w8"],
          # x1-x8: a ninth reviewer's, six in the seeds' world and two of ordinary prose; x1-x4 for tuning
          "tune-x": ["x1", "x2", "x3", "x4"], "heldout-x": ["x5", "x6", "x7", "x8"],
          # y1-y8: a tenth reviewer's, six in the seeds' world and two of ordinary prose; y1-y4 for tuning
          "tune-y": ["y1", "y2", "y3", "y4"], "heldout-y": ["y5", "y6", "y7", "y8"],
          # z1-z8: an eleventh reviewer's; z1-z4 for tuning, z5-z8 held out
          "tune-z": ["z1", "z2", "z3", "z4"], "heldout-z": ["z5", "z6", "z7", "z8"]}


def pair_names(split: str) -> list[str]:
    if split == "all":
        return sorted(p.stem for p in HERE.glob("[pqrstu][0-9]*.json"))
    return SPLITS[split]


def _region(text: str, lab: dict) -> tuple[int, int] | None:
    """Where a labelled difference lies in witness A: its context line, widened to the whole of
    its A reading where that reading runs on past the context (a dropped passage longer than the
    line that locates it), and, for an addition (no A reading), to the line breaks either side of
    the context, where the added words stand."""
    cs = text.find(lab["context_a"])
    if cs < 0:
        return None
    start, end = cs, cs + len(lab["context_a"])
    a = lab["a"]
    if a:
        at = text.find(a, max(0, start - len(a)))
        if 0 <= at < end and at + len(a) > start:
            start, end = min(start, at), max(end, at + len(a))
    else:
        while start > 0 and text[start - 1].isspace():
            start -= 1
        while end < len(text) and text[end].isspace():
            end += 1
    return start, end


def _touches(start: int, end: int, span: tuple[int, int]) -> bool:
    """A divergence's A reading falls in the labelled region: it overlaps it, or, read as empty
    (words only the other witness has), it stands inside it or at its edge."""
    if end > start:
        return start < span[1] and end > span[0]
    return span[0] <= start <= span[1]


def score_pair(name: str, lexicon_path=None) -> tuple[list[dict], list[dict]]:
    """(one row per labelled difference, the false alarms) of one pair."""
    labels = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    res = align_paths([HERE / f"{name}_a.txt", HERE / f"{name}_b.txt"], ids=["a", "b"], lexicon_path=lexicon_path)
    text = res["witnesses"][0]["text"]
    spans = [_region(text, lab) for lab in labels]
    used = set()
    rows = []
    for lab, span in zip(labels, spans):
        got = []
        if span is not None:
            for k, d in enumerate(res["divergences"]):
                r = d["readings"]["a"]
                if _touches(r["start"], r["end"], span):
                    got.append(d)
                    used.add(k)
        verdict = max((d["category"] for d in got), key=RANK.get, default=None)
        rows.append({"pair": name, "kind": lab["kind"], "expected": lab["expected"], "got": verdict,
                     "a": lab["a"], "b": lab["b"], "located": span is not None,
                     "reasons": [d["reason"] for d in got]})
    alarms = [d for k, d in enumerate(res["divergences"]) if k not in used]
    return rows, alarms


def summary(rows: list[dict], alarms: list[dict]) -> dict:
    kept = [r for r in rows if r["expected"] != "substantive"]
    changed = [r for r in rows if r["expected"] == "substantive"]
    return {
        "differences": len(rows),
        "found": sum(r["got"] is not None for r in rows),
        "category_right": sum(r["got"] == r["expected"] for r in rows),
        "meaning_kept": len(kept),
        "meaning_kept_called_substantive": sum(r["got"] == "substantive" for r in kept),
        "meaning_changed": len(changed),
        "meaning_changed_called_substantive": sum(r["got"] == "substantive" for r in changed),
        "false_alarms": len(alarms),
        "false_alarms_substantive": sum(d["category"] == "substantive" for d in alarms),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("all", *SPLITS), default="all")
    ap.add_argument("--misses", action="store_true", help="list the differences judged against their label")
    args = ap.parse_args(argv)
    rows, alarms = [], []
    for name in pair_names(args.split):
        r, a = score_pair(name)
        rows += r
        alarms += a
    s = summary(rows, alarms)
    by = Counter((r["expected"], r["got"]) for r in rows)
    print(f"| expected | called | n |\n|---|---|---:|")
    for (e, g), n in sorted(by.items(), key=lambda x: (x[0][0], str(x[0][1]))):
        print(f"| {e} | {g or 'not found'} | {n} |")
    print()
    print(f"differences found: {s['found']}/{s['differences']}; category as labelled: "
          f"{s['category_right']}/{s['differences']}")
    print(f"meaning kept, called substantive: {s['meaning_kept_called_substantive']}/{s['meaning_kept']}; "
          f"meaning changed, called substantive: {s['meaning_changed_called_substantive']}/{s['meaning_changed']}")
    print(f"divergences outside every labelled difference: {s['false_alarms']} "
          f"({s['false_alarms_substantive']} substantive)")
    if args.misses:
        for r in rows:
            if r["got"] != r["expected"]:
                print(f"  MISS {r['pair']} [{r['kind']}] {r['a']!r} -> {r['b']!r}: {r['got']} {r['reasons']}")
        for d in alarms:
            rd = d["readings"]
            print(f"  ALARM {d['category']}: {rd['a']['text']!r} -> {rd['b']['text']!r}: {d['reason']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
