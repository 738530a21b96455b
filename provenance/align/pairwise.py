"""Comparing one witness with the base: the edits between two token streams.

Positions are counted in *slots* of the text layer: slot ``2k+1`` is text token ``k``, slot ``2k``
is the boundary before it, where the editorial marks that follow token ``k-1`` sit. An edit
covers a slot range in each witness; ranges of different edits never overlap, so the edits
partition each witness into shared stretches and variation.

Steps: align the text layers (``aligner``), drop chance matches (``cleanup``), find moved
passages, split off whole sections present in one witness only, classify each gap, join
neighbouring substantive gaps that form one change, then add the variants hidden in matched
tokens (case, transliteration) and the differences of the editorial layer.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from provenance.align.aligner import cleanup, gaps, matching_blocks
from provenance.align.classify import (FUNCTION_WORDS, SENTENCE_END, classify,
                                       classify_editorial, match_units, maybe_spelling, same_unit, units)
from provenance.align.tokenize import TokenStream, group_key

MOVE_MIN_WORDS = 3
MOVE_MAX_GAPS = 16       # a word pair found in more gaps than this is no evidence of a move
BODY_KINDS = frozenset({"p", "item", "ab", "list", "quote", "l", "lg"})   # segments of running text
CONTEXT_WORDS = 6        # words either side of a reading seen for lexicon phrases and for values (dates)
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
        self.tseg = [segs[t] for t in ts.text_idx]
        first: dict[int, int] = {}
        last: dict[int, int] = {}
        for k, s in enumerate(self.tseg):
            if s not in first:
                first[s] = k
            last[s] = k
        self.first, self.last = first, last
        # the opening lines end where the first paragraph or point begins (closers, signatures
        # and datelines after the text are not opening lines)
        kinds = ts.segments
        self.body_start = next((k for k, sg in enumerate(self.tseg) if sg >= 0 and kinds[sg].kind in BODY_KINDS),
                               self.n)

    def content_flags(self) -> list[int]:
        """1 for each text token that is a content word (not punctuation, not a function word)."""
        text = self.ts.witness.text
        st, en = self.ts.starts, self.ts.ends
        cache: dict[str, int] = {}
        out = []
        for t in self.idx:
            w = text[st[t]:en[t]]
            c = cache.get(w)
            if c is None:
                c = cache[w] = int(any(ch.isalnum() for ch in w) and w.lower() not in FUNCTION_WORDS)
            out.append(c)
        return out

    def words(self, i1: int, i2: int) -> list[str]:
        text = self.ts.witness.text
        st, en, idx = self.ts.starts, self.ts.ends, self.idx
        return [text[st[idx[k]]:en[idx[k]]] for k in range(i1, i2)]

    def initial(self, i: int) -> bool:
        """Whether text token ``i`` starts a sentence (or a segment)."""
        if i == 0 or self.tseg[i] != self.tseg[i - 1]:
            return True
        prev = self.words(i - 1, i)[0]
        return prev in SENTENCE_END

    def seg_at(self, i: int) -> set:
        """Segments a reading at token ``i`` (empty or not) may belong to."""
        out = set()
        if 0 <= i < self.n:
            out.add(self.tseg[i])
        if 0 < i <= self.n:
            out.add(self.tseg[i - 1])
        return out

    def context(self, i1: int, i2: int, k: int = CONTEXT_WORDS) -> tuple[list[str], list[str]]:
        """Up to ``k`` words before and after [i1, i2), within the same segment."""
        segs = self.seg_at(i1) | self.seg_at(i2)
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
        lo = i1
        while lo > 0 and self.tseg[lo - 1] in segs and text[st[idx[lo - 1]]:en[idx[lo - 1]]] not in SENTENCE_END:
            lo -= 1
        hi = i2
        while hi < self.n and self.tseg[hi] in segs:
            w = text[st[idx[hi]]:en[idx[hi]]]
            hi += 1
            if w in SENTENCE_END:
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


class Comparer:
    def __init__(self, a: TokenStream, b: TokenStream, lexicon):
        self.A = Side(a)
        self.B = Side(b)
        self.lex = lexicon

    def _classify(self, i1, i2, j1, j2, section=False) -> dict:
        A, B = self.A, self.B
        return classify(A.words(i1, i2), B.words(j1, j2), self.lex,
                        a_initial=i2 > i1 and A.initial(i1), b_initial=j2 > j1 and B.initial(j1),
                        section=section, a_ctx=lambda: A.context(i1, i2), b_ctx=lambda: B.context(j1, j2))

    # ---- alignment ------------------------------------------------------------------------
    def run(self) -> PairResult:
        A, B = self.A, self.B
        ka, kb = A.ts.text_keys, B.ts.text_keys
        blocks = matching_blocks(ka, kb)
        raw = [[i1, i2, j1, j2, "", g] for g, (i1, i2, j1, j2) in enumerate(gaps(blocks, A.n, B.n))]
        found = self._find_moves(raw, ka, kb)
        # moved runs count as resolved when weighing chance matches
        ma = [0] * (A.n + 1)
        mb = [0] * (B.n + 1)
        for _g, _h, (x1, x2), (y1, y2) in found:
            for x in range(x1, x2):
                ma[x + 1] = 1
            for y in range(y1, y2):
                mb[y + 1] = 1
        for x in range(A.n):
            ma[x + 1] += ma[x]
        for y in range(B.n):
            mb[y + 1] += mb[y]
        content = A.content_flags()
        csum = [0]
        for c in content:
            csum.append(csum[-1] + c)

        def weight(i, k):
            """A matched run weighs its content words, and half as much its function words: "of
            this" between two one-word changes holds the alignment instead of dissolving it."""
            content_words = csum[i + k] - csum[i]
            return content_words + 0.5 * (k - content_words)

        blocks = cleanup(blocks, A.n, B.n, weight=weight,
                         gap_size=lambda i1, i2, j1, j2: max(i2 - i1 - ma[i2] + ma[i1], j2 - j1 - mb[j2] + mb[j1]))
        pieces = [[i1, i2, j1, j2, "", g] for g, (i1, i2, j1, j2) in enumerate(gaps(blocks, A.n, B.n))]
        moves = self._apply_moves(pieces, found)
        pieces = self._split_sections(pieces)
        pieces = self._split_at_segments(pieces)
        edits, move_edits = self._text_edits(pieces, moves)
        edits = self._join_substantive(edits)
        inner_all = [e for _pa, _pb, _info, inner in move_edits for e in inner]
        outer = [e for e in edits if e.layer == "text"]
        by_start = sorted(range(len(outer)), key=lambda k: outer[k].ta[0])
        outer_starts = [outer[k].ta[0] for k in by_start]
        edits = self._explain(edits, moves_out=move_edits, extra=inner_all)
        for mi, (pa, pb, info, inner) in enumerate(move_edits):
            if inner:
                # only gaps near the passage can lend it words (see ``near`` in _explain)
                lo = bisect_left(outer_starts, min(e.ta[0] for e in inner) - NEAR_TOKENS)
                hi = bisect_right(outer_starts, max(e.ta[0] for e in inner) + NEAR_TOKENS)
                near_outer = [outer[k] for k in sorted(by_start[lo:hi])]
                move_edits[mi] = (pa, pb, info, self._explain(inner, extra=near_outer))
        joined = sorted(e.a for e in edits if e.layer == "text" and getattr(e, "joined", False))
        extra = self._variants(blocks) + self._editorial(blocks, edits)
        if joined:
            starts = [a for a, _b in joined]
            keep = []
            for x in extra:
                k = bisect_right(starts, x.a[0]) - 1
                if k >= 0 and joined[k][0] <= x.a[0] and x.a[1] <= joined[k][1]:
                    continue  # inside a change that took in the words between two gaps
                keep.append(x)
            extra = keep
        edits.extend(extra)
        edits.sort(key=lambda e: (e.a[0], e.a[1], e.b[0]))
        return PairResult(A.ts, B.ts, edits, move_edits, blocks)

    # ---- transpositions -------------------------------------------------------------------
    def _find_moves(self, pieces, ka, kb):
        """Moved passages: a run deleted in one gap that reappears, inserted, in another gap."""
        A, B = self.A, self.B
        index = defaultdict(set)
        for g, (_i1, _i2, j1, j2, _t, _g) in enumerate(pieces):
            if B.word_count(j1, j2) >= MOVE_MIN_WORDS:
                for j in range(j1, j2 - 1):
                    index[(kb[j], kb[j + 1])].add(g)
        if not index:
            return []
        cands = []
        for g, (i1, i2, _j1, _j2, _t, _g) in enumerate(pieces):
            if A.word_count(i1, i2) < MOVE_MIN_WORDS:
                continue
            hits = defaultdict(int)
            for i in range(i1, i2 - 1):
                where = index.get((ka[i], ka[i + 1]), ())
                if len(where) > MOVE_MAX_GAPS:
                    continue  # as common as "of the" in a repetitive text: says nothing of a move
                for h in where:
                    if h != g:
                        hits[h] += 1
            for h, c in hits.items():
                if c >= 2:
                    cands.append((c, g, h))
        cands.sort(key=lambda x: (-x[0], x[1], x[2]))
        used_a, used_b = set(), set()
        found = []
        for _c, g, h in cands:
            if g in used_a or h in used_b:
                continue
            i1, i2 = pieces[g][0], pieces[g][1]
            j1, j2 = pieces[h][2], pieces[h][3]
            bl = matching_blocks(ka[i1:i2], kb[j1:j2])
            if not bl:
                continue
            fa, la = bl[0][0], bl[-1][0] + bl[-1][2]
            fb, lb = bl[0][1], bl[-1][1] + bl[-1][2]
            matched_words = sum(A.word_count(i1 + x, i1 + x + k) for x, _y, k in bl)
            span_words = max(A.word_count(i1 + fa, i1 + la), B.word_count(j1 + fb, j1 + lb))
            matched_content = sum(1 for x, _y, k in bl for w in A.words(i1 + x, i1 + x + k)
                                  if any(c.isalnum() for c in w) and w.lower() not in FUNCTION_WORDS)
            if matched_words < MOVE_MIN_WORDS or matched_content < 3 or matched_words < 0.6 * span_words:
                continue
            used_a.add(g)
            used_b.add(h)
            found.append((g, h, (i1 + fa, i1 + la), (j1 + fb, j1 + lb)))
        found.sort(key=lambda f: f[2])
        return found

    def _apply_moves(self, pieces, found):
        """Split the gaps around the moved runs."""
        for mi, (g, h, (x1, x2), (y1, y2)) in enumerate(found):
            for p in range(len(pieces)):
                if pieces[p][0] <= x1 and x2 <= pieces[p][1] and pieces[p][4] == "" and pieces[p][1] > pieces[p][0]:
                    pieces[p:p + 1] = self._split(pieces[p], "a", x1, x2, f"m{mi}a")
                    break
            for p in range(len(pieces)):
                if pieces[p][2] <= y1 and y2 <= pieces[p][3] and pieces[p][4] == "" and pieces[p][3] > pieces[p][2]:
                    pieces[p:p + 1] = self._split(pieces[p], "b", y1, y2, f"m{mi}b")
                    break
        return found

    @staticmethod
    def _split(piece, side, x1, x2, tag):
        i1, i2, j1, j2, _t, g = piece
        if side == "a":
            if x1 - i1 >= i2 - x2:
                seq = ([i1, x1, j1, j2, "", g], [x1, x2, j2, j2, tag, g], [x2, i2, j2, j2, "", g])
            else:
                seq = ([i1, x1, j1, j1, "", g], [x1, x2, j1, j1, tag, g], [x2, i2, j1, j2, "", g])
        elif x1 - j1 >= j2 - x2:
            seq = ([i1, i2, j1, x1, "", g], [i2, i2, x1, x2, tag, g], [i2, i2, x2, j2, "", g])
        else:
            seq = ([i1, i1, j1, x1, "", g], [i1, i1, x1, x2, tag, g], [i1, i2, x2, j2, "", g])
        return [p for p in seq if p[4] or p[1] > p[0] or p[3] > p[2]]

    # ---- sections -------------------------------------------------------------------------
    def _split_sections(self, pieces):
        out = []
        for p in pieces:
            i1, i2, j1, j2, tag, g = p
            if tag:
                out.append(p)
                continue
            wa = self.A.whole_segments(i1, i2)
            wb = self.B.whole_segments(j1, j2)
            if not wa and not wb:
                out.append(p)
                continue
            a_head, a_whole, a_tail = ((i1, wa[0]), wa, (wa[1], i2)) if wa else ((i1, i2), None, (i2, i2))
            b_head, b_whole, b_tail = ((j1, wb[0]), wb, (wb[1], j2)) if wb else ((j1, j2), None, (j2, j2))
            seq = [[a_head[0], a_head[1], b_head[0], b_head[1], "", g]]
            a_open, a_rest = self.A.opener_split(*a_whole) if a_whole else (None, None)
            b_open, b_rest = self.B.opener_split(*b_whole) if b_whole else (None, None)
            pos_b = b_head[1]
            if a_open and b_open and a_head[1] == a_head[0] and b_head[1] == b_head[0]:
                # the opening lines of two documents face each other: one change of the opener
                seq.append([a_open[0], a_open[1], b_open[0], b_open[1], "opener", g])
                pos_b = b_open[1]
                a_open = b_open = None
            for x in (a_open, a_rest):
                if x:
                    seq.append([x[0], x[1], pos_b, pos_b, "section", g])
            ae = a_whole[1] if a_whole else a_head[1]
            for y in (b_open, b_rest):
                if y:
                    seq.append([ae, ae, y[0], y[1], "section", g])
            seq.append([a_tail[0], a_tail[1], b_tail[0], b_tail[1], "", g])
            out.extend(q for q in seq if q[1] > q[0] or q[3] > q[2])
        return out

    def _split_at_segments(self, pieces):
        """A gap that runs over the end of a point or paragraph on both sides, into a point or
        paragraph of the same number on both sides, is one change in each: the paragraphs pair by
        their numbering before words are compared across them, so that a change in one paragraph
        of a list is not reported together with the next one's."""
        A, B = self.A, self.B
        out = []
        for p in pieces:
            i1, i2, j1, j2, tag, g = p
            if tag or i2 - i1 < 1 or j2 - j1 < 1:
                out.append(p)
                continue
            cuts_b = {}
            for k in range(j1 + 1, j2):
                if B.tseg[k] != B.tseg[k - 1] and B.tseg[k] >= 0:
                    cuts_b.setdefault(B.ts.segments[B.tseg[k]].n, k)
            cuts = []
            last_b = j1
            for k in range(i1 + 1, i2):
                if A.tseg[k] != A.tseg[k - 1] and A.tseg[k] >= 0:
                    kb = cuts_b.get(A.ts.segments[A.tseg[k]].n)
                    if kb is not None and kb > last_b:
                        cuts.append((k, kb))
                        last_b = kb
            if not cuts:
                out.append(p)
                continue
            a0, b0 = i1, j1
            for ka, kb in cuts:
                out.append([a0, ka, b0, kb, "", g])
                a0, b0 = ka, kb
            out.append([a0, i2, b0, j2, "", g])
        return out

    # ---- classification of gaps -------------------------------------------------------------
    def _slots(self, i1, i2, j1, j2, absorb_a, absorb_b):
        a = (2 * i1 + 1, 2 * i2 + (1 if absorb_a else 0)) if i2 > i1 else (2 * i1 + 1, 2 * i1 + 1)
        b = (2 * j1 + 1, 2 * j2 + (1 if absorb_b else 0)) if j2 > j1 else (2 * j1 + 1, 2 * j1 + 1)
        return a, b

    def _final_marks(self, i1, i2, j1, j2):
        """Whether each side takes in the marks after its last token (see module doc)."""
        ga = self.A.group(i2) if i2 > i1 else None
        gb = self.B.group(j2) if j2 > j1 else None
        if ga and gb:
            return False, False  # compared on their own as an editorial difference
        return bool(ga), bool(gb)

    def _text_edits(self, pieces, found):
        A, B = self.A, self.B
        edits: list[Edit] = []
        move_parts: dict[int, dict[str, Edit]] = defaultdict(dict)
        end_a: dict[int, int] = {}
        end_b: dict[int, int] = {}
        for (i1, i2, j1, j2, _t, g) in pieces:
            end_a[g] = max(end_a.get(g, 0), i2)
            end_b[g] = max(end_b.get(g, 0), j2)
        gap_edits: dict[int, list[int]] = defaultdict(list)
        for (i1, i2, j1, j2, tag, g) in pieces:
            # pieces inside one gap take in the marks at their end; the last ones follow the rule
            last_a, last_b = i2 == end_a[g], j2 == end_b[g]
            if last_a and last_b:
                fa, fb = self._final_marks(i1, i2, j1, j2)
            else:
                fa = i2 > i1 and (not last_a or bool(A.group(i2)))
                fb = j2 > j1 and (not last_b or bool(B.group(j2)))
            sa, sb = self._slots(i1, i2, j1, j2, fa, fb)
            gap_edits[g].append(len(edits))
            if tag.startswith("m"):
                e = Edit("move", sa, sb, kind="transposition")
                e.move = int(tag[1:-1])
                move_parts[e.move][tag[-1]] = e
                edits.append(e)
                continue
            kind = "substitution" if i2 > i1 and j2 > j1 else ("omission" if i2 > i1 else "addition")
            info = self._classify(i1, i2, j1, j2, section=tag == "section")
            if info["category"] == "substantive" and (tag == "opener" or not tag and A.in_opener(i1, i2)
                                                      and B.in_opener(j1, j2)):
                what = {"date": "dates", "numeric": "numbers", "entity": "names", "negation": "negation"}
                shown = ", ".join(what[f] for f in info["flags"] if f in what) or "wording"
                info = dict(info, flags=sorted(set(info["flags"]) - {"clause"} | {"section"}), residual=None,
                            severity=min(info["severity"], 0.6),
                            reason="meaning changed: the opening lines (classification, copy number, addressee, "
                                   f"date, registration number) are another document's ({shown} differ)")
            edits.append(Edit("text", sa, sb, kind=kind, info=info, ta=(i1, i2), tb=(j1, j2)))
        # after a gap both sides must stand at the same kind of slot (token or boundary)
        for g, members in gap_edits.items():
            fa = max(edits[k].a[1] for k in members)
            fb = max(edits[k].b[1] for k in members)
            if fa % 2 != fb % 2:
                if fa % 2 == 0:
                    k = max((k for k in members if edits[k].a[1] == fa), key=lambda k: edits[k].a[0])
                    edits[k].a = (edits[k].a[0], fa + 1)
                else:
                    k = max((k for k in members if edits[k].b[1] == fb), key=lambda k: edits[k].b[0])
                    edits[k].b = (edits[k].b[0], fb + 1)
        moves = []
        for mi, (g, h, (x1, x2), (y1, y2)) in enumerate(found):
            parts = move_parts.get(mi, {})
            if "a" not in parts or "b" not in parts:
                continue
            inner = self._inner(x1, x2, y1, y2)
            words = A.word_count(x1, x2)
            info = {"category": "lexical", "flags": ["moved"], "severity": round(min(0.45, 0.3 + 0.005 * words), 3),
                    "reason": f"a passage of {words} words stands in another place (word order changed)"
                    + (f"; {len(inner)} changes inside it are listed apart" if inner else "")}
            moves.append((parts["a"], parts["b"], info, inner))
        return edits, moves

    def _inner(self, x1, x2, y1, y2) -> list[Edit]:
        """The differences inside a moved passage, as edits of their own (layer ``inner``)."""
        A, B = self.A, self.B
        ka, kb = A.ts.text_keys[x1:x2], B.ts.text_keys[y1:y2]
        blocks = [(x1 + i, y1 + j, k) for i, j, k in matching_blocks(ka, kb)]
        out = []
        for (i1, i2, j1, j2) in gaps([(i - x1, j - y1, k) for i, j, k in blocks], x2 - x1, y2 - y1):
            i1, i2, j1, j2 = i1 + x1, i2 + x1, j1 + y1, j2 + y1
            fa, fb = self._final_marks(i1, i2, j1, j2)
            sa, sb = self._slots(i1, i2, j1, j2, fa, fb)
            kind = "substitution" if i2 > i1 and j2 > j1 else ("omission" if i2 > i1 else "addition")
            info = self._classify(i1, i2, j1, j2)
            out.append(Edit("inner", sa, sb, kind=kind, info=info, ta=(i1, i2), tb=(j1, j2)))
        variants = self._variants(blocks)
        marks = self._editorial(blocks, out, start=False)
        for e in variants + marks:
            e.layer = "inner"
            out.append(e)
        out = self._explain(out)
        out.sort(key=lambda e: (e.a[0], e.a[1]))
        return out

    # ---- words that moved or repeat: not a change of meaning --------------------------------
    def _explain(self, edits, moves_out=None, extra=()):
        """Substantive gaps whose words stand elsewhere in the same point.

        1. An omission and an addition at the same place (the same segments) whose words are the
           same up to the lexicon (by the rebels / insurgents to) are one passage moved: a lexical
           transposition (a move of its own, or one ``inner`` edit inside a moved passage).
        2. A gap whose few unexplained words (no number, date or negation) stand in another gap
           of the same point on the other side (Use ... / ... are to be used), or that names a
           group already named in the other witness's same sentence (the communications of the
           Chinese troops / lines of communication, in a sentence about the Chinese troops),
           says the same in another order: lexical.

        ``extra`` are edits (inside or outside moved passages) that only lend their words.
        """
        A, B, lex = self.A, self.B, self.lex

        def open_(e):
            return e.layer in ("text", "inner") and e.info.get("category") == "substantive" \
                and "section" not in e.info.get("flags", ()) and e.info.get("residual") is not None

        cand = [k for k, e in enumerate(edits) if open_(e)]
        if not cand:
            return edits
        for f in list(edits) + list(extra):
            if f.layer in ("text", "inner") and not hasattr(f, "units0"):
                # what the gap said before any explanation (explained gaps still lend their words)
                f.units0 = f.info.get("units")
                f.resid0 = f.info.get("residual") if f.info.get("category") == "substantive" else None
        pool_edits = [e for e in list(edits) + list(extra)
                      if e.layer in ("text", "inner") and getattr(e, "units0", None) is not None
                      and "section" not in e.info.get("flags", ())]

        def where(e):
            return (A.seg_at(e.ta[0]) | A.seg_at(e.ta[1]), B.seg_at(e.tb[0]) | B.seg_at(e.tb[1]))

        place = {id(e): where(e) for e in pool_edits}
        by_seg: dict[int, list] = defaultdict(list)
        for f in pool_edits:
            for sg in place[id(f)][0]:
                by_seg[sg].append(f)

        def near(e, f):
            pe, pf = place[id(e)], place[id(f)]
            return bool(pe[0] & pf[0]) and bool(pe[1] & pf[1]) and \
                abs(e.ta[0] - f.ta[0]) <= NEAR_TOKENS and abs(e.tb[0] - f.tb[0]) <= NEAR_TOKENS

        lent_cache: dict = {}

        def lent(f, side):
            """What gap ``f`` lends on one side (0 = base, 1 = witness): the words it leaves
            without a counterpart, and lexicon phrases that the alignment cut in two."""
            out = lent_cache.get((id(f), side))
            if out is None:
                out = list(f.resid0[side]) if f.resid0 is not None else []
                out += [u for u in f.units0[side] if len(u.words) > 1 and any(k[0] == "L" for k in u.keys)]
                lent_cache[(id(f), side)] = out
            return out

        def found(x, pool, keys):
            """Whether unit ``x`` stands in ``pool`` (keys: the union of the pool's keys); spelling
            variants are looked for in small pools only."""
            if x.keys & keys:
                return True
            return len(pool) <= SPELLING_POOL and any(
                maybe_spelling(x, y) and same_unit(x, y, lex, known_apart=False) for y in pool)

        resid = {k: edits[k].info["residual"] for k in cand}
        dropped: set[int] = set()
        added: list[Edit] = []
        # 1. omission + addition of the same words (additions looked up by the segments they touch)
        additions_in: dict[int, list[int]] = defaultdict(list)
        for m in cand:
            if edits[m].kind == "addition":
                for sg in place[id(edits[m])][0]:
                    additions_in[sg].append(m)
        for k in cand:
            e = edits[k]
            if k in dropped or e.kind != "omission":
                continue
            ra = resid[k][0]
            for m in sorted({m for sg in place[id(e)][0] for m in additions_in.get(sg, ())}):
                d = edits[m]
                if m in dropped or m == k or not near(e, d):
                    continue
                rb = resid[m][1]
                la, lb = match_units(ra, rb, lex)
                if ra and rb and not la and not lb:
                    shown = f"\"{' '.join(A.words(*e.ta))}\" / \"{' '.join(B.words(*d.tb))}\""
                    info = {"category": "lexical", "flags": ["moved"], "severity": 0.3,
                            "reason": "the same words (per the lexicon) stand in another place in the same "
                                      f"point (word order changed): {shown}"}
                    dropped.update((k, m))
                    if moves_out is None:
                        added.append(Edit(e.layer, e.a, d.b, kind="transposition", info=info,
                                          ta=e.ta, tb=d.tb))
                    else:
                        pa = Edit("move", e.a, e.b, kind="transposition", ta=e.ta, tb=e.tb)
                        pb = Edit("move", d.a, d.b, kind="transposition", ta=d.ta, tb=d.tb)
                        pa.move = pb.move = len(moves_out)
                        moves_out.append((pa, pb, info, []))
                        added.extend((pa, pb))
                    break
        gone = {id(edits[k]) for k in dropped}
        # 2. words found in another gap of the point, or a group named again
        for k in cand:
            if k in dropped:
                continue
            e = edits[k]
            ra, rb = resid[k]
            if not ra and not rb or len(ra) + len(rb) > EXPLAIN_MAX_UNITS or any(u.hard for u in ra + rb):
                continue
            seen: set[int] = set()
            others = []
            for sg in sorted(place[id(e)][0]):
                for f in by_seg[sg]:
                    if id(f) not in seen and f is not e and id(f) not in gone and near(e, f):
                        seen.add(id(f))
                        others.append(f)
            one_sided = not ra or not rb
            ok = True
            for rest, other, me, own, pos, side in ((ra, B, A, e.ta, e.tb, 1), (rb, A, B, e.tb, e.ta, 0)):
                if not rest:
                    continue
                moved = [u for f in others for u in lent(f, side)]
                moved_keys = set().union(*(u.keys for u in moved)) if moved else set()
                sentence = None
                for x in rest:
                    if found(x, moved, moved_keys):
                        continue
                    if one_sided and self._names_group(x, me, own):
                        if sentence is None:
                            sentence = units(other.words(*other.sentence(*pos)), lex)
                            sentence_keys = set().union(*(u.keys for u in sentence)) if sentence else set()
                        if found(x, sentence, sentence_keys):
                            continue
                    ok = False
                    break
                if not ok:
                    break
            if ok:
                shown = ", ".join(u.text for u in ra + rb)
                e.info = {"category": "lexical", "flags": [], "severity": 0.25,
                          "reason": f"the same words (per the lexicon) stand elsewhere in the sentence or point "
                                    f"({shown}): word order changed, or a group named once instead of twice"}
        if not dropped:
            return edits
        out = [e for k, e in enumerate(edits) if k not in dropped] + added
        out.sort(key=lambda e: (e.a[0], e.a[1], e.b[0]))
        return out

    def _names_group(self, unit, side: Side, own: tuple[int, int]) -> bool:
        """Whether a unit names people, places or groups: a group word of the lexicon or a
        capitalized word that does not merely start a sentence."""
        words = side.words(*own)
        for w in unit.words:
            if self.lex is not None and self.lex.is_group(w):
                return True
            if w[:1].isupper() and w.lower() not in FUNCTION_WORDS:
                k = words.index(w) if w in words else -1
                if not (k == 0 and side.initial(own[0])):
                    return True
        return False

    def _join_substantive(self, edits):
        """Neighbouring substantive gaps separated by at most two words form one change."""
        A, B = self.A, self.B
        out: list[Edit] = []
        for e in edits:
            p = out[-1] if out else None
            if p is not None and e.layer == "text" and p.layer == "text" and \
                    e.info["category"] == "substantive" and p.info["category"] == "substantive" and \
                    "section" not in e.info["flags"] and "section" not in p.info["flags"]:
                ga, gb = e.ta[0] - p.ta[1], e.tb[0] - p.tb[1]
                between = A.words(p.ta[1], e.ta[0]) + B.words(p.tb[1], e.tb[0])
                same_seg = A.n == 0 or A.tseg[min(p.ta[0], A.n - 1)] == A.tseg[min(e.ta[0], A.n - 1)]
                if 0 <= ga <= 2 and 0 <= gb <= 2 and (ga or gb) and same_seg \
                        and not any(w in SENTENCE_END for w in between):
                    ia1, ia2, ib1, ib2 = p.ta[0], e.ta[1], p.tb[0], e.tb[1]
                    info = self._classify(ia1, ia2, ib1, ib2)
                    if info["category"] == "substantive":
                        kind = "substitution" if ia2 > ia1 and ib2 > ib1 else ("omission" if ia2 > ia1 else "addition")
                        out[-1] = Edit("text", (p.a[0], e.a[1]), (p.b[0], e.b[1]), kind=kind, info=info,
                                       ta=(ia1, ia2), tb=(ib1, ib2))
                        out[-1].joined = True
                        continue
            out.append(e)
        return out

    # ---- variants inside matched tokens -----------------------------------------------------
    def _variants(self, blocks):
        A, B = self.A, self.B
        sa, sb = A.ts.sids, B.ts.sids
        ia, ib = A.idx, B.idx
        out = []
        for i, j, k in blocks:
            t = 0
            while t < k:
                if sa[ia[i + t]] != sb[ib[j + t]]:
                    u = t + 1
                    while u < k and sa[ia[i + u]] != sb[ib[j + u]]:
                        u += 1
                    info = classify(A.words(i + t, i + u), B.words(j + t, j + u), self.lex)
                    if info["category"] in ("lexical", "substantive"):
                        # the same key but not the same word: a transliteration collision
                        info = {"category": "orthographic", "flags": [], "severity": 0.15,
                                "reason": "spelling or transliteration variant of the same word"}
                    out.append(Edit("variant", (2 * (i + t) + 1, 2 * (i + u)), (2 * (j + t) + 1, 2 * (j + u)),
                                    info=info))
                    t = u
                else:
                    t += 1
        return out

    # ---- the editorial layer ------------------------------------------------------------------
    def _editorial(self, blocks, edits, start=True):
        A, B = self.A, self.B
        ga, gb = A.ts.groups, B.ts.groups
        if not ga and not gb:
            return []
        pairs = []   # (boundary in A, boundary in B)
        if start:
            pairs.append((0, 0))
        for i, j, k in blocks:
            for t in range(1, k + 1):
                if (i + t) in ga or (j + t) in gb:
                    pairs.append((i + t, j + t))
        # at the end of a text edit when both sides carry marks there
        for e in edits:
            if e.layer in ("text", "move", "inner") and e.a[1] > e.a[0] and e.b[1] > e.b[0]:
                i2, j2 = e.a[1] // 2, e.b[1] // 2
                if e.a[1] % 2 == 0 and e.b[1] % 2 == 0 and ga.get(i2) and gb.get(j2):
                    pairs.append((i2, j2))
        out = []
        text_a, text_b = A.ts.witness.text, B.ts.witness.text
        for ka, kb in sorted(set(pairs)):
            x, y = ga.get(ka), gb.get(kb)
            if group_key(x) == group_key(y):
                continue
            ca = " ".join(text_a[g[0] + 1:g[1] - 1] for g in x) if x else ""
            cb = " ".join(text_b[g[0] + 1:g[1] - 1] for g in y) if y else ""
            kind = "substitution" if x and y else ("omission" if x else "addition")
            # the boundary slot on both sides, even where it holds nothing
            sa = (2 * ka, 2 * ka + 1)
            sb = (2 * kb, 2 * kb + 1)
            out.append(Edit("editorial", sa, sb, kind=kind, info=classify_editorial(ca, cb)))
        return out


def compare(a: TokenStream, b: TokenStream, lexicon) -> PairResult:
    return Comparer(a, b, lexicon).run()
