"""Pattern-based extraction of distribution facts from one document's text.

Works on the raw text (a transcription as read, or the plain text read back from TEI) and
returns facts whose evidence offsets index into that text. The patterns live in
:mod:`provenance.chain.patterns`; names go through :class:`NameAuthority`.
"""

from __future__ import annotations

import re

from provenance.citation import archival_unit, find_citations
from provenance.chain import patterns as P
from provenance.chain.authority import NameAuthority, NameRef, attested_surnames
from provenance.chain.checks import check_document
from provenance.chain.model import (
    Copy, Evidence, Excerpt, Party, Placement, PrintRun, Role, Transfer, to_dict,
)
from provenance.chain.extract_copies import CopiesPart
from provenance.chain.extract_excerpts import ExcerptsPart
from provenance.chain.extract_noted import NotedPart
from provenance.chain.extract_parties import PartiesPart
from provenance.chain.extract_roles import RolesPart
from provenance.chain.glosses import reading_view
from provenance.chain.spans import _lines, _strip_span, head_noun
from provenance.chain.titles import BREADCRUMB
from provenance.knowledge.wordnet import wordnet

_CHROME = re.compile(r"^\s*(?:\*\*)?\s*(?:Skip to content|Citation:|Summary:|Credits:)", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*(?:\*\*)?\s*" + P._MONTH_RE + r"\s+\d{1,2},\s+\d{4}\s*(?:\*\*)?\s*$")


def document_meta(text: str) -> dict:
    """Title and date of a web-page transcription: the first lines after the page chrome."""
    meta: dict = {}
    lines = list(_lines(text))
    i = 0
    while i < len(lines):
        s, e, line = lines[i]
        stripped = line.strip()
        if not stripped or _CHROME.match(line) or BREADCRUMB.match(line):
            i += 1
            continue
        if _DATE_LINE.match(line):
            meta.setdefault("date", P.parse_date(stripped.strip("* ")))
            meta.setdefault("date_span", (s, e))
            i += 1
            continue
        # the title: one line, or a bold block "**...**" over several lines
        t_start, t_end = s, e
        if stripped.startswith("**") and not stripped.rstrip().endswith("**"):
            j = i + 1
            while j < len(lines) and j < i + 4:
                t_end = lines[j][1]
                if lines[j][2].rstrip().endswith("**"):
                    break
                j += 1
        title = re.sub(r"\s+", " ", text[t_start:t_end].replace("**", " ")).strip()
        meta["title"] = title
        meta["title_span"] = (t_start, t_end)
        break
    return meta


class Extractor(PartiesPart, NotedPart, CopiesPart, RolesPart, ExcerptsPart):
    """Extracts the facts of one document; see :func:`extract_facts`."""

    def __init__(self, text: str, doc_id: str, meta: dict | None, authority: NameAuthority):
        self.raw = text
        # the patterns read the original's glossed labels in their English gloss, OCR's digits in
        # words as letters; the offsets are the original's
        self.text = text = reading_view(text)
        self.low = P.lowered(text)  # None when lower-casing would move offsets
        self.doc_id = doc_id
        self.auth = authority
        found = document_meta(text)
        self.meta = dict(found)
        for k, v in (meta or {}).items():
            if v is not None:
                self.meta[k] = v
        date = self.meta.get("date")
        self.year = int(date[:4]) if isinstance(date, str) and re.match(r"\d{4}", date) else None
        self.copies: list[Copy] = []
        self.transfers: list[Transfer] = []
        self.roles: list[Role] = []
        self.placements: list[Placement] = []
        self.excerpts: list[Excerpt] = []
        self.print_run: PrintRun | None = None
        self.addressees: list[Party] = []
        self.senders: list[Party] = []
        self.exemplar: dict | None = None
        self.decision: dict | None = None
        self.numbers: list[dict] = []
        self.notes: list[dict] = []  # facts the checks need but the output need not show
        self._list_lines: set[int] = set()
        # surnames the document writes with a personal title: people, known to the authority or not
        self.attested = attested_surnames(text, self.low)

    # -- helpers -------------------------------------------------------------------------
    def ev(self, start: int, end: int) -> Evidence:
        raw, view = self.raw, self.text
        if end < len(raw) and view[end:end + 1] == " " and raw[end] not in " \t\n":
            # the evidence ends inside words a gloss was written over ("Kuldja [town]"): all of them
            while end < len(raw) and view[end] == " " and raw[end] != "\n":
                end += 1
        start, end = _strip_span(raw, start, end, " \t")   # the original's spaces, not the reading's padding
        return Evidence.of(raw, start, end)

    def names(self, start: int, end: int, person: bool = False) -> list[NameRef]:
        start, end = _strip_span(self.text, start, end)
        if start >= end:
            return []
        return self.auth.split(self.text[start:end], start, person, self.attested)

    def one_name(self, start: int, end: int, person: bool = False) -> NameRef | None:
        """The name written at ``start``..``end``; ``person``: the context wants a person."""
        start, end = _strip_span(self.text, start, end)
        if start >= end:
            return None
        return self.auth.resolve(self.text[start:end], start, person, self.attested)

    # -- the parts -----------------------------------------------------------------------
    def run(self) -> dict:
        self.header_addressees()
        self.bare_addressees()
        self.title_parties()
        self.noted_addressees()
        self.print_runs_and_lists()
        self.copy_lines()
        self.hand_added_copies()
        self.exemplar_copy()
        self.extra_copies()
        self.role_lines()
        self.signature_lines()
        self.sent_to()
        self.basis()
        self.placements_()
        self.decision_structure()
        self.excerpts_()
        self.excerpts_from()
        self.receipt()
        self.number_lines()
        self.copy_transfers()
        return self.result()

    def result(self) -> dict:
        units = []
        for c in find_citations(self.text):
            u = archival_unit(c)
            u["evidence"] = to_dict(self.ev(c["start"], c["end"]))
            units.append(u)
        exemplar = self.exemplar
        if exemplar and exemplar.get("number") is not None:
            listed = [c for c in self.copies if c.number == exemplar["number"] and c.source == "list"]
            if listed:
                exemplar["listed_destination"] = listed[0].destination
                exemplar["listed_recipient"] = listed[0].recipient
        return {
            "id": self.doc_id,
            "title": self.meta.get("title"),
            "date": self.meta.get("date"),
            "exemplar": exemplar,
            "print_run": to_dict(self.print_run) if self.print_run else None,
            "copies": [to_dict(c) for c in self.copies],
            "transfers": [to_dict(t) for t in self.transfers],
            "roles": [to_dict(r) for r in self.roles],
            "placements": [to_dict(p) for p in self.placements],
            "excerpts": [to_dict(e) for e in self.excerpts],
            "archival_units": units,
            "correspondence": {"addressees": [to_dict(p) for p in self.addressees],
                               "senders": [to_dict(p) for p in _signed_first(self.senders)]},
            "decision": self.decision,
            "numbers": self.numbers,
        }


def _signed_first(senders: list) -> list:
    """The senders, without those the title names that a signature names too (the signature is
    the better witness of who sent it)."""
    signed = {(p.recorded_name or p.name or "").lower() for p in senders if p.source == "signature"}
    return [p for p in senders if p.source != "title" or (p.recorded_name or p.name or "").lower() not in signed
            and not (signed and _an_office(p.raw))]


def _an_office(phrase: str) -> bool:
    """Whether a title's party is an office held by one person ("Commander of the Osh Operational
    Group", not the "Executive Committee of ..."; its head noun before "of" says): the signature then
    names the sender better."""
    head = head_noun(phrase)   # "Executive Committee of ...": committee
    wn = wordnet()   # an office is held by one: "Believers of the Village of X" name many
    return bool(head) and wn.names_an_office(head) and head in wn.base_forms(head, "n")


def extract_facts(text: str, doc_id: str, meta: dict | None = None,
                  authority: NameAuthority | None = None) -> tuple[dict, Extractor]:
    """The facts of one document (a dict as in the chain JSON) and the extractor (for the checks)."""
    ex = Extractor(text, doc_id, meta, authority or NameAuthority.default())
    return ex.run(), ex


def extract_document(text: str, doc_id: str, meta: dict | None = None,
                     authority: NameAuthority | None = None) -> dict:
    """The distribution facts of one text, with a ``findings`` list of its own.

    ``text`` is the transcription (or the text read back from TEI); every evidence offset
    indexes into it. ``meta`` may give ``title`` and ``date`` (ISO) when the text lacks them.
    """
    auth = authority or NameAuthority.default()
    doc, ex = extract_facts(text, doc_id, meta, auth)
    doc["findings"] = check_document(doc, auth, text, ex.notes)
    return doc
