"""Copy lists that run over lines as sentences, end each entry in a dotted leader and its number,
or are added by hand in a quoted note: a part of the copies' reading (``extract_copies.CopiesPart``)."""

from __future__ import annotations

import re

from provenance.chain import patterns as P

#: a line that begins a note of another kind than copies: excerpts, extracts
_OTHER_NOTE = re.compile(r"[ \t]*(?:\[[^\]\n]*\][ \t]*)?(?:[Ee]xcerpts?|[Ee]xtracts?|[Vv]ypisk|EXCERPT|EXTRACT)")

#: a quotation the editor says was written by hand: "[handwritten: "6th copy - Cde. X. 12.IX" ...]",
#: "[In the left margin, handwritten:] "copy 3 - to Cde. Y, copy 4 - to Cde. Z. K.""
_HAND_QUOTE = re.compile(r"\[[^\]\n]{0,60}?\b(?:[Hh]andwritten|in\s+(?:ink|pencil)|margin)\b[^\]\n\"“]{0,120}"
                         r"(?::\]?|\][ \t]*:?)[ \t]*\n?[ \t]*[\"“](?P<q>[^\"”\n]{3,200})[\"”]")   # the quote on the next line too
#: an entry a hand added, in the editor's bracket without quotation marks: "[handwritten: 6 - t. Mikoyanu]",
#: "[handwritten: Copy No. 5 - to Comrade X. A.Kh.]"
_HAND_BRACKET = re.compile(r"\[[ \t]*(?:[Hh]andwritten|[Ii]n[ \t]+(?:ink|pencil|handwriting)|[Aa]dded[ \t]+by[ \t]+hand)[^\]\n:\"“]{0,60}:"
                           r"[ \t]*(?P<q>[^\]\n\"“]{3,200})\]")
#: what may close a hand's entry after the recipient: a date, initials ("Cde. X. 12.IX", "... Y. K.", "A.Kh.")
_HAND_TAIL = re.compile(r"(?:[ \t]*[.,;]?[ \t]*(?:\d{1,2}\.(?:[IVX]{1,4}|\d{1,2})\.?(?:\d{2,4})?|[A-Z][a-z]?\.))+[ \t]*\.?[ \t]*$")


#: a total after the entries on their line: "... 1 - files. Total 3 copies."
_TOTAL_IN_LINE = re.compile(r"(?<=[.;])[ \t]+(?:Total|In\s+all|Altogether)[ \t]*:?[ \t]*(?P<n>" + P._COUNT + r")[ \t]+cop(?:y|ies)\b",
                            re.IGNORECASE)


#: a line that opens with a number: where counted entries begin
_NUMBER_OPENS_LINE = re.compile(r"(?m)^[ \t]*\d{1,3}\b")
#: what a line must have to be tried as a leader entry: a run of leader dots, a number near its end
_LEADER_RUN = re.compile(r"[.…_][ \t]?[.…_][ \t]?[.…_]")
_ENDS_IN_NUMBER = re.compile(r"\d[^\d\n]{0,12}$")


def _leader_numbers(raw: str) -> list[int]:
    """The numbers after a dotted leader: "4", "1 & 2", "1, 2", "3-5"."""
    m = re.fullmatch(r"(\d{1,3})[ \t]*[-–][ \t]*(\d{1,3})", raw.strip())
    if m and int(m.group(1)) < int(m.group(2)) <= int(m.group(1)) + 20:
        return list(range(int(m.group(1)), int(m.group(2)) + 1))
    return [int(x) for x in re.findall(r"\d{1,3}", raw)]


def _is_item(im: re.Match | None) -> bool:
    """Whether a LIST_ITEM match is an entry of a copy list: a number with a separator after it
    (a dash, a dot, a colon, or the "to" of "1-2 to the addressee") and somewhere to go."""
    if im is None:
        return False
    sep = im.group("sep1") is not None or im.group("sep2")
    sep1 = im.group("sep1") or ""
    if sep1 and sep1 in "-–—" and (im.group("dest") or "")[:1].isdigit():
        return False   # "copies 4-5 destroyed": a range, not the number 4 and a recipient "5 ..."
    return bool(sep) and bool(im.group("dest") or im.group("sep2"))


