"""Copy lists written as a formula of heads, as Chinese papers distribute them: the main addressee,
those reported to and copied to, the copies kept, and the copies printed in all ("Addressed to
[zhusong]: X" / "Copies to [chaosong]: Y; Z" / "Printed [yin]: 6 copies, of which 2 kept on file").
A part of the copies' reading (``extract_copies.CopiesPart``)."""

from __future__ import annotations

import re

from provenance.chain import patterns as P

#: a head of the formula, perhaps with the original's word in brackets, and what follows it
_HEAD = re.compile(
    r"[ \t]*(?P<label>(?P<main>Addressed\s+to|Main\s+(?:addressees?|recipients?)|Principal\s+addressees?"
    r"|(?:Cop(?:y|ies)\s+)?(?:Reported|Submitted)\s+to"
    r"|Sent(?:\s+separately)?(?:[ \t]*\[[^\]\n]{1,24}\])?\s+to)"
    r"|(?P<cc>Copied\s+to|Cop(?:y|ies)\s+(?:sent\s+)?to|cc)"
    r"|(?P<kept>Kept|Retained|Filed|Stored|(?:Kept|Retained)\s+(?:on|in|with)\s+(?:the\s+)?files?))"
    r"(?:[ \t]*\[[^\]\n]{1,24}\])?[ \t]*:[ \t]*(?P<rest>[^\n]*)$", re.IGNORECASE)
#: the copies printed in all, perhaps with those kept: "Printed in all [gong yin]: 7 copies", "Kung [in all]: four fen",
#: "Printed [yin]: 6 copies, of which 2 kept on file [cundang]"
_TOTAL = re.compile(
    r"[ \t]*(?P<word>[^\s\[\]:]{2,24}[ \t]*\[)?(?:(?:Printed|Typed|Made)(?:\s+in\s+all)?|In\s+all|Total|Altogether)(?(word)\])"
    r"(?:[ \t]*\[[^\]\n]{1,24}\])?[ \t]*:?[ \t]*"
    r"(?P<n>" + P._COUNT + r")[ \t]+(?:cop(?:y|ies)|fen)\b"   # "In all [gong]: four fen": fen, the Chinese measure of copies
    r"(?:[ \t]*,?[ \t]*of\s+which\s+(?P<kept>" + P._COUNT + r")\s+(?:kept|retained|filed)\b[^\n]*)?[ \t]*\.?[ \t]*$", re.IGNORECASE)
#: the same written the other way round: "7 copies printed in all, 1 copy kept on file" ("Gong yin 7 fen
#: [7 copies printed in all], cun 1 fen [1 copy kept on file]")
_TOTAL_FIGURE_FIRST = re.compile(
    r"[ \t]*(?:[^\s\[\]:]{2,24}[ \t]+){0,3}(?P<n>" + P._COUNT + r")[ \t]+(?:cop(?:y|ies)|fen)[ \t]+(?:printed|typed|made)"
    r"(?:\s+in\s+all)?(?:[ \t]*,[ \t]*(?:[^\s\[\]:,]{2,24}[ \t]+){0,2}(?P<kept>" + P._COUNT + r")[ \t]+(?:cop(?:y|ies)|fen)"
    r"[ \t]+(?:kept|retained|filed)\b[^\n]*)?[ \t]*\.?[ \t]*$", re.IGNORECASE)
#: the copy's own number after an entry: "Songjiang Provincial Public Security Bureau - copy 1", "file (copy 4)"
_NUMBER_AFTER = re.compile(r"[ \t]*(?:[-–—,][ \t]*|\()(?:cop(?:y|ies)|No\.?|N[°º]|ekz\.?)[ \t]*(?P<a>\d{1,3})"
                           r"(?:[ \t]*[-–][ \t]*(?P<b>\d{1,3}))?\)?[ \t]*$", re.IGNORECASE)
#: how many copies an entry received, in brackets after it: "Northwest Bureau of the CC CPC (2)"
_COUNT_AFTER = re.compile(r"[ \t]*\((?P<n>\d{1,2})(?:[ \t]+(?:cop(?:y|ies)|fen))?[ \t]*\)[ \t]*$")   # "(2)", "(2 fen [copies])"


