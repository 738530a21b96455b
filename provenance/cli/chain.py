"""`provenance chain` (copy-distribution chains, queries) and `provenance catalog` (the SQLite catalog)."""

from __future__ import annotations

import sys

import click

from provenance import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from provenance.cli.common import (CHAIN_LEVELS, emit_json, encoding_option, fail_on_option, failing_levels, given,
                                   say, wrote)
from provenance.errors import UsageError
from provenance.safetext import terminal_safe
from provenance.fileio import TRANSCRIPTION_SUFFIXES, XML_SUFFIXES, atomic_write, check_outputs, dump_json
from provenance.vocab import DEFAULT_CATALOG, tool_header

FORMATS = ("table", "json", "prov-json", "prov-n", "dot", "graphml")


def _names_option(f):
    return click.option("--names", "names", multiple=True, type=click.Path(),
                        help="A name-authority JSON file extending the packaged one "
                             "(schemas/names.schema.json); repeatable.")(f)


def _db_option(f):
    return click.option("--db", "db", default=DEFAULT_CATALOG, show_default=True, type=click.Path(),
                        help="The SQLite catalog file.")(f)


class _ChainGroup(click.Group):
    """`chain PATH...` runs the extraction (the hidden `extract` command, whose options the
    help of `chain` lists); `chain query ...` queries the catalog."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["extract", *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx, formatter):
        formatter.write_usage(ctx.command_path, "[OPTIONS] PATHS...")
        formatter.write_usage(ctx.command_path, "query [OPTIONS]", prefix="   or: ")

    def format_options(self, ctx, formatter):
        extract = self.commands["extract"]
        sub = _AsChainContext(extract, info_name="extract", parent=ctx)
        rows = [r for r in (p.get_help_record(sub) for p in extract.get_params(sub)
                            if isinstance(p, click.Option)) if r]
        with formatter.section("Options (provenance chain PATH...)"):
            formatter.write_dl(rows)
        self.format_commands(ctx, formatter)


class _AsChainContext(click.Context):
    """The context of `chain PATH...`: usage lines and errors name `provenance chain`, not the
    hidden `extract` command."""

    @property
    def command_path(self) -> str:
        return self.parent.command_path if self.parent is not None else super().command_path


@click.group(cls=_ChainGroup, invoke_without_command=False)
def chain():
    """Copy-distribution chains: copies, recipients, roles, excerpts, placements, archival units.

    provenance chain PATH... extracts, for each transcription (.txt) or TEI file (.xml), who
    received which copy, excerpt and point, who drafted, typed and authenticated it, where
    copies were placed, and what does not add up (findings); its options are listed below.
    Exit 1 when a finding at or above --fail-on (default: warning) is found, else 0; 2 on a
    bad option or name file, 3 when a file could not be read.

    provenance chain query (--recipient NAME | --agent NAME) [--document ID] [--db FILE], or
    --document ID alone, answers from the catalog built by `provenance catalog add`, with the
    evidence quotes.

    \b
    Example:
      provenance chain tei/source
      provenance chain tei/source --format json -o chain.json
      provenance chain tei/*.xml --format prov-n
      provenance chain query --recipient Molotov
    """


@chain.command("extract", hidden=True)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON on standard output (schemas/chain.schema.json); not with another --format or -o.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the output to this file.")
@fail_on_option(CHAIN_LEVELS, "finding")
@encoding_option("Force the encoding of transcriptions.")
@_names_option
def extract(paths, fmt, as_json, output, fail_on, encoding, names):
    """Extract copy-distribution chains from transcriptions or TEI files.

    \b
    Example:
      provenance chain tei/source --format json
    """
    from provenance.chain import NameAuthority, extract_paths
    from provenance.fileio import encoding_hint

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
        from provenance.fileio import outward

        text = dump_json(outward(result))
    elif fmt in ("prov-json", "prov-n", "dot", "graphml"):
        from provenance.chain import prov as P

        fn = {"prov-json": P.prov_json, "prov-n": P.prov_n, "dot": P.to_dot, "graphml": P.to_graphml}[fmt]
        text = fn(result, auth)
    else:
        text = terminal_safe(_table(result))
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


extract.context_class = _AsChainContext


def _unlisted(name: str | None) -> str | None:
    """A person the name authority does not hold, as the table shows them."""
    return f"{name} (not in the name authority)" if name else None


def _table(result: dict) -> str:
    out = []
    for d in result["documents"]:
        out.append(f"== {d['id']}  {d.get('title') or ''}  {d.get('date') or ''}".rstrip())
        run = d.get("print_run")
        if run:
            out.append(f"  print run: {run['declared']} declared, {run['listed']} listed  ({run['declared_raw']})")
        ex = d.get("exemplar")
        if ex:
            out.append(f"  this exemplar: {ex['number_raw'] or 'a copy'}"
                       + (f" -> {ex.get('listed_recipient') or ex.get('listed_destination')}"
                          if ex.get("listed_destination") else ""))
        for c in d["copies"]:
            who = c["recipient"] or _unlisted(c.get("recipient_name")) or \
                ("/".join(x for x in c["candidates"] if x) + "?" if c["candidates"] else None) or c["destination"] or "-"
            extra = f"  [{', '.join(c['flags'])}]" if c["flags"] else ""
            num = c["number"] if c["number"] is not None else "+"
            out.append(f"  copy {num!s:>3}  {c['kind']:<9} {who}{extra}")
        for r in d["roles"]:
            agent = r["agent"] or f"({r['agent_status']}: {r['agent_raw']})" if r["agent_raw"] else r["agent"] or "-"
            out.append(f"  {r['role']:<13} {agent}" + (f"  {r['date']}" if r.get("date") else "")
                       + (f" {r['time']}" if r.get("time") else ""))
        for e in d["excerpts"]:
            recorded = e.get("recipients_name") or [None] * len(e["recipients"])
            names = ", ".join(n or _unlisted(r) or "?" for n, r in zip(e["recipients"], recorded))
            pts = "everything" if e["points"] == ["all"] else ", ".join(e["points"])
            out.append(f"  excerpt       {names}: {pts}" + (f" by {e['channel']}" if e["channel"] else "")
                       + (f"  [{e['status']}]" if e["status"] != "ok" else ""))
        for p in d["placements"]:
            what = f"copy {p['copy']}" if p.get("copy") is not None else p.get("scope") or "a copy"
            out.append(f"  placed        {what} in the {p['container']}")
        for u in d["archival_units"]:
            out.append(f"  archive       {u['raw']}")
    if result["links"]:
        out.append("== links")
        for link in result["links"]:
            out.append(f"  {link['source']} -{link['kind']}-> {link['target']}  ({link['confidence']})")
    if result["findings"]:
        out.append("== findings")
        for f in result["findings"]:
            out.append(f"  {f['document']}: {f['severity']}: {f['code']}: {f['message']}")
            for r in f["readings"]:
                if r.get("text"):
                    out.append(f"      reading: {r['text']}")
    s = result["summary"]
    out.append(f"{s['documents']} documents, {s['copies']} copies, {s['excerpts']} excerpts, "
               f"{s['findings']} findings ({s['by_severity'].get('warning', 0)} warnings)")
    return "\n".join(out) + "\n"


@chain.command("query")
@click.option("--recipient", help="Who received copies, excerpts or addresses (any written form: 'Cde. V. M. MOLOTOV'); "
              "not with --agent.")
@click.option("--agent", help="Who drafted, typed, authenticated, signed... (any written form); not with --recipient.")
@click.option("--document", help="A document id (file stem, or its first characters) or sha256 prefix; alone, "
              "or with --recipient or --agent to answer for that document only.")
@_db_option
@_names_option
@click.option("--json", "as_json", is_flag=True, help="Write the answer as JSON (schemas/catalog.schema.json).")
def query(recipient, agent, document, db, names, as_json):
    """Query the catalog; every answer comes with the words of the document that state it.

    \b
    Example:
      provenance catalog add tei/source
      provenance chain query --recipient Molotov
      provenance chain query --document 004 --json
    """
    from provenance.chain.catalog import query as run_query

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
      provenance chain query --recipient Molotov
      datasette provenance.sqlite -m "$(provenance catalog metadata)"
    """


@catalog.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_db_option
@_names_option
@click.option("--json", "as_json", is_flag=True, help="Write the report as JSON (schemas/catalog.schema.json).")
def add(paths, db, names, as_json):
    """Add transcriptions or TEI files; a file already there (same content hash) is left alone.

    Exit 0 when every file was added or already present, 3 when any could not be read.

    \b
    Example:
      provenance catalog add tei/source --db corpus.sqlite
    """
    from provenance.chain.catalog import add_paths

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
@_names_option
@click.option("--json", "as_json", is_flag=True, help="Write the listing as JSON (schemas/catalog.schema.json).")
def list_(db, names, as_json):
    """List the documents in the catalog, with their numbers of facts and findings.

    Documents that `corpus index` catalogued have their copy-chain facts read first (a
    source changed or gone since is a warning).

    \b
    Example:
      provenance catalog list --db corpus.sqlite
    """
    from provenance.chain.catalog import list_documents

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
    from provenance.chain.catalog import search as run_search

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
    from provenance.web import metadata_path

    path = str(metadata_path())
    if as_json:

        emit_json({"tool": tool_header(), "metadata": path})
    else:
        click.echo(path)
    sys.exit(EXIT_OK)
