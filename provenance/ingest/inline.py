"""Inline TEI for a stretch of transcription: words, editorial marks, unrendered glyphs, stray brackets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lxml import etree

from provenance import XML_NS
from provenance.ingest.brackets import Classifier, Decision
from provenance.ingest.parse import MAX_BRACKET_DEPTH, UNRENDERED, parse_brackets
from provenance.ingest.phrasing import RE_SIGNATURE
from provenance.teixml import append_text
from provenance.vocab import T

RE_UNRENDERED = re.compile(UNRENDERED + "+")
RE_NEWLINE = re.compile("\n")


@dataclass
class Context:
    """What one conversion collects besides the TEI: decisions, review items, warnings, hands."""

    text: str
    doc_id: str
    path: str
    classifier: Classifier
    decisions: list[dict] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    hands: list[dict] = field(default_factory=list)  # {"id": "h1", "place": ..., "kind": "add"|"shift"}
    marks: list[tuple] = field(default_factory=list)  # (type, start, end, content, target, rule)
    langs: set = field(default_factory=set)
    _line_starts: list | None = field(default=None, repr=False)

    def line_col(self, pos: int) -> tuple[int, int]:
        """Line and column (from 1) of an offset, from an index of the text's line starts made
        once (a text with many warnings must not be counted through again for each)."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in RE_NEWLINE.finditer(self.text)]
        k = bisect.bisect_right(self._line_starts, pos)
        return k, pos - self._line_starts[k - 1] + 1

    def warn(self, pos: int, message: str) -> None:
        line, col = self.line_col(pos)
        self.warnings.append({"line": line, "column": col, "offset": pos, "message": message})

    def new_hand(self, place: str, kind: str) -> str:
        hid = f"h{len(self.hands) + 1}"
        self.hands.append({"id": hid, "place": place, "kind": kind})
        return hid


#: a line break and the blank space around it
RE_LINE_BREAK = re.compile(r"[ \t]*\n\s*")

MARK_TYPE = {
    "sic": "sic", "sic-corr": "corr", "gap-illegible": "gap", "gap-omitted": "gap", "gap-redacted": "gap",
    "gap-damage": "gap", "unclear-word": "unclear",
    "space": "space", "note-translator": "note", "note-original": "note-original", "note-editorial": "note",
    "note-gloss": "note", "unclear": "unclear",
    "add": "add", "handshift": "handshift", "stamp": "stamp", "pb": "pb", "del": "del", "gloss": "gloss", "abbr": "abbr-expansion",
    "foreign": "foreign", "supplied": "supplied", "supplied-letters": "supplied",
}



def _sub(parent, tag, attrib=None, text=None):
    el = etree.SubElement(parent, T + tag)
    for k, v in (attrib or {}).items():
        if v is not None and v != "":
            el.set(k, v)
    if text:
        el.text = text
    return el


