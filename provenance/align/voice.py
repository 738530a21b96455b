"""Two forms of one clause: the passive made with "get" and with "be" ("the menu gets cut off" /
"the menu is cut off" say the same thing, the first less formally; only where both readings go on
with the same participle), and a condition opened by its verb or by "if" ("Should you need help" /
"If you need help", "Had the bridge been repaired" / "If the bridge had been repaired")."""

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


#: verbs that open a condition when they stand before its subject
INVERTING = frozenset({"should", "had", "were"})
_ENDS = (".", "!", "?", ";", ":")


def _opens(words, k: int, before) -> bool:
    """Whether ``words[k]`` opens a sentence or a clause after a colon or a semicolon."""
    prev = words[k - 1] if k > 0 else (before[-1] if before else None)
    return prev is None or prev.endswith(_ENDS)


def _question(words) -> bool:
    """Whether the sentence ``words`` begin ends with a question mark within the words seen."""
    return next((w for w in words if w.endswith(_ENDS)), "").endswith("?")


def inverted_condition(rest_a: list, rest_b: list, a_words, b_words, ctx_a=((), ()), ctx_b=((), ())) \
        -> tuple[list, list, list[str]]:
    """"If" opening one reading's sentence where the other's opens with "should", "had" or "were"
    before the subject, in a sentence that asks nothing: the same condition. The "if" unit and the
    verb's, if it is one, are taken out. ``ctx_a``/``ctx_b``: the words (before, after) each reading."""
    found: list[str] = []
    for side, other, words, other_words, ctx, other_ctx in ((rest_a, rest_b, a_words, b_words, ctx_a, ctx_b),
                                                            (rest_b, rest_a, b_words, a_words, ctx_b, ctx_a)):
        ifs = [u for u in other if len(u.words) == 1 and u.words[0].lower() == "if"]
        if len(ifs) != 1 or ifs[0].words[0] not in other_words \
                or not _opens(other_words, other_words.index(ifs[0].words[0]), other_ctx[0]):
            continue
        k = next((j for j, w in enumerate(words) if w.lower() in INVERTING and _opens(words, j, ctx[0])), None)
        if k is None or _question(list(words[k:]) + list(ctx[1])):
            continue
        side[:] = [u for u in side if u.words != [words[k]]]
        other.remove(ifs[0])
        found.append(f"{words[k]} / {ifs[0].words[0]}")
    return rest_a, rest_b, found
