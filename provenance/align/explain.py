"""Explaining what is left of a change by open knowledge: the same value written another way, a
negation said with an antonym, the same place under another name, a typo, another form of the
same word, a spelling variant, a synonym, an abbreviation and its expansion.

``reconcile`` takes the units of two readings that the lexicon and the word roots left without a
counterpart (see ``classify.match_units``) and pairs those that one of these resources explains;
each explanation names the resource that decided it. What it cannot explain stays: a change of
meaning. Antonyms (increase/decrease), another real word spelt alike (Marshal/Martial), other
places and other values are never explained away.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import ratio

from provenance.knowledge import english, places, thesaurus, values as vals
from provenance.knowledge.chinese import same_romanized
from provenance.knowledge.units import time_units
from provenance.knowledge.wordnet import wordnet
from provenance.align.abbreviations import abbreviation, dotted, parts_abbreviated
from provenance.align.affixes import made_adjective, made_so, prefixed_synonym
from provenance.align.names import (
    initialisms_apart, no_possessive, of_the_place, one_entity, other_name, place_spelling, same_name, same_place, skeleton,
    translit_form)
from provenance.align.wording import contraction, folded, run_together, spans

NEGATIONS = frozenset("not no never nor neither none nothing nobody nowhere without cannot n't".split())
_HAVE_AFTER_NEGATION = re.compile(r"\b(?:not|n't|never)\s+(?:have|has|had)\b", re.I)
#: prefixes that negate a word (agree/disagree, able/unable)
NEG_PREFIXES = ("dis", "un", "in", "im", "il", "ir", "non", "non-", "mis")
#: words that only carry a value's unit or form (10 p.m., 50 per cent, 9 o'clock)
VALUE_FORM = frozenset("p a m pm am o'clock clock per cent percent half quarter quarters third thirds past "
                       "to hours hrs h and of the st nd rd th day fold - morning afternoon evening night noon "
                       "midday midnight century centuries decade s 's minutes pound pounds sterling dollar "
                       "dollars euro euros yen rouble roubles ruble rubles kopeck kopecks kopek kopeks copeck copecks "
                       "cent cents".split())

ORTHOGRAPHIC, LEXICAL = "orthographic", "lexical"
#: words of a value's form that, changed alone, may leave the value as it was (per cent, a.m.)
VALUE_HINT = VALUE_FORM - {"a", "and", "of", "the", "h", "-"}

#: how common a capitalized word may be and still be read as a name (Zipf scale; WordNet lists
#: many people, so being in it does not make a word common)
NAME_ZIPF = 4.0
#: pairs of unexplained units looked at word for word, at most
PAIR_LIMIT = 64


class Explained:
    __slots__ = ("category", "reason")

    def __init__(self, category: str, reason: str):
        self.category = category
        self.reason = reason


def _word(u) -> str | None:
    return u.words[0] if len(u.words) == 1 else None


def _alpha(w: str) -> bool:
    return w.replace("-", "").replace("'", "").replace("’", "").isalpha()


def reading_values(ctx: tuple, words) -> "vals.Counter":
    """The values a reading takes part in, read with the words around it: "15" of "15 October
    1945" is the date. A reading takes part in the values it overlaps and in those that begin or
    end right at it (an empty reading, or a comma that replaced a day, stands at their place)."""
    out = vals.Counter()
    before, after = list(ctx[0]), list(ctx[1])
    lo, hi = len(before), len(before) + len(words)
    for v, i, j in vals.value_spans(before + list(words) + after):
        if i <= hi and j >= lo:
            out[v] += 1
    return out


_VALUEISH: dict[str, bool] = {}


def valueish(w: str) -> bool:
    """Whether a token can take part in a value (a digit, a number or month word, 'p.m.', ...)."""
    r = _VALUEISH.get(w)
    if r is None:
        lw = w.lower().strip(".")
        r = _VALUEISH[w] = any(c.isdigit() for c in w) or lw in vals.MONTHS or lw in VALUE_HINT \
            or w in vals.VULGAR_FRACTIONS \
            or lw in vals.DECADE_WORDS or "-" in lw and _is_value_word(lw) \
            or w in vals.ROMAN_MONTHS or lw.isalpha() and (vals.digits(lw) != lw or vals.unfold(lw) != lw
                                                           and vals.digits(vals.unfold(lw)) != vals.unfold(lw))
    return r


def value_change(va, vb) -> tuple[bool, set[str]]:
    """Whether two readings state other values (see ``reading_values``), and which kinds differ
    ("n", "pct", "d", "dm", "t", and "y" for a number that is a year)."""
    if va == vb:
        return False, set()
    va, vb = vals.resolve(va, vb)
    if va == vb:
        return False, set()
    diff = (va - vb) + (vb - va)
    kinds = {k.split(":", 1)[0] for k in diff}
    if any(re.fullmatch(r"n:1[5-9]\d\d|n:20\d\d", k) for k in diff):
        kinds.add("y")   # a year
    return True, kinds


def _is_value_word(w: str) -> bool:
    lw = w.lower().strip(".")
    if "-" in lw.strip("-") and not vals.E_POWER.fullmatch(lw):   # 1 e-3: a power of ten is a value's own
        return all(_is_value_word(part) for part in lw.split("-") if part)   # three-quarters, 19th-century
    return (any(c.isdigit() for c in w) or lw in VALUE_FORM or lw in vals.MONTHS or lw in vals.DECADE_WORDS
            or w in vals.VULGAR_FRACTIONS
            or w in vals.ROMAN_MONTHS or vals.digits(lw) != lw or vals.digits(vals.unfold(lw)) != vals.unfold(lw))


def typo(x: str, y: str) -> str | None:
    """'x' is not a word (WordNet and the closed classes do not hold it, nor the gazetteer) and is one
    or two keystrokes from the word 'y' (or the reverse)."""
    if not (_alpha(x) and _alpha(y)):
        return None
    lx, ly = x.lower(), y.lower()
    if lx == ly or min(len(lx), len(ly)) < 3:
        return None
    limit = 1 if min(len(lx), len(ly)) < 6 else 2
    if OSA.distance(lx, ly) > limit or distinct_known(x, y):
        return None
    # a place is a proper name: a word in lower case is not one (wil / will: not the town of Wil)
    bx, by = no_possessive(x), no_possessive(y)   # Mongolia's is the word Mongolia
    wx = english.in_dictionary(bx.lower()) or x[:1].isupper() and places.is_place(bx)
    wy = english.in_dictionary(by.lower()) or y[:1].isupper() and places.is_place(by)
    if wx == wy:
        return None
    bad = x if not wx else y
    return f"typo: '{bad}' is not a word"


def spelling_variant(x: str, y: str) -> str | None:
    """Two spellings of one word that WordNet lists together (organise/organize, colour/color)."""
    lx, ly = x.lower(), y.lower()
    if lx == ly or OSA.distance(lx, ly) > 2 or min(len(lx), len(ly)) < 4:
        return None
    if lx[0] != ly[0]:
        return None   # insure/ensure, affect/effect: spellings differ inside a word, not at its start
    wn = wordnet()
    if not wn.is_word(lx) or not wn.is_word(ly):
        return None
    if other_form(lx, ly):
        return None   # dreamed/dreamt, indicate/indicates: two forms of one word, not two spellings
    sx = set(wn.senses(lx, top=None))
    sy = set(wn.senses(ly, top=None))
    if sx and sy and len(sx & sy) * 5 >= 4 * min(len(sx), len(sy)):
        return f"spelling variant (WordNet: {x}/{y})"
    return None


def other_form(x: str, y: str) -> bool:
    """Two forms of one word (dreamed/dreamt, indicate/indicates, feet/foot), not two spellings
    of one form (travelled/traveled, organise/organize): one lemma, other endings."""
    lx, ly = x.lower(), y.lower()
    return lx[-2:] != ly[-2:] and bool(english.lemmas(lx) & english.lemmas(ly))


def inflection(x: str, y: str) -> str | None:
    if x.lower() == y.lower() or not (_alpha(x) and _alpha(y)):
        return None
    shared = english.lemmas(x) & english.lemmas(y)
    if shared:
        return f"another form of the same word ({x}/{y}: {min(shared, key=len)})"
    return None


def synonym(x: str, y: str, wordnet_only: bool = False) -> str | None:
    """Why two words are synonyms (WordNet, then Moby's thesaurus unless ``wordnet_only``), or None."""
    if not (_alpha(x) and _alpha(y)):
        return None
    if vals.is_number_word(x) or vals.is_number_word(y):
        return None   # forty-seven/forty-one are other numbers, whatever WordNet groups them under
    if x[:1].lower() != y[:1].lower() and OSA.distance(x.lower(), y.lower()) <= 2:
        return None   # insure/ensure, affect/effect: words confused for their spelling, not chosen
    wn = wordnet()
    if wn.quantifier(x.lower()) or wn.quantifier(y.lower()):
        return None   # many/some, all/most: another quantity
    if english.other_force(x, y):
        return None   # instructs/recommends: another force of the directive
    if wn.synonyms(x, y) and not (wn.antonyms(x, y) or wn.antonyms(y, x)):
        return f"synonyms (WordNet: {x}/{y})"
    if not wordnet_only and wn.verb_kind_of(x, y) and not (wn.antonyms(x, y) or wn.antonyms(y, x)):
        return f"near-synonyms (WordNet: {x}/{y}, one a manner of the other)"
    if not wordnet_only and thesaurus.synonyms(x, y):
        return f"synonyms (Moby thesaurus: {x}/{y})"
    bases_x, bases_y = wn.adverb_bases(x.lower()), wn.adverb_bases(y.lower())
    for p in bases_x:   # cleverly/ingeniously: adverbs of two synonyms
        for q in bases_y:
            p_, q_ = p.split("(")[0], q.split("(")[0]
            if p_ != q_ and wn.synonyms(p_, q_) and not (wn.antonyms(p_, q_) or wn.antonyms(q_, p_)):
                return f"synonyms (WordNet: {x}/{y}, the adverbs of {p_}/{q_})"
    return None


def negated(x: str, y: str) -> bool:
    """Whether word ``y`` says "not ``x``": an antonym in WordNet, or ``x`` with a negating prefix."""
    lx, ly = x.lower(), y.lower()
    wn = wordnet()
    for pre in NEG_PREFIXES:
        if ly.startswith(pre) and len(ly) - len(pre) >= 3:
            base = ly[len(pre):]
            if english.lemmas(base) & english.lemmas(lx) or wn.synonyms(base, lx):
                return True   # not enough / insufficient, not persuaded / unconvinced
    return wn.antonyms(x, y) or wn.antonyms(y, x)


def derived(x: str, y: str) -> str | None:
    """Two words WordNet derives one from the other (decision/decided, arrival/arrive)."""
    if not (_alpha(x) and _alpha(y)) or x.lower() == y.lower():
        return None
    wn = wordnet()
    if wn.derived(x, y):
        return f"another form of the same word (WordNet: {x}/{y})"
    if wn.lemmas(y) & wn.pertains_to(x) or wn.lemmas(x) & wn.pertains_to(y):
        return f"another form of the same word (WordNet: {x}/{y}, an adverb and its adjective)"
    return None


def transliteration(x: str, y: str) -> str | None:
    """Two romanisations of one foreign name (Mosaddegh/Mossadeq, Shaoqi/Shao-chi, Alexei/Aleksei):
    capitalized, neither a common word nor two known places, the same consonants once the
    letter groups that transliteration systems write differently are made one."""
    if not (x[:1].isupper() and y[:1].isupper()) or x.lower() == y.lower() or initialisms_apart(x, y):
        return None
    kx, ky = skeleton(x), skeleton(y)
    # a short name the same but for y/i (Yulia/Iuliia: the passport's romanization) is one name too
    same = translit_form(x).replace("y", "i") == translit_form(y).replace("y", "i")
    if not same and (len(kx) < 2 or kx != ky or ratio(translit_form(x), translit_form(y)) < 70):
        return None
    if english.zipf(x) >= NAME_ZIPF or english.zipf(y) >= NAME_ZIPF or distinct_known(x, y):
        return None   # a common word is not a name spelt another way
    return f"transliteration variant of one name ({x}/{y})"


def romanized(x: str, y: str) -> str | None:
    """One Chinese name in Wade-Giles and in pinyin (Chou/Zhou, Hsü/Xu, Chen-pang/Zhenbang)."""
    if english.in_dictionary(x) or english.in_dictionary(y):
        return None   # Turan/Altogether: a word of the dictionary is no romanized Chinese name
    return f"one Chinese name in two romanizations, Wade-Giles and pinyin ({x}/{y})" if same_romanized(x, y) else None


_PAIR_TESTS = (
    (place_spelling, ORTHOGRAPHIC), (same_place, LEXICAL), (of_the_place, LEXICAL), (same_name, ORTHOGRAPHIC),
    (other_name, LEXICAL), (spelling_variant, ORTHOGRAPHIC), (typo, ORTHOGRAPHIC), (transliteration, ORTHOGRAPHIC),
    (romanized, ORTHOGRAPHIC), (inflection, LEXICAL), (derived, LEXICAL), (synonym, LEXICAL), (prefixed_synonym, LEXICAL),
)


def reconcile(rest_a: list, rest_b: list, a_words: list[str], b_words: list[str],
              values_a, values_b) -> tuple[list, list, list[Explained]]:
    """Pair the unexplained units of two readings that open knowledge explains; return what is
    still unexplained on each side and the explanations."""
    out: list[Explained] = []
    ra, rb = list(rest_a), list(rest_b)
    # 1. the same values written another way: the number and date words are explained
    changed, _kinds = value_change(values_a, values_b)
    if not changed and (values_a or values_b):
        va = [u for u in ra if all(_is_value_word(w) for w in u.words)]
        vb = [u for u in rb if all(_is_value_word(w) for w in u.words)]
        ta, tb = (time_units(w for u in side for w in u.words) for side in (va, vb))
        if ta and tb and ta != tb:   # 5 minutes / 5 hours: the number agrees, the length of time does not
            va, vb = ([u for u in side if not time_units(u.words)] for side in (va, vb))
        if va or vb:
            shown = (" ".join(u.text for u in va) or "-") + " = " + (" ".join(u.text for u in vb) or "-")
            out.append(Explained(LEXICAL, f"the same value written another way ({shown})"))
            ra = [u for u in ra if u not in va]
            rb = [u for u in rb if u not in vb]
    # 2. a negation said another way: did not agree / disagreed
    for neg_side, pos_side, neg_words in ((ra, rb, a_words), (rb, ra, b_words)):
        negs = [u for u in neg_side if _word(u) and _word(u).lower() in NEGATIONS]
        if len(negs) != 1 or any(_word(u) and _word(u).lower() in NEGATIONS for u in pos_side):
            continue
        done = False
        # "did not have" / "lacked": "have", a function word and no unit, said by its antonym
        have = [None] if _HAVE_AFTER_NEGATION.search(" ".join(neg_words)) else []
        for x in neg_side + have:
            wx = _word(x) if x else "have"
            if x is negs[0] or not wx or not _alpha(wx):
                continue
            for y in pos_side:
                wy = _word(y)
                if wy and _alpha(wy) and negated(wx, wy):
                    out.append(Explained(LEXICAL, f"a negation said another way ({negs[0].text} {wx} = {wy})"))
                    neg_side.remove(x) if x else None
                    neg_side.remove(negs[0])
                    pos_side.remove(y)
                    done = True
                    break
            if done:
                break
    # 2b. one negation word for the other: "not later than" / "no later than", "last no more" / "not last more"
    na = [u for u in ra if _word(u) and _word(u).lower() in ("no", "not")]
    nb = [u for u in rb if _word(u) and _word(u).lower() in ("no", "not")]
    if len(na) == len(nb) == 1 and _word(na[0]).lower() != _word(nb[0]).lower():
        out.append(Explained(LEXICAL, f"a negation written with another word ({na[0].text} / {nb[0].text})"))
        ra.remove(na[0])
        rb.remove(nb[0])
        side = ra if _word(na[0]).lower() == "not" else rb   # "not any" / "no"
        side[:] = [u for u in side if not (_word(u) and _word(u).lower() == "any")]
    # 2c. a request made with "please" or with a verb of asking (Please instruct / I request instructions)
    said = _request(ra, rb)
    if said:
        out.append(Explained(LEXICAL, f"the same request said another way ({said})"))
    # 3. a contraction written out (don't / do not, can't / cannot)
    for side, other, other_words in ((ra, rb, b_words), (rb, ra, a_words)):
        for x in list(side):
            parts = contraction(_word(x))
            if not parts or x not in side:
                continue
            nots = [u for u in other if _word(u) and _word(u).lower() == "not"]
            verb, _not = parts
            if other_words and (nots or verb == "can" and any(w.lower() == "cannot" for w in other_words)) \
                    and any(w.lower() in (verb, "cannot") for w in other_words):
                written = "cannot" if not nots else f"{verb} not"
                out.append(Explained(LEXICAL, f"a contraction written out ({x.text} / {written})"))
                side.remove(x)
                for u in [u for u in other if _word(u) and _word(u).lower() in (verb, "not", "cannot")][:2]:
                    other.remove(u)
    # 4. an abbreviation and its expansion (U.N. = United Nations: letters with dots are one)
    for side, other, words, other_words in ((ra, rb, a_words, b_words), (rb, ra, b_words, a_words)):
        for letters, toks in dotted(words):
            mine = [u for u in side if _word(u) in toks or _word(u) and _word(u).upper() in toks]
            span = abbreviation(letters, other_words, False) if mine else None
            covered = [u for u in other if span and all(w in span for w in u.words)]
            if covered:
                out.append(Explained(LEXICAL, f"abbreviation: {' '.join(sorted(toks))} = {' '.join(span)}"))
                for u in mine:
                    side.remove(u)
                for u in covered:
                    other.remove(u)
    for side, other, words, other_words in ((ra, rb, a_words, b_words), (rb, ra, b_words, a_words)):
        compounds: set[str] = set()   # "Lt. Col." / "Lieutenant-Colonel": one compound, two abbreviations
        for x in list(side):
            wx = _word(x)
            if not wx or x not in side:
                continue
            k = words.index(wx) if wx in words else -1
            dot = 0 <= k < len(words) - 1 and words[k + 1] == "."
            span = abbreviation(wx, other_words, dot)
            if not span:
                continue
            if len(span) == 1 and "-" in span[0] and not parts_abbreviated(span[0], words):
                continue   # "Col." / "Lieutenant-Colonel": another rank, not its abbreviation
            covered = [u for u in other if all(w in span for w in u.words)]
            if not covered and not (len(span) == 1 and span[0] in compounds):
                continue
            if len(span) == 1 and "-" in span[0]:
                compounds.add(span[0])
            out.append(Explained(LEXICAL, f"abbreviation: {wx}{'.' if dot else ''} = {' '.join(span)}"))
            side.remove(x)
            for u in covered:
                other.remove(u)
    # 5. words run together or split (Peskovsaid / Peskov said, firstplace / first place)
    for side, other, other_words in ((ra, rb, b_words), (rb, ra, a_words)):
        long_ = [x for x in side if len(_word(x) or "") >= 4]
        fo = folded(other_words) if long_ and len(other_words) > 1 else None
        for x in long_ if fo else ():
            parts = run_together(_word(x), other_words, fo)
            if parts:
                out.append(Explained(ORTHOGRAPHIC, f"word division ({x.text} / {' '.join(parts)})"))
                side.remove(x)
                for u in [u for u in other if all(w in parts for w in u.words)]:
                    other.remove(u)
    # 6. a typo of a word the other reading has, a function word too (Teh/The)
    for side, other_words in ((ra, b_words), (rb, a_words)):
        for x in list(side):
            wx = _word(x)
            if not wx or x.hard or english.in_dictionary(wx):
                continue   # a word of the dictionary is no typo
            lx = wx.lower()
            near = [w for w in other_words if abs(len(w) - len(wx)) <= 2 and _alpha(w)
                    and OSA.distance(w.lower(), lx) <= 2 and english.in_dictionary(w)]
            if not near:
                continue
            for w in near:
                why = typo(wx, w)
                if why:
                    out.append(Explained(ORTHOGRAPHIC, why))
                    side.remove(x)
                    for u in (rb if side is ra else ra):
                        if _word(u) == w:
                            (rb if side is ra else ra).remove(u)
                            break
                    break
    # 7. multi-word expressions WordNet lists as synonyms (e.g./for example, at present/now)
    _phrases(ra, rb, a_words, b_words, out)
    # 8. word for word (among few units: a long rewritten passage is not a list of synonyms)
    if len(ra) * len(rb) > PAIR_LIMIT:
        return ra, rb, out
    for x in list(ra):
        wx = _word(x)
        if not wx or x.hard:
            continue
        for y in rb:
            wy = _word(y)
            if not wy or y.hard:
                continue
            for test, cat in _PAIR_TESTS:
                why = test(wx, wy)
                if why:
                    out.append(Explained(cat, why))
                    ra.remove(x)
                    rb.remove(y)
                    break
            else:
                continue
            break
    return ra, rb, out


#: the words that make an imperative a polite request, and the verbs that make a request of the
#: addressee (base forms): "Please send" / "I ask you to send", "Kindly instruct" / "I request instructions"
REQUEST_MARKERS = frozenset({"please", "kindly"})
REQUEST_VERBS = frozenset({"request", "ask", "beg"})


def _request(ra: list, rb: list) -> str | None:
    """One side's "please" (or "kindly") and the other's one verb of asking, both unexplained: the
    same request, and both are taken out; None (nothing taken) otherwise."""
    for side, other in ((ra, rb), (rb, ra)):
        marks = [u for u in side if _word(u) and _word(u).lower() in REQUEST_MARKERS]
        asks = [u for u in other if _word(u) and english.lemmas(_word(u).lower()) & REQUEST_VERBS] if len(marks) == 1 else ()
        if len(marks) == 1 and len(asks) == 1 and not any(
                _word(u) and english.lemmas(_word(u).lower()) & REQUEST_VERBS for u in side):
            side.remove(marks[0])
            other.remove(asks[0])
            return f"{marks[0].text} / {asks[0].text}" if side is ra else f"{asks[0].text} / {marks[0].text}"
    return None


#: readings longer than this (in tokens, both together) are not searched for multi-word expressions
PHRASE_TOKENS = 16


def _phrases(ra: list, rb: list, a_words: list[str], b_words: list[str], out: list) -> None:
    if not (ra or rb) or len(a_words) + len(b_words) > PHRASE_TOKENS or max(len(a_words), len(b_words)) < 2:
        return
    wn = wordnet()
    # WordNet's multi-word expressions, and "make" with an adjective (make sure / ensure)
    found_a = [(k, sp) for k, sp in spans(a_words) if wn.is_word(k) or len(sp) == 2 and made_adjective(k)]
    found_b = [(k, sp) for k, sp in spans(b_words) if wn.is_word(k) or len(sp) == 2 and made_adjective(k)]
    if not found_a and not found_b:
        return
    # each candidate with the unexplained units it covers, computed once
    cand_a = [(k, sp, [u for u in ra if all(w in sp for w in u.words)]) for k, sp in
              found_a + [(w.lower(), [w]) for w in a_words if w[:1].isalpha()]]
    cand_b = [(k, sp, [u for u in rb if all(w in sp for w in u.words)]) for k, sp in
              found_b + [(w.lower(), [w]) for w in b_words if w[:1].isalpha()]]
    for ka, sa, covered_a in cand_a:
        for kb, sb, covered_b in cand_b:
            if len(sa) == 1 and len(sb) == 1 or ka == kb or not (covered_a or covered_b):
                continue
            made = made_so(ka, kb) or made_so(kb, ka) if len(sa) == 1 or len(sb) == 1 else None
            source = "WordNet" if wn.synonyms(ka, kb) else "Moby thesaurus" if ("_" in ka or "_" in kb) and any(
                thesaurus.synonyms(x, y) for x in _phrasal(ka) for y in _phrasal(kb)) else None
            if not (source or made):
                continue
            out.append(Explained(LEXICAL, made or f"synonyms ({source}: {' '.join(sa)}/{' '.join(sb)})"))
            for u in covered_a:
                ra.remove(u)
            for u in covered_b:
                rb.remove(u)
            return


def _phrasal(key: str) -> set[str]:
    """A WordNet key as the thesaurus writes it, its first word in its base forms ("singling_out" ->
    "single out"); a single word is left to the thesaurus's own forms."""
    first, _, rest = key.partition("_")
    if not rest:
        return {key}
    return {f"{b} {rest.replace('_', ' ')}" for b in english.lemmas(first)}


_KNOWN_CACHE: dict = {}


def distinct_known(x: str, y: str) -> bool:
    """Whether ``x`` and ``y`` are two different known words or places (Marshal/Martial,
    Tomsk/Omsk, Kazan/Kazakh): not spellings of one word, whatever their distance."""
    key = (x.lower(), y.lower())
    r = _KNOWN_CACHE.get(key)
    if r is None:
        r = _KNOWN_CACHE[key] = _distinct_known(x, y)
    return r


def _distinct_known(x: str, y: str) -> bool:
    lx, ly = x.lower(), y.lower()
    if lx == ly or not (_alpha(x) and _alpha(y)):
        return False
    if places.same_place(x, y) or one_entity(x, y):
        return False
    px, py = places.is_place(x), places.is_place(y)
    if px and py:
        return True
    if lx in english.MODALS and ly in english.MODALS:
        return True   # would/could: two modals, not one spelt twice
    wn = wordnet()
    if wn.is_word(lx) and wn.is_word(ly):
        if english.lemmas(lx) & english.lemmas(ly) or spelling_variant(x, y):
            return False
        return True
    return False
