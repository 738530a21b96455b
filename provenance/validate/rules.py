"""Project rules: what no grammar can say about the TEI this project writes.

Each rule has an id, a severity and a check that yields (element, message, attribute).
Every rule has a passing and a failing fixture in tests/fixtures/validate/.
"""

from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from lxml import etree

from provenance import XML_NS
from provenance.vocab import T

_XML_ID = "{%s}id" % XML_NS
_XML_LANG = "{%s}lang" % XML_NS

#: attributes whose "#name" tokens must point to an xml:id in the same file
POINTER_ATTRIBUTES = ("resp", "hand", "ref", "new", "wit", "corresp", "target", "who", "rendition",
                      "scribeRef", "scriptRef", "source")
#: attributes that hold dates (W3C / ISO 8601)
DATE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
#: elements whose @from/@to are not dates (folios, page ranges, spans)
NOT_DATED = {"locus", "biblScope", "citedRange", "span", "rt", "relation", "link", "arc", "precision"}
#: the first child of msIdentifier must be one of these (a place or a repository)
MSID_START = ("placeName", "bloc", "country", "region", "settlement", "district", "geogName",
              "institution", "repository")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # "error" or "warning"
    title: str
    check: Callable[[etree._ElementTree], Iterator[tuple]]


def _local(el) -> str:
    return etree.QName(el).localname


def _attr_name(key: str) -> str:
    if key.startswith("{%s}" % XML_NS):
        return "xml:" + key.split("}", 1)[1]
    return key


# ----------------------------------------------------------------------------- pointers

def _with_any(tree, names: frozenset) -> Iterator[etree._Element]:
    """Elements carrying at least one of the attributes ``names``, in document order (a plain
    walk: an order of magnitude faster than an XPath that tests each name)."""
    for el in tree.getroot().iter(etree.Element):
        keys = el.keys()
        if keys and not names.isdisjoint(keys):
            yield el


_POINTERS = frozenset(POINTER_ATTRIBUTES)
_DATES = frozenset(DATE_ATTRIBUTES)
_IDS_XPATH = etree.XPath("//@xml:id")
_IDS_EL_XPATH = etree.XPath("//*[@xml:id]")
_LANG_XPATH = etree.XPath("//*[@xml:lang]")


def check_pointers(tree):
    ids = [str(v) for v in _IDS_XPATH(tree)]
    idset = set(ids)
    for el in _with_any(tree, _POINTERS):
        for attr in POINTER_ATTRIBUTES:
            value = el.get(attr)
            if not value:
                continue
            for token in value.split():
                if not token.startswith("#"):
                    continue
                target = token[1:]
                if target in idset:
                    continue
                if ids:
                    msg = f'@{attr}="{token}" points to no xml:id; declared ids are: {", ".join(ids)}'
                    close = difflib.get_close_matches(target, ids, n=1, cutoff=0.6)
                    if close:
                        msg += f' (did you mean "#{close[0]}"?)'
                else:
                    msg = (f'@{attr}="{token}" points to no xml:id; the file declares none: add '
                           f'xml:id="{target}" to the element it means (a respStmt or handNote)')
                yield el, msg, attr


def check_unique_ids(tree):
    first: dict[str, int] = {}
    for el in _IDS_EL_XPATH(tree):
        v = el.get(_XML_ID)
        if v is None:
            continue
        if v in first:
            yield el, (f'xml:id="{v}" is declared twice (first on line {first[v]}): ids must be unique; '
                       f"rename one and update the pointers to it"), "xml:id"
        else:
            first[v] = el.sourceline or 0


# ----------------------------------------------------------------------------- dates

_ISO = re.compile(r"^(-?\d{4,})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                  r"(?:Z|[+-]\d{2}:\d{2})?)?)?)?$")
_MONTHS = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def iso_date_problem(value: str) -> str | None:
    """Why ``value`` is not a valid ISO date (YYYY, YYYY-MM, YYYY-MM-DD, or a date-time), or None."""
    m = _ISO.match(value.strip()) if value else None
    if not m or value != value.strip():
        return "write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 1945-04-29)"
    year, month, day, hh, mm, ss = m.groups()
    y = int(year)
    if y == 0:
        return "year 0000 does not exist in ISO dates as TEI reads them; write the year with four digits"
    if month is not None:
        mo = int(month)
        if not 1 <= mo <= 12:
            return f"month {month} does not exist; months run from 01 to 12"
        if day is not None:
            d = int(day)
            last = calendar.monthrange(y if y > 0 else 2000, mo)[1]
            if not 1 <= d <= last:
                return f"day {day} does not exist in {_MONTHS[mo]} {year} (it has {last} days)"
    if hh is not None:
        if int(hh) > 23 or int(mm) > 59 or (ss is not None and int(ss) > 59):
            return f"time {hh}:{mm}{':' + ss if ss else ''} does not exist"
    return None


def _date_key(value: str) -> tuple | None:
    m = _ISO.match(value or "")
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    return int(year), int(month or 0), int(day or 0)


def check_iso_dates(tree):
    for el in _with_any(tree, _DATES):
        name = _local(el)
        for attr in DATE_ATTRIBUTES:
            value = el.get(attr)
            if value is None:
                continue
            if attr in ("from", "to") and name in NOT_DATED:
                continue
            why = iso_date_problem(value)
            if why:
                yield el, f'@{attr}="{value}" on <{name}> is not a valid ISO date: {why}', attr


