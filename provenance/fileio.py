"""Reading sources safely, writing outputs atomically, parsing XML without entities or network."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import tempfile
from pathlib import Path

from lxml import etree

from provenance.errors import InputError

#: Largest XML file we parse (bytes). Larger files are refused before parsing.
MAX_XML_BYTES = 50 * 1024 * 1024
#: Largest transcription we read.
MAX_TEXT_BYTES = 50 * 1024 * 1024

TRANSCRIPTION_SUFFIXES = {".txt", ".md", ".text"}
XML_SUFFIXES = {".xml", ".tei"}


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    # control characters other than tab, newline, carriage return, form feed
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad > max(4, len(sample) // 100)


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a transcription: UTF-8 (with or without BOM), UTF-16 with BOM, or cp1251.

    ``encoding`` forces a codec. Anything else is refused with an InputError naming the file.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", path) from None
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError(f"cannot be decoded as {encoding}: byte {exc.start}", path, line) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError("starts with a UTF-8 byte order mark but is not valid UTF-8", path, line) from None
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("starts with a UTF-16 byte order mark but is not valid UTF-16", path) from None
    if _looks_binary(data):
        raise InputError("is a binary file, not a transcription (use --encoding if it is text)", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Legacy Cyrillic: cp1251 decodes every byte but 0x98; accept it only when the
    # high bytes are mostly Cyrillic letters (0xC0-0xFF), as in real Russian text.
    high = [b for b in data if b >= 0x80]
    cyr = sum(1 for b in high if b >= 0xC0 or b in (0xA8, 0xB8))
    if high and cyr / len(high) >= 0.8:
        try:
            return data.decode("cp1251")
        except UnicodeDecodeError:
            pass
    line = data[: utf8_error.start].count(b"\n") + 1
    raise InputError(
        f"is not UTF-8 (invalid byte at offset {utf8_error.start}) and does not look like cp1251; "
        "pass --encoding to name its encoding",
        path,
        line,
    )


def read_bytes(path: str | os.PathLike, limit: int | None = None, *, too_large: str = "is too large",
               advice: str = "") -> bytes:
    """The bytes of a file, or one InputError naming it: missing, a folder, unreadable, or
    larger than ``limit`` (checked by size before reading, and never more than ``limit`` + 1
    bytes read, so memory stays bounded even for special files).

    The size message reads "<too_large> (<size> bytes; the limit is <limit>)<advice>".
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise InputError("is a directory", str(p))
        if limit is not None and size > limit:
            raise InputError(f"{too_large} ({size} bytes; the limit is {limit}){advice}", str(p))
        with open(p, "rb") as fh:
            data = fh.read() if limit is None else fh.read(limit + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("no such file", str(p)) from None
    except PermissionError:
        raise InputError("cannot be read (permission denied)", str(p)) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", str(p)) from None
    if limit is not None and len(data) > limit:  # grew while we looked, or a special file
        raise InputError(f"{too_large} (more than {limit} bytes){advice}", str(p))
    return data


def decode_text(data: bytes, path: str, encoding: str | None = None) -> str:
    """Transcription bytes as text (see :func:`decode_bytes`), newlines normalized to \\n;
    empty (or blank) input is refused."""
    if not data.strip():
        raise InputError("is empty", path)
    text = decode_bytes(data, path, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("is empty", path)
    return text


def read_text(path: str | os.PathLike, encoding: str | None = None, limit: int = MAX_TEXT_BYTES) -> str:
    """Read a transcription as text; newlines are normalized to \\n."""
    return decode_text(read_bytes(path, limit), str(Path(path)), encoding)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike, data: str | bytes) -> None:
    """Write a file atomically: a temporary file in the same folder, then a rename."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix="." + p.name + ".", suffix=".tmp", dir=str(p.parent))
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def dump_json(obj) -> str:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8 kept, trailing newline."""
    return json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def safe_parser(**kw) -> etree.XMLParser:
    """An lxml parser with entity expansion, DTD loading and network access off."""
    opts = dict(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )
    opts.update(kw)
    return etree.XMLParser(**opts)


DTD_REFUSED = ("declares a DTD (<!DOCTYPE ...>): refused, DTDs and entities are never loaded, expanded "
               "or fetched, and TEI needs none; remove the declaration")


def prolog_has_doctype(data: bytes) -> bool:
    """True when a <!DOCTYPE appears in the prolog, however long (comments, PIs skipped)."""
    i = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    n = len(data)
    while i < n:
        while i < n and data[i] in b" \t\r\n":
            i += 1
        if data.startswith(b"<?", i):
            end = b"?>"
        elif data.startswith(b"<!--", i):
            end = b"-->"
        else:
            return data.startswith(b"<!DOCTYPE", i)
        j = data.find(end, i + 2)
        if j < 0:
            return False
        i = j + len(end)
    return False


def parse_xml_bytes(data: bytes, path: str, **parser_options) -> etree._ElementTree:
    """Parse XML safely: no DTD (so no entities), no network; errors carry file and line."""
    if len(data) > MAX_XML_BYTES:
        raise InputError(f"is too large to parse ({len(data)} bytes; the limit is {MAX_XML_BYTES})", path)
    if prolog_has_doctype(data):
        raise InputError(DTD_REFUSED, path, data[: data.find(b"<!DOCTYPE")].count(b"\n") + 1)
    try:
        return etree.fromstring(data, safe_parser(**parser_options)).getroottree()
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        msg = exc.msg or str(exc)
        raise InputError(f"is not well-formed XML: {msg}", path, line) from None


def parse_xml(path: str | os.PathLike) -> etree._ElementTree:
    """Parse an XML file safely (see :func:`parse_xml_bytes`); too large files are refused by size."""
    data = read_bytes(path, MAX_XML_BYTES, too_large="is too large to parse")
    return parse_xml_bytes(data, str(Path(path)))


def files_under(folder: Path, suffixes) -> list[Path]:
    """The files below ``folder`` whose suffix (lower-cased) is in ``suffixes``, sorted; hidden
    files and folders are skipped."""
    return sorted(q for q in folder.rglob("*") if q.is_file() and q.suffix.lower() in suffixes
                  and not any(part.startswith(".") for part in q.relative_to(folder).parts))


def expand_sources(paths, suffixes) -> list[Path]:
    """Files given directly, plus files with one of ``suffixes`` found under given folders (sorted)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = files_under(p, suffixes)
            if not found:
                raise InputError("holds no " + "/".join(sorted(suffixes)) + " files", str(p))
            out.extend(found)
        else:
            out.append(p)
    return out
