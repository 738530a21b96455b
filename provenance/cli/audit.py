"""`provenance audit`: the HTML divergence report."""

from __future__ import annotations

import sys

import click

from provenance import EXIT_FINDINGS, EXIT_OK
from provenance.cli.common import DIVERGENCE_LEVELS, emit_json, fail_on_option, warn, witness_ids, wrote
from provenance.errors import UsageError
from provenance.report import audit_paths


@click.command()
@click.argument("witnesses", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="The report file (default: reports/<a>--<b>.html in the working folder).")
@click.option("--json", "as_json", is_flag=True,
              help="The summary as JSON on standard output (schemas/audit.schema.json).")
@click.option("--json-out", "json_path", type=click.Path(dir_okay=False),
              help="Also write the summary as JSON to FILE, with the report (both or neither).")
@click.option("--char-diff", is_flag=True,
              help="The JSON summary lists every divergence, with the characters that differ inside substitutions.")
@fail_on_option(DIVERGENCE_LEVELS, "divergence")
@click.option("--lexicon", "lexicon_path", type=click.Path(dir_okay=False),
              help="A JSON lexicon extending the default one (schemas/lexicon.schema.json).")
@click.option("--id", "id_list", multiple=True, help="Witness id, once per witness in order (default: file stems).")
@click.option("--ids", "ids_csv", help="Witness ids as one comma-separated list.")
@click.option("--plain", is_flag=True, help="The witnesses are plain texts, one paragraph per line.")
@click.option("--timestamp", is_flag=True,
              help="Record the time of the run in the report (by default none, or SOURCE_DATE_EPOCH when set, "
                   "so the same inputs give the same report).")
def audit(witnesses, output, as_json, json_path, char_diff, fail_on, lexicon_path, id_list, ids_csv, plain,
          timestamp):
    """Compare witnesses and write a self-contained HTML divergence report.

    Aligns the witnesses (transcriptions, TEI files, or plain texts with --plain), classifies
    every divergence, extracts each witness's copies, recipients and roles, and writes one
    HTML page that opens from disk with no network: the most severe substantive changes
    first, witnesses side by side, a sortable and filterable table of divergences, an
    overview strip, the provenance panel and downloads of the JSON result and the TEI
    apparatus. Says "wrote FILE" on stderr. Exit 1 when a divergence at or above --fail-on
    (default: substantive) is found, else 0.

    \b
    Example:
      provenance audit tei/source/004_a2b5a4ae19e8ef0f.txt tei/source/002_c4e584884d72af45.txt
      provenance audit examples/draft.txt examples/adopted.txt -o review.html --json-out summary.json
      provenance audit --plain darwin1859.txt darwin1872.txt -o darwin.html --fail-on none
    """
    if len(witnesses) < 2:
        raise UsageError("audit needs at least two witnesses")
    ids = witness_ids(id_list, ids_csv, len(witnesses))
    result = audit_paths(witnesses, output=output, json_path=json_path, fail_on=fail_on, ids=ids,
                         lexicon_path=lexicon_path, plain=plain, stamp=timestamp, char_diff=char_diff)
    for w in result["warnings"]:
        warn(f"warning: {w}")
    wrote(result["report"] if not output else output)
    if json_path:
        wrote(json_path)
    if as_json:
        emit_json(result)
    else:
        s = result["summary"]
        parts = ", ".join(f"{n} {c}" for c, n in s["by_category"].items() if n)
        click.echo(f"{s['total']} divergence{'' if s['total'] == 1 else 's'}" + (f" ({parts})" if parts else ""))
    if result["failed"]:
        warn(f"{result['failing']} divergence(s) at or above --fail-on {fail_on}")
    sys.exit(EXIT_FINDINGS if result["failed"] else EXIT_OK)
