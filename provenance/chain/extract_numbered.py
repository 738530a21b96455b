"""Numbered copy lists read line by line after their head or declaration ("Otp. 4 ekz." / "1 - t. X" /
"2 - t. Y"), passing over page breaks and page numbers, and the entries they continue over lines:
a part of the copies' reading (``extract_copies.CopiesPart``)."""

from __future__ import annotations

import re

from provenance.chain import excerpt_patterns as XP
from provenance.chain import patterns as P
from provenance.chain.extract_wrapped import _is_item

#: how far past the highest copy number read a list's next number may go: a list may skip a few
#: copies, but "800 - Sinkiang" after "Copy No. 5 - File" is a file code
MAX_NUMBER_STEP = 10
#: a line inside a copy list that is no entry and does not end it: an editor's bracket (a page
#: break, an entry crossed out), a page number, a classification repeated on the next page
_NOISE_LINE = re.compile(r"[ \t]*(?:\[[^\]\n]*\]|[-–—][ \t]*\d{1,3}[ \t]*[-–—]|\d{1,3}"
                         r"|(?:TOP[ \t]+|STRICTLY[ \t]+)?SECRET|CONFIDENTIAL|\(?continued\)?"
                         r"|(?:Copy|Ekz\.?|Exemplar)[ \t]*(?:N[°ºo]\.?|No\.?|#)[ \t]*\d{1,3})[ \t.]*$",   # the new page's "Copy N° 1"
                         re.IGNORECASE)
#: the editor's label before an entry added to a list by hand: "[Handwritten:]", "[In pencil:]"
_HAND_LABEL = re.compile(r"[ \t]*\[(?:[Hh]andwritten|[Ii]n[ \t]+(?:pencil|ink|handwriting)|[Aa]dded[ \t]+by[ \t]+hand)[^\]\n]{0,30}:\][ \t]*")
#: noise lines passed over in a row, at most
MAX_NOISE_LINES = 3
#: the words of an entry that a break parted from it: a letter first, no colon, no figure
_CONTINUATION = re.compile(r"[^\W\d_][^\n:\d]{0,60}")
#: words on such a line, at most
MAX_CONTINUATION_WORDS = 6
#: the header row of a copy list set as a table: "No.<tab>Recipient<tab>Remarks" (no digit in it)
_TABLE_HEADER = re.compile(r"\s*(?:No\.?|N[°º]|#|Copy(?:\s+No\.?)?)(?:\t|[ \t]{2,})[^\d\n]*\t[^\d\n]*(?=\n)", re.IGNORECASE)


