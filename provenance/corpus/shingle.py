"""Word shingles of a document, hashed to 32 bits, and the passages they are grouped into.

A document's text is cut into words (``\\w+``, lower-cased); a shingle is a run of ``k``
consecutive words (``k`` = 4 by default), hashed to an unsigned 32-bit integer that is the
same in every process and on every machine (CRC-32 of each word, combined and mixed). The
shingles stay in reading order, so that a document can also be cut into *passages*: its
paragraphs, merged when short and split into overlapping windows when long. Related
documents are found passage by passage (a draft and its adopted text share revised points,
an excerpt shares a few paragraphs of a long report), then checked on whole documents.

Boilerplate: the archive's own texts (rights statement, funding credit, page chrome) ship
here as known boilerplate; everything else that recurs is found by document frequency.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

#: Words per shingle.
DEFAULT_K = 4
#: Passages: paragraphs are merged until they hold this many shingles ...
PASSAGE_MIN = 40
#: ... and a longer one is cut into windows of this many shingles, overlapping by half.
PASSAGE_MAX = 120
#: Bumped whenever tokens, hashes or passages change (a new version re-indexes everything).
TOKENIZER_VERSION = "w4-crc32-mix1-p40-120"

WORD = re.compile(r"\w+")

_P = np.uint64(0x100000001B3)
_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)
_S32 = np.uint64(32)

#: Texts that the archives add to every document they publish. Their shingles never make two
#: documents related, whatever the size of the corpus (a corpus of five documents cannot tell
#: boilerplate from shared text by frequency alone).
BOILERPLATE_TEXTS = (
    "Skip to content",
    "This document was made possible with support from MacArthur Foundation",
    "This document was made possible with support from Blavatnik Family Foundation",
    "This document was made possible with support from the Carnegie Corporation of New York",
    "MacArthur Foundation and Blavatnik Family Foundation",
    "The History and Public Policy Program welcomes reuse of Digital Archive materials for research "
    "and educational purposes. Some documents may be subject to copyright, which is retained by the "
    "rights holders in accordance with US and international copyright laws. When possible, rights "
    "holders have been contacted for permission to reproduce their materials.",
    "To enquire about this document's rights status or request permission for commercial use, please "
    "contact the History and Public Policy Program at [email protected].",
    "Original Uploaded Date Record ID Original Classification Top Secret MacArthur Foundation",
    "Original Language: Russian Contents: Original Scan Translation - English",
    "Wilson Center Digital Archive",
)


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, in reading order."""
    return [w.lower() for w in WORD.findall(text)]


def word_spans(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The words of ``text`` (lower-cased) and their character offsets in ``text``."""
    toks, spans = [], []
    for m in WORD.finditer(text):
        toks.append(m.group().lower())
        spans.append(m.span())
    return toks, spans


def _word_hashes(toks: list[str]) -> np.ndarray:
    cache: dict[str, int] = {}
    out = np.empty(len(toks), dtype=np.uint64)
    for i, w in enumerate(toks):
        h = cache.get(w)
        if h is None:
            h = cache[w] = zlib.crc32(w.encode("utf-8"))
        out[i] = h
    return out


def shingle_hashes(toks: list[str], k: int = DEFAULT_K) -> np.ndarray:
    """One 32-bit hash per shingle, in reading order (``len(toks) - k + 1`` of them).

    A text shorter than ``k`` words (but not empty) is one shingle of all its words.
    """
    n = len(toks)
    if n == 0:
        return np.empty(0, dtype=np.uint32)
    wh = _word_hashes(toks)
    if n < k:
        wh = np.concatenate([wh, np.zeros(k - n, dtype=np.uint64)])
        n = k
    m = n - k + 1
    with np.errstate(over="ignore"):
        h = wh[:m].copy()
        for i in range(1, k):
            h = h * _P + wh[i:i + m]
        h ^= h >> _S33
        h *= _M1
        h ^= h >> _S33
        h *= _M2
        h ^= h >> _S33
    return (h >> _S32).astype(np.uint32)


def _paragraph_starts(text: str) -> tuple[list[str], list[int]]:
    """Words of ``text`` and the index of the first word of each line that has words."""
    toks: list[str] = []
    starts: list[int] = []
    for line in text.split("\n"):
        found = WORD.findall(line)
        if found:
            starts.append(len(toks))
            toks.extend(w.lower() for w in found)
    return toks, starts


def passages(paragraph_starts: list[int], n_shingles: int,
             lo: int = PASSAGE_MIN, hi: int = PASSAGE_MAX) -> np.ndarray:
    """Passages as (start, end) ranges of shingle indexes, shape (p, 2), uint32.

    Lines are paragraphs; short ones are merged with the next until a passage holds ``lo``
    shingles; a passage longer than ``hi`` is cut into windows of ``hi`` shingles with a stride
    of ``hi // 2``. Every shingle lies in at least one passage.
    """
    if n_shingles <= 0:
        return np.empty((0, 2), dtype=np.uint32)
    cuts = sorted({s for s in paragraph_starts if 0 < s < n_shingles})
    bounds = [0] + cuts + [n_shingles]
    merged: list[list[int]] = []
    start = 0
    for b in bounds[1:]:
        if b - start >= lo or b == n_shingles:
            merged.append([start, b])
            start = b
    if len(merged) > 1 and merged[-1][1] - merged[-1][0] < lo:
        last = merged.pop()
        merged[-1][1] = last[1]
    out: list[tuple[int, int]] = []
    step = max(1, hi // 2)
    for s, e in merged:
        if e - s <= hi:
            out.append((s, e))
            continue
        w = s
        while True:
            if w + hi >= e:
                out.append((max(s, e - hi), e))
                break
            out.append((w, w + hi))
            w += step
    return np.asarray(out, dtype=np.uint32).reshape(-1, 2)


def document_shingles(text: str, k: int = DEFAULT_K) -> tuple[np.ndarray, np.ndarray, int]:
    """(shingle hashes in reading order, passages, number of words) of a document's text."""
    toks, starts = _paragraph_starts(text)
    sh = shingle_hashes(toks, k)
    return sh, passages(starts, len(sh)), len(toks)


@lru_cache(maxsize=8)
def boilerplate_hashes(k: int = DEFAULT_K) -> np.ndarray:
    """Sorted unique hashes of the shingles of the known boilerplate texts."""
    parts = [shingle_hashes(words(t), k) for t in BOILERPLATE_TEXTS]
    arr = np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.uint32)
    arr.setflags(write=False)
    return arr


def to_blob(arr: np.ndarray) -> bytes:
    return np.ascontiguousarray(arr, dtype="<u4").tobytes()


def from_blob(blob: bytes | None, pairs: bool = False) -> np.ndarray:
    arr = np.frombuffer(blob or b"", dtype="<u4").astype(np.uint32)
    return arr.reshape(-1, 2) if pairs else arr
