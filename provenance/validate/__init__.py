"""`provenance validate`: TEI and the project's JSON files checked with messages an editor can act on.

Public API::

    validate_paths(paths, schema="project", engine="lxml", strict=False) -> dict
    iter_results(paths, schema="project", engine="lxml") -> Iterator[FileResult]
    iter_findings(paths, schema="project", engine="lxml") -> Iterator[Finding]
    validate_tree(tree, path, schema="project") -> list[Finding]
    format_finding(finding) -> str        # "path:line:column: severity: message [rule-id]"
    summary_line(summary) -> str

A TEI file is checked against a RELAX NG grammar (``project``: schemas/tei-project.rng,
``tei_all``: the official TEI P5 grammar, or any ``.rng`` file), with lxml or with jing,
then against the project rules (:mod:`provenance.validate.rules`). A JSON file is matched
to its JSON Schema in schemas/ (:mod:`provenance.validate.kinds`) and checked against it.

Input that cannot be read, is not well-formed, declares a DTD, or is larger than the limit
is reported with the rule id ``input`` and makes the whole run exit 3.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from lxml import etree

from provenance import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, TEI_NS
from provenance.errors import InputError, UsageError, as_provenance_error
from provenance.fileio import (
    DTD_REFUSED, JSON_LONG_NUMBER, MAX_XML_BYTES, XML_SUFFIXES, files_under, parse_xml_bytes, read_bytes
)
from provenance.validate import grammar as _grammar, kinds as _kinds
from provenance.validate.jing import require_jing, run_jing
from provenance.validate.rules import RULES, RULES_BY_ID, check_rules
from provenance.vocab import tool_header

__all__ = [
    "Finding", "FileResult", "validate_paths", "iter_results", "iter_findings", "validate_tree",
    "format_finding", "summary_line", "expand_inputs", "rule_ids", "RULES", "RULES_BY_ID", "ENGINES",
    "INPUT_SUFFIXES",
]

ENGINES = ("lxml", "jing")
#: files picked up when a folder is given
INPUT_SUFFIXES = set(XML_SUFFIXES) | {".json"}
#: rule findings that say the same as a grammar error on the same element, more precisely:
#: rule id -> grammar categories it replaces ("datatype" only when on the same attribute)
_SUPERSEDES = {"iso-date": {"datatype"}, "xml-id-unique": {"datatype"},
               "choice-alternatives": {"content", "cascade"}}


@dataclass
class Finding:
    path: str
    line: int
    column: int
    severity: str  # error | warning
    message: str
    rule: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class FileResult:
    path: str
    kind: str  # tei | xml | json | unknown
    schema: str | None = None
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    @property
    def status(self) -> str:
        if self.unreadable:
            return "unreadable"
        return "invalid" if self.errors else "valid"

    def to_dict(self) -> dict:
        return {"path": self.path, "kind": self.kind, "schema": self.schema, "status": self.status,
                "errors": self.errors, "warnings": self.warnings,
                "findings": [f.to_dict() for f in self.findings]}


def format_finding(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.rule}]"


def summary_line(summary: dict) -> str:
    def plural(n, word):
        return f"{n} {word}" + ("" if n == 1 else "s")
    parts = [f"{summary['valid']} valid", f"{summary['invalid']} invalid"]
    if summary["unreadable"]:
        parts.append(f"{summary['unreadable']} unreadable")
    return (f"{plural(summary['files'], 'file')} checked: " + ", ".join(parts) + "; "
            + plural(summary["errors"], "error") + ", " + plural(summary["warnings"], "warning"))


# ----------------------------------------------------------------------------- inputs

def expand_inputs(paths: Iterable) -> tuple[list[str], list[FileResult]]:
    """Files to check (folders searched for .xml/.tei/.json, hidden entries skipped, sorted),
    and results for paths that give nothing to check (missing, empty folder)."""
    files: list[str] = []
    problems: list[FileResult] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = files_under(p, INPUT_SUFFIXES)
            if not found:
                problems.append(_input_problem(str(p), "holds no .xml, .tei or .json files", kind="unknown"))
            files.extend(str(q) for q in found)
        elif not p.exists():
            problems.append(_input_problem(str(p), "no such file or folder", kind="unknown"))
        else:
            files.append(str(p))
    return files, problems


def _input_problem(path: str, message: str, line: int | None = None, kind: str = "unknown") -> FileResult:
    return FileResult(path=path, kind=kind, unreadable=True,
                      findings=[Finding(path, line or 0, 0, "error", message, "input")])


def _read_limited(path: str, max_bytes: int) -> bytes:
    data = read_bytes(path, max_bytes, too_large="is too large to check",
                      advice="; split it or check it with another tool")
    if not data.strip():
        raise InputError("is empty", path)
    return data


# ----------------------------------------------------------------------------- TEI

def _parse_tei(data: bytes, path: str):
    try:
        tree = parse_xml_bytes(data, path)  # refuses entity declarations, no network, no DTD loading
    except InputError as exc:
        if not re.search(r"ID \S+ already defined", exc.message):
            raise
        # a duplicate xml:id is a validity error, not a well-formedness one: parse again without
        # collecting ids (the safety checks above have passed) and let the rules report it
        try:
            tree = parse_xml_bytes(data, path, collect_ids=False)
        except InputError:
            raise exc from None
    info = tree.docinfo
    if info.doctype or info.system_url or info.public_id or info.internalDTD is not None:
        raise InputError(DTD_REFUSED, path, 1)
    return tree


def _grammar_findings(tree, path: str, g) -> list[dict]:
    out = []
    for f in _grammar.check_tree(tree, g):
        f = dict(f)
        f["rule"] = f"schema:{g.label}"
        f["severity"] = "error"
        out.append(f)
    return out


def _columns(found: list[dict], data: bytes | None) -> None:
    """Fill in 1-based columns from the source text: the element's start tag, or its attribute."""
    if not data or not found:
        return
    try:
        lines = data.decode("utf-8", errors="replace").split("\n")
    except Exception:  # noqa: BLE001 - columns are a convenience
        return
    for f in found:
        el = f.get("element")
        if el is None or f.get("column") or not el.sourceline or el.sourceline > len(lines):
            continue
        text = lines[el.sourceline - 1]
        qname = el.prefix + ":" + etree.QName(el).localname if el.prefix else etree.QName(el).localname
        # the n-th start tag of that name on the line, n counted in document order
        n = 0
        for other in el.getroottree().getroot().iter(el.tag):
            if other is el:
                break
            if other.sourceline == el.sourceline:
                n += 1
        pos = -1
        for _ in range(n + 1):
            pos = text.find("<" + qname, pos + 1)
            if pos < 0:
                break
        if pos < 0:
            continue
        col = pos
        attr = f.get("attribute")
        if attr:
            apos = text.find(attr + "=", pos)
            if apos > 0:
                col = apos
        f["column"] = col + 1


