"""Copy lists that say how many copies each recipient received, not which, under a stated total:
"Otp. 4 ekz." / "1 ekz. - t. X" / "1 ekz. - v delo", "number of copies: 4" / "receive: X — 1x" /
"Y — 1x", "Printed in 5 copies. Distribution: X 2 copies, Y 1 copy, file 1 copy". When the counts add
up to the total, the copies are numbered in the order written. A part of the copies' reading
(``extract_copies.CopiesPart``)."""

from __future__ import annotations

import re

from provenance.chain import patterns as P
from provenance.chain.model import PrintRun
from provenance.chain.spans import _named_each

#: a total declared on a line of its own: "number of copies: 4", "copies: 4"
_TOTAL_LINE = re.compile(r"^[ \t]*(?:(?:total[ \t]+)?number[ \t]+of[ \t]+copies|copies[ \t]+made|copies)[ \t]*:[ \t]*"
                         r"(?P<count>\d{1,3})[ \t]*\.?[ \t]*$", re.IGNORECASE | re.MULTILINE)
#: a print run declared in the lists' languages: German "Hergestellt in 4 Ausfertigungen", "Gefertigt
#: in 4 Exemplaren"; Hungarian "Készült: 4 pld-ban", "Készült 3 példányban"; Romanian "Întocmit în 4 ex.",
#: "Întocmită în 3 exemplare"; Bulgarian "Otp. v 4 ekz."; Polish "Wykonano w 3 egz."; Czech and Slovak
#: "Vyhotoveno v 4 výtiscích", "Počet výtisků: 4"
_DECLARED_RUN = re.compile(
    r"^[ \t]*(?:(?:(?:Her|Ge|Aus|An)?gefertigt|Hergestellt|Erstellt)[ \t]+in[ \t]+(?P<de>" + P._COUNT + r")[ \t]+(?:Ausfertigung|Exemplar|Stück)\w*"
    r"|K[ée]sz[üu]lt[ \t]*:?[ \t]*(?P<hu>\d{1,3})[ \t]*(?:-[ \t]*)?(?:pld|p[ée]ld[áa]ny)\w*\.?(?:-?ban)?"
    r"|[ÎI]ntocmit[ăa]?[ \t]+[îi]n[ \t]+(?P<ro>\d{1,3})[ \t]+ex(?:emplare|\.|(?!\w))"
    r"|Otp\.?[ \t]+v[ \t]+(?P<bg>\d{1,3})[ \t]+ekz\.?"
    r"|(?:Wykonano|Sporz[ąa]dzono)[ \t]+w[ \t]+(?P<pl>\d{1,3})[ \t]+egz(?:\.|emplarz\w*)?"
    r"|Vyhotoveno[ \t]+v[ \t]+(?P<cs>\d{1,3})[ \t]+v[ýy]tisc\w*|Po[čc]et[ \t]+v[ýy]tisk\w*[ \t]*:[ \t]*(?P<cs2>\d{1,3}))"
    r"[ \t]*[.:]?[ \t]*$", re.IGNORECASE | re.MULTILINE)
#: the word of a count: "1 ekz.", "2 copies", "1x"
_UNIT = r"(?:cop(?:y|ies)\b|ekz\.?(?!\w)|ex\.?(?!\w)|x(?!\w))"
#: the editor's label of the hand that added an entry, before it on its line: "[handwritten:] "
_HAND_LABEL = r"[ \t]*(?:\[[A-Za-z][A-Za-z ]{0,20}:?\][ \t]*)?"
#: an entry that gives its count first: "1 ekz. - t. Molotovu", "2 copies: Cde. X", after the editor's
#: label of the hand that added it ("[handwritten:] 1 ekz. - v delo")
_COUNT_FIRST = re.compile(_HAND_LABEL + r"(?P<count>" + P._COUNT + r")[ \t]*" + _UNIT + r"[ \t]*(?:" + P._DASH + r"|:)[ \t]*(?P<dest>\S[^\n]*?)[ \t.;,]*$",
                          re.IGNORECASE)
