"""One directive in two constructions: an imperative verb that opens a decision's point ("Instruct
the Ministry to conclude ...", "Direct the NKVD to send ...") and the same point stated with a
modal ("The Ministry shall conclude ...", "The NKVD is to send ..."), as two translators of one
resolution write it. The verb's force (``english.DIRECTIVE_FORCE``: what binds, what advises, what
permits, what forbids) must be the modal's: "Recommend ... to allot" / "... shall allot" stays a
change of meaning."""

from __future__ import annotations

from provenance.align.classify import BASE_SEVERITY
from provenance.knowledge import english

#: the modal constructions of each force of ``english.DIRECTIVE_FORCE``, in its order
MODALS_OF_FORCE = (
    (("shall",), ("must",), ("is", "to"), ("are", "to"), ("has", "to"), ("have", "to"),
     ("is", "obliged", "to"), ("are", "obliged", "to")),
    (("should",), ("ought", "to")),
    (("may",), ("is", "allowed", "to"), ("are", "allowed", "to"), ("is", "permitted", "to"),
     ("are", "permitted", "to")),
    (("shall", "not"), ("must", "not"), ("may", "not"), ("is", "not", "to"), ("are", "not", "to")),
)


#: words after a modal that turn its force into a prohibition (shall not, must never)
_NEGATIONS = frozenset({"not", "never", "no"})


def _find(words: list[str], seq: tuple[str, ...]) -> int:
    """Where the words ``seq`` stand in a row in ``words``, not negated unless ``seq`` says so
    (-1: nowhere)."""
    n = len(seq)
    for k in range(len(words) - n + 1):
        if tuple(words[k:k + n]) == seq and (seq[-1] in _NEGATIONS or "not" in seq
                                              or k + n >= len(words) or words[k + n] not in _NEGATIONS):
            return k
    return -1


def _force(word: str) -> int | None:
    forces = [g for g, verbs in enumerate(english.DIRECTIVE_FORCE) if english.lemmas(word) & verbs]
    return forces[0] if len(forces) == 1 else None


def directive_recast(edits, A, B) -> None:
    """An imperative directive verb that one witness alone has, opening its sentence, where the
    other witness's sentence states a modal of the same force that the first does not: the same
    directive (set lexical on that edit, and on the edits that only put the modal in place of "to")."""
    text = [e for e in edits if e.layer == "text"]
    for e in text:
        if e.info.get("category") != "substantive":
            continue
        for me, other, (i1, i2), (j1, j2), side in ((A, B, e.ta, e.tb, 0), (B, A, e.tb, e.ta, 1)):
            if i2 - i1 != 1 or j2 > j1 or not me.initial(i1):
                continue
            verb = me.words(i1, i2)[0]
            force = _force(verb)
            if force is None:
                continue
            s1, s2 = me.sentence(i1, i2)
            t1, t2 = other.sentence(j1, j2)
            mine = [w.lower() for w in me.words(s1, s2)]
            theirs = [w.lower() for w in other.words(t1, t2)]
            modal = next((m for m in MODALS_OF_FORCE[force] if _find(theirs, m) >= 0 and _find(mine, m) < 0), None)
            if modal is None:
                continue
            said = " ".join(modal)
            reason = f"the same directive in another construction ({verb} ... / ... {said})"
            e.info = {**e.info, "category": "lexical", "flags": [], "severity": BASE_SEVERITY["lexical"],
                      "reason": reason, "residual": ([], [])}
            allowed = set(modal) | {"to"}
            for f in text:   # the modal put in the place of "to" in the same sentence
                fm, fo = (f.ta, f.tb) if side == 0 else (f.tb, f.ta)
                if f is e or not (s1 <= fm[0] <= s2 and t1 <= fo[0] <= t2):
                    continue
                words = [w.lower() for w in me.words(*fm) + other.words(*fo)]
                if words and set(words) <= allowed and f.info.get("category") in ("substantive", "lexical"):
                    f.info = {**f.info, "category": "lexical", "flags": [], "severity": BASE_SEVERITY["lexical"],
                              "reason": reason, "residual": ([], [])}
            break
