"""Copies listed in sentences rather than lines: "The first copy to Cde. Ishanov, the second to the
Central Committee"; "sent to Chairman Mao (copy 1), Cde. Zhou Enlai (copy 2) ...; copies 4-6 to the
Northwest Bureau"; "Cde. Ismatov (1), Cde. Davletyarov (2), file (3)". A part of
:class:`provenance.chain.extract.Extractor`, through :class:`CopiesPart`."""

from __future__ import annotations

import re

from provenance.chain import patterns as P
from provenance.chain.spans import _named_each, _respectively

#: an entry of a copy list written as a sentence: "the first copy to X", "the second to Y", "No. 2 goes
#: to Z", "No. 4 remains in the file", "No. 1 for the Secretariat"; the recipient runs to the next comma, semicolon or full stop
_PROSE_ITEM = re.compile(
    r"(?P<label>(?:(?:[Tt]he\s+)?(?P<word>" + "|".join(P.ORDINAL_NUMBER) + r"|\d{1,2}(?:st|nd|rd|th)\b)(?:\s+and\s+(?:the\s+)?(?P<word2>"
    + "|".join(P.ORDINAL_NUMBER) + r"|\d{1,2}(?:st|nd|rd|th)\b))?(?:\s+cop(?:y|ies))?(?:\s+of\s+(?:which|them))?"
    r"|(?:No\.|[Cc]op(?:y|ies)(?:\s+No\.)?)\s*(?P<num>\d{1,3})(?:\s*[-–]\s*(?P<num2>\d{1,3})|(?P<more>(?:\s*(?:,|and|&)\s*\d{1,3})+))?))\s+"
    r"(?:(?:goes|go|(?:is|was|are|were|has\s+been|have\s+been|will\s+be)\s+(?:sent|forwarded|given)|went)\s+)?"
    r"(?:to\s+|for\s+(?=(?:the\s+)?(?-i:[A-Z])|the\s+archives?\b)|(?<=\d\s)[-–—]\s*(?:to\s+)?|(?P<stays>(?:remains?|stays?|is\s+kept|is\s+retained|retained|kept)\s+(?:in|with|on|by)\s+"
    r"|for\s+(?=[^,;.\n]{0,40}\bfiles?\b)))"
    r"(?P<dest>.+?)(?=\s*(?:[,;]|(?<!\bCde)(?<!\bCdes)(?<!\bMr)(?<!\bDr)(?<!\b[A-Z])\.(?:\s|$)|\s+and\s+No\.|$"
    r"|\s+and\s+(?:the\s+)?(?:" + "|".join(P.ORDINAL_NUMBER) + r"|\d{1,2}(?:st|nd|rd|th))\b))",
    re.IGNORECASE)
#: the Russian ordinals in transliteration (several systems), by their stems: "pervyi", "vtoroj", "tret'ii"
_ORDINALS_RU = {"perv": 1, "vtor": 2, "tret": 3, "chetvert": 4, "četvert": 4, "pyat": 5, "pjat": 5, "piat": 5,
                "shest": 6, "šest": 6, "sedm": 7, "sed'm": 7, "sedʹm": 7, "vosm": 8, "vos'm": 8, "vosʹm": 8}
#: an entry of a Russian sentence of copies: "Pervyi ekzemplyar napravlen t. X, vtoroi — t. Y, ...,
#: chetvertyi ostavlen v dele"
_PROSE_ITEM_RU = re.compile(
    r"(?P<label>(?P<word>" + "|".join(_ORDINALS_RU) + r")(?:'|ʹ)?(?:yi|yj|yy|yĭ|oi|oj|oy|oĭ|ii|ij|iy|iĭ)"
    r"(?:\s+ekz(?:emplyar|empljar|empliar)?\.?)?)\s*(?:(?:napravlen|poslan|otpravlen|vyslan|peredan)[a-z]*\s+"
    r"|[-–—]\s*|(?P<stays>(?:ostavlen|ostaetsya|ostaëtsja|ostaetsja|khranitsya|podshit)[a-zʹ']*\s+))"
    r"(?P<dest>.+?)(?=\s*(?:[,;]|(?<!\bt)(?<!\btt)(?<!\b[A-Z])\.(?:\s|$)|$))", re.IGNORECASE)


