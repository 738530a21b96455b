"""Copy lists written on one line whose entries give the copy after the recipient: "t. Molotovu - ekz.
N° 1; t. Dolgushinu - ekz. N° 2", "t. Pogodinu - 1-i ekz.; t. Zakirovu - 2-i ekz.", "Cde. Tsonchev [1];
Cde. Yasinsky [2]", "Cde. Molotov (No. 1), Cde. Beria (No. 2)", or how many copies each received
("t. Molotovu - 1 ekz., v delo - 1 ekz." over "4 copies in all"). A part of the copies' reading
(``extract_copies.CopiesPart``)."""

from __future__ import annotations

import re

from provenance.chain import patterns as P
from provenance.chain.extract_wrapped import _leader_numbers

#: the word for a copy before or after its number, in the languages of the lists (inflected forms
#: included): copy, ekz. (ekzemplyar), egz. (egzemplarz), ex. (exemplar, Exemplar, exemplarul,
#: exemplaire), výt. (výtlačok, výtisk), pld. (példány), Ausf. (Ausfertigung), khuvi (Mongolian)
_COPY_WORD = (r"(?:cop(?:y|ies)|ekz(?:emplyar[a-z]*)?\.?|egz(?:emplarz[a-z]*)?\.?|ex(?:emplar[a-z]*|emplaire)?\.?"
              r"|v[ýy]t(?:la[čc]ok|la[čc]ku|isk[a-z]*)?\.?|pld\.?|p[ée]ld[áa]ny[a-z]*|ausf(?:ertigung)?\.?|khuvi)")
#: a number sign: N°, No., Nr., č. (číslo)
_SIGN = r"(?:N[°º]|Nos?\.?|Nr\.?|№|č\.)"
#: a copy's number after its recipient, in any of the ways a list writes it: "ekz. N° 1", "No. 1",
#: "ekz. N° [2]" (the figure supplied), "1-i ekz." (a Russian ordinal), "1st copy", "copy 1", "[1]"
_NUMBER = (r"(?:(?:" + _COPY_WORD + r"[ \t]*)?" + _SIGN + r"[ \t]*\[?(?P<n1>\d{1,3})\]?"
           r"|(?P<n2>\d{1,3})[ \t]*-?[ \t]*(?:[iy]i|[oy]i|[iyj]|st|nd|rd|th|r)\.?[ \t]+" + _COPY_WORD +
           r"|" + _COPY_WORD + r"[ \t]+(?P<n3>\d{1,3})"
           r"|\[(?P<n4>\d{1,3})\])")
#: how many copies the entry received: "1 ekz.", "2 copies", "one copy"
_COUNTED = r"(?P<c>" + P._COUNT + r")[ \t]+" + _COPY_WORD
#: the mark after the recipient: a dash, a comma or a bracket before it, the entry's end after it
_MARK = re.compile(r"[ \t]*(?:" + P._DASH + r"|,|:|\(|(?=\[))[ \t]*(?:" + _NUMBER + r"|" + _COUNTED + r")[ \t]*\)?"
                   r"(?=[ \t]*(?:[,;.][ \t]*|$))", re.IGNORECASE)
#: the total of the copies on the line below the list: "4 copies in all", "Total: 4 copies", "Vsego 4 ekz."
_TOTAL_BELOW = re.compile(r"[ \t]*(?:(?:total|in[ \t]+all|altogether|vsego|itogo)[ \t]*:?[ \t]*)?(?P<n>" + P._COUNT
                          + r")[ \t]+(?:cop(?:y|ies)|ekz\.?)(?:[ \t]+in[ \t]+all)?[ \t]*\.?[ \t]*$", re.IGNORECASE)
#: a list head's rest that sends the reader to a note: "see note.¹", "see the translator's note *"
_SEE_NOTE = re.compile(r"[ \t]*see[ \t]+(?:the[ \t]+)?(?:translator['’]s[ \t]+|editor['’]s[ \t]+)?(?:foot)?note[ \t]*\.?[ \t]*(?P<mark>[¹²³⁴⁵*†]|\d)?[ \t]*\.?[ \t]*$",
                       re.IGNORECASE)
#: a distribution quoted in a note, after its count: "Otp. 3 ekz. 1 - t. Molotovu; 2 - t. Beria; 3 - v delo."
_QUOTED_RUN = re.compile(r"[\"“](?:[^\"”\n]*?\b)?(?P<count>" + P._COUNT + r")[ \t]+(?:cop(?:y|ies)|ekz)\.?[ \t]*:?[ \t]*(?P<list>[^\"”\n]+)[\"”]",
                         re.IGNORECASE)
#: where the entries of a quoted list end: a drafter's or typist's note after a full stop, or the quote's end
_LIST_END = re.compile(r"\.?[ \t]*(?:\b(?:Isp|Pech|Sost|Otp|Typ|Drft|Mash)\.[ \t]|$)")
#: words in one entry, at most (a longer stretch is a sentence, not a recipient)
MAX_WORDS = 14


