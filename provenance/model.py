"""The witness model shared by comparison, reports, copy chains and corpus discovery.

A witness is one document as a comparison sees it: its source text (the transcription as
read from disk, or the plain text read back from a TEI file), the structural segments of its
body (numbered points, paragraphs) and the spans of that text that belong to the editorial
layer (brackets added by a translator or editor), all as character offsets into ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Segment:
    """A structural unit of the body: a numbered point, a paragraph, a heading, a list item.

    ``n`` is the point path as written ("1", "5.a", "8.3") for numbered points, or
    ``"p<k>"`` for the k-th unnumbered block. ``kind`` is the TEI element that holds it
    (``p``, ``item``, ``head``, ``opener``, ``closer``, ``postscript``...).
    """

    n: str
    kind: str
    start: int
    end: int
    label: str = ""  # the point label as written, e.g. "5." or "a)"


@dataclass(frozen=True)
class Mark:
    """A span of the editorial layer inside ``Witness.text``.

    ``type`` is one of: sic, corr, gap, unrendered, supplied, gloss, foreign, note,
    note-original, add, handshift, space, abbr-expansion, unclear, label, bracket.
    ``start``/``end`` cover the whole bracket including "[" and "]". ``content`` is the
    text inside the brackets; ``target`` the start/end of the word(s) the mark is attached
    to (the glossed place name, the flagged word), or None.
    """

    type: str
    start: int
    end: int
    content: str = ""
    target: tuple[int, int] | None = None
    rule: str = ""


@dataclass
class Witness:
    id: str
    path: str
    text: str
    segments: list[Segment] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    sha256: str = ""
    kind: str = "transcription"  # transcription | tei | plain
