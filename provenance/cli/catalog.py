"""`provenance catalog`: the SQLite catalog: add, list, search and query its documents."""

from __future__ import annotations

import sys

import click

from provenance import EXIT_INPUT, EXIT_OK
from provenance.catalog import add_paths, list_documents, metadata_path, query as run_query, search as run_search
from provenance.cli.common import emit_json, names_option, say, wrote
from provenance.vocab import DEFAULT_CATALOG, tool_header


def _db_option(f):
    return click.option("--db", "db", default=DEFAULT_CATALOG, show_default=True, type=click.Path(),
                        help="The SQLite catalog file.")(f)


@click.group()
def catalog():
    """The SQLite catalog (default file provenance.sqlite): documents, distribution facts, texts.

    One catalog for `catalog add` and `corpus index`: a document is recorded once, by content
    hash, and each command reads what it needs of it when it first needs it. It opens in
    Datasette with the metadata the package ships (see `catalog metadata`).

    \b
    Example:
      provenance catalog add tei/source
      provenance catalog list
      provenance catalog search "Special Folder"
      provenance catalog query --recipient Molotov
      datasette provenance.sqlite -m "$(provenance catalog metadata)"
    """


@catalog.command("query")
@click.option("--recipient", help="Who received copies, excerpts or addresses (any written form: 'Cde. V. M. MOLOTOV'); "
              "not with --agent.")
@click.option("--agent", help="Who drafted, typed, authenticated, signed... (any written form); not with --recipient.")
@click.option("--document", help="A document id (file stem, or its first characters) or sha256 prefix; alone, "
              "or with --recipient or --agent to answer for that document only.")
@_db_option
@names_option
@click.option("--json", "as_json", is_flag=True, help="Write the answer as JSON (schemas/catalog.schema.json).")
def query(recipient, agent, document, db, names, as_json):
    """Query the catalog; every answer comes with the words of the document that state it.

    \b
    Example:
      provenance catalog add tei/source
      provenance catalog query --recipient Molotov
      provenance catalog query --document 004 --json
    """
    res = run_query(db, recipient=recipient, document=document, agent=agent, names=names)
    if as_json:
        emit_json(res, locations=True)
    else:
        for r in res["results"]:
            say(f"{r['document']}  {r['kind']:<10} {r['agent'] or '-':<12} {r['what']}")
            say(f"    \"{' '.join(r['quote'].split())}\"  [{r['start']}:{r['end']}]"
                + (f"  confidence {r['confidence']}" if r["confidence"] < 1 else ""))
        for f in res["findings"]:
            say(f"{f['document']}: {f['severity']}: {f['code']}: {f['message']}")
        click.echo(f"{res['count']} facts in {len(res['documents'])} documents", err=True)
    _warn(res)
    sys.exit(EXIT_OK)


def _warn(res: dict) -> None:
    for w in res.get("warnings", []):
        click.echo(f"Warning: {w}", err=True)


@catalog.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_db_option
@names_option
@click.option("--json", "as_json", is_flag=True, help="Write the report as JSON (schemas/catalog.schema.json).")
def add(paths, db, names, as_json):
    """Add transcriptions or TEI files; a file already there (same content hash) is left alone.

    Exit 0 when every file was added or already present, 3 when any could not be read.

    \b
    Example:
      provenance catalog add tei/source --db corpus.sqlite
    """
    res = add_paths(db, paths, names)
    if as_json:
        emit_json(res, locations=True)
    else:
        for k in ("added", "replaced", "unchanged"):
            for f in res[k]:
                was = f" (replacing the version read from {f['previous_path']})" if f.get("previous_path") else ""
                say(f"{k}: {f['path']} ({f['id']}){was}")
        click.echo(f"{len(res['added'])} added, {len(res['replaced'])} replaced, "
                   f"{len(res['unchanged'])} unchanged, {len(res['errors'])} failed", err=True)
    if res["added"] or res["replaced"]:
        wrote(db)
    for e in res["errors"]:
        say(f"Error: {e['message']}", err=True)
    sys.exit(EXIT_INPUT if res["errors"] else EXIT_OK)


@catalog.command("list")
@_db_option
@names_option
@click.option("--json", "as_json", is_flag=True, help="Write the listing as JSON (schemas/catalog.schema.json).")
def list_(db, names, as_json):
    """List the documents in the catalog, with their numbers of facts and findings.

    Documents that `corpus index` catalogued have their copy-chain facts read first (a
    source changed or gone since is a warning).

    \b
    Example:
      provenance catalog list --db corpus.sqlite
    """
    res = list_documents(db, names)
    if as_json:
        emit_json(res, locations=True)
    else:
        for d in res["documents"]:
            say(f"{d['id']}  {d['date'] or '-'}  {d['facts']} facts  {d['findings']} findings  {d['title'] or ''}")
    _warn(res)
    sys.exit(EXIT_OK)


@catalog.command("search")
@click.argument("text")
@_db_option
@click.option("--limit", type=int, default=50, show_default=True, help="Show at most this many documents.")
@click.option("--json", "as_json", is_flag=True, help="Write the results as JSON (schemas/catalog-search.schema.json).")
def search(text, db, limit, as_json):
    """Full-text search of the catalogued documents' titles and texts (SQLite FTS5).

    Every word of TEXT must occur (case and diacritics ignored); "quoted words" must occur
    as a phrase; word* matches a prefix. Best matches first, each with a snippet (the words
    found in [brackets]). Exit 0 whether or not anything matched.

    \b
    Example:
      provenance catalog search Xinjiang
      provenance catalog search '"Special Folder" Beria' --json
    """
    res = run_search(db, text, limit=limit)
    if as_json:
        emit_json(res)
    else:
        for r in res["results"]:
            say(f"{r['document']}  {r['date'] or '-'}  {r['title'] or ''}")
            say(f"    {r['snippet']}")
        click.echo(f"{res['count']} documents match {res['match']}", err=True)
    _warn(res)
    sys.exit(EXIT_OK)


@catalog.command("metadata")
@click.option("--json", "as_json", is_flag=True,
              help="Write the path as JSON (schemas/catalog-metadata.schema.json).")
def metadata(as_json):
    """Print the path of the Datasette metadata file the package ships.

    Titles, descriptions, facets and canned queries ("what did X receive", "documents of fond
    F", "drafts and what adopted them") for browsing the catalog in Datasette.

    \b
    Example:
      datasette provenance.sqlite -m "$(provenance catalog metadata)"
    """
    path = str(metadata_path())
    if as_json:
        emit_json({"tool": tool_header(), "metadata": path})
    else:
        click.echo(path)
    sys.exit(EXIT_OK)
