"""Copies: the print run and the copy list, the exemplar in hand, copies made outside the print run, and
the transfer of each copy to its recipient. A part of :class:`provenance.chain.extract.Extractor`."""

from __future__ import annotations

import re

from provenance.chain import patterns as P
from provenance.chain.extract_counted import CountedPart
from provenance.chain.extract_destinations import DestinationPart
from provenance.chain.extract_formula import FormulaPart
from provenance.chain.extract_lettered import LetteredPart
from provenance.chain.extract_numbered import NumberedPart
from provenance.chain.extract_prose import ProsePart
from provenance.chain.extract_tables import TablePart
from provenance.chain.extract_trailing import TrailingPart
from provenance.chain.extract_wrapped import WrappedPart, _is_item
from provenance.chain.model import Copy, Party, Placement, PrintRun, Role, Transfer, to_dict
from provenance.chain.spans import _clean_container, _in_handwriting, _name_confidence, _named_each, _respectively, _status


#: a line that ends by declaring how many copies were made: "..., 3 copies", "... in four copies."
_COPIES_DECLARED = re.compile(r"\b(?:in\s+)?" + P._COUNT + r"\s+cop(?:y|ies)[ \t]*[.:]?[ \t]*$", re.IGNORECASE)
#: the head of a table of copies set with spaces or tabs: "Copy No.    Recipient"
_TABLE_HEAD_LINE = re.compile(r"^[ \t]*(?:Copy[ \t]+)?(?:No\.?|N[°º]|#)(?:\t|[ \t]{2,})(?:Recipient|Addressee|Destination|"
                              r"To[ \t]+whom|Sent[ \t]+to)\b[^\n]*$", re.IGNORECASE | re.MULTILINE)
#: a line of a list that names the recipient first, with no head ("Beria - copy 1")
_REVERSED_COPY = re.compile(r"^[ \t]*[^\n]{2,60}?[ \t]*[-–—][ \t]*cop(?:y|ies)[ \t]+(?:" + P._NUMSIGN + r"[ \t]*)?(?P<n>\d{1,3})"
                            r"[ \t]*\.?[ \t]*$", re.IGNORECASE | re.MULTILINE)
#: where a one-line list ends when its total follows: "...; file (1). Total: 5 copies."
_TOTAL_TAIL = re.compile(r"[.;]?\s*\bTotal\b")
#: people sent a copy each in one entry: "to Cdes. Nazirov, Khodzhibaev and Ferapontov (one copy each)",
#: "tt. Stalinu, Molotovu - po 1 ekz." (glossed "[one copy each]", which the reading view puts for "ekz.")
_EACH = re.compile(r"(?:to\s+)?" + P.PLURAL_TITLE + r"\s+(?P<names>[^()]+?)\s*(?:\((?:one|a)\s+(?:copy\s+)?each\)"
                   r"|[-–—]\s*(?:po\s+1\s+ekz\.?(?:\s*\[[^\]\n]{1,30}\])?|(?:po\s+1\s+)?(?:one|a)\s+copy\s+each))\s*\.?\s*$")
#: the line just above a list that says it lists the copies of an attachment, not of the document
_ATTACHMENT_HEAD = re.compile(r"\b(?:[Aa]ttachments?|[Ee]nclosures?|[Aa]ppendi(?:x|ces)|[Aa]nnex(?:es)?)\b[^\n]*:[ \t]*\n[ \t]*$")
_COPY_WORD_FIRST = re.compile(r"(?:" + P._COPY_WORD + r")[ \t]*[-–—:]?[ \t]+(?=\S)")
#: a distribution that points to a list kept elsewhere: "as per enclosure", "see the attached list"
_ELSEWHERE = re.compile(r"\s*(?:as\s+per|according\s+to|see|per)\s+(?:the\s+)?(?:attached\s+)?(?:enclosure|attachment|annex|appendix|list)\b",
                        re.IGNORECASE)
