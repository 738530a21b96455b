"""Corpus discovery at scale: index throughput, discover time, memory, recall and precision.

    python bench/bench_corpus.py [--sizes 1000,10000,30000] [--workers 2] [--dask] [--work DIR]
                                 [--families 10000] [--only-families]

For each size, a synthetic archive is generated (bench/gen_corpus.py: seeds, Darwin editions,
planted drafts, excerpts, re-translations and noisy copies, four kinds of boilerplate), then
catalogued and searched with `corpus discover`, each step in a fresh process so that its peak
memory is its own. Anchors measured side by side in this script:

* exact all-pairs comparison (what LSH avoids), timed on the smallest corpus and extrapolated;
* datasketch's in-memory MinHashLSH over the same passage signatures (insert + query);
* discover without boilerplate suppression (precision drops: boilerplate makes pairs).

First, versions among unrelated documents (``--families N``): the six Darwin editions, the
seeds (004 -> 002) and ten near-identical copies of one cable among N generated unrelated
documents; every one of their pairs must be found (15 + 1 + 45), no other, and the rights
statement and credits never quoted as shared.

Prints markdown tables; targets: 10,000 documents in under 60 s on 2 cores, recall and
precision of the planted pairs at least 0.95, memory growing linearly.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
args = json.loads(sys.argv[1])
t0 = time.perf_counter()
out = {}
if args["step"] == "index":
    from provenance.corpus import index_paths, LocalEngine
    with LocalEngine(args["workers"]) as eng:
        r = index_paths([args["docs"]], args["db"], engine=eng)
    out = r["summary"]
elif args["step"] == "discover":
    from provenance.corpus import discover, make_engine
    eng = make_engine(args.get("engine", "local"), args.get("scheduler"), args["workers"] if args.get("engine", "local") == "local" else None)
    with eng:
        r = discover(args["db"], engine=eng, store=False, **args.get("kw", {}))
    out = {"summary": r["summary"], "pairs": [[p["a"], p["b"], (p["direction"] or {}).get("from")] for p in r["pairs"]],
           "boiler_quoted": sum(1 for p in r["pairs"] for s in p["shared"]
                                if "History and Public Policy Program" in s["text"] or "made possible with support" in s["text"])}
elif args["step"] == "lsh":
    import numpy as np
    from provenance.corpus import index as cindex, minhash, shingle
    from provenance.corpus.discover import _keep_mask, _load
    con = cindex.connect(args["db"]); docs = cindex.load_documents(con); con.close()
    loaded = _load(args["db"], [d["n"] for d in docs])
    boiler = shingle.boilerplate_hashes()
    sigs = [minhash.passage_signatures(s, _keep_mask(s, boiler), sp)[0] for s, sp in loaded.values()]
    t0 = time.perf_counter()
    if args["how"] == "datasketch":
        found = minhash.reference_candidates(sigs, 0.3)
        out = {"candidates": len(found)}
    else:
        b, r = minhash.lsh_params(0.3)
        keys = np.concatenate([minhash.band_keys(s, b, r).ravel() for s in sigs])
        owners = np.concatenate([np.full(len(s) * b, i, dtype=np.uint32) for i, s in enumerate(sigs)])
        out = {"candidates": int(len(minhash.pairs_from_keys(keys, owners)))}
elif args["step"] == "allpairs":
    import numpy as np
    from provenance.corpus import index as cindex, shingle
    from provenance.corpus.discover import _keep_mask, _load
    con = cindex.connect(args["db"]); docs = cindex.load_documents(con); con.close()
    loaded = _load(args["db"], [d["n"] for d in docs])
    boiler = shingle.boilerplate_hashes()
    sets = [np.unique(s[_keep_mask(s, boiler)]) for s, _sp in loaded.values()]
    t0 = time.perf_counter()
    n = min(len(sets), args["limit"])
    hits = 0
    for i in range(n):
        for j in range(i + 1, n):
            inter = len(np.intersect1d(sets[i], sets[j], assume_unique=True))
            hits += inter >= 8 and inter / min(len(sets[i]), len(sets[j])) >= 0.2
    out = {"compared": n * (n - 1) // 2, "hits": int(hits)}
out["seconds"] = time.perf_counter() - t0
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")]
out["rss_mb"] = int(hwm[0].split()[1]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out["children_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # includes the fork-time parent
print(json.dumps(out))
"""


