"""The `provenance` command line: a thin layer over the library.

Each command lives in its own module of this package, which imports the library parts it
needs at its top. The modules are loaded when their command runs (this is the one place where
the package loads code lazily), so ``provenance --help`` lists the commands from the summaries
below without loading the library.
"""

from __future__ import annotations

import errno
import importlib
import importlib.util
import sys

import click

from provenance import EXIT_INPUT, EXIT_USAGE, __version__
from provenance.errors import ProvenanceError, one_line
from provenance.safetext import terminal_safe

#: command name -> module (in provenance.cli), attribute, and the summary ``--help`` lists (the
#: first line of the command's own help, which a test keeps them equal to)
COMMANDS = {
    "ingest": ("ingest", "ingest", "Convert transcriptions (files or folders) to TEI P5."),
    "text": ("ingest", "text", "Read a TEI file, or a transcription (converted on the fly), back to plain text."),
    "validate": ("validate", "validate", "Check TEI files and the JSON files of provenance (files or folders)."),
    "align": ("align", "align", "Compare WITNESSES (the first is the base) by structure, then words."),
    "audit": ("audit", "audit", "Compare witnesses and write a self-contained HTML divergence report."),
    "chain": ("chain", "chain", "Copy-distribution chains: copies, recipients, roles, excerpts, placements, "
              "archival units."),
    "catalog": ("catalog", "catalog", "The SQLite catalog (default file provenance.sqlite): documents, "
                "distribution facts, texts."),
    "corpus": ("corpus", "corpus", "Corpus scale: catalog thousands of documents, find related pairs, "
               "audit them in batch."),
}


def _shortened(summary: str, limit: int) -> str:
    """The summary, cut after a whole word and marked "..." when longer than ``limit``."""
    if len(summary) <= limit:
        return summary
    cut = summary[:max(limit - 3, 1)]
    if " " in cut:
        cut = cut[:cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "..."


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(name for name, (mod, _a, _h) in COMMANDS.items()
                      if importlib.util.find_spec(f"provenance.cli.{mod}") is not None)

    def format_commands(self, ctx, formatter):
        """The command list from the summaries above: listing the commands loads none of them."""
        rows = []
        limit = formatter.width - 6 - max((len(n) for n in COMMANDS), default=0)
        for name in self.list_commands(ctx):
            rows.append((name, _shortened(COMMANDS[name][2], limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        mod, attr, _summary = COMMANDS[name]
        if importlib.util.find_spec(f"provenance.cli.{mod}") is None:
            return None
        module = importlib.import_module(f"provenance.cli.{mod}")
        return getattr(module, attr)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ProvenanceError as exc:
            click.echo(terminal_safe(f"Error: {exc}"), err=True)  # a file name may hold an escape sequence
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            ctx.exit(0)
        except MemoryError:
            click.echo("Error: out of memory", err=True)
            ctx.exit(EXIT_INPUT)
        except Exception as exc:  # never a traceback to a user
            click.echo(terminal_safe(f"Error: internal error: {type(exc).__name__}: {one_line(exc)}"), err=True)
            ctx.exit(EXIT_INPUT)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="provenance")
def cli():
    """Archival transcriptions to TEI, validation, comparison and copy chains.

    \b
    Example:
      provenance ingest tei/source -o tei
      provenance audit tei/source/004_a2b5a4ae19e8ef0f.txt tei/source/002_c4e584884d72af45.txt
    """


class OutputError(ProvenanceError):
    """Standard output could not be written (a full device, a closed stream)."""

    exit_code = EXIT_INPUT


def _output_error(exc: OSError | None) -> OutputError:
    reason = "it is closed" if exc is None or exc.errno == errno.EBADF else \
        (exc.strerror or str(exc)).lower()
    return OutputError(f"cannot write to standard output ({reason})")


class _GuardedStream:
    """Standard output whose write errors (but a closed pipe, which ends a command quietly) are
    one OutputError, not a traceback; ``None`` stands for a stream that was closed at start."""

    def __init__(self, stream, binary: bool = False):
        self._stream = stream
        self._binary = binary

    def write(self, data):
        if self._stream is None:
            if not data:
                return 0
            raise _output_error(None)
        try:
            return self._stream.write(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _output_error(exc) from None

    def flush(self):
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _output_error(exc) from None

    @property
    def buffer(self):
        if self._binary:
            raise AttributeError("buffer")
        return _GuardedStream(getattr(self._stream, "buffer", None), binary=True)

    def isatty(self):
        return bool(self._stream is not None and self._stream.isatty())

    def writable(self):
        return True

    def __getattr__(self, name):
        if self._stream is None:
            if name in ("encoding",):
                return "utf-8"
            if name == "errors":
                return "strict"
            raise AttributeError(name)
        return getattr(self._stream, name)


def main(argv=None):
    sys.stdout = _GuardedStream(sys.stdout)
    try:
        cli.main(args=argv, prog_name="provenance", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        if code is None:
            code = 0
        if not isinstance(code, int):
            code = EXIT_USAGE
        try:  # what is still buffered must reach standard output too, or be an error
            sys.stdout.flush()
        except OutputError as err:
            click.echo(f"Error: {err}", err=True)
            code = err.exit_code
        except BrokenPipeError:
            pass
        sys.exit(code)
