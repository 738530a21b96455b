"""Near-linear alignment of two sequences of interned tokens.

The strategy is the one of patience and histogram diff, made robust for long and repetitive
texts:

1. strip the common prefix and suffix of the range;
2. find anchors: tokens that occur exactly once in each side of the range; where there are too
   few, k-grams (k = 2, 3, 5, 8) that occur once on each side, then rare tokens (at most four
   occurrences, the same number on both sides) paired in order;
3. keep the longest chain of anchors in the same order on both sides (longest increasing
   subsequence, O(A log A));
4. recurse on the gaps between anchors (iteratively, with an explicit stack);
5. in small gaps only, an exact longest-common-subsequence table;
6. where anchors stay scarce (a repetitive text: the same words over and over, so that hardly
   any word or k-gram is unique) after ``SPARSE_LEVELS`` rounds, or where there are none and
   the range is too large for the exact table, the range is cut along its diagonal into pieces
   of at most ``CHUNK_TOKENS`` tokens a side, each aligned on its own (the diagonal fallback).

No step is quadratic in the length of the texts: the exact table is bounded by ``SMALL_CELLS``
(``FALLBACK_CELLS`` when there is no anchor at all), every level of anchor search covers each
token once, and there are at most ``SPARSE_LEVELS`` levels of scarce anchors before the linear
fallback.
The result is a list of matching blocks ``(i, j, size)`` sorted by position, like
``difflib.SequenceMatcher.get_matching_blocks`` without the sentinel.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from itertools import count, islice

SMALL_CELLS = 4096          # exact LCS in gaps up to this many cells
FALLBACK_CELLS = 160_000    # exact LCS when no anchor of any kind is found, up to this size
KGRAMS = (2, 3, 5, 8)
SPARSE_LEVELS = 3           # anchors looked for again in the gaps of this many sparse levels, no more
CHUNK_TOKENS = 128          # the longer side of one piece of the diagonal fallback
#: a range with at least this many tokens on its shorter side has its anchors counted with numpy
#: (sorting arrays in C); below it, Python's Counter is faster than numpy's import
VECTOR_TOKENS = 250_000


def _lis(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Longest chain of (i, j, k) with i and j both increasing and not overlapping; pairs sorted by i."""
    tails: list[int] = []      # j of the last element of the best chain of each length
    tails_idx: list[int] = []
    prev = [-1] * len(pairs)
    for idx, (_i, j, _k) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tails_idx.append(idx)
        else:
            tails[pos] = j
            tails_idx[pos] = idx
        prev[idx] = tails_idx[pos - 1] if pos else -1
    out = []
    idx = tails_idx[-1] if tails_idx else -1
    while idx >= 0:
        out.append(pairs[idx])
        idx = prev[idx]
    out.reverse()
    # drop anchors that overlap the previous one (k-grams)
    res = []
    ei = ej = -1
    for i, j, k in out:
        if i >= ei and j >= ej:
            res.append((i, j, k))
            ei, ej = i + k, j + k
        elif i - j == res[-1][0] - res[-1][1] and i + k > ei:
            # same diagonal, overlapping: extend
            pi, pj, _pk = res[-1]
            res[-1] = (pi, pj, i + k - pi)
            ei, ej = i + k, j + k
    return res


def _once_in_both(sa, sb, alo, blo, k):
    """(i, j, k) for every item that occurs exactly once in ``sa`` and once in ``sb`` (i, j: its
    positions plus ``alo``, ``blo``), sorted by i. Counting and locating run in C."""
    ca = Counter(sa)
    cb = Counter(sb)
    uniq = [t for t, c in ca.items() if c == 1 and cb.get(t) == 1]
    if not uniq:
        return []
    # the last position of each item is its only one for the items that occur once
    pa = dict(zip(sa, count(alo)))
    pb = dict(zip(sb, count(blo)))
    out = [(pa[t], pb[t], k) for t in uniq]
    out.sort()
    return out