def _merge(path: str, grammar_found: list[dict], rule_found: list[dict], data: bytes | None = None) -> list[Finding]:
    kept = []
    for g in grammar_found:
        superseded = False
        for r in rule_found:
            cats = _SUPERSEDES.get(r["rule"])
            if not cats or r["element"] is None or r["element"] is not g.get("element"):
                continue
            if g.get("category") in cats and (g.get("category") != "datatype" or g.get("attribute") == r["attribute"]):
                superseded = True
                break
        if not superseded:
            kept.append(g)
    both = kept + rule_found
    _columns(both, data)
    both.sort(key=lambda f: (f["line"], f["column"], 0 if f["rule"].startswith(("schema:", "jing:")) else 1))
    return [Finding(path, f["line"], f["column"], f["severity"], f["message"], f["rule"]) for f in both]


def validate_tree(tree, path: str, schema: str | Path = "project") -> list[Finding]:
    """Grammar (lxml) and project-rule findings for one parsed TEI document."""
    g = _grammar.load_grammar(schema)
    is_tei = tree.getroot().tag == "{%s}TEI" % TEI_NS
    return _merge(path, _grammar_findings(tree, path, g), check_rules(tree) if is_tei else [])


# ----------------------------------------------------------------------------- JSON

def _decode_json(data: bytes, path: str) -> str:
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff")
            except UnicodeDecodeError:
                raise InputError(f"starts with a {enc.upper()} byte order mark but is not valid {enc.upper()}",
                                 path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError("is not UTF-8: JSON files must be UTF-8", path, line) from None


def _check_json(data: bytes, path: str) -> FileResult:
    text = _decode_json(data, path)
    try:
        instance = json.loads(text)
    except json.JSONDecodeError as exc:
        res = _input_problem(path, f"is not well-formed JSON: {exc.msg} (column {exc.colno})", exc.lineno,
                             kind="json")
        res.findings[0].column = exc.colno
        return res
    except RecursionError:
        return _input_problem(path, "is not usable JSON: nested too deeply", kind="json")
    except ValueError:  # a number with more digits than Python converts
        return _input_problem(path, f"is not usable JSON: {JSON_LONG_NUMBER}", kind="json")
    name = _kinds.match_json_schema(instance)
    res = FileResult(path=path, kind="json", schema=name)
    if name is None:
        keys = ", ".join(sorted(instance)[:12]) if isinstance(instance, dict) else type(instance).__name__
        res.findings.append(Finding(path, 1, 1, "error",
                                    f"is JSON, but no schema in schemas/ describes it (top level: {keys}); "
                                    "add \"$schema\": \"<name>.schema.json\" to say which it is", "json-kind"))
        return res
    positions = _kinds.json_positions(text)
    rule = "json:" + name.removesuffix(".schema.json")
    validator = _kinds.json_validator(name)
    errs = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    for err in errs:
        where = tuple(err.absolute_path)
        off = positions.get(where)
        k = len(where)
        while off is None and k > 0:
            k -= 1
            off = positions.get(where[:k])
        line, col = _kinds.line_column(text, off or 0)
        pointer = "/" + "/".join(str(p) for p in where)
        msg = err.message
        if len(msg) > 300:
            msg = msg[:297] + "..."
        res.findings.append(Finding(path, line, col, "error", f"{pointer}: {msg} (schema {name})", rule))
    return res


# ----------------------------------------------------------------------------- driver

def _check_file(path: str, schema, engine: str, max_bytes: int, pending: dict) -> FileResult:
    """The findings of one file; an error of the file itself is its one finding, never the end of the batch."""
    try:
        return _check_one(path, schema, engine, max_bytes, pending)
    except UsageError:  # the command, not the file: a bad --schema
        raise
    except Exception as exc:
        err = as_provenance_error(exc, path)
        return _input_problem(path, err.message, err.line)


def _check_one(path: str, schema, engine: str, max_bytes: int, pending: dict) -> FileResult:
    try:
        data = _read_limited(path, max_bytes)
    except InputError as exc:
        return _input_problem(path, exc.message, exc.line)
    kind = _kinds.sniff(data[:4096])
    if kind == _kinds.KIND_JSON:
        try:
            return _check_json(data, path)
        except InputError as exc:
            return _input_problem(path, exc.message, exc.line, kind="json")
    if kind != _kinds.KIND_XML:
        return _input_problem(path, "is neither XML nor JSON: give TEI files or JSON written by provenance")
    try:
        tree = _parse_tei(data, path)
    except InputError as exc:
        return _input_problem(path, exc.message, exc.line, kind="xml")
    is_tei = tree.getroot().tag == "{%s}TEI" % TEI_NS
    res = FileResult(path=path, kind="tei" if is_tei else "xml")
    rule_found = check_rules(tree) if is_tei else []
    if engine == "jing":
        label, rng_path = _grammar.resolve_schema(schema)
        res.schema = label
        pending[path] = (res, rule_found, data)
        return res
    g = _grammar.load_grammar(schema)
    res.schema = g.label
    res.findings = _merge(path, _grammar_findings(tree, path, g), rule_found, data)
    return res


def iter_results(paths: Iterable, schema: str | Path = "project", engine: str = "lxml",
                 max_bytes: int = MAX_XML_BYTES) -> Iterator[FileResult]:
    """One FileResult per input file, in the order given (folders expanded, sorted)."""
    if engine not in ENGINES:
        raise UsageError(f"--engine {engine}: unknown engine (use lxml or jing)")
    label, rng_path = _grammar.resolve_schema(schema)
    if engine == "jing":
        require_jing()
        if label not in _grammar.BUILTIN:  # jing would fetch what the grammar includes
            _grammar.read_schema(rng_path)
    files, problems = expand_inputs(paths)
    yield from problems
    if engine == "lxml":
        for path in files:
            yield _check_file(path, schema, engine, max_bytes, {})
        return
    pending: dict = {}
    results = [_check_file(path, schema, engine, max_bytes, pending) for path in files]
    found = run_jing(rng_path, list(pending)) if pending else {}
    for path, (res, rule_found, data) in pending.items():
        g = [dict(f, rule=f"jing:{label}", element=None, attribute=None, category="jing")
             for f in found.get(path, [])]
        res.findings = _merge(path, g, rule_found, data)
    yield from results


def iter_findings(paths: Iterable, schema: str | Path = "project", engine: str = "lxml",
                  max_bytes: int = MAX_XML_BYTES) -> Iterator[Finding]:
    for res in iter_results(paths, schema, engine, max_bytes):
        yield from res.findings


def validate_paths(paths: Iterable, schema: str | Path = "project", engine: str = "lxml", strict: bool = False,
                   max_bytes: int = MAX_XML_BYTES) -> dict:
    """Validate files and folders; the payload of ``provenance validate --json``.

    ``exit_code``: 3 when any input could not be read or parsed, else 1 when any error (or,
    with ``strict``, any warning) was found, else 0.
    """
    paths = [str(p) for p in paths]
    if not paths:
        raise UsageError("give at least one file or folder to validate")
    results = list(iter_results(paths, schema, engine, max_bytes))
    label, _ = _grammar.resolve_schema(schema)
    summary = {
        "files": len(results),
        "valid": sum(1 for r in results if r.status == "valid"),
        "invalid": sum(1 for r in results if r.status == "invalid"),
        "unreadable": sum(1 for r in results if r.status == "unreadable"),
        "errors": sum(r.errors for r in results),
        "warnings": sum(r.warnings for r in results),
    }
    if summary["unreadable"]:
        code = EXIT_INPUT
    elif summary["errors"] or (strict and summary["warnings"]):
        code = EXIT_FINDINGS
    else:
        code = EXIT_OK
    return {
        "tool": tool_header(),
        "settings": {"schema": label, "engine": engine, "strict": bool(strict), "max_bytes": max_bytes},
        "rules": [{"id": r.id, "severity": r.severity, "title": r.title} for r in RULES],
        "files": [r.to_dict() for r in results],
        "summary": summary,
        "exit_code": code,
    }


def rule_ids() -> list[str]:
    return [r.id for r in RULES]

