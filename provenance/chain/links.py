"""Links between documents: shared archival units, and one document being another's basis.

Two documents are linked when they cite the same archival file (same repository, fond,
opis, papka if any, and delo), the same inventory (same opis of the same fond; "R-9401ss" and "9401s" are
the same fund 9401 with different secrecy suffixes, so that link has a lower confidence),
or when one names the other as its basis (same document number, or same date and author).
"""

from __future__ import annotations

import re
from itertools import combinations


def _base_fond(fond: str | None) -> str:
    if not fond:
        return ""
    m = re.search(r"\d+", fond)
    return m.group(0).lstrip("0") or "0" if m else fond


def _unit_links(a: dict, b: dict) -> list[dict]:
    out = []
    for ua in a["archival_units"]:
        for ub in b["archival_units"]:
            if not ua.get("repository") or ua["repository"] != ub.get("repository"):
                continue
            same_fond = ua["fond"] == ub["fond"]
            same_base = _base_fond(ua["fond"]) == _base_fond(ub["fond"])
            # at the foreign-policy archive a delo is numbered within its papka (folder)
            if same_fond and ua.get("opis") == ub.get("opis") and ua.get("papka") == ub.get("papka") \
                    and ua.get("delo") == ub.get("delo") and ua.get("delo"):
                kind, conf = "same-file", 1.0
            elif same_fond and ua.get("opis") and ua.get("opis") == ub.get("opis"):
                kind, conf = "same-inventory", 1.0
            elif same_base and ua.get("opis") and ua.get("opis") == ub.get("opis"):
                kind, conf = "same-inventory", 0.6
            elif same_fond:
                kind, conf = "same-fond", 1.0
            else:
                continue
            out.append({"source": a["id"], "target": b["id"], "kind": kind, "confidence": conf,
                        "reason": f"{ua['raw']} / {ub['raw']}",
                        "evidence": {a["id"]: ua["evidence"], b["id"]: ub["evidence"]}})
    return out


def _norm_number(s: str | None) -> str:
    return re.sub(r"[^\w/]", "", s or "").lower()


def _basis_links(a: dict, b: dict) -> list[dict]:
    """``a`` names ``b`` as its basis."""
    out = []
    b_numbers = {_norm_number(n["value"]) for n in b.get("numbers", [])}
    b_authors = {p["name"] for p in b["correspondence"]["senders"] if p["name"]} | {
        r["agent"] for r in b["roles"] if r["role"] == "signed" and r["agent"]}
    for r in a["roles"]:
        if r["role"] != "basis" or not r.get("document"):
            continue
        d = r["document"]
        by_number = d.get("number") and _norm_number(d["number"]) in b_numbers
        by_date_author = d.get("date") and d["date"] == b.get("date") and r["agent"] in b_authors
        if by_number or by_date_author:
            out.append({"source": a["id"], "target": b["id"], "kind": "basis",
                        "confidence": 1.0 if by_number and by_date_author else 0.7,
                        "reason": "number" if by_number else "date and author",
                        "evidence": {a["id"]: r["evidence"]}})
    return out


def document_links(documents: list[dict]) -> list[dict]:
    links = []
    for a, b in combinations(documents, 2):
        links.extend(_unit_links(a, b))
        links.extend(_basis_links(a, b))
        links.extend(_basis_links(b, a))
    return sorted(links, key=lambda x: (x["source"], x["target"], x["kind"]))
