"""The HTML divergence report: one self-contained page rendered from an align result.

Everything the page needs is inline (styles, script, data); it makes no network request and
works from ``file://``. Document text reaches the page in two ways, both escaped:

* the visible text goes through Jinja2 templates with autoescaping on;
* the downloadable data (the align result, the TEI apparatus, the chain result) sits in a
  ``<script type="application/json">`` element whose JSON has every ``<``, ``>`` and ``&``
  written as ``\\u003c``, ``\\u003e``, ``\\u0026`` (see :func:`embed_json`), so no document
  text can close the element.

A Content-Security-Policy admits only the page's own script and style (by hash), so even
markup that slipped through could not run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from provenance.align.chardiff import marked_pieces
from provenance.fileio import shown_path
from provenance.report.provgraph import panel, witness_links
from provenance.report.synoptic import CATEGORIES, KINDS, MARK_GROUPS, build_rows, worst_category
from provenance.resources import template_dir
from provenance.safetext import show_bidi
from provenance.vocab import tool_header

TEMPLATES = template_dir("report")

#: Metadata shown for every witness, in order: label, keys looked up in Witness.meta.
META_FIELDS = [
    ("Title", ("title",)),
    ("Date", ("date", "when", "created")),
    ("Author", ("author", "authors", "sender", "from")),
    ("Recipient", ("recipient", "recipients", "addressee", "to")),
    ("Archive", ("archive", "repository", "archival_location", "location")),
    ("Citation", ("citation", "bibl", "source_citation")),
    ("Classification", ("classification", "original classification", "original_classification")),
]
_META_SKIP = {"text", "body", "segments", "marks", "rights", "funder", "credits", "doubts", "warnings",
              "date_iso"}
_SHORT = 180
_HEAT_BINS = 160
#: How many substantive divergences the opening section lists.
TOP_N = 10


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_shown,
    )
    env.filters["wbr"] = wbr
    return env


def _shown(value):
    """Every value a template prints: document text with its bidirectional controls made visible
    (they would reorder the readings around them); markup of our own as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return show_bidi(value)
    return value


def wbr(value) -> Markup:
    """An id that may break only after its underscores and hyphens, never inside a word."""
    out = str(escape(str(value)))
    for ch in ("_", "-", ".", "/"):
        out = out.replace(ch, ch + "<wbr>")
    return Markup(out)


