"""Scoring of the converter's editorial marks against the expected encodings of tests/data/heldout.

``score(path, expected)`` ingests a transcription and says, for each expected mark, whether the TEI
holds an element of the expected kind with the expected text and attributes (each element matched
once, in document order).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree

from provenance.ingest import ingest_file, ingest_text
from provenance.textback import tei_to_text

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
TUNE_FILES = ("h01", "h02", "h03", "h04")


def norm(s: str | None) -> str:
    """Whitespace collapsed, and none before punctuation (where an element such as a gap stood)."""
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", s or "")).strip()


def text_of(el) -> str:
    """The element's text, without what describes a gap (its ``desc``: "signature" is no word of the text)."""
    return norm("".join(_text_parts(el)))


def _text_parts(el):
    if el.text and el.tag != f"{TEI}desc":
        yield el.text
    for child in el:
        if child.tag != f"{TEI}desc":
            yield from _text_parts(child)
        if child.tail:
            yield child.tail


def _attrs_ok(el, attrs: dict) -> bool:
    for k, v in attrs.items():
        key = XML_LANG if k == "xml:lang" else k
        if norm(el.get(key)) != norm(v):
            return False
    return True


def _matches(el, exp: dict) -> bool:
    tag = el.tag.replace(TEI, "") if isinstance(el.tag, str) else ""
    want = exp["element"]
    if tag != want or not _attrs_ok(el, exp.get("attrs") or {}):
        return False
    if want in ("placeName", "persName"):
        orig = el.find(f".//{TEI}orig")
        regs = [text_of(r) for r in el.findall(f".//{TEI}reg")]
        return orig is not None and text_of(orig) == norm(exp["orig"]) and regs == [norm(r) for r in exp["reg"]]
    if want == "choice":
        abbr, expan = el.find(f"{TEI}abbr"), el.find(f"{TEI}expan")
        return abbr is not None and expan is not None and text_of(abbr) == norm(exp["abbr"]) \
            and text_of(expan) == norm(exp["expan"])
    if want == "corr":
        parent = el.getparent()
        sic = parent.find(f"{TEI}sic") if parent is not None else None
        return text_of(el) == norm(exp["text"]) and sic is not None and text_of(sic) == norm(exp.get("sic"))
    if want in ("gap", "space", "handShift"):
        return True
    return text_of(el) == norm(exp.get("text"))


def expected_marks(folder: Path = HELDOUT) -> list[dict]:
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))


def score(path: Path, expected: list[dict]) -> list[tuple[dict, bool]]:
    res = ingest_file(path)
    root = etree.fromstring(res.tei_bytes())
    body = root.find(f".//{TEI}text")
    elements = [el for el in body.iter() if isinstance(el.tag, str)]
    used: set[int] = set()
    out = []
    for exp in expected:
        hit = None
        for k, el in enumerate(elements):
            if k not in used and _matches(el, exp):
                hit = k
                break
        if hit is not None:
            used.add(hit)
        out.append((exp, hit is not None))
    return out


def score_files(prefixes, folder: Path = HELDOUT) -> list[tuple[dict, bool]]:
    exp = expected_marks(folder)
    out = []
    for f in sorted(folder.glob("h*.txt")):
        if not f.name.startswith(tuple(prefixes)):
            continue
        out.extend(score(f, [e for e in exp if e["file"] == f.name]))
    return out


def snippet(text: str):
    """``text`` converted as the body of a short report: the TEI body, its XML without namespaces and
    with spaces collapsed, and the edition read back from the TEI (which must hold ``text`` unchanged)."""
    result = ingest_text("Report on the situation\n\n" + text + "\n", "t.txt")
    body = result.tree.getroot().find(f".//{TEI}body")
    xml = re.sub(r"\s+", " ", re.sub(r' xmlns(:\w+)?="[^"]+"', "", etree.tostring(body, encoding=str)))
    return body, xml, tei_to_text(result.tree)


if __name__ == "__main__":
    import sys

    args = sys.argv[1:]
    folder = Path(args.pop(0)) if args and Path(args[0]).is_dir() else HELDOUT   # another folder of the same shape
    results = score_files(args or (list(TUNE_FILES) if folder == HELDOUT else ["h"]), folder)
    ok = sum(1 for _e, hit in results if hit)
    for e, hit in results:
        if not hit:
            print("MISS", e["file"], e["element"], e["mark"][:70], "| before:", e["before"][-30:].replace("\n", " "))
    print(f"{ok}/{len(results)} marks encoded as expected ({100 * ok / max(1, len(results)):.1f}%)")

