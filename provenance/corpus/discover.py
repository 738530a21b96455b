"""Finding related documents in the catalog: boilerplate, MinHash/LSH, exact check, passages.

Four stages, each spread over the engine's workers (batches of documents read straight from
the catalog file):

1. **boilerplate**: every distinct shingle of a document is shuffled by hash with the
   document's index, and counted; at the same time each document's whole signature is banded
   and shuffled by key, which groups the near-duplicates (versions of one text: editions,
   copies; :data:`FAMILY_JACCARD`). Boilerplate is what many unrelated documents share: a
   shingle found in more than ``max_df`` groups (or in more than :func:`postings_cap`
   documents), and the shipped boilerplate texts (:data:`shingle.BOILERPLATE_TEXTS`). A text
   in six editions or a cable in ten copies keeps what its versions share;
2. **signatures and band join**: each passage (paragraph-sized) gets a MinHash signature over
   its non-boilerplate shingles; its LSH band keys are shuffled by key, and documents whose
   passages share a key become candidate pairs;
3. **exact check**: the candidates' whole shingle sets are compared exactly; a pair is kept
   when the share of the smaller document found in the other (``similarity``) reaches
   ``min_similarity`` and they share at least ``min_shared`` shingles;
4. **passages and direction** of every kept pair, from the texts.

The result (``schemas/corpus-discover.schema.json``) is the same whatever the engine and the
number of workers.
"""

from __future__ import annotations

import functools
import hashlib
import math
from pathlib import Path

import numpy as np

from provenance.catalog.store import catalog_errors, transaction
from provenance.corpus import index as cindex, minhash, shingle
from provenance.corpus.engine import LocalEngine
from provenance.corpus.passages import guess_direction, shared_passages
from provenance.document import load_document
from provenance.errors import ProvenanceError, UsageError
from provenance.fileio import dump_json
from provenance.vocab import tool_header

DEFAULTS = {
    "min_similarity": 0.2,
    "min_shared": 8,
    "lsh_threshold": 0.3,
    "max_df": None,  # None: max(5, 1% of the documents), at most 1000
    "known_boilerplate": True,
    "num_perm": minhash.NUM_PERM,
}


#: Documents whose whole texts are at least this similar (Jaccard of shingle sets) are versions
#: of one text (editions, copies, a draft and its fair copy): one group when boilerplate is told
#: from shared text. Consecutive Darwin editions are 0.76-0.96 alike, unrelated documents that
#: share a rights notice far less.
FAMILY_JACCARD = 0.5


def postings_cap(max_df: int) -> int:
    """Shingles in more documents than this are boilerplate without looking at their groups
    (a family of versions is never that large); those between ``max_df`` and this are judged
    by the number of groups they occur in."""
    return max(100, 10 * max_df)


def auto_max_df(n_docs: int) -> int:
    """The default document-frequency ceiling for a corpus of ``n_docs`` documents."""
    return int(min(1000, max(5, math.ceil(0.01 * n_docs))))


# --------------------------------------------------------------------------------------------
# worker functions (module level: they are pickled to processes and Dask workers)


def _load(db_path: str, ns) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    con = cindex.connect_readonly(db_path)
    try:
        out = {}
        ns = [int(n) for n in ns]
        for i in range(0, len(ns), 500):
            part = ns[i:i + 500]
            q = "SELECT doc, shingles, passages FROM shingles WHERE doc IN (%s)" % ",".join("?" * len(part))
            for n, sh, ps in con.execute(q, part):
                out[n] = (shingle.from_blob(sh), shingle.from_blob(ps, pairs=True))
        return out
    finally:
        con.close()


def _keep_mask(seq: np.ndarray, boiler: np.ndarray) -> np.ndarray:
    if not len(boiler):
        return np.ones(len(seq), dtype=bool)
    pos = np.searchsorted(boiler, seq)
    pos[pos == len(boiler)] = 0
    return boiler[pos] != seq


