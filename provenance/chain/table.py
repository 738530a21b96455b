"""The chain result as a table for a terminal (``provenance chain``'s default output)."""

from __future__ import annotations


def _unlisted(name: str | None) -> str | None:
    """A person the name authority does not hold, as the table shows them."""
    return f"{name} (not in the name authority)" if name else None


def render_table(result: dict) -> str:
    """One block per document (copies, roles, excerpts, placements, archival units), then the
    links between documents, the findings and a summary line."""
    out = []
    for d in result["documents"]:
        out.append(f"== {d['id']}  {d.get('title') or ''}  {d.get('date') or ''}".rstrip())
        run = d.get("print_run")
        if run:
            out.append(f"  print run: {run['declared']} declared, {run['listed']} listed  ({run['declared_raw']})")
        ex = d.get("exemplar")
        if ex:
            out.append(f"  this exemplar: {ex['number_raw'] or 'a copy'}"
                       + (f" -> {ex.get('listed_recipient') or ex.get('listed_destination')}"
                          if ex.get("listed_destination") else ""))
        for c in d["copies"]:
            who = c["recipient"] or _unlisted(c.get("recipient_name")) or \
                ("/".join(x for x in c["candidates"] if x) + "?" if c["candidates"] else None) or c["destination"] or "-"
            extra = f"  [{', '.join(c['flags'])}]" if c["flags"] else ""
            num = c["number"] if c["number"] is not None else "+"
            out.append(f"  copy {num!s:>3}  {c['kind']:<9} {who}{extra}")
        for r in d["roles"]:
            agent = r["agent"] or f"({r['agent_status']}: {r['agent_raw']})" if r["agent_raw"] else r["agent"] or "-"
            out.append(f"  {r['role']:<13} {agent}" + (f"  {r['date']}" if r.get("date") else "")
                       + (f" {r['time']}" if r.get("time") else ""))
        for e in d["excerpts"]:
            recorded = e.get("recipients_name") or [None] * len(e["recipients"])
            names = ", ".join(n or _unlisted(r) or "?" for n, r in zip(e["recipients"], recorded))
            pts = "everything" if e["points"] == ["all"] else ", ".join(e["points"])
            out.append(f"  excerpt       {names}: {pts}" + (f" by {e['channel']}" if e["channel"] else "")
                       + (f"  [{e['status']}]" if e["status"] != "ok" else ""))
        for p in d["placements"]:
            what = f"copy {p['copy']}" if p.get("copy") is not None else p.get("scope") or "a copy"
            out.append(f"  placed        {what} in the {p['container']}")
        for u in d["archival_units"]:
            out.append(f"  archive       {u['raw']}")
    if result["links"]:
        out.append("== links")
        for link in result["links"]:
            out.append(f"  {link['source']} -{link['kind']}-> {link['target']}  ({link['confidence']})")
    if result["findings"]:
        out.append("== findings")
        for f in result["findings"]:
            out.append(f"  {f['document']}: {f['severity']}: {f['code']}: {f['message']}")
            for r in f["readings"]:
                if r.get("text"):
                    out.append(f"      reading: {r['text']}")
    s = result["summary"]
    out.append(f"{s['documents']} documents, {s['copies']} copies, {s['excerpts']} excerpts, "
               f"{s['findings']} findings ({s['by_severity'].get('warning', 0)} warnings)")
    return "\n".join(out) + "\n"
