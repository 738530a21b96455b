"""`provenance align`: compare two or more witnesses, divergences classified by meaning."""

from __future__ import annotations

import sys

import click

from provenance import EXIT_FINDINGS, EXIT_OK
from provenance.align import align_paths, to_json
from provenance.align.apparatus import to_tei
from provenance.align.chardiff import add_chars
from provenance.align.render_text import render
from provenance.cli.common import DIVERGENCE_LEVELS, fail_on_option, failing_levels, given, witness_ids, wrote
from provenance.errors import UsageError
from provenance.fileio import atomic_write, check_outputs, dump_json
from provenance.safetext import terminal_safe


@click.command("align")
@click.argument("witnesses", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "tei"]), default="text", show_default=True,
              help="text: summary ranked by severity; json: the full result; tei: a parallel-segmentation apparatus.")
@click.option("--json", "as_json", is_flag=True,
              help="The JSON result on standard output (same as --format json; not with another --format or -o).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE instead of standard output.")
@click.option("--char-diff", is_flag=True,
              help="JSON: give each substitution the characters that differ (chars), computed with diff-match-patch.")
@fail_on_option(DIVERGENCE_LEVELS, "divergence")
@click.option("--lexicon", "lexicon_path", type=click.Path(dir_okay=False),
              help="A JSON lexicon (schemas/lexicon.schema.json) that extends the default one.")
@click.option("--id", "id_list", multiple=True, help="Witness id, once per witness in order (default: file stems).")
@click.option("--ids", "ids_csv", help="Witness ids as one comma-separated list.")
@click.option("--plain", is_flag=True, help="Read the witnesses as plain texts, one paragraph per line.")
@click.option("--limit", type=int, default=None, help="With --format text: show only the N most severe (N >= 0).")
def align(witnesses, fmt, as_json, output, char_diff, fail_on, lexicon_path, id_list, ids_csv, plain, limit):
    """Compare WITNESSES (the first is the base) by structure, then words.

    Each divergence has a kind (substitution, addition, omission, transposition), a category
    (substantive, lexical, orthographic, accidental, editorial), flags, a severity from 0 to 1
    and the readings of every witness with offsets into its text. Exit status 1 when a
    divergence at or above --fail-on (default: substantive) is found, else 0.

    \b
    Example:
      provenance align tei/source/004_a2b5a4ae19e8ef0f.txt tei/source/002_c4e584884d72af45.txt
      provenance align --plain --format tei -o darwin.xml tests/data/darwin/*.txt
      provenance align examples/draft.txt examples/adopted.txt --ids draft,final --json --char-diff
    """
    if len(witnesses) < 2:
        raise UsageError("align needs at least two witnesses")
    ids = witness_ids(id_list, ids_csv, len(witnesses))
    if as_json:
        if given("fmt") and fmt != "json":
            raise UsageError(f"give --json or --format {fmt}, not both")
        if output:
            raise UsageError("--json writes to standard output; for a file give --format json -o FILE")
        fmt = "json"
    if char_diff and fmt != "json":
        raise UsageError("--char-diff applies to JSON output (--json or --format json)")
    if limit is not None:
        if limit < 0:
            raise UsageError(f"--limit must be at least 0 (got {limit})")
        if fmt != "text":
            raise UsageError(f"--limit applies to --format text only, not to --format {fmt}")
    check_outputs([*witnesses, lexicon_path], [output])
    result = align_paths(witnesses, ids=ids, lexicon_path=lexicon_path, plain=plain)
    if fmt == "json":
        payload = to_json(result)
        if char_diff:
            payload = add_chars(payload)
        data = dump_json(payload)
    elif fmt == "tei":
        data = to_tei(result)
    else:
        data = terminal_safe(render(result, limit))  # for a person: control characters shown, not obeyed
    if output:
        atomic_write(output, data)
        wrote(output)
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data)
    levels = failing_levels(DIVERGENCE_LEVELS, fail_on)
    found = any(d.get("category") in levels for d in result["divergences"])
    sys.exit(EXIT_FINDINGS if found else EXIT_OK)
