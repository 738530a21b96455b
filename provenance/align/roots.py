"""Word roots for comparing readings: a word with its derivational or inflectional ending dropped
(organization/organizing, taxation/tax), and the endings and support verbs the classifier weighs."""

from __future__ import annotations

from provenance.align.tokenize import fold
from provenance.knowledge import english


#: derivational and inflectional endings joined when two readings word the same thing otherwise
#: (organization/organizing, taxation/tax, spreading/spread, use/used)
DERIVATIONS = ("ations", "ation", "ions", "ion", "ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "s")
PLURALS = frozenset({"s", "es", "ies"})

#: support verbs, in their base forms: "give help" / "help", "make use of" / "use", "render
#: assistance" / "assist", "provide a discussion of" / "discuss", "offer an apology" / "apologize",
#: "adopt a decision" / "decide", "raise an objection" / "object", "express regret" / "regret"
SUPPORT_LEMMAS = frozenset({"give", "make", "render", "take", "reach", "come", "arrive", "carry", "conduct",
                            "perform", "undertake", "provide", "offer", "adopt", "exercise", "raise", "express",
                            "voice", "lodge", "pay"})


def support_verb(word: str) -> bool:
    """Whether ``word`` is a form of a support verb (or the particle of "carry out")."""
    w = fold(word)
    return w == "out" or bool(english.lemmas(w) & SUPPORT_LEMMAS)


def roots(word: str, lexicon=None) -> set[str]:
    """The possible roots of a word for comparing readings: lower case, transliteration-neutral,
    with an ending dropped (two words share a root when their sets meet)."""
    if lexicon is None:
        return _roots(word, None)
    r = lexicon.roots_cache.get(word)
    if r is None:
        r = lexicon.roots_cache[word] = _roots(word, lexicon)
    return r


def _roots(word: str, lexicon) -> set[str]:
    w = fold(word).replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("-", "").replace("'", "")
    if lexicon is not None and w.isalpha():
        w = lexicon.transliterate(w)
    out = {w}
    if not w.isalpha():
        return out
    for suf in DERIVATIONS:
        if not w.endswith(suf) or len(w) - len(suf) < 2:
            continue
        stem_ = w[: -len(suf)]
        cands = [stem_]
        if suf in ("ed", "es"):
            cands.append(w[:-1])                    # used -> use, uses -> use
        elif suf in ("ion", "ions"):
            cands.append(stem_ + "e")               # regulation -> regulate
        elif suf in ("ied", "ies"):
            cands.append(stem_ + "y")               # varieties -> variety
        out.update(c for c in cands if len(c) >= 3)
    return out


def _ending(word: str) -> str:
    """The plural ending a word carries, if any ('' otherwise)."""
    w = fold(word)
    for suf in ("ies", "es", "s"):
        if len(w) > len(suf) + 2 and w.endswith(suf) and not w.endswith("ss"):
            return suf
    return ""
