"""The page around a transcription: header blocks, web-page debris, and where the body is.

Two conventions of the archive are recognised, and plain text besides:

* ``markdown``: a bold date and title, then ``**Label:**`` blocks (Citation, Summary, Credits,
  Original Language, Contents), each followed by one paragraph; the body follows the last block.
* ``web``: a copied web page: "Skip to content", a date line, a title line, a funder line, the
  body, the summary paragraph, then "Document Information" with the citation, the rights text
  and labelled fields (Original Uploaded Date, Record ID, Original Classification, ...), and the
  funders' names at the end.
* ``plain``: neither; the whole text is the body.

Every header value keeps its source offsets, so nothing is taken from the body by accident and
the body's offsets stay those of the source file.
"""

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass, field

from provenance.chain.titles import BREADCRUMB
from provenance.citation import find_citations
from provenance.dates import numeric_date

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
RE_DATE_MDY = re.compile(rf"^\s*(?:\*\*)?\s*({MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}})\s*(?:\*\*)?\s*$")
RE_DATE_DMY = re.compile(rf"^\s*(\d{{1,2}})\s+({MONTH_RE})\s+(\d{{4}})\s*$")
RE_DATE_ANY = re.compile(rf"\b(?:({MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}})|(\d{{1,2}})\s+({MONTH_RE})\s+(\d{{4}}))\b")
RE_MD_LABEL = re.compile(r"^\*\*(?P<label>[^*\n]{1,60}?):\*\*\s*$")
RE_FUNDER = re.compile(r"^\s*This document was made possible with support from\s+(?P<who>.+?)\s*\.?\s*$", re.I)
RE_URL = re.compile(r"<?(https?://[^\s>]+)>?")

WEB_DEBRIS = {"skip to content"}
WEB_LABELS = ["Document Information", "Original Uploaded Date", "Record ID", "Original Classification",
              "Original Language", "Language", "Contents", "Associated People & Organizations",
              "Associated Places", "Associated Topics", "Subjects", "Keywords", "Credits", "Source",
              "Publisher", "Translator", "Rights", "Summary", "Citation", "Related Documents"]
RE_RIGHTS = re.compile(r"welcomes reuse of Digital Archive materials|subject to copyright|rights holders|"
                       r"enquire about this document|request permission|copyright", re.I)


def citation_text(fields: dict) -> str:
    """The text that cites the archive: the "Citation" field, or the "Source" field when the citation
    names no archival unit (a page that gives the archive under "Source" and the catalogue's
    citation apart)."""
    cit = fields["citation"].value if "citation" in fields else ""
    src = fields["source"].value if "source" in fields else ""
    if src and (not cit or not find_citations(cit) and find_citations(src)):
        return src
    return cit


def iso_date(text: str) -> str | None:
    """The first date written as "April 29, 1945" or "29 April 1945" in ``text``, as ISO; failing
    that, one written with numbers ("12.III.46", "12.03.1946")."""
    m = RE_DATE_ANY.search(text)
    if not m:
        return numeric_date(text)
    if m.group(1):
        mon, day, year = m.group(1), m.group(2), m.group(3)
    else:
        day, mon, year = m.group(4), m.group(5), m.group(6)
    month = MONTHS[mon.lower()]
    d = int(day)
    try:
        return datetime.date(int(year), month, d).isoformat()
    except ValueError:
        return None


@dataclass
class Field:
    value: str
    start: int
    end: int
    rule: str = ""


@dataclass
class Layout:
    style: str
    body_start: int
    body_end: int
    fields: dict[str, Field] = field(default_factory=dict)
    debris: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, what)
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (offset, message)


@dataclass
class Para:
    start: int
    end: int
    text: str


RE_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Para]:
    """Blank-line separated paragraphs of ``text[start:end]``, with offsets, stripped."""
    end = len(text) if end is None else end
    out = []
    pos = start
    for m in itertools.chain(RE_BLANK_LINES.finditer(text, start, end), (None,)):
        stop = m.start() if m else end
        raw = text[pos:stop]
        if raw.strip():
            s = pos + len(raw) - len(raw.lstrip())
            e = stop - (len(raw) - len(raw.rstrip()))
            out.append(Para(s, e, text[s:e]))
        if m:
            pos = m.end()
    return out


