"""Writing distribution facts into TEI: ``correspDesc``, ``list type="distribution"``, ``msDesc/history``.

The converter calls :func:`distribution_facts` once per document, then builds the elements
it needs from the result:

- ``correspdesc_element(facts)`` -> ``<correspDesc>`` (for ``profileDesc``), one
  ``correspAction type="sent"`` with the senders and one ``type="received"`` per addressee or
  recipient of a copy or excerpt;
- ``distribution_list_element(facts)`` -> ``<list type="distribution">`` of ``<item>``s (a
  fallback; a converter that keeps inline markup wraps ``facts["distribution"]`` spans itself);
- ``history_element(facts)`` -> ``<history>`` (for ``sourceDesc/msDesc``): ``origin`` with
  drafting, typing, signing and basis; one ``provenance`` per copy delivered, excerpt sent,
  placement, authentication or copy made outside the print run.

People are ``persName`` with ``@key`` = the name-authority id (no ``#`` pointer, so nothing has
to resolve inside the file); a person the authority does not hold ("unlisted") is a
``persName`` without ``@key``, the surname as written; illegible names are ``<gap reason="illegible"/>``.
"""

from __future__ import annotations

import re

from lxml import etree

from provenance.chain.authority import NameAuthority
from provenance.chain.extract import extract_document
from provenance.chain.model import agent_name, excerpt_names, party_name, recipient_name
from provenance.knowledge.wordnet import wordnet
from provenance.teixml import append_text
from provenance.vocab import T


def _el(tag: str, parent=None, text: str | None = None, **attrs):
    el = etree.Element(T + tag) if parent is None else etree.SubElement(parent, T + tag)
    for k, v in attrs.items():
        if v is not None:
            el.set(k, str(v))
    if text:
        el.text = text
    return el



def _key_for(name: str | None, authority: NameAuthority) -> tuple[str, str | None]:
    """(element, key) for a normalized name: persName for people, orgName for institutions."""
    if not name:
        return "persName", None
    for ident, e in authority.people.items():
        if e["surname"] == name:
            return "persName", ident
    for ident, e in authority.institutions.items():
        if e["name"] == name:
            return "orgName", ident
    if _organization_shaped(name):
        return "orgName", None   # "Presidium", "Agricultural Department of the CC": an office the authority does not hold
    return "persName", None


def _organization_shaped(name: str) -> bool:
    """Whether one of the first three words of a name is a noun WordNet says names an organization."""
    return any(w[:1].isupper() and wordnet().names_a_group(w.lower()) for w in re.findall(r"[A-Za-z]+", name)[:3])


def _name(parent, name: str | None, raw: str | None, authority: NameAuthority, status: str | None = None,
          kind: str | None = None):
    tag, key = _key_for(name, authority)
    if kind == "institution" and key is None:
        tag = "orgName"   # a body the title names ("VKP(b) CC Politburo"), however its words run
    el = _el(tag, parent, key=key)
    if name:
        el.text = name
    elif status == "illegible":
        _el("gap", el, reason="illegible")
    elif status == "blank":
        _el("space", el)
    else:
        el.text = (raw or "unknown").strip()
    return el


def _date(parent, iso: str | None):
    if iso:
        _el("date", parent, iso, when=iso)


