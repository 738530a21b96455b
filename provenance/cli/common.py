"""Options and output helpers shared by every command."""

from __future__ import annotations

import sys

import click
from click.core import ParameterSource

from provenance.errors import UsageError
from provenance.fileio import check_encoding, dump_json, outward
from provenance.safetext import terminal_safe


def json_option(f):
    return click.option("--json", "as_json", is_flag=True,
                        help="Write the result as JSON (described by a schema in schemas/) on stdout.")(f)


def emit_json(payload, locations: bool = False) -> None:
    """The payload as JSON on standard output, absolute paths shown by their file names, except
    with ``locations`` (the catalog's listings, whose content is where each source is kept)."""
    sys.stdout.write(dump_json(payload if locations else outward(payload)))


def say(line: str, err: bool = False) -> None:
    """One line for a person at a terminal: what a terminal would act on rather than print
    (escape sequences in a document's title) is shown as ``⟨U+001B⟩``."""
    click.echo(terminal_safe(line), err=err)


def warn(message: str) -> None:
    click.echo(message, err=True)


def encoding_option(help_text: str):
    """--encoding NAME, refused as a usage error (exit 2) when Python knows no such text codec."""
    def check(_ctx, _param, value):
        return check_encoding(value)

    return click.option("--encoding", metavar="NAME", callback=check, help=help_text)


def names_option(f):
    """--names PATH (repeatable): name-authority files extending the packaged one."""
    return click.option("--names", "names", multiple=True, type=click.Path(),
                        help="A name-authority JSON file extending the packaged one "
                             "(schemas/names.schema.json); repeatable.")(f)


def given(name: str) -> bool:
    """Whether the option ``name`` (its parameter name) was given on the command line or in the
    environment, rather than left at its default."""
    source = click.get_current_context().get_parameter_source(name)
    return source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)


#: The levels of --fail-on, most serious first, for each kind of finding; the default of every
#: command is the first (most serious) level of its scale.
DIVERGENCE_LEVELS = ("substantive", "lexical", "orthographic", "accidental", "editorial")
SEVERITY_LEVELS = ("error", "warning")
CHAIN_LEVELS = ("warning", "info")


def fail_on_option(levels, what: str = "finding"):
    """--fail-on LEVEL: exit 1 when a finding at or above LEVEL is found ('any': every finding,
    'none': never); the default is the most serious level."""
    choices = list(levels) + ["any", "none"]
    return click.option("--fail-on", "fail_on", type=click.Choice(choices, case_sensitive=False),
                        default=levels[0], show_default=True,
                        help=f"Exit 1 when a {what} at or above this level is found "
                             f"({' > '.join(levels)}; 'any' for every {what}, 'none' to always exit 0).")


def failing_levels(levels, fail_on: str) -> list[str]:
    """The levels that make a run fail with --fail-on ``fail_on``."""
    fail_on = (fail_on or "none").lower()
    if fail_on == "none":
        return []
    if fail_on == "any":
        return list(levels)
    return list(levels[:list(levels).index(fail_on) + 1])


def wrote(path) -> None:
    """The one stderr line of a command that wrote a file."""
    click.echo(f"wrote {path}", err=True)


def witness_ids(id_list, ids_csv, count: int) -> list[str] | None:
    """Witness ids from --id (repeated) or --ids (comma-separated), one per witness; None for the
    default (file stems)."""
    if id_list and ids_csv:
        raise UsageError("give ids with --id or --ids, not both")
    ids = list(id_list) or ([x.strip() for x in ids_csv.split(",")] if ids_csv else None)
    if ids is not None and len(ids) != count:
        raise UsageError(f"{len(ids)} ids given for {count} witnesses")
    return ids