@lru_cache(maxsize=1)
def _assets() -> dict:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    # the raw assets are ours, but check the one thing that would break the page
    for name, body, end in (("report.css", css, "</style"), ("report.js", js, "</script")):
        if end in body.lower() or "<!--" in body:
            raise ValueError(f"{name} must not contain {end!r} or '<!--'")

    def digest(s: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii")

    csp = ("default-src 'none'; "
           f"script-src '{digest(js)}'; style-src '{digest(css)}'; "
           "img-src data: blob:; base-uri 'none'; form-action 'none'")
    return {"css": Markup(css), "js": Markup(js), "csp": csp}


def embed_json(obj) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` only ever occur inside JSON strings, where ``\\u003c`` etc. mean the
    same characters, so the escaped text parses to the same value and holds no ``<`` at all:
    nothing in it can end the script element or open a comment.
    """
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    s = (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
         .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return Markup(s)


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        if value.get("raw"):
            return str(value["raw"])
        if value.get("text"):
            return str(value["text"])
        return "; ".join(f"{k}: {_fmt(v)}" for k, v in sorted(value.items()) if v not in (None, "", [], {}))
    if isinstance(value, (list, tuple)):
        return "; ".join(_fmt(v) for v in value if v not in (None, "", [], {}))
    return str(value)


def _meta_rows(meta: dict) -> list[tuple[str, str]]:
    """The metadata of one witness as (label, value): the usual fields first, then the rest."""
    rows = []
    used = set()
    for label, keys in META_FIELDS:
        val = ""
        for k in keys:
            if k in meta and meta[k] not in (None, "", [], {}):
                val = _fmt(meta[k])
                used.add(k)
                break
        if label == "Date" and meta.get("date_iso") and str(meta["date_iso"]) not in val:
            val = f"{val} ({meta['date_iso']})" if val else str(meta["date_iso"])
        rows.append((label, val))
    for k in sorted(meta):
        if k in used or k in _META_SKIP or meta[k] in (None, "", [], {}):
            continue
        if any(k in keys for _, keys in META_FIELDS):
            continue
        val = _fmt(meta[k])
        if val and len(val) <= 400:
            rows.append((k.replace("_", " ").capitalize(), val))
    return rows


def _short(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "\u2026"


def _doc_order(result: dict) -> list[dict]:
    wids = [w["id"] for w in result.get("witnesses") or []]

    def key(d):
        row = d.get("row")
        pos = []
        for wid in wids:
            r = (d.get("readings") or {}).get(wid)
            pos.append(int(r.get("start", 0)) if r else 1 << 60)
        return (row if row is not None else 1 << 60, pos, d.get("id", ""))

    return sorted(result.get("divergences") or [], key=key)


def _heat(result: dict, numbering: dict[str, int], spans) -> list[dict]:
    strips = []
    for w in result.get("witnesses") or []:
        wid = w["id"]
        n = max(1, len(w.get("text") or ""))
        bins = [0.0] * _HEAT_BINS
        marks = []
        for d in result.get("divergences") or []:
            r = (d.get("readings") or {}).get(wid)
            if r is None:
                continue
            start = max(0, min(int(r.get("start", 0)), n))
            end = max(start, min(int(r.get("end", start)), n))
            weight = max(0.15, float(d.get("severity") or 0))
            b0 = min(_HEAT_BINS - 1, start * _HEAT_BINS // n)
            b1 = min(_HEAT_BINS - 1, max(b0, (end - 1) * _HEAT_BINS // n))
            for b in range(b0, b1 + 1):
                bins[b] += weight / (b1 - b0 + 1)
            x = 1000.0 * start / n
            width = max(2.5, min(1000.0 * (end - start) / n, 1000.0 - x))
            marks.append({"d": d["id"], "x": round(min(x, 997.5), 1), "w": round(width, 1),
                          "cat": d.get("category", ""), "n": numbering[d["id"]],
                          "title": f"#{numbering[d['id']]} {d.get('category', '')} {d.get('kind', '')}: "
                                   f"{_short(r.get('text') or '(nothing)')[:60]}"})
        top = max(bins) or 1.0
        cells = []
        for i, v in enumerate(bins):
            if v > 0:
                cells.append({"x": round(i * 1000.0 / _HEAT_BINS, 2), "w": round(1000.0 / _HEAT_BINS + 0.2, 2),
                              "o": round(0.06 + 0.3 * math.sqrt(v / top), 3)})
        # draw the most serious marks last, so they stay on top
        marks.sort(key=lambda m: (-CATEGORIES.index(m["cat"]) if m["cat"] in CATEGORIES else -99, m["x"]))
        strips.append({"wid": wid, "cells": cells, "marks": marks})
    return strips


def _table(result: dict, ordered: list[dict], numbering: dict[str, int], spans) -> list[dict]:
    wids = [w["id"] for w in result.get("witnesses") or []]
    base = (result.get("settings") or {}).get("base") or (wids[0] if wids else "")
    out = []
    for d in ordered:
        reads = []
        segs = []
        for wid in wids:
            r = (d.get("readings") or {}).get(wid)
            if r is None:
                reads.append({"wid": wid, "text": "", "short": "", "missing": True, "empty": True,
                              "full": "", "placed": False})
                continue
            text = r.get("text") or ""
            short = _short(text)
            pieces = marked_pieces(d, wid, base) if len(text) <= _SHORT else None
            reads.append({"wid": wid, "text": text, "short": short, "empty": text == "", "missing": False,
                          "full": text if short != " ".join(text.split()) else "",
                          "pieces": pieces, "placed": d["id"] in spans[wid].placed})
            seg = r.get("segment")
            if seg not in (None, "") and str(seg) not in segs:
                segs.append(str(seg))
        flags = sorted(str(f) for f in (d.get("flags") or []))
        related = [r for r in (d.get("related") or []) if r in numbering]
        sev = float(d.get("severity") or 0)
        out.append({
            "id": d["id"], "n": numbering[d["id"]], "kind": d.get("kind", ""),
            "category": d.get("category", ""), "flags": flags, "severity": sev,
            "sev_w": round(40 * max(0.0, min(1.0, sev)), 1),
            "readings": reads, "where": "header" if d.get("layer") == "header" else " / ".join(segs),
            "row": d.get("row"),
            "related": [{"id": r, "n": numbering[r]} for r in related],
            "reason": d.get("reason") or "",
        })
    return out


def by_severity(table: list[dict]) -> list[dict]:
    """The table rows most severe first (then in the order of the text)."""
    return sorted(table, key=lambda t: (-t["severity"], t["n"]))


def top_changes(table: list[dict], limit: int = TOP_N) -> list[dict]:
    """The most severe substantive divergences, at most ``limit``: what a reader looks at first."""
    return [t for t in by_severity(table) if t["category"] == "substantive"][:limit]


def _summary(result: dict, table: list[dict]) -> dict:
    by_cat = {c: 0 for c in CATEGORIES}
    by_kind = {k: 0 for k in KINDS}
    cross = {c: {k: 0 for k in KINDS} for c in CATEGORIES}
    flags: dict[str, int] = {}
    for d in table:
        by_cat[d["category"]] = by_cat.get(d["category"], 0) + 1
        by_kind[d["kind"]] = by_kind.get(d["kind"], 0) + 1
        cross.setdefault(d["category"], {k: 0 for k in KINDS})
        cross[d["category"]][d["kind"]] = cross[d["category"]].get(d["kind"], 0) + 1
        for f in d["flags"]:
            flags[f] = flags.get(f, 0) + 1
    kinds = list(KINDS) + sorted(k for k in by_kind if k not in KINDS)
    cats = list(CATEGORIES) + sorted(c for c in by_cat if c not in CATEGORIES)
    return {"total": len(table), "by_category": [(c, by_cat.get(c, 0)) for c in cats],
            "by_kind": [(k, by_kind.get(k, 0)) for k in kinds],
            "cross": [(c, [cross.get(c, {}).get(k, 0) for k in kinds]) for c in cats],
            "kinds": kinds, "flags": sorted(flags.items())}


def _settings_rows(result: dict, settings: dict) -> list[tuple[str, str]]:
    merged = dict(result.get("settings") or {})
    merged.update(settings or {})
    rows = []
    for k in sorted(merged):
        v = merged[k]
        rows.append((k, _fmt(v) if v not in (None, "", [], {}) else "(none)"))
    return rows


def _shown_chain(chain: dict | None) -> dict | None:
    """The chain result with its paths as outputs show them (never absolute)."""
    if not chain:
        return chain
    docs = [{**d, "path": shown_path(d.get("path"))} if "path" in d else d for d in chain.get("documents") or []]
    return {**chain, "documents": docs}


def sigil(i: int) -> str:
    """A, B, ... Z, then A1, B1, ...: the short names of the witnesses on the page."""
    return chr(65 + i % 26) + (str(i // 26) if i >= 26 else "")


def report_title(result: dict) -> str:
    ids = [w["id"] for w in result.get("witnesses") or []]
    return "Divergences: " + " \u2192 ".join(ids)


def render_report(align_result: dict, chain_result: dict | None, settings: dict, run_time: str,
                  tei: str | None = None) -> str:
    """The report as one HTML page (a string).

    ``align_result`` follows the align contract; ``chain_result`` the chain contract (or None
    when copy chains were not extracted); ``settings`` are shown beside the align settings;
    ``run_time`` (None: not recorded) is printed in the head and is the only part of the page
    that can change between two runs on the same inputs; ``tei`` is the TEI apparatus offered for download.
    """
    # keys starting with "_" are the align engine's internal helpers, not part of the result
    result = {k: v for k, v in align_result.items() if not k.startswith("_")}
    witnesses = result.get("witnesses") or []
    ordered = _doc_order(result)
    numbering = {d["id"]: i + 1 for i, d in enumerate(ordered)}
    base = (result.get("settings") or {}).get("base") or (witnesses[0]["id"] if witnesses else "")
    inner: dict[str, dict] = {}
    for d in ordered:
        for wid in (d.get("readings") or {}):
            cut = marked_pieces(d, wid, base)
            if cut:
                inner.setdefault(wid, {})[d["id"]] = cut
    rows, spans = build_rows(result, inner)
    table = _table(result, ordered, numbering, spans)
    # the synoptic view opens at the first substantive change of the text (a header's is not in it)
    in_header = {d["id"] for d in ordered if d.get("layer") == "header"}
    first_sub = next((t["id"] for t in table if t["category"] == "substantive" and t["id"] not in in_header), "")
    top = top_changes(table)
    table = by_severity(table)
    summary = _summary(result, table)
    heat = _heat(result, numbering, spans)
    wit_view = []
    meta_labels = [label for label, _ in META_FIELDS]
    for i, w in enumerate(witnesses):
        text = w.get("text") or ""
        rows_meta = _meta_rows(w.get("meta") or {})
        for label, _ in rows_meta:
            if label not in meta_labels:
                meta_labels.append(label)
        wit_view.append({
            "id": w["id"], "path": shown_path(w.get("path")), "sha256": w.get("sha256") or "",
            "kind": w.get("kind") or "", "base": w["id"] == base, "sigil": sigil(i),
            "meta": dict(rows_meta),
            "title": _fmt((w.get("meta") or {}).get("title")),
            "date": _fmt((w.get("meta") or {}).get("date")),
            "date_iso": _fmt((w.get("meta") or {}).get("date_iso")),
            "chars": len(text), "words": len(text.split()),
            "segments": len(w.get("segments") or []), "marks": len(w.get("marks") or []),
        })
    prov = [panel(chain_result, w["id"], w.get("path")) for w in witnesses]
    links = witness_links(wit_view, chain_result)
    flags = [f for f, _ in summary["flags"]]
    data = {"result": result, "tei": tei, "chain": _shown_chain(chain_result)}
    names = "--".join(w["id"] for w in witnesses) or "report"
    assets = _assets()
    tool = result.get("tool") or tool_header()
    page = _environment().get_template("report.html.j2").render(
        title=report_title(result), tool=tool, run_time=run_time, base=base,
        settings=_settings_rows(result, settings), witnesses=wit_view, meta_labels=meta_labels, ncols=len(witnesses),
        summary=summary, heat=heat, rows=rows, table=table, prov=prov, links=links, top=top, first_sub=first_sub,
        substantive=sum(1 for t in table if t["category"] == "substantive"),
        categories=CATEGORIES, kinds=summary["kinds"], flags=flags, mark_groups=MARK_GROUPS,
        data=embed_json(data), has_tei=bool(tei), has_chain=chain_result is not None,
        download_base=names, css=assets["css"], js=assets["js"], csp=assets["csp"],
        worst=worst_category,
    )
    return page