#: a signature in a line: someone signs there, no list is given
_SIGNED = re.compile(r"\[(?:illegible[ \t]+)?signature\b", re.IGNORECASE)
#: a list of people under one plural title: "Comrades Molotov, Beria and Malenkov."
_PLURAL_NAMES = re.compile(r"[ \t]*(?:to[ \t]+)?" + P.PLURAL_TITLE + r"[ \t]+(?P<names>[A-Z][^\n;:()]*?[ \t]and[ \t][A-Z][^\n;:(),]*?)[ \t]*\.?[ \t]*$")
#: a list that counts the copies it sends, and numbers the one after them: "... - one copy each; copy 5 - to the file"
_COPIES_COUNTED = re.compile(r"(?:\b(?:one|a)\s+copy\s+each\b|\bpo\s+1\s+ekz\b).*?(?:\bcopy\s+(?:N[°ºo]\.?\s*)?\d"
                             r"|\b\d{1,2}-?(?:i|j|y|th|st|nd|rd)?\s+ekz\b)", re.IGNORECASE)
#: a line that begins a note of excerpts: "Excerpts sent: ...", "extract of point 4: ..."
#: entries of a list without numbers read at most (no distribution names more recipients)
MAX_UNNUMBERED = 300






class CopiesPart(CountedPart, DestinationPart, FormulaPart, LetteredPart, NumberedPart, ProsePart, TablePart, TrailingPart, WrappedPart):
    def print_runs_and_lists(self):
        self.formula_lists()
        self.counted_lists()   # "Otp. 4 ekz." / "1 ekz. - t. X": how many each, numbered in order
        for m in P.COPY_LIST_HEAD.finditer(self.text):
            if m.start() in self._list_lines:
                continue   # a head of a formula read already
            if _SIGNED.search(m.group("rest")):
                continue   # "Received by: Lieutenant Colonel [signature] (Terekhin)": who signed for it, not a list
            following = self.text[m.end() + 1:m.end() + 2]
            # "Sent to: Cdes. X, Y" says who received the document, not which copy: only a list that
            # numbers its copies, or counts them ("- one copy each; copy 5 - to the file"), is read after it
            numbered_only = (m.group("head") or m.group("caps") or m.group("glossed") or "").lower().startswith(
                ("sent", "dispatched")) and not _COPIES_COUNTED.search(m.group("rest"))
            if m.group("rest").strip() and following in (" ", "\t") and not numbered_only:
                # "cc: Mr. Lindquist, S/P" and more lines indented under it: an entry a line
                self._unnumbered(m.start("rest"), self._block_end(m.start("rest")), one_line=False)
            elif self._noted_list(m.start("rest"), m.end()):
                pass   # "Distribution: see note.¹", the list quoted in the note
            elif m.group("rest").strip():
                # "Copies: 1 - to the addressee, 2 - file": the list on the same line, perhaps going on
                # below it ("Copies: 1 - Cde. X" / "2 - Cde. Y"); "Copies: 3. 1st - to ...": their count first
                count = re.match(r"[ \t]*\d{1,2}\.[ \t]+(?=\d{1,3}(?:st|nd|rd|th)[ \t]*[-–—])", m.group("rest"))
                rest0 = m.start("rest") + (count.end() if count else 0)
                items = self._inline_items(rest0, m.end())
                para = self._paragraph_items(rest0, m.end(), len(items))
                if para:
                    items = para
                for item, item_start in items:
                    self._list_item(item, item_start)
                    self._list_lines.add(item_start)
                if para:
                    pass   # read over the lines it runs on: nothing more to look for
                elif items:
                    if self.text[m.end() + 1:m.end() + 2] not in ("", "\n"):
                        # the line right below goes on with the numbers read
                        self._list_after(m.end(), after_number=max(
                            int(x) for item, _s in items for x in re.findall(r"\d+", item.group("num")) or ["0"]))
                elif self._bracketed_numbers(m.start("rest"), m.end()):
                    pass   # "Copies: Cde. Ismatov (1), Cde. Davletyarov (2), file (3)."
                elif self._trailing_numbers(m.start("rest"), m.end()):
                    pass   # "Razoslano: t. Molotovu - ekz. N° 1; v delo - ekz. N° 2", "t. X - 1 ekz., ..." over a total
                elif not numbered_only:
                    self._unnumbered(m.start("rest"), m.end(), one_line=True)
            elif last := self._leader_list(self._line_spans(m.end() + 1, self._block_end(m.end() + 1))):
                # "Addresses:" / "Chief of the General Staff (ekz. 2)": the numbers after the names, and
                # numbered lines after them ("No. 4 - to file")
                self._list_after(last, after_number=max((c.number for c in self.copies if c.number), default=0))
            elif self._list_after(m.end()) or self._lettered_after(m.end()):
                pass   # numbered, or lettered ("a) ...", "jia - ...", "i - ..., ro - ...")
            elif not numbered_only:
                self._unnumbered(m.end() + 1, self._block_end(m.end() + 1), one_line=False)
        for m in _TABLE_HEAD_LINE.finditer(self.text):
            # "Copy No.    Recipient" over rows "1    Makhnyov A.P., Chief of ...": a table of two columns
            self._list_after(m.end())
        for m in P.HEADLESS_FIRST.finditer(self.text):
            if _ATTACHMENT_HEAD.search(self.text, max(0, m.start() - 120), m.start()):
                continue   # "Distribution of Attachment No. 1:": the copies of another paper
            if m.start() not in self._list_lines and (self._headless_list(m.start()) or self._copies_declared_before(m.start())):
                self._list_after(m.start() - 1)
        # "t. X, ekz. No. 1" / "t. Y, ekz. No. 2", "X - first copy" / "Y - second copy": no head
        lines = [(m.start(), P.reversed_item(m.group())) for m in re.finditer(r"(?m)^[^\n]+", self.text)]
        for (a, first), (_b, nxt) in zip(lines, lines[1:]):
            if first and nxt and a not in self._list_lines and self._number(first) == 1 and self._number(nxt) == 2:
                self._list_after(a - 1)
        for m in _REVERSED_COPY.finditer(self.text):
            # "Beria - copy 1" / "Molotov - copy 2" with no head: the recipient first, the word "copy" on each line
            after = self.text[m.end() + 1:m.end() + 400].lstrip("\n \t")   # the next line, blank ones passed over
            nxt = _REVERSED_COPY.match(after.split("\n", 1)[0])
            if m.group("n") == "1" and nxt and nxt.group("n") == "2" and m.start() not in self._list_lines:
                self._list_after(m.start() - 1)
        for m in P.PRINT_RUN.finditer(self.text):
            rest = m.group("rest")
            items: list[tuple[re.Match, int]] = []
            head_end = m.end()
            if not P.PRINT_RUN_REST_OK.match(rest):
                # "2 copies printed. 1 - to the addressee, 2 - to file": the list on the same line
                im = P.PRINT_RUN_INLINE.match(rest)
                if im is None:
                    self._unnumbered_after_run(m)
                    continue
                items = self._inline_items(m.start("rest") + im.end(), m.end())
                para = self._paragraph_items(m.start("rest") + im.end(), m.end(), len(items))
                if para:
                    items = para
                if not items:
                    continue
                head_end = m.start("rest") + im.end("head")
            count = P.parse_count(m.group("count"))
            if self.print_run is None:
                self.print_run = PrintRun(count, self.text[m.start():head_end].strip(), self.ev(m.start(), head_end))
            if self._counted_items(items, count):
                continue   # "6 copies, of which: 2 - to X, 1 - to Y, ...": how many each, not which
            for item, item_start in items:
                self._list_item(item, item_start)
                self._list_lines.add(item_start)
            if not self._list_after(m.end()) and not items:
                self._unnumbered_below_run(m.end(), count)
        for m in P.TOTAL_AFTER.finditer(self.text):
            self._list_before(m.start(), P.parse_count(m.group("count")))
        self.counted_before_total()
        self.headless_paren_lists()
        self.table_lists()
        self.prose_lists()
        self.counted_sentences()

    def _unnumbered_after_run(self, m: re.Match) -> None:
        """"Otp. 5 ekz.: t. Fedoseev - 2 ekz.; t. Markin; Narkomfin RSFSR; v delo": the entries after
        the count, without numbers, numbered in the order written when they account for every copy."""
        rest, count = m.group("rest"), P.parse_count(m.group("count"))
        if not rest.lstrip().startswith(":") or ";" not in rest or not count:
            return
        parts = [x for x in _TOTAL_TAIL.split(rest.lstrip()[1:])[0].split(";") if x.strip()]
        listed = sum((P.parse_count(cm.group("count")) or 1) if (cm := P.ENTRY_COUNT.search(x.rstrip(" ."))) else 1
                     for x in parts)
        if listed != count:
            return
        if self.print_run is None:
            head_end = m.start("rest") + rest.index(":") + 1
            self.print_run = PrintRun(count, self.text[m.start():head_end].strip(), self.ev(m.start(), head_end))
        self._unnumbered(m.start("rest") + rest.index(":") + 1, m.end(), one_line=True)

    def _unnumbered_below_run(self, end: int, count: int | None) -> None:
        """"Otpechatano 4 ekz." and the recipients on the lines below it without numbers ("t.
        Sudakovu", ..., "v delo"): numbered in the order written when they account for every copy."""
        start = end + 1
        if not count or count < 2 or self.text[end:start] != "\n":
            return
        block = self._block_end(start)
        listed = 0
        for s, e in self._line_spans(start, block):
            line = self.text[s:e].strip()
            if P.ends_list(line):
                break
            em = P.UNNUMBERED_ENTRY.match(self.text, s, e)
            if not em or not em.group("dest").strip() or P.LIST_ITEM.match(line):
                return
            cm = P.ENTRY_COUNT.search(em.group("dest"))
            listed += (P.parse_count(cm.group("count")) or 1) if cm else 1
        if listed == count:
            self._unnumbered(start, block, one_line=False)

    def _list_before(self, pos: int, count: int | None) -> None:
        """A list numbered 1., 2., ... with no head, just above a line that gives its total ("Total: 6
        copies."): read when its entries are that many."""
        lines, end = [], pos
        while end > 0 and count:
            start = self.text.rfind("\n", 0, end - 1) + 1
            line = self.text[start:end].rstrip("\n")
            im = P.LIST_ITEM.match(line)
            if not _is_item(im) or not im.group("num").isdigit():
                break
            lines.append((start, int(im.group("num"))))
            end = start
        lines.reverse()
        if lines and [n for _s, n in lines] == list(range(1, count + 1)) and lines[0][0] not in self._list_lines:
            self._list_after(lines[0][0] - 1)

    def _copies_declared_before(self, pos: int) -> bool:
        """Whether the line before ``pos`` ends by declaring the copies: "Typed by A. Sinitsyna, 3 copies"."""
        end = pos
        while end > 0 and self.text[end - 1].isspace():
            end -= 1   # the text before ``pos`` without the blank at its end (not copied: the list may come late)
        return bool(_COPIES_DECLARED.search(self.text, self.text.rfind("\n", 0, end) + 1, end))

    def _headless_list(self, pos: int) -> bool:
        """Whether the lines from ``pos`` are a copy list without a head: entries numbered from 1
        on, two or more, each sending a copy somewhere in a few words, and nothing but short lines
        after them (the list closes the document)."""
        lines = [ln for ln in self.text[pos:].split("\n") if ln.strip()]
        run = items = 0
        for ln in lines:
            im = P.LIST_ITEM.match(ln)
            if not _is_item(im) or im.group("sep1") is None and not im.group("sep2"):
                break
            if not re.search(P._DASH, im.group("label") + (im.group("sep2") or "")) or \
                    len((im.group("dest") or "").split()) > 10:
                break
            run += 1
            items += 1 + len(P.COLUMN_BREAK.findall(ln))   # "1 - Cde. Molotov  2 - Cde. Beria": two on one line
        return items >= 2 and all(len(ln) <= 100 for ln in lines[run:])

    def _block_end(self, pos: int) -> int:
        """The end of the lines from ``pos`` up to a blank line or the end of the text."""
        k = self.text.find("\n\n", pos)
        return len(self.text) if k < 0 else k

    def _line_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        spans, pos = [], start
        for line in self.text[start:end].split("\n"):
            spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        return spans

    def _unnumbered(self, start: int, end: int, one_line: bool) -> None:
        """The copies of a list without numbers under a head ("Copies to: Cde. Gusarov; Cde. Larin;
        file", "cc: Mr. Lindquist, S/P" a line each): numbered 1, 2, 3... in the order listed."""
        if one_line:
            body = self.text[start:end]
            body = _TOTAL_TAIL.split(body)[0]   # "...; file (1). Total: 5 copies."
            sep = ";" if ";" in body else ","
            spans, pos = [], start
            plural = _PLURAL_NAMES.match(body)
            if plural and sep == ",":   # "Copies to: Comrades Molotov, Beria and Malenkov.": a person each
                names = plural.group("names")
                spans = [(at, at + len(name)) for name, at in _named_each(self.text, start + plural.start("names"), names)]
            for part in body.split(sep) if not spans else ():
                spans.append((pos, pos + len(part)))
                pos += len(part) + len(sep)
        else:
            spans = self._line_spans(start, end)
            if len(spans) == 1:   # "Distribution:" and the list on the line below it
                self._unnumbered(start, end, one_line=True)
                return
            if self._leader_list(spans):
                return
        # "Original: to the addressee" just above: the list numbers the copies after it
        k = 1 if any(o.end() <= start for o in P.ORIGINAL_ALONE.finditer(self.text, max(0, start - 300), start)) else 0
        for s, e in spans[:MAX_UNNUMBERED]:   # a list of recipients, not the rest of a long text
            line = self.text[s:e].strip()
            if P.ends_list(line):
                break   # "Drafted: ...", "Typed: ...": the list has ended; a table is read as one
            em = P.UNNUMBERED_ENTRY.match(self.text, s, e)
            if not em or not em.group("dest").strip() or len(em.group("dest").split()) > 12:
                continue
            if _ELSEWHERE.match(em.group("dest")):
                continue   # "as per enclosure": the list is given elsewhere, not here
            dest, many = em.group("dest"), 1
            each = _EACH.match(dest)
            if each:   # "to Cdes. Nazirov, Khodzhibaev and Ferapontov (one copy each)": a copy to each
                for name, at in _named_each(self.text, em.start("dest") + each.start("names"), each.group("names")):
                    k += 1
                    info = self._classify_destination(name, at)
                    self._add_copy(info, k, str(k), self.ev(at, at + len(name)), source="list",
                                   flags=info["flags"] + ["unnumbered"], confidence=min(info["confidence"], 0.8))
                self._list_lines.add(s)
                continue
            cm = P.ENTRY_COUNT.search(dest)
            if cm:   # "Cde. Terebilov (2 copies)": that many copies, numbered on
                dest, many = dest[:cm.start()], P.parse_count(cm.group("count")) or 1
            info = self._classify_destination(dest, em.start("dest"))
            for _ in range(min(many, 20)):
                k += 1
                self._add_copy(info, k, str(k), self.ev(em.start("dest"), em.end("dest")), source="list",
                               flags=info["flags"] + ["unnumbered"], confidence=min(info["confidence"], 0.8))
            self._list_lines.add(s)

    def _inline_items(self, start: int, end: int, text: str | None = None) -> list[tuple[re.Match, int]]:
        """The entries of a copy list written on one line ("1 - to Cde Molotov, 2 - to file"), each
        with its offset; empty unless every entry reads as one. ``text``: the text with the list's
        line breaks made spaces (see :meth:`_paragraph_items`)."""
        text = self.text if text is None else text
        out = []
        bounds = [start] + [x for m in P.INLINE_ITEM_SEP.finditer(text, start, end) for x in (m.start(), m.end())]
        bounds.append(end)
        for s, e in zip(bounds[0::2], bounds[1::2]):
            while e > s and text[e - 1] in " \t,;":
                e -= 1
            if e > s and text[e - 1] == "." and not re.search(r"\b(?:Cdes?|[A-Z])\.$", text[s:e]):
                e -= 1
            im = P.LIST_ITEM.match(text[s:e])
            if not _is_item(im) or not im.group("dest"):
                return []
            out.append((im, s))
        return out

    @staticmethod
    def _number(im: re.Match) -> int | None:
        raw = im.group("num")
        digits = re.match(r"\d+", raw)
        return int(digits.group()) if digits else P.ORDINAL_NUMBER.get(raw.lower())

    def _list_item(self, im: re.Match, line_start: int):
        num_raw = im.group("num")
        parts = [int(x) for x in re.findall(r"\d+", num_raw)] or [n for n in [P.roman_number(num_raw.strip()),
                                                                       P.ORDINAL_NUMBER.get(num_raw.lower())] if n][:1]
        if "/" in num_raw:
            parts = parts[:1]   # "2/5": the second of five copies
        dest = (im.group("dest") or "").split("\t")[0].rstrip()   # a table: the first column after the number
        word = _COPY_WORD_FIRST.match(dest)   # "1. pld. Vadász Ernő": the copy word after its number
        info = self._classify_destination(dest[word.end():] if word else dest,
                                          line_start + im.start("dest") + (word.end() if word else 0))
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
        start = line_start + im.start("dest") + (word.end() if word else 0)
        each = _respectively(dest[word.end():] if word else dest, len(numbers))
        if each:   # "Ekz. No. 3, 4 - Vitse-konsul'stvu v Ardebile i Konsul'stvu v Reshte": a copy each, in order
            for n, (at, part) in zip(numbers, each):
                one = self._classify_destination(part, start + at)
                self._add_copy(one, n, label, evidence, source="list", flags=list(one["flags"]),
                               confidence=min(confidence, one["confidence"]))
            return
        for n in numbers:
            self._add_copy(info, n, label, evidence, source="list", flags=flags, confidence=confidence)

    def copy_lines(self):
        for m in P.ORIGINAL_LINE.finditer(self.text):
            for k, part in ((1, "a"), (2, "b")):
                info = self._classify_destination(m.group(part), m.start(part))
                self._add_copy(info, k, m.group(f"{part}_label"), self.ev(m.start(part if k == 2 else 0), m.end(part)),
                               confidence=min(info["confidence"], 0.9))
            self._list_lines.add(m.start())
        for m in P.ORIGINAL_ALONE.finditer(self.text):
            if m.start() in self._list_lines or any(c.number == 1 for c in self.copies):
                continue
            info = self._classify_destination(m.group("dest"), m.start("dest"))
            self._add_copy(info, 1, m.group("label"), self.ev(m.start(), m.end()), source="list")
            self._list_lines.add(m.start())
        if any(c.number_raw == "Original" for c in self.copies):
            for m in P.CARBON_LINE.finditer(self.text):   # "first carbon - to Comr. X": copy 2
                if m.start() not in self._list_lines:
                    info = self._classify_destination(m.group("dest"), m.start("dest"))
                    self._add_copy(info, P.ORDINAL_NUMBER[m.group("word").lower()] + 1, m.group("label"),
                                   self.ev(m.start(), m.end()), source="list")
                    self._list_lines.add(m.start())
        for m in P.COPY_LINE.finditer(self.text):
            if m.start() in self._list_lines:
                continue   # read already as an entry of the list under a print run or a head
            if m.group("numlist"):
                self._copies_listed(m)
                continue
            dest = m.group("dest")
            if (split := self._split_entry(m.start(), m.end())) > m.end():   # "... to the 2nd Far Eastern" / "Department"
                dest += " " * (split - m.end() - len(self._tail(split))) + self._tail(split)
            info = self._classify_destination(dest, m.start("dest"))
            num = m.group("num") or m.group("ord")
            lo_, hi_ = (m.group("ord"), m.group("ord2")) if m.group("ord2") else (m.group("num"), m.group("num2"))
            if m.group("word2"):   # "Fourth and fifth copies: kept in files"
                lo_, hi_ = (str(P.ORDINAL_NUMBER[m.group(g).lower()]) for g in ("word", "word2"))
            if hi_ and int(hi_) > int(lo_):   # "1st-2nd copies - to the addressee", "Copies 1-2 - to X"
                for n in range(int(lo_), int(hi_) + 1):
                    self._add_copy(info, n, m.group("label"), self.ev(m.start(), m.end()))
                self._list_lines.add(m.start())
                continue
            if num:
                number = int(num)
            elif m.group("cword"):
                number = P.NUMBER_WORDS[m.group("cword").lower()]   # "Copy one"
            elif m.group("roman"):
                number = P.roman_number(m.group("roman"))            # "Copy II"
            elif m.group("orig"):
                number = 1
            elif m.group("word_de"):
                number = P.ORDINAL_NUMBER[m.group("word_de").lower()]   # "Erste Ausfertigung - Gen. X"
            else:
                number = P.ORDINAL_NUMBER[m.group("word").lower()]
            self._add_copy(info, number, m.group("label"), self.ev(m.start(), m.end()))
            self._list_lines.add(m.start())
        for m in P.ORDINAL_CONTINUED.finditer(self.text):
            before = self.text.rfind("\n", 0, max(m.start() - 1, 0)) + 1   # the line before
            number = P.ORDINAL_NUMBER[m.group("word").lower()]
            if m.start() not in self._list_lines and before in self._list_lines and self.copies \
                    and self.copies[-1].number == number - 1:
                info = self._classify_destination(m.group("dest"), m.start("dest"))
                self._add_copy(info, number, m.group("label"), self.ev(m.start(), m.end()), source="list")
                self._list_lines.add(m.start())

    def _copies_listed(self, m: re.Match) -> None:
        """"Copies 2, 3 - Cdes. Karelin and Sysoev (one each)": as many recipients as numbers, one
        copy each in the order written; otherwise every copy to the one destination."""
        numbers = [int(x) for x in re.findall(r"\d+", m.group("numlist"))]
        dest, d0 = m.group("dest"), m.start("dest")
        body = re.sub(r"\s*\((?:one|a\s+copy)\s+each\)\s*\.?\s*$", "", dest)
        lead = re.match(r"(?:to\s+)?(?:Cdes\.?|Comrades)\s+", body)
        names = _named_each(self.text, d0 + lead.end(), body[lead.end():]) if lead else []
        if not names:   # "copies 3, 4 - X i Y": a copy each
            names = [(part, d0 + at) for at, part in _respectively(dest, len(numbers))]
        if len(names) == len(numbers) and all(name for name, _at in names):
            for n, (name, at) in zip(numbers, names):
                self._add_copy(self._classify_destination(name, at), n, m.group("label"), self.ev(m.start(), m.end()))
        else:
            info = self._classify_destination(dest, d0)
            for n in numbers:
                self._add_copy(info, n, m.group("label"), self.ev(m.start(), m.end()))
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
        to_addressees = [c for c in self.copies if c.kind == "addressee"]
        # "1-2 - to the addressees" under two addressees: one copy each, in the order they are named
        in_order = len(names) > 1 and len(to_addressees) == len(names) \
            and all("plural" in c.flags for c in to_addressees) and all(c.number is not None for c in to_addressees)
        if in_order:
            to_addressees.sort(key=lambda c: c.number)
        # "to the Central Committee of the MPRP" / "to Cde. D. ORGODOL" and "to the addressee": the person
        persons = [k for k, p in enumerate(parties) if p.kind in ("person", "unlisted")]
        one = persons[0] if len(names) > 1 and len(persons) == 1 and not in_order \
            and all("singular" in c.flags for c in to_addressees) else (0 if len(names) == 1 else None)
        for k, c in enumerate(to_addressees):
            c.candidates = list(names)
            if one is not None or in_order:
                p = parties[one if one is not None else k]
                names_k = names[one if one is not None else k]
                c.recipient = p.name
                c.recipient_name = names_k
                c.recipient_status = "unlisted" if p.kind == "unlisted" else ("known" if p.kind == "person" else p.kind)
                c.recipient_kind = p.kind if p.kind in ("person", "institution") else None
                c.confidence = min(c.confidence, 0.7 if in_order else 0.8, p.confidence)
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
