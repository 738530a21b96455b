"""The provenance panel: each witness's copies, recipients, roles and archival location.

Reads a chain result (``provenance.chain.extract_paths``) and lays out, for each witness, a
small graph: the document on the left, what it became and who handled it on the right. The
layout is computed here (deterministic coordinates); the template draws it as inline SVG and
escapes every label.
"""

from __future__ import annotations

from pathlib import Path

_ROW = 26
_WIDTH = 320  # the graph is drawn at its own size: labels stay >= 11 px on a 360 px screen
_DOC_H = 28
_TRUNK_X = 12
_NODE_X = 26
_NODE_W = _WIDTH - _NODE_X - 2
_MAX_LABEL = 44


def _short(text: str, limit: int = _MAX_LABEL) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def unit_text(u: dict) -> str:
    """An archival unit as one line: repository, fond, opis, delo, folios (or the raw form)."""
    parts = []
    if u.get("repository"):
        parts.append(str(u["repository"]))
    for key, abbr in (("fond", "f."), ("opis", "op."), ("delo", "d.")):
        if u.get(key):
            parts.append(f"{abbr} {u[key]}")
    if u.get("folios"):
        parts.append(f"ll. {u['folios']}")
    if len(parts) >= 2:
        return ", ".join(parts)
    return str(u.get("raw") or ", ".join(parts) or "")


def _agent(name) -> str:
    return str(name) if name else "unknown (illegible or not named)"


def find_document(chain: dict | None, wid: str, path: str | None) -> dict | None:
    if not chain:
        return None
    docs = chain.get("documents") or []
    stem = Path(path).stem if path else None
    for key in (wid, stem):
        for d in docs:
            if key and d.get("id") == key:
                return d
    return None


def _copy_label(c: dict) -> str:
    num = c.get("number")
    return f"copy {num}" if num is not None else "extra copy"


def copy_nodes(doc: dict) -> list[dict]:
    """One node per copy, in the document's order; copies that share a written range and a
    destination ("1-2 - to the addressees") become one node "copies 1-2"."""
    nodes: list[dict] = []
    groups: dict[tuple, dict] = {}
    ex = (doc.get("exemplar") or {}).get("number")
    for c in doc.get("copies") or []:
        dest = c.get("recipient") or c.get("destination") or ("no destination" if c.get("kind") == "blank"
                                                              else c.get("kind") or "no destination")
        raw = c.get("number_raw") or ""
        key = (raw, dest) if c.get("number") is not None and "range" in (c.get("flags") or []) else None
        if key and key in groups:
            g = groups[key]
            g["numbers"].append(c["number"])
            continue
        n = {"type": "copy", "numbers": [c["number"]] if c.get("number") is not None else [], "dest": dest,
             "raw": raw, "extra": c.get("number") is None}
        nodes.append(n)
        if key:
            groups[key] = n
    for n in nodes:
        nums = n.pop("numbers")
        if not nums:
            head = "extra copy"
        elif len(nums) == 1:
            head = f"copy {nums[0]}"
        else:
            head = f"copies {min(nums)}-{max(nums)}"
        this = ex is not None and ex in nums
        label = f"{head} \u2192 {n['dest']}" + (" (this exemplar)" if this else "")
        full = label + (f"; written \u201c{n['raw']}\u201d" if n["raw"] else "")
        n.update({"text": _short(label), "full": full, "this": this})
        for k in ("dest", "raw", "extra"):
            n.pop(k)
    return nodes


def exemplar_text(doc: dict) -> str:
    """Which copy this exemplar is, when the witness states it ("Copy N\u00ba 3")."""
    ex = doc.get("exemplar") or {}
    if ex.get("number") is None:
        return ""
    out = f"this exemplar is copy {ex['number']}"
    dest = ex.get("listed_recipient") or ex.get("listed_destination")
    if dest:
        out += f" (the copy list sends it to {dest})"
    return out


