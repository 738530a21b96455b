"""Abbreviations and what they stand for: an initialism and the words it is made of (USSR = Union of
Soviet Socialist Republics), a shortened word and the word (Dr. = Doctor), initials written with dots
(U . N .). Used by ``explain.reconcile``."""

from __future__ import annotations

from provenance.knowledge import english
from provenance.knowledge.wordnet import wordnet


#: words an initialism leaves out (Union of Soviet Socialist Republics, barrels per day)
INITIALS_SKIP = frozenset("of the and for in on per a an to at by with".split())


def _initials(words: list[str], skip_function: bool, whole: bool = False) -> str:
    """The first letters of ``words``; ``whole``: a word in capitals gives all its letters (Dagestan ASSR: DASSR)."""
    return "".join(w if whole and len(w) >= 2 and w.isupper() and w.isalpha() else w[0].upper() for w in words
                   if w[:1].isalpha() and not (skip_function and w.lower() in INITIALS_SKIP))


def abbreviation(x: str, other_words: list[str], followed_by_dot: bool) -> list[str] | None:
    """The words of ``other_words`` that ``x`` abbreviates: an initialism (USSR = Union of Soviet
    Socialist Republics, CC = Central Committee) or a shortened word (Dr. = Doctor, Art. = Article)."""
    letters = x.replace(".", "")
    if len(letters) >= 3 and letters[-1] == "s" and letters[:-1].isupper() and letters[:-1].isalpha() \
            and other_words and other_words[-1].lower().endswith("s"):
        letters = letters[:-1]   # RNNs = recurrent neural networks: the plural of an initialism
    if 2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha():
        n = len(letters)
        words = [w for w in other_words if any(c.isalnum() for c in w)]
        for i in range(len(words)):
            for j in range(i + 2, min(len(words), i + 4) + 1):   # DASSR = Dagestan ASSR, BSSR = Byelorussian SSR
                if any(len(w) >= 2 and w.isupper() for w in words[i:j]) and _initials(words[i:j], True, True) == letters \
                        and not wordnet().is_word(letters.lower()):   # USSR is the Union, whatever "Ukrainian SSR" gives
                    return words[i:j]
            for j in range(i + n, min(len(words), i + 2 * n + 2) + 1):
                span = words[i:j]
                if span[0][:1].upper() != letters[0]:
                    break
                if _initials(span, True) == letters or _initials(span, False) == letters:
                    return span
                if n >= 3 and sorted(_initials(span, True)) == sorted(letters):
                    return span   # CPC = Chinese Communist Party (the Communist Party of China)
            for j in range(i + 1, min(len(words), i + n) + 1):
                # the parts of a compound count one letter each: MTS = machine-and-tractor station
                span = words[i:j]
                if span[0][:1].upper() == letters[0] and any("-" in w.strip("-") for w in span) \
                        and _initials([p for w in span for p in w.split("-") if p], True) == letters:
                    return span
    if len(letters) == 1 and letters.islower() and letters not in "ai" and not followed_by_dot:
        # "CP(b)" / "Communist Party (Bolsheviks)": one letter for the one capitalized word of the other
        heads = [w for w in other_words if len(w) >= 4 and w[:1] == letters.upper() and w[1:].islower()]
        if len(heads) == 1:
            return heads
    if letters.isalpha() and (len(letters) >= 2 or followed_by_dot) and (followed_by_dot or len(letters) <= 5):
        lx = letters.lower()
        short_title = len(letters) <= 3 and letters[0].isupper()     # Dr, Mt, St, Sgt
        for w in other_words:
            acronym = letters.isupper() and len(letters) >= 2 and len(w) >= 2 * len(letters)   # RV = rendezvous
            # a part of a compound too: Lt. = Lieutenant-(Colonel), Gen. = Major-General
            for part in ([w] + w.split("-")[:3] if "-" in w.strip("-") else [w]):
                lw = part.lower()
                # the tests of the words themselves first, the word lists (loaded on first use) last
                if len(lw) > len(lx) + 1 and lw[0] == lx[0] and _subsequence(lx, lw) \
                        and (part[0].isupper() == letters[0].isupper() or acronym) \
                        and (followed_by_dot or short_title or not english.is_word(letters)) \
                        and (english.is_word(lw) or english.zipf(lw) >= 3.0):
                    return [w]
    return None


def parts_abbreviated(compound: str, words: list[str]) -> bool:
    """Whether every part of a hyphenated compound is abbreviated by a short word of ``words`` (Lt.
    Col. = Lieutenant-Colonel; Col. alone is not)."""
    short = [w.lower() for w in words if w.isalpha() and len(w) <= 5]
    return all(any(a[0] == p[0] and len(a) < len(p) and _subsequence(a, p) for a in short)
               for p in (x.lower() for x in compound.split("-") if x))


def dotted(words: list[str]):
    """Initialisms written with dots or slashes, as tokens: U . N . -> ("UN", {"U", "N"}), b / d ->
    ("BD", {"b", "d"})."""
    i, n = 0, len(words)
    while i < n:
        j = i
        while j + 1 < n and len(words[j]) == 1 and words[j].isalpha() and words[j + 1] in "./" \
                and (words[j + 1] == "." or j + 2 < n and len(words[j + 2]) == 1 and words[j + 2].isalpha()):
            j += 2
        if j - i >= 2 and j < n and len(words[j]) == 1 and words[j].isalpha() and words[j - 1] == "/":
            j += 1   # the last letter of b/d has no separator after it
        toks = words[i:j:2]
        if len(toks) >= 2:
            yield "".join(toks).upper(), set(toks)
            i = j
        else:
            i += 1


def _subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(c in it for c in short)
