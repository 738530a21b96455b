"""The body of a transcription as structure: opener, paragraphs, numbered points, copy lists, closer.

Blocks keep source offsets. Points are recognised by their labels ("1.", "a)"), nested by
their kind of label, and a numbered line that announces a new series ("8. Concerning
Xinjiang" followed by "1.") becomes the parent of that series. Unnumbered paragraphs after a
point belong to it until a closing formula, a closing quotation mark or the end matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from provenance.chain.patterns import INITIALS
from provenance.dates import NUMERIC_DATE
from provenance.ingest.parse import Bracket, parse_brackets
from provenance.ingest.layout import paragraphs

RE_POINT_NUM = re.compile(r"^(?P<q>[\"“«]?)\s*(?P<label>(?P<n>\d{1,3})\.)\s+\S")
RE_POINT_PAREN = re.compile(r"^(?P<q>[\"“«]?)\s*(?P<label>(?P<n>\d{1,2})\))\s+\S")
RE_POINT_LETTER = re.compile(r"^(?P<q>[\"“«]?)\s*(?P<label>(?P<n>[a-zа-я])\))\s+\S")
RE_COPIES_HEAD = re.compile(r"^(?:\w+|\d+)\s+cop(?:y|ies)\b(?:\s+(?:printed|made|typed|prepared))?\s*[.:]?", re.I)
RE_COPY_ITEM = re.compile(r"^(?:copy\s+N[°ºo]\.?\s*)?(?P<num>\d+(?:\s*-\s*\d+)?)\s*[-–—]\s*(?P<dest>.*)$", re.I)
RE_ROLE = re.compile(r"^(?:drafted|typed|prepared|compiled|printed|signed|authenticated|verified|certified|sent|"
                     r"basis|vyp\.|ispoln|copied|executed|true copy|correct|excerpts?\s+sent|ind\.)\b", re.I)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: a date written with numbers: "12.III.46", "7.IV.1956", "12.03.1946" (groups unnamed here)
_NUMERIC = re.sub(r"\(\?P<\w+>", "(?:", NUMERIC_DATE)
RE_DATE_LINE = re.compile(rf"^(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_NUMERIC})\s*(?:\S+.*)?$")
#: a dateline: a date alone, or after the place it was written in ("Ploeshti [Ploiești], 14 September
#: 1950", flattened without the brackets; "Moscow, March 12, 1946"): up to four capitalized words,
#: none abbreviated ("Pech. Ostapenko, 17.III.47" is who typed it) but "St."
_PLACE = r"(?:(?:St\.[ \t]*)?[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*){0,3},[ \t]+)?"
_FULL_DATE = rf"(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|{_NUMERIC})"
#: the date at the end of a dateline (after its place, if any)
RE_DATE_PART = re.compile(rf"{_FULL_DATE}\.?\s*$")
RE_DATE_ONLY = re.compile(rf"^{_PLACE}{_FULL_DATE}\.?$")
RE_DATE_SIGNED = re.compile(r"^(?P<date>\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|"
                            r"October|November|December)\s+\d{4})\s+(?P<name>[A-ZА-Я][A-ZА-Я'’\-]{2,}\b.*)$")
RE_CLOSING = re.compile(r"^(?:request your decision|please\b|attachment|enclosure|i (?:request|ask)|"
                        r"we (?:request|ask)|respectfully|with (?:comradely|best) greetings|signed|appendix)\b", re.I)
#: A signature standing alone: initials and a surname ("V. Molotov"), or a surname in capitals.
RE_SIGNATURE = re.compile(r"^(?:" + INITIALS + r"\s?[A-ZА-ЯЁ][\w'’-]+|[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]{2,})\.?$")
RE_CLASSIFICATION = re.compile(r"^(?:copy\.\s*)?(?:strictly secret|top secret|secret|confidential|"
                               r"of special importance|special folder)\.?$", re.I)
RE_ADDRESS = re.compile(r"^(?:to|for)\s+(?:the\s+)?(?:cdes?\.?|comrades?|\w)", re.I)
RE_GAPS_ONLY = re.compile(r"^[\s\u25a1]+$")
#: what an editor writes in place of a signature: "[illegible signature]", "[signature]"
RE_SIGNATURE_MARK = re.compile(r"signature|signed|initials", re.I)
#: a title line in capitals above a signature ("CONSUL GENERAL OF THE USSR IN URUMQI")
RE_TITLE_CAPS = re.compile(r"^[A-ZА-Я][A-ZА-Я0-9 ,.'’()\-]{5,80}$")


@dataclass
class Block:
    start: int
    end: int
    flat: str  # the text with editorial brackets dissolved, for pattern matching
    role: str = "p"  # opener, p, point, copies-head, copy-item, tail, closer-date
    opener_kind: str = ""  # dateline, salute, classification, seg
    n: str = ""  # point path, e.g. "4.a"
    local_n: str = ""
    label: tuple[int, int] | None = None
    depth: int = 0
    parent_item: bool = False  # a numbered line that heads a nested series
    continuation: bool = False  # an unnumbered paragraph that belongs to the point before it
    brackets: list[Bracket] = field(default_factory=list)


def flatten(text: str, start: int, end: int) -> str:
    s = text[start:end]
    s = re.sub(r"\s*\[(?:sic|SIC)\]", "", s)
    s = s.replace("[", "").replace("]", "")
    return " ".join(s.split())


def bare(text: str, start: int, end: int) -> str:
    """The text of a block without its editorial brackets (and what they hold)."""
    s = text[start:end]
    prev = None
    while prev != s:
        prev, s = s, re.sub(r"\[[^\[\]]*\]", "", s)
    return " ".join(s.split())


def _signature(text: str, b: "Block") -> bool:
    """A signature standing alone: "V. Molotov", "A. SAVELYEV [illegible signature]", "[signature]"."""
    own = bare(text, b.start, b.end)
    if own:
        return bool(RE_SIGNATURE.match(own))
    return bool(RE_SIGNATURE_MARK.search(b.flat))


def _split_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraphs, never splitting inside a bracket; short list-like lines become blocks of their own."""
    tops, _strays = parse_brackets(text, start, end)
    paras = paragraphs(text, start, end)
    merged: list[list[int]] = []
    for p in paras:
        if merged and any(b.start < merged[-1][1] and b.end > p.start for b in tops):
            merged[-1][1] = p.end
        else:
            merged.append([p.start, p.end])
    out = []
    for s, e in merged:
        chunk = text[s:e]
        if "\n" in chunk:
            lines = []
            pos = s
            for raw in chunk.split("\n"):
                if raw.strip():
                    ls = pos + len(raw) - len(raw.lstrip())
                    lines.append((ls, pos + len(raw.rstrip())))
                pos += len(raw) + 1
            listish = sum(1 for a, b in lines if RE_COPY_ITEM.match(flatten(text, a, b))
                          or RE_ROLE.match(flatten(text, a, b)) or RE_COPIES_HEAD.match(flatten(text, a, b)))
            crossing = any(b.start < a2 and b.end > a2 for b in tops for (_a1, a2) in lines[:-1])
            if listish >= 2 and not crossing:
                out.extend(lines)
                continue
        out.append((s, e))
    return out


