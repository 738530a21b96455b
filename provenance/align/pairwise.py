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

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import accumulate
from provenance.align.aligner import cleanup, gaps, matching_blocks, slide, whole_paragraphs
from provenance.align.classify import FUNCTION_WORDS, classify, classify_editorial
from provenance.align.explaining import Explaining, translation_variants, two_translators
from provenance.align.directive import directive_recast
from provenance.align.order import pronouns_exchanged
from provenance.align.sides import (FULL_STOPS, MOVE_MAX_GAPS, MOVE_MIN_WORDS, NEAR_TOKENS, VALUE_WORDS,
                                    Edit, PairResult, Side)
from provenance.align.tokenize import TokenStream, group_key, int_array

class Comparer(Explaining):
    def __init__(self, a: TokenStream, b: TokenStream, lexicon):
        self.A = Side(a)
        self.B = Side(b)
        self.lex = lexicon

    def _classify(self, i1, i2, j1, j2, section=False) -> dict:
        A, B = self.A, self.B
        return classify(A.words(i1, i2), B.words(j1, j2), self.lex,
                        a_initial=i2 > i1 and A.initial(i1), b_initial=j2 > j1 and B.initial(j1),
                        section=section, a_ctx=lambda: A.context(i1, i2), b_ctx=lambda: B.context(j1, j2),
                        value_ctx=lambda: (A.context(i1, i2, VALUE_WORDS), B.context(j1, j2, VALUE_WORDS)))

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
        # prefix sums as machine ints (a million distinct int objects would take 40 MB a list)
        ma = int_array(accumulate(ma))
        mb = int_array(accumulate(mb))
        csum = int_array(accumulate(A.content_flags(), initial=0))
        esum = array("i", accumulate(A.sentence_end_flags(), initial=0))   # 4 bytes a token

        def weight(i, k):
            """A matched run weighs its content words and the ends of sentences, and half as much
            its function words: "of this" between two one-word changes holds the alignment instead
            of dissolving it, and so does the full stop between two sentences."""
            content_words = csum[i + k] - csum[i]
            return content_words + 0.5 * (k - content_words) + 0.5 * (esum[i + k] - esum[i])

        pa = array("i", accumulate(A.punctuation_flags(), initial=0))
        pb = array("i", accumulate(B.punctuation_flags(), initial=0))

        def gap_size(i1, i2, j1, j2):
            """An unmatched range weighs its tokens not moved elsewhere, a punctuation mark half as
            much: a comma added beside "and" does not dissolve it."""
            return max(i2 - i1 - ma[i2] + ma[i1] - 0.5 * (pa[i2] - pa[i1]),
                       j2 - j1 - mb[j2] + mb[j1] - 0.5 * (pb[j2] - pb[j1]))

        blocks = cleanup(blocks, A.n, B.n, weight=weight, gap_size=gap_size)
        del weight, gap_size, csum, esum, pa, pb   # not kept through the classification
        # a point or sentence added or dropped whole is cut at its own edges
        blocks = slide(blocks, ka, kb, _cut_worth(A), _cut_worth(B), _point_heads(A), _point_heads(B),
                       frozen=lambda on_a, lo, hi: (ma[hi] - ma[lo]) if on_a else (mb[hi] - mb[lo]))
        del ma, mb
        blocks = whole_paragraphs(blocks, ka, kb, _paragraph_starts(A), _paragraph_starts(B))
        pieces = [[i1, i2, j1, j2, "", g] for g, (i1, i2, j1, j2) in enumerate(gaps(blocks, A.n, B.n))]
        blocks = [b for b in blocks if b[2]]
        moves = self._apply_moves(pieces, found)
        pieces = self._split_heads(pieces)
        pieces = self._split_sections(pieces)
        pieces = self._split_at_segments(pieces)
        edits, move_edits = self._text_edits(pieces, moves)
        pronouns_exchanged(edits, A, B)
        directive_recast(edits, A, B)
        edits = self._join_substantive(edits)
        inner_all = [e for _pa, _pb, _info, inner in move_edits for e in inner]
        outer = [e for e in edits if e.layer == "text"]
        by_start = sorted(range(len(outer)), key=lambda k: outer[k].ta[0])
        outer_starts = [outer[k].ta[0] for k in by_start]
        edits = self._explain(edits, moves_out=move_edits, extra=inner_all)
        who = two_translators(A.ts.witness.meta, B.ts.witness.meta)
        if who:
            translation_variants(edits, who)
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
        self._supplied_taken_in(edits)
        edits.sort(key=lambda e: (e.a[0], e.a[1], e.b[0]))
        return PairResult(A.ts, B.ts, edits, move_edits, blocks)

    def _supplied_taken_in(self, edits) -> None:
        """Words an editor supplied in brackets in one witness that the other prints as its own
        ("the Uighur [troupe] of Alma-Ata" / "the Uighur troupe of Alma-Ata"): the words added to
        the text there differ in the editorial layer only."""
        A, B = self.A, self.B
        dropped = {}   # boundary in the witness without the mark -> words of the mark, and its side
        for e in edits:
            if e.layer != "editorial" or e.kind == "substitution":
                continue
            side, other, k, ko = (A, B, e.a[0] // 2, e.b[0] // 2) if e.kind == "omission" else (B, A, e.b[0] // 2, e.a[0] // 2)
            marks = side.ts.groups.get(k) or []
            content = " ".join(side.ts.witness.text[g[0] + 1:g[1] - 1] for g in marks)
            words = re.findall(r"\w+", content.lower())
            if words:
                dropped[(other is B, ko)] = words
        if not dropped:
            return
        for e in edits:
            if e.layer != "text":
                continue
            (i1, i2), (j1, j2) = e.ta, e.tb
            if i1 == i2 and j2 > j1:
                words, key = B.words(j1, j2), (True, j1)
            elif j1 == j2 and i2 > i1:
                words, key = A.words(i1, i2), (False, i1)
            else:
                continue
            if dropped.get(key) == [w.lower() for w in words if re.search(r"\w", w)]:
                e.info = {**e.info, "category": "editorial", "severity": min(e.info.get("severity", 0.1), 0.1),
                          "reason": f"words the editor supplied in brackets printed as the text's own: {' '.join(words)}"}

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

    def _split_heads(self, pieces):
        """The numbers opening a point on both sides at the start or the end of a gap are compared
        on their own ("... Republic. [4. Recommend ... materials.] 5." / "... MPR. 4."): a point
        dropped or added before them renumbers them, whatever else the gap holds."""
        head_a, head_b = _point_heads(self.A, single=True), _point_heads(self.B, single=True)
        out = []
        for p in pieces:
            i1, i2, j1, j2, tag, g = p
            if tag or i2 - i1 < 1 or j2 - j1 < 1 or (i2 - i1 == 1 and j2 - j1 == 1):
                out.append(p)
                continue
            if head_a(i1) and head_b(j1):
                out += [[i1, i1 + 1, j1, j1 + 1, "", g], [i1 + 1, i2, j1 + 1, j2, "", g]]
            elif head_a(i2 - 1) and head_b(j2 - 1):
                out += [[i1, i2 - 1, j1, j2 - 1, "", g], [i2 - 1, i2, j2 - 1, j2, "", g]]
            else:
                out.append(p)
        return [p for p in out if p[1] > p[0] or p[3] > p[2]]

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
        renumbered: dict[str, str] = {}   # the number of a point in A -> its number in B
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
            if kind == "substitution" and info["category"] == "substantive" and _point_number(A, i1, i2) \
                    and _point_number(B, j1, j2):
                # "6." / "5." opening a point whose words align: a point before it was dropped or added
                renumbered[A.words(i1, i1 + 1)[0]] = B.words(j1, j1 + 1)[0]
                info = _numbered_anew(info, f"the point is numbered anew ({' '.join(A.words(i1, i2))} / "
                                            f"{' '.join(B.words(j1, j2))}): a point before it was added or dropped")
            elif kind == "substitution" and info["category"] == "substantive" and i2 - i1 == 1 and j2 - j1 == 1 \
                    and renumbered.get(A.words(i1, i2)[0]) == B.words(j1, j2)[0] \
                    and _point_reference(A, i1) and _point_reference(B, j1):
                # "Ryabushkin - 2, 5" / "2, 4" after point 5 became point 4: the same point named
                info = _numbered_anew(info, f"the point named is numbered anew ({A.words(i1, i2)[0]} / "
                                            f"{B.words(j1, j2)[0]}), as the point itself is")
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
            info = classify_editorial(ca, cb)
            own_a = {tuple(g[3]) for g in x or () if g[2] in ORIGINALS_OWN and g[3]}
            own_b = {tuple(g[3]) for g in y or () if g[2] in ORIGINALS_OWN and g[3]}
            if own_a != own_b:
                # a stamp, a hand's addition or deletion, a note the original itself carries: a
                # copy with it is another copy ("[Stamp: ... Incoming No. 0412s]" on one only)
                info = dict(info, category="substantive", severity=0.4,
                            reason="the original's own marks differ (a stamp, an addition or a deletion by hand, "
                                   f"a note of its own): {info['reason']}")
            out.append(Edit("editorial", sa, sb, kind=kind, info=info))
        return out


#: editorial marks that describe what the original itself carries, not the editor's work
ORIGINALS_OWN = frozenset({"stamp", "add", "del", "note-original"})


def _numbered_anew(info: dict, reason: str) -> dict:
    """A point's number, or the number naming it, changed only because a point before it was
    added or dropped: accidental."""
    return dict(info, category="accidental", flags=[], residual=None, severity=0.05, reason=reason)


def _point_number(side, i1: int, i2: int) -> bool:
    """Whether tokens [i1, i2) are only the number that opens a point ("5", "5 ."), at the start of
    its paragraph."""
    words = side.words(i1, i2)
    return 1 <= len(words) <= 2 and words[0].isdigit() and len(words[0]) <= 3 and all(w == "." for w in words[1:]) \
        and (i1 == 0 or side.tseg[i1 - 1] != side.tseg[i1])


#: marks after which a run is cut better than inside a clause (full stops come from ``sides``)
CLAUSE_CUT = frozenset(";:")


def _paragraph_starts(side):
    """Whether a paragraph of ``side`` begins at token k (the end of the text counts)."""
    n, seg = side.n, side.tseg
    return lambda k: k <= 0 or k >= n or seg[k - 1] != seg[k]


def _cut_worth(side):
    """The worth of cutting an added or dropped run before token k of ``side``: best at the edge of
    a paragraph, then after the end of a sentence, then after a semicolon or a colon."""
    paragraph = _paragraph_starts(side)

    def worth(k: int) -> int:
        if paragraph(k):
            return 4
        w = side.words(k - 1, k)[0]
        return 2 if w in FULL_STOPS else 1 if w in CLAUSE_CUT else 0
    return worth


def _point_heads(side, single=False):
    """Whether tokens p and q of ``side`` both open a point with its number ("3." / "4)"); with
    ``single``, whether token k does."""
    seg = side.tseg

    def head(k: int) -> bool:
        return k + 1 < side.n and (k == 0 or seg[k - 1] != seg[k]) and _point_number(side, k, k + 1) \
            and side.words(k + 1, k + 2)[0] in (".", ")")
    return head if single else (lambda p, q: head(p) and head(q))


#: words after which a number names a point ("points 2 and 5", "§ 5"), besides a dash, a comma and "and"
POINT_WORDS = frozenset({"point", "points", "paragraph", "paragraphs", "item", "items", "§", "§§", "p.", "pp.",
                         "-", "–", "—", ",", "and", "&"})


def _point_reference(side, k: int) -> bool:
    """Whether the number at token k may name a point: after a point word, a dash, a comma or
    "and", and before punctuation, "and" or the end of the text (not "5 tons", not "Copy 5")."""
    before = side.words(k - 1, k)[0].lower() if k > 0 else ""
    after = side.words(k + 1, k + 2)[0].lower() if k + 1 < side.n else "."
    return before in POINT_WORDS and (after in ("and", "&") or not any(ch.isalnum() for ch in after))


def compare(a: TokenStream, b: TokenStream, lexicon) -> PairResult:
    return Comparer(a, b, lexicon).run()
