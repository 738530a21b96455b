"""Loading witnesses for comparison: transcriptions, TEI files and plain texts.

* a transcription (.txt, .md): converted on the fly; ``text`` is the source as read, segments
  are the body's points and paragraphs, marks are its editorial brackets (offsets into the source);
* a TEI file (.xml): ``text`` is the edition layer read back from the TEI (see textback), with
  segments for its blocks and marks for its editorial elements (offsets into that text);
* a plain text (``plain_witness``): one paragraph per line, as in the Darwin editions.
"""

from __future__ import annotations

from pathlib import Path

from provenance.errors import InputError
from provenance.fileio import (
    MAX_TEXT_BYTES, XML_SUFFIXES, decode_text, read_bytes, read_xml, sha256_bytes,
)
from provenance.model import Mark, Segment, Witness


def load_witness(path, wid: str | None = None, encoding: str | None = None) -> Witness:
    """A witness from a transcription or a TEI file; its id is the file stem unless given."""
    p = Path(path)
    if p.suffix.lower() in XML_SUFFIXES:
        w = tei_witness(p)
    else:
        from provenance.ingest import ingest_file

        w = ingest_file(p, encoding=encoding).witness
    if wid:
        w.id = wid
    return w


def tei_witness(path) -> Witness:
    from provenance.ingest.blocks import structure
    from provenance.ingest.brackets import Classifier
    from provenance.ingest.inline import Context, InlineBuilder
    from provenance.textback import tei_body, tei_to_text
    from lxml import etree

    p = Path(path)
    data, tree = read_xml(p)
    if tei_body(tree) is None:
        raise InputError("has no TEI text/body", str(p))
    text = tei_to_text(tree, "edition")
    # the edition layer has the brackets back: structure and marks come as for a transcription
    blocks = structure(text, 0, len(text))
    ctx = Context(text=text, doc_id=p.stem, path=str(p), classifier=Classifier())
    ib = InlineBuilder(ctx)
    scratch = etree.Element("scratch")
    segments = []
    pn = 0
    parts: dict[str, int] = {}
    for b in blocks:
        ib.fill(scratch, b.start, b.end)
        scratch.clear()  # only the marks are kept: a text grown over every block would cost n^2
        if b.n:
            parts[b.n] = parts.get(b.n, 0) + 1
            n = b.n if not b.continuation else f"{b.n}/{parts[b.n]}"
        else:
            pn += 1
            n = f"p{pn}"
        segments.append(Segment(n, "item" if b.role == "point" else "p", b.start, b.end,
                                text[b.label[0]:b.label[1]] if b.label else ""))
    meta = tei_meta(tree)
    return Witness(id=p.stem, path=str(p), text=text, segments=segments,
                   marks=sorted((Mark(t, s, e, c, tg, r) for (t, s, e, c, tg, r) in ctx.marks), key=lambda m: m.start),
                   meta=meta, sha256=sha256_bytes(data), kind="tei")


def tei_meta(tree) -> dict:
    """What a TEI header says of its document, whitespace-normalized, empty values left out:
    ``title``, ``date_iso`` (creation/date/@when), ``date`` (as written), ``citation`` (the
    sourceDesc bibl), ``summary``, ``classification``, ``translator``, ``author`` (senders) and
    ``recipient`` (header addressees)."""
    from provenance import TEI_NS

    ns = {"t": TEI_NS}
    root = tree.getroot()

    def first(xp):
        r = root.xpath(xp, namespaces=ns)
        if not r:
            return ""
        v = r[0]
        return " ".join((v if isinstance(v, str) else "".join(v.itertext())).split())

    meta = {"title": first("//t:titleStmt/t:title"), "date_iso": first("//t:profileDesc/t:creation/t:date/@when"),
            "date": first("//t:profileDesc/t:creation/t:date"), "citation": first("//t:sourceDesc/t:bibl"),
            "summary": first("//t:msContents/t:summary"),
            "classification": first("//t:term[@type='classification']"),
            "translator": first("//t:respStmt[@xml:id='translator']/t:persName")}
    senders = root.xpath("//t:correspAction[@type='sent']/*[self::t:persName or self::t:orgName]", namespaces=ns)
    if senders:
        meta["author"] = ", ".join(" ".join("".join(x.itertext()).split()) for x in senders)
    heads = root.xpath("//t:correspAction[@type='received'][not(@subtype) or @subtype='header']"
                       "/*[self::t:persName or self::t:orgName]", namespaces=ns)
    if heads:
        meta["recipient"] = ", ".join(dict.fromkeys(" ".join("".join(x.itertext()).split()) for x in heads))
    return {k: v for k, v in meta.items() if v}


def plain_witness(path, wid: str | None = None, encoding: str | None = None) -> Witness:
    """A plain text with one paragraph per line (blank lines ignored)."""
    p = Path(path)
    data = read_bytes(p, MAX_TEXT_BYTES)
    text = decode_text(data, str(p), encoding)
    segments = []
    pos = 0
    k = 0
    for line in text.split("\n"):
        if line.strip():
            k += 1
            s = pos + len(line) - len(line.lstrip())
            segments.append(Segment(f"p{k}", "p", s, pos + len(line.rstrip())))
        pos += len(line) + 1
    return Witness(id=wid or p.stem, path=str(p), text=text, segments=segments, marks=[], meta={},
                   sha256=sha256_bytes(data), kind="plain")
