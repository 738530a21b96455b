"""The provenance panel: each witness's copies, recipients, roles and archival location.

Reads a chain result (``provenance.chain.extract_paths``) and lays out, for each witness, a
small graph: the document on the left, what it became and who handled it on the right. The
layout is computed here (deterministic coordinates); the template draws it as inline SVG and
escapes every label.
"""

from __future__ import annotations

from pathlib import Path

_ROW = 24
_DOC_W = 176
_NODE_X = 250
_NODE_W = 400
_WIDTH = _NODE_X + _NODE_W + 6
_MAX_LABEL = 62


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


def panel(chain: dict | None, wid: str, path: str | None) -> dict:
    """The view model of one witness's provenance card."""
    doc = find_document(chain, wid, path)
    if doc is None:
        if chain is None:
            why = "Copy-distribution extraction was not run for this report."
        else:
            why = "No copies, recipients, roles or archival location were found in this witness."
        return {"wid": wid, "empty": True, "why": why}
    nodes = []
    pr = doc.get("print_run") or {}
    for c in doc.get("copies") or []:
        num = c.get("number_raw") or (f"copy {c['number']}" if c.get("number") is not None else "copy")
        dest = c.get("recipient") or c.get("destination") or c.get("kind") or "no destination"
        nodes.append({"type": "copy", "text": _short(f"{num} \u2192 {dest}"),
                      "full": f"{num} \u2192 {dest}"})
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
    height = max(2, len(nodes)) * _ROW + 12
    cy = height / 2
    for i, n in enumerate(nodes):
        y = 6 + i * _ROW + _ROW / 2
        n["y"] = round(y, 1)
        n["ty"] = round(y + 4, 1)
        n["path"] = (f"M{_DOC_W + 8},{cy:.1f} C{(_DOC_W + _NODE_X) / 2:.1f},{cy:.1f} "
                     f"{(_DOC_W + _NODE_X) / 2:.1f},{y:.1f} {_NODE_X},{y:.1f}")
        n["box_y"] = round(y - _ROW / 2 + 2, 1)
    findings = [f for f in (chain.get("findings") or []) if f.get("document") in (doc.get("id"), wid)]
    return {
        "wid": wid, "empty": False, "doc_id": doc.get("id"),
        "declared": pr.get("declared"),
        "copies": doc.get("copies") or [], "roles": doc.get("roles") or [],
        "excerpts": doc.get("excerpts") or [], "placements": doc.get("placements") or [],
        "units": [unit_text(u) for u in units],
        "nodes": nodes, "findings": findings,
        "svg": {"width": _WIDTH, "height": round(height), "cy": round(cy, 1), "doc_w": _DOC_W,
                "doc_y": round(cy - 14, 1), "node_x": _NODE_X, "node_w": _NODE_W, "row": _ROW - 4},
    }
