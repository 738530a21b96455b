"""English words: whether a string is one (WordNet, word frequencies), its lemmas (WordNet's
morphology and ``lemminflect``), how common it is (``wordfreq``)."""

from __future__ import annotations

from functools import lru_cache

from provenance.knowledge.wordnet import wordnet

#: a word WordNet does not hold (an article, a pronoun, a preposition) is still English when it is
#: this common (Zipf scale: 4.5 = about 30 per million words); misspellings seen in the wild
#: ("goverment" 2.7, "teh" 3.0) stay far below
COMMON_ZIPF = 4.5


@lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=1 << 16)
def is_word(word: str) -> bool:
    """Whether ``word`` is an English word (in WordNet under one of its base forms, or common)."""
    w = word.lower().strip("'’")
    if not w.isalpha():
        return False
    return wordnet().is_word(w) or zipf(w) >= COMMON_ZIPF


@lru_cache(maxsize=1 << 16)
def lemmas(word: str) -> frozenset[str]:
    """The dictionary forms of ``word``: WordNet's morphology and lemminflect's lemmas."""
    from lemminflect import getAllLemmas, getAllLemmasOOV

    w = word.lower()
    out = set(wordnet().lemmas(w))
    for forms in getAllLemmas(w).values():
        out.update(f.lower() for f in forms)
    if not out and w.isalpha():
        for forms in getAllLemmasOOV(w, "NOUN").values():
            out.update(f.lower() for f in forms)
    out.add(w)
    return frozenset(out)


def same_lemma(a: str, b: str) -> bool:
    """Two forms of one word (regions/region, organised/organising); not two words."""
    la, lb = lemmas(a), lemmas(b)
    return bool(la & lb)