def lines(text: str, start: int = 0, end: int | None = None) -> list[Para]:
    end = len(text) if end is None else end
    out = []
    pos = start
    for raw in text[start:end].split("\n"):
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            s = pos + lead
            e = pos + len(raw.rstrip())
            out.append(Para(s, e, text[s:e]))
        pos += len(raw) + 1
    return out


#: Header blocks of the markdown export are at most this many paragraphs apart; a label after a
#: longer stretch is the body's, not the header's.
MAX_HEADER_BLOCK_PARAS = 6


def _md_header_labels(text: str, ls: list[Para]) -> list[int]:
    """Indexes in ``ls`` of the markdown export's header labels: the first label within the first
    80 lines, with only bold paragraphs (the date and title) before it, and the labels that follow
    it each within MAX_HEADER_BLOCK_PARAS paragraphs of the one before. A "**Citation:**" in the
    middle of a text is not a header."""
    label_idx = [i for i, p in enumerate(ls) if RE_MD_LABEL.match(p.text)]
    if not label_idx or label_idx[0] >= 80:
        return []
    first = label_idx[0]
    head = [p.text.strip() for p in paragraphs(text, 0, ls[first].start)]
    if not all(t.startswith("**") and t.endswith("**") for t in head):
        return []
    keep = [first]
    for i in label_idx[1:]:
        if len(paragraphs(text, ls[keep[-1]].end, ls[i].start)) > MAX_HEADER_BLOCK_PARAS:
            break
        keep.append(i)
    return keep


def detect(text: str) -> Layout:
    ls = lines(text)
    label_idx = _md_header_labels(text, ls)
    if label_idx:
        return _markdown(text, ls, label_idx)
    if any(p.text.strip().lower() in WEB_DEBRIS for p in ls[:5]) or any(
            p.text.strip() == "Document Information" for p in ls):
        return _web(text, ls)
    return _plain(text, ls)


def _clean_md(s: str) -> str:
    s = re.sub(r"\*\*", "", s)
    s = re.sub(r"[ \t]+\n", "\n", s)
    return re.sub(r"\s+", " ", s).strip()


def _markdown(text: str, ls: list[Para], label_idx: list[int]) -> Layout:
    lay = Layout("markdown", 0, len(text))
    first = label_idx[0]
    # before the first label: bold date and bold title (possibly over several lines)
    head = [p for p in ls[:first]]
    title_parts = []
    for p in head:
        t = _clean_md(p.text)
        if not t:
            continue
        if "date" not in lay.fields and RE_DATE_MDY.match(p.text.replace("**", "")):
            lay.fields["date"] = Field(t, p.start, p.end, "markdown.date-line")
        else:
            title_parts.append(p)
    if title_parts:
        lay.fields["title"] = Field(_clean_md(" ".join(p.text for p in title_parts)), title_parts[0].start,
                                    title_parts[-1].end, "markdown.bold-title")
    # a label takes the paragraphs up to the next label (a summary may have several); the last
    # label takes one paragraph, and the body follows it
    body_start = None
    for k, i in enumerate(label_idx):
        p = ls[i]
        label = RE_MD_LABEL.match(p.text).group("label").strip()
        last = k + 1 == len(label_idx)
        paras = paragraphs(text, p.end) if last else paragraphs(text, p.end, ls[label_idx[k + 1]].start)
        if not paras:
            if last:
                lay.warnings.append((p.start, f"header block '{label}' has no value"))
                body_start = len(text)
            continue
        vs = paras[:1] if last else paras
        if RE_MD_LABEL.match(vs[0].text.split("\n", 1)[0]):
            continue
        lay.fields[label.lower()] = Field(" ".join(_clean_md(v.text) for v in vs), vs[0].start, vs[-1].end,
                                          "markdown.block")
        body_start = vs[-1].end
    lay.body_start = body_start if body_start is not None else 0
    lay.body_end = len(text.rstrip())
    return lay