class InlineBuilder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.text = ctx.text
        self.depth = 0  # how many brackets enclose the stretch being filled

    # -- text with unrendered glyph boxes ------------------------------------------------------
    def _emit_text(self, parent, start: int, end: int) -> None:
        if start >= end:
            return
        chunk = self.text[start:end]
        pos = 0
        for m in RE_UNRENDERED.finditer(chunk):
            self._emit_lines(parent, chunk[pos:m.start()])
            n = m.end() - m.start()
            _sub(parent, "gap", {"reason": "unrendered", "quantity": str(n), "unit": "chars"})
            self.ctx.marks.append(("unrendered", start + m.start(), start + m.end(), "", None, "gap.unrendered"))
            pos = m.end()
        self._emit_lines(parent, chunk[pos:])

    @staticmethod
    def _emit_lines(parent, s: str) -> None:
        """Text whose line breaks (a mark that runs over several lines of the source) become
        <lb/>: in XML a line break is only a space."""
        pos = 0
        for m in RE_LINE_BREAK.finditer(s):
            append_text(parent, s[pos:m.start()] + "\n")
            _sub(parent, "lb")
            pos = m.end()
        append_text(parent, s[pos:])

    def fill(self, parent, start: int, end: int, label: tuple[int, int] | None = None) -> None:
        """Fill ``parent`` with the inline TEI of ``text[start:end]``; inside MAX_BRACKET_DEPTH
        brackets, the text is kept as written."""
        if self.depth >= MAX_BRACKET_DEPTH:
            if "[" in self.text[start:end]:
                self.ctx.warn(start, f"brackets nested more than {MAX_BRACKET_DEPTH} deep kept as written")
            self._emit_text(parent, start, end)
            return
        self.depth += 1
        try:
            self._fill(parent, start, end, label)
        finally:
            self.depth -= 1

    def _fill(self, parent, start: int, end: int, label: tuple[int, int] | None) -> None:
        tops, strays = parse_brackets(self.text, start, end)
        items = []
        for b in tops:
            d = self.ctx.classifier.classify(self.text, b, start, self.ctx.doc_id)
            s = d.target[0] if d.target else b.start
            items.append([s, b.end, "dec", d])
        for st in strays:
            items.append([st.pos, st.pos + 1, "stray", st])
        if label:
            items.append([label[0], label[1], "label", None])
        items.sort(key=lambda it: (it[0], it[1]))
        pos = start
        for it in items:
            s, e, kind, x = it
            if kind == "stray":  # kept in the text around it: one text run, however many strays
                if s >= pos:
                    self.ctx.warn(x.pos, f"unmatched '{x.char}' kept as written")
                continue
            if s < pos:  # a target reaching back over an earlier mark: attach nothing
                if kind == "dec" and x.target:
                    x.target = None
                    s = x.bracket.start
                if s < pos:
                    continue
            self._emit_text(parent, pos, s)
            if kind == "label":
                _sub(parent, "label", text=self.text[s:e])
            else:
                self._decision(parent, x)
            pos = e
        self._emit_text(parent, pos, end)

    # -- one editorial mark --------------------------------------------------------------------
    def _record(self, d: Decision) -> None:
        b = d.bracket
        line, col = self.ctx.line_col(b.start)
        rec = {"bracket": self.text[b.start:b.end], "encoded_as": d.kind, "rule": d.rule, "offset": b.start,
               "line": line, "column": col}
        if d.target:
            rec["target"] = self.text[d.target[0]:d.target[1]]
        self.ctx.decisions.append(rec)
        if d.doubtful:
            self.ctx.review.append({**rec, "reason": d.doubtful, "alternatives": d.alternatives})
        content = self.text[d.content[0]:d.content[1]] if d.content else ""
        self.ctx.marks.append((MARK_TYPE.get(d.kind, "bracket"), b.start, b.end, content, d.target, d.rule))

    def _decision(self, parent, d: Decision) -> None:
        self._record(d)
        t = self.text
        tgt = t[d.target[0]:d.target[1]] if d.target else ""
        k = d.kind
        if d.target:
            pass
        elif k in ("sic", "sic-corr", "gloss", "abbr"):
            self.ctx.warn(d.bracket.start, f"'{t[d.bracket.start:d.bracket.end]}' follows no word it could mark")
        if k == "sic":
            _sub(parent, "sic", {"rend": d.template}, tgt)
        elif k == "sic-corr":
            ch = _sub(parent, "choice", {"rend": d.template})
            _sub(ch, "sic", text=tgt)
            corr = _sub(ch, "corr", {"resp": "#translator", "cert": "low"})
            self.fill(corr, *d.content)
        elif k == "gap-illegible":
            g = _sub(parent, "gap", {"reason": "illegible", "extent": d.attrs.get("extent"), "quantity": d.attrs.get("quantity"),
                                     "unit": d.attrs.get("unit"), "rend": d.template})
            if d.attrs.get("desc"):
                _sub(g, "desc", text=d.attrs["desc"])
        elif k == "gap-omitted" and d.attrs.get("ellipsis"):
            _sub(parent, "gap", {"reason": "omitted", "rend": d.template})   # "[...]": words the editor left out
        elif k == "gap-omitted":
            # "[signature]": a signature the transcription does not reproduce; other features, omitted
            feature = d.rule in ("gap.feature", "gap.feature.nested") and RE_SIGNATURE.match(d.attrs.get("desc") or "")
            feature = feature or d.rule == "gap.feature.signatures"
            g = _sub(parent, "gap", {"reason": "signature" if feature else "omitted", "quantity": d.attrs.get("quantity")})
            _sub(g, "desc", text=d.attrs.get("desc") or t[d.bracket.start + 1:d.bracket.end - 1].strip())
        elif k == "gap-damage":   # "[page torn]": lost to damage, as the editor describes it
            g = _sub(parent, "gap", {"reason": "damage"})
            _sub(g, "desc", text=d.attrs.get("desc"))
        elif k == "unclear-word":   # "Tokhtasyn [?]": the word as read, with the editor's doubt
            _sub(parent, "unclear", {"resp": "#translator", "rend": d.template}, tgt)
        elif k == "gap-redacted":
            _sub(parent, "gap", {"reason": "redacted-by-source"})
        elif k == "space":
            _sub(parent, "space", {"rend": d.template})
        elif k == "note-translator":
            n = _sub(parent, "note", {"type": d.attrs.get("type", "translator"), "resp": "#translator", "rend": d.template})
            self.fill(n, *d.content)
        elif k == "note-original":
            n = _sub(parent, "note", {"place": d.attrs.get("place", "bottom"), "rend": d.template})
            self.fill(n, *d.content)
        elif k == "unclear":
            # the original's words, read with doubt: the reading is the editor's, the words the document's
            self.fill(_sub(parent, "unclear", {"reason": d.attrs.get("reason", "illegible"), "resp": "#translator",
                                               "rend": d.template}), *d.content)
        elif k == "note-gloss":
            n = _sub(parent, "note", {"type": "gloss", "resp": "#translator", "rend": d.template or "[{}]"})
            self.fill(n, *d.content)
        elif k == "note-editorial":
            n = _sub(parent, "note", {"type": "editorial", "resp": "#translator", "rend": d.template or "[{}]"})
            self.fill(n, *d.content)
        elif k == "add":
            hid = self.ctx.new_hand(d.attrs.get("place", "inline"), "add")
            a = _sub(parent, "add", {"place": d.attrs.get("place", "inline"), "hand": "#" + hid, "rend": d.template})
            self.fill(a, *d.content)
        elif k == "stamp":
            st = _sub(parent, "stamp", {"rend": d.template})
            if d.content:
                self.fill(st, *d.content)
        elif k == "pb":   # "[page 2]": a page of the original begins
            _sub(parent, "pb", {"n": d.attrs.get("n"), "rend": d.template})
        elif k == "del":   # words the author crossed out: the original's, though not its final text
            self.fill(_sub(parent, "del", {"rend": d.template}), *d.content)
        elif k == "handshift":
            hid = self.ctx.new_hand("inline", "shift")
            # "[Handwritten in red pencil:]": the medium of the new hand, when the editor names it
            medium = re.search(r"\bin\s+((?:(?:red|blue|black|green|violet|purple|coloured|colored)\s+)?(?:pencil|ink|crayon))\b",
                               t[d.bracket.start:d.bracket.end], re.I)
            _sub(parent, "handShift", {"new": "#" + hid, "rend": d.template, "medium": medium and medium.group(1).lower()})
        elif k == "gloss":
            wrap = _sub(parent, "persName" if d.attrs.get("person") else "placeName", {"cert": d.attrs.get("cert")})
            ch = _sub(wrap, "choice", {"rend": d.template})
            _sub(ch, "orig", text=tgt)
            for alt in d.attrs.get("regs") or [t[d.content[0]:d.content[1]]]:
                _sub(ch, "reg", {"resp": "#translator"}, alt)
        elif k == "abbr":
            ch = _sub(parent, "choice")
            _sub(ch, "abbr", text=tgt)
            ex = _sub(ch, "expan", {"resp": "#translator"})
            self.fill(ex, *d.content)
        elif k == "foreign":
            f = _sub(parent, "foreign", {"resp": "#translator"}, t[d.content[0]:d.content[1]])
            lang = d.attrs.get("lang") or "ru-Latn"
            f.set("{%s}lang" % XML_NS, lang)
            self.ctx.langs.add(lang)
        elif k == "supplied":
            s = _sub(parent, "supplied", {"reason": "omitted", "resp": "#translator"})
            self.fill(s, *d.content)
        elif k == "supplied-letters":
            _sub(parent, "supplied", {"reason": "omitted", "resp": "#translator"}, t[d.content[0]:d.content[1]])
        else:  # pragma: no cover - every kind is handled above
            append_text(parent, t[d.bracket.start:d.bracket.end])
