"""The `provenance` command line: a thin layer over the library.

Each subcommand lives in its own module of this package and is loaded lazily, so
``provenance --help`` stays fast and a command's dependencies load only when it runs.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

import click

from provenance import EXIT_INPUT, EXIT_USAGE, __version__
from provenance.errors import ProvenanceError, one_line

#: command name -> module (in provenance.cli) and attribute
COMMANDS = {
    "ingest": ("ingest", "ingest"),
    "text": ("ingest", "text"),
    "validate": ("validate", "validate"),
    "align": ("align", "align"),
    "audit": ("audit", "audit"),
    "chain": ("chain", "chain"),
    "catalog": ("chain", "catalog"),
    "corpus": ("corpus", "corpus"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        names = []
        for name, (mod, _attr) in COMMANDS.items():
            if importlib.util.find_spec(f"provenance.cli.{mod}") is not None:
                names.append(name)
        return sorted(names)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        mod, attr = COMMANDS[name]
        if importlib.util.find_spec(f"provenance.cli.{mod}") is None:
            return None
        module = importlib.import_module(f"provenance.cli.{mod}")
        return getattr(module, attr)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ProvenanceError as exc:
            click.echo(f"Error: {exc}", err=True)
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
            click.echo(f"Error: internal error: {type(exc).__name__}: {one_line(exc)}", err=True)
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


def main(argv=None):
    try:
        cli.main(args=argv, prog_name="provenance", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        if code is None:
            code = 0
        if not isinstance(code, int):
            code = EXIT_USAGE
        sys.exit(code)
