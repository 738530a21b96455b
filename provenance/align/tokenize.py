"""Tokens of a witness: original form, normalized form, offsets, editorial layer.

A witness is read as a stream of tokens over its body segments (the whole text when it has no
segments). Each token keeps its original form (``text[start:end]``), a normalized form
(lower case, brackets of letters supplied inside a word removed) and an alignment key: the
normalized form with hyphens, apostrophes and diacritics dropped and the transliteration rules
of the lexicon applied, interned to an int so that alignment compares small integers.

Tokens inside an editorial bracket (a gloss, a note, [sic], a supplied word) are kept apart:
they form the editorial layer, which is compared on its own (see ``pairwise``). Marks of the
original document itself (a note at the foot of the page, a handwritten addition) stay in the
text layer, as do letters supplied inside a word (``Ig[n]arov``).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

from provenance.model import Witness

#: words (with inner hyphens/apostrophes), numbers with separators, or one other character
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]")

_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group

#: mark types whose content belongs to the original document, not to the editorial layer
DOCUMENT_MARKS = frozenset({"note-original", "add"})


class _SurfaceIds(dict):
    """Original form -> surface id; a form not seen yet is interned on lookup (``__missing__``), so
    that a stream of forms maps to ids in C (``map(ids.__getitem__, forms)``)."""

    __slots__ = ("table",)

    def __missing__(self, surface: str) -> int:
        table = self.table
        sid = self[surface] = len(table.surface_key)
        table.surface_key.append(table.intern(alignment_key(surface, table._translit)))
        table.surfaces.append(surface)
        return sid


class KeyTable:
    """Interns alignment keys to ints, shared by every witness of one comparison."""

    def __init__(self, lexicon=None):
        self.ids: dict[str, int] = {}
        self.names: list[str] = []
        self.surface_ids: dict[str, int] = _SurfaceIds()
        self.surface_ids.table = self
        self.surface_key: list[int] = []   # surface id -> key id
        self.surfaces: list[str] = []      # surface id -> original form
        self._translit = lexicon.transliterate if lexicon is not None else (lambda s: s)

    def surface_id(self, surface: str) -> int:
        """Interns an original form; its key is computed once per distinct form."""
        return self.surface_ids[surface]

    def intern(self, key: str) -> int:
        k = self.ids.get(key)
        if k is None:
            k = len(self.names)
            self.ids[key] = k
            self.names.append(key)
        return k


def normalize(surface: str) -> str:
    """The normalized form shown to users: lower case, brackets inside a word removed."""
    return surface.replace("[", "").replace("]", "").lower()


#: letters that no diacritic makes, written in Latin letters as romanizations and English spellings
#: write them (Þórðarson / Thordarson, Færøerne, œsophagus / oesophagus, Łódź / Lodz)
_LETTERS = str.maketrans({"ð": "d", "þ": "th", "æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d",
                          "ı": "i", "ħ": "h", "ŧ": "t"})


def fold(s: str) -> str:
    """Lower case without diacritics (``ë`` -> ``e``) and in the Latin letters that other letters are
    written in (``þ`` -> ``th``, ``æ`` -> ``ae``), for comparison."""
    s = s.lower()
    if s.isascii():
        return s
    d = unicodedata.normalize("NFKD", s.translate(_LETTERS))
    return "".join(c for c in d if not unicodedata.combining(c))


def alignment_key(surface: str, translit=lambda s: s) -> str:
    s = surface.replace("[", "").replace("]", "")
    if len(s) == 1 and not s.isalnum():
        return s
    s = fold(s)
    if "-" in s or "'" in s or "’" in s:
        s2 = s.replace("-", "").replace("'", "").replace("’", "")
        s = s2 or s
    if s.isalpha():
        s = translit(s)
    return s


def int_array(values=()) -> array:
    """Machine integers (8 bytes each) instead of a list of int objects (about 36 bytes each), for
    the character offsets: a witness of millions of tokens has millions of distinct ones. (Keys
    and indexes stay lists: their int objects are shared, and the hot loops read them unboxed.)"""
    return array("q", values)


@dataclass
class TokenStream:
    """Parallel arrays over all tokens of one witness, in reading order."""

    witness: Witness
    starts: array = field(default_factory=int_array)
    ends: array = field(default_factory=int_array)
    keys: list[int] = field(default_factory=list)
    sids: list[int] = field(default_factory=list)      # interned original forms
    seg: list[int] = field(default_factory=list)        # index into witness.segments (or -1)
    editorial: list[bool] = field(default_factory=list)
    # text layer: indices of tokens that are not editorial (range(n) when all are)
    text_idx: list[int] | range = field(default_factory=list)
    # editorial groups: boundary k (number of text tokens before) -> list of (start, end, type, keys)
    groups: dict[int, list] = field(default_factory=dict)
    segments: list = field(default_factory=list)
    # surface id -> original form (the key table's list, shared by the witnesses of a comparison)
    surfaces: list[str] = field(default_factory=list)

    def surface(self, t: int) -> str:
        return self.witness.text[self.starts[t]:self.ends[t]]

    @cached_property
    def text_keys(self) -> list[int]:
        """The keys of the text layer (read once tokenization is done; computed once)."""
        if self.all_text:
            return self.keys
        k = self.keys
        return [k[t] for t in self.text_idx]

    @property
    def all_text(self) -> bool:
        """Whether every token is in the text layer (no editorial one): ``text_idx`` is then
        ``range(n)`` and the per-token arrays serve the text layer as they are."""
        return isinstance(self.text_idx, range)


def _regions(w: Witness) -> list[tuple[int, int, int]]:
    """(start, end, segment index) of the compared regions, in reading order."""
    if not w.segments:
        return [(0, len(w.text), -1)]
    out = []
    last = -1
    for i, s in enumerate(w.segments):
        start = max(s.start, last)
        if s.end > start:
            out.append((start, s.end, i))
            last = s.end
    return out


def _editorial_spans(w: Witness) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Outermost editorial spans (start, end, type) and glued in-word brackets (start, end)."""
    text = w.text
    spans, glued = [], []
    for m in sorted(w.marks, key=lambda m: (m.start, -m.end)):
        if m.type in DOCUMENT_MARKS or m.end <= m.start:
            continue
        frag = text[m.start:m.end]
        before = text[m.start - 1] if m.start > 0 else " "
        after = text[m.end] if m.end < len(text) else " "
        inner = frag[1:-1] if frag.startswith("[") and frag.endswith("]") else None
        if inner is not None and inner.isalpha() and len(inner) <= 4 and (before.isalnum() or after.isalnum()):
            glued.append((m.start, m.end))
            continue
        if spans and m.start < spans[-1][1]:
            if m.end > spans[-1][1]:
                s0, _e0, t0 = spans[-1]
                spans[-1] = (s0, m.end, t0)
            continue
        spans.append((m.start, m.end, m.type))
    return spans, glued


