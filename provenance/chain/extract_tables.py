"""Copy lists set as tables of pipes, with or without a box drawn around them: a part of the
copies' reading (``extract_copies.CopiesPart``)."""

from __future__ import annotations

import re

#: a row of a table of pipes, and its cells
_PIPE_ROW = re.compile(r"(?m)^[ \t]*(?:\|[^\n]*\||[^|\n]+(?:\|[^|\n]*)+)[ \t]*$")   # outer pipes or none
_BOX_RULE = re.compile(r"(?m)^[ \t]*(?:\+[-+=: ]*\+|[-=:]+\+[-+=: ]*|[-=]{3,})[ \t]*$")   # "+---+---+", "----+----", "-------"
#: the heads of the columns of a copy table: the copy's number, its recipient
_NUMBER_HEAD = re.compile(r"(?:cop(?:y|ies)|exemplar|ekz\.?)?\s*(?:no\.?|n[°º]|№|#|number|n(?=\s*ekz))(?:\s+of\s+(?:the\s+)?cop(?:y|ies)"
                          r"|\s*(?:ekz\.?|egz\.?|cop(?:y|ies)|exemplar))?"   # "N° ekz."
                          r"|cop(?:y|ies)(?:\s+no\.?)?|ekz\.?|exemplar", re.IGNORECASE)
#: a number column headed by a copy word ("Ekz.", "Copy No.", "N° ekz."), not by a number sign alone
_COPY_HEAD = re.compile(r"(?i)\b(?:cop(?:y|ies)|ekz|egz|exemplar)")
#: a copy's number in a table's cell: one, or a range ("3-4")
_NUMBER_CELL = re.compile(r"(?P<a>\d{1,4})(?:[ \t]*[-–][ \t]*(?P<b>\d{1,4}))?")
#: (and in the lists' languages: Russian "komu" [to whom], German "Empfänger", Polish "adresat", Hungarian
#: "címzett", Romanian "destinatar")
_RECIPIENT_HEAD = re.compile(r"\b(?:addressee|recipient|destination|sent\s+to|to\s+whom|surname|name|empf[äa]nger|adresat|c[íi]mzett"
                             r"|destinatar)\b|^(?:to|komu)$", re.IGNORECASE)
#: a column that names the post or body when the recipient's cell is empty ("| 3 | - | UMVD ... |")
_POST_HEAD = re.compile(r"\b(?:post|position|office|institution|organi[sz]ation|department|body|unit)\b", re.IGNORECASE)
_EMPTY_CELL = re.compile(r"[-–—.]*")


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


class TablePart:
    """Methods of the extractor (``self.text``, ``self._classify_destination``, ``self._add_copy``,
    ``self.ev``, ``self._list_lines``)."""

    def table_lists(self):
        """A copy list set as a table of pipes ("| Copy No. | Addressee | Position |", a row a copy):
        the number from the column headed by a number sign, the recipient from the one headed
        addressee, recipient or destination."""
        if "|" not in self.text:
            return
        for head in _PIPE_ROW.finditer(self.text):
            cells = _cells(head.group(0))
            num_col = next((k for k, c in enumerate(cells) if _NUMBER_HEAD.fullmatch(c)), None)
            to_col = next((k for k, c in enumerate(cells) if _RECIPIENT_HEAD.search(c)), None)
            if num_col is None or to_col is None or num_col == to_col:
                continue
            if re.fullmatch(r"(?i)(?:sur)?name", cells[to_col]) and not _COPY_HEAD.search(cells[num_col]):
                continue   # "| No. | Name | Year of birth |": a list of persons, not of copies
            post_col = next((k for k, c in enumerate(cells) if k not in (num_col, to_col) and _POST_HEAD.search(c)), None)
            # "| N° | Date | To whom | Contents | Copies |": the number of a document in a register, its
            # copies counted in a column of their own
            register = not _COPY_HEAD.search(cells[num_col]) and any(
                _COPY_HEAD.search(c) for k, c in enumerate(cells) if k != num_col)
            pos = head.end() + 1
            rows: list[list] = []   # [number cell, recipient, start of the recipient, row start, row end]
            while pos < len(self.text):
                rule = _BOX_RULE.match(self.text, pos)
                if rule:   # "+------+-----+": the box drawn around the rows
                    pos = rule.end() + 1
                    continue
                row = _PIPE_ROW.match(self.text, pos)
                if row is None:
                    break
                pos = row.end() + 1
                cells = _cells(row.group(0))
                if set("".join(cells)) <= set("-: "):
                    continue   # the rule under the header
                if len(cells) <= max(num_col, to_col):
                    break
                dest = cells[to_col]
                if _EMPTY_CELL.fullmatch(dest) and post_col is not None and post_col < len(cells):
                    dest = cells[post_col]   # no person named: the post or body the copy went to
                if not cells[num_col] and rows and dest:
                    # "|      | Directorate of OKDVA |": the recipient of the row above, wrapped
                    rows[-1][1] += " " + dest
                    rows[-1][4] = row.end()
                    continue
                if not re.fullmatch(_NUMBER_CELL, cells[num_col]):
                    break
                start = row.start() + row.group(0).find(dest) if dest else row.start()
                rows.append([cells[num_col], dest, start, row.start(), row.end()])
            if rows and (register or int(_NUMBER_CELL.fullmatch(rows[0][0]).group("a")) > 9):
                continue   # registration numbers (214, 215 ...), not copies: none of the copies begins so far on
            for number, dest, start, r0, r1 in rows:
                m = _NUMBER_CELL.fullmatch(number)
                a, b = int(m.group("a")), int(m.group("b") or m.group("a"))
                info = self._classify_destination(dest, start)
                for n in range(a, b + 1) if a <= b <= a + 50 else (a,):
                    self._add_copy(info, n, number, self.ev(r0, r1), source="list")
                self._list_lines.add(r0)
