"""Character-level detail of substitutions: which characters of each reading differ.

Tarbaghatai / Tarbaghatay differ in one letter; a reader should see that letter, not the whole
word, highlighted. The diff is computed with diff-match-patch (semantic cleanup, so that the
pieces fall on sensible boundaries) between the base witness's reading and each other reading.
"""

from __future__ import annotations

from functools import lru_cache

from diff_match_patch import diff_match_patch

#: Below this share of common characters (of the longer reading) the readings are simply two
#: different wordings: highlighting scattered shared letters would mislead, so the report marks
#: nothing inside them (the JSON detail still gives the diff).
MIN_COMMON = 0.4

_OPS = {0: "=", -1: "-", 1: "+"}


def _dmp() -> diff_match_patch:
    d = diff_match_patch()
    d.Diff_Timeout = 0.2
    return d


def char_ops(a: str, b: str) -> list[list[str]]:
    """The character diff from reading ``a`` to reading ``b`` as ``[[op, text], ...]`` with op one
    of ``=`` (in both), ``-`` (only in a) and ``+`` (only in b)."""
    return [[op, text] for op, text in _char_ops(a, b)]


@lru_cache(maxsize=4096)
def _char_ops(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """The diff of :func:`char_ops`, computed once for a pair of readings however many times a
    run asks (the report marks both readings of a divergence, its JSON gives the diff again)."""
    d = _dmp()
    diffs = d.diff_main(a, b)
    d.diff_cleanupSemantic(diffs)
    return tuple((_OPS[op], text) for op, text in diffs if text)


def common_share(ops: list[list[str]]) -> float:
    same = sum(len(t) for op, t in ops if op == "=")
    a = same + sum(len(t) for op, t in ops if op == "-")
    b = same + sum(len(t) for op, t in ops if op == "+")
    return same / max(a, b, 1)


def divergence_chars(d: dict, base: str) -> list[dict] | None:
    """For a substitution: one entry per non-base witness, ``{"witness", "against", "diff"}``,
    the diff from the base reading to that witness's reading. None for other kinds."""
    if d.get("kind") != "substitution":
        return None
    readings = d.get("readings") or {}
    if base not in readings:
        base = next(iter(readings), base)
    ref = (readings.get(base) or {}).get("text") or ""
    return [{"witness": wid, "against": base, "diff": char_ops(ref, r.get("text") or "")}
            for wid, r in readings.items() if wid != base]


def add_chars(result: dict) -> dict:
    """The result with ``chars`` on every substitution (the ``--char-diff`` detail)."""
    base = (result.get("settings") or {}).get("base") or ""
    out = dict(result)
    divs = []
    for d in result.get("divergences") or []:
        chars = divergence_chars(d, base)
        divs.append({**d, "chars": chars} if chars is not None else d)
    out["divergences"] = divs
    return out


def marked_pieces(d: dict, wid: str, base: str) -> list[tuple[str, bool]] | None:
    """The reading of witness ``wid`` cut into (text, differs) pieces, or None when nothing
    should be marked inside it (not a substitution, or the readings share too little)."""
    if d.get("kind") != "substitution":
        return None
    readings = d.get("readings") or {}
    if wid not in readings or len(readings) < 2:
        return None
    if base not in readings or base == wid:
        other = next((w for w in readings if w != wid), None)
        ops = char_ops(readings[wid].get("text") or "", readings[other].get("text") or "")
        keep = "-"
    else:
        ops = char_ops(readings[base].get("text") or "", readings[wid].get("text") or "")
        keep = "+"
    if common_share(ops) < MIN_COMMON:
        return None
    pieces: list[tuple[str, bool]] = []
    for op, text in ops:
        if op == "=":
            pieces.append((text, False))
        elif op == keep:
            pieces.append((text, True))
    return pieces
