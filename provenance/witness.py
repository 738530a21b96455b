"""The witness of a document: what a comparison aligns.

* a transcription: ``text`` is the source as read, segments are the body's points and
  paragraphs, marks are its editorial brackets (offsets into the source), all from its TEI
  conversion (``ingest.ingest_document``, done once per document and run);
* a TEI file: ``text`` is the edition layer read back from the TEI, with segments for its blocks
  and marks for its editorial elements (offsets into that text);
* a plain text: one paragraph per line, as in the Darwin editions.
"""

from __future__ import annotations

import dataclasses

from lxml import etree

from provenance.document import Document, load_document
from provenance.ingest import ingest_document
from provenance.ingest.blocks import structure
from provenance.ingest.brackets import Classifier
from provenance.ingest.inline import Context, InlineBuilder
from provenance.model import Mark, Segment, Witness

__all__ = ["witness_of", "load_witness", "plain_witness"]


def witness_of(doc: Document, wid: str | None = None) -> Witness:
    """The witness of ``doc`` (computed once per document); its id is the file stem unless given."""
    w = doc.part("witness", _witness)
    return dataclasses.replace(w, id=wid or w.id, segments=list(w.segments), marks=list(w.marks),
                               meta=dict(w.meta))


def load_witness(path, wid: str | None = None, encoding: str | None = None) -> Witness:
    """The witness of one transcription or TEI file (by its suffix)."""
    return witness_of(load_document(path, encoding=encoding), wid)


def plain_witness(path, wid: str | None = None, encoding: str | None = None) -> Witness:
    """The witness of a plain text with one paragraph per line (blank lines ignored)."""
    return witness_of(load_document(path, "plain", encoding), wid)


def _witness(doc: Document) -> Witness:
    if doc.kind == "transcription":
        return ingest_document(doc).witness
    if doc.kind == "tei":
        return _tei_witness(doc)
    return _plain_witness(doc)


def _tei_witness(doc: Document) -> Witness:
    text = doc.text
    # the edition layer has the brackets back: structure and marks come as for a transcription
    blocks = structure(text, 0, len(text))
    ctx = Context(text=text, doc_id=doc.id, path=doc.path, classifier=Classifier())
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
    return Witness(id=doc.id, path=doc.path, text=text, segments=segments,
                   marks=sorted((Mark(t, s, e, c, tg, r) for (t, s, e, c, tg, r) in ctx.marks), key=lambda m: m.start),
                   meta=dict(doc.header), sha256=doc.sha256, kind="tei")


def _plain_witness(doc: Document) -> Witness:
    text = doc.text
    segments = []
    pos = 0
    k = 0
    for line in text.split("\n"):
        if line.strip():
            k += 1
            s = pos + len(line) - len(line.lstrip())
            segments.append(Segment(f"p{k}", "p", s, pos + len(line.rstrip())))
        pos += len(line) + 1
    return Witness(id=doc.id, path=doc.path, text=text, segments=segments, marks=[], meta={},
                   sha256=doc.sha256, kind="plain")