def df_map(batch, parts: int, db_path: str, known: np.ndarray, gb: int, gr: int, num_perm: int):
    """Stage 1 map over a batch of (row, index) documents: each document's distinct shingles
    (postings: shingle hash, document index) routed by hash, and the LSH band keys of its whole
    signature (without the known boilerplate) routed by key, for grouping near-duplicates.

    Returns ([(hashes, owners, group keys, group owners) for each part], [(index, signature)...]).
    """
    docs = _load(db_path, [n for n, _i in batch])
    vals_all, own_all, keys_all, kown_all, side = [], [], [], [], []
    for n, idx in batch:
        if n not in docs:
            continue
        u = np.unique(docs[n][0])
        rest = u[_keep_mask(u, known)]  # the known boilerplate needs no counting
        vals_all.append(rest)
        own_all.append(np.full(len(rest), idx, dtype=np.uint32))
        if len(rest):
            gsig = minhash.signature(rest, num_perm)
            k = minhash.band_keys(gsig[None, :], gb, gr).ravel()
            keys_all.append(k)
            kown_all.append(np.full(len(k), idx, dtype=np.uint32))
            side.append((idx, gsig))
    vals = np.concatenate(vals_all) if vals_all else np.empty(0, np.uint32)
    owners = np.concatenate(own_all) if own_all else np.empty(0, np.uint32)
    keys = np.concatenate(keys_all) if keys_all else np.empty(0, np.uint64)
    kowners = np.concatenate(kown_all) if kown_all else np.empty(0, np.uint32)
    route = vals % np.uint32(parts)
    kroute = keys % np.uint64(parts)
    outs = [(vals[route == j], owners[route == j], keys[kroute == j], kowners[kroute == j]) for j in range(parts)]
    return outs, side


def df_reduce(max_df: int, cap: int, *parts):
    """Stage 1 reduce over one hash range (and one group-key range).

    Returns (shingles in more than ``cap`` documents, the shingles in more than ``max_df`` and
    at most ``cap`` documents with their postings (offsets, document indexes), the number of
    distinct shingles, the near-duplicate candidate pairs of the group keys).
    """
    empty32 = np.empty(0, np.uint32)
    vals = np.concatenate([p[0] for p in parts]) if parts else empty32
    owners = np.concatenate([p[1] for p in parts]) if parts else empty32
    keys = np.concatenate([p[2] for p in parts]) if parts else np.empty(0, np.uint64)
    kowners = np.concatenate([p[3] for p in parts]) if parts else empty32
    gcodes = minhash.pairs_from_keys(keys, kowners)
    if not len(vals):
        return empty32, empty32, np.zeros(1, np.int64), empty32, 0, gcodes
    u, inv, counts = np.unique(vals, return_inverse=True, return_counts=True)
    big = u[counts > cap].astype(np.uint32)
    mid_mask = (counts > max_df) & (counts <= cap)
    mid = u[mid_mask].astype(np.uint32)
    sel = np.flatnonzero(mid_mask[inv])
    order = sel[np.argsort(inv[sel], kind="stable")]
    mid_owners = owners[order].astype(np.uint32)
    offsets = np.r_[0, np.cumsum(counts[mid_mask])].astype(np.int64)
    return big, mid, offsets, mid_owners, int(len(u)), gcodes


def family_groups(n_docs: int, codes: np.ndarray, sigs: np.ndarray, threshold: float) -> np.ndarray:
    """The group of each document: connected components of the candidate pairs whose
    signatures estimate a Jaccard similarity of at least ``threshold`` (near-duplicates,
    versions of one text; ``sigs``: one whole-document signature per row). Returns each
    document's group root (its lowest member)."""
    parent = np.arange(n_docs, dtype=np.int64)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = int(parent[x])
        return x

    for c in codes.tolist():
        i, j = c >> 32, c & 0xFFFFFFFF
        if minhash.estimate_jaccard(sigs[i], sigs[j]) >= threshold:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    return np.array([find(i) for i in range(n_docs)], dtype=np.int64)


def spread_over_groups(mid: np.ndarray, offsets: np.ndarray, owners: np.ndarray, roots: np.ndarray) -> np.ndarray:
    """For each shingle of ``mid`` (postings ``owners[offsets[k]:offsets[k+1]]``), the number of
    distinct document groups it occurs in."""
    if not len(mid):
        return np.empty(0, np.int64)
    which = np.repeat(np.arange(len(mid), dtype=np.int64), np.diff(offsets))
    codes = np.unique((which << 32) | roots[owners.astype(np.int64)])
    return np.bincount((codes >> 32).astype(np.int64), minlength=len(mid))


