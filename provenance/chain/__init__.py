"""Copy-distribution chains: who received which copy, excerpt and point, across documents.

Public API:

- :func:`extract_document` (text, doc_id, meta=None, authority=None) -> one text's facts with
  its findings;
- :func:`document_facts` (doc, authority=None) -> the facts of a :class:`~provenance.document.Document`,
  extracted once per document and authority within a run;
- :func:`extract_documents` (docs) and :func:`extract_paths` (paths, names=None) -> the chain
  result for several documents or files (the JSON of ``provenance chain --json``, described
  by ``schemas/chain.schema.json``);
- :func:`distribution_facts`, :func:`history_element`, :func:`correspdesc_element`,
  :func:`distribution_list_element` for writing the facts into TEI (see :mod:`.tei`).
"""

from __future__ import annotations

import copy as _copy

from provenance.chain.authority import NameAuthority
from provenance.chain.checks import merge_unlisted
from provenance.chain.extract import extract_document
from provenance.chain.links import document_links
from provenance.chain.tei import correspdesc_element, distribution_facts, distribution_list_element, history_element
from provenance.citation import archival_unit, find_citations
from provenance.document import Document, Documents
from provenance.errors import as_provenance_error
from provenance.fileio import TRANSCRIPTION_SUFFIXES, XML_SUFFIXES, expand_each
from provenance.vocab import tool_header

__all__ = [
    "NameAuthority", "extract_document", "document_facts", "extract_documents", "extract_paths",
    "assemble", "distribution_facts", "history_element", "correspdesc_element", "distribution_list_element",
]

SEVERITIES = ("info", "warning")


def document_facts(doc: Document, authority: NameAuthority | None = None, *, copy: bool = True) -> dict:
    """The chain document of ``doc``, with its ``findings``, ``path``, ``sha256`` and ``kind``.

    Extracted once per document and authority within a run; each call returns a copy of its
    own unless ``copy`` is false (then the caller must not change it). A TEI file's header gives
    the title, date and citation when its text lacks them."""
    auth = authority or NameAuthority.default()
    facts = doc.part(("chain", auth), lambda d: _facts(d, auth))
    return _copy.deepcopy(facts) if copy else facts


def _facts(doc: Document, auth: NameAuthority) -> dict:
    meta = {}
    if doc.kind == "tei":
        meta = {k: doc.header.get(h) for k, h in (("title", "title"), ("date", "date_iso"), ("citation", "citation"))}
        meta = {k: v for k, v in meta.items() if v}
    facts = extract_document(doc.text, doc.id, meta, auth)
    if doc.kind == "tei" and not facts["archival_units"] and meta.get("citation"):
        for c in find_citations(meta["citation"]):
            u = archival_unit(c)
            u["evidence"] = {"quote": c["raw"], "start": -1, "end": -1}
            u["source"] = "teiHeader"
            facts["archival_units"].append(u)
    facts["path"] = doc.path
    facts["sha256"] = doc.sha256
    facts["kind"] = doc.kind
    return facts


def extract_documents(docs, authority: NameAuthority | None = None, errors: list | None = None) -> dict:
    """The chain result for Documents already loaded (``errors``: those that could not be)."""
    auth = authority or NameAuthority.default()
    out = []
    errors = list(errors or [])
    seen_ids: dict[str, int] = {}
    for d in docs:
        try:
            doc = document_facts(d, auth)
        except Exception as exc:  # one document never stops the batch
            exc = as_provenance_error(exc, d.path)
            errors.append({"path": d.path, "message": str(exc), "exit_code": exc.exit_code})
            continue
        k = seen_ids.get(doc["id"], 0)
        seen_ids[doc["id"]] = k + 1
        if k:
            doc["id"] = f"{doc['id']}~{k + 1}"
            for f in doc["findings"]:
                f["document"] = doc["id"]
        out.append(doc)
    return assemble(out, errors)


def extract_paths(paths, names=None, authority: NameAuthority | None = None,
                  encoding: str | None = None, documents: Documents | None = None) -> dict:
    """The chain result for the files ``paths`` (folders are searched for .txt/.xml files).

    ``names``: extra name-authority files (validated; a bad one raises UsageError).
    Files that cannot be read, and folders with nothing to read, are listed under ``errors``
    and the others are processed. ``documents``: the run's documents, when some are read already.
    """
    auth = authority or NameAuthority.load(names or ())
    documents = documents if documents is not None else Documents()
    files, unusable = expand_each(paths, TRANSCRIPTION_SUFFIXES | XML_SUFFIXES)
    errors = [{"path": e.path or "", "message": str(e), "exit_code": e.exit_code} for e in unusable]
    docs = []
    for p in files:
        try:
            docs.append(documents.load(p, encoding=encoding))
        except Exception as exc:  # one file never stops the batch
            exc = as_provenance_error(exc, str(p))
            errors.append({"path": str(p), "message": str(exc), "exit_code": exc.exit_code})
    return extract_documents(docs, auth, errors)


def assemble(docs: list[dict], errors: list | None = None) -> dict:
    """The full chain payload from documents that carry their findings."""
    findings = []
    for d in docs:
        findings.extend(d.pop("findings", []))
    findings = merge_unlisted(findings)
    summary = {"documents": len(docs),
               "copies": sum(len(d["copies"]) for d in docs),
               "excerpts": sum(len(d["excerpts"]) for d in docs),
               "findings": len(findings),
               "by_severity": {s: sum(1 for f in findings if f["severity"] == s) for s in SEVERITIES},
               "by_code": {}}
    for f in findings:
        summary["by_code"][f["code"]] = summary["by_code"].get(f["code"], 0) + 1
    return {"tool": tool_header(),
            "documents": docs, "links": document_links(docs), "findings": findings,
            "errors": errors or [], "summary": summary}
