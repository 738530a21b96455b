"""The two sides of a comparison: edits, the result of one pair, and helpers over one witness's
text tokens (words, segments, sentences, context, opening lines)."""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance.align.classify import FUNCTION_WORDS, SENTENCE_END
from provenance.align.tokenize import TokenStream

#: the marks that end a sentence
FULL_STOPS = frozenset(".!?")

MOVE_MIN_WORDS = 3
MOVE_MAX_GAPS = 16       # a word pair found in more gaps than this is no evidence of a move
BODY_KINDS = frozenset({"p", "item", "ab", "list", "quote", "l", "lg"})   # segments of running text
CONTEXT_WORDS = 3        # words either side of a reading seen when looking for lexicon phrases
VALUE_WORDS = 6          # words either side of a reading seen when reading its values (15 | October 1945)
EXPLAIN_MAX_UNITS = 3    # at most this many unexplained words may be found elsewhere in the sentence
NEAR_TOKENS = 120        # gaps of one point lend each other words within this distance
SPELLING_POOL = 40       # spelling variants are looked for among at most this many lent words


@dataclass
class Edit:
    layer: str                      # text | variant | editorial | move
    a: tuple[int, int]              # slot range in the base
    b: tuple[int, int]              # slot range in the witness
    kind: str = "substitution"
    info: dict = field(default_factory=dict)   # category, flags, severity, reason
    move: int = -1                  # index of the transposition this edit is a piece of
    ta: tuple[int, int] = (0, 0)    # text-token ranges (text edits)
    tb: tuple[int, int] = (0, 0)


@dataclass
class PairResult:
    a: TokenStream
    b: TokenStream
    edits: list[Edit]
    moves: list[tuple[Edit, Edit, dict, list]]  # (base piece, witness piece, classification, inner edits)
    blocks: list[tuple[int, int, int]]       # matching blocks of text tokens (after moves)


