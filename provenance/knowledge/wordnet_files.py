"""WordNet's database files as they are searched without loading them: an index file (sorted by
lemma) split into lines and searched by bisection, a data file memory-mapped and read where a
synset's offset points, whatever the files' line endings. Used by ``provenance.knowledge.wordnet``."""

from __future__ import annotations

import mmap
from bisect import bisect_left


class _Index:
    """An index file (``index.noun`` ...): its lines, sorted by lemma, searched by bisection. The
    file is read and split once, on the first question (a few milliseconds); no table is built."""
    __slots__ = ("path", "lines")

    def __init__(self, path: str):
        self.path = path
        self.lines: list[bytes] | None = None

    def _load(self) -> list[bytes]:
        with open(self.path, "rb") as fh:
            data = fh.read()
        lines = data.split(b"\n")    # a line may end in "\r": it sorts the same, and is cut off when read
        # the licence header at the top: lines that begin with two spaces
        first = 0
        while first < len(lines) and (not lines[first].strip() or lines[first].startswith(b"  ")):
            first += 1
        while len(lines) > first and not lines[-1].strip():
            lines.pop()
        del lines[:first]
        self.lines = lines
        return lines

    def find(self, key: bytes) -> bytes | None:
        """The line that starts with ``key + b' '`` (the file is sorted by its first field; a line
        sorts after its lemma followed by a space, as no lemma holds a character below it)."""
        lines = self.lines if self.lines is not None else self._load()
        probe = key + b" "
        k = bisect_left(lines, probe)
        if k < len(lines) and lines[k].startswith(probe):
            return lines[k].rstrip(b"\r")
        return None


class _Data:
    """A data file (``data.noun`` ...), memory-mapped. A synset's offset is its byte position in
    the file with Unix line endings; in a copy with Windows line endings each line before it adds
    one byte, so the line is found by correcting the guess with the offset of the line it falls
    in (two or three reads), with bisection as the fallback."""
    __slots__ = ("mm", "size")

    def __init__(self, path: str):
        with open(path, "rb") as fh:
            self.mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        self.size = len(self.mm)

    def _line_at(self, p: int) -> tuple[int, int, int | None]:
        """(start, end, offset field or None) of the line holding byte ``p``."""
        mm = self.mm
        start = mm.rfind(b"\n", 0, p) + 1
        end = mm.find(b"\n", start)
        if end < 0:
            end = self.size
        head = mm[start:start + 8]
        return start, end, int(head) if head.isdigit() else None

    def find(self, offset: int) -> bytes | None:
        """The line of the synset at ``offset``."""
        p = offset
        for _ in range(8):
            if p >= self.size:
                break
            start, end, head = self._line_at(p)
            if head is None:              # the licence header at the top
                p = end + 1
                continue
            if head == offset:
                return self.mm[start:end].rstrip(b"\r")
            # the line endings' extra bytes before this line, and at least one line on
            nxt = offset + (start - head)
            nxt = max(nxt, end + 1) if head < offset else min(nxt, start - 1)
            if nxt == p or nxt < 0:
                break
            p = nxt
        return self._bisect(offset)

    def _bisect(self, offset: int) -> bytes | None:
        lo, hi = 0, self.size
        while lo < hi:
            start, end, head = self._line_at((lo + hi) // 2)
            if head is None:
                lo = end + 1
            elif head == offset:
                return self.mm[start:end].rstrip(b"\r")
            elif head < offset:
                lo = end + 1
            else:
                hi = start
        return None
