"""Assemble a TEI P5 document from a transcription's layout, blocks and editorial marks."""

from __future__ import annotations

import re

from lxml import etree

from provenance import XML_NS, __version__
from provenance.citation import UNIT_LEVELS
from provenance.ingest.blocks import RE_COPY_ITEM, RE_DATE_ONLY, RE_DATE_PART, RE_DATE_SIGNED, Block
from provenance.ingest.inline import Context, InlineBuilder, _sub
from provenance.ingest.layout import Layout, citation_text, iso_date
from provenance.knowledge.languages import language_name
from provenance.vocab import T

XML_ID = "{%s}id" % XML_NS

#: a person's name: up to four capitalized words, initials or titles (Dr., Prof.); a word with a
#: full stop after it (not an initial, not a title) ends it ("by Margaret Hulme. Wade-Giles
#: romanization ..."). The translator's and the contributor's names alike.
_NAME_WORD = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Rev)\.|[A-Z]\.(?:-[A-Z]\.)?|[A-Z][\w'’-]*)"
NAME_WORDS = _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,3}"
RE_TRANSLATOR = re.compile(r"\b(?:[Tt]ranslated(?:\s+and\s+(?:annotated|edited|introduced))?"
                           r"|(?:[A-Z][a-z]+\s+)?[Tt]ranslation(?:\s+and\s+(?:notes|annotation|commentary))?"
                           r"|English\s+(?:version|text|rendering)(?:\s+(?:prepared|made|done))?"   # "English version (prepared) by X"
                           r"|(?:[Rr]endered|[Dd]one|[Pp]ut|[Tt]urned)\s+into\s+English|(?<![\w.])Trans\.(?=\s+[A-Z])"   # "Done into English by", "Trans. X"
                           r"|(?<![\w.])From\s+the\s+[A-Z][a-z]+(?:\s*,[^.,]{3,40},)?(?=\s+by\s))"   # "From the Spanish, with the notes, by X"
                           r"(?:\s+(?:for|from|into)\s+[\w .()-]+?)?(?:\s+by\s+|:[ \t]*|(?<=Trans\.)\s+)"   # "Translation: X", "English translation by"
                           r"(?!(?:English|Russian|French|German|Chinese|Spanish)\b)(?P<who>" + NAME_WORDS + ")")
RE_CONTRIBUTOR = re.compile(r"\b(?P<how>Obtained|Contributed|Provided|Donated|Transcribed)\s+by\s+"
                            r"(?P<who>" + NAME_WORDS + ")")
NOT_A_NAME = {"minutes", "meeting", "protocol", "decision", "resolution", "report", "cable", "letter", "note",
              "memorandum", "excerpt", "exceprt", "telegram", "the", "a", "an", "on", "about", "concerning",
              "information", "record", "conversation", "diary", "journal", "instructions", "directive"}
RE_PERSON = re.compile(r"(?:(?:Cdes?\.?|Comrades?|General|Marshal)\s+)?(?:[A-ZА-Я]\.\s?){0,3}[A-ZА-Я][\w'’-]+"
                       r"(?:\s+[A-ZА-Я][\w'’-]+)?")
EDITORIAL_DECL = [
    "Converted from a plain-text transcription by provenance ingest; the rule that encoded each editorial "
    "bracket is listed in the JSON output of the conversion.",
    "Editorial marks: sic flags as sic (choice with sic and corr for conjectures); illegible, omitted and "
    "unrendered text as gap (unrendered glyph boxes with their count); a reading offered with doubt as "
    "unclear; words and letters supplied by the translator as supplied; modern names given for places and "
    "persons as choice with orig and reg; expansions of abbreviations as choice with abbr and expan; "
    "original-language words as foreign (xml:lang ru-Latn); the translator's English for a foreign word "
    "as note type=gloss; translator's notes as note type=translator; notes of the original as note with "
    "@place; handwriting as add with @hand, or handShift; spaces left blank as space.",
    "Everything supplied by the translator or editor carries resp=\"#translator\". Where a bracket was "
    "written differently from the canonical form, @rend records it as written, {} standing for the encoded "
    "content.",
    "Numbered points are lists of items with @n; copy lists are list type=distribution; web-page debris "
    "(navigation, rights boilerplate, hidden addresses) is kept out of the body.",
]


