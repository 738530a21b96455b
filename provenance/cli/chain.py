"""`provenance chain`: copy-distribution chains of transcriptions and TEI files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from provenance import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from provenance.chain import NameAuthority, extract_paths, prov as P
from provenance.chain.table import render_table
from provenance.cli.common import (
    CHAIN_LEVELS, encoding_option, fail_on_option, failing_levels, given, names_option, say, wrote
)
from provenance.errors import UsageError
from provenance.fileio import (
    TRANSCRIPTION_SUFFIXES, XML_SUFFIXES, atomic_write, check_outputs, dump_json, encoding_hint, outward
)
from provenance.safetext import terminal_safe

FORMATS = ("table", "json", "prov-json", "prov-n", "dot", "graphml")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON on standard output (schemas/chain.schema.json); not with another --format or -o.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the output to this file.")
@fail_on_option(CHAIN_LEVELS, "finding")
@encoding_option("Force the encoding of transcriptions.")
@names_option
def chain(paths, fmt, as_json, output, fail_on, encoding, names):
    """Copy-distribution chains: copies, recipients, roles, excerpts, placements, archival units.

    For each transcription (.txt) or TEI file (.xml) of PATHS (folders are searched): who
    received which copy, excerpt and point, who drafted, typed and authenticated it, where
    copies were placed, and what does not add up (findings). Exit 1 when a finding at or above
    --fail-on (default: warning) is found, else 0; 2 on a bad option or name file, 3 when a
    file could not be read. The catalog built by `provenance catalog add` answers queries
    across documents (`provenance catalog query`).

    \b
    Example:
      provenance chain tei/source
      provenance chain tei/source --format json -o chain.json
      provenance chain tei/*.xml --format prov-n
    """
    if paths and paths[0] == "query" and not Path("query").exists():
        raise UsageError("the catalog is queried with `provenance catalog query` (see its --help)")
    if as_json:
        if given("fmt") and fmt != "json":
            raise UsageError(f"give --json or --format {fmt}, not both")
        if output:
            raise UsageError("--json writes to standard output; for a file give --format json -o FILE")
        fmt = "json"
    check_outputs([*paths, *names], [output], TRANSCRIPTION_SUFFIXES | XML_SUFFIXES)
    auth = NameAuthority.load(names)
    with encoding_hint():
        result = extract_paths(paths, authority=auth, encoding=encoding)
    if fmt == "json":
        text = dump_json(outward(result))
    elif fmt in ("prov-json", "prov-n", "dot", "graphml"):
        fn = {"prov-json": P.prov_json, "prov-n": P.prov_n, "dot": P.to_dot, "graphml": P.to_graphml}[fmt]
        text = fn(result, auth)
    else:
        text = terminal_safe(render_table(result))
    if output:
        atomic_write(output, text)
        wrote(output)
    else:
        sys.stdout.write(text)
    for e in result["errors"]:
        say(f"Error: {e['message']}", err=True)
    if result["errors"]:
        sys.exit(EXIT_INPUT)
    found = any(result["summary"]["by_severity"].get(level) for level in failing_levels(CHAIN_LEVELS, fail_on))
    sys.exit(EXIT_FINDINGS if found else EXIT_OK)