class FormulaPart:
    """Methods of the extractor (``self.text``, ``self._classify_destination``, ``self._add_copy``,
    ``self.ev``, ``self._list_lines``)."""

    def formula_lists(self) -> None:
        """Read a formula of two kinds of heads or more (main addressees, copies, kept) over
        consecutive lines, entries a semicolon apart (a head's entries may wrap onto the next line),
        each entry one copy or the number in brackets after it. The copies are numbered in the
        order written when the copies printed in all, given below, account for every one; without
        numbers otherwise."""
        lines = [(m.start(), m.end()) for m in re.finditer(r"(?m)^[^\n]*$", self.text)]
        k = 0
        while k < len(lines):
            s, e = lines[k]
            head = _HEAD.fullmatch(self.text, s, e)
            if not head:
                k += 1
                continue
            heads: list[tuple[re.Match, int]] = []   # each head and where its entries end
            total = None
            j = k
            while j < len(lines):
                s, e = lines[j]
                h = _HEAD.fullmatch(self.text, s, e)
                t = _TOTAL.fullmatch(self.text, s, e) or _TOTAL_FIGURE_FIRST.fullmatch(self.text, s, e)
                if h:
                    heads.append((h, e))
                elif t:
                    total = t
                    j += 1
                    break
                elif heads and self.text[s:e].strip() and not self.text[heads[-1][1] - 1:heads[-1][1]] in ".:" \
                        and ":" not in self.text[s:min(e, s + 40)] \
                        and not (P.DRAFTED.match(self.text, s) or P.TYPED.match(self.text, s)):
                    heads[-1] = (heads[-1][0], e)   # the entries wrapped onto this line
                else:
                    break
                j += 1
            kinds = {next(g for g in ("main", "cc", "kept") if h.group(g)) for h, _e in heads}
            if len(kinds) >= 2 or total and len(heads) >= 1 and total.group("kept"):
                self._read_formula(heads, total)
            k = max(j, k + 1)

    def _read_formula(self, heads: list[tuple[re.Match, int]], total: re.Match | None) -> None:
        entries: list[tuple[str, int, int, int, int]] = []   # destination, its offset and length as written, copies, line
        given: list[list[int]] = []   # the copies' own numbers, where the entries give them
        for h, end in heads:
            start = h.start("rest")
            body = self.text[start:end].replace("\n", " ")
            pos = start
            for part in body.split(";"):
                at = pos + len(part) - len(part.lstrip())
                pos += len(part) + 1
                text = part.strip().rstrip(".")
                if not text:
                    continue
                span = len(text)   # the evidence: the entry as written, whatever it is read as
                n = 1
                own = _NUMBER_AFTER.search(text)
                if own:
                    a, b = int(own.group("a")), int(own.group("b") or own.group("a"))
                    given.append(list(range(a, b + 1)) if a <= b <= a + 20 else [a])
                    text = text[:own.start()].strip()
                c = _COUNT_AFTER.search(text)
                if c:
                    n, text = int(c.group("n")), text[:c.start()].strip()
                if h.group("kept"):
                    if P.parse_count(text.lower()):
                        n, text = P.parse_count(text.lower()), "file"   # "Kept [cun]: 1", "Kept: one"
                    elif not re.search(r"\bfiles?\b|archive|registry", text, re.IGNORECASE):
                        return   # "Filed: 12 May 1950": a date of filing, no formula of copies
                    text = "file"
                entries.append((text, at, span, n, h.start()))
        if total is not None and total.group("kept"):
            kept = total.start("kept")
            entries.append(("file", kept, total.end() - kept, P.parse_count(total.group("kept").lower()) or 1, total.start()))
        if given and len(given) == len(entries):   # every entry names its copy: those numbers
            for (text, at, span, _n, line), numbers in zip(entries, given):
                info = self._classify_destination(text, at)
                for number in numbers:
                    self._add_copy(info, number, str(number), self.ev(at, at + span), source="list",
                                   flags=info["flags"] + ["formula"])
                self._list_lines.add(line)
            return
        declared = P.parse_count(total.group("n").lower()) if total is not None else None
        numbered = declared is not None and declared == sum(e[3] for e in entries)
        k = 0
        for text, at, span, n, line in entries:
            info = self._classify_destination(text, at)
            for _ in range(n):
                k += 1
                self._add_copy(info, k if numbered else None, str(k) if numbered else text,
                               self.ev(at, at + span), source="list",
                               flags=info["flags"] + ["formula"] + ([] if numbered else ["unnumbered"]))
            self._list_lines.add(line)
