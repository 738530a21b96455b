"""Transcriptions to TEI P5: ``ingest_text`` for one text, ``ingest_file`` and ``ingest_paths`` for files.

The conversion keeps three layers apart: the original's words, the translator's and editor's
brackets (each encoded by a named rule, doubtful ones listed for review), and the debris of
the web page the text was copied from (kept out of the body).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from provenance import TEI_NS, XML_NS
from provenance.chain import correspdesc_element, distribution_facts, document_facts, history_element
from provenance.citation import find_citations
from provenance.document import RE_XML_START, Document, load_document
from provenance.errors import InputError, as_provenance_error
from provenance.fileio import TRANSCRIPTION_SUFFIXES, atomic_write, expand_each
from provenance.ingest.blocks import structure
from provenance.ingest.brackets import Classifier
from provenance.ingest.inline import Context
from provenance.ingest.layout import citation_text, detect, iso_date
from provenance.ingest.tei import TeiBuilder
from provenance.knowledge.languages import romanized_tag
from provenance.model import Mark, Segment, Witness
from provenance.resources import known_persons, user_json
from provenance.vocab import NS, tei_tag, tool_header

__all__ = ["IngestResult", "Rules", "ingest_text", "ingest_document", "ingest_file", "ingest_paths", "load_rules",
           "RE_XML_START"]


@dataclass
class Rules:
    """An editor's decisions that override the converter's rules (see schemas/ingest-rules.schema.json)."""

    overrides: list[dict] = field(default_factory=list)
    foreign_terms: list[str] = field(default_factory=list)
    common_words: list[str] = field(default_factory=list)
    path: str = ""


def load_rules(path: str | Path) -> Rules:
    """Read and check a rules file; a bad one raises UsageError naming the file."""
    p = Path(path)
    data = user_json(p, "rules file", "ingest-rules.schema.json",
                          'a rules file looks like {"overrides": [{"bracket": "[Altai]", "after": "Shara-Sume", '
                          '"as": "supplied"}], "foreign_terms": ["kolkhoznik"], "common_words": ["Okrug"]} '
                          '(examples/rules.json)')
    return Rules(data.get("overrides", []), data.get("foreign_terms", []), data.get("common_words", []), str(p))


@dataclass
class IngestResult:
    doc_id: str
    path: str
    text: str
    tree: etree._ElementTree
    style: str
    decisions: list[dict]
    review: list[dict]
    warnings: list[dict]
    witness: Witness
    sha256: str = ""

    def tei_bytes(self) -> bytes:
        return serialize(self.tree)

    def summary(self) -> dict:
        return {"id": self.doc_id, "source": self.path, "style": self.style, "sha256": self.sha256,
                "decisions": self.decisions, "review": self.review, "warnings": self.warnings}


def _indent(el: etree._Element, level: int = 0) -> None:
    """Indent element-only content; never touch mixed content (its whitespace is text)."""
    kids = list(el)
    if not kids:
        return
    mixed = (el.text and el.text.strip()) or any(k.tail and k.tail.strip() for k in kids)
    if mixed:
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for k in kids:
        _indent(k, level + 1)
        k.tail = pad
    kids[-1].tail = "\n" + "  " * level


def serialize(tree: etree._ElementTree) -> bytes:
    """Deterministic serialization: UTF-8, XML declaration, element-only content indented."""
    root = tree.getroot()
    _indent(root)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"


def ingest_text(text: str, doc_id: str, path: str = "", rules: Rules | None = None,
                chain_doc: dict | None = None) -> IngestResult:
    """Convert one transcription (already decoded) to TEI.

    ``chain_doc``: the copy-chain facts of the text when they are extracted already (see
    ``chain.document_facts``); they are written into the header."""
    rules = rules or Rules()
    classifier = Classifier(rules.overrides, rules.foreign_terms, rules.common_words, known_persons())
    layout = detect(text)
    classifier.scope = (layout.body_start, layout.body_end)
    if "original language" in layout.fields:
        classifier.doc_language = romanized_tag(layout.fields["original language"].value)
    blocks = structure(text, layout.body_start, layout.body_end)
    ctx = Context(text=text, doc_id=doc_id, path=path, classifier=classifier)
    for pos, msg in layout.warnings:
        ctx.warn(pos, msg)
    builder = TeiBuilder(ctx, layout, blocks)
    body = builder.build_body()
    citations = find_citations(citation_text(layout.fields))
    header = builder.build_header(doc_id, citations)
    root = etree.Element(tei_tag("TEI"), nsmap={None: TEI_NS})
    root.append(header)
    txt = etree.SubElement(root, "{%s}text" % TEI_NS)
    txt.append(body)
    f = layout.fields
    meta = {k: v.value for k, v in sorted(f.items()) if k != "rights"}
    if "date" in f:
        meta["date_iso"] = iso_date(f["date"].value)
    facts = _add_chain_facts(root, distribution_facts(text, doc_id, doc=chain_doc))
    senders = [x.get("raw") or x["name"] for x in facts.get("sent", []) if x.get("name")]
    addressees = [x.get("raw") or x["name"] for x in facts.get("received", [])
                  if x.get("name") and x.get("source") in ("header", "title")]
    if senders:
        meta["author"] = ", ".join(senders)
    if addressees:
        meta["recipient"] = ", ".join(dict.fromkeys(addressees))
    tree = etree.ElementTree(root)
    if citations:
        meta["archive"] = {k: citations[0].get(k) for k in ("repository", "fond", "opis", "delo", "folios", "raw")}
    translator = header.findtext(f".//{{{TEI_NS}}}respStmt[@{{{XML_NS}}}id='translator']/{{{TEI_NS}}}persName")
    if translator:
        meta["translator"] = " ".join(translator.split())
    cls = f["original classification"].value if "original classification" in f else builder.classification_in_body
    if cls:
        meta["classification"] = cls
    witness = Witness(
        id=doc_id, path=path, text=text,
        segments=[Segment(s["n"], s["kind"], s["start"], s["end"], s["label"]) for s in builder.segments],
        marks=sorted((Mark(t, s, e, c, tgt, r) for (t, s, e, c, tgt, r) in ctx.marks), key=lambda m: m.start),
        meta=meta, kind="transcription")
    return IngestResult(doc_id, path, text, tree, layout.style, ctx.decisions, ctx.review, ctx.warnings, witness)


def _add_chain_facts(root, facts: dict) -> dict:
    """Write the copy-chain facts into the header: msDesc/history and correspDesc."""
    ns = NS
    ms = root.find(".//t:sourceDesc/t:msDesc", ns)
    hist = history_element(facts["document"])
    if hist is not None and len(hist):
        ms.append(hist)  # after msContents, as TEI orders msDesc
    chain_cd = correspdesc_element(facts)
    if chain_cd is None or not len(chain_cd):
        return facts
    pd = root.find(".//t:profileDesc", ns)
    mine = pd.find("t:correspDesc", ns)
    if mine is not None:
        has_sent = chain_cd.find("t:correspAction[@type='sent']", ns) is not None
        if not has_sent:
            for i, ca in enumerate(mine.findall("t:correspAction[@type='sent']", ns)):
                chain_cd.insert(i, ca)
        pd.replace(mine, chain_cd)
    else:
        hands = pd.find("t:handNotes", ns)
        if hands is not None:
            hands.addprevious(chain_cd)
        else:
            pd.append(chain_cd)
    return facts


def ingest_document(doc: Document, rules: Rules | None = None) -> IngestResult:
    """The TEI conversion of a transcription Document; without ``rules`` it is made once per
    document and run (the witness a comparison reads comes from it)."""
    if doc.kind != "transcription":
        raise InputError(f"is not a transcription (a {doc.kind} document)", doc.path)
    if rules is None:
        return doc.part("ingest", _ingest)
    return _ingest(doc, rules)


def _ingest(doc: Document, rules: Rules | None = None) -> IngestResult:
    res = ingest_text(doc.text, doc.id, doc.path, rules, chain_doc=document_facts(doc, copy=False))
    res.sha256 = res.witness.sha256 = doc.sha256
    return res


def ingest_file(path: str | Path, rules: Rules | None = None, encoding: str | None = None) -> IngestResult:
    """The TEI conversion of the transcription at ``path``."""
    return ingest_document(load_document(path, "transcription", encoding), rules)


def ingest_paths(sources, outdir: str | Path | None, rules: Rules | None = None, encoding: str | None = None,
                 tei_out: dict | None = None) -> dict:
    """Convert every transcription under ``sources`` to ``outdir/<stem>.xml``.

    One bad file (or a folder without transcriptions) does not stop the others: its error is
    reported in ``errors`` and the good files are written. With ``outdir`` None nothing is
    written (``output`` is null); ``tei_out``, when given, receives each source's TEI (bytes)
    by source path. Returns the JSON payload of ``provenance ingest --json``.
    """
    out = Path(outdir) if outdir is not None else None
    files, unusable = expand_each(sources, TRANSCRIPTION_SUFFIXES)
    results = []
    errors = [{"path": e.path or "", "line": e.line, "message": e.message} for e in unusable]
    taken: dict[str, Path] = {}
    for f in files:
        try:
            target = out / (f.stem + ".xml") if out is not None else None
            first = taken.setdefault(f.stem, f.resolve())
            if first != f.resolve() and target is not None:
                raise InputError(f"has the same name as {first}: both would be written to {target}; rename one",
                                 str(f))
            res = ingest_file(f, rules, encoding)
            if target is not None and target.resolve() == f.resolve():
                raise InputError("output would overwrite the source", str(f))
            if target is not None:
                atomic_write(target, res.tei_bytes())
            if tei_out is not None:
                tei_out[str(f)] = res.tei_bytes()
            item = res.summary()
            item["output"] = str(target) if target is not None else None
            results.append(item)
        except Exception as exc:  # one file never stops the batch
            exc = as_provenance_error(exc, str(f))
            errors.append({"path": exc.path or str(f), "line": exc.line, "message": exc.message})
    return {"tool": tool_header(), "documents": results, "errors": errors,
            "summary": {"converted": len(results), "failed": len(errors),
                        "review_items": sum(len(r["review"]) for r in results),
                        "warnings": sum(len(r["warnings"]) for r in results)}}