def _web(text: str, ls: list[Para]) -> Layout:
    lay = Layout("web", 0, len(text))
    i = 0
    # debris at the top
    while i < len(ls) and (ls[i].text.strip().lower() in WEB_DEBRIS or BREADCRUMB.match(ls[i].text)):
        lay.debris.append((ls[i].start, ls[i].end, "navigation"))
        i += 1
    if i < len(ls) and RE_DATE_MDY.match(ls[i].text):
        lay.fields["date"] = Field(ls[i].text.strip(), ls[i].start, ls[i].end, "web.date-line")
        i += 1
    if i < len(ls) and not RE_FUNDER.match(ls[i].text):
        lay.fields["title"] = Field(ls[i].text.strip(), ls[i].start, ls[i].end, "web.title-line")
        i += 1
    body_start = ls[i - 1].end if i else 0
    if i < len(ls) and RE_FUNDER.match(ls[i].text):
        m = RE_FUNDER.match(ls[i].text)
        lay.fields["funder"] = Field(m.group("who"), ls[i].start, ls[i].end, "web.funder-line")
        body_start = ls[i].end
        i += 1
    lay.body_start = body_start
    # the tail: "Document Information" and what follows
    info = next((p for p in ls if p.text.strip() == "Document Information"), None)
    body_end = len(text.rstrip())
    if info is not None:
        body_end = info.start
        lay.debris.append((info.start, info.end, "section heading"))
        _web_tail(text, info.end, lay)
        # the paragraph right before "Document Information" is the page's summary
        body_paras = paragraphs(text, body_start, info.start)
        if body_paras:
            last = body_paras[-1]
            if len(last.text) > 40 and "[" not in last.text and last.text.rstrip().endswith((".", ")", '"', "”")):
                lay.fields["summary"] = Field(" ".join(last.text.split()), last.start, last.end,
                                              "web.summary-before-document-information")
                body_end = last.start
    lay.body_end = body_end
    return lay


def _web_tail(text: str, start: int, lay: Layout) -> None:
    paras = paragraphs(text, start)
    labels = {lab.lower(): lab for lab in WEB_LABELS}
    k = 0
    if paras and not paras[0].text.strip().lower() in labels and not RE_RIGHTS.search(paras[0].text):
        lay.fields["citation"] = Field(" ".join(paras[0].text.split()), paras[0].start, paras[0].end,
                                       "web.citation-after-document-information")
        k = 1
    rights = []
    trailing = []
    while k < len(paras):
        p = paras[k]
        key = p.text.strip().lower()
        if key in labels:
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            value = None
            if nxt is not None and nxt.text.strip().lower() not in labels and not RE_RIGHTS.search(nxt.text):
                v = nxt.text.strip()
                ok = True
                if key == "record id":
                    ok = bool(re.fullmatch(r"[\w\-./:]{1,40}", v))
                elif key == "original uploaded date":
                    ok = bool(RE_DATE_ANY.search(v) or re.search(r"\d{4}-\d{2}-\d{2}", v))
                elif key == "original classification":
                    ok = len(v) <= 60
                if ok:
                    value = nxt
            if value is not None:
                lay.fields[key] = Field(" ".join(value.text.split()), value.start, value.end, "web.labelled-field")
                k += 2
            else:
                k += 1
            continue
        if RE_RIGHTS.search(p.text):
            rights.append(p)
            if "[email protected]" in p.text:
                i = p.text.index("[email protected]")
                lay.debris.append((p.start + i, p.start + i + len("[email protected]"), "address hidden by the web page"))
        else:
            trailing.append(p)
        k += 1
    if rights:
        lay.fields["rights"] = Field(" ".join(" ".join(p.text.split()) for p in rights), rights[0].start,
                                     rights[-1].end, "web.rights-text")
    if trailing:
        last = trailing[-1]
        lay.fields["credits"] = Field(" ".join(last.text.split()), last.start, last.end, "web.funders-at-end")


def _plain(text: str, ls: list[Para]) -> Layout:
    lay = Layout("plain", 0, len(text.rstrip()))
    if ls and RE_DATE_MDY.match(ls[0].text):
        lay.fields["date"] = Field(ls[0].text.strip(), ls[0].start, ls[0].end, "plain.date-line")
    return lay
