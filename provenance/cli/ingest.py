"""`provenance ingest` and `provenance text`."""

from __future__ import annotations

import sys

import click

from provenance import EXIT_INPUT, EXIT_OK, __version__
from provenance.cli.common import emit_json, encoding_option, json_option, say
from provenance.errors import InputError


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "outdir", default="tei", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the TEI files (<stem>.xml).")
@click.option("--rules", "rules_path", type=click.Path(), help="JSON rules file overriding bracket decisions "
              "(schemas/ingest-rules.schema.json).")
@encoding_option("Force the encoding of the sources (e.g. cp1251, utf-16).")
@json_option
def ingest(sources, outdir, rules_path, encoding, as_json):
    """Convert transcriptions (files or folders) to TEI P5.

    Every editorial bracket is encoded as TEI markup by a named rule; doubtful decisions are
    listed as review items (see --json). Exit 0 when all files converted, 3 when any could not
    be read (the others are still written).

    \b
    Example:
      provenance ingest tei/source -o tei
      provenance ingest draft.txt --rules my-rules.json --json
    """
    from provenance.fileio import encoding_hint
    from provenance.ingest import ingest_paths, load_rules

    rules = load_rules(rules_path) if rules_path else None
    with encoding_hint():
        result = ingest_paths(sources, outdir, rules, encoding)
    if as_json:
        emit_json(result)
    else:
        for doc in result["documents"]:
            extra = []
            if doc["review"]:
                extra.append(f"{len(doc['review'])} to review")
            if doc["warnings"]:
                extra.append(f"{len(doc['warnings'])} warnings")
            say(f"{doc['source']} -> {doc['output']}" + (f" ({', '.join(extra)})" if extra else ""))
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
@json_option
def text(file, layer, as_json):
    """Read a TEI file back to plain text.

    \b
    Example:
      provenance text tei/004_a2b5a4ae19e8ef0f.xml --layer original
    """
    from provenance.fileio import parse_xml
    from provenance.textback import tei_body, tei_to_text

    tree = parse_xml(file)
    if tei_body(tree) is None:
        raise InputError("has no TEI text/body", file)
    out = tei_to_text(tree, layer)
    if as_json:
        emit_json({"tool": {"name": "provenance", "version": __version__}, "path": file, "layer": layer,
                   "text": out})
    else:
        click.echo(out, nl=False)
