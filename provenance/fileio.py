"""Reading sources safely, writing outputs atomically, parsing XML without entities or network."""

from __future__ import annotations

import codecs
import contextlib
import contextvars
import glob
import hashlib
import json
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from provenance.errors import InputError, UsageError

#: Largest XML file we parse (bytes). Larger files are refused before parsing.
MAX_XML_BYTES = 50 * 1024 * 1024
#: Largest transcription we read.
MAX_TEXT_BYTES = 50 * 1024 * 1024

TRANSCRIPTION_SUFFIXES = {".txt", ".md", ".text"}
XML_SUFFIXES = {".xml", ".tei"}


def shown_path(path: str | os.PathLike | None) -> str:
    """A path as outputs record it: as the user gave it when relative, the file name alone when
    absolute, so that reports, JSON and TEI never carry where a machine keeps its files."""
    if path in (None, ""):
        return ""
    s = str(path)
    return Path(s).name if os.path.isabs(s) else s


#: Keys whose values are paths in the tool's JSON payloads.
PATH_KEYS = frozenset({"path", "source", "output", "previous_path", "db", "out", "report"})


def outward(payload):
    """A JSON payload with every absolute path (under one of PATH_KEYS) shown as its file name
    (see :func:`shown_path`); everything else as it was."""
    if isinstance(payload, dict):
        return {k: (shown_path(v) if k in PATH_KEYS and isinstance(v, str) and os.path.isabs(v) else outward(v))
                for k, v in payload.items()}
    if isinstance(payload, list):
        return [outward(v) for v in payload]
    return payload


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


#: Whether messages about undecodable transcriptions advise ``--encoding``: only commands that
#: have that option turn it on (see :func:`encoding_hint`).
_ENCODING_HINT: contextvars.ContextVar[bool] = contextvars.ContextVar("provenance_encoding_hint", default=False)


@contextlib.contextmanager
def encoding_hint(enabled: bool = True):
    """Within the block, a transcription that cannot be decoded is reported with the advice to
    use ``--encoding`` (for the commands that offer that option)."""
    token = _ENCODING_HINT.set(enabled)
    try:
        yield
    finally:
        _ENCODING_HINT.reset(token)


def check_encoding(encoding: str | None) -> str | None:
    """``encoding`` if Python knows it as a text codec, else a UsageError (a bad option value)."""
    if not encoding:
        return encoding
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"--encoding: unknown encoding {encoding!r} (e.g. utf-8, cp1251, utf-16)") from None
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(f"--encoding: {encoding!r} is not a text encoding (e.g. utf-8, cp1251, utf-16)")
    return encoding


RE_CYRILLIC_WORD = re.compile(r"\w*[\u0400-\u04ff]\w*")
RE_LATIN_LETTER = re.compile(r"[A-Za-z]")


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
    hint = _ENCODING_HINT.get()
    if _looks_binary(data):
        raise InputError("is a binary file, not a transcription" + (" (use --encoding if it is text)" if hint else ""),
                         path)
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
            text = data.decode("cp1251")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            # Latin-1 or cp1252 accents decode as Cyrillic letters inside Latin words ("Cafй"):
            # then the guess is wrong, and the file is refused rather than read wrongly
            cyrillic_words = RE_CYRILLIC_WORD.findall(text)
            mixed = [w for w in cyrillic_words if RE_LATIN_LETTER.search(w)]
            if not mixed or len(mixed) < 0.2 * len(cyrillic_words):
                return text
            line = text[: text.index(mixed[0])].count("\n") + 1
            raise InputError(
                f"is not UTF-8, and read as cp1251 its words mix Latin and Cyrillic letters ({mixed[0]!r}): "
                "it is probably Latin-1 or cp1252; "
                + ("pass --encoding cp1252" if hint else "convert it to UTF-8"), path, line)
    line = data[: utf8_error.start].count(b"\n") + 1
    raise InputError(
        f"is not UTF-8 (invalid byte at offset {utf8_error.start}) and does not look like cp1251; "
        + ("pass --encoding to name its encoding" if hint else "convert it to UTF-8"),
        path,
        line,
    )


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def read_bytes(path: str | os.PathLike, limit: int | None = None, *, too_large: str = "is too large",
               advice: str = "") -> bytes:
    """The bytes of a file, or one InputError naming it: missing, a folder, unreadable, or
    larger than ``limit`` (checked by size before reading, and never more than ``limit`` + 1
    bytes read, so memory stays bounded even for special files).

    The size message reads "<too_large> (<size> bytes; the limit is <limit>)<advice>".
    """
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a directory", str(p))
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"is not a regular file ({_file_kind(st.st_mode)}): give a file", str(p))
        if limit is not None and st.st_size > limit:
            raise InputError(f"{too_large} ({st.st_size} bytes; the limit is {limit}){advice}", str(p))
        # opened without blocking and checked again on the open file: a path swapped for a FIFO
        # between the two looks must not hang the command
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK)
        with open(fd, "rb") as fh:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                raise InputError(f"is not a regular file ({_file_kind(mode)}): give a file", str(p))
            os.set_blocking(fd, True)
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