def panel(chain: dict | None, wid: str, path: str | None) -> dict:
    """The view model of one witness's provenance card."""
    doc = find_document(chain, wid, path)
    if doc is None:
        if chain is None:
            why = "Copy-distribution extraction was not run for this report."
        else:
            why = "No copies, recipients, roles or archival location were found in this witness."
        return {"wid": wid, "empty": True, "why": why}
    pr = doc.get("print_run") or {}
    nodes = copy_nodes(doc)
    for ex in doc.get("excerpts") or []:
        rec = ", ".join(str(r) for r in (ex.get("recipients") or [])) or "unknown recipients"
        pts = ", ".join(str(p) for p in (ex.get("points") or [])) or "?"
        nodes.append({"type": "excerpt", "text": _short(f"excerpt {pts} \u2192 {rec}"),
                      "full": f"excerpt (points {pts}) \u2192 {rec}"})
    for r in doc.get("roles") or []:
        role = r.get("role") or "role"
        when = f", {r['date']}" if r.get("date") else ""
        nodes.append({"type": "role", "text": _short(f"{role}: {_agent(r.get('agent'))}{when}"),
                      "full": f"{role}: {_agent(r.get('agent'))}{when}"})
    for p in doc.get("placements") or []:
        copy = f"copy {p['copy']} " if p.get("copy") not in (None, "") else ""
        nodes.append({"type": "placement", "text": _short(f"{copy}placed in {p.get('container') or '?'}"),
                      "full": f"{copy}placed in {p.get('container') or '?'}"})
    units = doc.get("archival_units") or []
    for u in units:
        nodes.append({"type": "archive", "text": _short(unit_text(u)), "full": str(u.get("raw") or unit_text(u))})
    # the document on top, a trunk down its left side, one branch per node
    top = _DOC_H + 8
    for i, n in enumerate(nodes):
        y = top + i * _ROW + _ROW / 2
        n["y"] = round(y, 1)
        n["ty"] = round(y + 4, 1)
        n["path"] = f"M{_TRUNK_X},{_DOC_H} V{y:.1f} H{_NODE_X}"
        n["box_y"] = round(y - _ROW / 2 + 2, 1)
    height = top + len(nodes) * _ROW + 4
    findings = [f for f in (chain.get("findings") or []) if f.get("document") in (doc.get("id"), wid)]
    copies = doc.get("copies") or []
    return {
        "wid": wid, "empty": False, "doc_id": doc.get("id"),
        "declared": pr.get("declared"), "exemplar": exemplar_text(doc),
        "copies": copies, "numbered": sum(1 for c in copies if c.get("number") is not None),
        "extra": sum(1 for c in copies if c.get("number") is None),
        "roles": doc.get("roles") or [],
        "excerpts": doc.get("excerpts") or [], "placements": doc.get("placements") or [],
        "units": [unit_text(u) for u in units],
        "nodes": nodes, "findings": findings,
        "svg": {"width": _WIDTH, "height": round(height), "doc_w": _WIDTH - 2, "doc_h": _DOC_H,
                "node_x": _NODE_X, "node_w": _NODE_W, "row": _ROW - 4},
    }


def witness_links(witnesses: list[dict], chain: dict | None) -> list[dict]:
    """The links between the witnesses of a report: the comparison itself (base -> each other
    witness, called draft -> adopted when the base is dated earlier) and any copy-chain link
    the chain result found between two of them."""
    if len(witnesses) < 2:
        return []
    base = witnesses[0]
    out = []
    for w in witnesses[1:]:
        a, b = base.get("date_iso") or "", w.get("date_iso") or ""
        if a and b and a < b:
            label = f"draft \u2192 adopted ({a} \u2192 {b})"
        elif a and b and a > b:
            label = f"compared with an earlier text ({a} \u2192 {b})"
        else:
            label = "base \u2192 compared witness"
        out.append({"from": base["sigil"], "to": w["sigil"], "kind": "compared", "label": label})
    sig = {w["id"]: w["sigil"] for w in witnesses}
    for link in (chain or {}).get("links") or []:
        s, t = link.get("source"), link.get("target")
        if s in sig and t in sig and s != t:
            out.append({"from": sig[s], "to": sig[t], "kind": "chain",
                        "label": f"{link.get('kind', 'linked')} ({link.get('confidence', '')})".replace(" ()", "")})
    return out