class NumberedPart:
    """Methods of the extractor (``self.text``, ``self._list_item``, ``self._inline_items``,
    ``self._list_lines``)."""

    def _list_after(self, end: int, after_number: int = 0) -> int:
        """The numbered copy list that follows a declaration or a list head ending at ``end``; the
        number of entries read. ``after_number``: the list began on the head's line with copies up
        to this number, and goes on only with a higher one."""
        found = 0
        last = after_number   # the highest copy number read so far
        noise = 0  # lines passed over since the last entry
        pos = end + 1
        header = _TABLE_HEADER.match(self.text, pos)   # "No.<tab>Recipient<tab>Remarks"
        if header:
            pos = header.end() + 1
        while pos < len(self.text):
            eol = self.text.find("\n", pos)
            eol = len(self.text) if eol < 0 else eol
            line = self.text[pos:eol]
            if not line.strip():
                pos = eol + 1
                continue
            several = self._inline_items(pos, eol) if "(" in line or ";" in line else []
            if len(several) >= 2:   # "(4) Secretary-General Dong  (5) file", "Copy 1 - X; copy 2 - Y": a line of entries
                for im, s0 in several:
                    if s0 not in self._list_lines:
                        self._list_item(im, s0)
                        self._list_lines.add(s0)
                        found += 1
                pos = eol + 1
                continue
            cols = [0] + [c.start() for c in P.COLUMN_BREAK.finditer(line)]
            if len(cols) == 1:
                cont = self._continued(eol)
                if cont > eol:   # an entry wrapped over indented lines: read as one line (same offsets)
                    line, eol = self.text[pos:cont].replace("\n", " "), cont
                elif (split := self._split_entry(pos, eol)) > eol:
                    # "3 - Upravleniyu pogranichnykh voisk" / "[page break]" / "Kazakhskogo okruga" / "4 - delo":
                    # the entry's end on a line of its own before the next number, read as one line (same offsets)
                    line, eol = self.text[pos:eol] + " " * (split - eol - len(self._tail(split))) + self._tail(split), split
            ok = False
            for c0, c1 in zip(cols, cols[1:] + [len(line)]):
                part = P.ocr_number(line[c0:c1].rstrip())
                label = _HAND_LABEL.match(part)
                if label:   # "[Handwritten:] 4th copy - Cde. Petkov": an entry added by hand
                    c0, part = c0 + label.end(), part[label.end():]
                im = P.LIST_ITEM.match(part)
                if not _is_item(im):
                    if XP.EXCERPT_HEAD.match(part.lstrip()):
                        break   # "Excerpts sent to: ...": another list
                    im = P.reversed_item(part) or P.ORDINAL_ITEM.match(part)   # "Cde. Hryhorenko - copy 1", "Erste Ausfertigung - X"
                    if not im:
                        break
                first = re.match(r"\d+", im.group("num"))
                if first and not (after_number if not found else 0) < int(first.group()) <= last + MAX_NUMBER_STEP:
                    break   # copy 0, a number far past the list's ("800 - Sinkiang": a file code), or back at 1
                if first:
                    last = max(last, max(int(x) for x in re.findall(r"\d+", im.group("num"))))
                ok = True
                if pos + c0 not in self._list_lines:
                    self._list_item(im, pos + c0)
                    self._list_lines.add(pos + c0)
                    found += 1
            if not ok:
                if found and _NOISE_LINE.match(line) and noise < MAX_NOISE_LINES:
                    noise += 1   # "[page break]", "- 4 -", "TOP SECRET", "[crossed out: 3 - X]": the list goes on
                    pos = eol + 1
                    continue
                break
            noise = 0
            pos = eol + 1
        return found

    def _continued(self, eol: int) -> int:
        """The end of the indented lines after ``eol`` that go on with an entry ("1 - to the Chief of
        the Main Directorate of" / "    Border Troops ... Cde. Zhelezovsky"); ``eol`` when none does."""
        end = eol
        while end < len(self.text):
            nxt = self.text.find("\n", end + 1)
            nxt = len(self.text) if nxt < 0 else nxt
            line = self.text[end + 1:nxt]
            if not re.match(r"(?:\t|[ \t]{2,})\S", line) or _is_item(P.LIST_ITEM.match(P.ocr_number(line))) \
                    or _NOISE_LINE.match(line) or P.reversed_item(line):
                break
            end = nxt
        return end

    def _tail(self, split: int) -> str:
        """The line that ends at ``split``."""
        return self.text[self.text.rfind("\n", 0, split) + 1:split]

    def _entry_number(self, line: str) -> int | None:
        """The (first) copy number of a list line, None when it is no entry."""
        im = P.LIST_ITEM.match(P.ocr_number(line.rstrip()))
        if not _is_item(im):
            im = P.reversed_item(line)
        first = re.match(r"\d+", im.group("num")) if im else None
        return int(first.group()) if first else None

    def _split_entry(self, pos: int, eol: int) -> int:
        """Where an entry ends that a line break or a page break parts before its last words: the
        entry on ``pos``..``eol``, a short line with no number of its own right after it (or after a
        page break, a page number), and after that the entry numbered next. The end of that short
        line; ``eol`` when there is none."""
        im = P.LIST_ITEM.match(P.ocr_number(self.text[pos:eol].rstrip()))
        if not _is_item(im):
            im = P.reversed_item(self.text[pos:eol])
        numbers = re.findall(r"\d+", im.group("num")) if im else []
        if not numbers:
            return eol
        expected = max(int(x) for x in numbers) + 1
        lines = self._line_spans(eol + 1, min(len(self.text), eol + 1 + 600))[:2 * MAX_NOISE_LINES + 4]
        k, noise, blank = 0, 0, 0
        while k < len(lines) and (not self.text[slice(*lines[k])].strip() or _NOISE_LINE.match(self.text[slice(*lines[k])])):
            noise += bool(self.text[slice(*lines[k])].strip())
            blank += not self.text[slice(*lines[k])].strip()
            k += 1
        if k >= len(lines) or blank and not noise or noise > MAX_NOISE_LINES:
            return eol   # a blank line with no page break ends the entry
        end = lines[k][1]
        words = self.text[lines[k][0]:end].strip()
        if not _CONTINUATION.fullmatch(words) or len(words.split()) > MAX_CONTINUATION_WORDS \
                or P.DRAFTED.match(words) or P.TYPED.match(words) or P.LINE_ROLE.match(words) \
                or P.COPY_LIST_HEAD.match(words) or XP.EXCERPT_HEAD.match(words) or self._entry_number(words) is not None:
            return eol
        for s, e in lines[k + 1:]:
            nxt = self.text[s:e]
            if nxt.strip() and not _NOISE_LINE.match(nxt):
                return end if self._entry_number(nxt) == expected else eol
        return eol
