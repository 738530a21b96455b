"""Exceptions of the library. The CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations

import re

from provenance import EXIT_INPUT, EXIT_USAGE

_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def one_line(message: str) -> str:
    """``message`` on one line: line breaks (lxml and SQLite put some in theirs) become spaces."""
    return _BREAKS.sub(" ", str(message).strip())


class ProvenanceError(Exception):
    """An error a user can act on, located in a file (and a line) where known."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        message = one_line(message)
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        # libxml2 says -1 (and some callers 0) when it does not know the line: no line then
        self.line = line if isinstance(line, int) and line > 0 else None

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return where + self.message


class InputError(ProvenanceError):
    """An input could not be read or processed."""

    exit_code = EXIT_INPUT


def as_provenance_error(exc: BaseException, path) -> ProvenanceError:
    """``exc`` as an error of one file of a batch: itself when it is ours, else an InputError
    naming ``path`` (so that one file that trips an unforeseen error never stops the others)."""
    if isinstance(exc, ProvenanceError):
        return exc
    if isinstance(exc, MemoryError):
        return InputError("out of memory", path)
    return InputError(f"internal error: {type(exc).__name__}: {one_line(str(exc))}", path)


class UsageError(ProvenanceError):
    """The command was called wrongly (bad option value, bad rules or lexicon file)."""

    exit_code = EXIT_USAGE
