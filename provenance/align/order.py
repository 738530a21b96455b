"""Word order that says who does what: two words of a reading that exchanged places across a third
("Molotov informed Stalin" / "Stalin informed Molotov") change the meaning, though every word is
still there; a phrase moved as a whole (a passive, "for best results" put last) or two coordinated
words reordered ("cats and dogs") do not."""

from __future__ import annotations


def pairing(ua: list, ub: list, same) -> list[int | None]:
    """For each unit of ``ua``, the index of the unit of ``ub`` it matches (``same(x, y)``), each
    unit of ``ub`` taken once, in reading order; None when it has none."""
    used = [False] * len(ub)
    out: list[int | None] = []
    for x in ua:
        hit = next((j for j, y in enumerate(ub) if not used[j] and same(x, y)), None)
        if hit is not None:
            used[hit] = True
        out.append(hit)
    return out


#: words that join two coordinated parts: what stands on either side of one may change order freely
COORDINATORS = frozenset({"and", "or", "nor", "&", "as well as"})


def coordinated(words: list[str], after: list[str] | None = None) -> bool:
    """Whether the words between two places join two coordinated parts ("cats and dogs", "the north
    wing and the south wing"): an "and" or an "or" among them, and, given the words ``after`` the
    second place, what stands before the "and" repeated after it (the parts are parallel; "the CC of
    Uzbekistan with selecting, and the CC of Kazakhstan with approving" pairs each with its own
    task, so the two exchanged there change the meaning)."""
    k = next((i for i, w in enumerate(words) if w.lower() in COORDINATORS), None)
    if k is None:
        return False
    content = [w.lower() for w in words[:k] if any(c.isalnum() for c in w) and w.lower() not in _LIGHT]
    if after is None or len(content) < 2 and not (k and words[k - 1] == ","):
        return True   # "administrative and economic", "the north wing and the south": words coordinated
    tail = [w.lower() for w in after if any(c.isalnum() for c in w) and w.lower() not in _LIGHT][:len(content)]
    return content == tail


#: words that carry no part of a coordinated phrase's content
_LIGHT = frozenset({"the", "a", "an", "of", "to", "with", "for", "in", "on", "by", "at", "its", "their", "his", "her"})


def _agent(words: list[str], unit) -> bool:
    """Whether ``unit`` stands in ``words`` as a passive's agent: "by" at most four words before it,
    in its noun phrase ("was approved by the committee", "blown up by the sapper platoon")."""
    w = unit.words[0].lower()   # "Party organisations must" / "by party organisations"
    k = next((i for i, x in enumerate(words) if x.lower() == w), None)
    if k is None:
        return False
    before = [x.lower() for x in words[max(0, k - 4):k]]
    # "by the committee", "by a trained field technician": "by" and the words of its noun phrase, no clause between
    return "by" in before and not any(x in (",", ";", "and", "or", "that", "which", "who", "whom") for x in
                                      before[before.index("by"):])


#: the prepositions that join a noun to the noun it qualifies ("specialists in the installation of
#: compressors"), which a compound leaves out ("compressor installation specialists")
_OF = frozenset({"of", "in", "for", "on"})


def _compounded(a_words: list[str], b_words: list[str], pair_a: tuple, pair_b: tuple) -> bool:
    """Whether the exchanged units ``pair_a`` (x, y) are nouns that ``a_words`` joins by prepositions
    ("specialists in the installation of compressors") and ``b_words`` writes as one compound, y's
    unit first and nothing but words of content between ("compressor installation specialists"),
    or the reverse ("the stations of arrival of the volunteers" / "the volunteers' arrival stations"):
    one noun phrase said two ways, no one doing anything to anyone."""
    for words, other, (x, y), (xo, yo) in ((a_words, b_words, pair_a, pair_b), (b_words, a_words, pair_b[::-1], pair_a[::-1])):
        if x.words[0] not in words or y.words[-1] not in words or yo.words[0] not in other or xo.words[-1] not in other:
            continue
        kx, ky = words.index(x.words[0]), words.index(y.words[-1])
        jy, jx = other.index(yo.words[0]), other.index(xo.words[-1])
        joined = [w.lower() for w in words[kx + 1:ky]]
        compound = other[jy + 1:jx]
        last = [w for w in joined if w not in ("the", "a", "an")][-1:]   # y ends the chain: "... of compressors"
        if 0 < ky - kx <= 8 and 0 < jx - jy <= 4 and last and last[0] in _OF and all(w.isalpha() for w in joined) \
                and all(w in ("'", "’", "s") or w.isalpha() and w.lower() not in _LIGHT | _OF for w in compound):
            return True
    return False


