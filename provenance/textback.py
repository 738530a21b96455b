"""Reading TEI back to plain text, in two layers.

* ``edition``: the transcription as the editor presented it, brackets and all, rebuilt from
  the markup (the body of the source, modulo whitespace, for TEI written by ``ingest``).
* ``original``: the words of the original document only: no supplied words, glosses,
  translator's notes or sic flags; conjectures and regularizations give way to what the
  document says.
"""

from __future__ import annotations

import re

from lxml import etree

from provenance.vocab import NS, T

# Elements that stand on lines of their own. Lines inside an opener or closer (dateline, salute,
# signed, seg) are separated by <lb/>, so a date and a signature written on one line stay together.
BLOCKS = {"p", "head", "item", "opener", "closer", "postscript", "list", "ab", "lg", "l", "trailer", "byline",
          "div", "table", "row", "quote", "floatingText"}


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _ws(s: str | None) -> str:
    return re.sub(r"\s+", " ", s) if s else ""


def _fmt(template: str, content: str) -> str:
    return template.replace("{}", content) if "{}" in template else template


class _Reader:
    def __init__(self, layer: str):
        if layer not in ("edition", "original"):
            raise ValueError(f"unknown layer {layer!r}: use 'edition' or 'original'")
        self.layer = layer
        self.ed = layer == "edition"

    def inner(self, el) -> str:
        # line breaks in the XML source are only whitespace: lines come from <lb/> and blocks
        parts = [_ws(el.text)]
        for k in el:
            parts.append(self.node(k))
            parts.append(_ws(k.tail))
        return "".join(parts)

    def node(self, el) -> str:
        name = _local(el)
        if not name:  # comments, processing instructions
            return ""
        rend = el.get("rend") or ""
        ed = self.ed
        if name == "sic":
            return self.inner(el) + (" " + (rend or "[sic]") if ed else "")
        if name == "choice":
            kids = {(_local(k)): k for k in el}
            if "sic" in kids and "corr" in kids:
                s = self.inner(kids["sic"])
                if not ed:
                    return s
                return s + " " + _fmt(rend or "[sic, perhaps {} was intended]", self.inner(kids["corr"]))
            if "orig" in kids:
                o = self.inner(kids["orig"])
                if not ed:
                    return o
                regs = [self.inner(k) for k in el if _local(k) == "reg"]
                if rend:
                    return o + " " + rend
                return o + " [" + " or ".join(regs) + "]"
            if "abbr" in kids:
                a = self.inner(kids["abbr"])
                if not ed:
                    return a
                exp = self.inner(kids["expan"]) if "expan" in kids else ""
                return a + " " + _fmt(rend or "[{}]", exp)
            first = next(iter(el), None)
            return self.node(first) if first is not None else ""
        if name == "gap":
            reason = el.get("reason", "")
            if reason == "unrendered":
                try:
                    n = int(el.get("quantity", "1"))
                except ValueError:
                    n = 1
                return "\u25a1" * n if ed else ""
            if not ed:
                return ""
            if reason == "redacted-by-source":
                return "[email protected]"
            desc = el.find(T + "desc")
            if desc is not None:
                return "[" + self.inner(desc) + "]"
            if rend:
                return rend
            ext = el.get("extent")
            return "[illegible" + (" " + ext if ext else "") + "]" if reason == "illegible" else "[" + reason + "]"
        if name == "space":
            return (rend or "[left blank]") if ed else " "
        if name == "note":
            content = self.inner(el)
            if el.get("resp") or el.get("type") in ("translator", "editorial", "gloss"):
                if not ed:
                    return ""
                default = "[Translator's note: {}]" if el.get("type") == "translator" else "[{}]"
                return _fmt(rend or default, content)
            if not ed:
                return content
            return _fmt(rend or "[Note at the bottom of the page: {}]", content)
        if name == "unclear":
            content = self.inner(el)
            return _fmt(rend or "[illegible; perhaps \"{}\"]", content) if ed else content
        if name == "add":
            content = self.inner(el)
            return _fmt(rend or "[Handwritten: {}]", content) if ed else content
        if name == "stamp":
            content = self.inner(el)
            return _fmt(rend or "[stamp: {}]", content) if ed else content
        if name == "del":
            return _fmt(rend or '[crossed out: "{}"]', self.inner(el)) if ed else ""
        if name == "pb":
            return (rend or "[page break]") if ed else ""
        if name == "handShift":
            return (rend or "[Handwritten:]") if ed else ""
        if name in ("supplied", "foreign") and el.get("resp"):
            return ("[" + self.inner(el) + "]") if ed else ""
        if name == "supplied":
            return ("[" + self.inner(el) + "]") if ed else ""
        if name in ("corr", "reg", "expan"):  # outside a choice: the editor's words
            return ("[" + self.inner(el) + "]") if ed else ""
        if name == "app":  # a critical apparatus reads as its base text (the lemma, else the first reading)
            kids = [k for k in el if _local(k) in ("lem", "rdg")]
            first = next((k for k in kids if _local(k) == "lem"), kids[0] if kids else None)
            return self.inner(first) if first is not None else ""
        if name == "lb":
            return "\n"
        if name == "desc":
            return ""
        text = self.inner(el)
        if name in BLOCKS:
            return "\n\n" + text + "\n\n"
        return text


def tei_body(tree: etree._ElementTree | etree._Element):
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    body = root.find(f".//{T}text/{T}body")
    if body is None:
        body = root.find(f".//{T}body")
    return body


def tei_to_text(tree: etree._ElementTree | etree._Element, layer: str = "edition") -> str:
    """The body of a TEI document as plain text: paragraphs separated by blank lines."""
    body = tei_body(tree)
    if body is None:
        return ""
    raw = _Reader(layer).inner(body)
    paras = []
    for chunk in raw.split("\n\n"):
        lines = [" ".join(line.split()) for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            paras.append("\n".join(lines))
    return "\n\n".join(paras) + ("\n" if paras else "")



def tei_meta(tree) -> dict:
    """What a TEI header says of its document, whitespace-normalized, empty values left out:
    ``title``, ``date_iso`` (creation/date/@when), ``date`` (as written), ``citation`` (the
    sourceDesc bibl), ``summary``, ``classification``, ``translator``, ``author`` (senders) and
    ``recipient`` (header addressees)."""
    ns = NS
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
