"""Scoring of the copy-chain facts against tests/data/heldout/expected_chain.json: for each file, the
numbered copies and their recipients, the excerpts with their points, who drafted and who typed."""

from __future__ import annotations

import json
import re
from pathlib import Path

from heldout_marks import score_files

from provenance.chain import extract_paths
from provenance.chain.patterns import roman_number

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"


def _surname(name: str | None) -> str:
    if not name:
        return ""
    words = re.findall(r"[^\W\d_][\w'’-]*", name)   # a letter of any alphabet first (Ōno)
    words = [w for w in words if w.lower() not in ("cde", "cdes", "comrade", "to", "the")]
    if re.search(r"[A-Z][a-z][\w'’-]+[ \t]+(?:[A-Z]\.[ \t]*)+$", name):
        while len(words) > 1 and len(words[-1]) == 1:
            words.pop()   # initials after the surname: "Zhuravlev V.A."
    return words[-1].lower() if words else ""


def _family_first(want: str, have: str | None) -> bool:
    """A name written family name first (Jo Myong-hui) and read whole: the expected surname is
    its first word."""
    words = re.findall(r"[^\W\d_][\w'’-]*", have or "")
    return 2 <= len(words) <= 3 and words[0].lower() == want.lower()


def facts_of(doc: dict) -> dict:
    copies = {}
    unnumbered = []   # recipients of copies that carry no number ("Sent to: Cde. X, Cde. Y")
    for c in doc["copies"]:
        if c.get("number") is None:
            unnumbered.append(c.get("recipient_name") or c.get("recipient") or c.get("recipient_raw")
                              or c.get("destination") or c.get("kind") or "")
        if c.get("number") is not None:
            copies[str(c["number"])] = c.get("recipient_name") or c.get("recipient") or c.get("recipient_raw") \
                or c.get("destination") or ""
            if c.get("kind") in ("file", "addressee") and c["kind"] not in copies[str(c["number"])].lower():
                copies[str(c["number"])] += f" ({c['kind']})"   # "Archive" is the file copy
    for t in doc.get("transfers", []):
        if t.get("kind") == "dispatch":   # "Sent to: Cdes. X, Y; Z": the document went to them, no copy numbered
            unnumbered.append(t.get("recipient_name") or t.get("recipient") or t.get("recipient_raw") or "")
    excerpts = []
    for e in doc["excerpts"]:
        for i, raw in enumerate(e.get("recipients_raw") or []):
            name = (e.get("recipients_name") or [None] * 99)[i] or (e.get("recipients") or [None] * 99)[i] or raw
            excerpts.append((_surname(name), tuple(e.get("points") or ())))
    roles = {}
    for r in doc["roles"]:
        if not r.get("agent") and not re.sub(r"\[[^\]]*\]|\([^)]*\)", "", r.get("agent_raw") or "").strip():
            continue   # the role is there, its agent cannot be read ("[illegible]"): no name to compare
        roles.setdefault(r["role"], r.get("agent_name") or r.get("agent") or r.get("agent_raw") or "")
    return {"copies": copies, "unnumbered": unnumbered, "excerpts": excerpts, "roles": roles}


def score(prefixes, folder: Path = HELDOUT) -> list[tuple[str, str, bool]]:
    """(file, what, ok) for every expected fact of the files whose names start with ``prefixes``."""
    expected = json.loads((folder / "expected_chain.json").read_text(encoding="utf-8"))
    files = sorted(p for p in folder.glob("h*.txt") if p.name.startswith(tuple(prefixes)))
    res = extract_paths(files)
    by_path = {Path(d["path"]).name: d for d in res["documents"]}
    out = []
    for name, exp in expected.items():
        if not name.startswith(tuple(prefixes)):
            continue
        got = facts_of(by_path[name])
        for c in exp.get("copies", []):
            want = _surname(c["to"])
            if c["n"] is None:   # a copy the text gives no number: its recipient among all copies read
                names = [n or "" for n in list(got["copies"].values()) + got["unnumbered"]]
                out.append((name, f"copy without a number -> {c['to']} (got {names!r})",
                            bool(want) and any(want == _surname(n) or want in n.lower() for n in names)))
                continue
            have = _surname(got["copies"].get(str(c["n"])))
            out.append((name, f"copy {c['n']} -> {c['to']} (got {got['copies'].get(str(c['n']))!r})",
                        bool(want) and (want == have or want in (got["copies"].get(str(c["n"])) or "").lower())))
        for e in exp.get("excerpts", []):
            # points in figures, as the model gives them ("item IV" is point 4)
            want = (_surname(e["to"]), tuple(str(roman_number(x) or x) for x in e["points"]))
            ok = want in got["excerpts"] or any(w == want[0] or want[0] in w for w, p in got["excerpts"]
                                                 if p == want[1])
            out.append((name, f"excerpt {e['to']} {e['points']} (got {got['excerpts']})", ok))
        for role in ("drafted", "typed"):
            want = exp.get(f"{role}_by")
            if want:
                have = got["roles"].get(role)
                out.append((name, f"{role} by {want} (got {have!r})",
                            _surname(want) == _surname(have) or _family_first(want, have)))
    return out


def score_set(folder: Path, prefixes) -> dict:
    """Marks and chain facts of the files of one set: counts, and what was missed."""
    marks = score_files(prefixes, folder)
    facts = score(prefixes, folder)
    return {"marks": len(marks), "marks_hit": sum(hit for _e, hit in marks),
            "marks_missed": [e["mark"] for e, hit in marks if not hit],
            "facts": len(facts), "facts_ok": sum(ok for *_x, ok in facts),
            "facts_missed": [what for _f, what, ok in facts if not ok]}


if __name__ == "__main__":
    import sys

    args = sys.argv[1:]
    folder = Path(args.pop(0)) if args and Path(args[0]).is_dir() else HELDOUT   # another folder of the same shape
    results = score(args or (["h01", "h02", "h03", "h04"] if folder == HELDOUT else ["h"]), folder)
    for f, what, ok in results:
        if not ok:
            print("MISS", f, what)
    print(f"{sum(ok for *_x, ok in results)}/{len(results)} chain facts as expected")


def check_set(folder: Path, prefixes, marks: int, facts: int, marks_hit: int, facts_ok: int) -> None:
    """Score the files of one set and check them: as many marks and facts as written, and at least
    ``marks_hit`` and ``facts_ok`` of them read as expected."""
    got = score_set(folder, prefixes)
    assert (got["marks"], got["facts"]) == (marks, facts), got
    assert got["marks_hit"] >= marks_hit and got["facts_ok"] >= facts_ok, \
        (got["marks_hit"], got["facts_ok"], got["marks_missed"], got["facts_missed"])