def _gram_codes(sa, sb, k, memo):
    """The k-grams of ``sa`` and ``sb`` as ints, equal exactly when the k-grams are equal: a k-gram
    is the pair (code of its first p tokens, code of its last k - p), interned in a dict shared by
    both sides; so 8-grams are built from 5- and 3-grams, in C, without tuples of eight tokens, and
    every occurrence of a k-gram shares one int."""
    if k == 1:
        return sa, sb
    got = memo.get(k)
    if got is None:
        p = max(x for x in (1, 2, 3, 5) if x < k)
        ha, hb = _gram_codes(sa, sb, p, memo)
        ta, tb = _gram_codes(sa, sb, k - p, memo)
        put = {}.setdefault
        serial = count()
        got = memo[k] = (list(map(put, zip(ha, islice(ta, p, None)), serial)),
                         list(map(put, zip(hb, islice(tb, p, None)), serial)))
    return got


def _kgram_anchors(a, b, alo, ahi, blo, bhi, k, memo=None):
    """Anchors of k tokens: k-grams found once on each side. ``memo`` keeps the codes of shorter
    k-grams of the same range from one call to the next."""
    if ahi - alo < k or bhi - blo < k:
        return []
    if memo is None:
        memo = {}
    if min(ahi - alo, bhi - blo) >= VECTOR_TOKENS:
        return _vector_anchors(a, b, alo, ahi, blo, bhi, k, memo)
    if 1 not in memo:
        memo[1] = (a[alo:ahi], b[blo:bhi])
    ga, gb = _gram_codes(*memo[1], k, memo)
    return _once_in_both(ga, gb, alo, blo, k)


# ---- large ranges: the same anchors, counted with numpy -----------------------------------------
_MIX = (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB)


def _vector_codes(a, b, alo, ahi, blo, bhi, k, memo):
    """The k-grams of both ranges as 64-bit codes (uint64 arrays): equal k-grams have equal codes,
    and two different ones share a code with a chance of about one in 2**64 (the anchors found
    are checked token by token)."""
    import numpy as np
    got = memo.get(("v", k))
    if got is not None:
        return got
    if k == 1:
        got = (np.fromiter(a[alo:ahi], np.uint64, ahi - alo), np.fromiter(b[blo:bhi], np.uint64, bhi - blo))
    else:
        p = max(x for x in (1, 2, 3, 5) if x < k)
        q = k - p
        ha, hb = _vector_codes(a, b, alo, ahi, blo, bhi, p, memo)
        ta, tb = _vector_codes(a, b, alo, ahi, blo, bhi, q, memo)
        c1, c2, c3 = (np.uint64(c) for c in _MIX)
        pair = []
        for h, t in ((ha, ta), (hb, tb)):
            n = len(h) - q          # k-grams in the range
            x = h[:n] * c1 + t[p:p + n]
            x ^= x >> np.uint64(30)   # splitmix64's finaliser: every bit of both codes moves every bit
            x *= c2
            x ^= x >> np.uint64(27)
            x *= c3
            x ^= x >> np.uint64(31)
            pair.append(x)
        got = tuple(pair)
    memo[("v", k)] = got
    return got


def _vector_once(codes):
    """(codes, positions) of the codes that occur exactly once, sorted by code."""
    import numpy as np
    order = np.argsort(codes)
    v = codes[order]
    once = np.ones(len(v), dtype=bool)
    same = v[1:] == v[:-1]
    once[1:] &= ~same
    once[:-1] &= ~same
    return v[once], order[once]


def _vector_once_tokens(codes):
    """``_vector_once`` of single tokens, whose codes are small ints (the interned ids): counted
    in one pass (a histogram), without sorting."""
    import numpy as np
    ids = codes.astype(np.intp)
    counts = np.bincount(ids)
    where = np.empty(len(counts), np.intp)
    where[ids] = np.arange(len(ids))   # the last position of each id: its only one for ids found once
    once = np.flatnonzero(counts == 1)
    return once.astype(codes.dtype), where[once]


def _vector_anchors(a, b, alo, ahi, blo, bhi, k, memo):
    """``_kgram_anchors`` of a large range, with the counting and the sorting done by numpy."""
    import numpy as np
    ga, gb = _vector_codes(a, b, alo, ahi, blo, bhi, k, memo)
    once = _vector_once_tokens if k == 1 else _vector_once
    va, pa = once(ga)
    vb, pb = once(gb)
    if not len(va) or not len(vb):
        return []
    at = np.searchsorted(vb, va)
    at[at == len(vb)] = 0
    hit = vb[at] == va
    i = pa[hit]
    j = pb[at[hit]]
    order = np.argsort(i)
    i = (i[order] + alo).tolist()
    j = (j[order] + blo).tolist()
    return [(x, y, k) for x, y in zip(i, j) if k == 1 or a[x:x + k] == b[y:y + k]]


