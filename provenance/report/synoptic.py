"""The synoptic view: witnesses side by side, row by row, with readings and editorial marks.

Each aligned row holds, for every witness, the text of the segment it aligns there. That text
is cut into pieces at every boundary of a divergence reading or an editorial mark, so that each
piece knows which divergences and which marks cover it. The template writes the pieces; it
escapes every character of them.
"""

from __future__ import annotations

import bisect

from provenance.vocab import CATEGORIES, KINDS  # noqa: F401 (the report's vocabulary, re-exported)

#: Display order of the categories, most serious first.
_RANK = {c: i for i, c in enumerate(CATEGORIES)}

#: What each editorial mark means, in the words a reader of the report needs.
MARK_LABELS = {
    "sic": "[sic]: an error of the original flagged by the editor",
    "corr": "correction proposed by the editor",
    "gap": "gap: illegible or missing in the original",
    "unrendered": "glyphs the source web page could not render",
    "supplied": "words supplied by the translator or editor",
    "gloss": "translator's gloss (modern or regular form)",
    "foreign": "the original-language word",
    "note": "translator's or editor's note",
    "note-original": "a note that is in the original",
    "add": "handwriting added on the original",
    "handshift": "change of hand in the original",
    "stamp": "a stamp or seal on the original",
    "del": "words crossed out in the original",
    "space": "a space left blank in the original",
    "abbr-expansion": "expansion of an abbreviation",
    "unclear": "uncertain reading",
    "label": "label supplied by the editor",
    "bracket": "bracket of unknown role",
}

#: Marks grouped in the legend by how they look.
MARK_GROUPS = [
    ("sic", ["sic", "corr"], "[sic] and corrections"),
    ("supplied", ["supplied", "label"], "supplied by the translator"),
    ("gloss", ["gloss", "foreign", "abbr-expansion"], "glosses and expansions"),
    ("gap", ["gap", "unrendered", "space", "unclear"], "illegible, unrendered, blank"),
    ("add", ["add", "handshift", "stamp", "del"], "handwriting, crossings-out and stamps on the original"),
    ("note", ["note", "note-original", "bracket"], "notes"),
]
_MARK_GROUP = {t: g for g, types, _ in MARK_GROUPS for t in types}


def mark_group(mtype: str) -> str:
    return _MARK_GROUP.get(mtype, "note")


def worst_category(cats) -> str:
    best = None
    for c in cats:
        if best is None or _RANK.get(c, 99) < _RANK.get(best, 99):
            best = c
    return best or ""


