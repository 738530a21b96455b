"""MinHash signatures of passages and the LSH banding that turns them into candidate pairs.

Signatures are datasketch ``MinHash`` values (scheme ``affine32``, fixed seed) over a
passage's shingle hashes; a document's signature is the element-wise minimum of its
passages' (the MinHash of a union). The banding parameters (``b`` bands of ``r`` rows) are
the ones datasketch's ``MinHashLSH`` chooses for a similarity threshold.

Candidate pairs come from a *band join*: every (band, band value) of every passage is a key,
and two documents are candidates when one of their passages shares a key. This is exactly
what ``MinHashLSH`` computes when every passage is inserted and queried
(:func:`reference_candidates` does it that way, for tests), but as sorted arrays it needs
16 bytes per key instead of a few hundred, and it partitions: keys are routed to reducers by
their value, which is how the work spreads over a cluster.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
#: LSH weights (false positives, false negatives): a missed pair is worse than a checked one.
WEIGHTS = (0.3, 0.7)

_MAX = np.uint32(0xFFFFFFFF)


def _identity(x):
    return x


@lru_cache(maxsize=4)
def _template(num_perm: int, seed: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=seed, hashfunc=_identity, scheme=SCHEME)


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    a, b = _template(num_perm, seed).permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """datasketch's pre-mix of the ``affine32`` scheme (the MurmurHash3 32-bit finalizer)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


#: Rows of the (values x permutations) matrix computed at once (2 MB with 128 permutations).
_CHUNK = 4096


def permuted(values: np.ndarray, num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """Every permutation of every value: shape (len(values), num_perm), uint32 (datasketch's
    ``affine32`` scheme: ``fmix32(v) * a + b`` modulo 2**32); a signature is its column minimum."""
    a, b = _permutations(num_perm, seed)
    hv = _fmix32(np.asarray(values, dtype=np.uint32))
    with np.errstate(over="ignore"):
        return hv[:, None] * a[None, :] + b[None, :]


def signature(shingles: np.ndarray, num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """The MinHash signature (uint32, ``num_perm`` values) of a set of 32-bit shingle hashes:
    the values datasketch's ``MinHash`` (``affine32``, identity hash) gives, computed in numpy
    without a Python call per value."""
    out = np.full(num_perm, _MAX, dtype=np.uint32)
    for i in range(0, len(shingles), _CHUNK):
        np.minimum(out, permuted(shingles[i:i + _CHUNK], num_perm, seed).min(axis=0), out=out)
    return out


def passage_signatures(seq: np.ndarray, keep: np.ndarray, spans: np.ndarray,
                       num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Signatures of the passages of one document, and of the whole document.

    ``seq``: shingle hashes in reading order; ``keep``: boolean mask of the shingles that are
    not boilerplate; ``spans``: passages as (start, end) shingle ranges. Passages left with
    no shingle are dropped. Returns (passage signatures (p, num_perm), document signature).
    """
    sigs = []
    if keep.any():
        perm = permuted(seq, num_perm, seed) if len(seq) <= _CHUNK else None
        if perm is not None:
            perm[~keep] = _MAX  # boilerplate never sets a minimum
        for s, e in spans:
            if not keep[s:e].any():
                continue
            if perm is not None:
                sigs.append(perm[s:e].min(axis=0))
            else:
                sigs.append(signature(seq[s:e][keep[s:e]], num_perm, seed))
    if not sigs:
        empty = np.full(num_perm, _MAX, dtype=np.uint32)
        return np.empty((0, num_perm), dtype=np.uint32), empty
    arr = np.vstack(sigs)
    return arr, arr.min(axis=0)


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    return float(np.count_nonzero(sig_a == sig_b)) / float(len(sig_a))


@lru_cache(maxsize=16)
def lsh_params(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows) chosen by datasketch's MinHashLSH for ``threshold``."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=WEIGHTS)
    return lsh.b, lsh.r


_K1 = np.uint64(0x9E3779B97F4A7C15)
_K2 = np.uint64(0xBF58476D1CE4E5B9)
_K3 = np.uint64(0x94D049BB133111EB)


def band_keys(sigs: np.ndarray, b: int, r: int) -> np.ndarray:
    """64-bit keys of every band of every signature: shape (n, b), uint64.

    Equal keys <=> equal band values in the same band (up to 64-bit hash collisions).
    """
    n = sigs.shape[0]
    keys = np.empty((n, b), dtype=np.uint64)
    if n == 0:
        return keys
    s = sigs[:, : b * r].astype(np.uint64).reshape(n, b, r)
    with np.errstate(over="ignore"):
        h = np.broadcast_to((np.arange(b, dtype=np.uint64) + np.uint64(1)) * _K1, (n, b)).copy()
        for j in range(r):
            h ^= s[:, :, j] + _K1 + (h << np.uint64(6)) + (h >> np.uint64(2))
            h *= _K2
            h ^= h >> np.uint64(31)
        h *= _K3
        h ^= h >> np.uint64(29)
    keys[:] = h
    return keys


def pairs_from_keys(keys: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """Document pairs sharing a key: codes ``i * 2**32 + j`` with i < j, sorted, unique (uint64).

    ``keys`` and ``docs`` are parallel 1-d arrays (one entry per passage band).
    """
    if len(keys) == 0:
        return np.empty(0, dtype=np.uint64)
    order = np.lexsort((docs, keys))
    k = keys[order]
    d = docs[order].astype(np.uint64)
    # drop repeated (key, doc) entries: a document's passages often share a band value
    keep = np.ones(len(k), dtype=bool)
    keep[1:] = (k[1:] != k[:-1]) | (d[1:] != d[:-1])
    k, d = k[keep], d[keep]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[starts, len(k)])
    out = []
    multi = np.flatnonzero(sizes >= 2)
    # groups of two are by far the most common: vectorized
    two = multi[sizes[multi] == 2]
    if len(two):
        a = d[starts[two]]
        c = d[starts[two] + 1]
        out.append((np.minimum(a, c) << np.uint64(32)) | np.maximum(a, c))
    for g in multi[sizes[multi] > 2]:
        members = d[starts[g]: starts[g] + sizes[g]]
        ii, jj = np.triu_indices(len(members), 1)
        x, y = members[ii], members[jj]
        out.append((np.minimum(x, y) << np.uint64(32)) | np.maximum(x, y))
    if not out:
        return np.empty(0, dtype=np.uint64)
    return np.unique(np.concatenate(out))


def reference_candidates(passage_sigs: list[np.ndarray], threshold: float,
                         num_perm: int = NUM_PERM) -> set[tuple[int, int]]:
    """Candidate document pairs found by datasketch's MinHashLSH itself (slow; a yardstick).

    ``passage_sigs[i]`` holds the passage signatures of document ``i``.
    """
    b, r = lsh_params(threshold, num_perm)
    lsh = MinHashLSH(num_perm=num_perm, params=(b, r))
    for i, sigs in enumerate(passage_sigs):
        for p, sig in enumerate(sigs):
            lsh.insert((i, p), LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME), check_duplication=False)
    found: set[tuple[int, int]] = set()
    for i, sigs in enumerate(passage_sigs):
        for sig in sigs:
            for j, _p in lsh.query(LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME)):
                if j != i:
                    found.add((min(i, j), max(i, j)))
    return found
