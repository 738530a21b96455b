"""What two related documents share, and which one was made from the other.

``shared_passages`` finds the longest runs of words the two texts have in common (exactly,
after lower-casing; boilerplate shingles do not count), with character offsets into each
text. ``guess_direction`` says which document is the source and which the derived one,
from their dates (the earlier is the draft) or from containment (the smaller, contained in
the larger, is the excerpt), with the reason in words; when neither tells, it says nothing.
"""

from __future__ import annotations

import numpy as np

from provenance.corpus import shingle

#: Shortest shared run reported (words).
MIN_RUN_WORDS = 6
#: At most this many passages per pair (the longest).
MAX_PASSAGES = 25
#: A passage's text is quoted up to this many characters.
QUOTE_CHARS = 240
#: A shingle occurring more often than this in one text is not used to anchor runs.
MAX_REPEATS = 8

#: Containment rule: the smaller document has at least this share of its shingles in the
#: larger one, and is at most this fraction of the larger one's size.
EXCERPT_CONTAINMENT = 0.6
EXCERPT_SIZE_RATIO = 0.8


def _quote(text: str, s: int, e: int) -> str:
    q = " ".join(text[s:e].split())
    return q if len(q) <= QUOTE_CHARS else q[: QUOTE_CHARS - 1].rstrip() + "\u2026"


def shared_passages(text_a: str, text_b: str, boiler: np.ndarray | None = None,
                    k: int = shingle.DEFAULT_K, limit: int = MAX_PASSAGES) -> dict:
    """The longest common runs of words of ``text_a`` and ``text_b``.

    Returns {"passages": [{"a": {"start", "end"}, "b": {"start", "end"}, "words", "text"}...]
    (sorted by position in a), "words": total words in the passages, "count": number of
    runs found (before ``limit``)}. Runs do not overlap in either text.
    """
    ta, sa = shingle.word_spans(text_a)
    tb, sb = shingle.word_spans(text_b)
    ha = shingle.shingle_hashes(ta, k)
    hb = shingle.shingle_hashes(tb, k)
    if len(ta) < k or len(tb) < k:
        return {"passages": [], "words": 0, "count": 0}
    if boiler is not None and len(boiler):
        ka = ~np.isin(ha, boiler)
        kb = ~np.isin(hb, boiler)
    else:
        ka = np.ones(len(ha), dtype=bool)
        kb = np.ones(len(hb), dtype=bool)
    runs = _runs(ha, hb, ka, kb, k)
    if not runs:
        return {"passages": [], "words": 0, "count": 0}
    runs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_a = np.zeros(len(ta), dtype=bool)
    used_b = np.zeros(len(tb), dtype=bool)
    chosen = []
    for n, i, j in runs:
        if n < MIN_RUN_WORDS:
            break
        # trim the run to the words not yet taken by a longer one
        sl_a = used_a[i:i + n]
        sl_b = used_b[j:j + n]
        free = ~(sl_a | sl_b)
        if not free.all():
            best, cur, bs, cs = 0, 0, 0, 0
            for t, ok in enumerate(free.tolist()):
                if ok:
                    if cur == 0:
                        cs = t
                    cur += 1
                    if cur > best:
                        best, bs = cur, cs
                else:
                    cur = 0
            if best < MIN_RUN_WORDS:
                continue
            i, j, n = i + bs, j + bs, best
        used_a[i:i + n] = True
        used_b[j:j + n] = True
        chosen.append((n, i, j))
    total = sum(n for n, _i, _j in chosen)
    count = len(chosen)
    chosen.sort(key=lambda x: (-x[0], x[1]))
    chosen = sorted(chosen[:limit], key=lambda x: x[1])
    out = []
    for n, i, j in chosen:
        a0, a1 = sa[i][0], sa[i + n - 1][1]
        b0, b1 = sb[j][0], sb[j + n - 1][1]
        out.append({"a": {"start": a0, "end": a1}, "b": {"start": b0, "end": b1}, "words": n,
                    "text": _quote(text_a, a0, a1)})
    return {"passages": out, "words": total, "count": count}


def _runs(ha: np.ndarray, hb: np.ndarray, ka: np.ndarray, kb: np.ndarray, k: int) -> list[tuple[int, int, int]]:
    """The maximal runs of shingles the texts share in the same order, as (length in words,
    start shingle in a, start in b): every pair of places holding the same kept shingle (one
    repeated more than ``MAX_REPEATS`` times in b anchors nothing) on one diagonal, consecutive."""
    bj = np.flatnonzero(kb & np.isin(hb, ha[ka]))
    ai = np.flatnonzero(ka & np.isin(ha, hb[kb]))
    if not len(bj) or not len(ai):
        return []
    order = np.argsort(hb[bj], kind="stable")
    bh, bj = hb[bj][order], bj[order]
    lo = np.searchsorted(bh, ha[ai], "left")
    n = np.searchsorted(bh, ha[ai], "right") - lo
    use = (n > 0) & (n <= MAX_REPEATS)
    ai, lo, n = ai[use], lo[use], n[use]
    if not len(ai):
        return []
    # every (i, j) with the same shingle: i repeated once for each of its places j in b
    i = np.repeat(ai, n)
    first = np.repeat(np.cumsum(n) - n, n)
    j = bj[np.repeat(lo, n) + np.arange(len(i)) - first]
    d = i - j
    order = np.lexsort((i, d))
    d, i = d[order], i[order]
    # a run ends where the diagonal changes or the next place is not the next shingle
    ends = np.flatnonzero((d[1:] != d[:-1]) | (i[1:] != i[:-1] + 1))
    starts = np.concatenate(([0], ends + 1))
    ends = np.concatenate((ends, [len(i) - 1]))
    i0, d0 = i[starts], d[starts]
    return list(zip((i[ends] - i0 + k).tolist(), i0.tolist(), (i0 - d0).tolist()))


def guess_direction(a: dict, b: dict, shared: int) -> dict | None:
    """Which of two related documents was made from the other, with the reason, or None.

    ``a`` and ``b`` carry ``id``, ``date`` (YYYY-MM-DD or None) and ``size`` (distinct
    non-boilerplate shingles); ``shared`` is the size of their intersection.
    """
    da, db = a.get("date"), b.get("date")
    if da and db and da != db:
        src, dst = (a, b) if da < db else (b, a)
        return {"from": src["id"], "to": dst["id"], "rule": "dates",
                "reason": f"dates: {src['id']} is dated {src['date']}, {dst['id']} {dst['date']}; "
                          "the earlier is taken as the draft"}
    if not a["size"] or not b["size"]:
        return None
    small, large = (a, b) if (a["size"], a["id"]) < (b["size"], b["id"]) else (b, a)
    contained = shared / small["size"]
    ratio = small["size"] / large["size"]
    if contained >= EXCERPT_CONTAINMENT and ratio <= EXCERPT_SIZE_RATIO:
        same = f" (both dated {da})" if da and da == db else ""
        return {"from": large["id"], "to": small["id"], "rule": "containment",
                "reason": f"containment{same}: {contained:.0%} of {small['id']} occurs in {large['id']}, "
                          f"which is {1 / ratio:.1f} times its size; the smaller is taken as an excerpt"}
    return None
