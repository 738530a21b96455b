"""Exceptions of the library. The CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations

from provenance import EXIT_INPUT, EXIT_USAGE


class ProvenanceError(Exception):
    """An error a user can act on, located in a file (and a line) where known."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return where + self.message


class InputError(ProvenanceError):
    """An input could not be read or processed."""

    exit_code = EXIT_INPUT


class UsageError(ProvenanceError):
    """The command was called wrongly (bad option value, bad rules or lexicon file)."""

    exit_code = EXIT_USAGE