class WitnessSpans:
    """The readings and marks of one witness, indexed for slicing by offsets."""

    def __init__(self, wid: str, text: str, divergences: list[dict], marks: list[dict],
                 inner: dict[str, list[tuple[str, bool]]] | None = None):
        self.wid = wid
        self.inner = inner or {}  # divergence id -> its reading cut into (text, differs) pieces
        self.text = text
        self.spans: list[tuple[int, int, str]] = []  # (start, end, divergence id), non-empty
        self.points: list[tuple[int, str]] = []  # zero-width readings: (position, divergence id)
        self.cat: dict[str, str] = {}
        self.kind: dict[str, str] = {}
        self.solo: set[str] = set()
        n = len(text)
        for d in divergences:
            r = (d.get("readings") or {}).get(wid)
            if r is None:
                continue
            did = d["id"]
            self.cat[did] = d.get("category", "")
            self.kind[did] = d.get("kind", "")
            start = max(0, min(int(r.get("start", 0)), n))
            end = max(start, min(int(r.get("end", start)), n))
            others = [o for w, o in d["readings"].items() if w != wid]
            if end == start:
                self.points.append((start, did))
            else:
                self.spans.append((start, end, did))
                if others and all((o.get("text") or "") == "" for o in others):
                    self.solo.add(did)
        self.spans.sort()
        self.points.sort()
        self.marks: list[tuple[int, int, str, str]] = []
        for m in marks or []:
            start = max(0, min(int(m.get("start", 0)), n))
            end = max(start, min(int(m.get("end", start)), n))
            if end > start:
                self.marks.append((start, end, str(m.get("type", "bracket")), str(m.get("content", ""))))
        self.marks.sort()
        self._span_starts = [s[0] for s in self.spans]
        self._mark_starts = [m[0] for m in self.marks]
        self._emitted_points: set[str] = set()
        self.placed: set[str] = set()

    def _overlapping(self, items, starts, s, e, maxlen):
        # items sorted by start; any item overlapping [s, e) starts before e and ends after s
        hi = bisect.bisect_left(starts, e)
        lo = bisect.bisect_left(starts, s - maxlen) if maxlen is not None else 0
        return [it for it in items[max(0, lo):hi] if it[1] > s]

    def pieces(self, s: int, e: int) -> list[dict]:
        """The text of [s, e) cut at every reading and mark boundary."""
        if not hasattr(self, "_maxspan"):
            self._maxspan = max((b - a for a, b, _ in self.spans), default=0)
            self._maxmark = max((b - a for a, b, _, _ in self.marks), default=0)
        spans = self._overlapping(self.spans, self._span_starts, s, e, self._maxspan)
        marks = self._overlapping(self.marks, self._mark_starts, s, e, self._maxmark)
        lo = bisect.bisect_left(self.points, (s, ""))
        points = []
        for pos, did in self.points[lo:]:
            if pos > e:
                break
            if did not in self._emitted_points:
                points.append((pos, did))
        cuts = {s, e}
        for a, b, _ in spans:
            cuts.add(max(a, s))
            cuts.add(min(b, e))
        for a, b, _, _ in marks:
            cuts.add(max(a, s))
            cuts.add(min(b, e))
        for pos, _ in points:
            cuts.add(pos)
        cuts = sorted(cuts)
        out: list[dict] = []
        pi = 0
        for i, a in enumerate(cuts):
            while pi < len(points) and points[pi][0] == a:
                pos, did = points[pi]
                pi += 1
                self._emitted_points.add(did)
                self.placed.add(did)
                out.append({"text": "", "empty": True, "d": did,
                            "cls": f"r gap-here c-{self.cat.get(did, '')} k-{self.kind.get(did, '')}",
                            "title": f"nothing here in {self.wid} ({self.kind.get(did, '')})"})
            if i + 1 >= len(cuts):
                break
            b = cuts[i + 1]
            if b <= a:
                continue
            dids = [did for x, y, did in spans if x <= a and y >= b]
            mks = [(t, c) for x, y, t, c in marks if x <= a and y >= b]
            out.append(self._piece(self.text[a:b], dids, mks))
        # merge neighbours that carry the same annotations
        merged: list[dict] = []
        for p in out:
            if (merged and not p.get("empty") and not merged[-1].get("empty")
                    and merged[-1]["key"] == p["key"]):
                merged[-1]["text"] += p["text"]
            else:
                merged.append(p)
        for p in merged:
            p["inner"] = self.inner_marks(p) if self.inner else None
        return merged

    def _piece(self, text: str, dids: list[str], mks: list[tuple[str, str]]) -> dict:
        cls = []
        title = []
        if dids:
            self.placed.update(dids)
            cat = worst_category(self.cat.get(d, "") for d in dids)
            cls += ["r", f"c-{cat}"]
            kinds = sorted({self.kind.get(d, "") for d in dids})
            cls += [f"k-{k}" for k in kinds if k]
            if all(d in self.solo for d in dids):
                cls.append("solo")
        if mks:
            types = sorted({t for t, _ in mks})
            cls.append("ed")
            cls += sorted({f"ed-{mark_group(t)}" for t in types})
            title += [MARK_LABELS.get(t, t) for t in types]
        key = (tuple(dids), tuple(mks))
        return {"text": text, "empty": False, "d": " ".join(dids), "cls": " ".join(cls),
                "title": "; ".join(title), "key": key}

    def inner_marks(self, piece: dict) -> list[tuple[str, bool]] | None:
        """The differing characters inside a piece that is one whole substitution reading."""
        if piece.get("empty") or not piece.get("d"):
            return None
        for did in piece["d"].split():  # a substitution may sit inside a moved passage
            cut = self.inner.get(did)
            if cut and "".join(t for t, _ in cut) == piece["text"]:
                return cut
        return None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def build_rows(result: dict, inner: dict | None = None) -> tuple[list[dict], dict[str, WitnessSpans]]:
    """The rows of the synoptic view, each with one cell per witness (None where absent).

    ``inner`` (witness id -> divergence id -> (text, differs) pieces) marks the characters that
    differ inside substitutions."""
    witnesses = result.get("witnesses") or []
    divergences = result.get("divergences") or []
    spans = {w["id"]: WitnessSpans(w["id"], w.get("text") or "", divergences, w.get("marks") or [],
                                   (inner or {}).get(w["id"]))
             for w in witnesses}
    segs = {w["id"]: {str(s.get("n")): s for s in (w.get("segments") or [])} for w in witnesses}
    alignment = result.get("alignment") or []
    if not alignment:
        # no structure: one row holding each witness whole
        alignment = [{"row": 0, "segments": {w["id"]: None for w in witnesses}, "_whole": True}]
    rows_div: dict[int, list[str]] = {}
    for d in divergences:
        if d.get("row") is not None:
            rows_div.setdefault(int(d["row"]), []).append(d.get("category", ""))
    rows = []
    for i, arow in enumerate(alignment):
        rno = int(arow.get("row", i))
        cells = []
        label = ""
        for w in witnesses:
            wid = w["id"]
            n = (arow.get("segments") or {}).get(wid)
            if arow.get("_whole"):
                s, e = _trim(spans[wid].text, 0, len(spans[wid].text))
                cells.append({"wid": wid, "n": "", "label": "", "pieces": spans[wid].pieces(s, e), "absent": False})
                continue
            seg = segs[wid].get(str(n)) if n is not None else None
            if seg is None:
                cells.append({"wid": wid, "n": None, "label": "", "pieces": [], "absent": True})
                continue
            s, e = _trim(spans[wid].text, int(seg.get("start", 0)), int(seg.get("end", 0)))
            lab = seg.get("label") or ""
            # drop the label from the text only when the text starts with it
            cells.append({"wid": wid, "n": str(n), "label": lab, "pieces": spans[wid].pieces(s, e),
                          "absent": False})
            if not label:
                label = str(n)
        cats = rows_div.get(rno, [])
        rows.append({"row": rno, "label": label if not label.startswith("p") else "",
                     "cells": cells, "cat": worst_category(cats), "count": len(cats)})
    return rows, spans
