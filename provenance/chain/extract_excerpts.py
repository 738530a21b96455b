"""What a decision sends where: its points, the excerpts sent with their points and channels, placements
in folders, receipts and registration numbers. A part of :class:`provenance.chain.extract.Extractor`."""

from __future__ import annotations

import re
from dataclasses import replace

from provenance.chain import excerpt_patterns as XP
from provenance.chain import patterns as P
from provenance.knowledge import english, places
from provenance.vocab import STRUCK_OUT
from provenance.chain.model import Excerpt, Placement, Transfer, to_dict
from provenance.chain.spans import _clean_container, _in_handwriting, _name_confidence, _status, _strip_span


#: a date that closes the name of an excerpt's recipient: "sent to the Ministry of Agriculture on 15.III.1957"
_TRAILING_DATE = re.compile(r",?\s+(?:on\s+|dated\s+)?(?:" + P.DATE_WRITTEN + r")\s*\.?\s*$", re.IGNORECASE)


#: a recipient crossed out, perhaps with the editor's label of the hand that replaced it
_STRUCK_WHO = re.compile(r"\[" + STRUCK_OUT + r"\b[^\]\n]*\][ \t]*(?:\[(?:[Hh]andwritten|[Ii]n[ \t]+(?:pencil|ink))[^\]\n]*\][ \t]*)?",
                         re.IGNORECASE)
#: a person's place after the name: "Cde. Yudin in Peking", "Comrade Marić, Vienna"
_IN_PLACE = re.compile(r"(?<=[a-z\u00df-\u024f])(?:\s+in|\s*,)\s+(?P<place>[A-Z][\w'’-]+)\s*$")

#: one person with a title, a place after a comma only then: "Comrade Marić, Vienna"
_ONE_TITLED = re.compile(r"[ \t]*(?:Cde\.|Comrade|t\.|tov\.|Mr\.?|Dr\.?)[ \t]+[^,;()\n]+$")

#: a titled person's office or place in brackets after the name: "Cde. Bakulov (Sovsintorg, Moscow)"
_TITLED_AFFILIATION = re.compile(r"(?:Cdes?\.?|Comrades?|t\.|tov\.|Mr\.?)[ \t]+[^(),;\n]*?[^\W\d](?P<aff>[ \t]*\((?![ \t]*(?:pp?\.|pts?\.|points?|items?|§|\d))[^()\n]+\))[ \t]*$")

#: a titled person's body after the name: "to Cde. Gladky of the Moldavpotrebsoyuz" (the person is the recipient)
_TITLED_OF = re.compile(r"(?:Cdes?\.?|Comrades?|t\.|tov\.|Mr\.?)[ \t]+(?:[A-Z]\.[ \t]*)*(?P<name>[A-ZÀ-Ž][\w'’-]+)"
                        r"(?P<of>[ \t]+of[ \t]+the[ \t]+[^,;()\n]+)[ \t]*$")

#: the cells of a table in columns: runs of text between two or more spaces
_CELL = re.compile(r"\S+(?: \S+)*")
def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a table's line: between pipes ("| Cde. Beria | 1, 3-4 |"), or runs of words two
    spaces apart; (start, end) each."""
    if "|" not in text[start:end]:
        return [(m.start(), m.end()) for m in _CELL.finditer(text, start, end)]
    out, pos = [], start
    for part in text[start:end].split("|"):
        a, b = pos, pos + len(part)
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        if a < b:
            out.append((a, b))
        pos += len(part) + 1
    return out


_POINTS_HEAD = re.compile(r"points?(?:\s*\(s\))?|pts?\.?|pkt\.?|pct\.?|items?|paragraphs?|§+|sections?")
_TO_HEAD = re.compile(r"to|recipients?|addressees?|sent\s+to|to\s+whom")
_VIA_HEAD = re.compile(r"channel|via|by|how\s+sent|sent\s+by")


#: where a note of its own begins on the line of an excerpt list: ". Isp. X", ". Typed by Y"
_ROLE_NEXT = re.compile(r"\.[ \t]+(?=(?:Pech|Isp|Sost|Otp|Typ|Drft|Comp|Razm|Vyp|Mash)\.[ \t]|(?:Drafted|Typed|Executor|Typist|Printed)\b)")


class _Row:
    """A row of an excerpt table read as an entry of a list: the points and the recipient are spans
    of the text; the channel is the table's word for it ("by cipher")."""

    class re:   # noqa: N801 - read as a match's ``re`` attribute
        groupindex = {"what": 1, "who": 2, "tail": 3}

    def __init__(self, text: str, start: int, end: int, spans: dict, tail: str | None):
        self.text, self._start, self._end, self.spans, self.tail = text, start, end, spans, tail

    def group(self, name=0):
        if name == 0:
            return self.text[self._start:self._end]
        if name == "tail":
            return self.tail
        span = self.spans.get(name)
        return self.text[span[0]:span[1]] if span else None

    def start(self, name=None) -> int:
        return self._start if name is None else self.spans[name][0]

    def end(self, name=None) -> int:
        return self._end if name is None else self.spans[name][1]