def _rare_anchors(a, b, alo, ahi, blo, bhi, limit=4):
    ca = Counter(a[alo:ahi])
    cb = Counter(b[blo:bhi])
    rare = {t for t, c in ca.items() if c <= limit and cb.get(t) == c}
    if not rare:
        return []
    occb: dict[int, list[int]] = {}
    for j, t in enumerate(b[blo:bhi], blo):
        if t in rare:
            occb.setdefault(t, []).append(j)
    seen: dict[int, int] = {}
    out = []
    for i, t in enumerate(a[alo:ahi], alo):
        if t in rare:
            n = seen.get(t, 0)
            seen[t] = n + 1
            out.append((i, occb[t][n], 1))
    return out


def _lcs_blocks(a, b, alo, ahi, blo, bhi, out):
    """Exact LCS by dynamic programming on a small range; appends blocks to ``out``."""
    n = ahi - alo
    m = bhi - blo
    sa = a[alo:ahi]
    sb = b[blo:bhi]
    # rows[i][j] = LCS length of sa[i:], sb[j:]; a token of sa that sb lacks leaves its row the
    # same as the next one (the rows are non-increasing), so the two rows are one list
    in_b = set(sb)
    rows: list = [None] * n + [[0] * (m + 1)]
    for i in range(n - 1, -1, -1):
        rn = rows[i + 1]
        ai = sa[i]
        if ai not in in_b:
            rows[i] = rn
            continue
        ri = rows[i] = [0] * (m + 1)
        for j in range(m - 1, -1, -1):
            if ai == sb[j]:
                ri[j] = rn[j + 1] + 1
            else:
                x = rn[j]
                y = ri[j + 1]
                ri[j] = x if x >= y else y
    i = j = 0
    run_i = run_j = -1
    run = 0
    while i < n and j < m:
        if sa[i] == sb[j] and rows[i][j] == rows[i + 1][j + 1] + 1:
            if run and run_i + run == i and run_j + run == j:
                run += 1
            else:
                if run:
                    out.append((alo + run_i, blo + run_j, run))
                run_i, run_j, run = i, j, 1
            i += 1
            j += 1
        elif rows[i + 1][j] >= rows[i][j + 1]:
            i += 1
        else:
            j += 1
    if run:
        out.append((alo + run_i, blo + run_j, run))


