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


def warn(message: str) -> None:
    click.echo(message, err=True)
