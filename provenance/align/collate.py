"""Collation of N witnesses: every witness compared with the base, merged into variation units.

The result follows the align contract (``schemas/align.schema.json``): witnesses with their
text, segments and marks; aligned rows of segments; divergences with readings whose offsets
index into each witness's text. With two witnesses each divergence is one edit of the pairwise
comparison; with more, the edits of all witnesses that overlap in the base are merged into one
variation unit with a reading for every witness.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass

from provenance.align.classify import most_severe
from provenance.align.header import header_divergences
from provenance.align.pairwise import PairResult, compare
from provenance.align.result import Comparison
from provenance.align.tokenize import KeyTable, TokenStream, int_array, tokenize
from provenance.errors import UsageError
from provenance.fileio import shown_path
from provenance.vocab import CATEGORIES, KINDS, tool_header



# ---- positions -----------------------------------------------------------------------------
class Positions:
    """Slot ranges of one token stream -> character offsets and segments."""

    def __init__(self, ts: TokenStream):
        self.ts = ts
        idx = ts.text_idx
        if ts.all_text:   # the token arrays are the text layer's (read only from here on)
            self.tstart, self.tend, self.tseg = ts.starts, ts.ends, ts.seg
        else:
            self.tstart = int_array(map(ts.starts.__getitem__, idx))
            self.tend = int_array(map(ts.ends.__getitem__, idx))
            self.tseg = [ts.seg[t] for t in idx]
        self.n = len(idx)
        self.groups = ts.groups
        self.text = ts.witness.text
        segs = ts.witness.segments
        self.seg_n = [s.n for s in segs]

    def _group_span(self, k):
        g = self.groups.get(k)
        if g:
            return g[0][0], g[-1][1]
        return None

    def _point(self, q: int) -> int:
        """Character position of the slot boundary ``q`` (for empty readings)."""
        k = q // 2
        if q % 2 == 1:  # just before token k, after the marks of boundary k
            g = self._group_span(k)
            if g:
                return g[1]
        if k > 0 and k - 1 < self.n:
            return self.tend[k - 1]
        if self.n:
            return self.tstart[0] if k == 0 else self.tend[-1]
        return 0

    def _item(self, q: int):
        """The (start, end) of what stands in slot ``q``: a text token or a group of marks."""
        if q % 2 == 1:
            t = (q - 1) // 2
            return (self.tstart[t], self.tend[t]) if t < self.n else None
        return self._group_span(q // 2)

    def span(self, s: int, e: int) -> tuple[int, int]:
        first = last = None
        q = s
        while q < e:
            first = self._item(q)
            if first:
                break
            q += 1
        if first is None:
            p = self._point(s)
            return p, p
        q = e - 1
        while q >= s:
            last = self._item(q)
            if last:
                break
            q -= 1
        return first[0], max(first[0], last[1])

    def segment(self, s: int, e: int) -> str | None:
        if not self.seg_n or not self.n:
            return None
        t = (s - 1) // 2 if s % 2 == 1 else s // 2
        if e <= s and s % 2 == 0:
            t = s // 2 - 1
        t = max(0, min(t, self.n - 1))
        si = self.tseg[t]
        return self.seg_n[si] if si >= 0 else None

    def reading(self, s: int, e: int) -> dict:
        cs, ce = self.span(s, e)
        return {"text": self.text[cs:ce], "start": cs, "end": ce, "segment": self.segment(s, e)}


# ---- helpers -------------------------------------------------------------------------------
def _did(kind: str, readings: dict) -> str:
    raw = kind + "|" + "|".join(f"{w}:{r['start']}:{r['end']}" for w, r in sorted(readings.items()))
    return "d-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def _witness_json(w) -> dict:
    return {
        "id": w.id, "path": shown_path(w.path), "sha256": w.sha256, "kind": w.kind, "meta": w.meta, "text": w.text,
        "segments": [{"n": s.n, "kind": s.kind, "start": s.start, "end": s.end, "label": s.label}
                     for s in w.segments],
        "marks": [{"type": m.type, "start": m.start, "end": m.end, "content": m.content}
                  for m in w.marks],
    }


@dataclass
class Unit:
    s: int
    e: int
    members: list  # (witness index, Edit)


def _units(pairs: list[PairResult]) -> list[Unit]:
    """Union of the base slot ranges of every edit of every witness (zero-width ones join neighbours)."""
    items = []
    for wi, pr in enumerate(pairs, 1):
        for e in pr.edits:
            items.append((e.a[0], e.a[1], wi, e))
    items.sort(key=lambda x: (x[0], x[1]))
    units: list[Unit] = []
    for s, e, wi, ed in items:
        if units:
            u = units[-1]
            zero = s == e or u.s == u.e
            if s < u.e or (zero and s <= u.e):
                u.e = max(u.e, e)
                u.members.append((wi, ed))
                continue
        units.append(Unit(s, e, [(wi, ed)]))
    return units


def witness_ranges(units: list[Unit], pr: PairResult, wi: int, nbase: int) -> list[tuple[int, int]]:
    """The witness slot range of every unit, walking units and the witness's edits in order.

    Between edits, base and witness slots correspond one to one, so a base boundary maps from
    the nearest anchor before it: the last matched token or the end of the last edit.
    """
    m = [-1] * nbase
    for i, j, k in pr.blocks:
        for t in range(k):
            m[i + t] = j + t
    last = [-1] * nbase          # last matched token at or before t
    cur = -1
    for t in range(nbase):
        if m[t] >= 0:
            cur = t
        last[t] = cur
    prev = (0, 0)                # (base slot, witness slot) at the end of the last edit seen

    def at(q: int, anchor: tuple[int, int]) -> int:
        t = min((q - 2) // 2, nbase - 1) if q >= 2 else -1   # tokens whose slot 2t+1 < q
        lt = last[t] if t >= 0 else -1
        if lt >= 0 and 2 * lt + 1 >= anchor[0]:
            return 2 * m[lt] + 1 + (q - 2 * lt - 1)
        return anchor[1] + (q - anchor[0])

    out = []
    for u in units:
        mine = [e for w, e in u.members if w == wi]
        ws = at(u.s, prev)
        if mine:
            ws = min([ws] + [e.b[0] for e in mine]) if mine[0].a[0] > u.s else min(e.b[0] for e in mine)
            endm = max(mine, key=lambda e: (e.a[1], e.b[1]))
            prev = (endm.a[1], endm.b[1])
        we = max(ws, at(u.e, prev))
        if mine:
            we = max(we, max(e.b[1] for e in mine))
        out.append((ws, we))
    return out


# ---- the result ----------------------------------------------------------------------------
def collate(witnesses, lexicon, lexicon_sources=None) -> Comparison:
    """Align ``witnesses`` (the first is the base) and build the comparison."""
    if len(witnesses) < 2:
        raise UsageError("align needs at least two witnesses")
    ids = [w.id for w in witnesses]
    if len(set(ids)) != len(ids):
        dup = next(i for i, c in Counter(ids).items() if c > 1)
        raise UsageError(f"two witnesses have the same id {dup!r}; give ids with --id")
    lexicon = lexicon.with_witnesses(witnesses) if lexicon is not None else None
    table = KeyTable(lexicon)
    streams = [tokenize(w, table) for w in witnesses]
    pos = [Positions(ts) for ts in streams]
    base = streams[0]
    pairs = [compare(base, ts, lexicon) for ts in streams[1:]]
    rows, seg_row = _rows(streams, pairs)

    def row_of(readings: dict) -> int:
        r = readings.get(ids[0])
        if r and r["segment"] is not None and (r["end"] > r["start"] or not any(
                x["end"] > x["start"] for x in readings.values())):
            return seg_row.get((ids[0], r["segment"]), 0)
        for wid in ids[1:]:
            x = readings.get(wid)
            if x and x["end"] > x["start"] and x["segment"] is not None:
                return seg_row.get((wid, x["segment"]), 0)
        if r and r["segment"] is not None:
            return seg_row.get((ids[0], r["segment"]), 0)
        return 0

    divergences = []
    # transpositions: one divergence per moved passage and witness
    for wi, pr in enumerate(pairs, 1):
        for ea, eb, info, inner in pr.moves:
            rd = {ids[0]: pos[0].reading(*ea.a), ids[wi]: pos[wi].reading(*eb.b)}
            dm = _div("transposition", info, rd, row_of(rd))
            divergences.append(dm)
            for e in inner:
                rd = {ids[0]: pos[0].reading(*e.a), ids[wi]: pos[wi].reading(*e.b)}
                di = _div(e.kind, e.info, rd, row_of(rd), e.layer)
                di["related"] = [dm["id"]]
                dm["related"].append(di["id"])
                divergences.append(di)
    if len(witnesses) == 2:
        for e in pairs[0].edits:
            if e.layer == "move":
                continue
            rd = {ids[0]: pos[0].reading(*e.a), ids[1]: pos[1].reading(*e.b)}
            divergences.append(_div(e.kind, e.info, rd, row_of(rd), e.layer))
        units = None
    else:
        units = _units(pairs)
        ranges = unit_ranges(units, pairs, pos[0].n)
        for ui, u in enumerate(units):
            rd = unit_readings(u, ranges[ui], ids, pos)
            members = [e for _wi, e in u.members if e.layer != "move"]
            if not members:
                continue
            info = most_severe([e.info for e in members])
            base_empty = rd[ids[0]]["start"] == rd[ids[0]]["end"]
            others_empty = [r["start"] == r["end"] for w, r in rd.items() if w != ids[0]]
            kind = "addition" if base_empty else ("omission" if any(others_empty) else "substitution")
            layers = {e.layer for e in members}
            divergences.append(_div(kind, info, rd, row_of(rd), "editorial" if layers == {"editorial"} else "text"))
    for kind, info, rd in header_divergences(witnesses, lexicon):
        divergences.append(_div(kind, info, rd, 0, "header"))
    # unique, stable ids; order by position in the base, then by witness
    divergences.sort(key=lambda d: (d["readings"][ids[0]]["start"], d["readings"][ids[0]]["end"],
                                    KINDS.index(d["kind"]), d["id"]))
    seen = Counter()
    for d in divergences:
        seen[d["id"]] += 1
        if seen[d["id"]] > 1:
            d["id"] = f"{d['id']}-{seen[d['id']]}"
    summary = {
        "total": len(divergences),
        "by_category": {c: sum(d["category"] == c for d in divergences) for c in CATEGORIES},
        "by_kind": {k: sum(d["kind"] == k for d in divergences) for k in KINDS},
        "tokens": {w.id: len(ts.text_idx) for w, ts in zip(witnesses, streams)},
        "matched": {ids[wi]: sum(k for _i, _j, k in pr.blocks) for wi, pr in enumerate(pairs, 1)},
    }
    return Comparison(
        tool=tool_header(),
        settings={"lexicon": list(lexicon_sources or getattr(lexicon, "sources", [])), "base": ids[0]},
        witnesses=[_witness_json(w) for w in witnesses],
        alignment=rows,
        divergences=divergences,
        summary=summary,
        units=units, pairs=pairs, positions=pos)


def _div(kind, info, readings, row, layer="text") -> dict:
    d = {"id": _did(kind, readings), "kind": kind, "category": info["category"], "flags": list(info["flags"]),
         "severity": info["severity"], "readings": readings, "row": row, "related": [],
         "reason": info["reason"], "layer": layer}
    return d


def unit_ranges(units, pairs, nbase) -> list[dict[int, tuple[int, int]]]:
    per_w = [witness_ranges(units, pr, wi, nbase) for wi, pr in enumerate(pairs, 1)]
    return [{wi: per_w[wi - 1][k] for wi in range(1, len(pairs) + 1)} for k in range(len(units))]


def unit_readings(u: Unit, ranges: dict, ids, pos) -> dict:
    rd = {ids[0]: pos[0].reading(u.s, u.e)}
    for wi in range(1, len(ids)):
        rd[ids[wi]] = pos[wi].reading(*ranges[wi])
    return rd


def _rows(streams, pairs):
    """Rows of aligned segments, in the base's reading order, with each witness's own segments added."""
    base = streams[0]
    nseg0 = len(base.witness.segments)
    ids = [ts.witness.id for ts in streams]
    best: list[dict[int, int]] = []
    for pr in pairs:
        bt = base.seg if base.all_text else [base.seg[t] for t in base.text_idx]
        wt = pr.b.seg if pr.b.all_text else [pr.b.seg[t] for t in pr.b.text_idx]
        cnt: Counter = Counter()
        for i, j, k in pr.blocks:
            cnt.update(zip(bt[i:i + k], wt[j:j + k]))
        pick: dict[int, int] = {}
        weight: dict[int, int] = {}
        for (sa, sb), c in sorted(cnt.items()):
            if sa < 0 or sb < 0:
                continue
            if c > weight.get(sa, 0):
                weight[sa] = c
                pick[sa] = sb
        best.append(pick)
    rows = []
    used = [set() for _ in pairs]
    where: list[dict[int, int]] = [dict() for _ in pairs]
    for s in range(nseg0):
        seg = {ids[0]: base.witness.segments[s].n}
        for wi, pick in enumerate(best):
            sb = pick.get(s)
            if sb is not None and sb not in used[wi]:
                used[wi].add(sb)
                where[wi][sb] = len(rows)
                seg[ids[wi + 1]] = streams[wi + 1].witness.segments[sb].n
            else:
                seg[ids[wi + 1]] = None
        rows.append(seg)
    # segments of other witnesses that no base segment took: a row after their predecessor
    extra: dict[int, list] = defaultdict(list)
    for wi in range(len(pairs)):
        wsegs = streams[wi + 1].witness.segments
        last_row = -1
        for sb in range(len(wsegs)):
            if sb in where[wi]:
                last_row = where[wi][sb]
                continue
            seg = {w: None for w in ids}
            seg[ids[wi + 1]] = wsegs[sb].n
            extra[last_row].append(seg)
    final = [*extra.get(-1, [])]
    for r, seg in enumerate(rows):
        final.append(seg)
        final.extend(extra.get(r, []))
    out = []
    seg_row = {}
    for r, seg in enumerate(final):
        out.append({"row": r, "segments": seg})
        for w, n in seg.items():
            if n is not None:
                seg_row.setdefault((w, n), r)
    return out, seg_row