#: the count after an entry: "— 1x", "- 1 ekz.", " 2 copies", "(1 copy)", before the next entry or the end
_COUNT_AFTER = re.compile(r"[ \t]*(?:" + P._DASH + r"|:|\()?[ \t]*(?P<count>" + P._COUNT + r")[ \t]*" + _UNIT + r"[ \t]*\)?"
                          r"(?=[ \t]*(?:[,;.][ \t]*)?(?:\n|$))|[ \t]*(?:" + P._DASH + r"|:|\()?[ \t]*(?P<count2>" + P._COUNT
                          + r")[ \t]*" + _UNIT + r"[ \t]*\)?[ \t]*[,;](?=[ \t]*\S)"
                          # "Consulate-General in Urumchi - 1;" a line each: a bare figure after a dash
                          r"|[ \t]*" + P._DASH + r"[ \t]*(?P<count3>\d{1,2})[ \t]*[,;.]?(?=[ \t]*(?:\n|$))"
                          # "To Cdes. X, Y and Z - one copy each;": a copy to each person named
                          r"|[ \t]*" + P._DASH + r"[ \t]*(?P<each>(?:one|a|1)[ \t]+copy[ \t]+each|po[ \t]+1[ \t]+ekz\.?)"
                          r"[ \t]*[,;.]?(?=[ \t]*(?:\n|$))", re.IGNORECASE)
#: the people of an entry a copy each: "To Cdes. Molotov, Dolmatov and Yasenev"
_EACH_NAMES = re.compile(r"(?:to[ \t]+)?" + P.PLURAL_TITLE + r"[ \t]+(?P<names>[A-Z][^\n;:()]*)", re.IGNORECASE)
#: a head before the entries on their first line: "Distribution:", "receive :", "Rassylka:" (a few words)
_LEAD_HEAD = re.compile(r"[ \t.]*(?:[^\W\d][\w'’]*(?:[ \t]+[^\W\d][\w'’]*){0,2}[ \t]*:)?[ \t]*")
#: where an entry begins on its line: after the editor's label of the hand that added it
_ENTRY_START = re.compile(_HAND_LABEL)
#: where the one copy of a print run of one went, on its line: " - to the addressee.", ": to Cde. X"
_ONE_COPY_TO = re.compile(r"[ \t]*[-–—:,][ \t]*(?P<dest>to[ \t]+[^\n;]{3,80}?|v[ \t]+delo)[ \t]*[.;]?[ \t]*$", re.MULTILINE)
#: entries read at most
MAX_ENTRIES = 20
#: words of one entry, at most
MAX_WORDS = 12


