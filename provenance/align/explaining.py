"""Explaining edits by what stands elsewhere: the words of a substantive gap found in another gap
of the same point (a passage moved, a word order changed, a group named once instead of twice),
and neighbouring substantive gaps that form one change. A mixin of ``pairwise.Comparer``: finding
the edits is there, explaining them here."""

from __future__ import annotations

from collections import defaultdict

from provenance.align.classify import FUNCTION_WORDS, SENTENCE_END, match_units, maybe_spelling, same_unit, units
from provenance.align.classify import _negation as negation_word
from provenance.align.explain import derived, synonym
from provenance.align.names import of_the_place
from provenance.align.order import case_flip, coordinated
from provenance.align.roots import support_verb
from provenance.align.sides import EXPLAIN_MAX_UNITS, NEAR_TOKENS, SPELLING_POOL, Edit, Side
from provenance.align.spelling import romanized_alike
from provenance.knowledge.thesaurus import renderings
from provenance.knowledge.wordnet import wordnet


#: prepositions that give a name its role in the sentence (handed to X by Y, sent from X with Y)
_ROLE_PREPOSITIONS = frozenset({"to", "by", "from", "with", "for", "against", "of", "than"})
#: what stands before the first word of a sentence
_SENTENCE_OPENERS = frozenset({"", ".", ";", ":", "!", "?"})


def _place_and_adjective(x, y) -> bool:
    """A place and its adjective, one word each (China / Chinese, Mongolia / Mongolian): "the
    Communist Party of China" / "the Chinese Communist Party" name one party."""
    return len(x.words) == 1 == len(y.words) and not x.hard and not y.hard \
        and of_the_place(x.words[0], y.words[0]) is not None


def _negation(u) -> bool:
    return any(negation_word(w) for w in u.words)


def _derived_units(x, y) -> bool:
    """Two single words WordNet derives one from the other (concluded / the conclusion of): the
    same content, worded as a verb in one witness and as a noun in the other."""
    if len(x.words) != 1 or len(y.words) != 1 or x.hard or y.hard:
        return False
    a, b = x.words[0], y.words[0]
    if a[:3].lower() != b[:3].lower():
        return False   # words derived one from the other share their first letters (conclude/conclusion)
    return bool(derived(a, b) or derived(b, a))


def _synonym_units(x, y) -> bool:
    """Two single words, no adverbs, that WordNet alone makes synonyms (``explain.synonym``, which
    never takes two numbers, quantifiers or opposites): "X stated" / "said X", the word moved and said
    another way. The thesaurus's looser pairs and adverbs of degree (quite / somewhat) stay changes."""
    if len(x.words) != 1 or len(y.words) != 1 or x.hard or y.hard:
        return False
    a, b = x.words[0], y.words[0]
    wn = wordnet()
    if not (wn.synonyms(a, b) or wn.adverb_bases(a.lower()) and wn.adverb_bases(b.lower())):
        return False   # what ``synonym`` needs before its guards (most pairs fail here, cheaply)
    return not (wn.mainly(a, "r") or wn.mainly(b, "r")) and synonym(a, b, wordnet_only=True) is not None