#: Characters XML 1.0 cannot hold (control characters but tab and line breaks, lone surrogates,
#: U+FFFE and U+FFFF): a text holding one could never become TEI.
RE_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "BS", 0x0B: "VT, vertical tab", 0x0C: "FF, form feed", 0x1B: "ESC"}


def check_xml_chars(text: str, path: str) -> str:
    """``text`` unchanged, or one InputError naming the file, line and column of the first
    character XML cannot hold (see :data:`RE_NOT_XML_CHAR`)."""
    m = RE_NOT_XML_CHAR.search(text)
    if m is None:
        return text
    pos = m.start()
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    code = ord(m.group())
    name = _CONTROL_NAMES.get(code, "a control character" if code < 32 else "not a character")
    raise InputError(f"holds U+{code:04X} ({name}) at column {col}, which XML cannot hold; "
                     "remove or replace it", path, line)


def decode_text(data: bytes, path: str, encoding: str | None = None) -> str:
    """Transcription bytes as text (see :func:`decode_bytes`), newlines normalized to \\n;
    empty (or blank) input, and text holding a character XML cannot hold, are refused."""
    if not data.strip():
        raise InputError("is empty", path)
    text = decode_bytes(data, path, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("is empty", path)
    return check_xml_chars(text, path)


JSON_LONG_NUMBER = f"a number has more than {sys.get_int_max_str_digits()} digits"

#: How deeply the JSON files a user gives (rules, lexicon, names) may nest; theirs nest 4 levels.
MAX_JSON_DEPTH = 64


def read_json(path: str | os.PathLike, what: str, error=InputError, limit: int = MAX_TEXT_BYTES,
              max_depth: int = MAX_JSON_DEPTH):
    """The JSON value of a file (UTF-8, BOM allowed) read by :func:`read_bytes`; anything that
    stops it (unreadable, not a regular file, not UTF-8, not JSON, nested too deeply, a number
    too long to convert) is one ``error`` naming the file and ``what`` it should have been."""
    p = str(Path(path))
    try:
        data = read_bytes(path, limit)
    except InputError as exc:
        raise error(f"{what} " + ("not found" if exc.message == "no such file" else exc.message), p) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{what} is not UTF-8", p, data[: exc.start].count(b"\n") + 1) from None
    too_deep = False
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{what} is not JSON: {exc.msg}", p, exc.lineno) from None
    except RecursionError:
        too_deep = True
    except ValueError:  # a number with more digits than Python converts
        raise error(f"{what} is not usable JSON: {JSON_LONG_NUMBER}", p) from None
    if too_deep or json_depth(value) > max_depth:
        raise error(f"{what} is not usable JSON: nested more than {max_depth} levels deep", p)
    return value


def json_depth(value) -> int:
    """How deeply lists and objects nest in a JSON value (a scalar is 0), counted without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        kids = v.values() if isinstance(v, dict) else v if isinstance(v, list) else None
        if kids is None:
            continue
        deepest = max(deepest, d)
        stack.extend((k, d + 1) for k in kids)
    return deepest


def read_text(path: str | os.PathLike, encoding: str | None = None, limit: int = MAX_TEXT_BYTES) -> str:
    """Read a transcription as text; newlines are normalized to \\n."""
    return decode_text(read_bytes(path, limit), str(Path(path)), encoding)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "it is a folder"
    return (exc.strerror or str(exc)).lower()


def _file_in_the_way(folder: Path) -> Path | None:
    """The first existing path on the way to ``folder`` (itself included) that is not a folder."""
    for q in [*reversed(folder.parents), folder]:
        if not (q.exists() or q.is_symlink()):
            return None
        if not q.is_dir():
            return q
    return None


def make_folder(folder: str | os.PathLike, for_path: str | os.PathLike | None = None) -> Path:
    """Create ``folder`` and its parents. When that is impossible (a file is in the way, no
    permission), one InputError "cannot write (...)" naming ``for_path`` (the output that was to
    go there), or the folder itself."""
    f = Path(folder)
    named = str(for_path if for_path is not None else f)
    try:
        f.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        bad = _file_in_the_way(f)
        reason = f"{bad} is a file, not a folder" if bad is not None else _os_reason(exc)
        raise InputError(f"cannot write ({reason})", named) from None
    return f


def _unlink_quietly(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


#: When this process started: a temporary file of an output older than this was left by an
#: earlier run that was killed before it could rename or remove it.
RUN_STARTED = time.time()


def _temp_prefix(p: Path) -> str:
    return "." + p.name + "."


def remove_stale_temps(p: Path) -> list[Path]:
    """Remove the temporary files of output ``p`` (``.NAME.*.tmp`` beside it) that were last
    written before this run started; return them."""
    gone = []
    for q in p.parent.glob(glob.escape(_temp_prefix(p)) + "*.tmp"):
        try:
            if q.is_file() and not q.is_symlink() and q.stat().st_mtime < RUN_STARTED:
                q.unlink()
                gone.append(q)
        except OSError:
            pass
    return gone


def _prepare(path: str | os.PathLike, data: str | bytes) -> tuple[Path, str]:
    """Write ``data`` to a temporary file beside ``path`` (its folder is created; temporary files
    an earlier, killed run left for it are removed); return both. Any failure is one InputError
    naming ``path``."""
    p = Path(path)
    make_folder(p.parent, p)
    if p.is_dir():
        raise InputError("cannot write (it is a folder)", str(p))
    remove_stale_temps(p)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(p), suffix=".tmp", dir=str(p.parent))
    except OSError as exc:
        raise InputError(f"cannot write ({_os_reason(exc)})", str(p)) from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException as exc:
        _unlink_quietly(tmp)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write ({_os_reason(exc)})", str(p)) from None
        raise
    return p, tmp


def _commit(prepared: list[tuple[Path, str]]) -> None:
    for i, (p, tmp) in enumerate(prepared):
        try:
            os.replace(tmp, p)
        except OSError as exc:
            for _q, rest in prepared[i:]:
                _unlink_quietly(rest)
            raise InputError(f"cannot write ({_os_reason(exc)})", str(p)) from None


def atomic_write(path: str | os.PathLike, data: str | bytes) -> None:
    """Write a file atomically: a temporary file in the same folder, then a rename.

    The folder is created when missing. A failure (a file in the way, a folder where the file
    should go, no permission, a full disk) is one InputError "cannot write (...)" naming
    ``path``; the earlier file, if any, is left intact."""
    _commit([_prepare(path, data)])


def atomic_write_all(outputs) -> None:
    """Write several files, all or none: each ``(path, data)`` first goes to a temporary file
    beside its target, and only when every one is ready are they renamed into place. A failure
    (see :func:`atomic_write`) leaves every earlier output intact."""
    prepared: list[tuple[Path, str]] = []
    try:
        for path, data in outputs:
            prepared.append(_prepare(path, data))
    except BaseException:
        for _p, tmp in prepared:
            _unlink_quietly(tmp)
        raise
    _commit(prepared)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they would be
        return os.path.realpath(a) == os.path.realpath(b)


def check_outputs(inputs, outputs, suffixes=None) -> None:
    """Refuse (UsageError, exit 2, naming the output) any output that is one of the ``inputs``
    (the same file by :func:`os.path.samefile`, or the same real path when it does not exist yet)
    or another of the ``outputs``, before anything is written: a source is never overwritten,
    and one output never replaces another. ``None`` and ``"-"`` (standard output) are skipped;
    an input folder stands for its files with one of ``suffixes`` when given."""
    ins: list[Path] = []
    for raw in inputs:
        if raw is None or str(raw) == "-":
            continue
        p = Path(raw)
        if suffixes and p.is_dir():
            ins.extend(files_under(p, suffixes))
        else:
            ins.append(p)
    outs = [Path(o) for o in outputs if o is not None and str(o) != "-"]
    for i, out in enumerate(outs):
        for other in outs[:i]:
            if _same_file(out, other):
                raise UsageError(f"is named as two outputs ({other} and {out}): one would replace the other; "
                                 "give each output its own file", str(out))
        for src in ins:
            if _same_file(out, src):
                raise UsageError(f"is also an input ({src}): refused, sources are never overwritten; "
                                 "give the output another name", str(out))


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
    return read_xml(path)[1]


def read_xml(path: str | os.PathLike) -> tuple[bytes, etree._ElementTree]:
    """The bytes of an XML file and its safely parsed tree (for callers that also hash the bytes)."""
    data = read_bytes(path, MAX_XML_BYTES, too_large="is too large to parse")
    return data, parse_xml_bytes(data, str(Path(path)))


def files_under(folder: Path, suffixes) -> list[Path]:
    """The files below ``folder`` whose suffix (lower-cased) is in ``suffixes``, sorted; hidden
    files and folders are skipped."""
    return sorted(q for q in folder.rglob("*") if q.is_file() and q.suffix.lower() in suffixes
                  and not any(part.startswith(".") for part in q.relative_to(folder).parts))


def expand_each(paths, suffixes) -> tuple[list[Path], list[InputError]]:
    """Like :func:`expand_sources`, input by input: the files found, and one InputError for each
    input that gives none (a folder without such files), so the other inputs can still be used."""
    files: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        try:
            files.extend(expand_sources([raw], suffixes))
        except InputError as exc:
            errors.append(exc)
    return files, errors


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