class Side:
    """Helpers over one token stream's text layer."""

    def __init__(self, ts: TokenStream):
        self.ts = ts
        self.idx = ts.text_idx
        self.n = len(ts.text_idx)
        segs = ts.seg
        self.tseg = segs if ts.all_text else [segs[t] for t in ts.text_idx]
        n = self.n
        # the first and last text token of each segment (dicts built in C: the last write wins)
        self.first = dict(zip(reversed(self.tseg), range(n - 1, -1, -1)))
        self.last = dict(zip(self.tseg, range(n)))
        # the opening lines end where the first paragraph or point begins (closers, signatures
        # and datelines after the text are not opening lines)
        kinds = ts.segments
        self.body_start = next((k for k, sg in enumerate(self.tseg) if sg >= 0 and kinds[sg].kind in BODY_KINDS),
                               self.n)

    def content_flags(self) -> list[int]:
        """1 for each text token that is a content word (not punctuation, not a function word)."""
        text = self.ts.witness.text
        st, en = self.ts.starts, self.ts.ends
        sids = self.ts.sids if self.ts.all_text else [self.ts.sids[t] for t in self.idx]
        # one test per distinct form (a token of each: the last one), then a lookup per token, in C
        flag = {}
        for sid, t in dict(zip(sids, self.idx)).items():
            w = text[st[t]:en[t]]
            flag[sid] = int(any(ch.isalnum() for ch in w) and w.lower() not in FUNCTION_WORDS)
        return list(map(flag.__getitem__, sids))

    def sentence_end_flags(self):
        """True for each text token that ends a sentence (".", "!", "?")."""
        return self._flags(FULL_STOPS.__contains__)

    def punctuation_flags(self):
        """True for each text token without a letter or a digit."""
        return self._flags(lambda w: not any(ch.isalnum() for ch in w))

    def _flags(self, test):
        """An iterator of booleans, one a text token (a test per distinct form, then a lookup per
        token, in C)."""
        sids = self.ts.sids if self.ts.all_text else [self.ts.sids[t] for t in self.idx]
        marked = {sid for sid, w in enumerate(self.ts.surfaces) if test(w)}
        return map(marked.__contains__, sids)

    def words(self, i1: int, i2: int) -> list[str]:
        """The original forms of text tokens [i1, i2) (``text[start:end]`` of each, by its surface id)."""
        ts = self.ts
        if ts.all_text:
            return list(map(ts.surfaces.__getitem__, ts.sids[i1:i2]))
        surf, sids, idx = ts.surfaces, ts.sids, self.idx
        return [surf[sids[idx[k]]] for k in range(i1, i2)]

    def initial(self, i: int) -> bool:
        """Whether text token ``i`` starts a sentence (or a segment)."""
        if i == 0 or self.tseg[i] != self.tseg[i - 1]:
            return True
        prev = self.ts.surfaces[self.ts.sids[self.idx[i - 1]]]
        return prev in SENTENCE_END

    def seg_at(self, i: int) -> set:
        """Segments a reading at token ``i`` (empty or not) may belong to."""
        out = set()
        if 0 <= i < self.n:
            out.add(self.tseg[i])
        if 0 < i <= self.n:
            out.add(self.tseg[i - 1])
        return out

    def segs_around(self, i1: int, i2: int) -> set:
        """``seg_at(i1) | seg_at(i2)``: the segments either side of the two boundaries."""
        n, tseg = self.n, self.tseg
        out = set()
        for i in (i1, i2):
            if 0 <= i < n:
                out.add(tseg[i])
            if 0 < i <= n:
                out.add(tseg[i - 1])
        return out

    def context(self, i1: int, i2: int, k: int = CONTEXT_WORDS) -> tuple[list[str], list[str]]:
        """Up to ``k`` words before and after [i1, i2), within the same segment."""
        segs = self.segs_around(i1, i2)
        lo = i1
        while lo > 0 and i1 - lo < k and self.tseg[lo - 1] in segs:
            lo -= 1
        hi = i2
        while hi < self.n and hi - i2 < k and self.tseg[hi] in segs:
            hi += 1
        return self.words(lo, i1), self.words(i2, hi)

    def sentence(self, i1: int, i2: int) -> tuple[int, int]:
        """The token range of the sentence (within its segment) around [i1, i2)."""
        segs = self.seg_at(i1) if i2 <= i1 else {self.tseg[i1]} | {self.tseg[i2 - 1]}
        text, st, en, idx = self.ts.witness.text, self.ts.starts, self.ts.ends, self.idx

        def word(k):
            return text[st[idx[k]]:en[idx[k]]]

        def ends(k):
            """Whether token ``k`` ends a sentence: not the dot of an abbreviation or an initial
            (Cde. Lapshinov, Dr. Kovacs, No. 46, I. V. Stalin)."""
            w = word(k)
            if w not in SENTENCE_END:
                return False
            if w == "." and k > 0 and self.tseg[k - 1] == self.tseg[k]:
                before = word(k - 1)
                return not (before.isalpha() and len(before) <= 3 and before[0].isupper()
                            and (len(before) == 1 or before[1:].islower()))
            return True

        lo = i1
        while lo > 0 and self.tseg[lo - 1] in segs and not ends(lo - 1):
            lo -= 1
        hi = i2
        while hi < self.n and self.tseg[hi] in segs:
            hi += 1
            if ends(hi - 1):
                break
        return lo, hi

    def opener_split(self, i1: int, i2: int):
        """Whole segments [i1, i2) split into the opening lines of a document (classification, copy
        number, addressee, dateline, registration number: segments that are not paragraphs or
        points) and the paragraphs and points that follow them; either may be None."""
        segs = self.ts.segments
        k = i1
        while k < min(i2, self.body_start) and self.tseg[k] >= 0 and segs[self.tseg[k]].kind not in BODY_KINDS:
            k = self.last[self.tseg[k]] + 1
        return ((i1, k) if k > i1 else None), ((k, i2) if i2 > k else None)

    def in_opener(self, i1: int, i2: int) -> bool:
        """Whether a reading [i1, i2) (or the place of an empty one) lies in the opening lines."""
        if max(i1, i2) > self.body_start:
            return False
        segs = self.ts.segments
        kinds = [segs[s].kind if s >= 0 else "" for s in
                 ({self.tseg[k] for k in range(i1, i2)} if i2 > i1 else self.seg_at(i1))]
        return bool(kinds) and all(k and k not in BODY_KINDS for k in kinds)

    def word_count(self, i1: int, i2: int) -> int:
        return sum(1 for w in self.words(i1, i2) if any(c.isalnum() for c in w))

    def group(self, k: int):
        return self.ts.groups.get(k)

    def whole_segments(self, i1: int, i2: int) -> tuple[int, int] | None:
        """The text-token range of the segments lying wholly inside [i1, i2), if any."""
        if i2 <= i1:
            return None
        w1 = w2 = None
        s = self.tseg[i1]
        k = i1
        while k < i2:
            s = self.tseg[k]
            f, l_ = self.first[s], self.last[s]
            if f >= i1 and l_ < i2 and s >= 0:
                if w1 is None:
                    w1 = f
                w2 = l_ + 1
            elif w1 is not None:
                break
            k = l_ + 1
        if w1 is None:
            return None
        return w1, w2
