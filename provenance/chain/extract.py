"""Pattern-based extraction of distribution facts from one document's text.

Works on the raw text (a transcription as read, or the plain text read back from TEI) and
returns facts whose evidence offsets index into that text. The patterns live in
:mod:`provenance.chain.patterns`; names go through :class:`NameAuthority`.
"""

from __future__ import annotations

import re

from provenance.citation import archival_unit, find_citations
from provenance.chain import patterns as P
from provenance.chain.authority import NameAuthority, NameRef, attested_surnames, surname_shaped
from provenance.chain.model import (
    Copy, Evidence, Excerpt, Party, Placement, PrintRun, Role, Transfer, to_dict,
)

_CHROME = re.compile(r"^\s*(?:\*\*)?\s*(?:Skip to content|Citation:|Summary:|Credits:)", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*(?:\*\*)?\s*" + P._MONTH_RE + r"\s+\d{1,2},\s+\d{4}\s*(?:\*\*)?\s*$")


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _strip_span(text: str, start: int, end: int, chars: str = " \t.,;:") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _in_handwriting(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside a "[Handwritten: ...]" bracket or after "[Handwritten:]" on its line."""
    line_start = text.rfind("\n", 0, pos) + 1
    line = text[line_start:pos]
    if re.match(r"\s*\[Handwritten:?\]", line, re.IGNORECASE):
        return True
    for m in P.HANDWRITTEN.finditer(text, max(0, pos - 600), pos):
        depth = 0
        for ch in text[m.start():pos]:
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
        if depth > 0:
            return True
    return False


def document_meta(text: str) -> dict:
    """Title and date of a web-page transcription: the first lines after the page chrome."""
    meta: dict = {}
    lines = list(_lines(text))
    i = 0
    while i < len(lines):
        s, e, line = lines[i]
        stripped = line.strip()
        if not stripped or _CHROME.match(line):
            i += 1
            continue
        if _DATE_LINE.match(line):
            meta.setdefault("date", P.parse_date(stripped.strip("* ")))
            meta.setdefault("date_span", (s, e))
            i += 1
            continue
        # the title: one line, or a bold block "**...**" over several lines
        t_start, t_end = s, e
        if stripped.startswith("**") and not stripped.rstrip().endswith("**"):
            j = i + 1
            while j < len(lines) and j < i + 4:
                t_end = lines[j][1]
                if lines[j][2].rstrip().endswith("**"):
                    break
                j += 1
        title = re.sub(r"\s+", " ", text[t_start:t_end].replace("**", " ")).strip()
        meta["title"] = title
        meta["title_span"] = (t_start, t_end)
        break
    return meta


class Extractor:
    """Extracts the facts of one document; see :func:`extract_facts`."""

    def __init__(self, text: str, doc_id: str, meta: dict | None, authority: NameAuthority):
        self.text = text
        self.low = P.lowered(text)  # None when lower-casing would move offsets
        self.doc_id = doc_id
        self.auth = authority
        found = document_meta(text)
        self.meta = dict(found)
        for k, v in (meta or {}).items():
            if v is not None:
                self.meta[k] = v
        date = self.meta.get("date")
        self.year = int(date[:4]) if isinstance(date, str) and re.match(r"\d{4}", date) else None
        self.copies: list[Copy] = []
        self.transfers: list[Transfer] = []
        self.roles: list[Role] = []
        self.placements: list[Placement] = []
        self.excerpts: list[Excerpt] = []
        self.print_run: PrintRun | None = None
        self.addressees: list[Party] = []
        self.senders: list[Party] = []
        self.exemplar: dict | None = None
        self.decision: dict | None = None
        self.numbers: list[dict] = []
        self.notes: list[dict] = []  # facts the checks need but the output need not show
        self._list_lines: set[int] = set()
        # surnames the document writes with a personal title: people, known to the authority or not
        self.attested = attested_surnames(text, self.low)

    # -- helpers -------------------------------------------------------------------------
    def ev(self, start: int, end: int) -> Evidence:
        start, end = _strip_span(self.text, start, end, " \t")
        return Evidence.of(self.text, start, end)

    def names(self, start: int, end: int, person: bool = False) -> list[NameRef]:
        start, end = _strip_span(self.text, start, end)
        if start >= end:
            return []
        return self.auth.split(self.text[start:end], start, person, self.attested)

    def one_name(self, start: int, end: int, person: bool = False) -> NameRef | None:
        """The name written at ``start``..``end``; ``person``: the context wants a person."""
        start, end = _strip_span(self.text, start, end)
        if start >= end:
            return None
        return self.auth.resolve(self.text[start:end], start, person, self.attested)

    # -- the parts -----------------------------------------------------------------------
    def run(self) -> dict:
        self.header_addressees()
        self.title_parties()
        self.print_runs_and_lists()
        self.copy_lines()
        self.exemplar_copy()
        self.extra_copies()
        self.role_lines()
        self.signature_lines()
        self.sent_to()
        self.basis()
        self.placements_()
        self.decision_structure()
        self.excerpts_()
        self.receipt()
        self.number_lines()
        self.copy_transfers()
        return self.result()

    def header_addressees(self):
        for m in P.ADDRESSEE.finditer(self.text):
            who = m.group("who")
            if re.match(r"^(?:the\s+)?addressees?\b", who, re.IGNORECASE):
                continue
            refs = self.names(m.start("who"), m.end("who"))
            if not refs:
                continue
            has_cde = bool(re.search(r"\bCdes?\b", who))
            if not has_cde and not all(r.kind in ("person", "institution") or _sure_unlisted(r) for r in refs):
                continue
            for r in refs:
                self.addressees.append(Party(r.name, r.raw, r.kind, "header", self.ev(m.start(), m.end()),
                                             _name_confidence(r), r.recorded))

    def title_parties(self):
        title = self.meta.get("title")
        span = self.meta.get("title_span")
        if not title:
            return
        base = span[0] if span else 0
        seg = self.text[span[0]:span[1]] if span else title

        def parties(part: str, source_kind: str, out: list):
            k = seg.find(part)
            start = base + k if k >= 0 and span else None
            for r in self.auth.split(part, start or 0, attested=self.attested):
                if r.kind not in ("person", "institution") and not _sure_unlisted(r):
                    continue
                evid = self.ev(r.start, r.end) if start is not None else Evidence(part, -1, -1)
                out.append(Party(r.name, r.raw, r.kind, source_kind, evid, 0.7, r.recorded))

        m_from = re.search(r"\bfrom\s+(?P<who>.+?)(?=\s+(?:to|in|on|about|concerning|regarding)\s|$)", title)
        if m_from:
            parties(m_from.group("who"), "title", self.senders)
        else:
            m_lead = re.match(r"^(?P<who>(?:[A-Z]\.\s*)+[A-Z][\w\-]+(?:\s+and\s+(?:[A-Z]\.\s*)+[A-Z][\w\-]+)*)\s+to\s+",
                              title)
            if m_lead:
                parties(m_lead.group("who"), "title", self.senders)
        m_to = re.search(r"\b(?:to|for)\s+(?P<who>(?:Cdes?\.?\s+|[A-Z]\.\s*)[^,;]+)$", title)
        if m_to:
            parties(m_to.group("who"), "title", self.addressees)

    def _classify_destination(self, dest: str, start: int) -> dict:
        """Kind, recipient and candidates of a copy's destination as written."""
        d = dest.strip()
        info = {"kind": "recipient", "destination": d or None, "recipient": None, "recipient_kind": None,
                "recipient_raw": None, "candidates": [], "flags": [], "confidence": 1.0,
                "recipient_name": None, "recipient_status": None}
        if not d or re.fullmatch(r"\[?left blank\]?|\[?blank\]?|[-–—]+", d, re.IGNORECASE):
            info.update(kind="blank", destination=None)
            info["flags"].append("blank")
            return info
        if re.search(r"\bmark-?up\b|\brazmetka\b", d, re.IGNORECASE):
            info["kind"] = "markup"
            return info
        if re.search(r"\bfile\b|\bdelo\b|\barchive\b", d, re.IGNORECASE):
            info["kind"] = "file"
            return info
        m = re.match(r"^(?:to\s+)?(?:the\s+)?addressee(?P<pl>s)?\b", d, re.IGNORECASE)
        if m:
            info["kind"] = "addressee"
            info["flags"].append("plural" if m.group("pl") else "singular")
            return info  # resolved against the header later
        if d.startswith(("…", "...")):
            info["flags"].append("incomplete")
            info["confidence"] = 0.5
        lead = re.match(r"^(?:to\s+)?", d, re.IGNORECASE).end()
        refs = self.auth.split(d[lead:], start + lead, attested=self.attested)
        known = [r for r in refs if r.kind in ("person", "institution", "unlisted")]
        info["recipient_raw"] = d[lead:].strip() or None
        if len(refs) == 1:
            r = refs[0]
            info["recipient"] = r.name
            info["recipient_name"] = r.recorded
            info["recipient_status"] = _status(r)
            info["recipient_kind"] = r.kind if r.kind in ("person", "institution") else None
            if r.kind in ("unknown", "unlisted"):
                info["flags"].append("unknown-name")
            if r.kind == "unlisted":
                info["confidence"] = min(info["confidence"], r.confidence)
            if r.kind == "illegible":
                info["flags"].append("illegible")
            if r.supplied:
                info["flags"].append("supplied")
            if r.internal:
                info["flags"].append("internal")
        elif len(refs) > 1:
            info["candidates"] = [r.recorded for r in known]
            info["flags"].append("several-recipients")
        return info

    def print_runs_and_lists(self):
        for m in P.PRINT_RUN.finditer(self.text):
            rest = m.group("rest")
            items: list[tuple[re.Match, int]] = []
            head_end = m.end()
            if not P.PRINT_RUN_REST_OK.match(rest):
                # "2 copies printed. 1 - to the addressee, 2 - to file": the list on the same line
                im = P.PRINT_RUN_INLINE.match(rest)
                if im is None:
                    continue
                items = self._inline_items(m.start("rest") + im.end(), m.end())
                if not items:
                    continue
                head_end = m.start("rest") + im.end("head")
            count = P.parse_count(m.group("count"))
            if self.print_run is None:
                self.print_run = PrintRun(count, self.text[m.start():head_end].strip(), self.ev(m.start(), head_end))
            for item, item_start in items:
                self._list_item(item, item_start)
                self._list_lines.add(item_start)
            # a numbered list that follows the declaration
            pos = m.end() + 1
            while pos < len(self.text):
                eol = self.text.find("\n", pos)
                eol = len(self.text) if eol < 0 else eol
                line = self.text[pos:eol]
                if not line.strip():
                    pos = eol + 1
                    continue
                im = P.LIST_ITEM.match(line)
                if not im or not (im.group("sep1") or im.group("sep2")) or not im.group("dest") and not im.group("sep2"):
                    break
                self._list_item(im, pos)
                self._list_lines.add(pos)
                pos = eol + 1

    def _inline_items(self, start: int, end: int) -> list[tuple[re.Match, int]]:
        """The entries of a copy list written on one line ("1 - to Cde Molotov, 2 - to file"), each
        with its offset; empty unless every entry reads as one."""
        out = []
        bounds = [start] + [x for m in P.INLINE_ITEM_SEP.finditer(self.text, start, end) for x in (m.start(), m.end())]
        bounds.append(end)
        for s, e in zip(bounds[0::2], bounds[1::2]):
            while e > s and self.text[e - 1] in " \t,;":
                e -= 1
            if e > s and self.text[e - 1] == "." and not re.search(r"\b(?:Cdes?|[A-Z])\.$", self.text[s:e]):
                e -= 1
            im = P.LIST_ITEM.match(self.text[s:e])
            if not im or not (im.group("sep1") or im.group("sep2")) or not im.group("dest"):
                return []
            out.append((im, s))
        return out

    def _list_item(self, im: re.Match, line_start: int):
        num_raw = im.group("num")
        parts = [int(x) for x in re.findall(r"\d+", num_raw)]
        dest = im.group("dest") or ""
        info = self._classify_destination(dest, line_start + im.start("dest"))
        flags = list(info["flags"])
        label = im.group("label").strip()
        if not label.startswith("["):
            label = re.sub(r"[ \t]*[-–—]$", "", label)
        if im.group("sic"):
            flags.append("sic")
            label = f"{label} {im.group('sic')}"
        if "[" in im.group("label"):
            flags.append("supplied-label")
        evidence = self.ev(line_start + im.start(), line_start + im.end())
        numbers: list[int]
        confidence = info["confidence"]
        if len(parts) == 2 and parts[1] > parts[0]:
            numbers = list(range(parts[0], parts[1] + 1)) if parts[1] - parts[0] <= 50 else [parts[0]]
            flags.append("range")
        elif len(parts) == 2:
            numbers = [parts[0]]
            flags.append("impossible-range" if parts[1] < parts[0] else "repeated-number")
            confidence = min(confidence, 0.5)
        else:
            numbers = parts[:1]
        for n in numbers:
            self.copies.append(Copy(
                number=n, number_raw=label, kind=info["kind"], destination=info["destination"],
                recipient=info["recipient"], evidence=evidence, recipient_kind=info["recipient_kind"],
                recipient_raw=info["recipient_raw"], candidates=list(info["candidates"]), source="list",
                flags=sorted(set(flags)), confidence=confidence, recipient_name=info["recipient_name"],
                recipient_status=info["recipient_status"]))

    def copy_lines(self):
        for m in P.COPY_LINE.finditer(self.text):
            info = self._classify_destination(m.group("dest"), m.start("dest"))
            self.copies.append(Copy(
                number=int(m.group("num")), number_raw=m.group("label"), kind=info["kind"],
                destination=info["destination"], recipient=info["recipient"], evidence=self.ev(m.start(), m.end()),
                recipient_kind=info["recipient_kind"], recipient_raw=info["recipient_raw"],
                candidates=list(info["candidates"]), flags=sorted(set(info["flags"])),
                confidence=info["confidence"], recipient_name=info["recipient_name"],
                recipient_status=info["recipient_status"]))
            self._list_lines.add(m.start())

    def exemplar_copy(self):
        is_copy = P.IS_COPY.search(self.text)
        for m in P.EXEMPLAR.finditer(self.text):
            raw = m.group("num")
            number = int(raw) if raw.isdigit() else None
            self.exemplar = {"number": number, "number_raw": m.group(0).strip(),
                             "status": "given" if number is not None else ("blank" if "blank" in raw else "illegible"),
                             "is_copy": bool(is_copy), "evidence": to_dict(self.ev(m.start(), m.end()))}
            break
        if self.exemplar is None and is_copy:
            self.exemplar = {"number": None, "number_raw": None, "status": "absent", "is_copy": True,
                             "evidence": to_dict(self.ev(is_copy.start(), is_copy.end()))}

    def extra_copies(self):
        for m in P.extra_copy_matches(self.text):
            count = P.parse_count(m.group("count")) or 1
            after = self.text[m.end():m.end() + 80]
            dm = P.DATE.search(after)
            date = P.parse_date(dm.group(0), self.year) if dm and not after[:dm.start()].strip(" .\n\t]") else None
            end = m.end() + dm.end() if date else m.end()
            evidence = self.ev(m.start(), end)
            instr_name = None
            if m.group("instr"):
                ref = self.one_name(m.start("instr"), m.end("instr"), person=True)
                instr_name = ref.name if ref else None
                self.roles.append(Role(
                    role="instructed", agent=instr_name, evidence=evidence,
                    agent_raw=ref.raw if ref else None, agent_status=_status(ref), date=date,
                    confidence=_name_confidence(ref), agent_name=ref.recorded if ref else None))
            if m.group("to"):
                info = self._classify_destination(m.group("to"), m.start("to"))
                kind = "extra"
            else:
                info = {"kind": "extra", "destination": m.group("for").strip(), "recipient": None,
                        "recipient_kind": None, "recipient_raw": None, "candidates": [], "flags": [],
                        "confidence": 1.0, "recipient_name": None, "recipient_status": None}
                kind = "extra"
                self.placements.append(Placement(
                    container=_clean_container(m.group("for")), evidence=evidence,
                    hand="handwritten" if _in_handwriting(self.text, m.start()) else None))
            for _ in range(count):
                self.copies.append(Copy(
                    number=None, number_raw=re.match(r"\w+\s+(?:additional\s+)?cop(?:y|ies)", self.text[m.start("count"):]).group(0),
                    kind=kind, destination=info["destination"],
                    recipient=info["recipient"], evidence=evidence, recipient_kind=info["recipient_kind"],
                    recipient_raw=info["recipient_raw"], source="extra",
                    flags=sorted(set(info["flags"]) | {"outside-print-run"}), confidence=info["confidence"],
                    date=date, instructed_by=instr_name, recipient_name=info["recipient_name"],
                    recipient_status=info["recipient_status"]))
            if info["recipient"] or info["recipient_raw"]:
                self.transfers.append(Transfer(
                    kind="extra-copy", recipient=info["recipient"], evidence=evidence,
                    recipient_raw=info["recipient_raw"], date=date, instructed_by=instr_name,
                    confidence=info["confidence"], recipient_name=info["recipient_name"],
                    recipient_status=info["recipient_status"]))

    def _role_name(self, m: re.Match, role: str, name_group: str = "name"):
        s, e = m.start(name_group), m.end(name_group)
        raw = self.text[s:e]
        cut = re.search(r"\s{2,}|\s+At\s+the\s+instruction|□|”", raw)
        if cut and cut.start() > 0:
            e = s + cut.start()
        raw = self.text[s:e]
        ev_end = e
        date = None
        dm = re.search(r",?\s*(?P<d>" + P.DATE_WRITTEN + r")\s*\.?\s*$", raw, re.IGNORECASE)
        if dm and (dm.start() > 0 and raw[:dm.start()].strip(" ,")):
            date = P.parse_date(dm.group("d"), self.year)
            if date:
                e = s + dm.start()
        ref = self.one_name(s, e, person=True)
        evidence = self.ev(m.start(), ev_end)
        hand = "handwritten" if _in_handwriting(self.text, m.start()) else None
        label_supplied = "[" in m.group("label")
        self.roles.append(Role(
            role=role, agent=ref.name if ref else None,
            evidence=evidence, agent_raw=ref.raw if ref else None, agent_status=_status(ref), date=date,
            hand=hand, confidence=min(0.9 if label_supplied else 1.0, _name_confidence(ref)),
            agent_name=ref.recorded if ref else None))
        return self.roles[-1]

    def role_lines(self):
        for m in P.scan(P.DRAFTED, self.text, self.low, ("drafted", "prepared", "compiled"), 1):
            self._role_name(m, "drafted")
        for m in P.scan(P.TYPED, self.text, self.low, ("typed", "typewritten"), 1):
            self._role_name(m, "typed")
        for m in P.scan(P.AUTHENTICATED, self.text, self.low, ("authenticated", "certified", "true", "verified")):
            role = self._role_name(m, "authenticated")
            if role.agent_status in ("illegible", "absent", "blank"):
                self._authentication_alternative(role, m.end())
        for m in P.SENT.finditer(self.text):
            self.roles.append(Role(
                role="sent", agent=None, evidence=self.ev(m.start(), m.end()), agent_status="absent",
                date=P.parse_date(m.group("date"), self.year), time=P.parse_time(m.group("time")),
                confidence=0.9 if m.group("time") and not re.search(r"\d{4}\s+\d", m.group(0)) else 1.0))
            self.transfers.append(Transfer(
                kind="dispatch", recipient=None, evidence=self.ev(m.start(), m.end()),
                date=P.parse_date(m.group("date"), self.year), time=P.parse_time(m.group("time"))))
        for m in P.ISSUED.finditer(self.text):
            ref = self.one_name(m.start("name"), m.end("name"), person=True)
            self.roles.append(Role(
                role="issued", agent=ref.name if ref else None, evidence=self.ev(m.start(), m.end()),
                agent_raw=ref.raw if ref else None, agent_status=_status(ref),
                confidence=min(0.8, _name_confidence(ref)), agent_name=ref.recorded if ref else None))
        for m in P.SIGNED.finditer(self.text):
            ref = self.one_name(m.start("name"), m.end("name"), person=True)
            date = P.parse_date(m.group("date"), self.year)
            self.roles.append(Role(
                role="signed", agent=ref.name if ref else None, evidence=self.ev(m.start(), m.end()),
                agent_raw=ref.raw if ref else None, agent_status=_status(ref), date=date,
                confidence=_name_confidence(ref), agent_name=ref.recorded if ref else None))
            if ref:
                self.senders.append(Party(ref.name, ref.raw, ref.kind, "signature", self.ev(m.start(), m.end()),
                                          _name_confidence(ref), ref.recorded))

    def signature_lines(self):
        """Signatures on lines of their own below the text: "A. MIKOYAN", "V. Molotov", "KOVALEV"
        over a date, "A. SAVELYEV [illegible signature]". A word alone counts only in capitals,
        over a date or a signature mark, and when it is a known person or has a surname's shape."""
        lines = list(_lines(self.text))
        title_end = (self.meta.get("title_span") or (0, 0))[1]
        content = [i for i, (_s, _e, line) in enumerate(lines) if line.strip() and not P.UNRENDERED_LINE.match(line)]
        sig_at: dict[int, re.Match] = {}
        for i in content:
            s, _e, line = lines[i]
            if s < title_end:
                continue
            m = P.SIGNATURE_LINE.match(line)
            if m and (m.group("initials") or m.group("surname").isupper()) \
                    and not _in_handwriting(self.text, s + m.start("name")):
                sig_at[i] = m

        def below(k: int):
            """The first content line after the signature block that starts at content index k."""
            j = k + 1
            while j < len(content) and (content[j] in sig_at or P.SIGNATURE_MARK_LINE.fullmatch(lines[content[j]][2])):
                j += 1
            return (j, lines[content[j]]) if j < len(content) else (j, None)

        for k, i in enumerate(content):
            m = sig_at.get(i)
            if m is None:
                continue
            s, _e, line = lines[i]
            surname = m.group("surname")
            start = s + m.start("name")
            end = s + m.end("name")
            ref = self.auth.resolve(self.text[start:end], start, True, self.attested)
            if ref.kind not in ("person", "unlisted"):
                continue
            strong = ref.kind == "person" or surname_shaped(re.sub(r"[\[\]]", "", surname)) \
                or ref.cleaned.split(" ")[-1].casefold() in self.attested
            j, nxt = below(k)
            dated = nxt is not None and P.DATE_LINE.fullmatch(nxt[2]) is not None
            marked = bool(m.group("mark")) or j > k + 1
            if m.group("initials"):
                ok = strong or dated or marked
            else:
                ok = strong and (dated or marked)
            if not ok:
                continue
            date = P.parse_date(nxt[2], self.year) if dated else None
            ev = self.ev(start, s + m.end())
            conf = _name_confidence(ref)
            self.roles.append(Role(
                role="signed", agent=ref.name, evidence=ev, agent_raw=ref.raw, agent_status=_status(ref),
                date=date, confidence=conf, agent_name=ref.recorded))
            self.senders.append(Party(ref.name, ref.raw, ref.kind, "signature", ev, conf, ref.recorded))

    def sent_to(self):
        """"Sent to: Cdes. Molotov, Beria, Malenkov, Mikoyan": the document went to each of them."""
        if self.low is not None and not any(k in self.low for k in ("sent", "dispatched", "distributed",
                                                                      "forwarded")):
            return
        for m in P.SENT_TO.finditer(self.text):
            s, e = m.start("who"), m.end("who")
            line_end = e
            if s == e:
                # the names on the next lines: "Sent to:\n\nCdes. ..."
                nb = re.compile(r"\S").search(self.text, m.end())
                if not nb:
                    continue
                s = nb.start()
                para_end = self.text.find("\n\n", s)
                e = line_end = _strip_span(self.text, s, len(self.text) if para_end < 0 else para_end, " \t\n")[1]
            who = self.text[s:e]
            date, channel = None, None
            dm = re.search(r"[,;]?\s*(?P<d>" + P.DATE_WRITTEN + r")\s*\.?\s*$", who, re.IGNORECASE)
            if dm and dm.start() > 0:
                date = P.parse_date(dm.group("d"), self.year)
                if date:
                    e = s + dm.start()
            ch = P.CHANNEL.search(self.text, s, e)
            if ch:
                channel = ch.group("ch").lower()
                e = ch.start()
            refs = [r for r in self.names(s, e) if r.kind != "blank"]
            # "Sent to: the Presidium" is a note whatever it names; without the colon, the line
            # must name someone ("Sent to Cde. Stalin"), not be the start of a sentence
            if not refs or not m.group("colon") and not any(
                    r.kind in ("person", "institution", "unlisted", "illegible") for r in refs):
                continue
            ev = self.ev(m.start(), line_end)
            for r in refs:
                self.transfers.append(Transfer(
                    kind="dispatch", recipient=r.name, evidence=ev, recipient_raw=r.raw, channel=channel, date=date,
                    confidence=_name_confidence(r), recipient_name=r.recorded, recipient_status=_status(r)))

    def _authentication_alternative(self, role: Role, pos: int):
        """A name standing alone just after an illegible authentication may be the authenticator's."""
        for s, _e, line in _lines(self.text[pos:]):
            if s == 0:
                continue  # rest of the authentication line
            if P.UNRENDERED_LINE.match(line):
                continue
            word = line.strip().strip("□ ").strip()
            if re.fullmatch(r"[A-Z][a-z\-]+|[A-Z]{3,}", word):
                ref = self.auth.resolve(word, pos + s + line.find(word), attested=self.attested)
                role.alternatives.append({
                    "agent": ref.name, "agent_name": ref.recorded, "agent_raw": word, "confidence": 0.4,
                    "reason": "a name standing alone after the illegible authentication; it may be the "
                              "authenticator's name or another signature",
                    "evidence": to_dict(self.ev(ref.start, ref.end))})
            break

    def basis(self):
        for m in P.scan(P.BASIS, self.text, self.low, ("basis",)):
            ref = self.one_name(m.start("name"), m.end("name"))
            doc = {"kind": m.group("kind"), "number": m.group("number"),
                   "date": P.parse_date(m.group("date"), self.year) if m.group("date") else None}
            self.roles.append(Role(
                role="basis", agent=ref.name if ref else None, evidence=self.ev(m.start(), m.end()),
                agent_raw=ref.raw if ref else None, agent_status=_status(ref), date=doc["date"],
                document=doc, confidence=_name_confidence(ref), agent_name=ref.recorded if ref else None))
            # further references in the same note ("Ind. 54, note of Cdes. Kobulov and Stakhanov of 6 October")
            for r in P.REFERENCE.finditer(self.text, m.end(), min(len(self.text), m.end() + 250)):
                date = P.parse_date(r.group("date"), self.year)
                for ref2 in self.names(r.start("names"), r.end("names")):
                    self.roles.append(Role(
                        role="basis", agent=ref2.name, evidence=self.ev(r.start(), r.end()),
                        agent_raw=ref2.raw, agent_status=_status(ref2), date=date,
                        confidence=min(0.6, _name_confidence(ref2)),
                        document={"kind": r.group("kind"), "number": None, "date": date}, agent_name=ref2.recorded))

    def placements_(self):
        if self.low is not None and not any(v in self.low for v in ("placed", "filed", "put", "kept", "held",
                                                                      "stored", "point")):
            return
        for m in P.PLACED_OWNER.finditer(self.text):
            ref = self.one_name(m.start("owner"), m.end("owner"))
            owner = ref.name if ref else None
            self.placements.append(Placement(
                container=_clean_container(m.group("container")), evidence=self.ev(m.start(), m.end()),
                owner=owner, hand="handwritten" if _in_handwriting(self.text, m.start()) else None,
                owner_name=ref.recorded if ref else None))
        for m in P.PLACED_COPY.finditer(self.text):
            self.placements.append(Placement(
                container=_clean_container(m.group("container")), evidence=self.ev(m.start(), m.end()),
                copy=int(m.group("num")), hand="handwritten" if _in_handwriting(self.text, m.start()) else None))
        for m in P.scan(P.PLACED_POINT, self.text, self.low, ("point",)):
            self.placements.append(Placement(
                container=_clean_container(m.group("container")), evidence=self.ev(m.start(), m.end()),
                scope=f"point {m.group('point')}",
                hand="handwritten" if _in_handwriting(self.text, m.start()) else None))

    def decision_structure(self):
        """The numbered points before the excerpt note: item N with sub-points 1..k, or top-level points."""
        head = P.EXCERPT_HEAD.search(self.text)
        if head is None:
            return
        limit = head.start()
        nums = [m for m in P.NUMBERED_LINE.finditer(self.text, 0, limit)]
        ones = [i for i, m in enumerate(nums) if m.group("n") == "1"]
        if not ones:
            return
        i = ones[-1]
        run = [nums[i]]
        for m in nums[i + 1:]:
            if int(m.group("n")) == int(run[-1].group("n")) + 1:
                run.append(m)
            else:
                break
        sub = []
        for k, m in enumerate(run):
            end = run[k + 1].start() if k + 1 < len(run) else limit
            sub.append({"n": m.group("n"), "start": m.start(), "end": _strip_span(self.text, m.start(), end,
                                                                                   " \t\n")[1]})
        parent = None
        if i > 0:
            pm = nums[i - 1]
            if int(pm.group("n")) != 1 and len(pm.group("rest")) < 100:
                parent = {"n": pm.group("n"), "heading": pm.group("rest").strip(),
                          "evidence": to_dict(self.ev(pm.start(), pm.end()))}
        self.decision = {"item": parent, "points": sub}

    def excerpts_(self):
        for head in P.EXCERPT_HEAD.finditer(self.text):
            pos = head.end()
            rest_eol = self.text.find("\n", pos)
            rest_eol = len(self.text) if rest_eol < 0 else rest_eol
            if self.text[pos:rest_eol].strip():
                b_start, b_end = pos, rest_eol
            else:
                m = re.compile(r"\S").search(self.text, pos)
                if not m:
                    continue
                b_start = m.start()
                para_end = self.text.find("\n\n", b_start)
                b_end = len(self.text) if para_end < 0 else para_end
            body = self.text[b_start:b_end]
            offset = b_start
            for part in re.finditer(r"[^;]+", body):
                s = offset + part.start()
                e = offset + part.end()
                entry = P.EXCERPT_ENTRY_PAREN.match(self.text, s, e) or P.EXCERPT_ENTRY.match(self.text, s, e)
                if not entry:
                    if self.text[s:e].strip():
                        self.notes.append({"code": "excerpt-unparsed", "evidence": to_dict(self.ev(s, e))})
                    continue
                self._excerpt(entry)

    def _excerpt(self, m: re.Match):
        what = m.group("what")
        if "tail" in m.re.groupindex and m.group("tail").strip():
            what = what + " " + m.group("tail").strip()   # "(point 6) by cipher"
        ch = P.CHANNEL.search(what)
        channel = ch.group("ch").lower() if ch else None
        points_raw = (what[:ch.start()] + what[ch.end():]).strip() if ch else what.strip()
        points = P.parse_points(points_raw)
        refs = self.names(m.start("who"), m.end("who"))
        ev = self.ev(m.start(), m.end())
        exc = Excerpt(recipients=[r.name for r in refs], recipients_raw=[r.raw for r in refs],
                      points=points, points_raw=points_raw, evidence=ev, channel=channel,
                      recipients_name=[r.recorded for r in refs], recipients_status=[_status(r) for r in refs],
                      confidence=min([1.0] + [_name_confidence(r) for r in refs]))
        if not points:
            exc.status = "unparsed"
            exc.confidence = 0.3
        self.excerpts.append(exc)
        for r in refs:
            self.transfers.append(Transfer(kind="excerpt", recipient=r.name, evidence=ev, recipient_raw=r.raw,
                                           channel=channel, confidence=_name_confidence(r),
                                           recipient_name=r.recorded, recipient_status=_status(r)))

    def receipt(self):
        for m in P.RECEIPT.finditer(self.text):
            self.transfers.append(Transfer(
                kind="receipt", recipient=None, evidence=self.ev(m.start(), m.end()), origin=m.group("place"),
                number=m.group("num"), date=P.parse_date(m.group("date"), self.year),
                confidence=0.8 if m.group("extra") else 1.0))

    def number_lines(self):
        for m in P.NUMBER_LINE.finditer(self.text):
            self.numbers.append({"label": m.group("label"), "value": m.group("num").strip(),
                                 "evidence": to_dict(self.ev(m.start(), m.end()))})

    def copy_transfers(self):
        """Resolve "to the addressee(s)" against the header, then one transfer per delivered copy."""
        named = ("person", "institution", "unlisted")
        header = [p for p in self.addressees if p.source == "header" and p.kind in named]
        if not header:
            header = [p for p in self.addressees if p.kind in named]
        names: list[str] = []
        parties: list[Party] = []
        for p in header:
            key = p.recorded_name or p.name
            if key not in names:
                names.append(key)
                parties.append(p)
        for c in self.copies:
            if c.kind != "addressee":
                continue
            c.candidates = list(names)
            if len(names) == 1:
                p = parties[0]
                c.recipient = p.name
                c.recipient_name = names[0]
                c.recipient_status = "unlisted" if p.kind == "unlisted" else ("known" if p.kind == "person" else p.kind)
                c.recipient_kind = p.kind if p.kind in ("person", "institution") else None
                c.confidence = min(c.confidence, 0.8, p.confidence)
            else:
                c.confidence = min(c.confidence, 0.5 if names else 0.3)
        for c in self.copies:
            if c.source != "list":
                continue
            if c.recipient or c.recipient_name or c.candidates:
                self.transfers.append(Transfer(
                    kind="copy", recipient=c.recipient, evidence=c.evidence, copy=c.number,
                    recipient_raw=c.recipient_raw or c.destination, confidence=c.confidence,
                    recipient_name=c.recipient_name, recipient_status=c.recipient_status))
        if self.print_run is not None:
            self.print_run.listed = sum(1 for c in self.copies if c.source == "list")
        # a placed "Beria's copy" is the copy the list gives Beria
        for pl in self.placements:
            owner = pl.owner_name or pl.owner
            if owner and pl.copy is None:
                owned = [c.number for c in self.copies if (c.recipient_name or c.recipient) == owner
                         and c.number is not None]
                if len(owned) == 1:
                    pl.copy = owned[0]
                elif len(owned) > 1:
                    pl.confidence = 0.5

    def result(self) -> dict:
        units = []
        for c in find_citations(self.text):
            u = archival_unit(c)
            u["evidence"] = to_dict(self.ev(c["start"], c["end"]))
            units.append(u)
        exemplar = self.exemplar
        if exemplar and exemplar.get("number") is not None:
            listed = [c for c in self.copies if c.number == exemplar["number"] and c.source == "list"]
            if listed:
                exemplar["listed_destination"] = listed[0].destination
                exemplar["listed_recipient"] = listed[0].recipient
        return {
            "id": self.doc_id,
            "title": self.meta.get("title"),
            "date": self.meta.get("date"),
            "exemplar": exemplar,
            "print_run": to_dict(self.print_run) if self.print_run else None,
            "copies": [to_dict(c) for c in self.copies],
            "transfers": [to_dict(t) for t in self.transfers],
            "roles": [to_dict(r) for r in self.roles],
            "placements": [to_dict(p) for p in self.placements],
            "excerpts": [to_dict(e) for e in self.excerpts],
            "archival_units": units,
            "correspondence": {"addressees": [to_dict(p) for p in self.addressees],
                               "senders": [to_dict(p) for p in self.senders]},
            "decision": self.decision,
            "numbers": self.numbers,
        }


def _status(ref: NameRef | None) -> str:
    """known | institution | unlisted | unknown | illegible | blank | absent."""
    if ref is None:
        return "absent"
    return {"person": "known", "institution": "institution"}.get(ref.kind, ref.kind)


def _name_confidence(ref: NameRef | None) -> float:
    """How sure the reading of a name is a person's: below 1 only for an unlisted name."""
    return ref.confidence if ref is not None and ref.kind == "unlisted" else 1.0


def _sure_unlisted(ref: NameRef) -> bool:
    """An unlisted name with a title, initials or the same surname titled elsewhere in the document."""
    return ref.kind == "unlisted" and ref.confidence >= 0.9


def _clean_container(raw: str) -> str:
    s = re.sub(r"\s+", " ", raw).strip(" .,;:”\"]")
    s = re.sub(r"^(?:the|a)\s+", "", s)
    return s


def extract_facts(text: str, doc_id: str, meta: dict | None = None,
                  authority: NameAuthority | None = None) -> tuple[dict, Extractor]:
    """The facts of one document (a dict as in the chain JSON) and the extractor (for the checks)."""
    ex = Extractor(text, doc_id, meta, authority or NameAuthority.default())
    return ex.run(), ex