#: the two copies of a sentence "one for X, the other for Y" (after "in two copies")
_ONE_OTHER = re.compile(
    r"(?P<label>(?P<word>one|the\s+other)(?:\s+cop(?:y|ies))?)\s+(?:(?:is\s+|was\s+)?(?:sent\s+)?(?:for|to)\s+)"
    r"(?P<dest>[^,;()]+?)(?=\s*(?:\([^()]*\))?\s*(?:[,;]|\.(?:\s|$)|$))", re.IGNORECASE)


#: what every entry of a sentence's copy list holds, one of its patterns at least: a copy word,
#: "No.", an ordinal in words or figures (English, German, Russian in transliteration). A line
#: without any is no list, and the patterns, slow to try at every place of a long line, are not tried.
_PROSE_GATE = re.compile(r"cop|no\.|\d(?:st|nd|rd|th)|" + "|".join(map(re.escape, [*P.ORDINAL_NUMBER, *_ORDINALS_RU])),
                         re.IGNORECASE)


#: the copies "one ..., the other ..." name
_ONE_OTHER_NUMBER = {"one": 1, "the other": 2}


def _ordinals(m: re.Match) -> list[int]:
    """The copy numbers an entry's ordinal words give ("the first", "the second and third",
    "vtoroi", "the other"); empty for an entry numbered in figures. The patterns of this module
    that have no second word or no "stays" leave those groups out."""
    groups = m.groupdict()
    words = [" ".join(w.lower().split()) for w in (groups.get("word"), groups.get("word2")) if w]
    return [int(w[:-2]) if w[:1].isdigit() else P.ORDINAL_NUMBER.get(w) or _ORDINALS_RU.get(w) or _ONE_OTHER_NUMBER[w]
            for w in words]


#: the same in a sentence whose entries are parted by semicolons: a recipient may hold commas ("the
#: first copy to the Soviet Consulate-General in Dihua, for Consul X; the second ...")
_PROSE_ITEM_SEMI = re.compile(_PROSE_ITEM.pattern.replace(r"(?=\s*(?:[,;]|", r"(?=\s*(?:;|", 1), re.IGNORECASE)
#: an entry of a copy list in a sentence that names the recipient first and its copy in brackets:
#: "has been sent to Chairman Mao (copy 1), Cde. Zhou Enlai (copy 2) and Cde. Peng Dehuai (copy 3)"
_PAREN_ITEM = re.compile(r"(?P<dest>[^,;()\n]{2,80}?)[ \t]*\(cop(?:y|ies)[ \t]+(?:" + P._NUMSIGN + r"[ \t]*)?"
                         r"(?P<num>\d{1,3})(?:[ \t]*[-–][ \t]*(?P<num2>\d{1,3}))?\)", re.IGNORECASE)
#: entries of one line that name the recipient first, a dash, then the copy, apart by semicolons:
#: "Cde. Balashevich - copy No. 1; Cde. Dzhaksybekov - copy No. 2; file - copy No. 3."
_DASH_COPY_ITEM = re.compile(r"(?P<dest>[^;\n]{2,80}?)[ \t]*[-–—][ \t]*cop(?:y|ies)[ \t]+(?:" + P._NUMSIGN + r"[ \t]*)?"
                             r"(?P<num>\d{1,3})(?:[ \t]*[-–][ \t]*(?P<num2>\d{1,3}))?(?=[ \t]*(?:[;.]|$))", re.IGNORECASE)
#: what leads to the first recipient of such a sentence: "This telegram has been sent to", "and"
_LEAD_IN = re.compile(r"^.*\b(?:sent|forwarded|dispatched|distributed|addressed|delivered|went|goes|go)\s+to\s+|^\s*and\s+",
                      re.IGNORECASE)