def child(**args) -> dict:
    res = subprocess.run([sys.executable, "-c", CHILD, json.dumps(args)], capture_output=True, text=True, cwd=ROOT)
    if res.returncode:
        raise SystemExit(res.stderr)
    return json.loads(res.stdout.strip().splitlines()[-1])


def score(truth: dict, pairs: list) -> dict:
    t = {(p["a"], p["b"]): p for p in truth["pairs"]}
    f = {(a, b): d for a, b, d in pairs}
    tp = set(t) & set(f)
    directed = [k for k in tp if t[k]["from"]]
    right = sum(1 for k in directed if f[k] == t[k]["from"])
    wrong = sum(1 for k in directed if f[k] and f[k] != t[k]["from"])
    return {"recall": len(tp) / len(t), "precision": len(tp) / max(1, len(f)), "found": len(f), "planted": len(t),
            "dir_right": right, "dir_wrong": wrong, "dir_total": len(directed)}


def families(work: Path, n: int, workers: int) -> None:
    """Versions of one text inside unrelated documents: the six Darwin editions, the seed pair
    004 -> 002 and ten near-identical copies of one cable among ``n`` generated documents."""
    from gen_corpus import generate

    out = work / f"families{n}"
    if not (out / "truth.json").exists():
        generate(out, n, seed=7, related=0.0, cables=10)
    truth = json.loads((out / "truth.json").read_text())
    db = str(out / "c.sqlite")
    if os.path.exists(db):
        os.remove(db)
    ix = child(step="index", docs=str(out / "docs"), db=db, workers=workers)
    ds = child(step="discover", db=db, workers=workers)
    want = {(p["a"], p["b"]): p["type"] for p in truth["pairs"]}
    found = {(x, y) for x, y, _d in ds["pairs"]}
    by_type = {}
    for k, t in want.items():
        got = by_type.setdefault(t, [0, 0])
        got[0] += k in found
        got[1] += 1
    s = ds["summary"]
    print(f"## versions among {truth['documents']:,} documents (unrelated but for the families), {workers} workers\n")
    print("| index s | discover s | peak RSS driver MB | Darwin pairs | 004/002 | cable pairs | unrelated pairs "
          "| rights/credits quoted | frequent shingles | family shingles kept | families |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {ix['seconds']:.1f} | {ds['seconds']:.1f} | {ds['rss_mb']:.0f} "
          f"| {by_type['editions'][0]}/{by_type['editions'][1]} | {by_type['draft'][0]}/{by_type['draft'][1]} "
          f"| {by_type['cable'][0]}/{by_type['cable'][1]} | {len(found - set(want))} | {ds['boiler_quoted']} "
          f"| {s['frequent_shingles']:,} | {s['family_shingles']:,} | {s['families']} |\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,30000")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dask", action="store_true", help="also run discover on a local Dask cluster (largest <= 10k)")
    ap.add_argument("--work", type=Path, default=None, help="keep the generated corpora here")
    ap.add_argument("--families", type=int, default=10_000,
                    help="unrelated documents around the Darwin editions, the seeds and ten copies of one cable (0: skip)")
    ap.add_argument("--only-families", action="store_true", help="run only the families scenario")
    a = ap.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",")]
    work = a.work or Path(tempfile.mkdtemp(prefix="corpus-bench-"))
    sys.path.insert(0, str(ROOT / "bench"))
    from gen_corpus import generate

    if a.families:
        families(work, a.families, a.workers)
        if a.only_families:
            return 0
    rows = []
    for n in sizes:
        out = work / f"c{n}"
        if not (out / "truth.json").exists():
            t = time.perf_counter()
            generate(out, n, seed=7)
            sys.stderr.write(f"generated {n} documents in {time.perf_counter() - t:.1f} s\n")
        truth = json.loads((out / "truth.json").read_text())
        db = str(out / "c.sqlite")
        if os.path.exists(db):
            os.remove(db)
        mb = sum(p.stat().st_size for p in (out / "docs").iterdir()) / 1e6
        ix = child(step="index", docs=str(out / "docs"), db=db, workers=a.workers)
        again = child(step="index", docs=str(out / "docs"), db=db, workers=a.workers)
        ds = child(step="discover", db=db, workers=a.workers)
        sc = score(truth, ds["pairs"])
        rows.append({"n": n, "mb": mb, "index_s": ix["seconds"], "reindex_s": again["seconds"],
                     "index_rss": max(ix["rss_mb"], ix["children_rss_mb"]), "discover_s": ds["seconds"],
                     "rss": ds["rss_mb"], "child_rss": ds["children_rss_mb"], **sc,
                     "candidates": ds["summary"]["candidates"], "boiler": ds["summary"]["boilerplate_shingles"],
                     "db_mb": os.path.getsize(db) / 1e6})
        sys.stderr.write(f"{n}: {rows[-1]}\n")

    print("## corpus discover, local engine,", a.workers, "workers\n")
    print("| documents | text MB | index s | docs/s | re-index s | discover s | peak RSS driver MB | peak RSS worker MB "
          "| catalog MB | candidates | pairs | recall | precision | direction right/wrong/of |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['n']:,} | {r['mb']:.1f} | {r['index_s']:.1f} | {r['n'] / r['index_s']:,.0f} | {r['reindex_s']:.2f} "
              f"| {r['discover_s']:.1f} | {r['rss']:.0f} | {r['child_rss']:.0f} | {r['db_mb']:.0f} | {r['candidates']:,} "
              f"| {r['found']:,} | {r['recall']:.4f} | {r['precision']:.4f} "
              f"| {r['dir_right']}/{r['dir_wrong']}/{r['dir_total']} |")
    if len(rows) >= 2:
        x0, x1 = rows[0], rows[-1]
        k_t = math.log(x1["discover_s"] / x0["discover_s"]) / math.log(x1["n"] / x0["n"])
        k_m = math.log(x1["rss"] / x0["rss"]) / math.log(x1["n"] / x0["n"])
        print(f"\nscaling {x0['n']:,} -> {x1['n']:,} documents: time ~ n^{k_t:.2f}, driver memory ~ n^{k_m:.2f}")

    small = work / f"c{sizes[0]}"
    db = str(small / "c.sqlite")
    truth = json.loads((small / "truth.json").read_text())
    print(f"\n## anchors on {sizes[0]:,} documents (side by side)\n")
    print("| method | seconds | peak RSS MB | result |")
    print("|---|---|---|---|")
    r0 = rows[0]
    print(f"| corpus discover (all stages) | {r0['discover_s']:.2f} | {r0['rss']:.0f} | recall {r0['recall']:.3f}, "
          f"precision {r0['precision']:.3f} |")
    ap_ = child(step="allpairs", db=db, limit=1000)
    per_pair = ap_["seconds"] / max(1, ap_["compared"])
    print(f"| exact all-pairs comparison | {ap_['seconds']:.2f} | {ap_['rss_mb']:.0f} | {ap_['compared']:,} pairs, "
          f"{ap_['hits']} related; extrapolated to 10,000 docs: {per_pair * 10_000 * 9_999 / 2:,.0f} s, "
          f"to 10M: {per_pair * 1e7 * (1e7 - 1) / 2 / 86400 / 365:,.0f} years |")
    for how in ("bandjoin", "datasketch"):
        lh = child(step="lsh", db=db, how=how)
        label = "band join (sorted arrays), LSH step only, known boilerplate only" if how == "bandjoin" else "datasketch MinHashLSH insert+query, same input"
        print(f"| {label} | {lh['seconds']:.2f} | {lh['rss_mb']:.0f} | {lh['candidates']:,} candidates |")
    raw = child(step="discover", db=db, workers=a.workers, kw={"known_boilerplate": False, "max_df": 1_000_000,
                                                               "passages": False})
    s = score(truth, raw["pairs"])
    print(f"| discover without boilerplate suppression | {raw['seconds']:.2f} | {raw['rss_mb']:.0f} | recall "
          f"{s['recall']:.3f}, precision {s['precision']:.3f} ({s['found']:,} pairs) |")
    if a.dask:
        from distributed import LocalCluster

        n = max(x for x in sizes if x <= 10_000)
        db = str(work / f"c{n}" / "c.sqlite")
        with LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cl:
            dk = child(step="discover", db=db, workers=a.workers, engine="dask", scheduler=cl.scheduler_address)
        loc = next(r for r in rows if r["n"] == n)
        same = dk["pairs"] == child(step="discover", db=db, workers=a.workers)["pairs"]
        print(f"\n## Dask LocalCluster ({a.workers} worker processes) on {n:,} documents\n")
        print("| engine | discover s | identical pairs |")
        print("|---|---|---|")
        print(f"| local | {loc['discover_s']:.1f} | - |")
        print(f"| dask | {dk['seconds']:.1f} | {same} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
