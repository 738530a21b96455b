"""One document, read once: the single loader of transcriptions, TEI files and plain texts.

A :class:`Document` holds what every stage starts from: the file's path and id, its kind, the
content hash of its bytes, its text (a transcription or plain text as decoded; a TEI file's
edition layer read back from its body), the parsed tree of a TEI file and what its header says.

What the stages make of it (the TEI a transcription converts to, the witness a comparison
reads, the copy-chain facts) is computed on first use by the stage that owns it and kept on the
document (:meth:`Document.part`), so that within a run each source is read, decoded and parsed
once, whichever stages look at it:

* ``ingest.ingest_document(doc)``: the TEI conversion of a transcription (with its witness);
* ``chain.document_facts(doc)``: the copy-distribution facts;
* ``witness.witness_of(doc)``: the witness a comparison aligns.

:class:`Documents` is the cache of one run: it hands out the same Document for the same file
(same path, size and modification time), so that ``audit`` or ``corpus audit`` reading a file
for the comparison, the copy chains and the report reads it once.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from pathlib import Path
from typing import Callable

from lxml import etree

from provenance.errors import InputError
from provenance.fileio import (
    MAX_TEXT_BYTES, MAX_XML_BYTES, XML_SUFFIXES, decode_text, parse_xml_bytes, read_bytes, sha256_bytes
)
from provenance.textback import tei_body, tei_meta, tei_to_text
from provenance.vocab import T

__all__ = ["Document", "Documents", "load_document", "DOCUMENT_KINDS", "RE_XML_START", "NO_TEI_BODY"]

#: the kinds of document: a transcription (converted to TEI on the fly), a TEI file, a plain
#: text with one paragraph a line (as the Darwin editions)
DOCUMENT_KINDS = ("transcription", "tei", "plain")

#: the start of an XML document (after a byte order mark, blank space and comments)
RE_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:\?xml|!DOCTYPE|TEI\b|teiCorpus\b)", re.S)

NO_TEI_BODY = "has no TEI text/body: expected a TEI file (.xml) or a transcription (.txt)"
NOT_A_TRANSCRIPTION = ("is XML, not a transcription (TEI is checked with `provenance validate` and read "
                       "back with `provenance text`)")


class Document:
    """One source file as read: see the module's description.

    ``text`` is what every offset of the stages indexes into; ``tree`` is the parsed TEI of a
    TEI file (None for the other kinds: a transcription's TEI is ``ingest_document(doc).tree``);
    ``header`` is what a TEI header says of the document (see ``textback.tei_meta``), empty for
    the other kinds.
    """

    __slots__ = ("path", "id", "kind", "sha256", "size", "text", "tree", "header", "encoding", "_parts")

    def __init__(self, path: str, doc_id: str, kind: str, sha256: str, size: int, text: str,
                 tree: etree._ElementTree | None = None, header: dict | None = None, encoding: str | None = None):
        self.path = path
        self.id = doc_id
        self.kind = kind
        self.sha256 = sha256
        self.size = size
        self.text = text
        self.tree = tree
        self.header = header or {}
        self.encoding = encoding
        self._parts: dict = {}

    @classmethod
    def from_bytes(cls, path, data: bytes, kind: str | None = None, encoding: str | None = None) -> "Document":
        """The document of ``data``, the bytes of the file ``path``.

        ``kind``: "transcription", "tei" or "plain"; None takes it from the suffix (.xml and .tei
        are TEI); "auto" from the content (XML is TEI, anything else a transcription).
        """
        p = Path(path)
        where = str(p)
        if kind is None:
            kind = "tei" if p.suffix.lower() in XML_SUFFIXES else "transcription"
        elif kind == "auto":
            kind = "tei" if RE_XML_START.match(data) else "transcription"
        elif kind not in DOCUMENT_KINDS:
            raise ValueError(f"unknown kind of document {kind!r}: one of {', '.join(DOCUMENT_KINDS)}")
        sha = sha256_bytes(data)
        if kind == "tei":
            tree = parse_xml_bytes(data, where)
            root = tree.getroot()
            if root.tag != T + "TEI" or tei_body(tree) is None:
                raise InputError(NO_TEI_BODY, where)
            text = tei_to_text(tree, "edition")
            if not text.strip():
                raise InputError("has no text in its TEI body", where)
            return cls(where, p.stem, kind, sha, len(data), text, tree, tei_meta(tree))
        if kind == "transcription" and RE_XML_START.match(data):
            raise InputError(NOT_A_TRANSCRIPTION, where)
        return cls(where, p.stem, kind, sha, len(data), decode_text(data, where, encoding), encoding=encoding)

    def part(self, key, compute: Callable[["Document"], object]):
        """The part ``key`` of this document (a stage's result), computed by ``compute(self)`` on
        first use and kept for the rest of the run."""
        try:
            return self._parts[key]
        except KeyError:
            value = self._parts[key] = compute(self)
            return value

    def __repr__(self) -> str:
        return f"Document({self.path!r}, kind={self.kind!r}, sha256={self.sha256[:12]}...)"


def _limit(kind: str | None, path: Path) -> tuple[int, str]:
    if kind == "tei" or (kind is None and path.suffix.lower() in XML_SUFFIXES):
        return MAX_XML_BYTES, "is too large to parse"
    return MAX_TEXT_BYTES, "is too large"


def load_document(path, kind: str | None = None, encoding: str | None = None,
                  data: bytes | None = None) -> Document:
    """Read one file as a Document (one InputError naming the file if it cannot be used).

    ``data``: the file's bytes when the caller has read them already.
    """
    p = Path(path)
    if data is None:
        limit, too_large = _limit(kind, p)
        data = read_bytes(p, limit, too_large=too_large)
    return Document.from_bytes(p, data, kind, encoding)


class Documents:
    """The documents of one run, each read once: ``load`` gives the same Document for a file
    that has not changed (same path, size and modification time) since it was first read.

    ``limit`` keeps only that many documents, the most recently used (a worker that audits pair
    after pair of a large corpus keeps the documents it is likely to meet again)."""

    def __init__(self, limit: int | None = None) -> None:
        self._by_file: OrderedDict[tuple, Document] = OrderedDict()
        self.limit = limit
        self.reads = 0  # files actually read

    def load(self, path, kind: str | None = None, encoding: str | None = None) -> Document:
        p = Path(path)
        try:
            st = os.stat(p)
            key = (os.path.realpath(p), st.st_size, st.st_mtime_ns, kind, encoding)
        except OSError:
            key = None  # the loader names what is wrong with it
        doc = self._by_file.get(key) if key else None
        if doc is not None:
            self._by_file.move_to_end(key)
            return doc
        doc = load_document(p, kind, encoding)
        self.reads += 1
        if key:
            self._by_file[key] = doc
            if self.limit is not None and len(self._by_file) > self.limit:
                self._by_file.popitem(last=False)
        return doc

    def __len__(self) -> int:
        return len(self._by_file)
