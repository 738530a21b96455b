"""`provenance audit`: the HTML divergence report."""

from __future__ import annotations

import sys

import click

from provenance import EXIT_FINDINGS, EXIT_OK
from provenance.cli.common import emit_json, warn

_CATEGORIES = ["substantive", "lexical", "orthographic", "accidental", "editorial", "any"]


@click.command()
@click.argument("witnesses", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="The report file (default: reports/<a>--<b>.html in the working folder).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, allow_dash=True),
              help="Also write a summary as JSON to FILE ('-' for stdout; schemas/audit.schema.json).")
@click.option("--fail-on", "fail_on", type=click.Choice(_CATEGORIES, case_sensitive=False), multiple=True,
              help="Exit 1 when a divergence of this category is found (repeatable; 'any' for any).")
@click.option("--lexicon", "lexicon_path", type=click.Path(dir_okay=False),
              help="A JSON lexicon extending the default one (schemas/lexicon.schema.json).")
@click.option("--id", "ids", multiple=True, help="Witness ids, in the order of the files (default: file stems).")
@click.option("--plain", is_flag=True, help="The witnesses are plain texts, one paragraph per line.")
def audit(witnesses, output, json_path, fail_on, lexicon_path, ids, plain):
    """Compare witnesses and write a self-contained HTML divergence report.

    Aligns the witnesses (transcriptions, TEI files, or plain texts with --plain), classifies
    every divergence, extracts each witness's copies, recipients and roles, and writes one
    HTML page that opens from disk with no network: witnesses side by side, a sortable and
    filterable table of divergences, an overview strip, the provenance panel and downloads
    of the JSON result and the TEI apparatus. Exit 0, or 1 when --fail-on finds its category.

    \b
    Example:
      provenance audit tei/source/004_a2b5a4ae19e8ef0f.txt tei/source/002_c4e584884d72af45.txt
      provenance audit draft.txt adopted.txt -o review.html --json summary.json --fail-on substantive
      provenance audit --plain darwin1859.txt darwin1872.txt -o darwin.html
    """
    from provenance.errors import UsageError
    from provenance.report import audit_paths

    if len(witnesses) < 2:
        raise UsageError("audit needs at least two witnesses")
    if ids and len(ids) != len(witnesses):
        raise UsageError(f"--id given {len(ids)} times for {len(witnesses)} witnesses")
    result = audit_paths(witnesses, output=output, json_path=json_path,
                         fail_on=[c.lower() for c in fail_on] or None, ids=ids or None,
                         lexicon_path=lexicon_path, plain=plain)
    for w in result["warnings"]:
        warn(f"warning: {w}")
    if json_path == "-":
        emit_json(result)
    else:
        s = result["summary"]
        parts = ", ".join(f"{n} {c}" for c, n in s["by_category"].items() if n)
        click.echo(f"{result['report']}: {s['total']} divergence{'' if s['total'] == 1 else 's'}"
                   + (f" ({parts})" if parts else ""))
        if result["failed"]:
            warn(f"{result['failing']} divergence(s) in --fail-on categories: {', '.join(result['fail_on'])}")
    sys.exit(EXIT_FINDINGS if result["failed"] else EXIT_OK)
