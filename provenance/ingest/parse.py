"""Editorial brackets in a transcription, found: the tree of the brackets of a stretch of text
(nested, unmatched ones kept apart), with character offsets into the source. What each bracket
is, is decided in :mod:`provenance.ingest.brackets`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A bracket may not span more than this many characters (a stray "[" must not swallow a page).
MAX_BRACKET_CHARS = 1200
#: ... nor more than this many blank-line breaks.
MAX_BRACKET_BREAKS = 6
#: Brackets nested deeper than this are kept as written (with a warning), so that the TEI stays
#: well within the element depth every XML reader accepts (libxml2: 256 without huge_tree).
MAX_BRACKET_DEPTH = 64

UNRENDERED = "\u25a1"  # WHITE SQUARE: glyphs the web page could not render


@dataclass
class Bracket:
    start: int  # offset of "["
    end: int  # offset after "]"
    children: list["Bracket"] = field(default_factory=list)

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


@dataclass
class Stray:
    pos: int
    char: str


RE_BRACKET_CHAR = re.compile(r"[\[\]]")


def _matches(text: str, start: int, end: int) -> dict[int, int]:
    """For each "[" of ``text[start:end]`` that a "]" closes (brackets nest; a "]" with no open
    "[" closes nothing), the offset of that "]". One pass, no recursion."""
    match: dict[int, int] = {}
    opened: list[int] = []
    for m in RE_BRACKET_CHAR.finditer(text, start, end):
        i = m.start()
        if text[i] == "[":
            opened.append(i)
        elif opened:
            match[opened.pop()] = i
    return match


def parse_brackets(text: str, start: int = 0, end: int | None = None) -> tuple[list[Bracket], list[Stray]]:
    """Top-level brackets of ``text[start:end]`` (children nested inside) and unmatched brackets.

    An opening bracket that would span more than MAX_BRACKET_CHARS characters or
    MAX_BRACKET_BREAKS blank lines is a stray: a lost "[" must not swallow a page. The text
    after a stray is read again as if the stray were not there.

    The parse is iterative and linear: brackets are matched in one pass, a stray costs no
    rescan, and only a bracket short enough to be kept is looked into (at most
    MAX_BRACKET_CHARS characters), however many brackets there are or however deep they nest.
    """
    end = len(text) if end is None else end
    match = _matches(text, start, end)
    tops: list[Bracket] = []
    strays: list[Stray] = []
    pos = start
    while True:
        m = RE_BRACKET_CHAR.search(text, pos, end)
        if not m:
            break
        i = m.start()
        if text[i] == "]":
            strays.append(Stray(i, "]"))
            pos = i + 1
            continue
        close = match.get(i)
        if close is None or close - i > MAX_BRACKET_CHARS or text.count("\n\n", i, close) > MAX_BRACKET_BREAKS:
            strays.append(Stray(i, "["))
            pos = i + 1
            continue
        tops.append(_nested(text, i, close))
        pos = close + 1
    return tops, strays


def _nested(text: str, s: int, close: int) -> Bracket:
    """The bracket from ``s`` to its closing ``close``, with the brackets inside it (balanced,
    since ``close`` closes ``s``) nested as children."""
    top = Bracket(s, close + 1, [])
    stack: list[Bracket] = [top]
    for m in RE_BRACKET_CHAR.finditer(text, s + 1, close):
        i = m.start()
        if text[i] == "[":
            b = Bracket(i, -1, [])
            stack[-1].children.append(b)
            stack.append(b)
        else:
            stack.pop().end = i + 1
    return top

