"""Russian words in Latin script: whether a bracketed word such as [sovkhozy] is a Russian word in
a standard transliteration (Library of Congress, BGN/PCGN, or the common English practice).

The word is turned back into Cyrillic by the transliteration tables (every reading of an
ambiguous letter group is tried: ``y`` is ы or й, ``e`` е or э, ``ia``/``ya`` я), and each candidate
is checked against the OpenCorpora dictionary of ``pymorphy3``.
"""

from __future__ import annotations

from functools import lru_cache

#: Latin letter groups and the Cyrillic letters they transliterate, longest first
_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("shch", ("щ",)), ("sch", ("щ",)),
    ("kh", ("х",)), ("zh", ("ж",)), ("ch", ("ч",)), ("sh", ("ш",)), ("ts", ("ц", "тс")),
    ("tz", ("ц",)), ("yu", ("ю",)), ("iu", ("ю",)), ("ya", ("я",)), ("ia", ("я", "иа")),
    ("ye", ("е", "ье", "ъе")), ("yo", ("ё", "йо")), ("yy", ("ый",)), ("iy", ("ий",)), ("yi", ("ый", "ьи")),
    ("ie", ("ие", "ье")), ("'", ("ь",)), ("’", ("ь",)), ('"', ("ъ",)),
    ("a", ("а",)), ("b", ("б",)), ("v", ("в",)), ("w", ("в",)), ("g", ("г",)), ("d", ("д",)),
    ("e", ("е", "э")), ("z", ("з",)), ("i", ("и", "й")), ("j", ("й",)), ("k", ("к",)), ("l", ("л",)),
    ("m", ("м",)), ("n", ("н",)), ("o", ("о",)), ("p", ("п",)), ("r", ("р",)), ("s", ("с",)),
    ("t", ("т",)), ("u", ("у",)), ("f", ("ф",)), ("h", ("х",)), ("c", ("ц", "к")), ("y", ("ы", "й")),
    ("x", ("кс",)),
]

#: candidates tried per word at most (ambiguous letters multiply them)
MAX_CANDIDATES = 4096


def cyrillic_candidates(word: str) -> list[str]:
    """Every Cyrillic spelling the transliteration tables allow for ``word`` (at most
    ``MAX_CANDIDATES``): each way of cutting it into letter groups, each reading of each group."""
    word = word.lower()
    memo: dict[int, list[str]] = {len(word): [""]}

    def tails(i: int) -> list[str]:
        if i in memo:
            return memo[i]
        out: list[str] = []
        for lat, cyr in _GROUPS:
            if word.startswith(lat, i):
                rest = tails(i + len(lat))
                out.extend(c + r for c in cyr for r in rest)
                if len(out) >= MAX_CANDIDATES:
                    break
        memo[i] = out[:MAX_CANDIDATES]
        return memo[i]

    for i in range(len(word), -1, -1):   # from the end, so that no call recurses deeply
        tails(i)
    return memo[0]


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1 << 12)
def russian_word(word: str) -> str | None:
    """The Cyrillic dictionary form of ``word`` if it is a Russian word in transliteration."""
    w = word.strip()
    if len(w) < 3 or not all(c.isalpha() or c in "'’-\"" for c in w) or not w.replace("’", "'").isascii():
        return None
    morph = _morph()
    for part in w.split("-"):
        if not part:
            return None
    best = None
    candidates = cyrillic_candidates(w.replace("-", ""))
    for cand in candidates:
        if morph.word_is_known(cand):
            p = morph.parse(cand)[0]
            if best is None or p.score > best[0]:
                best = (p.score, p.normal_form)
    if best is None:
        # a compound of a known prefix and a dictionary word, which the dictionary lists without
        # its prefix: [spetsgruppa] "special group" (спец + группа), [spetspereselentsy]
        for cand in candidates:
            for prefix in _prefixes_of(cand):
                rest = cand[len(prefix):]
                if len(rest) >= MIN_REMAINDER and morph.word_is_known(rest):
                    p = morph.parse(rest)[0]
                    if best is None or p.score > best[0]:
                        best = (p.score, prefix + p.normal_form)
    return best[1] if best else None


#: the shortest prefix and remainder of a compound read as prefix + dictionary word: shorter
#: prefixes (до, за, не, ре) would find a Russian word inside words of any language
MIN_PREFIX = 3
MIN_REMAINDER = 4


@lru_cache(maxsize=1)
def _known_prefixes() -> tuple[str, ...]:
    """The prefixes pymorphy3 knows words are made with (спец, авиа, радио, электро ...: its
    ``KnownPrefixAnalyzer``'s list), of at least ``MIN_PREFIX`` letters, without a hyphen."""
    units = []
    for unit in _morph()._units:
        units.extend(unit if isinstance(unit, (list, tuple)) else [unit])
    found = set()
    for unit in units:
        found.update(getattr(unit, "known_prefixes", ()) or ())
    return tuple(sorted(p for p in found if len(p) >= MIN_PREFIX and "-" not in p))


def _prefixes_of(word: str) -> list[str]:
    return [p for p in _known_prefixes() if word.startswith(p)]


#: a Russian compound's second part, at least this long after a stem ("skoto|bazy"), or after a
#: two-letter prefix ("ot|kochevniki"), which a word of another language rarely ends in
COMPOUND_TAIL = 5
PREFIX_TAIL = 7


def russian_compound(word: str) -> bool:
    """Whether a transliterated word the dictionary lacks is a Russian compound of a dictionary word:
    a stem of three letters or more and a word of at least ``COMPOUND_TAIL`` letters ("band|gruppy"),
    a stem, the linking vowel o or e and a word of four ("skot-o-bazy"), or a two-letter prefix and
    a word of at least ``PREFIX_TAIL`` ("ot|kochevniki")."""
    w = word.strip().lower()
    if len(w) < 8 or not w.isascii() or not w.isalpha():
        return False
    morph = _morph()
    for cand in cyrillic_candidates(w):
        for k in range(2, len(cand) - 3):
            tail = cand[k:]
            linked = k >= 4 and cand[k - 1] in "ое" and len(tail) >= 4   # "скот-о-базы": the linking vowel
            if (linked or k >= 3 and len(tail) >= COMPOUND_TAIL or len(tail) >= PREFIX_TAIL) \
                    and morph.word_is_known(tail):
                return True
    return False
