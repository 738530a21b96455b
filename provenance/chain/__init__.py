"""Copy-distribution chains: who received which copy, excerpt and point, across documents.

Public API:

- :func:`extract_document` (text, doc_id, meta=None, authority=None) -> one document's facts
  with its findings;
- :func:`extract_paths` (paths, names=None) -> the chain result for several files (the JSON
  of ``provenance chain --format json``, described by ``schemas/chain.schema.json``);
- :func:`load_document` (path) -> (text, meta, kind, sha256) for a transcription or TEI file;
- :func:`distribution_facts`, :func:`history_element`, :func:`correspdesc_element`,
  :func:`distribution_list_element` for writing the facts into TEI (see :mod:`.tei`).
"""

from __future__ import annotations

from pathlib import Path

from provenance.chain.authority import NameAuthority
from provenance.chain.checks import check_document, merge_unlisted
from provenance.chain.extract import extract_facts
from provenance.chain.links import document_links
from provenance.chain.tei import (
    correspdesc_element, distribution_facts, distribution_list_element, history_element,
)
from provenance.errors import InputError, as_provenance_error
from provenance.fileio import (
    MAX_TEXT_BYTES, XML_SUFFIXES, decode_text, read_bytes, read_xml, sha256_bytes,
)
from provenance.vocab import tool_header

__all__ = [
    "NameAuthority", "extract_document", "extract_paths", "load_document", "distribution_facts",
    "history_element", "correspdesc_element", "distribution_list_element",
]

SEVERITIES = ("info", "warning")


def extract_document(text: str, doc_id: str, meta: dict | None = None,
                     authority: NameAuthority | None = None) -> dict:
    """The distribution facts of one document, with a ``findings`` list of its own.

    ``text`` is the transcription (or the text read back from TEI); every evidence offset
    indexes into it. ``meta`` may give ``title`` and ``date`` (ISO) when the text lacks them.
    """
    auth = authority or NameAuthority.default()
    doc, ex = extract_facts(text, doc_id, meta, auth)
    doc["findings"] = check_document(doc, auth, text, ex.notes)
    return doc


def load_document(path, encoding: str | None = None) -> tuple[str, dict, str, str]:
    """(text, meta, kind, sha256) of a transcription (.txt) or a TEI file (.xml).

    A TEI file's meta holds ``title``, ``date`` (ISO, from creation/date/@when) and ``citation``
    when its header gives them.
    """
    p = Path(path)
    if p.suffix.lower() in XML_SUFFIXES:
        from provenance.textback import tei_to_text
        from provenance.witness import tei_meta

        data, tree = read_xml(p)
        text = tei_to_text(tree, layer="edition")
        if not text.strip():
            raise InputError("has no TEI text body", str(p))
        header = tei_meta(tree)
        meta = {k: header.get(h) for k, h in (("title", "title"), ("date", "date_iso"), ("citation", "citation"))}
        return text, {k: v for k, v in meta.items() if v}, "tei", sha256_bytes(data)
    data = read_bytes(p, MAX_TEXT_BYTES)
    return decode_text(data, str(p), encoding), {}, "transcription", sha256_bytes(data)


def _doc_from_file(path: Path, authority: NameAuthority, encoding: str | None = None, *,
                   with_text: bool = False) -> dict | tuple[dict, str]:
    """The chain document of one file (with ``with_text``: and the text it was read from)."""
    text, meta, kind, sha = load_document(path, encoding)
    doc = extract_document(text, path.stem, meta, authority)
    if kind == "tei" and not doc["archival_units"] and meta.get("citation"):
        from provenance.citation import archival_unit, find_citations

        for c in find_citations(meta["citation"]):
            u = archival_unit(c)
            u["evidence"] = {"quote": c["raw"], "start": -1, "end": -1}
            u["source"] = "teiHeader"
            doc["archival_units"].append(u)
    doc["path"] = str(path)
    doc["sha256"] = sha
    doc["kind"] = kind
    return (doc, text) if with_text else doc


def extract_paths(paths, names=None, authority: NameAuthority | None = None,
                  encoding: str | None = None) -> dict:
    """The chain result for the files ``paths`` (folders are searched for .txt/.xml files).

    ``names``: extra name-authority files (validated; a bad one raises UsageError).
    Files that cannot be read, and folders with nothing to read, are listed under ``errors``
    and the others are processed.
    """
    from provenance.fileio import TRANSCRIPTION_SUFFIXES, expand_each

    auth = authority or NameAuthority.load(names or ())
    files, unusable = expand_each(paths, TRANSCRIPTION_SUFFIXES | XML_SUFFIXES)
    docs = []
    errors = [{"path": e.path or "", "message": str(e), "exit_code": e.exit_code} for e in unusable]
    seen_ids: dict[str, int] = {}
    for p in files:
        try:
            doc = _doc_from_file(Path(p), auth, encoding)
        except Exception as exc:  # one file never stops the batch
            exc = as_provenance_error(exc, str(p))
            errors.append({"path": str(p), "message": str(exc), "exit_code": exc.exit_code})
            continue
        k = seen_ids.get(doc["id"], 0)
        seen_ids[doc["id"]] = k + 1
        if k:
            doc["id"] = f"{doc['id']}~{k + 1}"
            for f in doc["findings"]:
                f["document"] = doc["id"]
        docs.append(doc)
    return assemble(docs, errors)


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