#: an entry that names the recipient first and its copy in brackets after it, under a list head:
#: "Cde. Ismatov (1)", "file (4)"
_NAME_NUMBER = re.compile(r"(?P<dest>[^,;()\n]{2,80}?)[ \t]*\((?:cop(?:y|ies)[ \t]+)?(?:No\.?[ \t]*)?(?P<num>\d{1,3})(?:st|nd|rd|th)?"
                          r"(?:[ \t]*[-–][ \t]*(?P<num2>\d{1,3})(?:st|nd|rd|th)?)?\)[ \t]*(?:[,;.]|and\b|$)", re.IGNORECASE)
_NAME_NUMBER_SEMI = re.compile(_NAME_NUMBER.pattern.replace("[^,;()\\n]{2,80}?", "[^;()\\n]{2,160}?"), re.IGNORECASE)
#: recipients named in the order of the copies that go to them: "Cdes. Lazutkin (MFT) and Sokhadze (Gosplan) respectively"
_RESPECTIVELY = re.compile(r"(?:(?:to\s+)?(?:Cdes\.?|Comrades)\s+)?(?P<names>.+?),?\s+respectively", re.IGNORECASE)
#: copies given in one entry of a range ("copies 4-6"), at most
MAX_RANGE = 20


def _numbers(m: re.Match) -> list[int]:
    """The copy numbers of an entry: one, a range ("copies 4-6") or several ("copies 3 and 4")."""
    if "more" in m.re.groupindex and m.group("more"):
        return [int(m.group("num"))] + [int(x) for x in re.findall(r"\d+", m.group("more"))]
    first = int(m.group("num"))
    last = int(m.group("num2")) if m.group("num2") else first
    return list(range(first, last + 1)) if 0 <= last - first <= MAX_RANGE else [first]


#: a sentence that sends copies to recipients named without numbers: "Copies sent to Comrades X and Y
#: (2 copies).", "To be sent for execution to A, B and C, and for information to D and E. In all 6
#: copies, the sixth to the file."
_SENT_SENTENCE = re.compile(
    r"\b(?:[Cc]opies\s+(?:were\s+)?|[Tt]o\s+be\s+)(?:sent|forwarded|distributed|dispatched)(?:\s+for\s+(?:execution|information|action))?"
    r"\s+to\s+(?P<list>[^.\n]+?)\s*(?:\((?P<n>" + P._COUNT + r")\s+cop(?:y|ies)\))?\s*\.")
#: the head of a second group of recipients in such a sentence: ", and for information to"
_GROUP_HEAD = re.compile(r",?\s+(?:and\s+)?for\s+(?:execution|information|action)\s+to\s+")
#: the total after such a sentence, with the copy kept: "In all 6 copies, the sixth to the file."
_SENT_TOTAL = re.compile(r"\s*(?:In\s+all|Altogether|Total)\s*:?\s*(?P<n>" + P._COUNT + r")\s+cop(?:y|ies)"
                         r"(?:\s*,\s*the\s+(?P<file>\w+)\s+(?:copy\s+)?(?:to|for|in)\s+the\s+(?:file|archives?)\b)?")
#: a plural title before the first recipient, which makes each a person ("Comrades X and Y")
_PLURAL_LEAD = re.compile(P.PLURAL_TITLE + r"\s+")


