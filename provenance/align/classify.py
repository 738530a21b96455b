"""What a divergence means: category, flags, severity and the reason, from the two readings.

Categories, from the least to the most serious:

* ``accidental``: only case, punctuation, whitespace or hyphenation differ;
* ``editorial``: only the editorial layer differs (a gloss, a note, [sic], a supplied word);
* ``orthographic``: the same words spelt or transliterated differently (Tarbaghatai/Tarbaghatay);
* ``lexical``: other words with the same meaning, as two translators would choose
  (rebels/insurgents), per the lexicon, or a change of function words only;
* ``substantive``: the meaning changed; ``flags`` say how (entity, numeric, date, negation,
  clause, section).

Readings are compared as *units*: lexicon phrases (looked for with a few words of context, so a
phrase cut by the alignment is still seen) and content words by root (organization/organizing,
use/used). Units left without a counterpart (the ``residual``) say what changed; ``pairwise``
then looks for them in the other gaps of the same point (words moved) before calling the change
substantive.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress

from provenance.align.function_change import function_change
from provenance.align.explain import (
    LEXICAL, NEGATIONS, Explained, other_form, reading_values, reconcile, spelling_variant, typo,
    value_change, valueish)
from provenance.align.names import one_entity
from provenance.align.lexicon import phrase_key
from provenance.align.roots import PLURALS, _ending, roots, support_verb
from provenance.align.spelling import DIGIT, is_number, orthographic_pair, surface_difference
from provenance.align.tokenize import fold
from provenance.align.order import exchanged
from provenance.align.voice import get_passive, inverted_condition
from provenance.align.wording import (connective_words, date_words, emphasis_words, given_name_words, linking_word,
                                      measure_words, pronoun_words, said_otherwise, title_words, unit_words,
                                      clitic_words, frame_words, FRAME_WORDS)
from provenance.dates import MONTHS as _MONTH_NUMBERS
from provenance.knowledge.values import values
from provenance.vocab import RANK  # noqa: F401 (the categories' ranks, read through this module too)

#: the closed classes: articles, prepositions, conjunctions, pronouns (a pronoun contracted with its
#: verb too: you're, it's), auxiliaries; modal verbs are not among them: shall/may, must/might change
#: what a text requires
FUNCTION_WORDS = frozenset("""
a an the of to in on at for by with from and or as am is are was were be been being that this these per
those it its their them they which who whom whose there here also so such into than then up its ones
his her our your we he she i you do does did has have had
me him my mine hers ours yours theirs myself yourself himself herself itself ourselves yourselves themselves
hereby herewith
""".split()) | frozenset(w.replace("'", q) for w in """
i'm i've i'd i'll you're you've you'd you'll we're we've we'd we'll they're they've they'd they'll
he's he'd he'll she's she'd she'll it's it'd it'll that's there's who's who'd who'll what's where's here's
""".split() for q in "'’")

#: month names, less the two that are also common words
MONTHS = frozenset(_MONTH_NUMBERS) - {"may", "mar"}

SENTENCE_END = frozenset(".;:!?")
_ALNUM = re.compile(r"[\W_]+")
_BRACKETS = re.compile(r"[\[\]]")
#: a separator between groups of three digits
_DIGIT_GROUPS = re.compile(r"(?<=\d)[,\s\u00a0\u202f](?=\d{3}(?!\d))")
_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s?[.,:]\s?(?=\d)")
_MARKED_GROUPS = re.compile(r"(?<=\d)(?:\s?[.,]\s?|[\s\u00a0\u202f])(?=\d{3}(?!\d))")
#: the kinds of values that are dates and times (the others are numbers: n, pct, a currency)
_DATE_KINDS = frozenset({"d", "dm", "t", "y", "dec", "cent"})
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")


def _same_multiset(a: list, b: list) -> bool:
    """Whether two lists hold the same items as many times (in any order)."""
    return a == b or sorted(a) == sorted(b)


#: the signs for "number" before a figure: "N 2291", "No. 2291", "№ 2291", "Nº 2291"
_NUMBER_SIGNS = frozenset({"n", "no", "nos", "nr", "№", "n°", "nº", "#"})
_CLOCK = re.compile(r"^(\d{1,2})[:h](\d{2})$")   # not "19.45", a price or a decimal as well


def _clock_or_number_sign(a_words, b_words, a_ctx, b_ctx) -> str | None:
    """"1310" / "13:10": one time of day written two ways; "N" / "No." before the same figure: two
    signs for "number". The explanation, or None."""
    for x, y in ((a_words, b_words), (b_words, a_words)):
        m = _CLOCK.match("".join(y)) if len(x) == 1 and x[0].isdigit() and 3 <= len(x[0]) <= 4 else None
        if m and int(m.group(1)) < 24 \
                and int(m.group(2)) < 60 and int(x[0]) == 100 * int(m.group(1)) + int(m.group(2)):
            return f"the same time of day written another way ({x[0]} / {''.join(y)})"
    signs = all(w == "." or w.lower() in _NUMBER_SIGNS for w in a_words) and all(
        w == "." or w.lower() in _NUMBER_SIGNS for w in b_words)   # most readings fail at their first word
    wa, wb = ([w.lower() for w in ws if w != "."] for ws in (a_words, b_words)) if signs else ([], [])
    if wa and wb and wa != wb:
        after_a = (a_ctx() if callable(a_ctx) else a_ctx)[1][:1]
        after_b = (b_ctx() if callable(b_ctx) else b_ctx)[1][:1]
        if after_a and after_b and after_a[0][:1].isdigit() and after_b[0][:1].isdigit():
            shown = [" ".join(w).replace(" .", ".") for w in (a_words, b_words)]
            return f"another sign for \"number\" ({shown[0]} / {shown[1]})"
    return None


def _bare(words) -> str:
    return _ALNUM.sub("", "".join(fold(w) for w in words))


def _other_value(a_words, b_words) -> bool:
    """Whether readings that differ only in punctuation state other numbers (2.5 mg / 25 mg)."""
    if not any(DIGIT.search(w) for w in a_words) and not any(DIGIT.search(w) for w in b_words):
        return False
    return value_change(values(tuple(a_words)), values(tuple(b_words)))[0]


def _negation(w: str) -> bool:
    """A negation word, or a verb contracted with "not" (won't, didn't)."""
    lw = w.lower()
    return lw in NEGATIONS or len(lw) > 3 and lw.replace("’", "'").endswith("n't")


def _clitic(words, k: int) -> bool:
    """Whether ``words[k]`` is a possessive "s" written apart from its word (the company ' s)."""
    return words[k] in ("s", "S") and k > 0 and words[k - 1] in ("'", "’")


def _no_clitic(words) -> list[str]:
    """The words without a possessive "s" written apart."""
    if "s" not in words and "S" not in words:
        return words
    return [w for k, w in enumerate(words) if not _clitic(words, k)]


def content_words(words) -> list[str]:
    return [w for w in words if any(c.isalnum() for c in w)]


def is_date_word(w: str) -> bool:
    lw = w.lower().rstrip(".")
    return lw in MONTHS or bool(_YEAR.match(w))


def _entities(words: list[str], initial: bool, lexicon) -> list[str]:
    """Words naming people, places or groups: capitalized (not sentence-initial) or group words."""
    out = []
    prev_end = initial
    for w in words:
        if not any(c.isalnum() for c in w):
            prev_end = w in SENTENCE_END or w == ")"
            continue
        lw = w.lower()
        cap = w[:1].isupper() and lw not in FUNCTION_WORDS and not is_date_word(w)
        if (cap and not prev_end) or (lexicon is not None and lexicon.is_group(w)) or (w.isupper() and len(w) > 1):
            out.append(lw)
        prev_end = False
    return out


def _equivalent_words(la: list[str], lb: list[str], lexicon) -> set[str]:
    """Words of lexicon phrases found on both sides as equivalents (enlisted men / officers and men)."""
    if lexicon is None:
        return set()
    out: set[str] = set()
    phrases_a = _phrases(la, lexicon)
    phrases_b = _phrases(lb, lexicon) if phrases_a else ()
    # each side's phrases against the union of the other's sets (one pass, not every pair)
    unions = [frozenset().union(*(sets for sets, _w in ps)) for ps in (phrases_b, phrases_a)]
    for phrases, other in zip((phrases_a, phrases_b), unions):
        out.update(w for sets, words in phrases if sets & other for w in words)
    return out


def _phrases(words: list[str], lexicon) -> list[tuple[frozenset, list[str]]]:
    keys = phrase_key(words)
    out = []
    i = 0
    starts = lexicon.starts
    while i < len(keys):
        if keys[i] not in starts:   # no phrase begins with this word
            i += 1
            continue
        for L in range(min(lexicon.max_len, len(keys) - i), 0, -1):
            sets = lexicon.phrases.get(keys[i:i + L])
            if sets:
                out.append((frozenset(sets), words[i:i + L]))
                i += L
                break
        else:
            i += 1
    return out


class Unit:
    """A content word of a reading, or a lexicon phrase it belongs to, with what it means."""

    __slots__ = ("words", "keys", "hard", "light")

    def __init__(self, words: list[str], keys: frozenset | set, hard: bool, light: bool = False):
        self.words = words
        self.keys = keys
        self.hard = hard     # a number, a date or a negation: never explained away
        self.light = light   # a phrase of function words only (to = in order to): matches, never residual

    @property
    def text(self) -> str:
        return " ".join(self.words)


def units(words: list[str], lexicon=None, before: list[str] = (), after: list[str] = ()) -> list[Unit]:
    """The content of a reading as units: lexicon phrases (found with the words around the reading,
    so that "taking into | account" is seen) and the remaining content words, by root."""
    seq = list(before) + list(words) + list(after)
    lo, hi = len(before), len(before) + len(words)
    covered: dict[int, Unit] = {}
    out: list[Unit] = []
    if lexicon is not None and seq:
        keys = phrase_key(seq)
        n = len(keys)
        nxt = 0   # the words before it are taken by a phrase found
        # the places where a phrase may begin: the first word of one, within the reading or before
        for i in compress(range(min(n, hi)), map(lexicon.starts.__contains__, keys)):
            if i < nxt:
                continue
            for L in range(min(lexicon.max_len, n - i), 0, -1):
                sets = lexicon.phrases.get(keys[i:i + L])
                if sets:
                    if i < hi and i + L > lo:
                        inside = [seq[k] for k in range(max(i, lo), min(i + L, hi))]
                        light = not any(any(c.isalnum() for c in w) and fold(w) not in FUNCTION_WORDS
                                        for w in inside)
                        if not light or i >= lo and i + L <= hi:
                            ukeys = {("L", g) for g in sets}
                            if len(inside) == 1:
                                ukeys |= {("R", r) for r in roots(inside[0], lexicon)}
                            u = Unit(inside, ukeys, False, light)
                            out.append(u)
                            for k in range(max(i, lo), min(i + L, hi)):
                                covered[k] = u
                    nxt = i + L
                    break
    cache = lexicon.roots_cache if lexicon is not None else {}
    for k in range(lo, hi):
        if k in covered:
            continue
        w = seq[k]
        info = cache.get(("unit", w))
        if _clitic(seq, k):
            continue   # the possessive "'s" written apart (the company ' s): grammar, not content
        if info is None:
            if not any(c.isalnum() for c in w) or fold(w) in FUNCTION_WORDS:
                info = ()
            else:
                info = (frozenset(("R", r) for r in roots(w, lexicon)),
                        is_number(w) or is_date_word(w) or w.lower() in NEGATIONS)
            cache[("unit", w)] = info
        if info:
            out.append(Unit([w], info[0], info[1]))
    return out


def same_unit(x: Unit, y: Unit, lexicon=None, strict=False, known_apart=True) -> bool:
    """Whether two units say the same: a shared lexicon set, the same root, or a spelling variant.
    With ``strict``, a change of grammatical number (variety/varieties) is not the same; without
    ``known_apart``, two real words spelt alike count as one (for words found in another place of
    the same point, where a chance near-spelling is unlikely: held/help)."""
    shared = x.keys & y.keys
    if shared:
        if strict and not any(k[0] == "L" for k in shared) and fold(x.words[0]) != fold(y.words[0]) \
                and (_ending(x.words[0]) in PLURALS) != (_ending(y.words[0]) in PLURALS):
            return False
        return True
    if not maybe_spelling(x, y):
        return False
    return orthographic_pair(x.words[0], y.words[0], lexicon, known_apart)


def _phrase_nearby(rest: list[Unit], other_words, other_ctx, lexicon) -> list[Unit]:
    """Lexicon phrases cut by the alignment ("at the present | time" / "at present"): a unit of a
    phrase is explained when the other reading, or a phrase that begins or ends right at it,
    belongs to the same set (a phrase further away is a move, which ``pairwise`` finds)."""
    if lexicon is None or not any(k[0] == "L" for u in rest for k in u.keys):
        return rest

    window = list(other_ctx[0]) + list(other_words) + list(other_ctx[1])
    lo, hi = len(other_ctx[0]), len(other_ctx[0]) + len(other_words)
    while lo > 0 and fold(window[lo - 1]) in FUNCTION_WORDS:
        lo -= 1   # "During the | year" / "During the course of the year": a phrase function words apart
    while hi < len(window) and fold(window[hi]) in FUNCTION_WORDS:
        hi += 1
    keys = phrase_key(window)
    near: set = set()
    for i in range(len(keys)):
        if keys[i] not in lexicon.starts:
            continue
        for L in range(min(lexicon.max_len, len(keys) - i), 0, -1):
            sets = lexicon.phrases.get(keys[i:i + L])
            if sets:
                if i <= hi and i + L >= lo:
                    near.update(("L", g) for g in sets)
                break
    return [u for u in rest if not any(k in near for k in u.keys if k[0] == "L")]


def match_units(ua: list[Unit], ub: list[Unit], lexicon=None, strict=False) -> tuple[list[Unit], list[Unit]]:
    """The units of each side left without a counterpart on the other side: first by shared
    keys (lexicon sets, roots), in reading order, then by spelling among what is left."""
    index: dict = {}
    for j, y in enumerate(ub):
        for k in y.keys:
            index.setdefault(k, []).append(j)
    used = [False] * len(ub)
    rest_a = []
    for x in ua:
        hit = None
        for j in sorted({j for k in x.keys for j in index.get(k, ())}):
            if not used[j] and same_unit(x, ub[j], lexicon, strict):
                hit = j
                break
        if hit is None:
            rest_a.append(x)
        else:
            used[hit] = True
    left_b = [y for j, y in enumerate(ub) if not used[j]]
    if rest_a and left_b and len(rest_a) * len(left_b) <= SPELLING_PAIRS:
        still = []
        for x in rest_a:
            for k, y in enumerate(left_b):
                if maybe_spelling(x, y) and orthographic_pair(x.words[0], y.words[0], lexicon):
                    del left_b[k]
                    break
            else:
                still.append(x)
        rest_a = still
    return rest_a, left_b


#: spelling variants are looked for among at most this many pairs of unmatched units
SPELLING_PAIRS = 100
#: readings whose numbers of content words differ by more than this are not compared unit by unit
UNITS_MAX_GAP = 12


def maybe_spelling(x: Unit, y: Unit) -> bool:
    """A cheap test before ``orthographic_pair``: two single words of close lengths."""
    if x.hard or y.hard or len(x.words) != 1 or len(y.words) != 1:
        return False
    a, b = x.words[0], y.words[0]
    return abs(len(a) - len(b)) <= 3 and len(a) >= 4 and len(b) >= 4


def classify(a_words: list[str], b_words: list[str], lexicon=None, *, a_initial=False, b_initial=False,
             editorial_differs=False, section=False, a_ctx=((), ()), b_ctx=((), ()), value_ctx=None) -> dict:
    """Category, flags, severity and reason for the readings ``a_words`` -> ``b_words`` (original forms).

    ``a_ctx``/``b_ctx``: the words (before, after) each reading, or a function returning them;
    ``value_ctx``: a function returning wider ones for both, where values are read."""
    flags: list[str] = []
    if a_words == b_words:
        if editorial_differs:
            return _result("editorial", [], "only the editorial layer (gloss, note, [sic], supplied word) differs")
        return _result("accidental", [], "whitespace only")
    same_bare = _bare(a_words) == _bare(b_words)
    told = _clock_or_number_sign(a_words, b_words, a_ctx, b_ctx)
    if told:
        return _result("lexical", [], told)
    if same_bare and any(DIGIT.search(w) for w in a_words) and _MARKED_GROUPS.sub("|", " ".join(a_words)) \
            == _MARKED_GROUPS.sub("|", " ".join(b_words)):
        # 30.000 / 30,000 / 30 000: the digits grouped at the same places with another mark
        return _result("lexical", [], f"the same number written another way ({' '.join(a_words)} / "
                       f"{' '.join(b_words)})")
    if same_bare and not _other_value(a_words, b_words):
        ja, jb = " ".join(a_words), " ".join(b_words)
        if ja != jb and _DIGIT_GROUPS.sub("", ja) == _DIGIT_GROUPS.sub("", jb):
            # 1,248 / 1248, 15,000 / 15 000: the same number with its digits grouped another way
            return _result("lexical", [], f"the same number written another way ({ja} / {jb})")
        if ja != jb and _BETWEEN_DIGITS.sub("", ja) == _BETWEEN_DIGITS.sub("", jb):
            # 9.30 / 9:30, 3,5 / 3.5: the same time or number (the values agree) with another mark
            return _result("lexical", [], f"the same value written another way ({ja} / {jb})")
        if "[" in ja + jb and _BRACKETS.sub("", ja) == _BRACKETS.sub("", jb):
            # a letter the editor supplied inside a word ([L]apteva / Lapteva): the editorial layer
            return _result("editorial", [], f"only the editor's brackets differ ({ja} / {jb})")
        return _result(*surface_difference(ja, jb, a_words, b_words))
    ca, cb = content_words(_no_clitic(a_words)), content_words(_no_clitic(b_words))
    if not ca and not cb:   # only punctuation and a possessive written apart
        return _result("lexical", [], "only a possessive ending differs")
    if ca and cb and len(ca) == len(cb):
        pairs = [(x, y) for x, y in zip(ca, cb) if fold(x) != fold(y)]
        if pairs and all(orthographic_pair(x, y, lexicon) for x, y in pairs) \
                and not any(other_form(x, y) for x, y in pairs):   # dreamed/dreamt: forms, not spellings
            why = [typo(x, y) or spelling_variant(x, y) for x, y in pairs[:3]]
            if all(why):
                return _result("orthographic", [], "; ".join(dict.fromkeys(why)))
            shown = ", ".join(f"{x}/{y}" for x, y in pairs[:3])
            return _result("orthographic", [], f"spelling or transliteration variant of the same word ({shown})")
    la = [fold(w) for w in ca]
    lb = [fold(w) for w in cb]
    if lexicon is not None and ca and cb and lexicon.equivalent(la, lb):
        told = lexicon.origins(lexicon.equivalent_sets(la, lb))
        return _result("lexical", [], ("the same per " + " and ".join(told) if told else
                                       "translation equivalents per the lexicon") + ": "
                       f"\"{' '.join(ca)}\" / \"{' '.join(cb)}\"")
    # what changed, word by word (multiset difference of the content words)
    cnt_a, cnt_b = Counter(la), Counter(lb)
    gone = cnt_a - cnt_b
    new = cnt_b - cnt_a
    changed = list(gone.elements()) + list(new.elements())
    if lexicon is not None and gone and new:
        # pairs of changed words that are lexicon equivalents or spellings do not count
        g_list, n_list = list(gone.elements()), list(new.elements())
        if len(g_list) == len(n_list) and lexicon.equivalent(g_list, n_list):
            return _result("lexical", [], "translation equivalents per the lexicon, in another word order")
    if changed and all(w in FUNCTION_WORDS for w in changed) and [w for w in la if w not in FUNCTION_WORDS] \
            == [w for w in lb if w not in FUNCTION_WORDS]:   # the content words in another order: who does what?
        if why := function_change(gone, new, a_words, b_words, a_ctx, b_ctx):   # and / or; to be sent / sent
            return _result("substantive", [], "meaning changed: " + why, 0.5)
        return _result("lexical", [], "only function words differ (" + ", ".join(sorted(set(changed))[:4]) + ")")
    # the same content in other words, forms or order: lexicon phrases (seen with the words around
    # the readings), roots (organization/organizing), spellings
    na = sum(1 for w in la if w not in FUNCTION_WORDS)
    nb = sum(1 for w in lb if w not in FUNCTION_WORDS)
    if section or abs(na - nb) > UNITS_MAX_GAP:
        # far too unequal to say the same thing: a clause or a passage added or dropped
        ua, ub = [], []
        rest_a = [Unit([w], frozenset(), False) for w in gone.elements() if w not in FUNCTION_WORDS]
        rest_b = [Unit([w], frozenset(), False) for w in new.elements() if w not in FUNCTION_WORDS]
    else:
        ctx_a, ctx_b = (c() if callable(c) else c for c in (a_ctx, b_ctx))
        ua = units(a_words, lexicon, *ctx_a)
        ub = units(b_words, lexicon, *ctx_b)
        strict = len(ua) == 1 and len(ub) == 1
        rest_a, rest_b = match_units(ua, ub, lexicon, strict)
        rest_a = _phrase_nearby([u for u in rest_a if not u.light], b_words, ctx_b, lexicon)
        rest_b = _phrase_nearby([u for u in rest_b if not u.light], a_words, ctx_a, lexicon)
    if section or abs(na - nb) > UNITS_MAX_GAP:
        value_kinds = set()
        if Counter(w for w in la if is_number(w)) != Counter(w for w in lb if is_number(w)):
            value_kinds.add("n")
        if Counter(w for w in la if is_date_word(w)) != Counter(w for w in lb if is_date_word(w)):
            value_kinds.add("y")
        value_changed = bool(value_kinds)
    else:
        if any(valueish(w) for w in a_words) or any(valueish(w) for w in b_words):
            vctx_a, vctx_b = value_ctx() if value_ctx is not None else (ctx_a, ctx_b)
            values_a, values_b = reading_values(vctx_a, a_words), reading_values(vctx_b, b_words)
        else:   # readings without a number, date or time word change no value
            values_a = values_b = Counter()
        value_changed, value_kinds = value_change(values_a, values_b)
        known: list = []
        if rest_a or rest_b:
            rest_a, rest_b, known = reconcile(rest_a, rest_b, a_words, b_words, values_a, values_b)
        if rest_a or rest_b:
            rest_a, gone_a = emphasis_words(rest_a, a_words, ctx_a[0], _negation)
            rest_b, gone_b = emphasis_words(rest_b, b_words, ctx_b[0], _negation)
            rest_a, link_a = connective_words(rest_a, a_words, ctx_a[0], ctx_a[1][:1])
            rest_b, link_b = connective_words(rest_b, b_words, ctx_b[0], ctx_b[1][:1])
            rest_a, title_a = title_words(rest_a, a_words, ctx_a[1], rest_b)
            rest_b, title_b = title_words(rest_b, b_words, ctx_b[1], rest_a)
            rest_a, rest_b, pron = pronoun_words(rest_a, rest_b, a_words, b_words, ctx_a, ctx_b)
            rest_a, given_a = given_name_words(rest_a, a_words, ctx_a, b_words, ctx_b, rest_b)
            rest_b, given_b = given_name_words(rest_b, b_words, ctx_b, a_words, ctx_a, rest_a)
            rest_a, rest_b, plain = said_otherwise(rest_a, rest_b, a_words, b_words, ctx_a, ctx_b, _negation)
            rest_a, dated_a = date_words(rest_a, a_words, ctx_a[1], is_date_word)
            rest_b, dated_b = date_words(rest_b, b_words, ctx_b[1], is_date_word)
            rest_a, sized_a = measure_words(rest_a, a_words, ctx_a[1], is_number) if not value_changed else (rest_a, [])
            rest_b, sized_b = measure_words(rest_b, b_words, ctx_b[1], is_number) if not value_changed else (rest_b, [])
            plain = plain + dated_a + dated_b + sized_a + sized_b   # "dated 5 March" / "of 5 March"; "a distance of"
            rest_a, rest_b, unit = unit_words(rest_a, rest_b, a_words, b_words, ctx_a, ctx_b, is_number) \
                if not value_changed else (rest_a, rest_b, [])
            rest_a, rest_b, linking = linking_word(rest_a, rest_b, a_words, b_words, ctx_a[0], ctx_b[0])
            rest_a, rest_b, clitic = clitic_words(rest_a, rest_b, a_words, b_words)
            rest_a, rest_b, voiced = get_passive(rest_a, rest_b, a_words, b_words, ctx_a[1], ctx_b[1])
            rest_a, rest_b, inverted = inverted_condition(rest_a, rest_b, a_words, b_words, ctx_a, ctx_b)
            framed = []
            if any(w.lower() in FRAME_WORDS for u in rest_a + rest_b for w in u.words):   # wider words: a frame's
                wide = value_ctx() if value_ctx is not None else (ctx_a, ctx_b)
                rest_a, rest_b, framed = frame_words(rest_a, rest_b, a_words, b_words, *wide)
            for said, found in (("only emphasis differs", gone_a + gone_b), ("only a connective differs", link_a + link_b),
                                ("a passive made with get", voiced), ("a condition opened by its verb", inverted),
                                ("only a title before a name differs", title_a + title_b), ("only a linking word differs", linking),
                                ("a pronoun for the noun phrase", pron), ("a given name beside the surname", given_a + given_b),
                                ("words the sentence says already", plain), ("one unit written two ways", unit),
                                ("a contraction written out", clitic), ("a frame that adds nothing", framed)):
                if found:
                    known.append(Explained(LEXICAL, f"{said} ({', '.join(found)})"))
        swap = exchanged(ua, ub, lambda x, y: same_unit(x, y, lexicon), a_words, b_words) \
            if not rest_a and not rest_b else None
        if swap:
            return _result("substantive", [], f"meaning changed: words exchanged places ({swap[0].text} / "
                           f"{swap[1].text}): who does what changed", 0.55, residual=([], []), units_=(ua, ub))
        if (ua or ub) and not rest_a and not rest_b:
            if known:
                cat = "orthographic" if all(k.category == "orthographic" for k in known) else "lexical"
                return _result(cat, [], "; ".join(dict.fromkeys(k.reason for k in known)),
                               residual=([], []), units_=(ua, ub))
            told = lexicon.origins({k for u in ua for k in u.keys} & {k for u in ub for k in u.keys}) \
                if lexicon is not None else []
            if told:
                return _result("lexical", [], "the same per " + " and ".join(told) + ": "
                               f"\"{' '.join(ca)}\" / \"{' '.join(cb)}\"", residual=([], []), units_=(ua, ub))
            return _result("lexical", [], "the same content in other words, forms or order (per the lexicon and "
                           "word roots): "
                           f"\"{' '.join(ca)}\" / \"{' '.join(cb)}\"", residual=([], []), units_=(ua, ub))
    if not section and (rest_a or rest_b) and all(all(support_verb(w) for w in u.words) for u in rest_a + rest_b):
        return _result("lexical", [], "only a support verb differs ("
                       + ", ".join(u.text for u in rest_a + rest_b) + ")", residual=([], []), units_=(ua, ub))
    if value_changed and value_kinds - _DATE_KINDS:   # numbers, shares, sums of money
        flags.append("numeric")
    if value_changed and value_kinds & {"d", "dm", "t", "y"} or not value_kinds and \
            not _same_multiset([w for w in la if is_date_word(w) and not _YEAR.match(w)],
                               [w for w in lb if is_date_word(w) and not _YEAR.match(w)]):
        flags.append("date")
    neg_a = sum(1 for u in rest_a for w in u.words if _negation(w))
    neg_b = sum(1 for u in rest_b for w in u.words if _negation(w))
    if neg_a != neg_b:
        flags.append("negation")
    same = _equivalent_words(la, lb, lexicon)
    left = {id(u) for u in rest_a} | {id(u) for u in rest_b}
    unexplained = {fold(x) for u in rest_a + rest_b for x in u.words}
    same = set(same) | {fold(w) for u in ua + ub if id(u) not in left for w in u.words} - unexplained
    ea = [w for w in _entities(a_words, a_initial, lexicon) if w not in same]
    eb = [w for w in _entities(b_words, b_initial, lexicon) if w not in same]
    if ea or eb:
        ents_a, ents_b = Counter(ea), Counter(eb)
        e_gone = list((ents_a - ents_b).elements())
        e_new = list((ents_b - ents_a).elements())
    else:
        e_gone, e_new = [], []
    if lexicon is not None:
        # a group named with an equivalent word (rebels/insurgents) is the same group
        for x in list(e_gone):
            for y in e_new:
                if orthographic_pair(x.capitalize(), y.capitalize(), lexicon) or lexicon.equivalent([x], [y]) or one_entity(x, y):
                    e_gone.remove(x)
                    e_new.remove(y)
                    break
    ent_changed = len(e_gone) + len(e_new)
    if ent_changed:
        flags.append("entity")
    n_changed = len([w for w in changed if w not in FUNCTION_WORDS])
    if (not ca or not cb) and n_changed >= 4 or n_changed >= 8:
        flags.append("clause")
    if section:
        flags.append("section")
        # a whole passage in one witness only: weighed by its length, not by what it mentions
        sev = 0.55 + 0.35 * min(1.0, n_changed / 300)
        reasons_s = f"a whole passage ({n_changed} content words) present in one witness only"
        return _result("substantive", flags, "meaning changed: " + reasons_s, sev, residual=(rest_a, rest_b),
                       units_=(ua, ub))
    sev = 0.45
    if "entity" in flags:
        sev += min(0.25, 0.15 + 0.05 * (ent_changed - 1))
    if "numeric" in flags:
        sev += 0.25
    if "date" in flags:
        sev += 0.2
    if "negation" in flags:
        sev += 0.3
    if "clause" in flags:
        sev += 0.05
    sev += min(0.1, 0.01 * n_changed)
    reasons = {"entity": "other people, places or groups", "numeric": "other numbers", "date": "other dates",
               "negation": "a negation added or removed", "clause": "a clause added, dropped or rewritten",
               "section": "a whole passage present in one witness only"}
    why = "; ".join(reasons[f] for f in flags) or "other words with another meaning"
    shown = [u.text for u in rest_a][:4], [u.text for u in rest_b][:4]
    if (shown[0] or shown[1]) and not ("clause" in flags and n_changed >= 12):
        why += " (" + (", ".join(shown[0]) or "-") + " / " + (", ".join(shown[1]) or "-") + ")"
    return _result("substantive", flags, "meaning changed: " + why, min(1.0, sev), residual=(rest_a, rest_b),
                   units_=(ua, ub))


BASE_SEVERITY = {"accidental": 0.05, "editorial": 0.1, "orthographic": 0.15, "lexical": 0.25}


def _result(category, flags, reason, severity=None, residual=None, units_=None) -> dict:
    if severity is None:
        severity = BASE_SEVERITY[category]
        if category == "lexical" and reason.startswith(("only function", "only a support")):
            severity = 0.15
    out = {"category": category, "flags": sorted(set(flags)), "severity": round(severity, 3), "reason": reason}
    if residual is not None:
        out["residual"] = residual   # units without a counterpart (internal; not in the JSON)
    if units_ is not None:
        out["units"] = units_        # all units of each reading (internal)
    return out


def classify_editorial(a_content: str, b_content: str) -> dict:
    """A difference in the editorial layer only (at a place where the texts agree)."""
    if not a_content or not b_content:
        which = "added" if not a_content else "dropped"
        res = _result("editorial", [], f"editorial mark {which}: [{a_content or b_content}]")
    else:
        res = _result("editorial", [], "the editorial mark differs: "
                      f"[{a_content}] / [{b_content}]")
    return res


def most_severe(results: list[dict]) -> dict:
    best = max(results, key=lambda r: (RANK[r["category"]], r["severity"]))
    flags = sorted({f for r in results for f in r["flags"]})
    return {**best, "flags": flags, "severity": max(r["severity"] for r in results)}
