"""`provenance validate`."""

from __future__ import annotations

import sys

import click

from provenance import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from provenance.cli.common import SEVERITY_LEVELS, emit_json, fail_on_option, failing_levels, given, json_option, say
from provenance.errors import UsageError
from provenance.safetext import terminal_safe
from provenance.validate import Finding, format_finding, summary_line, validate_paths


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--schema", default="project", show_default=True, metavar="project|tei_all|FILE.rng",
              help="Grammar for TEI files: the project's strict subset of TEI, the official tei_all, "
                   "or a RELAX NG file.")
@click.option("--engine", type=click.Choice(["lxml", "jing"]), default="lxml", show_default=True,
              help="RELAX NG engine. jing (Debian package jing) is an independent check of the same grammar; "
                   "when it is not installed the command stops with exit 2.")
@fail_on_option(SEVERITY_LEVELS, "finding")
@click.option("--strict", is_flag=True, help="Warnings fail too: the same as --fail-on warning.")
@json_option
def validate(paths, schema, engine, fail_on, strict, as_json):
    """Check TEI files and the JSON files of provenance (files or folders).

    TEI is checked against the grammar, then against the project rules (pointers resolve,
    dates are real ISO dates, languages are declared, copy numbers are unique...). JSON
    files are recognised from their content and checked against their schema in schemas/.
    One finding per line, "path:line:column: severity: message [rule-id]", then a summary.

    Exit 1 when a finding at or above --fail-on (default: error; --strict is --fail-on
    warning) is found, else 0; 2 for a usage error (including --engine jing without jing),
    3 when a file cannot be read, is not well-formed XML/JSON, declares a DTD or is too large.

    \b
    Example:
      provenance validate tei
      provenance validate tei/004_a2b5a4ae19e8ef0f.xml --schema tei_all
      provenance validate tei --engine jing --strict
      provenance validate tei out/ingest.json --json
    """
    if strict:
        if given("fail_on") and fail_on != "warning":
            raise UsageError(f"give --strict or --fail-on {fail_on}, not both")
        fail_on = "warning"
    levels = failing_levels(SEVERITY_LEVELS, fail_on)
    result = validate_paths(paths, schema=schema, engine=engine, strict="warning" in levels)
    s = result["summary"]
    if s["unreadable"]:
        result["exit_code"] = EXIT_INPUT
    else:
        found = ("error" in levels and s["errors"]) or ("warning" in levels and s["warnings"])
        result["exit_code"] = EXIT_FINDINGS if found else EXIT_OK
    if as_json:
        emit_json(result)
    else:
        out = sys.stdout
        for f in result["files"]:
            for x in f["findings"]:
                if x["rule"] == "input":  # the file could not be checked at all: one line on stderr
                    where = x["path"] + (f":{x['line']}" if x["line"] else "")
                    say(f"Error: {where}: {x['message']}", err=True)
                else:
                    out.write(terminal_safe(format_finding(Finding(**x))) + "\n")
        out.write(summary_line(result["summary"]) + "\n")
        out.flush()
    sys.exit(result["exit_code"])