class ProsePart:
    def counted_sentences(self):
        """Copies sent in a sentence to recipients named without numbers, numbered in the order named
        when the sentence's total accounts for every one of them (and for the file copy it names):
        "Copies sent to Comrades Malenkov and Mikoyan (2 copies).", "To be sent for execution to A,
        B and C, and for information to D and E. In all 6 copies, the sixth to the file." """
        for m in _SENT_SENTENCE.finditer(self.text):
            if any(m.start() <= x < m.end() for x in self._list_lines) or self.copies:
                continue
            total = _SENT_TOTAL.match(self.text, m.end())
            count = P.parse_count(m.group("n") or (total.group("n") if total else "") or "")
            filed = P.ORDINAL_NUMBER.get((total.group("file") or "").lower()) if total else None
            lead = _PLURAL_LEAD.match(m.group("list"))
            start = m.start("list") + (lead.end() if lead else 0)
            names = [(at, name) for name, at in _named_each(self.text, start, _GROUP_HEAD.sub(", ", self.text[start:m.end("list")]))
                     if name]
            if not count or len(names) + (1 if filed else 0) != count or filed not in (None, count) or len(names) < 2:
                continue
            for k, (where, name) in enumerate(names, 1):
                info = self._classify_destination(name, where)
                self._add_copy(info, k, str(k), self.ev(where, where + len(name)), source="list",
                               flags=info["flags"] + ["unnumbered"], confidence=min(info["confidence"], 0.8))
            if filed:
                self._add_copy(self._classify_destination("the file", total.start("file")), filed, total.group("file"),
                               self.ev(total.start(), total.end()), source="list")
            self._list_lines.add(m.start())

    def prose_lists(self):
        """Copies listed in a sentence: "The first copy to Cde. Ishanov, the second to the Central
        Committee, the third to the file"; "of which No. 1 goes to the addressee, No. 2 to Comrade Vasin
        ... and No. 4 remains in the file". Two entries or more on one line, or in one sentence
        wrapped over lines, none read already."""
        if self.low is not None and not any(w in self.low for w in ("first", "second", "no.", "cop", "vtor")):
            return
        pos, run = 0, None
        read: list[tuple[int, int, int]] = []   # the lines of the run read alone: (start, first copy, entries)
        for line in self.text.split("\n"):
            start, pos = pos, pos + len(line) + 1
            before = len(self.copies)
            n = self._prose_line(start, line)
            if n:
                read.append((start, before, n))
            # a sentence wrapped over lines: each but its last ends in a letter, a comma or a semicolon
            if line.strip():
                run = start if run is None else run
                if not re.search(r"[\w,;]$", line.rstrip()):
                    if start > run:
                        self._wrapped_sentence(run, start + len(line), [r for r in read if r[0] >= run])
                    run = None
            else:
                run = None
            if run is None:
                read = []

    def _wrapped_sentence(self, start: int, end: int, read: list[tuple[int, int, int]]) -> None:
        """A sentence wrapped over the lines ``start``..``end``: its entries, read with the line
        breaks made spaces, replace those its lines gave alone when it has more ("the first goes to
        the Second Eastern Department of" / "the NKID, the second and third to ...")."""
        own = {r[0] for r in read}
        if any(start <= x <= end and x not in own for x in self._list_lines):
            return   # a line of it read already as another kind of list
        joined = self.text[start:end].replace("\n", " ")
        alone = sum(n for _s, _b, n in read)
        if alone and self._prose_entries(joined) <= alone:
            return
        for line_start, first, n in sorted(read, key=lambda r: r[1], reverse=True):
            del self.copies[first:first + n]
            self._list_lines.discard(line_start)
        self._prose_line(start, joined)

    @staticmethod
    def _prose_matches(line: str) -> tuple[list[re.Match], list[re.Match]]:
        """The entries of a copy list in the sentence ``line``: those that name their copy first
        ("the first copy to ...", "No. 2 goes to ...") and those that name it after ("X (copy 1)")."""
        if not _PROSE_GATE.search(line):
            return [], []
        return ProsePart._prose_matches_ungated(line)

    @staticmethod
    def _prose_matches_ungated(line: str) -> tuple[list[re.Match], list[re.Match]]:
        """:meth:`_prose_matches` without its gate (the long way, tried at every line)."""
        items = list(_PROSE_ITEM.finditer(line)) or list(_PROSE_ITEM_RU.finditer(line))
        if not items and re.search(r"\b(?:two|2)\s+cop(?:y|ies)\b", line, re.IGNORECASE):
            pair = list(_ONE_OTHER.finditer(line))
            items = pair if [m.group("word").lower().split()[-1] for m in pair] == ["one", "other"] else []
        if ";" in line and len(items) >= 2 and items[0].re is _PROSE_ITEM:
            semi = list(_PROSE_ITEM_SEMI.finditer(line))
            if len(semi) == len(items):
                items = semi
        bracketed = list(_PAREN_ITEM.finditer(line)) if "(" in line else []
        bracketed += list(_DASH_COPY_ITEM.finditer(line)) if ";" in line else []
        return items, bracketed

    def _prose_entries(self, line: str) -> int:
        """How many copies ``line`` lists as a sentence (0 unless two entries or more)."""
        items, bracketed = self._prose_matches(line)
        if len(items) + len(bracketed) < 2:
            return 0
        return sum(len(_ordinals(m)) or len(_numbers(m)) for m in items) \
            + sum(len(_numbers(m)) for m in bracketed)

    def _prose_line(self, start: int, line: str) -> int:
        """The copies listed in ``line``, which stands at ``start`` (its newlines made spaces): how
        many were added."""
        if any(start <= x < start + len(line) + 1 for x in self._list_lines):
            return 0
        items, bracketed = self._prose_matches(line)
        if len(items) + len(bracketed) < 2:
            return 0
        before = len(self.copies)
        for m in items:
            dest = re.sub(r"\s+and$", "", m.group("dest").strip())
            info = self._classify_destination("the file" if m.groupdict().get("stays") else dest, start + m.start("dest"))
            ordinals = _ordinals(m)
            each = _RESPECTIVELY.fullmatch(dest)
            names = re.split(r"\s*,\s*|\s+and\s+", each.group("names")) if each and not ordinals else []
            if names and len(names) == len(_numbers(m)) > 1:   # "copies 3 and 4 to Cdes. X and Y respectively"
                at = start + m.start("dest") + each.start("names")
                for number, name in zip(_numbers(m), names):
                    at = self.text.find(name, at)
                    self._add_copy(self._classify_destination(name, at), number, m.group("label"),
                                   self.ev(start + m.start(), start + m.end("dest")), source="list")
                continue
            numbers = ordinals or _numbers(m)
            split = _respectively(dest, len(numbers)) if not ordinals else []
            for number, (at, part) in zip(numbers, split):   # "No. 3, 4 - X i Y": a copy each
                self._add_copy(self._classify_destination(part, start + m.start("dest") + at), number, m.group("label"),
                               self.ev(start + m.start(), start + m.end("dest")), source="list")
            for number in numbers if not split else ():
                self._add_copy(info, number, m.group("label"), self.ev(start + m.start(), start + m.end("dest")),
                               source="list")
        for m in bracketed:
            lead = _LEAD_IN.match(m.group("dest"))
            dest_start = m.start("dest") + (lead.end() if lead else 0)
            dest = line[dest_start:m.end("dest")].strip()
            info = self._classify_destination(dest, start + dest_start)
            for number in _numbers(m):
                self._add_copy(info, number, m.group(0)[m.end("dest") - m.start():].strip(" ()"),
                               self.ev(start + dest_start, start + m.end()), source="list")
        self._list_lines.add(start)
        return len(self.copies) - before

    @staticmethod
    def _covering(text: str, start: int, end: int) -> list[re.Match]:
        """The entries "name (number)" of ``text[start:end]`` when two or more of them cover it; in a
        list parted by semicolons an entry may hold commas ("Chief, Security Bureau (2);")."""
        pattern = _NAME_NUMBER_SEMI if ";" in text[start:end] else _NAME_NUMBER
        items = list(pattern.finditer(text, start, end))
        if len(items) < 2 or text[items[-1].end():end].strip(" \t.;,") or any(
                text[a.end():b.start()].strip() for a, b in zip(items, items[1:])):
            return []
        return items

    def _bracketed_numbers(self, start: int, end: int) -> int:
        """The entries of a list head's line that name the recipient, then the copy in brackets
        ("Cde. Ismatov (1), Cde. Davletyarov (2), file (3)"): two or more, covering the line."""
        items = self._covering(self.text, start, end)
        if not items:
            # "Vice-Minister Sŏ (1); Chief," / "Security Bureau (2); ...": a list wrapped over lines
            stop = self._paragraph_end(end)
            items = self._covering(self._flat(start, stop), start, stop) if stop > end else []
        if not items:
            return 0
        for m in items:
            dest = re.sub(r"^\s*and\s+", "", m.group("dest")).strip()
            d0 = m.start("dest") + m.group("dest").find(dest) if dest else m.start("dest")
            info = self._classify_destination(dest, d0)
            for number in _numbers(m):
                self._add_copy(info, number, f"({m.group('num')})", self.ev(m.start(), m.end()), source="list")
        self._list_lines.add(start)
        return len(items)
