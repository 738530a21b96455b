"""A readable summary of an align result, the most severe divergences first."""

from __future__ import annotations

from provenance.align.collate import CATEGORIES


def _short(s: str, width: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 3] + "..."


def render(result: dict, limit: int | None = None) -> str:
    ids = [w["id"] for w in result["witnesses"]]
    s = result["summary"]
    lines = [f"Base: {ids[0]}; compared: {', '.join(ids[1:])}",
             f"{s['total']} divergences: " + ", ".join(f"{s['by_category'][c]} {c}" for c in CATEGORIES)
             + "; " + ", ".join(f"{v} {k}" for k, v in s["by_kind"].items() if v), ""]
    divs = sorted(result["divergences"], key=lambda d: (-d["severity"], d["row"], d["id"]))
    if limit is not None:
        divs = divs[:limit]
    for d in divs:
        flags = f" [{', '.join(d['flags'])}]" if d["flags"] else ""
        lines.append(f"{d['severity']:.2f}  {d['category']} {d['kind']}{flags}  ({d['id']}, row {d['row']})")
        for wid in ids:
            r = d["readings"].get(wid)
            if r is None:
                continue
            shown = _short(r["text"]) if r["text"] else "(omitted)"
            if d.get("layer") == "header":
                lines.append(f"      {wid} @header: {shown}")
                continue
            where = f"{r['segment']}" if r["segment"] is not None else "-"
            lines.append(f"      {wid} @{where} {r['start']}-{r['end']}: {shown}")
        lines.append(f"      why: {d['reason']}")
    return "\n".join(lines) + "\n"