def exchanged(ua: list, ub: list, same, a_words: list[str] = (), b_words: list[str] = ()) -> tuple | None:
    """Two units that stand in the other order in ``ub`` with a third unit between them in both
    readings (X V Y / Y V X), not one word, not two coordinated parts of ``a_words``, and not an
    active sentence turned passive ("the committee approved the plan" / "the plan was approved by
    the committee"): the pair, else None."""
    if len(ua) < 3 or len(ub) < 3:
        return None
    pos = pairing(ua, ub, same)
    for i in range(len(ua)):
        for j in range(i + 2, len(ua)):
            pi, pj = pos[i], pos[j]
            if pi is None or pj is None or pi <= pj or ua[i].text.lower() == ua[j].text.lower():
                continue
            if any(pos[k] is not None and pj < pos[k] < pi for k in range(i + 1, j)):
                wi, wj = ua[i].words[0], ua[j].words[-1]
                if wi in a_words and wj in a_words:
                    ki, kj = a_words.index(wi), a_words.index(wj)
                    if coordinated(a_words[ki + 1:kj], a_words[kj + 1:kj + 8]):
                        continue
                if _agent(b_words, ua[i]) or _agent(a_words, ua[j]):
                    continue
                if _compounded(a_words, b_words, (ua[i], ua[j]), (ub[pi], ub[pj])):
                    continue
                return ua[i], ua[j]
    return None


#: a personal pronoun as object and as subject ("her" left out: it is also a possessive)
_CASES = (("me", "i"), ("him", "he"), ("us", "we"), ("them", "they"))


def case_flip(a_words: list[str], b_words: list[str]) -> str | None:
    """A personal pronoun that is an object in one reading and a subject in the other, neither form
    in both ("Tursunov introduced me" / "I introduced Tursunov"), with no passive's "by" in either:
    the person now does what was done to them. "me / I", or None."""
    la, lb = {w.lower() for w in a_words}, {w.lower() for w in b_words}
    if "by" in la or "by" in lb:
        return None
    for obj, subj in _CASES:
        for x, y, sx, sy in ((obj, subj, la, lb), (subj, obj, la, lb)):
            if x in sx and y in sy and x not in sy and y not in sx:
                return f"{x} / {y}".replace("i /", "I /").replace("/ i", "/ I")
    return None


#: personal and possessive pronouns: two of them exchanged name the parties the other way round
_PERSONS = frozenset("i me my we us our you your he him his she her they them their".split())


def pronouns_exchanged(edits, A, B) -> None:
    """Two one-word substitutions of pronouns in one sentence that mirror each other ("your side will
    cover ... and our side will provide" / "our side ... your side"): each party now does the
    other's part, a change of meaning (set on both edits, which were read as function words)."""
    singles = [e for e in edits if e.layer == "text" and e.kind == "substitution" and e.info.get("category") != "substantive"
               and e.tb[1] - e.tb[0] == 1 and e.ta[1] - e.ta[0] == 1]
    words = [(A.words(*e.ta)[0].lower(), B.words(*e.tb)[0].lower()) for e in singles]
    for k, (e, (x, y)) in enumerate(zip(singles, words)):
        if x not in _PERSONS or y not in _PERSONS or x == y:
            continue
        for f, (u, v) in zip(singles[k + 1:], words[k + 1:]):
            if (u, v) == (y, x) and A.sentence(*e.ta) == A.sentence(*f.ta):
                reason = f"meaning changed: the parties exchanged places ({x} / {y}, {y} / {x}): who does what changed"
                for g in (e, f):
                    g.info = {**g.info, "category": "substantive", "severity": 0.55, "reason": reason}