class CountedPart:
    """Methods of the extractor (``self.text``, ``self._classify_destination``, ``self._add_copy``,
    ``self._list_lines``, ``self._list_after``, ``self.print_run``)."""

    def counted_lists(self) -> None:
        totals = [(m, P.parse_count(m.group("count"))) for m in P.PRINT_RUN.finditer(self.text)]
        totals += [(m, int(m.group("count"))) for m in _TOTAL_LINE.finditer(self.text)]
        declared = [(m, P.parse_count(next(g for g in m.groups() if g))) for m in _DECLARED_RUN.finditer(self.text)]
        totals += declared
        for m, count in sorted(totals, key=lambda t: t[0].start()):
            if not count or m.start() in self._list_lines:
                continue
            rest = m.start("rest") if "rest" in m.re.groupindex else m.end()
            end = self.text.find("\n\n", m.end())
            end = len(self.text) if end < 0 else end
            if count == 1 and (one := _ONE_COPY_TO.match(self.text, rest)) and one.end() <= end:
                # "Otp. 1 ekz. - to the addressee.", "Printed in a single copy: to Cde. X": copy 1 goes there
                info = self._classify_destination(one.group("dest"), one.start("dest"))
                self._add_copy(info, 1, m.group("count"), self.ev(m.start(), one.end()), source="list")
                self._list_lines.add(m.start())
                if self.print_run is None:
                    self.print_run = PrintRun(1, self.text[m.start():one.start()].strip(" -–—:,"), self.ev(m.start(), one.start()))
                continue
            if self._counted_entries(rest, end, count):
                self._list_lines.add(m.start())
                if self.print_run is None:
                    head_end = rest if rest > m.start() else m.end()
                    self.print_run = PrintRun(count, self.text[m.start():head_end].strip(), self.ev(m.start(), head_end))
        for m, count in declared:
            if m.start() in self._list_lines:
                continue
            # "Hergestellt in 4 Ausfertigungen:" / "1. Ausf. – ...": the numbered list below the total
            if self._list_after(m.end()):
                self._list_lines.add(m.start())
                if self.print_run is None:
                    self.print_run = PrintRun(count, m.group().strip(), self.ev(m.start(), m.end()))

    def _counted_entries(self, start: int, end: int, count: int) -> bool:
        """The entries of ``start``..``end`` read when each gives a count and the counts add up to
        ``count``; whether they were."""
        head = _LEAD_HEAD.match(self.text, start, end)
        pos = head.end() if head else start
        eol = self.text.find("\n", pos, end)
        if eol >= 0 and P.PRINT_RUN_REST_OK.match(self.text[pos:eol]):
            pos = eol + 1   # the entries begin on the next line ("Otp. 4 ekz.:", "6 copies printed")
            head = _LEAD_HEAD.match(self.text, pos, end)   # "Obdrží [receive]: X — 1x"
            if head and head.group().strip().endswith(":"):
                pos = head.end()
        stop = pos   # the entries end where a list does ("Isp. X   Pech. Y" below them)
        while (stop := self.text.find("\n", stop, end) + 1) and stop < end:
            line = self.text[stop:self.text.find("\n", stop, end) if "\n" in self.text[stop:end] else end]
            if P.ends_list(line):
                end = stop - 1
                break
        entries = self._count_first(pos, end) or self._count_after(pos, end)
        if len(entries) < 2 or len(entries) > MAX_ENTRIES:
            return False
        counts = [c for _d0, _d, c, _e in entries]
        if sum(counts) != count or counts == list(range(1, len(counts) + 1)):
            return False   # counts that do not account for the total, or copy numbers 1, 2, 3
        k = 0
        for d0, dest, c, e0 in entries:
            info = self._classify_destination(dest, d0)
            for _ in range(c):
                k += 1
                self._add_copy(info, k, str(k), self.ev(d0, e0), source="list", flags=info["flags"] + ["counted"])
            line = self.text.rfind("\n", 0, d0) + 1
            self._list_lines.add(line)
            self._list_lines.add(_ENTRY_START.match(self.text, line).end())   # after "[handwritten:]"
            self._list_lines.add(d0)
        return True

    def _count_first(self, start: int, end: int) -> list[tuple[int, str, int, int]]:
        """"1 ekz. - t. Molotovu" a line each: (offset, destination, count, end) per entry; empty
        unless every line is one."""
        out, pos = [], start
        for line in self.text[start:end].split("\n"):
            m = _COUNT_FIRST.fullmatch(line)
            if not m or len(m.group("dest").split()) > MAX_WORDS:
                return []
            out.append((pos + m.start("dest"), m.group("dest"), P.parse_count(m.group("count")) or 0, pos + m.end("dest")))
            pos += len(line) + 1
        return out

    def _count_after(self, start: int, end: int) -> list[tuple[int, str, int, int]]:
        """"X — 1x" / "Y — 1x", "X 2 copies, Y 1 copy": each entry ending in its count; empty unless
        the entries cover ``start``..``end``."""
        out, pos = [], start
        for m in _COUNT_AFTER.finditer(self.text, start, end):
            lead = re.match(r"[\s,;.]*", self.text[pos:m.start()])
            d0 = pos + lead.end()
            dest = self.text[d0:m.start()].strip()
            if not dest or len(dest.split()) > MAX_WORDS or "\n\n" in dest:
                return []
            if "\n" in dest:   # an entry wrapped over lines
                dest = re.sub(r"\s+", " ", dest)
            if m.group("each"):   # a copy to each person named, each an entry of its own
                names = _EACH_NAMES.fullmatch(self.text, d0, d0 + len(dest)) if "\n" not in dest else None
                if not names:
                    return []
                out.extend((at, name, 1, at + len(name)) for name, at in _named_each(self.text, names.start("names"), names.group("names")))
            else:
                out.append((d0, dest, P.parse_count(m.group("count") or m.group("count2") or m.group("count3")) or 0, m.start()))
            pos = m.end()
        if self.text[pos:end].strip(" \t\n.;,"):
            return []
        return out
