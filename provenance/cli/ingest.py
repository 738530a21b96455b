"""`provenance ingest` and `provenance text`."""

from __future__ import annotations

import sys

import click

from provenance import EXIT_INPUT, EXIT_OK
from provenance.cli.common import emit_json, encoding_option, json_option, say, warn, wrote
from provenance.document import load_document
from provenance.errors import UsageError
from provenance.fileio import TRANSCRIPTION_SUFFIXES, encoding_hint, expand_sources
from provenance.ingest import ingest_document, ingest_paths, load_rules
from provenance.textback import tei_to_text
from provenance.vocab import tool_header


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "outdir", default=None, type=click.Path(file_okay=False),
              help="Folder for the TEI files (<stem>.xml). Without it nothing is written beside the sources: "
                   "one transcription's TEI goes to standard output, --json reports without writing.")
@click.option("--rules", "rules_path", type=click.Path(), help="JSON rules file overriding bracket decisions "
              "(schemas/ingest-rules.schema.json).")
@encoding_option("Force the encoding of the sources (e.g. cp1251, utf-16).")
@json_option
def ingest(sources, outdir, rules_path, encoding, as_json):
    """Convert transcriptions (files or folders) to TEI P5.

    Every editorial bracket is encoded as TEI markup by a named rule; doubtful decisions are
    listed as review items (see --json). The TEI files go to the -o folder ("wrote N TEI files
    to FOLDER" on stderr); without -o, the TEI of a single transcription goes to standard
    output, and --json reports the decisions without writing anything. Exit 0 when all files
    converted, 3 when any could not be read (the others are still written).

    \b
    Example:
      provenance ingest tei/source -o tei
      provenance ingest examples/draft.txt --rules examples/rules.json --json
      provenance ingest examples/draft.txt > draft.xml
    """
    rules = load_rules(rules_path) if rules_path else None
    tei = None
    if outdir is None and not as_json:
        if len(sources) != 1 or len(expand_sources(sources, TRANSCRIPTION_SUFFIXES)) != 1:
            raise UsageError("give -o FOLDER for the TEI files (without -o, one transcription's TEI goes to "
                             "standard output; nothing is written beside the sources)")
        tei = {}
    with encoding_hint():
        result = ingest_paths(sources, outdir, rules, encoding, tei_out=tei)
    if tei is not None:
        for e in result["errors"]:
            where = e["path"] + (f":{e['line']}" if e.get("line") else "")
            click.echo(f"Error: {where}: {e['message']}", err=True)
        for data in tei.values():
            sys.stdout.buffer.write(data)
        for doc in result["documents"]:
            for w in doc["warnings"]:
                click.echo(f"{doc['source']}:{w['line']}:{w['column']}: warning: {w['message']}", err=True)
        sys.exit(EXIT_INPUT if result["errors"] else EXIT_OK)
    if outdir is None:
        warn("nothing written: give -o FOLDER to write the TEI files")
    elif result["documents"]:
        n = len(result["documents"])
        wrote(f"{n} TEI file{'' if n == 1 else 's'} to {outdir}")
    if as_json:
        emit_json(result)
    else:
        for doc in result["documents"]:
            extra = []
            if doc["review"]:
                extra.append(f"{len(doc['review'])} to review")
            if doc["warnings"]:
                extra.append(f"{len(doc['warnings'])} warnings")
            say(f"{doc['source']} -> {doc['output'] or '(not written)'}" + (f" ({', '.join(extra)})" if extra else ""))
            for w in doc["warnings"]:
                say(f"{doc['source']}:{w['line']}:{w['column']}: warning: {w['message']}", err=True)
            for r in doc["review"]:
                say(f"{doc['source']}:{r['line']}:{r['column']}: review: {r['bracket']} encoded as "
                    f"{r['encoded_as']} ({r['rule']}): {r['reason']}", err=True)
        s = result["summary"]
        click.echo(f"{s['converted']} converted, {s['failed']} failed, {s['review_items']} review items", err=True)
    for e in result["errors"]:
        where = e["path"] + (f":{e['line']}" if e.get("line") else "")
        say(f"Error: {where}: {e['message']}", err=True)
    sys.exit(EXIT_INPUT if result["errors"] else EXIT_OK)


@click.command()
@click.argument("file", type=click.Path())
@click.option("--layer", type=click.Choice(["edition", "original"]), default="edition", show_default=True,
              help="edition: the text with its editorial brackets; original: the document's own words only.")
@encoding_option("Force the encoding of a transcription.")
@json_option
def text(file, layer, encoding, as_json):
    """Read a TEI file, or a transcription (converted on the fly), back to plain text.

    \b
    Example:
      provenance text tei/004_a2b5a4ae19e8ef0f.xml --layer original
      provenance text examples/draft.txt --layer original
    """
    with encoding_hint():
        doc = load_document(file, "auto", encoding)
        tree = doc.tree if doc.kind == "tei" else ingest_document(doc).tree
    out = tei_to_text(tree, layer)
    if as_json:
        emit_json({"tool": tool_header(), "path": file, "layer": layer,
                   "text": out})
    else:
        click.echo(out, nl=False)