def _diagonal(alo, ahi, blo, bhi):
    """The range cut along its diagonal into pieces of at most CHUNK_TOKENS tokens a side, each
    to be aligned on its own (in time linear in the range)."""
    n = ahi - alo
    m = bhi - blo
    c = -(-max(n, m) // CHUNK_TOKENS)
    return [(alo + n * t // c, alo + n * (t + 1) // c, blo + m * t // c, blo + m * (t + 1) // c, 0)
            for t in range(c - 1, -1, -1)]


def _common(a, b, i, j, lim, step):
    """How many items a[i], a[i + step], ... equal b[j], b[j + step], ... (at most ``lim``); long
    runs are compared slice by slice, in C."""
    n = 0
    chunk = 8
    grow = True
    while chunk >= 8:
        if n + chunk <= lim and (a[i + n:i + n + chunk] == b[j + n:j + n + chunk] if step == 1 else
                                 a[i - n - chunk + 1:i - n + 1] == b[j - n - chunk + 1:j - n + 1]):
            n += chunk
            if grow:
                chunk *= 2
        else:
            grow = False
            chunk //= 2
    while n < lim and a[i + step * n] == b[j + step * n]:
        n += 1
    return n


def matching_blocks(a: list[int], b: list[int]) -> list[tuple[int, int, int]]:
    """Matching blocks (i, j, size) of an alignment of ``a`` and ``b``, sorted, adjacent ones joined."""
    out: list[tuple[int, int, int]] = []
    stack = [(0, len(a), 0, len(b), 0)]  # the last value: how many scarce levels lie above
    while stack:
        alo, ahi, blo, bhi, sparse = stack.pop()
        # common prefix
        p = _common(a, b, alo, blo, min(ahi - alo, bhi - blo), 1)
        if p:
            out.append((alo, blo, p))
            alo += p
            blo += p
        s = _common(a, b, ahi - 1, bhi - 1, min(ahi - alo, bhi - blo), -1)
        if s:
            out.append((ahi - s, bhi - s, s))
            ahi -= s
            bhi -= s
        n = ahi - alo
        m = bhi - blo
        if n == 0 or m == 0:
            continue
        if n * m <= SMALL_CELLS:
            _lcs_blocks(a, b, alo, ahi, blo, bhi, out)
            continue
        if sparse >= SPARSE_LEVELS and n * m > FALLBACK_CELLS:
            stack.extend(_diagonal(alo, ahi, blo, bhi))
            continue
        memo: dict = {}   # the range's tokens and k-gram codes, made once for every k
        anchors = _kgram_anchors(a, b, alo, ahi, blo, bhi, 1, memo)   # tokens found once on each side
        want = max(1, min(n, m) // 400)
        if len(anchors) < want:
            for k in KGRAMS:
                more = _kgram_anchors(a, b, alo, ahi, blo, bhi, k, memo)
                if len(more) > len(anchors):
                    anchors = more
                if len(anchors) >= want:
                    break
        if not anchors:
            anchors = _rare_anchors(a, b, alo, ahi, blo, bhi)
        if not anchors:
            if n * m <= FALLBACK_CELLS:
                _lcs_blocks(a, b, alo, ahi, blo, bhi, out)
            else:
                stack.extend(_diagonal(alo, ahi, blo, bhi))
            continue
        chain = _lis(anchors)
        below = sparse + 1 if len(chain) < want else 0
        ci, cj = alo, blo
        for i, j, k in chain:
            if i > ci or j > cj:
                if i - ci == j - cj and a[ci:i] == b[cj:j]:
                    out.append((ci, cj, i - ci))   # the same between two anchors: nothing to search
                else:
                    stack.append((ci, i, cj, j, below))
            out.append((i, j, k))
            ci, cj = i + k, j + k
        if ci < ahi or cj < bhi:
            stack.append((ci, ahi, cj, bhi, below))
    out.sort()
    joined: list[tuple[int, int, int]] = []
    for i, j, k in out:
        if joined:
            pi, pj, pk = joined[-1]
            if pi + pk == i and pj + pk == j:
                joined[-1] = (pi, pj, pk + k)
                continue
        joined.append((i, j, k))
    return joined


def gaps(blocks, n: int, m: int) -> list[tuple[int, int, int, int]]:
    """The unmatched ranges (i1, i2, j1, j2) between matching blocks, in order."""
    out = []
    ci = cj = 0
    for i, j, k in blocks:
        if i > ci or j > cj:
            out.append((ci, i, cj, j))
        ci, cj = i + k, j + k
    if ci < n or cj < m:
        out.append((ci, n, cj, m))
    return out


def cleanup(blocks, n: int, m: int, weight=None, gap_size=None):
    """Dissolve short equalities squeezed between larger edits (as diff-match-patch's semantic cleanup).

    An equal run is dropped when it is strictly shorter than the edits on both of its sides: a
    lone "the" or "1945" matched between two rewritten passages is chance, not alignment.
    ``weight(i, k)`` may give the weight of the run a[i:i+k] (default: its length);
    ``gap_size(i1, i2, j1, j2)`` the size of an unmatched range (default: its longer side).
    """
    if gap_size is None:
        def gap_size(i1, i2, j1, j2):
            return max(i2 - i1, j2 - j1)
    changed = True
    blocks = list(blocks)
    while changed and len(blocks) > 0:
        changed = False
        out = []
        # gap sizes before each block
        prev_end_i = prev_end_j = 0
        nb = len(blocks)
        for idx in range(nb):
            i, j, k = blocks[idx]
            before = gap_size(prev_end_i, i, prev_end_j, j)
            if idx + 1 < nb:
                ni, nj, _ = blocks[idx + 1]
            else:
                ni, nj = n, m
            after = gap_size(i + k, ni, j + k, nj)
            w = k if weight is None else weight(i, k)
            if w < before and w < after:
                changed = True
                # dropped: keep prev_end at the previous block
                continue
            out.append((i, j, k))
            prev_end_i, prev_end_j = i + k, j + k
        blocks = out
    return blocks


def slide(blocks, ka, kb, cut_a, cut_b, alike_a=None, alike_b=None, frozen=None):
    """Move each run found in one text only along the words it repeats, to where it is cut best.

    An insertion or a deletion between two matched runs can stand at several places when its
    last words repeat the words before it (or its first words the words after it): "road. [2.
    Recommend ... route.] 3." and "road. 2. [Recommend ... route. 3.]" are the same edit. The run
    is put where ``cut_x(k)`` (the worth of a cut before token k of that text) summed over its two
    ends is highest, the place it was found winning ties. ``alike_x(p, q)`` may let two tokens of
    different keys count as repeats (two numbers opening points); such a pair, matched after the
    move, is kept out of the blocks as a gap of its own, marked off by blocks of size zero on
    either side (``gaps`` gives it alone); so is a matched run the move emptied.
    """
    out = list(blocks)
    idx = 0
    while idx + 1 < len(out):
        (pa, pb, ps), (na, nb, ns) = out[idx], out[idx + 1]
        on_a = pb + ps == nb and na > pa + ps       # tokens of a only
        on_b = pa + ps == na and nb > pb + ps       # tokens of b only
        if ps == 0 or ns == 0 or not (on_a or on_b):
            idx += 1
            continue
        keys, cut, alike, lo, hi, other = (ka, cut_a, alike_a, pa + ps, na, pb + ps) if on_a else \
            (kb, cut_b, alike_b, pb + ps, nb, pa + ps)
        if frozen is not None and frozen(on_a, lo, hi):
            idx += 1
            continue

        def same(p, q):
            return keys[p] == keys[q] or (alike is not None and alike(p, q))

        best, best_score = 0, cut(lo) + cut(hi)
        for step, room in ((-1, ps), (1, ns)):   # to the left, then to the right
            d = 0
            while abs(d) < room and (same(lo + d - 1, hi + d - 1) if step < 0 else same(lo + d, hi + d)):
                d += step
                score = cut(lo + d) + cut(hi + d)
                if score > best_score:
                    best, best_score = d, score
        if best == 0:
            idx += 1
            continue
        # tokens that leave the run are matched with the tokens their repeats were matched with
        pairs = [(hi + t, other + t) for t in range(best, 0)] if best < 0 else \
            [(lo + t, other + t) for t in range(best)]
        middle: list = []
        for x, y in pairs:
            xa, yb = (x, y) if on_a else (y, x)
            if ka[xa] != kb[yb]:
                middle += [(xa, yb, 0), (xa + 1, yb + 1, 0)]
            elif middle and middle[-1][2] and middle[-1][0] + middle[-1][2] == xa:
                middle[-1] = (middle[-1][0], middle[-1][1], middle[-1][2] + 1)
            else:
                middle.append((xa, yb, 1))
        shift = max(best, 0)
        out[idx:idx + 2] = [(pa, pb, ps + min(best, 0)), *middle, (na + shift, nb + shift, ns - shift)]
        idx += 1 + len(middle)
    return out


def whole_paragraphs(blocks, ka, kb, para_a, para_b):
    """Where a changed passage runs on into whole paragraphs found in one text only, set the
    paragraphs apart.

    "... on the territory of Xinjiang in coordination with X." / "... on Xinjiang territory. ¶ 6.
    Instruct ... livestock.": the full stop after "X" is matched with the one ending the added
    point, so the added point is not whole in the gap. When the token that ends the gap's match
    (the full stop) also stands in the gap just before a paragraph, and the gap with that token
    ends a paragraph, the token is matched there instead and what follows it, whole paragraphs,
    is an addition (or an omission) of its own. ``para_x(k)``: whether a paragraph begins at token
    k (or k is the end of the text).
    """
    out = list(blocks)
    idx = 0
    while idx + 1 < len(out):
        (pa, pb, ps), (na, nb, ns) = out[idx], out[idx + 1]
        if ns == 0 or na <= pa + ps or nb <= pb + ps:
            idx += 1
            continue
        for on_b in (True, False):
            keys, para, lo, hi = (kb, para_b, pb + ps, nb) if on_b else (ka, para_a, pa + ps, na)
            if not para(hi + 1):
                continue
            q = next((q for q in range(lo, hi) if keys[q] == keys[hi] and para(q + 1)), None)
            if q is None:
                continue
            moved = (na, q, 1) if on_b else (q, nb, 1)
            out[idx + 1:idx + 2] = [moved, (na + 1, nb + 1, ns - 1)]
            break
        idx += 1
    return out
