"""Whether two words are one word spelt twice: a spelling, a transliteration or a typing slip,
not another form of the word (regions/region) nor two known words (Marshal/Martial)."""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.fuzz import ratio

from provenance.align.explain import distinct_known
from provenance.align.names import initialisms_apart
from provenance.align.tokenize import fold
from provenance.knowledge.values import is_number_word

#: endings that make another form of a word, not another spelling
INFLECTIONS = ("s", "es", "ed", "d", "ing", "ly", "er", "est", "al")
DIGIT = re.compile(r"\d")


def is_number(w: str) -> bool:
    return DIGIT.search(w) is not None or is_number_word(w)


#: an apostrophe between two letters that is a romanization's mark (P'yongyang, T'a-ch'eng, Sel'khoz),
#: not a possessive's or a contraction's (children's, don't, we'll)
_IN_WORD_MARK = re.compile(r"(?<=[^\W\d_])['’ʼ](?!(?:s|t|ll|d|re|ve|m)\b)(?=[^\W\d_])", re.I)
_NOT_LETTERS = re.compile(r"[\W_]+")


def surface_difference(ja: str, jb: str, a_words, b_words) -> tuple[str, list, str]:
    """(category, flags, reason) of two readings whose letters and digits are the same once folded:
    diacritics, or a romanization's apostrophe, are another spelling (P'yŏngyang / Pyongyang);
    punctuation, hyphens, word division and case are accidental."""
    la, lb = ja.lower(), jb.lower()
    if _NOT_LETTERS.sub("", la) != _NOT_LETTERS.sub("", lb):
        only = fold(ja).replace(" ", "") == fold(jb).replace(" ", "")
        return "orthographic", [], f"differs {'only ' if only else ''}in diacritics ({ja} / {jb})"
    if len(_IN_WORD_MARK.findall(ja)) != len(_IN_WORD_MARK.findall(jb)):
        return "orthographic", [], f"differs in a romanization's apostrophe ({ja} / {jb})"
    what = []
    if la != lb and fold(ja).replace(" ", "") != fold(jb).replace(" ", ""):
        what.append("punctuation or hyphenation")
    elif la != lb:
        what.append("word division")
    if la == lb or any(x != y and x.lower() == y.lower() for x, y in zip(a_words, b_words)):
        what.append("case")
    return "accidental", [], "differs only in " + (", ".join(what) or "punctuation")


def orthographic_pair(x: str, y: str, lexicon, known_apart: bool = True) -> bool:
    """Whether two words are spellings or transliterations of the same word. With
    ``known_apart``, two known words or places (Marshal/Martial) never are."""
    fx, fy = fold(x).replace("-", ""), fold(y).replace("-", "")
    if fx == fy:
        return True
    if is_number(x) or is_number(y):
        return False
    px, py = fold(x).split("-"), fold(y).split("-")
    if len(px) == len(py) > 1 and any(a == b for a, b in zip(px, py)) \
            and any(ratio(a, b) < 60 for a, b in zip(px, py)):
        return False   # Tsagaan-Nuur / Tsagaan-Uul: one part kept, another part another word
    if initialisms_apart(x, y):
        return False   # ASSR / DASSR, SSR / ASSR: an initialism with a letter more names another thing
    if x[:1].isupper() and y[:1].isupper() and (_syllable_inserted(fx, fy) or _consonant_changed(fx, fy)):
        return False   # Vasilev / Vasilchev, Felton / Fenton: another surname
    if _spelt_alike(fx, fy, lexicon):
        # two real words or two places (Marshal/Martial, Tomsk/Omsk) are not one word spelt twice
        return not (known_apart and distinct_known(x, y))
    return False


def _spelt_alike(fx: str, fy: str, lexicon) -> bool:
    """Whether two folded words are close enough in spelling to be one word spelt twice."""
    if lexicon is not None and fx.isalpha() and fy.isalpha():
        if lexicon.transliterate(fx) == lexicon.transliterate(fy):
            return True
    short, long_ = (fx, fy) if len(fx) <= len(fy) else (fy, fx)
    if len(short) < 4:
        return False
    if long_.startswith(short) and long_[len(short):] in INFLECTIONS:
        return False  # another form of the word, not a spelling
    if short[:-1] and long_.startswith(short[:-1]) and long_[len(short) - 1:] in INFLECTIONS and short[-1] in "eyd":
        return False
    dist = Levenshtein.distance(fx, fy)
    if min(dist, OSA.distance(fx, fy)) <= 1 and len(short) >= 4:   # one letter, or two swapped
        return True
    return dist <= 2 and len(short) >= 7 and ratio(fx, fy) >= 85


#: the keys of a typewriter or keyboard, row by row (each row set off half a key from the one above)
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {c: (r, k + r / 2) for r, row in enumerate(_ROWS) for k, c in enumerate(row)}
#: consonants that romanizations and spellings of one name write for each other: voiced and
#: voiceless, and the letters of one sound (c/k, s/z, v/w/f, j/g/y, m/n)
_ONE_SOUND = {frozenset(p) for p in ("dt", "bp", "gk", "vf", "zs", "ck", "kq", "cs", "cz", "gq", "vw", "fw", "jg", "jy", "jz",
                                     "mn", "xs", "xk", "hk", "hg")}