class TrailingPart:
    """Methods of the extractor (``self.text``, ``self._classify_destination``, ``self._add_copy``,
    ``self.ev``, ``self._list_lines``, ``self.print_run``, ``self._paragraph_end``, ``self._flat``)."""

    def _trailing_numbers(self, start: int, end: int) -> int:
        """The entries of a list head's line (and the lines it runs on to) that each end in the copy's
        number, or each in how many copies the recipient received: two or more, covering the line.
        Numbers that rise give the copies; counts are numbered in the order written only when a total
        (on the line below, or the print run) accounts for every copy. The entries read."""
        stop = self._paragraph_end(end)
        for stop in ([end, stop] if stop > end else [end]):
            text = self._flat(start, stop) if stop > end else self.text
            marks = list(_MARK.finditer(text, start, stop))
            if len(marks) >= 2 and not text[marks[-1].end():stop].strip(" \t.;,"):
                break
        else:
            return 0
        entries, pos = [], start
        for m in marks:
            lead = re.match(r"[ \t,;.]*(?:and[ \t]+)?", text[pos:m.start()])
            d0 = pos + lead.end()
            dest = text[d0:m.start()].strip()
            if not dest or len(dest.split()) > MAX_WORDS:
                return 0
            entries.append((d0, dest, m))
            pos = m.end()
        numbers = [next((int(m.group(g)) for g in ("n1", "n2", "n3", "n4") if m.group(g)), None) for _d, _s, m in entries]
        if all(n is not None for n in numbers):
            if numbers[0] != 1 or any(not a < b <= a + 3 for a, b in zip(numbers, numbers[1:])):
                return 0   # numbers that do not rise from 1: not the copies'
            given = [[n] for n in numbers]
        elif all(m.group("c") for _d, _s, m in entries):
            counts = [P.parse_count(m.group("c")) or 0 for _d, _s, m in entries]
            total = self._total_below(stop)
            if total is None and self.print_run is not None:
                total = self.print_run.declared
            if total != sum(counts) or not total:
                return 0
            given, k = [], 0
            for c in counts:
                given.append(list(range(k + 1, k + c + 1)))
                k += c
        else:
            return 0
        for (d0, dest, m), ns in zip(entries, given):
            info = self._classify_destination(dest, d0)
            label = m.group().strip(" \t-–—,:()")
            for n in ns:
                self._add_copy(info, n, label, self.ev(d0, m.end()), source="list")
        self._list_lines.add(start)
        return len(entries)

    def _total_below(self, stop: int) -> int | None:
        """The total of copies on the line after ``stop``: "4 copies in all", "Total: 4 copies"."""
        nxt = self.text.find("\n", stop + 1)
        line = self.text[stop + 1:len(self.text) if nxt < 0 else nxt]
        m = _TOTAL_BELOW.fullmatch(line)
        return P.parse_count(m.group("n")) if m else None

    def headless_paren_lists(self) -> None:
        """Lines with no head above them that each end in their copy numbers in brackets ("To the
        Commander of the Pacific Fleet - 1 copy (N 3)"): two or more in a row whose numbers run 1, 2, 3..."""
        if "(" not in self.text:
            return
        run: list[tuple[int, int]] = []
        for s, e in self._line_spans(0, len(self.text)) + [(len(self.text), len(self.text))]:
            line = self.text[s:e]
            if line.strip() and len(line) <= 400 and line.rstrip(" .;,").endswith(")") \
                    and s not in self._list_lines and P.PAREN_ENTRY.fullmatch(self.text, s, e):
                run.append((s, e))
                continue
            if len(run) >= 2:
                numbers = [n for s0, e0 in run for n in _leader_numbers(P.PAREN_ENTRY.fullmatch(self.text, s0, e0).group("nums"))]
                if numbers == list(range(1, len(numbers) + 1)):
                    self._leader_list(run)
            run = []

    def _noted_list(self, start: int, end: int) -> int:
        """A list head whose line sends the reader to a note ("Distribution: see note.¹"): the numbered
        entries that the note quotes after their count ("¹ ...: "Otp. 3 ekz. 1 - t. Molotovu; 2 - t.
        Beria; 3 - v delo. Isp. X.""). The entries read; 0 when the line is no such reference."""
        see = _SEE_NOTE.fullmatch(self.text, start, end)
        if not see:
            return 0
        mark = see.group("mark")
        for note in re.finditer(r"(?m)^[ \t]*" + (re.escape(mark) if mark else r"(?:\[?Translator['’]s note)") + r"[^\n]*", self.text):
            if note.start() <= end:
                continue
            q = _QUOTED_RUN.search(self.text, note.start(), note.end())
            if not q:
                continue
            stop = _LIST_END.search(self.text, q.start("list"), q.end("list")).start()
            items = self._inline_items(q.start("list"), stop)
            if len(items) < 2:
                continue
            for im, at in items:
                self._list_item(im, at)
                self._list_lines.add(at)
            self._list_lines.add(start)
            return len(items)
        return 0