class Explaining:
    """Methods of ``Comparer`` (``self.A``, ``self.B``: the sides; ``self.lex``: the lexicon;
    ``self._classify``)."""

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
            """The segments about the edit on each side (kept on the edit for the next call)."""
            got = getattr(e, "place", None)
            if got is None or got[0] != (e.ta, e.tb):
                got = e.place = ((e.ta, e.tb), (A.segs_around(*e.ta), B.segs_around(*e.tb)))
            return got[1]

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
                # a gap explained on its own still lends a word of its own (a word the sentence
                # says already, added here, is the one dropped there in another form)
                out = list(f.resid0[side]) if f.resid0 is not None else \
                    [u for u in (f.units0[side] if f.kind != "substitution" else ()) if not u.light]
                out += [u for u in f.units0[side] if len(u.words) > 1 and any(k[0] == "L" for k in u.keys)]
                lent_cache[(id(f), side)] = out
            return out

        def found(x, pool, keys):
            """Whether unit ``x`` stands in ``pool`` (keys: the union of the pool's keys); spelling
            variants are looked for in small pools only."""
            if x.keys & keys:
                return True
            return len(pool) <= SPELLING_POOL and any(
                maybe_spelling(x, y) and same_unit(x, y, lex, known_apart=False) or _derived_units(x, y)
                or _place_and_adjective(x, y) or _synonym_units(x, y) for y in pool)

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
                role = self._role_changed(e, d) if ra and rb and not la and not lb else None
                if role:
                    # "handed to Petrov by Wang" / "handed to Wang by Petrov": the name moved from one role to another
                    e.info = {**e.info, "reason": f"meaning changed: a name stands in another role ({role}): "
                                                  "who does what changed"}
                    d.info = {**d.info, "reason": e.info["reason"]}
                    dropped.update((k, m))
                    added.extend((e, d))
                    break
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
            if not ra and not rb or len(ra) + len(rb) > EXPLAIN_MAX_UNITS \
                    or any(u.hard and (ra and rb or _negation(u)) for u in ra + rb):
                continue   # a number or a date may move within its point alone, a negation never
            seen: set[int] = set()
            others = []
            for sg in sorted(place[id(e)][0]):
                for f in by_seg[sg]:
                    if id(f) not in seen and f is not e and id(f) not in gone and near(e, f):
                        seen.add(id(f))
                        others.append(f)
            one_sided = not ra or not rb
            if not one_sided and self._exchanged(e, ra, rb, others):
                # "the scheduler assigns ... the monitor records" / "the monitor assigns ... the scheduler
                # records": the same words, each where the other stood, say who does what another way
                e.info = {**e.info, "reason": "meaning changed: words exchanged places ("
                          + ", ".join(u.text for u in ra) + " / " + ", ".join(u.text for u in rb)
                          + "): what each part of the sentence says of them changed"}
                continue
            ok = True
            for rest, other, me, own, pos, side in ((ra, B, A, e.ta, e.tb, 1), (rb, A, B, e.tb, e.ta, 0)):
                if not rest:
                    continue
                moved = [u for f in others for u in lent(f, side)]
                moved_keys = set().union(*(u.keys for u in moved)) if moved else set()
                sentence = None
                for x in rest:
                    if x.hard:   # "by X in 1871" / "in 1871 by X": the same value, word for word, moved
                        if x.keys & moved_keys:
                            continue
                        ok = False
                        break
                    if found(x, moved, moved_keys):
                        continue
                    if len(rest) > 1 and all(support_verb(w) for w in x.words):
                        continue   # "a decision was made" / "decided": the verb that carries a noun
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
            flip = case_flip(A.words(*e.ta) + [w for f in others for w in A.words(*f.ta)],
                             B.words(*e.tb) + [w for f in others for w in B.words(*f.tb)]) if ok and one_sided else None
            if flip:
                e.info = {**e.info, "category": "substantive", "severity": 0.55, "reason": "meaning changed: a name and a pronoun "
                          f"exchanged places ({', '.join(u.text for u in ra + rb)}; {flip}): who does what changed"}
            elif ok:
                shown = ", ".join(u.text for u in ra + rb)
                e.info = {"category": "lexical", "flags": [], "severity": 0.25,
                          "reason": f"the same words (per the lexicon) stand elsewhere in the sentence or point "
                                    f"({shown}): word order changed, or a group named once instead of twice"}
        if not dropped:
            return edits
        out = [e for k, e in enumerate(edits) if k not in dropped] + added
        out.sort(key=lambda e: (e.a[0], e.a[1], e.b[0]))
        return out

    def _role_changed(self, e, d) -> str | None:
        """"to Petrov / by Petrov" when a moved name (``e`` out of the base, ``d`` into the witness) is
        governed by another preposition where it lands: a participant in another role, not a phrase
        moved whole ("in Moscow", "to Molotov" keep their preposition)."""
        ra, rb = self._role(self.A, e.ta), self._role(self.B, d.tb)
        if ra is None or rb is None or ra[0] == rb[0] or {ra[0], rb[0]} == {"subject", "by"}:
            return None   # the subject and a passive's "by" are one role
        return f"{ra[0]} {ra[1]} / {rb[0]} {rb[1]}"

    @staticmethod
    def _role(side: Side, span: tuple[int, int]) -> tuple[str, str] | None:
        """The preposition nearest before the first name of a passage (in it, or the word before
        it), and the name."""
        lo = max(0, span[0] - 2)
        words = side.words(lo, span[1])
        for k, w in enumerate(words):
            if k >= span[0] - lo and w[:1].isupper() and w.lower() not in FUNCTION_WORDS:
                before = [x.lower() for x in words[max(0, k - 2):k] if any(c.isalnum() for c in x)]
                if before and before[-1] == "the":
                    before = before[:-1]   # "to the Mongolian Commission"
                if before and before[-1] in _ROLE_PREPOSITIONS:
                    return before[-1], w
                # "The Far Eastern Bureau is to send": the name opens its sentence, its subject
                opening = words[:k] if lo else [""] + words[:k]
                if span[0] - lo == k and (not opening or opening[-1] in _SENTENCE_OPENERS or
                                          opening[-1] == "The" and (len(opening) < 2 or opening[-2] in _SENTENCE_OPENERS)):
                    return "subject", w
                return None
        return None

    def _exchanged(self, e, ra, rb, others) -> bool:
        """Whether another substitution of the point is ``e``'s mirror (its words where ``e``'s
        other words stand, and the other way) with content words between the two: two words that
        exchanged places across the sentence, not two coordinated ones reordered ("cats and dogs")."""
        for f in others:
            fr = f.resid0
            if fr is None or not fr[0] or not fr[1] or f.layer != e.layer:
                continue
            if any(match_units(ra, fr[1], self.lex)) or any(match_units(rb, fr[0], self.lex)):
                continue
            lo, hi = sorted((e.ta, f.ta))
            between = self.A.words(lo[1], hi[0]) if lo[1] < hi[0] else []
            if any(any(c.isalnum() for c in w) and w.lower() not in FUNCTION_WORDS for w in between) \
                    and not coordinated(between, self.A.words(hi[1], min(hi[1] + 8, len(self.A.tseg)))):
                return True
        return False

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
                    "section" not in e.info["flags"] and "section" not in p.info["flags"] and \
                    not (_one_value(p) or _one_value(e)):
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