def signature_map(batch, parts: int, db_path: str, boiler: np.ndarray, b: int, r: int, num_perm: int):
    """Passage signatures of a batch of (row, index) documents; band keys routed by key.

    Returns ([(keys, doc indexes) for each part], [(index, document signature, set size)...]).
    """
    rows = [n for n, _i in batch]
    docs = _load(db_path, rows)
    keys_all, docs_all, side = [], [], []
    for n, idx in batch:
        seq, spans = docs[n]
        keep = _keep_mask(seq, boiler)
        psigs, dsig = minhash.passage_signatures(seq, keep, spans, num_perm)
        size = int(len(np.unique(seq[keep])))
        side.append((idx, dsig, size))
        if len(psigs):
            k = minhash.band_keys(psigs, b, r).ravel()
            keys_all.append(k)
            docs_all.append(np.full(len(k), idx, dtype=np.uint32))
    if keys_all:
        keys = np.concatenate(keys_all)
        owners = np.concatenate(docs_all)
    else:
        keys, owners = np.empty(0, np.uint64), np.empty(0, np.uint32)
    route = keys % np.uint64(parts)
    outs = [(keys[route == j], owners[route == j]) for j in range(parts)]
    return outs, side


def band_reduce(*parts):
    """Candidate pairs (codes i << 32 | j) among the band keys of one key range."""
    if not parts:
        return np.empty(0, np.uint64)
    keys = np.concatenate([p[0] for p in parts])
    owners = np.concatenate([p[1] for p in parts])
    return minhash.pairs_from_keys(keys, owners)


def verify_batch(job, db_path: str, boiler: np.ndarray, settings: dict):
    """Exact similarity of candidate pairs; passages and direction of those kept.

    ``job`` = (codes, docs) where docs maps index -> document info (n, id, path, sha256, date,
    sig, size).
    """
    codes, info = job
    need = sorted({info[int(c >> 32)]["n"] for c in codes} | {info[int(c & 0xFFFFFFFF)]["n"] for c in codes})
    loaded = _load(db_path, need)
    sets: dict[int, np.ndarray] = {}

    def dset(n: int) -> np.ndarray:
        if n not in sets:
            seq = loaded[n][0]
            sets[n] = np.unique(seq[_keep_mask(seq, boiler)])
        return sets[n]

    texts: dict[str, tuple[str | None, str | None]] = {}

    def text_of(d: dict) -> tuple[str | None, str | None]:
        if d["id"] not in texts:
            try:
                data = Path(d["path"]).read_bytes()
                if hashlib.sha256(data).hexdigest() != d["sha256"]:
                    texts[d["id"]] = (None, f"{d['path']}: changed since it was indexed; "
                                            "run `provenance corpus index` again")
                else:
                    texts[d["id"]] = (load_document(d["path"], data=data).text, None)
            except (OSError, ProvenanceError) as exc:
                texts[d["id"]] = (None, str(exc))
        return texts[d["id"]]

    out = []
    for c in codes:
        ia, ib = int(c >> 32), int(c & 0xFFFFFFFF)
        a, b = info[ia], info[ib]
        if a["id"] > b["id"]:
            a, b = b, a
        sa, sb = dset(a["n"]), dset(b["n"])
        if not len(sa) or not len(sb):
            continue
        inter = int(len(np.intersect1d(sa, sb, assume_unique=True)))
        sim = inter / min(len(sa), len(sb))
        if sim < settings["min_similarity"] or inter < settings["min_shared"]:
            continue
        jac = inter / (len(sa) + len(sb) - inter)
        ej = minhash.estimate_jaccard(a["sig"], b["sig"])
        est = min(1.0, ej * (a["size"] + b["size"]) / (1 + ej) / max(1, min(a["size"], b["size"])))
        rec = {
            "a": a["id"], "b": b["id"],
            "similarity": round(sim, 4), "estimate": round(est, 4), "jaccard": round(jac, 4),
            "containment": {"a": round(inter / len(sa), 4), "b": round(inter / len(sb), 4)},
            "shared_shingles": inter,
            "direction": guess_direction({"id": a["id"], "date": a["date"], "size": len(sa)},
                                         {"id": b["id"], "date": b["date"], "size": len(sb)}, inter),
            "shared": [], "shared_words": 0, "warnings": [],
        }
        if not settings.get("passages", True):
            out.append(rec)
            continue
        ta, wa = text_of(a)
        tb, wb = text_of(b)
        for w in (wa, wb):
            if w:
                rec["warnings"].append(w)
        if ta is not None and tb is not None:
            sp = shared_passages(ta, tb, boiler, settings["k"])
            rec["shared"] = sp["passages"]
            rec["shared_words"] = sp["words"]
        out.append(rec)
    return out


# --------------------------------------------------------------------------------------------
# the driver


def _split(seq: list, n: int) -> list[list]:
    if not seq:
        return []
    size = max(1, math.ceil(len(seq) / n))
    return [seq[i:i + size] for i in range(0, len(seq), size)]


