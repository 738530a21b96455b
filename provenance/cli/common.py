"""Options and output helpers shared by every command."""

from __future__ import annotations

import sys

import click

from provenance.fileio import dump_json


def json_option(f):
    return click.option("--json", "as_json", is_flag=True,
                        help="Write the result as JSON (described by a schema in schemas/) on stdout.")(f)


def emit_json(payload) -> None:
    sys.stdout.write(dump_json(payload))


def say(line: str, err: bool = False) -> None:
    """One line for a person at a terminal: what a terminal would act on rather than print
    (escape sequences in a document's title) is shown as ``⟨U+001B⟩``."""
    from provenance.safetext import terminal_safe

    click.echo(terminal_safe(line), err=err)


def warn(message: str) -> None:
    click.echo(message, err=True)


def encoding_option(help_text: str):
    """--encoding NAME, refused as a usage error (exit 2) when Python knows no such text codec."""
    def check(_ctx, _param, value):
        from provenance.fileio import check_encoding

        return check_encoding(value)

    return click.option("--encoding", metavar="NAME", callback=check, help=help_text)


def given(name: str) -> bool:
    """Whether the option ``name`` (its parameter name) was given on the command line or in the
    environment, rather than left at its default."""
    from click.core import ParameterSource

    source = click.get_current_context().get_parameter_source(name)
    return source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)

