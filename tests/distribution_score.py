"""Scoring of the copy-chain facts of closing blocks (tests/data/distribution/cases.json): each case
is the end of a document as transcribed, with the copies, excerpts, drafter and typist an archivist
reads from it. A fact counts when the extractor reads it; a copy the case does not list counts
against it (registry numbers and numbered points are not copies).

    python tests/distribution_score.py [distribution2] [tune|heldout]   # the misses, then the score
"""

from __future__ import annotations

import json
from pathlib import Path

from heldout_chain import _family_first, _surname, facts_of

from provenance.chain import extract_document

DATA = Path(__file__).resolve().parent / "data"
CASES = DATA / "distribution" / "cases.json"


def cases(split: str | None = None, path: Path = CASES) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [c for c in data if split is None or c["split"] == split]


def _same(want: str, have: str | None) -> bool:
    have = have or ""
    if want in ("addressee", "file"):
        return want in have.lower()
    return _surname(want) == _surname(have) or want.lower() in have.lower()


def assert_copies(block: str, copies: dict[str, str]) -> None:
    """The block's numbered copies are exactly ``copies`` (number -> recipient as a reader writes it)."""
    got = facts_of(extract_document(block, "x"))["copies"]
    assert set(got) == set(copies) and all(_same(want, got[k]) for k, want in copies.items()), got


def score(split: str | None = None, path: Path = CASES) -> list[tuple[str, str, bool]]:
    """(case, what, ok) for every expected fact, and for every copy read that the case does not list."""
    out = []
    for case in cases(split, path):
        got = facts_of(extract_document(case["text"], case["id"]))
        want_copies = {str(c["n"]): c["to"] for c in case.get("copies", []) if c["n"] is not None}
        for n, to in want_copies.items():
            out.append((case["id"], f"copy {n} -> {to} (got {got['copies'].get(n)!r})", _same(to, got["copies"].get(n))))
        for c in case.get("copies", []):
            if c["n"] is None:   # a copy that carries no number: its recipient among those read without one
                out.append((case["id"], f"copy without a number -> {c['to']} (got {got['unnumbered']!r})",
                            any(_same(c["to"], u) for u in got["unnumbered"])))
        for n, have in got["copies"].items():
            if n not in want_copies:
                out.append((case["id"], f"copy {n} read but not there ({have!r})", False))
        for e in case.get("excerpts", []):
            want = (_surname(e["to"]), tuple(e["points"]))
            # no points named and "all" both mean the whole text (sets write it either way)
            ok = any((w == want[0] or want[0] in w or _surname(e["to"]) in w)
                     and (p == want[1] or not want[1] and p in ((), ("all",)) or want[1] == ("all",) and p == ())
                     for w, p in got["excerpts"])
            out.append((case["id"], f"excerpt {e['to']} {e['points']} (got {got['excerpts']})", ok))
        for role in ("drafted", "typed"):
            want = case.get(f"{role}_by")
            have = got["roles"].get(role)
            if want:
                out.append((case["id"], f"{role} by {want} (got {have!r})",
                            _surname(want) == _surname(have) or _family_first(want, have)))
            elif have:
                out.append((case["id"], f"{role} read but not there ({have!r})", False))
    return out


if __name__ == "__main__":
    import sys

    args = sys.argv[1:]
    path = DATA / args.pop(0) / "cases.json" if args and (DATA / args[0] / "cases.json").is_file() else CASES
    results = score(args[0] if args else "tune", path)
    for case, what, ok in results:
        if not ok:
            print("MISS", case, what)
    print(f"{sum(ok for *_x, ok in results)}/{len(results)} facts as expected")