#: a line that ends a list: its last entry closes with a full stop
_LIST_CLOSED = re.compile(r"(?<![A-Z])\.[ \t]*\n")
#: an entry a hand added on the line below the list: '[handwritten: "and to Comrade Molotov (all). 6.X. Sh."]'
_HAND_ADDED_ENTRY = re.compile(r"[ \t.]*\n[ \t]*\[(?:handwritten|added(?:[ \t]+by[ \t]+hand)?|in[ \t]+(?:pencil|ink))[^:\]\n]{0,20}:"
                               r"[ \t]*[\"“]?(?:and|also)[ \t]+(?:(?:also|an[ \t]+extract|excerpts?)[ \t]+)?(?:to[ \t]+)?"
                               r"(?P<entry>[^\]\"”\n()]+\([^\]\"”\n()]+\))", re.IGNORECASE)


class ExcerptsPart:
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
        head = XP.EXCERPT_HEAD.search(self.text)
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
        for head in XP.EXCERPT_HEAD.finditer(self.text):
            pos = head.end()
            rest_eol = self.text.find("\n", pos)
            rest_eol = len(self.text) if rest_eol < 0 else rest_eol
            if self.text[pos:rest_eol].strip():
                b_start, b_end = pos, rest_eol
                role = _ROLE_NEXT.search(self.text, b_start, b_end)
                if role:   # "Vypiski: t. Ozolin - pp. 1, 4. Isp. Klenova": the drafter's note after it
                    b_end = role.start() + 1
                while (self.text[b_start:b_end].rstrip().endswith(";") or self._cut_entry(b_start, b_end)) and b_end < len(self.text):
                    # "... Cde. Mladenova (point 4);" / "Ministry of Agriculture (points 6-8).": the list goes on;
                    # "Cde. Vaskelis (OMS) -" / "3 and 5; ...": an entry cut by the line's end goes on too
                    nxt = self.text.find("\n", b_end + 1)
                    b_end = len(self.text) if nxt < 0 else nxt
            else:
                m = re.compile(r"\S").search(self.text, pos)
                if not m:
                    continue
                b_start = m.start()
                para_end = self.text.find("\n\n", b_start)
                b_end = len(self.text) if para_end < 0 else para_end
                # entries a paragraph each, closed by semicolons: the list goes on past the blank line
                while self.text[b_start:b_end].rstrip().endswith(";"):
                    nxt = re.compile(r"\S").search(self.text, b_end)
                    if not nxt:
                        break
                    para_end = self.text.find("\n\n", nxt.start())
                    b_end = len(self.text) if para_end < 0 else para_end
                closed = _LIST_CLOSED.search(self.text, b_start, b_end)   # the entry ending in a full stop ends the list
                if closed:
                    b_end = closed.start() + 1
            if self._excerpt_table(b_start):
                continue
            body = self.text[b_start:b_end]
            offset = b_start
            first = len(self.excerpts)
            hand = _HAND_ADDED_ENTRY.match(self.text, b_end)
            for s, e in self._entries(body, offset) + ([(hand.start("entry"), hand.end("entry"))] if hand else []):
                entry = XP.EXCERPT_ENTRY_PAREN.match(self.text, s, e) or \
                    XP.EXCERPT_ENTRY_POINTS_FIRST.match(self.text, s, e) or XP.EXCERPT_ENTRY.match(self.text, s, e) or \
                    XP.EXCERPT_ENTRY_ON.match(self.text, s, e)
                if not entry:
                    if self.text[s:e].strip():
                        self.notes.append({"code": "excerpt-unparsed", "evidence": to_dict(self.ev(s, e))})
                    continue
                self._excerpt(entry)
            self._merge_repeated(first)

    def _merge_repeated(self, first: int) -> None:
        """A list grouped by point that names a recipient under several points ("po p. 1 - t. Molotovu,
        t. Lomtevu; po p. 3 - t. Lomtevu, Dal'kraikomu"): one entry per recipient, with all the points
        it receives in the order given. The excerpts from ``first`` on are this list's."""
        read = self.excerpts[first:]
        keys = [(x.recipients_name[k] if k < len(x.recipients_name) else None) or raw
                for x in read for k, raw in enumerate(x.recipients_raw) if raw.strip()]
        if len(set(keys)) == len(keys):
            return
        merged: dict[str, Excerpt] = {}
        for x in read:
            for k, raw in enumerate(x.recipients_raw):
                key = (x.recipients_name[k] if k < len(x.recipients_name) else None) or raw or f"#{id(x)}:{k}"
                if key in merged:
                    have = merged[key]
                    have.points += [p for p in x.points if p not in have.points]
                    have.points_raw += "; " + x.points_raw
                    continue
                merged[key] = replace(x, recipients=x.recipients[k:k + 1], recipients_raw=[raw], points=list(x.points),
                                      recipients_name=x.recipients_name[k:k + 1], recipients_status=x.recipients_status[k:k + 1])
        self.excerpts[first:] = list(merged.values())

    def _cut_entry(self, start: int, end: int) -> bool:
        """Whether the line of an excerpt list ending at ``end`` stops inside an entry: at a dash or a
        comma, or after a recipient not yet given its points ("...; Cde. Nurmatov" / "(Tashkent) - 5"),
        and the next line goes on with the list (no note of its own, no blank line)."""
        last = self.text[start:end].rstrip()
        entry = last.rsplit(";", 1)[-1]
        cut = last.endswith((",", "-", "–", "—")) or bool(entry.strip()) and not re.search(P._DASH, entry) \
            and not entry.rstrip(" .").endswith(")")
        nxt_end = self.text.find("\n", end + 1)
        nxt = self.text[end + 1:len(self.text) if nxt_end < 0 else nxt_end]
        return cut and bool(nxt.strip()) and not (P.DRAFTED.match(nxt.strip()) or P.TYPED.match(nxt.strip())
                                                 or P.LINE_ROLE.match(nxt) or P.COPY_LIST_HEAD.match(nxt)
                                                 or XP.EXCERPT_HEAD.search(nxt) or nxt.lstrip().startswith("["))

    def _excerpt_table(self, start: int) -> bool:
        """An excerpt list set as a table in columns ("Point(s)   To   Channel", a row an excerpt): read
        it, and say whether there was one."""
        eol = self.text.find("\n", start)
        eol = len(self.text) if eol < 0 else eol
        heads = [(a, self.text[a:b].lower()) for a, b in _cells(self.text, start, eol)]
        what_col = next((k for k, (_s, h) in enumerate(heads) if _POINTS_HEAD.fullmatch(h)), None)
        who_col = next((k for k, (_s, h) in enumerate(heads) if _TO_HEAD.fullmatch(h)), None)
        if len(heads) < 2 or what_col is None or who_col is None:
            return False
        via_col = next((k for k, (_s, h) in enumerate(heads) if _VIA_HEAD.fullmatch(h)), None)
        pos = eol + 1
        while pos < len(self.text):
            end = self.text.find("\n", pos)
            end = len(self.text) if end < 0 else end
            cells = _cells(self.text, pos, end)
            if "|" in self.text[pos:end] and not self.text[pos:end].strip(" \t|-:"):
                pos = end + 1   # "|---|---|": the rule under a table's head
                continue
            if len(cells) != len(heads):
                break
            via = self.text[cells[via_col][0]:cells[via_col][1]] if via_col is not None else ""
            self._excerpt(_Row(self.text, pos, end, {"what": cells[what_col], "who": cells[who_col]},
                               "by " + via if via.strip("-–— ") else None))
            pos = end + 1
        return True

    def excerpts_from(self):
        """"Excerpt from point 4 sent to Cde. Shevchuk and to the Lvov Obkom.", "Vypiska p. 4 - Gorzdravotdel"."""
        for m in XP.EXCERPT_FROM.finditer(self.text):
            self._excerpt(m)
        if self.low is None or "vypisk" in self.low or "xcerpt" in self.low or "xtract" in self.low:
            for m in XP.EXCERPT_LINE.finditer(self.text):
                self._excerpt(m)
        for pattern in XP.EXCERPT_SENTENCES:
            for m in pattern.finditer(self.text):
                self._excerpt(m)

    @staticmethod
    def _entries(body: str, offset: int) -> list[tuple[int, int]]:
        """The spans of the entries of an excerpt list: separated by semicolons, or, when there are
        none and the points stand in parentheses, by the commas after them."""
        if ";" not in body and XP.EXCERPT_PAREN_SEP.search(body):
            cuts, pos = [], 0
            for m in XP.EXCERPT_PAREN_SEP.finditer(body):
                cuts.append((pos, m.start() + len(m.group(0).rstrip(" ,"))))   # with a "by cipher" after it
                pos = m.end()
            cuts.append((pos, len(body)))
            return [(offset + s, offset + e) for s, e in cuts if body[s:e].strip()]
        lines = [m for m in re.finditer(r"[^\n]+", body) if m.group(0).strip()]
        if ";" not in body and "\n" in body.strip():   # an entry a line
            return [(offset + m.start(), offset + m.end()) for m in lines]
        if len(lines) > 1 and not any(m.group(0).rstrip().endswith((";", ",", "-", "–", "—")) for m in lines) \
                and all(re.search(r"[-–—]", m.group(0).split(";")[-1]) for m in lines[:-1]):   # no entry wrapped
            # an entry a line, one of them holding several ("§ 4 – to the Commission; to Cde. X")
            return [(offset + m.start() + p.start(), offset + m.start() + p.end())
                    for m in lines for p in re.finditer(r"[^;]+", m.group(0)) if p.group(0).strip()]
        return [(offset + m.start(), offset + m.end()) for m in re.finditer(r"[^;]+", body)]

    def _excerpt(self, m: re.Match):
        groups = m.re.groupindex
        what = m.group("what") if m.group("what") is not None else m.group("whole")
        if "tail" in groups and (m.group("tail") or "").strip():
            what = what + " " + m.group("tail").strip()   # "(point 6) by cipher"
        ch = P.CHANNEL.search(what)
        channel = ch.group("ch").lower() if ch else None
        points_raw = (what[:ch.start()] + what[ch.end():]).strip(" \t\n,;") if ch else what.strip()
        if channel is None:   # "an extract of point 1 was sent in cipher to ..."
            whole = P.CHANNEL.search(m.group(0))
            channel = whole.group("ch").lower() if whole else None
        points = P.parse_points(points_raw)
        if not points and "whole" in groups and m.group("what") is None and m.group("whole"):
            points = ["all"]   # "Vypiska iz prikaza": an extract of the whole order
        who_end = m.end("who")
        dated = _TRAILING_DATE.search(self.text, m.start("who"), who_end)   # "... Agriculture on 15.III.1957"
        if dated and dated.start() > m.start("who"):
            who_end = dated.start()
        placed = _IN_PLACE.search(self.text, m.start("who"), who_end)   # "Cde. Yudin in Peking": where he is
        if placed and "," in placed.group(0) and not _ONE_TITLED.match(self.text, m.start("who"), placed.start()):
            placed = None   # "tt. Molotovu, Beria": a list of names, one of them a place's too
        if placed and places.is_place(placed.group("place")) and not english.in_dictionary(
                re.findall(r"[\w'’-]+", self.text[m.start("who"):placed.start()])[-1]):
            who_end = placed.start()   # not "the Committee in Szczecin": a word of the language names an office
        aff = _TITLED_AFFILIATION.search(self.text, m.start("who"), who_end)
        if aff and "," in aff.group("aff"):
            who_end = aff.start("aff")   # the person, not the office and town after him, which a comma would split
        body = _TITLED_OF.search(self.text, m.start("who"), who_end)
        if body and not english.in_dictionary(body.group("name")):
            who_end = body.start("of")   # "Cde. Gladky of the Moldavpotrebsoyuz": the person, not his body
        who_start = m.start("who")
        for struck in _STRUCK_WHO.finditer(self.text, who_start, who_end):
            if self.text[struck.end():who_end].strip():
                who_start = struck.end()   # "[crossed out: t. Petrovu] [handwritten:] t. Sidorovu": the one that stands
        refs = self.names(who_start, who_end)
        ev = self.ev(m.start(), m.end())
        exc = Excerpt(recipients=[r.name for r in refs], recipients_raw=[r.raw for r in refs],
                      points=points, points_raw=points_raw, evidence=ev, channel=channel,
                      recipients_name=[r.recorded for r in refs], recipients_status=[_status(r) for r in refs],
                      confidence=min([1.0] + [_name_confidence(r) for r in refs]))
        if not points:
            exc.status = "unparsed"
            exc.confidence = 0.3
        if any(o.points == exc.points and o.recipients_raw == exc.recipients_raw and o.evidence.start < ev.end
               and ev.start < o.evidence.end for o in self.excerpts):
            return   # the same entry read by a second pattern
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