def distribution_facts(text: str, doc_id: str, meta: dict | None = None,
                       authority: NameAuthority | None = None, doc: dict | None = None) -> dict:
    """Everything the converter needs to write the facts of ``text`` into TEI.

    Returns ``{"document": <facts as in the chain JSON, with findings>, "sent": [...],
    "received": [...], "distribution": [...]}``. ``distribution`` holds one entry per line of
    the copy list with ``start``/``end`` offsets into ``text`` (the line), ``n`` (the copy
    numbers as written), ``recipient``, ``key`` and ``kind``.
    """
    auth = authority or NameAuthority.default()
    if doc is None:
        doc = extract_document(text, doc_id, meta, auth)
    received, seen = [], set()

    def add_received(name, raw, source, ev, kind=None):
        if name and (name, source) not in seen:
            seen.add((name, source))
            received.append({"name": name, "key": _key_for(name, auth)[1], "raw": raw, "source": source,
                             "start": ev["start"], "end": ev["end"], "kind": kind})

    for p in doc["correspondence"]["addressees"]:
        if p["source"] == "header":
            add_received(party_name(p), p["raw"], "header", p["evidence"], p["kind"])
    in_header = {_last_word(r["name"]) for r in received}
    for p in doc["correspondence"]["addressees"]:
        # an addressee the title names and the header does not ("Telegram ... to Mao Zedong")
        if p["source"] == "title" and party_name(p) and _last_word(party_name(p)) not in in_header:
            add_received(party_name(p), p["raw"], "title", p["evidence"], p["kind"])
    for c in doc["copies"]:
        add_received(recipient_name(c), c["recipient_raw"] or c["destination"], "copy", c["evidence"])
    for e in doc["excerpts"]:
        for name, raw in zip(excerpt_names(e), e["recipients_raw"]):
            add_received(name, raw, "excerpt", e["evidence"])
    for t in doc["transfers"]:
        if t["kind"] == "dispatch":
            add_received(recipient_name(t), t["recipient_raw"], "dispatch", t["evidence"])
    sent = []
    for p in doc["correspondence"]["senders"]:
        name = party_name(p)
        if name and all(s["name"] != name for s in sent):
            date = next((r["date"] for r in doc["roles"] if r["role"] == "signed" and agent_name(r) == name), None)
            sent.append({"name": name, "key": _key_for(name, auth)[1], "raw": p["raw"], "kind": p["kind"],
                         "source": p["source"], "date": date or doc.get("date")})
    distribution, lines = [], {}
    for c in doc["copies"]:
        if c["source"] != "list":
            continue
        ev = c["evidence"]
        entry = lines.get(ev["start"])
        if entry is None:
            entry = {"n": c["number_raw"], "numbers": [], "start": ev["start"], "end": ev["end"],
                     "recipient": recipient_name(c), "key": _key_for(recipient_name(c), auth)[1], "kind": c["kind"],
                     "destination": c["destination"], "text": ev["quote"]}
            lines[ev["start"]] = entry
            distribution.append(entry)
        if c["number"] is not None:
            entry["numbers"].append(c["number"])
    return {"document": doc, "sent": sent, "received": received, "distribution": distribution}


def _last_word(name: str) -> str:
    words = name.replace(".", " ").split()
    return words[-1].lower() if words else ""


def correspdesc_element(facts: dict, authority: NameAuthority | None = None):
    """``<correspDesc>`` with the senders and the recipients (header, copies, excerpts)."""
    auth = authority or NameAuthority.default()
    cd = _el("correspDesc")
    if facts["sent"]:
        act = _el("correspAction", cd, type="sent")
        for s in facts["sent"]:
            _name(act, s["name"], s["raw"], auth, kind=s.get("kind"))
        _date(act, facts["sent"][0].get("date"))
    for r in facts["received"]:
        act = _el("correspAction", cd, type="received", subtype=r["source"])
        _name(act, r["name"], r["raw"], auth, kind=r.get("kind"))
    return cd


def distribution_list_element(facts: dict):
    """``<list type="distribution">``: one ``item`` per line of the copy list, its text as written."""
    lst = _el("list", type="distribution")
    for d in facts["distribution"]:
        _el("item", lst, d["text"], n=" ".join(str(n) for n in d["numbers"]) or None)
    return lst