def check_date_range(tree):
    for el in _with_any(tree, _DATES):
        name = _local(el)
        for lo, hi in (("notBefore", "notAfter"), ("from", "to")):
            if lo == "from" and name in NOT_DATED:
                continue
            a, b = el.get(lo), el.get(hi)
            if a is None or b is None:
                continue
            ka, kb = _date_key(a), _date_key(b)
            if ka is None or kb is None or iso_date_problem(a) or iso_date_problem(b):
                continue
            # compare only as precisely as both are given
            n = min(sum(1 for x in ka if x), sum(1 for x in kb if x))
            if ka[:n] > kb[:n]:
                yield el, (f'@{lo}="{a}" is later than @{hi}="{b}" on <{name}>: swap them, or correct '
                           f"the date"), lo


def check_when_exclusive(tree):
    for el in _with_any(tree, _DATES):
        if el.get("when") is None:
            continue
        both = [a for a in ("notBefore", "notAfter") if el.get(a) is not None]
        if both:
            attrs = " and ".join("@" + a for a in both)
            yield el, (f"<{_local(el)}> has @when together with {attrs}: keep @when for a known date, "
                       f"or @notBefore/@notAfter for a range, not both"), both[0]


# ----------------------------------------------------------------------------- structure

def check_choice(tree):
    for el in tree.getroot().iter(T + "choice"):
        kids = [c for c in el if isinstance(c.tag, str)]
        if len(kids) < 2:
            have = f"only <{_local(kids[0])}>" if kids else "no child element"
            hint = {
                "sic": "<corr>", "corr": "<sic>", "orig": "<reg>", "reg": "<orig>",
                "abbr": "<expan>", "expan": "<abbr>",
            }.get(_local(kids[0]) if kids else "", "a second alternative")
            yield el, (f"<choice> has {have}; a choice needs at least two alternatives: add {hint}, "
                       f"or remove the <choice> wrapper"), None


def check_msidentifier(tree):
    for el in tree.getroot().iter(T + "msIdentifier"):
        parent = el.getparent()
        if parent is not None and _local(parent) == "msPart":
            continue
        kids = [c for c in el if isinstance(c.tag, str)]
        if not kids:
            yield el, ("<msIdentifier> is empty; it must begin with a place or a repository: add "
                       "<repository> (and <settlement>/<country> if known)"), None
        elif _local(kids[0]) not in MSID_START:
            yield el, (f"<msIdentifier> begins with <{_local(kids[0])}>; it must begin with a place or a "
                       f"repository: add <repository> (or <settlement>) before <{_local(kids[0])}>"), None


def _distribution_lists(tree):
    for lst in tree.getroot().iter(T + "list"):
        if (lst.get("type") or "") == "distribution":
            yield lst


def check_copy_unique(tree):
    for lst in _distribution_lists(tree):
        first: dict[str, int] = {}
        for item in lst.iterchildren(T + "item"):
            n = item.get("n")
            if n is None:
                continue
            key = n.strip()
            if key in first:
                yield item, (f'copy number n="{n}" appears twice in this distribution list (first on line '
                             f"{first[key]}): give each copy its own number"), "n"
            else:
                first[key] = item.sourceline or 0


def check_copy_numbered(tree):
    for lst in _distribution_lists(tree):
        for item in lst.iterchildren(T + "item"):
            if item.get("n") is None:
                yield item, ('this copy in a distribution list has no copy number: add n="..." with the '
                             "copy number as written"), None


# ----------------------------------------------------------------------------- languages

_LANG_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")


def check_languages(tree):
    root = tree.getroot()
    declared = [lang.get("ident") for lang in root.iter(T + "language") if lang.get("ident")]
    dset = set(declared)
    for el in _LANG_XPATH(tree):
        value = el.get(_XML_LANG)
        if value is None or value in dset:
            continue
        if value == "" or not _LANG_TAG.match(value):
            continue  # a malformed tag is a grammar error, reported there
        if declared:
            msg = (f'xml:lang="{value}" is not declared in langUsage: add <language ident="{value}">...'
                   f'</language> to profileDesc/langUsage (declared: {", ".join(declared)})')
        else:
            msg = (f'xml:lang="{value}" is not declared: the file has no langUsage; add '
                   f'<langUsage><language ident="{value}">...</language></langUsage> to profileDesc')
        yield el, msg, "xml:lang"


RULES: tuple[Rule, ...] = (
    Rule("xml-id-unique", "error", "every xml:id is declared once", check_unique_ids),
    Rule("pointer-target", "error", "every #pointer resolves to an xml:id in the file", check_pointers),
    Rule("when-exclusive", "error", "@when is never combined with @notBefore/@notAfter", check_when_exclusive),
    Rule("iso-date", "error", "date attributes hold valid ISO dates", check_iso_dates),
    Rule("date-order", "error", "@notBefore/@from come before @notAfter/@to", check_date_range),
    Rule("choice-alternatives", "error", "choice has at least two children", check_choice),
    Rule("msidentifier-start", "error", "msIdentifier begins with a place or a repository", check_msidentifier),
    Rule("copy-number-unique", "error", "copy numbers in a distribution list are unique", check_copy_unique),
    Rule("copy-number-present", "warning", "every copy in a distribution list has a number", check_copy_numbered),
    Rule("lang-declared", "error", "every xml:lang is declared in langUsage", check_languages),
)

RULES_BY_ID = {r.id: r for r in RULES}


def check_rules(tree) -> list[dict]:
    """Findings of every project rule on one TEI document, in document order."""
    out = []
    for rule in RULES:
        for el, message, attr in rule.check(tree):
            out.append(dict(line=el.sourceline or 0, column=0, severity=rule.severity, message=message,
                            rule=rule.id, element=el, attribute=_attr_name(attr) if attr else None))
    out.sort(key=lambda f: (f["line"], f["rule"]))
    return out
