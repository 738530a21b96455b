"""Words formed with one prefix before two synonyms (re-released / reissued, mislabelled /
misnamed): WordNet lists the prefixed forms only in part, so the stems are compared instead.

Only where WordNet does not know one of the two forms: two listed words (reform / remake) are
WordNet's to judge, whatever their stems say.
"""

from __future__ import annotations

from provenance.knowledge import english
from provenance.knowledge.wordnet import wordnet

#: prefixes that keep the stem's meaning and add their own, the same for both words
#: ("re-" again, "mis-" wrongly, "over-" too much, "co-" together, "pre-" before ...)
PREFIXES = english.PREFIXES
_OPENINGS = frozenset(p[:2] for p in PREFIXES)
#: a stem shorter than this is no word of its own (re-ad, co-p)
MIN_STEM = 3


def _stem(word: str, prefix: str) -> str | None:
    return english.after_prefix(word, prefix, MIN_STEM)


def prefixed_synonym(x: str, y: str) -> str | None:
    """Why ``x`` and ``y`` say the same: one prefix before two WordNet synonyms, one of the two
    whole words unknown to WordNet (re-released / reissued); None otherwise."""
    if x[:2].lower() != y[:2].lower() or x[:2].lower() not in _OPENINGS:
        return None   # no prefix the two share (most pairs: a test of two letters)
    wn = wordnet()
    if wn.lemmas(x.lower()) and wn.lemmas(y.lower()):
        return None
    for prefix in PREFIXES:
        sx, sy = _stem(x, prefix), _stem(y, prefix)
        if not sx or not sy or sx == sy or english.lemmas(sx) & english.lemmas(sy):
            continue
        if not english.lemmas(sx) or not english.lemmas(sy):
            continue
        if wn.synonyms(sx, sy) and not (wn.antonyms(sx, sy) or wn.antonyms(sy, sx)):
            return f"synonyms (WordNet: {x}/{y}, {prefix}- before {sx}/{sy})"
    return None


def _causatives(adjective: str) -> set[str]:
    """The verbs English forms from an adjective to say "make it so": en-/em- before it (sure:
    ensure, rich: enrich), -en or -ize after it (wide: widen, legal: legalize)."""
    a = adjective.lower()
    stems = {a, a[:-1]} if a.endswith("e") else {a}
    return {"en" + a, "em" + a} | {s + end for s in stems for end in ("en", "ize", "ise")}


def made_adjective(phrase: str) -> str | None:
    """The adjective of "make" and an adjective joined by "_" (make_sure, made_legal), or None."""
    verb, _sep, adjective = phrase.partition("_")
    if not adjective or "_" in adjective or "make" not in english.lemmas(verb) or not wordnet().base_forms(adjective, "a"):
        return None
    return adjective


def made_so(phrase: str, word: str) -> str | None:
    """Why "make" with an adjective and one verb say the same: the verb is the adjective's own
    (make sure / ensure, made legal / legalized); ``phrase`` a key of words joined by "_"."""
    adjective = made_adjective(phrase)
    if adjective and english.lemmas(word.lower()) & _causatives(adjective):
        return f"the verb formed from the adjective ({phrase.replace('_', ' ')} / {word})"
    return None