class WrappedPart:
    """Methods of the extractor (``self.text``, ``self._inline_items``, ``self._classify_destination``,
    ``self._add_copy``, ``self.ev``, ``self._list_lines``, ``self.print_run``)."""

    def _paragraph_items(self, start: int, end: int, found: int) -> list[tuple[re.Match, int]] | None:
        """A list written as a sentence wrapped over lines ("1st copy - Cde. Kim, chairman of the
        South Pyongan" / "Provincial People's Committee; 2nd copy - ..."): its entries read with the
        line breaks taken as spaces (same offsets); None unless that
        reads more entries than the ``found`` on the first line. The list ends at a blank line, an
        editor's bracket, or a line of its own kind (a drafter's or a typist's, another list's head)."""
        stop = self._paragraph_end(end)
        if stop == end:
            return None
        items = self._inline_items(start, stop, self._flat(start, stop))
        return items if len(items) > found else None

    def _paragraph_end(self, end: int) -> int:
        """Where a list that runs on from the line ending at ``end`` ends: at a blank line, an
        editor's bracket, or a line of its own kind (a drafter's or a typist's, another list's head,
        a numbered entry not after a comma or a semicolon); ``end`` when the next line is one of these."""
        stop = end
        for _k in range(8):
            nxt = self.text.find("\n", stop + 1)
            nxt = len(self.text) if nxt < 0 else nxt
            line = self.text[stop + 1:nxt]
            if stop >= len(self.text) or not line.strip() or line.lstrip().startswith("[") \
                    or P.DRAFTED.match(line) or P.TYPED.match(line) \
                    or P.LINE_ROLE.match(line) or P.COPY_LIST_HEAD.match(line) or P.HEADLESS_FIRST.match(line) \
                    or P.LIST_ITEM.match(line) and _is_item(P.LIST_ITEM.match(line)) and not self.text[stop - 1:stop] in ",;" \
                    or _OTHER_NOTE.match(line):
                break
            stop = nxt
        return stop

    def _flat(self, start: int, stop: int) -> str:
        """The text with the line breaks between ``start`` and ``stop`` made spaces (same offsets)."""
        return self.text[:start] + self.text[start:stop].replace("\n", " ") + self.text[stop:]

    def _leader_list(self, spans: list[tuple[int, int]]) -> int:
        """A list whose entries end in dotted leaders and numbers ("Local file ....... No. 4"), or in
        their copy numbers in brackets ("Chief of the General Staff (ekz. 2)"): the
        numbers are the copies' when a number sign says so or they run 1, 2, 3...; otherwise they
        count each entry's copies, numbered in the order written only when a total below (or the
        print run) accounts for them all. Where the last entry ends; 0 unless two entries or more open
        the list."""
        entries = []
        after = None
        for s, e in spans:
            if not self.text[s:e].strip():
                continue
            line = self.text[s:e]
            m = None
            if len(line) <= 400 and _ENDS_IN_NUMBER.search(line):   # cheap tests first: the patterns backtrack on long lines
                m = (P.LEADER_ENTRY.fullmatch(self.text, s, e) if _LEADER_RUN.search(line) else None) \
                    or (P.PAREN_ENTRY.fullmatch(self.text, s, e) if line.rstrip(" \t.;,").endswith(")") else None)
            if m is None:
                after = line
                break
            entries.append(m)
        if len(entries) < 2:
            return 0
        numbers = [_leader_numbers(m.group("nums")) for m in entries]
        flat = [n for ns in numbers for n in ns]
        as_copies = not any(m.group("unit") for m in entries) and (
            any(m.group("sign") for m in entries) or flat == list(range(1, len(flat) + 1)))
        total_m = P.TOTAL_AFTER.match(after) if after else None
        total = P.parse_count(total_m.group("count")) if total_m else (self.print_run.declared if self.print_run else None)
        counted = not as_copies and all(len(ns) == 1 for ns in numbers) and total == sum(flat)
        k = 0
        for m, ns in zip(entries, numbers):
            info = self._classify_destination(m.group("dest"), m.start("dest"))
            if as_copies:
                given = ns
            elif counted:
                given = list(range(k + 1, k + ns[0] + 1))
                k += ns[0]
            else:
                given = [None]
            for n in given:
                self._add_copy(info, n, m.group("nums") if as_copies else (str(n) if n else m.group("nums")), self.ev(m.start(), m.end()),
                               source="list", flags=info["flags"] + ([] if as_copies else ["unnumbered"]))
            self._list_lines.add(m.start())
        return entries[-1].end()

    def hand_added_copies(self):
        """Copies a hand added in a quoted note ("[handwritten: "6th copy - Cde. Gerasyuk. 12.IX"]",
        "[handwritten ...: "+ 6. Cde. Adamovich - for information"]"): each entry whose number no
        copy read has, flagged handwritten."""
        if "andwritten" not in self.text and "margin" not in self.text:
            return
        have = {c.number for c in self.copies if c.number is not None}
        for m in sorted([*_HAND_QUOTE.finditer(self.text), *_HAND_BRACKET.finditer(self.text)], key=lambda m: m.start()):
            s, e = m.start("q"), m.end("q")
            lead = re.match(r"[ \t]*\+?[ \t]*(?:[A-Z][a-z]{1,12}\.?[ \t]*:[ \t]*)?", self.text[s:e])   # "+ 6.", "Razm.: 1. ..."
            s += lead.end()
            tail = _HAND_TAIL.search(self.text, s, e)
            if tail and tail.start() > s:
                e = tail.start()
            items = self._inline_items(s, e)
            if not items or any(self._number(im) in have for im, _at in items):
                continue
            for im, at in items:
                before = len(self.copies)
                self._list_item(im, at)
                for c in self.copies[before:]:
                    c.flags = sorted(set(c.flags) | {"handwritten"})
                self._list_lines.add(at)

    def _counted_items(self, items: list, count: int | None) -> bool:
        """Entries whose numbers say how many copies each received, not which ("Printed in 6 copies,
        of which: 2 - to the Foreign Department, 1 - to the GPU, 1 - to ..., 2 - to file"): numbers
        that do not rise one by one and add up to the copies printed. The copies are numbered in the
        order written; True when the entries were read so."""
        numbers = [self._number(im) for im, _at in items]
        if len(items) < 2 or not count or None in numbers or any(len(re.findall(r"\d+", im.group("num"))) > 1 for im, _at in items):
            return False
        if numbers == list(range(1, len(numbers) + 1)) or sum(numbers) != count:
            return False
        k = 0
        for (im, at), n in zip(items, numbers):
            dest = (im.group("dest") or "").strip()
            info = self._classify_destination(dest, at + im.start("dest"))
            for _ in range(n):
                k += 1
                self._add_copy(info, k, str(k), self.ev(at + im.start(), at + im.end()), source="list",
                               flags=info["flags"] + ["counted"])
            self._list_lines.add(at)
        return True

    def counted_before_total(self) -> None:
        """A paragraph of entries that count copies and ends in their total ("1 copy - by courier to
        the Far Eastern Bureau; 1 - Cde. Sandor;" / "1 - files. Total 3 copies."): the copies numbered
        in the order written when the counts add up to the total."""
        for t in _TOTAL_IN_LINE.finditer(self.text):
            start = self.text.rfind("\n\n", 0, t.start())
            start = 0 if start < 0 else start + 2
            first = _NUMBER_OPENS_LINE.search(self.text, start, t.start())
            if first is None:
                continue
            start = first.start()   # the entries begin on the first line that opens with a number
            if any(start <= x < t.start() for x in self._list_lines):
                continue
            end = t.start()
            while end > start and self.text[end - 1] in " \t\n.;":
                end -= 1
            items = self._inline_items(start, end, self._flat(start, end))
            self._counted_items(items, P.parse_count(t.group("n").lower()))