def history_element(doc_facts: dict, authority: NameAuthority | None = None):
    """``<history>`` for ``msDesc``: origin (who drafted, typed, signed; the basis) and provenance.

    ``doc_facts`` is one document of the chain result (or ``distribution_facts(...)["document"]``).
    """
    auth = authority or NameAuthority.default()
    doc = doc_facts.get("document", doc_facts) if "copies" not in doc_facts else doc_facts
    hist = _el("history")
    origin_roles = [r for r in doc["roles"] if r["role"] in ("drafted", "typed", "signed", "basis")]
    run = doc.get("print_run")
    if origin_roles or run:
        p = _el("p", _el("origin", hist))
        first = True
        if run and run.get("declared") is not None:
            append_text(p, "Print run of ")
            _el("num", p, str(run["declared"]), value=run["declared"])
            append_text(p, " copies")
            first = False
        labels = {"drafted": "drafted by ", "typed": "typed by ", "signed": "signed by ", "basis": "based on "}
        for r in origin_roles:
            append_text(p, ("" if first else "; ") + labels[r["role"]])
            first = False
            if r["role"] == "basis" and r.get("document"):
                d = r["document"]
                append_text(p, "the " + " ".join(x for x in (d.get("kind") or "document",
                                                             ("N° " + d["number"]) if d.get("number") else "")
                                                  if x) + " of ")
            _name(p, agent_name(r), r["agent_raw"], auth, _status_word(r["agent_status"]))
            if r.get("date"):
                append_text(p, ", ")
                _date(p, r["date"])
        append_text(p, ".")
    for c in doc["copies"]:
        if c["source"] == "list" and (recipient_name(c) or c["kind"] in ("file", "markup", "blank")):
            p = _el("p", _el("provenance", hist))
            append_text(p, f"Copy {c['number']} " if c["number"] is not None else "A copy ")
            if recipient_name(c):
                append_text(p, "to ")
                _name(p, recipient_name(c), c["recipient_raw"], auth)
            elif c["kind"] == "blank":
                append_text(p, "with no destination given")
            else:
                append_text(p, c["destination"] or c["kind"])
            append_text(p, ".")
        elif c["source"] == "extra":
            p = _el("p", _el("provenance", hist))
            append_text(p, "A copy made outside the print run")
            if c.get("instructed_by"):
                append_text(p, " at the instruction of ")
                _name(p, c["instructed_by"], None, auth)
            if recipient_name(c):
                append_text(p, ", to ")
                _name(p, recipient_name(c), c["recipient_raw"], auth)
            elif c["destination"]:
                append_text(p, ", for " + c["destination"])
            if c.get("date"):
                append_text(p, ", ")
                _date(p, c["date"])
            append_text(p, ".")
    for e in doc["excerpts"]:
        p = _el("p", _el("provenance", hist))
        pts = "everything" if e["points"] == ["all"] else "point " + ", ".join(e["points"])
        append_text(p, f"Excerpt ({pts}) sent to ")
        for i, (name, raw) in enumerate(zip(excerpt_names(e), e["recipients_raw"])):
            if i:
                append_text(p, " and ")
            _name(p, name, raw, auth)
        if e.get("channel"):
            append_text(p, f" by {e['channel']}")
        if e.get("status") == "ambiguous":
            append_text(p, " (the point is ambiguous: " + "; or ".join(r["text"] for r in e["readings"]) + ")")
        append_text(p, ".")
    dispatches: dict[int, list[dict]] = {}
    for t in doc["transfers"]:
        if t["kind"] == "dispatch" and (t.get("recipient_name") or t["recipient"] or t["recipient_raw"]):
            dispatches.setdefault(t["evidence"]["start"], []).append(t)
    for group in dispatches.values():
        p = _el("p", _el("provenance", hist))
        append_text(p, "Sent to ")
        for i, t in enumerate(group):
            if i:
                append_text(p, " and " if i == len(group) - 1 else ", ")
            if recipient_name(t) or t.get("recipient_status") == "illegible":
                _name(p, recipient_name(t), t["recipient_raw"], auth, _status_word(t.get("recipient_status")))
            else:
                append_text(p, t["recipient_raw"])  # not a name: as written
        if group[0].get("channel"):
            append_text(p, f" by {group[0]['channel']}")
        if group[0].get("date"):
            append_text(p, ", ")
            _date(p, group[0]["date"])
        append_text(p, ".")
    for pl in doc["placements"]:
        p = _el("p", _el("provenance", hist))
        owner = pl.get("owner_name") or pl.get("owner")
        what = (f"Copy {pl['copy']}" if pl.get("copy") is not None else
                f"The copy of {owner}" if owner else
                (pl["scope"][0].upper() + pl["scope"][1:]) if pl.get("scope") else "A copy")
        append_text(p, f"{what} placed in the {pl['container']}")
        if pl.get("hand"):
            append_text(p, f" ({pl['hand']})")
        append_text(p, ".")
    for r in doc["roles"]:
        if r["role"] in ("authenticated", "sent", "issued", "instructed"):
            p = _el("p", _el("provenance", hist))
            append_text(p, {"authenticated": "Authenticated by ", "sent": "Sent", "issued": "Issued by ",
                             "instructed": "Copy ordered by "}[r["role"]])
            if r["role"] != "sent":
                _name(p, agent_name(r), r["agent_raw"], auth, _status_word(r["agent_status"]))
            if r.get("date"):
                append_text(p, " on " if r["role"] == "sent" else ", ")
                _date(p, r["date"])
            if r.get("time"):
                append_text(p, f" at {r['time']}")
            append_text(p, ".")
    return hist


def _status_word(status: str | None) -> str | None:
    return status if status in ("illegible", "blank") else None