def _clean_name(s: str) -> str:
    s = re.sub(r"^(?:to|for|from)\s+", "", s.strip(), flags=re.I)
    s = re.sub(r"^(?:the\s+)", "", s, flags=re.I)
    s = re.sub(r"^(?:Cdes?\.?|Comrades?)\s*", "", s)
    s = s.replace("[", "").replace("]", "")
    return " ".join(s.split()).strip(" .,;")


def _surname(s: str) -> str:
    words = [w for w in re.split(r"[\s.]+", s) if len(w) > 1]
    return words[-1].lower() if words else s.lower()


def _translator_field(value: str) -> str:
    """The translator of a page's "Translator" field ("Gary Goldberg", "Translated by G. Goldberg")."""
    m = re.match(r"\s*(?:[Tt]ranslated\s+by\s+)?(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})", value or "")
    return m.group("who").rstrip(".") if m else ""


def parties_from_title(title: str) -> tuple[list[str], list[str]]:
    """Senders and recipients named in a title such as "Report from X and Y to Cde. Z"."""
    senders: list[str] = []
    recipients: list[str] = []
    m = re.search(r"(?:^|\bfrom\s+)(?P<s>.+?)\s+to\s+(?P<r>.+)$", title)
    if m:
        s_part = m.group("s")
        s_part = re.sub(r"^.*\bfrom\s+", "", s_part)
        r_part = m.group("r")
    else:
        s_part, r_part = "", ""
        m2 = re.search(r"\bfrom\s+(?P<s>.+?)(?:\s+(?:in|at|on|about|concerning)\s+.*)?$", title)
        if m2:
            s_part = m2.group("s")
        m3 = re.search(r"\bfor\s+(?P<r>.+)$", title)
        if m3:
            r_part = m3.group("r")
    r_part = re.split(r"\s+(?:on|about|concerning|regarding)\s+", r_part)[0]
    for part, out in ((s_part, senders), (r_part, recipients)):
        for piece in re.split(r"\s*,\s*|\s+and\s+", part):
            piece = _clean_name(re.split(r"\s+(?:in|at)\s+", piece)[0])
            if not piece or not RE_PERSON.fullmatch(piece):
                continue
            if any(len(w.strip(".")) > 1 and w.lower().strip(".") in NOT_A_NAME for w in piece.split()):
                continue
            out.append(piece)
    return senders, recipients


