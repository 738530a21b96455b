"""Findings an archivist wants to see in a document's distribution notes.

Each check reads the extracted facts and reports, with the evidence, what does not add up:
declared count against copies listed, duplicate or impossible copy numbers, copies with no
destination, copies made outside the print run, excerpt points that do not exist in the
decision, recipients in the copy list but not in the header (and the reverse), illegible or
blank agents. Where the text allows several readings, the finding lists them all and the
tool does not choose.

Severity: ``warning`` (something an editor must look at; the command exits 1) or ``info``
(worth knowing, no action needed).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from provenance.chain.authority import NameAuthority
from provenance.chain.model import excerpt_names, party_name, recipient_name


def _fid(doc: str, code: str, start, message: str) -> str:
    h = hashlib.sha1(f"{doc}\x00{code}\x00{start}\x00{message}".encode("utf-8")).hexdigest()
    return "f-" + h[:12]


class _Findings:
    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        self.items: list[dict] = []

    def add(self, code: str, severity: str, message: str, evidence: dict | None = None,
            readings: list | None = None, details: dict | None = None):
        start = evidence["start"] if evidence else None
        self.items.append({
            "id": _fid(self.doc_id, code, start, message),
            "document": self.doc_id, "code": code, "severity": severity, "message": message,
            "evidence": evidence, "readings": readings or [], "details": details or {},
        })


def _person_key(name: str | None) -> tuple[str, str] | None:
    """(surname, initials) of a recorded name ("A. N. Kosygin", "Kosygin A.N.", "Kosygin")."""
    if not name:
        return None
    words = re.findall(r"[A-ZА-Я][\w'’-]*\.?", name)
    initials = "".join(w[0] for w in words if w.endswith(".") or len(w) == 1)
    full = [w for w in words if not w.endswith(".") and len(w) > 1]
    if not full:
        return None
    return full[-1].lower(), initials


def merge_unlisted(findings: list[dict]) -> list[dict]:
    """One "not in the name authority" finding per person in a run, not one per mention: a person
    is known across the documents by surname (and initials, where two mentions give different
    ones); the kept finding counts the mentions and names the documents."""
    groups: dict[tuple[str, str], dict] = {}
    out = []
    for f in findings:
        key = _person_key((f.get("details") or {}).get("recipient")) if f["code"] == "name-unknown" else None
        if key is None:
            out.append(f)
            continue
        same = [k for k in groups if k[0] == key[0] and (not k[1] or not key[1] or k[1] == key[1])]
        if same:
            first = groups[same[0]]
            first["details"]["mentions"] += 1
            if f["document"] not in first["details"]["documents"]:
                first["details"]["documents"].append(f["document"])
            continue
        f["details"] = {**f["details"], "mentions": 1, "documents": [f["document"]]}
        groups[key] = f
        out.append(f)
    for f in groups.values():
        n, docs = f["details"]["mentions"], f["details"]["documents"]
        if n > 1:
            where = f" in {len(docs)} documents" if len(docs) > 1 else ""
            f["message"] += f" (named {n} times{where})"
    return out


def _fmt_numbers(nums) -> str:
    nums = sorted(nums)
    return ", ".join(str(n) for n in nums) if nums else "none"


def check_document(doc: dict, authority: NameAuthority, text: str = "", notes: list | None = None) -> list[dict]:
    """Every finding for one extracted document (``doc`` as produced by the extractor)."""
    f = _Findings(doc["id"])
    listed = [c for c in doc["copies"] if c["source"] == "list"]
    extra = [c for c in doc["copies"] if c["source"] == "extra"]
    run = doc.get("print_run")

    _check_numbers(f, doc, listed, run)
    for c in listed:
        if c["kind"] == "blank":
            f.add("copy-no-destination", "warning",
                  f"copy {c['number_raw']} has no destination (the place for it is blank)", c["evidence"])
        if "incomplete" in c["flags"]:
            f.add("copy-destination-incomplete", "info",
                  f"the destination of copy {c['number']} is incomplete: {c['destination']!r}", c["evidence"])
        if "unknown-name" in c["flags"] and "incomplete" not in c["flags"]:
            f.add("name-unknown", "info",
                  f"the recipient of copy {c['number']} ({c['recipient_raw']!r}) is not in the name authority",
                  c["evidence"], details={"recipient": c.get("recipient_name"), "status": c.get("recipient_status")})
    for t in doc["transfers"]:
        if t["kind"] in ("excerpt", "dispatch") and t.get("recipient_status") in ("unlisted", "unknown"):
            what = "an excerpt" if t["kind"] == "excerpt" else "the document"
            f.add("name-unknown", "info",
                  f"{t['recipient_raw']!r}, who received {what}, is not in the name authority", t["evidence"],
                  details={"recipient": t.get("recipient_name"), "status": t["recipient_status"]})
    for c in extra:
        to = recipient_name(c) or c["destination"] or "an unnamed destination"
        who = f" at the instruction of {c['instructed_by']}" if c.get("instructed_by") else ""
        when = f" on {c['date']}" if c.get("date") else ""
        f.add("copy-outside-print-run", "warning",
              f"a copy was made outside the print run{who}{when}, for {to}", c["evidence"],
              details={"recipient": c["recipient"], "destination": c["destination"], "date": c.get("date")})
    _check_header(f, doc, listed)
    _check_excerpts(f, doc, authority, text)
    _check_roles(f, doc)
    ex = doc.get("exemplar")
    if ex and ex.get("status") in ("blank", "illegible"):
        f.add("exemplar-number-" + ex["status"], "info",
              f"the number of this copy is {ex['status']} ({ex['number_raw']!r})", ex["evidence"])
    if ex and ex.get("number") is not None and run and run.get("declared") and ex["number"] > run["declared"]:
        f.add("exemplar-number-beyond-run", "warning",
              f"this exemplar is copy {ex['number']} but only {run['declared']} copies were printed", ex["evidence"])
    for note in notes or []:
        if note["code"] == "excerpt-unparsed":
            f.add("excerpt-unparsed", "warning",
                  f"an entry of the excerpt list could not be read: {note['evidence']['quote']!r}", note["evidence"])
    return sorted(f.items, key=lambda x: (x["evidence"]["start"] if x["evidence"] else -1, x["code"], x["id"]))


def _check_numbers(f: _Findings, doc: dict, listed: list[dict], run: dict | None):
    numbers = [c["number"] for c in listed if c["number"] is not None]
    # two-part labels "3-2": a range that runs backwards, or a suffix on every number?
    two_part = {}
    for c in listed:
        parts = re.findall(r"\d+", c["number_raw"])
        if len(parts) == 2:
            two_part[c["number_raw"]] = (int(parts[0]), int(parts[1]))
    suffixes = {b for _a, b in two_part.values()}
    suffix_reading = None
    if len(two_part) >= 2 and len(suffixes) == 1:
        k = next(iter(suffixes))
        firsts = sorted({a for a, _b in two_part.values()} |
                        {c["number"] for c in listed if len(re.findall(r"\d+", c["number_raw"])) == 1})
        suffix_reading = {"reading": "suffix", "numbers": firsts,
                          "text": f"'-{k}' is a suffix on every number: copies {_fmt_numbers(firsts)}"}
        if run and run.get("declared"):
            missing = sorted(set(range(1, run["declared"] + 1)) - set(firsts))
            suffix_reading["missing"] = missing
            if missing:
                suffix_reading["text"] += f"; copy {_fmt_numbers(missing)} is then not listed"
    seen_labels = set()
    for c in listed:
        if c["number_raw"] in seen_labels:
            continue
        if "impossible-range" in c["flags"] or "repeated-number" in c["flags"]:
            seen_labels.add(c["number_raw"])
            a, b = two_part.get(c["number_raw"], (c["number"], c["number"]))
            readings = [
                {"reading": "first-number", "numbers": [a], "text": f"copy {a}, the '-{b}' unexplained"},
                {"reading": "range", "numbers": [], "text": f"a range {a} to {b}, which runs backwards"
                 if b < a else f"a range {a} to {b}, which names one number twice"},
            ]
            if suffix_reading:
                readings.append(suffix_reading)
            sic = " (flagged [sic] by the editor)" if "sic" in c["flags"] else ""
            f.add("copy-number-impossible", "warning",
                  f"copy number {c['number_raw']!r} is impossible as written{sic}", c["evidence"], readings)
    counts = Counter(numbers)
    for n, k in sorted(counts.items()):
        if k > 1:
            ev = next(c["evidence"] for c in listed if c["number"] == n)
            f.add("copy-number-duplicate", "warning", f"copy {n} is listed {k} times", ev)
    if run and run.get("declared") is not None:
        declared = run["declared"]
        for n in sorted(set(numbers)):
            if n < 1 or n > declared:
                ev = next(c["evidence"] for c in listed if c["number"] == n)
                f.add("copy-number-beyond-run", "warning",
                      f"copy {n} is listed but the print run is {declared} copies", ev)
        if listed:
            distinct = len(set(numbers)) + sum(1 for c in listed if c["number"] is None)
            if distinct != declared:
                missing = sorted(set(range(1, declared + 1)) - set(numbers))
                f.add("count-mismatch", "warning",
                      f"{declared} copies declared, {distinct} listed"
                      + (f" (copy {_fmt_numbers(missing)} not listed)" if missing else ""),
                      run["evidence"], details={"declared": declared, "listed": distinct, "missing": missing})
        else:
            f.add("copies-not-listed", "info",
                  f"{declared} copies declared but no copy list follows", run["evidence"])
    elif listed:
        f.add("print-run-undeclared", "info",
              f"{len(set(numbers))} copies are listed but the number printed is not declared", listed[0]["evidence"])


def _check_header(f: _Findings, doc: dict, listed: list[dict]):
    parties = doc["correspondence"]
    header = [p for p in parties["addressees"] if p["source"] == "header"
              and p["kind"] in ("person", "institution", "unlisted")]
    if not header or not listed:
        return
    senders = {party_name(p) for p in parties["senders"] if party_name(p)}
    header_names = []
    for p in header:
        if party_name(p) not in header_names:
            header_names.append(party_name(p))
    internal = {c["recipient"] for c in listed if c["recipient_kind"] == "institution"
                and c["recipient"] and _is_internal(c)}
    named = {}
    for c in listed:
        who = recipient_name(c)
        if c["kind"] == "recipient" and who and who not in internal:
            named.setdefault(who, c)
    dispatched = {recipient_name(t) for t in doc["transfers"] if t["kind"] == "dispatch" and recipient_name(t)}
    for name, c in named.items():
        if name not in header_names:
            if name in senders:
                f.add("recipient-not-in-header", "info",
                      f"{name} receives copy {c['number']} but is not an addressee in the header "
                      f"({name} is the sender: the sender's own copy)", c["evidence"], details={"recipient": name})
            elif name in dispatched:
                f.add("recipient-not-in-header", "info",
                      f"{name} receives copy {c['number']} but is not an addressee in the header "
                      f"(the document says it was sent to {name})", c["evidence"], details={"recipient": name})
            else:
                f.add("recipient-not-in-header", "warning",
                      f"{name} receives copy {c['number']} but is not an addressee in the header",
                      c["evidence"], details={"recipient": name})
    to_addr = [c for c in listed if c["kind"] == "addressee"]
    uncovered = [n for n in header_names if n not in named]
    if to_addr:
        plural = any("plural" in c["flags"] for c in to_addr)
        if len(header_names) > len(to_addr):
            f.add("addressee-ambiguous", "warning",
                  f"{len(to_addr)} cop{'y goes' if len(to_addr) == 1 else 'ies go'} "
                  f"'to the addressee{'s' if plural else ''}' but the header names {len(header_names)} addressees "
                  f"({', '.join(header_names)}); which of them received "
                  f"{'it' if len(to_addr) == 1 else 'them'} is not said", to_addr[0]["evidence"],
                  readings=[{"reading": "addressee", "recipient": n} for n in header_names])
        elif plural and len(header_names) == 1:
            f.add("addressee-plural", "info",
                  f"copies {_fmt_numbers(c['number'] for c in to_addr)} go 'to the addressees' but the header "
                  f"names one addressee ({header_names[0]})", to_addr[0]["evidence"])
    else:
        for n in uncovered:
            p = next(p for p in header if party_name(p) == n)
            f.add("header-recipient-not-in-copies", "warning",
                  f"{n} is an addressee in the header but receives no copy in the list", p["evidence"],
                  details={"recipient": n})


def _is_internal(copy: dict) -> bool:
    return "internal" in copy["flags"]


def _check_excerpts(f: _Findings, doc: dict, authority: NameAuthority, text: str):
    excerpts = doc["excerpts"]
    if not excerpts:
        return
    dec = doc.get("decision")
    if not dec or not dec.get("points"):
        for e in excerpts:
            if e["points"] != ["all"]:
                f.add("excerpt-points-unverified", "info",
                      f"points {', '.join(e['points'])} of the excerpt cannot be checked: no numbered decision found",
                      e["evidence"])
        return
    subs = [p["n"] for p in dec["points"]]
    item = dec.get("item")
    span = f"{subs[0]}-{subs[-1]}" if len(subs) > 1 else subs[0]
    for e in excerpts:
        for p in e["points"]:
            if p == "all" or p.split(".")[0] in subs:
                continue
            related = _points_naming(doc, e, authority, text)
            names = ", ".join(n for n in excerpt_names(e) if n) or "the recipients"
            rel_txt = ""
            if related:
                rel_txt = (f"; the sub-point that concerns {names} is " if len(related) == 1 else
                           f"; the sub-points that concern {names} are ") + ", ".join(r["point"] for r in related)
            if item and p == item["n"]:
                readings = [
                    {"reading": "whole-item", "points": ["all"], "exists": True,
                     "text": f"the whole of item {item['n']} ({item['heading']!r}), that is the entire decision"},
                    {"reading": "sub-point", "points": [f"{item['n']}.{p}"], "exists": False,
                     "text": f"sub-point {p} of item {item['n']}, which does not exist (sub-points {span})"},
                ]
                msg = (f"excerpt point {p} for {names}: the decision is item {item['n']} with sub-points {span}, "
                       f"so '{p}' names either the whole item or a sub-point that does not exist{rel_txt}")
                e["status"] = "ambiguous"
                code = "excerpt-point-ambiguous"
            else:
                readings = [{"reading": "sub-point", "points": [p], "exists": False,
                             "text": f"point {p}, which does not exist (points {span})"}]
                msg = f"excerpt point {p} for {names} does not exist in the decision (points {span}){rel_txt}"
                e["status"] = "missing"
                code = "excerpt-point-missing"
            e["readings"] = readings
            e["confidence"] = 0.5
            f.add(code, "warning", msg, e["evidence"], readings,
                  details={"point": p, "existing_points": subs, "item": item["n"] if item else None,
                           "related_points": related})


def _points_naming(doc: dict, excerpt: dict, authority: NameAuthority, text: str) -> list[dict]:
    """Sub-points of the decision whose text names one of the excerpt's recipients."""
    out = []
    if not text:
        return out
    ids = []
    for name in excerpt["recipients"]:
        if not name:
            continue
        for kind, table in (("person", authority.people), ("institution", authority.institutions)):
            for ident, e in table.items():
                if (e.get("surname") or e.get("name")) == name:
                    ids.append((kind, ident))
    for p in doc["decision"]["points"]:
        seg = text[p["start"]:p["end"]]
        for kind, ident in ids:
            spans = authority.mentions(seg, ident, kind)
            if spans:
                s, e = spans[0]
                out.append({"point": p["n"], "evidence": {"quote": seg[s:e], "start": p["start"] + s,
                                                          "end": p["start"] + e}})
                break
    return out


def _check_roles(f: _Findings, doc: dict):
    for r in doc["roles"]:
        if r["agent_status"] == "illegible":
            alt = ""
            if r["alternatives"]:
                alt = "; a name nearby may be the agent's: " + ", ".join(
                    a["agent"] or a["agent_raw"] for a in r["alternatives"]) + " (not asserted)"
            f.add("agent-illegible", "info", f"the agent who {r['role']} the document is illegible{alt}",
                  r["evidence"], readings=[{"reading": "alternative", **{k: a[k] for k in ("agent", "confidence")}}
                                           for a in r["alternatives"]])
        elif r["agent_status"] == "blank":
            f.add("agent-blank", "warning", f"the space for who {r['role']} the document is left blank",
                  r["evidence"])
        elif r["agent_status"] in ("unknown", "unlisted"):
            f.add("name-unknown", "info",
                  f"{r['agent_raw']!r} ({r['role']}) is not in the name authority", r["evidence"],
                  details={"recipient": r.get("agent_name"), "status": r["agent_status"]})
