"""Names compared: one place under two names or spellings (GeoNames), one person or place that
WordNet lists under two names (Burma/Myanmar), a country's adjective and its name (Chinese /
China's), and the transliteration-neutral form of a name (Tientsin/Tianjin)."""

from __future__ import annotations

import re

from rapidfuzz.fuzz import ratio

from provenance.knowledge import places
from provenance.knowledge.wordnet import wordnet


_TRANSLIT = [("shch", "sc"), ("dzh", "j"), ("dj", "j"), ("tch", "c"), ("ch", "c"), ("sh", "s"), ("zh", "j"), ("kh", "h"), ("gh", "g"),
             ("ph", "f"), ("th", "t"), ("ts", "c"), ("tz", "c"), ("q", "c"), ("ks", "x"), ("ck", "k"),
             ("w", "v"), ("ff", "v"), ("-", ""), ("'", ""), ("’", "")]


def translit_form(w: str) -> str:
    s = no_possessive(w.lower())
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def skeleton(w: str) -> str:
    """The consonants of a transliteration-neutral form, with g/k/c and d/t and b/p and v/f alike; a
    letter doubled in writing counts once, two consonants a vowel apart twice (Ryabtsev/Ryabchikov:
    the "ch-k" of the second is a syllable more, not a spelling)."""
    s = re.sub(r"(.)\1+", r"\1", translit_form(w).translate(str.maketrans("gkdbfyxj", "cctpvics")))
    return re.sub(r"[aeiouh]", "", s)


def no_possessive(w: str) -> str:
    """The word without its possessive ending (China's -> China, the Soviets' -> Soviets)."""
    return re.sub(r"['’]s$|(?<=s)['’]$", "", w)


def of_the_place(x: str, y: str) -> str | None:
    """A country's or a people's adjective and the country named (Chinese / China's, Soviet /
    USSR's, Mongolian / Mongolia): WordNet says the adjective pertains to that name."""
    if not (x[:1].isupper() and y[:1].isupper()):
        return None
    bx, by = no_possessive(x), no_possessive(y)
    if bx.lower() == by.lower():
        return None
    wn = wordnet()
    for adj, noun in ((bx, by), (by, bx)):
        if noun.lower() in wn.pertained_nouns(adj.lower()):
            return f"the adjective of the place named (WordNet: {adj}/{noun})"
    return None


def same_place(x: str, y: str) -> str | None:
    if not (x[:1].isupper() and y[:1].isupper()):
        return None
    name = places.same_place(x, y)
    if name and not spelt_alike_names(x, y):
        return f"same place (GeoNames: {name})"
    return None


def place_spelling(x: str, y: str) -> str | None:
    """One place in two romanizations (Tientsin/Tianjin, Chungking/Chongqing): its spelling."""
    if not (x[:1].isupper() and y[:1].isupper()) or not spelt_alike_names(x, y):
        return None
    name = places.same_place(x, y)
    return f"another spelling of the same place (GeoNames: {name})" if name else None


def spelt_alike_names(x: str, y: str) -> bool:
    """Two names whose transliteration-neutral forms are close (Tientsin/Tianjin), unlike two
    names of one place (Chuguchak/Qoqek)."""
    return ratio(translit_form(x), translit_form(y)) >= 60


def one_entity(x: str, y: str) -> bool:
    """Whether WordNet lists two names in one synset of proper names: one person, place or thing
    named two ways (Gaddafi/Qaddafi, Chou/Zhou, Koran/Qur'an, Burma/Myanmar). Words that only look
    alike (affect/effect, Marshal/Martial) share no synset; common words that do (insure/ensure)
    are not names."""
    lx, ly = x.lower(), y.lower()
    if lx == ly:
        return False
    key = (lx, ly)
    r = _ENTITY_CACHE.get(key)
    if r is None:
        wn = wordnet()
        sx = {s for w in _lookup_forms(lx) for s in wn.senses(w, None) if wn.proper(*s)}
        r = bool(sx) and any(s in sx for w in _lookup_forms(ly) for s in wn.senses(w, None))
        _ENTITY_CACHE[key] = r
    return r


_ENTITY_CACHE: dict[tuple[str, str], bool] = {}


def _lookup_forms(w: str) -> tuple[str, ...]:
    """A word as WordNet may list it: as written, and without its apostrophes (Qur'an: quran)."""
    w = no_possessive(w)
    bare = w.replace("'", "").replace("’", "")
    return (w, bare) if bare != w else (w,)


def same_name(x: str, y: str) -> str | None:
    """Two capitalized names of one entity in WordNet, spelt alike: a spelling of the name."""
    if x[:1].isupper() and y[:1].isupper() and ratio(translit_form(x), translit_form(y)) >= 60 \
            and one_entity(x, y):
        return f"one name spelt two ways (WordNet: {x}/{y})"
    return None


def other_name(x: str, y: str) -> str | None:
    """Two capitalized names of one entity in WordNet, not spelt alike (Burma/Myanmar)."""
    if x[:1].isupper() and y[:1].isupper() and one_entity(x, y):
        return f"another name of the same (WordNet: {x}/{y})"
    return None


def initialisms_apart(x: str, y: str) -> bool:
    """Two initialisms, one with letters more (ASSR / DASSR, SSR / ASSR): two things named, not one
    name spelt or transliterated twice."""
    return x.isupper() and y.isupper() and min(len(x), len(y)) >= 2 and x != y and (x in y or y in x) \
        and not (wordnet().is_word(x.lower()) or wordnet().is_word(y.lower()))   # CIPHERED / DECIPHERED: words