class TeiBuilder:
    def __init__(self, ctx: Context, layout: Layout, blocks: list[Block], rules_used: bool = False):
        self.ctx = ctx
        self.layout = layout
        self.blocks = blocks
        self.inline = InlineBuilder(ctx)
        self.text = ctx.text
        self.segments: list[dict] = []
        self.copies: list[dict] = []
        self.salutes: list[str] = []
        self.classification_in_body = ""
        self.body_date = ""
        #: the date the document bears, from its own dateline (above the text or at the signature):
        #: (ISO date, as written); the header's date is this one, the catalogue's when it has none
        self.own_date: tuple[str, str] | None = None

    # -- body ----------------------------------------------------------------------------------
    def build_body(self) -> etree._Element:
        body = etree.Element(T + "body")
        blocks = self.blocks
        i = 0
        p_count = 0

        def seg(b: Block, kind: str, n: str = ""):
            nonlocal p_count
            if not n:
                p_count += 1
                n = f"p{p_count}"
            label = self.text[b.label[0]:b.label[1]] if b.label else ""
            self.segments.append({"n": n, "kind": kind, "start": b.start, "end": b.end, "label": label})

        opener = None
        while i < len(blocks) and blocks[i].role == "opener":
            b = blocks[i]
            if opener is None:
                opener = _sub(body, "opener")
            else:
                _sub(opener, "lb")
            kind = b.opener_kind
            if kind == "dateline":
                el = _sub(opener, "dateline")
                when = iso_date(b.flat)
                self._dateline(el, b, when)
                self.body_date = self.body_date or (when or "")
                self._bears(when, b.flat)
            elif kind == "salute":
                el = _sub(opener, "salute")
                self.inline.fill(el, b.start, b.end)
                self.salutes.append(b.flat)
            else:
                el = _sub(opener, "seg", {"type": "classification" if kind == "classification" else "heading"})
                self.inline.fill(el, b.start, b.end)
                if kind == "classification" and not self.classification_in_body:
                    self.classification_in_body = re.sub(r"^copy\.\s*", "", b.flat, flags=re.I).rstrip(".")
            seg(b, el.tag.split("}")[1])
            i += 1
        # middle
        stack: list[tuple[etree._Element, int]] = []  # (list element, depth)
        item_of: dict[str, etree._Element] = {}
        middle_any = False
        tail_from = next((k for k in range(i, len(blocks)) if blocks[k].role in
                          ("copies-head", "tail", "closer-date", "closer-signed")), len(blocks))
        while i < tail_from:
            b = blocks[i]
            if b.role == "point":
                # find or open the list for this depth
                while stack and stack[-1][1] > b.depth:
                    stack.pop()
                if not stack or stack[-1][1] < b.depth:
                    parent_n = b.n.rsplit(".", 1)[0] if "." in b.n else ""
                    host = item_of.get(parent_n, body) if parent_n else body
                    lst = _sub(host, "list", {"type": "numbered"})
                    stack.append((lst, b.depth))
                item = _sub(stack[-1][0], "item", {"n": b.local_n})
                item_of[b.n] = item
                p = _sub(item, "p")
                self.inline.fill(p, b.start, b.end, label=b.label)
                seg(b, "item", b.n)
                middle_any = True
                i += 1
                continue
            if b.role == "point-continuation":
                item = item_of.get(b.n)
                if item is not None:
                    p = _sub(item, "p")
                    self.inline.fill(p, b.start, b.end)
                    k = sum(1 for s in self.segments if s["n"] == b.n or s["n"].startswith(b.n + "/"))
                    seg(b, "p", f"{b.n}/{k + 1}")
                    i += 1
                    continue
            stack.clear()
            if b.role == "copy-item":
                lst = _sub(body, "list", {"type": "distribution"})
                while i < tail_from and blocks[i].role == "copy-item":
                    self._copy_item(lst, blocks[i])
                    i += 1
                middle_any = True
                continue
            p = _sub(body, "p")
            self.inline.fill(p, b.start, b.end)
            seg(b, "p")
            if RE_DATE_ONLY.match(b.flat):
                # "REPORT / on the drilling plan / Ploeshti [Ploiești], 14 September 1950": a dateline
                # below a subtitle the opener ends before is still the document's own date
                self._bears(iso_date(b.flat), b.flat)
            middle_any = True
            i += 1
        if not middle_any:
            _sub(body, "p")
        # tail: closers and postscripts in the order of the text
        current = None
        while i < len(blocks):
            b = blocks[i]
            if b.role == "closer-date":
                if current is None or current.tag != T + "closer":
                    current = _sub(body, "closer")
                elif len(current):
                    _sub(current, "lb")
                el = _sub(current, "dateline")
                when = iso_date(b.flat)
                self._dateline(el, b, when)
                self._bears(when, b.flat)
                seg(b, "dateline")
                i += 1
                continue
            if b.role == "closer-signed":
                if current is None or current.tag != T + "closer":
                    current = _sub(body, "closer")
                elif len(current):
                    _sub(current, "lb")
                raw = self.text[b.start:b.end]
                m = RE_DATE_SIGNED.match(raw)
                if m:
                    cut = b.start + m.start("name")
                    el = _sub(current, "dateline")
                    d = _sub(el, "date", {"when": iso_date(m.group("date"))})
                    self.inline.fill(d, b.start, b.start + m.end("date"))
                    self._bears(iso_date(m.group("date")), m.group("date"))
                    sig = _sub(current, "signed")
                    self.inline.fill(sig, cut, b.end)
                else:
                    self.inline.fill(_sub(current, "signed"), b.start, b.end)
                seg(b, "signed")
                i += 1
                continue
            if current is None or current.tag != T + "postscript":
                current = _sub(body, "postscript")
            if b.role in ("copies-head", "copy-item"):
                items = []
                head = None
                if b.role == "copies-head":
                    head = b
                    i += 1
                while i < len(blocks) and blocks[i].role == "copy-item":
                    items.append(blocks[i])
                    i += 1
                if items:
                    lst = _sub(current, "list", {"type": "distribution"})
                    if head is not None:
                        h = _sub(lst, "head")
                        self.inline.fill(h, head.start, head.end)
                        seg(head, "head")
                    for it in items:
                        self._copy_item(lst, it)
                else:
                    p = _sub(current, "p")
                    self.inline.fill(p, head.start, head.end)
                    seg(head, "p")
                continue
            p = _sub(current, "p")
            self.inline.fill(p, b.start, b.end)
            seg(b, "p")
            i += 1
        return body

    def _copy_item(self, lst, b: Block) -> None:
        m = RE_COPY_ITEM.match(b.flat)
        num = re.sub(r"\s+", "", m.group("num")) if m else ""
        item = _sub(lst, "item", {"n": num})
        self.inline.fill(item, b.start, b.end)
        dest = _clean_name(m.group("dest")) if m else ""
        self.copies.append({"n": num, "destination": dest, "raw": b.flat})
        self.segments.append({"n": f"copy{num}" if num else f"copy{len(self.copies)}", "kind": "item",
                              "start": b.start, "end": b.end, "label": ""})

    # -- header --------------------------------------------------------------------------------
    def build_header(self, doc_id: str, citations: list[dict]) -> etree._Element:
        f = self.layout.fields
        get = lambda k: f[k].value if k in f else ""  # noqa: E731
        h = etree.Element(T + "teiHeader")
        fd = _sub(h, "fileDesc")
        ts = _sub(fd, "titleStmt")
        title = get("title") or doc_id
        _sub(ts, "title", text=title)
        funders = get("credits") or get("funder")
        funders = re.sub(r"^This document was made possible with support from\s+", "", funders).rstrip(".")
        for fu in [x for x in re.split(r"\s+and\s+(?=[A-Z])", funders) if x.strip()] if funders else []:
            _sub(ts, "funder", text=fu.strip())
        citation = citation_text(f)
        credit = " ".join(x for x in (get("citation"), get("source")) if x)   # who translated, who obtained
        tr = RE_TRANSLATOR.search(credit)
        co = RE_CONTRIBUTOR.search(credit)
        translator = tr.group("who").rstrip(".") if tr else _translator_field(get("translator"))
        rs = _sub(ts, "respStmt", {XML_ID: "translator"})
        _sub(rs, "resp", text="translated by")
        if translator:
            _sub(rs, "persName", text=translator)
        else:
            _sub(rs, "name", text="unknown translator")
        if co:
            rs2 = _sub(ts, "respStmt", {XML_ID: "contributor"})
            _sub(rs2, "resp", text=co.group("how").lower() + " by")
            _sub(rs2, "persName", text=co.group("who").rstrip("."))
        ps = _sub(fd, "publicationStmt")
        if "Wilson Center Digital Archive" in citation or "History and Public Policy Program" in get("rights"):
            _sub(ps, "publisher", text="Wilson Center Digital Archive")
        else:
            _sub(ps, "publisher", text="unknown")
        url = re.search(r"<?(https?://[^\s>]+)>?", citation)
        if url:
            _sub(ps, "idno", {"type": "URI"}, url.group(1))
        if get("record id"):
            _sub(ps, "idno", {"type": "record"}, get("record id"))
        if get("rights"):
            av = _sub(ps, "availability")
            _sub(av, "p", text=get("rights"))
        sd = _sub(fd, "sourceDesc")
        ms = _sub(sd, "msDesc")
        mi = _sub(ms, "msIdentifier")
        cit = citations[0] if citations else None
        repository = cit and (cit.get("repository") or cit.get("repository_raw"))
        if cit and (repository or cit.get("fond")):
            _sub(mi, "repository", text=repository or "unknown")
            host = mi
            for key in UNIT_LEVELS:  # fond > opis > papka > delo, each nested in the one above
                if cit.get(key):
                    host = _sub(host, "idno", {"type": key, "rend": cit.get(key + "_raw")}, cit.get(key))
        else:
            _sub(mi, "repository", text="unknown")
        mc = _sub(ms, "msContents")
        if get("summary"):
            _sub(mc, "summary", text=get("summary"))
        mitem = _sub(mc, "msItem")
        if cit and cit.get("folios"):
            _sub(mitem, "locus", {"from": cit.get("folio_from"), "to": cit.get("folio_to")},
                 cit.get("folios_raw") or cit.get("folios"))
        _sub(mitem, "title", text=title)
        if get("original language"):
            lang = get("original language")
            tl = _sub(mitem, "textLang", {"mainLang": "ru" if lang.lower().startswith("russian") else None}, lang)
            if tl.get("mainLang"):
                self.ctx.langs.add("ru")
        if citation:
            _sub(sd, "bibl", text=citation)
        ed = _sub(h, "encodingDesc")
        ai = _sub(ed, "appInfo")
        app = _sub(ai, "application", {"ident": "provenance", "version": __version__})
        _sub(app, "label", text="provenance ingest")
        edl = _sub(ed, "editorialDecl")
        for para in EDITORIAL_DECL:
            _sub(edl, "p", text=para)
        pd = _sub(h, "profileDesc")
        cr = _sub(pd, "creation")
        when = iso_date(get("date")) if get("date") else (self.body_date or None)
        written = get("date") or None
        if self.own_date and self.own_date[0] != when:
            # the date the document bears, not the catalogue's (which may be that of its registration)
            when, written = self.own_date
        _sub(cr, "date", {"when": when}, written)
        lu = _sub(pd, "langUsage")
        _sub(lu, "language", {"ident": "en"}, "English")
        if "ru" in self.ctx.langs:
            _sub(lu, "language", {"ident": "ru"}, "Russian")
        if "ru-Latn" in self.ctx.langs:
            _sub(lu, "language", {"ident": "ru-Latn"}, "Russian in Latin transliteration")
        for lang in sorted(self.ctx.langs - {"ru", "ru-Latn"}):
            _sub(lu, "language", {"ident": lang}, language_name(lang))
        classification = get("original classification") or self.classification_in_body
        if classification:
            tc = _sub(pd, "textClass")
            kw = _sub(tc, "keywords")
            _sub(kw, "term", {"type": "classification"}, classification)
        self._corresp(pd, title, when)
        if self.ctx.hands:
            hn = _sub(pd, "handNotes")
            for hand in self.ctx.hands:
                what = "Handwriting on the original" + (
                    f" ({hand['place']})" if hand["place"] not in ("inline", "") else "")
                if hand["kind"] == "shift":
                    what = "A change of hand announced by the transcription"
                _sub(hn, "handNote", {XML_ID: hand["id"]}, what + ".")
        return h

    def _dateline(self, el, b, when: str | None) -> None:
        """A dateline's place as written, then its date (``<date when>``): "Ploeshti [Ploiești], 14
        September 1950"."""
        m = RE_DATE_PART.search(self.text, b.start, b.end)
        cut = m.start() if m else b.start
        if cut > b.start:
            self.inline.fill(el, b.start, cut)
        self.inline.fill(_sub(el, "date", {"when": when}), cut, b.end)

    def _bears(self, when: str | None, written: str) -> None:
        """Record the first full date (day, month and year) of the document's own datelines."""
        if self.own_date is None and when and len(when) == 10:
            self.own_date = (when, " ".join(written.split()))

    def _corresp(self, pd, title: str, when: str | None) -> None:
        senders, recipients = parties_from_title(title)
        people: list[str] = list(recipients)
        orgs: list[str] = []
        for s in self.salutes:
            name = _clean_name(s)
            if not name:
                continue
            if RE_PERSON.fullmatch(name) and not re.search(r"\b(CC|VKP|NKVD|Secretariat|Department|Committee)\b",
                                                           name):
                people.append(name)
            else:
                orgs.append(name)
        for c in self.copies:
            d = c["destination"]
            if d and RE_PERSON.fullmatch(d) and d.lower() not in ("file", "markup") and \
                    not any(w.lower() in NOT_A_NAME | {"addressee", "addressees", "file", "secretariat",
                                                       "department"} for w in re.split(r"[\s']+", d)):
                people.append(d)
        if not (senders or people or orgs):
            return
        cd = _sub(pd, "correspDesc")
        if senders:
            ca = _sub(cd, "correspAction", {"type": "sent"})
            for s in senders:
                _sub(ca, "persName", text=s)
            if when:
                _sub(ca, "date", {"when": when})
        seen = set()
        for p in people:
            key = _surname(p)
            if key in seen:
                continue
            seen.add(key)
            ca = _sub(cd, "correspAction", {"type": "received"})
            _sub(ca, "persName", text=p)
        for o in orgs:
            if o.lower() in seen:
                continue
            seen.add(o.lower())
            ca = _sub(cd, "correspAction", {"type": "received"})
            _sub(ca, "orgName", text=o)