def _consonant_changed(fx: str, fy: str) -> bool:
    """Whether two names of equal length differ in one consonant for another that neither a slip of
    the neighbouring key nor a romanization of one sound explains (Felton / Fenton, Sood / Sook,
    Liddell / Lindell): two names. A vowel changed (Tashkent / Toshkent) may be a spelling."""
    if len(fx) != len(fy) or len(fx) < 4 or not fx.isalpha() or not fy.isalpha():
        return False
    diff = [(a, b) for a, b in zip(fx, fy) if a != b]
    if len(diff) != 1:
        return False
    a, b = diff[0]
    if a in "aeiouy" or b in "aeiouy" or a not in _KEY_AT or b not in _KEY_AT or frozenset((a, b)) in _ONE_SOUND:
        return False
    (ra, ca), (rb, cb) = _KEY_AT[a], _KEY_AT[b]
    return abs(ra - rb) + abs(ca - cb) > 1.5   # not a key next to the other


def _syllable_inserted(fx: str, fy: str) -> bool:
    """Whether one word is the other with two letters more, side by side, one of them a consonant
    and not one letter doubled (vasilev / vasilchev): a syllable more, not a spelling."""
    short, long_ = (fx, fy) if len(fx) < len(fy) else (fy, fx)
    if len(long_) - len(short) != 2 or len(short) < 4:
        return False
    return any(long_[:k] + long_[k + 2:] == short and any(c not in "aeiouy" for c in long_[k:k + 2])
               and long_[k] != long_[k + 1] for k in range(1, len(short)))


#: letters and groups that romanizations of one sound write apart (Russian, Mongolian, Chinese and
#: Persian names in English): dzh/j, zh/j, kh/k/h, ts/c, v/b, g/k, y/i, hs/x/s, and doubled letters
_ROMAN_KEY = ((re.compile(r"dzh|dj|zh|j"), "z"), (re.compile(r"dz"), "z"), (re.compile(r"kh|gh|q|g"), "k"),
              (re.compile(r"tch|ch|tsz|ts|tz|c"), "c"), (re.compile(r"sch|sh|hs|x"), "s"), (re.compile(r"ph"), "f"),
              (re.compile(r"[wb]"), "v"), (re.compile(r"y"), "i"), (re.compile(r"(.)\1+"), r"\1"))


#: letters romanizations of one name add, drop or write for one another
_SOFT_LETTERS = frozenset("aeiouh")
_ALTERNATING = ({"c", "k"}, {"s", "z"}, {"k", "z"})   # Urumchi / Urumqi; Sinkiang / Xinjiang (k for j)


def roman_key(word: str) -> str:
    """A key that two romanizations of one name share (Zavkhan / Dzabkhan, Khovd / Kobdo, Ch'ang-sok /
    Chan Sok)."""
    k = fold(word).lower().replace("-", "").replace("'", "").replace("’", "").replace("ʼ", "").replace(" ", "")
    for pat, rep in _ROMAN_KEY:
        k = pat.sub(rep, k)
    return k


def romanized_alike(x: str, y: str) -> bool:
    """Whether two words, neither a number, may be one name or word of another language in two
    romanizations: their keys begin alike and are the same, or one letter apart in keys of four
    letters or more (a vowel, an h, the g of ng, or consonants romanizations write for one another;
    not Malinin / Malygin), or a short key is the other and a final vowel (Uvs / Ubsa); never two
    words or places known apart."""
    if x.lower() == y.lower() or is_number(x) or is_number(y):
        return False
    kx, ky = roman_key(x), roman_key(y)
    if not kx.isalpha() or not ky.isalpha():
        return False
    if kx[0] != ky[0] or distinct_known(x, y):
        return False   # Tomsk / Omsk, Kazan / Kazakh: two places
    if kx == ky:
        return True
    short, long_ = sorted((kx, ky), key=len)
    if long_[:-1] == short and long_[-1] in "aeiou":
        return len(short) <= 4   # Uvs / Ubsa; not Ivanov / Ivanova, a woman of the family
    if len(short) < 4 or Levenshtein.distance(kx, ky) > 1:
        return False
    # the letter apart is a vowel or an h, a g after n (Ch'ang-sok / Chan Sok), or two consonants
    # romanizations write for one another; another consonant makes another name (Malinin / Malygin)
    op = Levenshtein.editops(kx, ky)[0]
    if op.tag == "replace":
        pair = {kx[op.src_pos], ky[op.dest_pos]}
        return pair <= _SOFT_LETTERS or pair in _ALTERNATING
    longer, at = (ky, op.dest_pos) if op.tag == "insert" else (kx, op.src_pos)
    return longer[at] in _SOFT_LETTERS or longer[at] == "k" and longer[at - 1:at] == "n"   # ng: g keyed k
