"""The passive made with "get" and with "be": "the menu gets cut off" / "the menu is cut off" say
the same thing, the first less formally. Only where both readings go on with the same participle."""

from __future__ import annotations

from provenance.knowledge import english
from provenance.knowledge.wordnet import wordnet

#: the forms of "be" that make a passive
BE_FORMS = frozenset("be is are was were been being am".split())


def _participle(word: str | None) -> bool:
    """Whether ``word`` may be a verb's past participle (cut, paid, damaged, stolen): a verb
    form that is neither the "-ing" form nor the third person."""
    if not word or not word.isalpha():
        return False
    w = word.lower()
    return not w.endswith(("ing", "s")) and bool(wordnet().base_forms(w, "v"))


def _next(words: list[str], k: int, after) -> str | None:
    return words[k + 1] if k + 1 < len(words) else (after[0] if after else None)


def get_passive(rest_a: list, rest_b: list, a_words, b_words, a_after=(), b_after=()) -> tuple[list, list, list[str]]:
    """A form of "get" before a participle in one reading, a form of "be" before the same
    participle in the other: the "get" unit is taken out. ``a_after``/``b_after``: the words
    after each reading."""
    found: list[str] = []
    for side, words, after, other_words, other_after in ((rest_a, a_words, a_after, b_words, b_after),
                                                         (rest_b, b_words, b_after, a_words, a_after)):
        for u in list(side):
            if len(u.words) != 1 or "get" not in english.lemmas(u.words[0].lower()):
                continue
            k = words.index(u.words[0]) if u.words[0] in words else -1
            part = _next(words, k, after) if k >= 0 else None
            if not _participle(part):
                continue
            be = [j for j, w in enumerate(other_words) if w.lower() in BE_FORMS
                  and (_next(other_words, j, other_after) or "").lower() == part.lower()]
            if be:
                side.remove(u)
                found.append(f"{u.words[0]} {part} / {other_words[be[0]]} {part}")
    return rest_a, rest_b, found