def _one_value(e) -> bool:
    """One number or date word for another ("72,000" / "62,000", "25" / "22"): a change of its own,
    never joined with the words around it."""
    (i1, i2), (j1, j2) = e.ta, e.tb
    return i2 - i1 == 1 and j2 - j1 == 1 and any(f in e.info["flags"] for f in ("numeric", "date"))


def two_translators(meta_a: dict, meta_b: dict) -> tuple[str, str] | None:
    """The translators two witnesses name, when both name one and they differ."""
    ta, tb = str(meta_a.get("translator") or ""), str(meta_b.get("translator") or "")
    if ta and tb and " ".join(ta.lower().split()) != " ".join(tb.lower().split()):
        return ta, tb
    return None


def translation_variants(edits, translators) -> None:
    """Two translations of one original by two translators (their names differ): each substantive
    change of text that is only the translators' choice (``translators_choice``) is called so."""
    for e in edits:
        if e.layer == "text":
            e.info = translators_choice(e.info, translators) or e.info


def translators_choice(info: dict, translators) -> dict | None:
    """The classification of a change between two translations by two translators when it is only
    their choice: a word changed for a word that may render the same word of the original
    (``thesaurus.renderings``), or a name or foreign word for the same in another romanization
    (``spelling.romanized_alike``: Zavkhan / Dzabkhan, aimags / aimaks), with no number, date or
    negation in the change; None when it says more."""
    if info.get("category") != "substantive" or not info.get("residual") \
            or set(info.get("flags", ())) - {"entity", "clause"}:
        return None
    ra, rb = info["residual"]
    if not (1 <= len(ra) <= 4 and 1 <= len(rb) <= 4) or any(u.hard or len(u.words) != 1 for u in ra + rb):
        return None
    wa, wb = [u.words[0] for u in ra], [u.words[0] for u in rb]
    if len(wa) != len(wb):   # a name written as one word and as two (Ch'ang-sok / Chan Sok)
        wa, wb = [" ".join(wa)], [" ".join(wb)]
        if not all(w[:1].isupper() for w in wa[0].split() + wb[0].split()) or not romanized_alike(wa[0], wb[0]):
            return None
    said, left, worded = [], wb, False
    for x in wa:
        y = next((y for y in left if romanized_alike(x, y)), None)
        if y is not None:
            said.append(f"{x}/{y} (romanized otherwise)")
        else:
            y = next((y for y in left if x[:1].islower() and y[:1].islower() and renderings(x, y)), None)
            if y is None:
                return None
            worded = True
            said.append(f"{x}/{y} ({renderings(x, y)})")
        left.remove(y)
    return {**info, "category": "lexical" if worded else "orthographic", "flags": [], "residual": None,
            "severity": min(info.get("severity", 0.3), 0.3 if worded else 0.15),
            "reason": f"two translations ({translators[0]} / {translators[1]}): "
                      + ("other words for the same word of the original" if worded else
                         "the same names or words of the original romanized otherwise")
                      + f" ({', '.join(said)})"}
