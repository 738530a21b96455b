"""What kind of file is this? TEI, other XML, or one of the project's JSON payloads.

The kind is read from the content, never from the file name:

* a file whose first non-blank character is ``<`` is XML; it is TEI when its root element
  is ``TEI`` in the TEI namespace;
* a file whose first non-blank character is ``{`` or ``[`` is JSON, matched to a schema of
  ``schemas/*.schema.json`` by these steps, the first that decides wins:

  1. a top-level ``"$schema"`` string naming one of those files (by file name or ``$id``);
  2. the schemas whose ``required`` keys are all present in the payload; the one with the
     most required keys wins (``chain`` output also carries every key ``ingest`` requires);
     a tie is broken by trying each and keeping one the payload is valid against;
  3. schemas without ``required`` keys (input files such as lexicons and rules files) whose
     declared ``properties`` include every top-level key of the payload, tried in turn;
  4. schemas that are a ``oneOf``/``anyOf`` of payloads (the catalog's add, list and query
     outputs): one whose alternative has all its ``required`` keys in the payload, preferring
     one the payload is valid against;

  a payload no schema claims is reported as an unknown JSON file.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from provenance.resources import json_validator, load_json_schema, schema_dir

KIND_TEI = "tei"
KIND_XML = "xml"
KIND_JSON = "json"
KIND_UNKNOWN = "unknown"


def sniff(head: bytes) -> str:
    """``xml``, ``json`` or ``unknown`` from the first bytes of a file."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):]
            if enc != "utf-8":
                try:
                    head = head.decode(enc, errors="ignore").encode("utf-8")
                except (UnicodeError, LookupError):
                    return KIND_UNKNOWN
            break
    stripped = head.lstrip(b" \t\r\n")
    if stripped.startswith(b"<"):
        return KIND_XML
    if stripped.startswith(b"{") or stripped.startswith(b"["):
        return KIND_JSON
    return KIND_UNKNOWN


@lru_cache(maxsize=1)
def json_schema_names() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in schema_dir().glob("*.schema.json")))


def _required(name: str) -> list[str]:
    req = load_json_schema(name).get("required")
    return list(req) if isinstance(req, list) else []


def _properties(name: str) -> set[str]:
    props = load_json_schema(name).get("properties")
    return set(props) if isinstance(props, dict) else set()


def _alternatives_required(name: str) -> list[list[str]]:
    """The ``required`` keys of each top-level ``oneOf``/``anyOf`` alternative (``$ref``s to
    ``$defs`` followed)."""
    schema = load_json_schema(name)
    out = []
    for alt in (schema.get("oneOf") or []) + (schema.get("anyOf") or []):
        ref = alt.get("$ref", "") if isinstance(alt, dict) else ""
        if ref.startswith("#/$defs/"):
            alt = (schema.get("$defs") or {}).get(ref[len("#/$defs/"):], {})
        req = alt.get("required") if isinstance(alt, dict) else None
        if isinstance(req, list) and req:
            out.append(list(req))
    return out


def _valid(instance, name: str) -> bool:
    return not any(True for _ in json_validator(name).iter_errors(instance))


def match_json_schema(instance) -> str | None:
    """The file name of the schema in schemas/ that describes ``instance`` (see module doc)."""
    names = json_schema_names()
    if not isinstance(instance, dict):
        return None
    declared = instance.get("$schema")
    if isinstance(declared, str):
        base = declared.rstrip("/").rsplit("/", 1)[-1]
        for name in names:
            if base == name or declared == load_json_schema(name).get("$id"):
                return name
    keys = set(instance)
    complete = [(len(_required(n)), n) for n in names if _required(n) and set(_required(n)) <= keys]
    if complete:
        best = max(k for k, _ in complete)
        tied = sorted(n for k, n in complete if k == best)
        if len(tied) == 1:
            return tied[0]
        for n in tied:
            if _valid(instance, n):
                return n
        return tied[0]
    loose = [n for n in names if not _required(n) and keys and keys <= _properties(n)]
    for n in loose:
        if _valid(instance, n):
            return n
    if loose:
        return loose[0]
    alternatives = [n for n in names if any(set(req) <= keys for req in _alternatives_required(n))]
    for n in alternatives:
        if _valid(instance, n):
            return n
    return alternatives[0] if alternatives else None


# ---------------------------------------------------------------------------- JSON positions

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")


def json_positions(text: str) -> dict[tuple, int]:
    """Offset of every value in a JSON document, keyed by its path (tuple of keys/indexes).

    For object members the offset is that of the key, which is where an editor looks.
    Unknown syntax stops the scan quietly (the document was already parsed by ``json``).
    """
    out: dict[tuple, int] = {}
    decoder = json.decoder.scanstring

    def ws(i):
        return _WS.match(text, i).end()

    def value(i, path):
        i = ws(i)
        out.setdefault(path, i)
        c = text[i:i + 1]
        if c == "{":
            i = ws(i + 1)
            if text[i:i + 1] == "}":
                return i + 1
            while True:
                i = ws(i)
                kpos = i
                key, i = decoder(text, i + 1)
                out[path + (key,)] = kpos
                i = ws(i)
                i = value(i + 1, path + (key,))  # skip ':'
                i = ws(i)
                if text[i:i + 1] == ",":
                    i += 1
                    continue
                return i + 1
        if c == "[":
            i = ws(i + 1)
            if text[i:i + 1] == "]":
                return i + 1
            k = 0
            while True:
                i = value(i, path + (k,))
                i = ws(i)
                k += 1
                if text[i:i + 1] == ",":
                    i += 1
                    continue
                return i + 1
        if c == '"':
            _, end = decoder(text, i + 1)
            return end
        for lit in ("true", "false", "null"):
            if text.startswith(lit, i):
                return i + len(lit)
        m = _NUMBER.match(text, i)
        if m:
            return m.end()
        raise ValueError(f"unexpected character at {i}")

    try:
        value(0, ())
    except (ValueError, IndexError):
        pass
    return out


def line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
