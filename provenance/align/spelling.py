"""Whether two words are one word spelt twice: a spelling, a transliteration or a typing slip,
not another form of the word (regions/region) nor two known words (Marshal/Martial)."""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.fuzz import ratio

from provenance.align.explain import distinct_known
from provenance.align.tokenize import fold
from provenance.knowledge.values import is_number_word

#: endings that make another form of a word, not another spelling
INFLECTIONS = ("s", "es", "ed", "d", "ing", "ly", "er", "est", "al")
DIGIT = re.compile(r"\d")


def is_number(w: str) -> bool:
    return DIGIT.search(w) is not None or is_number_word(w)


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
    if x[:1].isupper() and y[:1].isupper() and _syllable_inserted(fx, fy):
        return False   # Vasilev / Vasilchev: a syllable more makes another surname
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


def _syllable_inserted(fx: str, fy: str) -> bool:
    """Whether one word is the other with two letters more, side by side, one of them a consonant
    and not one letter doubled (vasilev / vasilchev): a syllable more, not a spelling."""
    short, long_ = (fx, fy) if len(fx) < len(fy) else (fy, fx)
    if len(long_) - len(short) != 2 or len(short) < 4:
        return False
    return any(long_[:k] + long_[k + 2:] == short and any(c not in "aeiouy" for c in long_[k:k + 2])
               and long_[k] != long_[k + 1] for k in range(1, len(short)))