def _check(settings: dict) -> None:
    for key in ("min_similarity", "lsh_threshold"):
        v = settings[key]
        if not (0.0 <= v <= 1.0):
            raise UsageError(f"--{key.replace('_', '-')} must be between 0 and 1 (got {v})")
    if settings["min_shared"] < 1:
        raise UsageError(f"--min-shared must be at least 1 (got {settings['min_shared']})")
    if settings["max_df"] is not None and settings["max_df"] < 1:
        raise UsageError(f"--max-df must be at least 1 (got {settings['max_df']})")


def discover(db_path=cindex.DEFAULT_DB, **kw) -> dict:
    """Candidate pairs of related documents among those catalogued in ``db_path``.

    Returns the ``corpus discover --json`` payload. With ``store`` the pairs replace those of
    the previous run in the catalog (``corpus audit`` reads them). ``progress(stage, done,
    total)`` reports each stage; ``passages=False`` skips reading the texts (no shared
    passages are listed). Documents the catalog holds but has not shingled yet (added by
    ``catalog add``) are indexed first. Raises InputError when the catalog cannot be read.
    Keywords: those of :func:`_discover`.
    """
    with catalog_errors(db_path):
        return _discover(db_path, **kw)


def _discover(db_path=cindex.DEFAULT_DB, *, min_similarity: float = DEFAULTS["min_similarity"],
             min_shared: int = DEFAULTS["min_shared"], lsh_threshold: float = DEFAULTS["lsh_threshold"],
             max_df: int | None = None, known_boilerplate: bool = True, num_perm: int = minhash.NUM_PERM,
             engine=None, progress=None, store: bool = True, batch_size: int | None = None,
             passages: bool = True) -> dict:
    """:func:`discover`, its SQLite errors not yet turned into one line."""
    settings = {"min_similarity": float(min_similarity), "min_shared": int(min_shared),
                "lsh_threshold": float(lsh_threshold), "max_df": max_df,
                "known_boilerplate": bool(known_boilerplate), "num_perm": int(num_perm)}
    _check(settings)
    db_path = str(db_path)
    # workers (other processes, other machines) open the catalog themselves: give them an
    # absolute path, not one relative to this process's working folder
    work_db = str(Path(db_path).resolve())
    own = engine is None
    with catalog_errors(db_path):
        con = cindex.connect(db_path, create=False)  # refuses a file that is no catalog
        try:
            tokenizer = cindex.get_meta(con, "tokenizer", None)
            k = int(tokenizer.rsplit("-k", 1)[1]) if tokenizer else shingle.DEFAULT_K
            eng = engine or LocalEngine()
            try:
                warnings = cindex.index_missing(con, db_path, engine=eng, progress=progress, k=k)
            except BaseException:
                if own:
                    eng.close()
                raise
            docs = cindex.load_documents(con, cindex.tokenizer_name(k))
        finally:
            con.close()
    n_docs = len(docs)
    settings["max_df"] = max_df if max_df is not None else auto_max_df(n_docs)
    b, r = minhash.lsh_params(settings["lsh_threshold"], settings["num_perm"])
    settings.update({"k": k, "bands": b, "rows": r})

    try:
        workers = max(1, eng.workers)
        size = batch_size or max(16, min(500, math.ceil(n_docs / (workers * 4)) or 16))
        idx_batches = [[(d["n"], i) for i, d in enumerate(docs[j:j + size], start=j)]
                       for j in range(0, n_docs, size)]
        parts = max(1, min(64, workers * 4))

        def tick(stage, total):
            state = {"done": 0}
            if progress:
                progress(stage, 0, total)

            def f(_r):
                state["done"] += 1
                if progress:
                    progress(stage, state["done"], total)
            return f

        # 1. document frequency, and groups of near-duplicates (versions of one text): what many
        # unrelated documents share is boilerplate; what only the versions of one text share is not
        extra = shingle.boilerplate_hashes(k) if settings["known_boilerplate"] else np.empty(0, np.uint32)
        gb, gr = minhash.lsh_params(FAMILY_JACCARD, settings["num_perm"])
        cap = postings_cap(settings["max_df"])
        reduced, gsides = eng.map_reduce(df_map, idx_batches, functools.partial(df_reduce, settings["max_df"], cap),
                                         parts, work_db, eng.broadcast(extra), gb, gr, settings["num_perm"],
                                         on_map=tick("frequency", len(idx_batches)))
        gsigs = np.full((n_docs, settings["num_perm"]), 0xFFFFFFFF, dtype=np.uint32)  # empty: never alike
        for side in gsides:
            for idx, sig in side:
                gsigs[idx] = sig
        del gsides
        gcodes = np.unique(np.concatenate([x[5] for x in reduced])) if reduced else np.empty(0, np.uint64)
        roots = family_groups(n_docs, gcodes, gsigs, FAMILY_JACCARD)
        del gsigs
        frequent_parts, family_parts = [], []
        for big, mid, offsets, owners, _d, _g in reduced:
            spread = spread_over_groups(mid, offsets, owners, roots)
            frequent_parts += [big, mid[spread > settings["max_df"]]]
            family_parts.append(mid[spread <= settings["max_df"]])
        frequent = np.concatenate(frequent_parts) if frequent_parts else np.empty(0, np.uint32)
        spared = int(sum(len(x) for x in family_parts))
        families = int(np.count_nonzero(np.bincount(roots) >= 2)) if n_docs else 0
        distinct = int(sum(x[4] for x in reduced))
        del reduced
        boiler = np.unique(np.concatenate([frequent, extra])).astype(np.uint32)
        boiler_ref = eng.broadcast(boiler)

        # 2. signatures, band join
        cand_parts, sides = eng.map_reduce(signature_map, idx_batches, band_reduce, parts, work_db, boiler_ref,
                                           b, r, settings["num_perm"],
                                           on_map=tick("signatures", len(idx_batches)))
        codes = np.unique(np.concatenate(cand_parts)) if cand_parts else np.empty(0, np.uint64)
        sig = {}
        for side in sides:
            for idx, dsig, sz in side:
                sig[idx] = (dsig, sz)

        # 3-4. exact check, passages, direction
        code_list = codes.tolist()
        jobs = []
        n_jobs = max(1, min(workers * 4, math.ceil(len(code_list) / 200)))
        for chunk in _split(code_list, n_jobs):
            ids = {c >> 32 for c in chunk} | {c & 0xFFFFFFFF for c in chunk}
            info = {}
            for i in ids:
                d = docs[i]
                info[i] = {"n": d["n"], "id": d["id"], "path": d["path"], "sha256": d["sha256"],
                           "date": d["date"], "sig": sig[i][0], "size": sig[i][1]}
            jobs.append((np.asarray(chunk, dtype=np.uint64), info))
        verified = eng.map(verify_batch, jobs, work_db, boiler_ref, {**settings, "k": k, "passages": passages},
                           on_result=tick("verify", len(jobs)))
    finally:
        if own:
            eng.close()

    pairs = [p for batch in verified for p in batch]
    pairs.sort(key=lambda p: (-p["similarity"], p["a"], p["b"]))
    in_pairs = sorted({p["a"] for p in pairs} | {p["b"] for p in pairs})
    by_id = {d["id"]: d for d in docs}
    documents = {i: {"path": by_id[i]["path"], "sha256": by_id[i]["sha256"], "date": by_id[i]["date"],
                     "title": by_id[i]["title"] or "", "words": by_id[i]["words"], "kind": by_id[i]["kind"]}
                 for i in in_pairs}
    directed = sum(1 for p in pairs if p["direction"])
    payload = {
        "tool": tool_header(),
        "db": db_path,
        "settings": settings,
        "documents": documents,
        "pairs": pairs,
        "warnings": warnings,
        "summary": {"documents": n_docs, "pairs": len(pairs), "candidates": len(code_list),
                    "directed": directed, "boilerplate_shingles": int(len(boiler)),
                    "frequent_shingles": int(len(frequent)), "family_shingles": spared, "families": families,
                    "distinct_shingles": distinct,
                    "warnings": sum(len(p["warnings"]) for p in pairs) + len(warnings)},
    }
    if store:
        _store(db_path, payload, docs)
    return payload


def _store(db_path: str, payload: dict, docs: list[dict]) -> None:
    n_of = {d["id"]: d["n"] for d in docs}
    rows = []
    for p in payload["pairs"]:
        d = p["direction"] or {}
        rows.append((n_of[p["a"]], n_of[p["b"]], p["similarity"], n_of.get(d.get("from")), d.get("rule"),
                     d.get("reason"), p.get("shared_words"), dump_json(p)))
    with catalog_errors(db_path):
        con = cindex.connect(db_path)
        try:
            with transaction(con):
                con.execute("DELETE FROM pairs")
                con.executemany("INSERT INTO pairs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
                cindex.set_meta(con, "discover", {"settings": payload["settings"],
                                                  "fingerprint": cindex.fingerprint(con),
                                                  "documents": payload["documents"], "summary": payload["summary"]})
        finally:
            con.close()