def _is_prose(flat: str) -> bool:
    return len(flat) >= 100 or (len(flat.split()) >= 8 and flat.rstrip().endswith((".", ":", ";", '"', "”")))


def _numbering(flat: str):
    for rx, kind in ((RE_POINT_NUM, "num"), (RE_POINT_LETTER, "letter"), (RE_POINT_PAREN, "paren")):
        m = rx.match(flat)
        if m:
            return kind, m
    return None, None


def structure(text: str, start: int, end: int) -> list[Block]:
    spans = _split_blocks(text, start, end)
    blocks = [Block(s, e, flatten(text, s, e)) for s, e in spans]
    if not blocks:
        return blocks
    # --- points -------------------------------------------------------------------------------
    kinds = [_numbering(b.flat) for b in blocks]
    numbered = [i for i, (k, _m) in enumerate(kinds) if k]
    # --- opener ---------------------------------------------------------------------------------
    i = 0
    while i < len(blocks):
        b = blocks[i]
        f = b.flat
        only_marks = text[b.start:b.end].lstrip().startswith("[") and not bare(text, b.start, b.end)
        if not only_marks and (kinds[i][0] or RE_COPY_ITEM.match(f) or _is_prose(f) or len(f) > 90):
            break
        b.role = "opener"
        if RE_DATE_ONLY.match(f):
            b.opener_kind = "dateline"
        elif RE_CLASSIFICATION.match(f):
            b.opener_kind = "classification"
        elif RE_ADDRESS.match(f):
            b.opener_kind = "salute"
        else:
            b.opener_kind = "seg"
        i += 1
    opener_end = i
    if opener_end == len(blocks):  # nothing but short lines: keep them as paragraphs
        for b in blocks:
            b.role, b.opener_kind = "p", ""
        opener_end = 0
    # --- tail (end matter) ----------------------------------------------------------------------
    last_point = max([j for j in numbered if j >= opener_end], default=-1)
    first_prose = next((j for j in range(opener_end, len(blocks)) if _is_prose(blocks[j].flat)), opener_end)
    search_from = max(last_point + 1, first_prose + 1)
    tail_start = len(blocks)
    for j in range(search_from, len(blocks)):
        f = blocks[j].flat
        if RE_COPIES_HEAD.match(f) or RE_ROLE.match(f) or RE_DATE_LINE.match(f) or \
                (RE_COPY_ITEM.match(f) and not kinds[j][0]):
            tail_start = j
            break
    # the end matter takes in what stands just before it: unrendered glyphs, signatures (and the
    # title in capitals above one), datelines
    while tail_start > search_from:
        prev = blocks[tail_start - 1]
        if RE_GAPS_ONLY.match(prev.flat or " ") or _signature(text, prev) or RE_DATE_ONLY.match(prev.flat) \
                or (RE_TITLE_CAPS.match(prev.flat) and tail_start < len(blocks)
                    and _signature(text, blocks[tail_start])):
            tail_start -= 1
        else:
            break
    for j in range(tail_start, len(blocks)):
        f = blocks[j].flat
        b = blocks[j]
        if RE_COPIES_HEAD.match(f):
            b.role = "copies-head"
        elif RE_COPY_ITEM.match(f):
            b.role = "copy-item"
        elif RE_DATE_ONLY.match(f):
            b.role = "closer-date"
        elif RE_DATE_SIGNED.match(f) or _signature(text, b) or \
                (RE_TITLE_CAPS.match(f) and j + 1 < len(blocks) and _signature(text, blocks[j + 1])):
            b.role = "closer-signed"
        else:
            b.role = "tail"
    # copy lists in the middle of the text (000 lists its copies at the top)
    for j in range(opener_end, tail_start):
        f = blocks[j].flat
        if RE_COPY_ITEM.match(f) and (RE_COPY_ITEM.match(blocks[j - 1].flat) or
                                      (j + 1 < tail_start and RE_COPY_ITEM.match(blocks[j + 1].flat))) \
                and not (kinds[j][0] == "num" and not re.match(r"(?i)copy", f)):
            blocks[j].role = "copy-item"
    # --- nesting of points ------------------------------------------------------------------------
    stack: list[tuple[str, str]] = []  # (kind, path)
    current_point: Block | None = None
    quote_open = False
    clauses: set[tuple[str, str]] = set()  # series (parent path, kind of label) that enumerate clauses
    current_series: tuple[str, str] = ("", "")
    for j in range(opener_end, tail_start):
        b = blocks[j]
        if b.role == "copy-item":
            current_point = None
            stack.clear()
            continue
        kind, m = kinds[j]
        if kind:
            n = m.group("n")
            if m.group("q"):
                quote_open = True
            # numbers do not sit under letters: "1." after a series of lettered points opens a series
            # of its own at the level of those letters' parent
            if kind == "num" and n == "1" and stack and stack[-1][0].startswith("letter"):
                while stack and stack[-1][0].startswith("letter"):
                    stack.pop()
            # a kind of label seen above closes the deeper levels; a new kind opens a level
            if any(k == kind for k, _ in stack):
                while stack[-1][0] != kind:
                    stack.pop()
                stack.pop()
            # a numbered heading whose series restarts at 1 becomes a parent
            parent = "" if not stack else stack[-1][1]
            b.role = "point"
            b.local_n = n
            b.n = f"{parent}.{n}" if parent else n
            b.depth = len(stack)
            b.label = (b.start + m.start("label"), b.start + m.start("label") + len(m.group("label")))
            stack.append((kind, b.n))
            current_point = b
            current_series = (parent, kind)
            if _clause(b.flat):
                clauses.add(current_series)
            # heading test: short, no final punctuation, followed by the same kind starting at 1
            nxt = next((k for k in range(j + 1, tail_start) if kinds[k][0]), None)
            if nxt is not None and kinds[nxt][0] == kind and kinds[nxt][1].group("n") in ("1", "a") \
                    and n not in ("1", "a") and len(b.flat) < 70 and not b.flat.rstrip().endswith((".", ":", ";")):
                b.parent_item = True
                # the children use the same kind of label: give them a level of their own
                for k in range(nxt, tail_start):
                    if kinds[k][0] == kind:
                        kinds[k] = (kind + "-child", kinds[k][1])
            if _quote_closes(b.flat, quote_open):
                quote_open = False
                stack.clear()
                current_point = None
            continue
        # unnumbered block: it continues the point before it, unless that point is a clause of an
        # enumeration ("1. the coalition government has ceased to exist;")
        if current_point is not None and not RE_CLOSING.match(b.flat) and b.role == "p" \
                and current_series not in clauses:
            b.role = "point-continuation"
            b.continuation = True
            b.n = stack[-1][1] if stack else current_point.n
            if _quote_closes(b.flat, quote_open):
                quote_open = False
                stack.clear()
                current_point = None
            continue
        stack.clear()
        current_point = None
    return blocks


def _clause(flat: str) -> bool:
    """A point that is a clause of a sentence: its words begin in lower case or it ends with ";"."""
    m = re.match(r"^\W*\w{1,2}[.)]\s+(?P<first>\w)", flat)
    return bool(m and m.group("first").islower()) or flat.rstrip().endswith(";")


def _quote_closes(flat: str, quote_open: bool) -> bool:
    if not quote_open:
        return False
    s = flat.rstrip()
    return s.endswith(('".', '."', "”.", ".”", '"', "”", "»", "».")) and (s.count('"') % 2 == 1 or "”" in s[-3:]
                                                                          or "»" in s[-3:])