def tokenize(w: Witness, table: KeyTable) -> TokenStream:
    """Tokenize the body of ``w``; keys are interned in ``table``."""
    ts = TokenStream(witness=w, segments=list(w.segments), surfaces=table.surfaces)
    text = w.text
    spans, glued = _editorial_spans(w)
    scan = text
    if glued:
        chars = list(text)
        for s, e in glued:
            chars[s] = "_"
            chars[e - 1] = "_"
        scan = "".join(chars)
    sid_of = table.surface_id
    starts, ends, sids, seg = ts.starts, ts.ends, ts.sids, ts.seg
    finditer = TOKEN_RE.finditer
    sid_map = table.surface_ids.__getitem__
    for (rs, re_, si) in _regions(w):
        if not glued:
            # fast path: surfaces come straight from the match objects, a batch at a time, in C
            found = finditer(scan, rs, re_)
            while batch := list(islice(found, 65536)):
                starts.extend(map(_START, batch))
                ends.extend(map(_END, batch))
                sids.extend(map(sid_map, map(_GROUP, batch)))
            seg.extend([si] * (len(starts) - len(seg)))
        else:
            for m in finditer(scan, rs, re_):
                s, e = m.span()
                starts.append(s)
                ends.append(e)
                sids.append(sid_of(text[s:e]))
                seg.append(si)
    sk = table.surface_key
    keys = ts.keys = list(map(sk.__getitem__, sids))
    n = len(starts)
    if not spans:
        ts.editorial = [False] * n
        ts.text_idx = range(n)   # every token (a range, not a list of a million ints)
        return ts
    ed = [False] * n
    text_idx = []
    groups: dict[int, list] = {}
    si = 0
    cur = None  # (start, end, type, keys) of the span being filled
    for t in range(n):
        s = starts[t]
        while si < len(spans) and spans[si][1] <= s:
            si += 1
        if si < len(spans) and spans[si][0] <= s < spans[si][1]:
            ed[t] = True
            sp = spans[si]
            if cur is None or cur[0] != sp[0]:
                cur = (sp[0], sp[1], sp[2], [])
                groups.setdefault(len(text_idx), []).append(cur)
            cur[3].append(keys[t])
        else:
            text_idx.append(t)
    ts.editorial = ed
    ts.text_idx = text_idx
    ts.groups = groups
    return ts


def group_key(group: list | None) -> tuple:
    """The comparable content of the editorial marks at one boundary."""
    if not group:
        return ()
    return tuple(k for g in group for k in g[3])
