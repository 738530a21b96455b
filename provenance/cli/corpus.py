"""`provenance corpus`: catalog a corpus, discover related documents, audit them in batch."""

from __future__ import annotations

import sys
import time

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, TimeElapsedColumn

from provenance import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from provenance.cli.common import DIVERGENCE_LEVELS, emit_json, fail_on_option, failing_levels, json_option, wrote
from provenance.corpus.audit import audit_corpus
from provenance.corpus.discover import discover
from provenance.corpus.engine import make_engine
from provenance.corpus.index import index_paths
from provenance.vocab import DEFAULT_CATALOG

STAGES = {
    "index": "Reading and shingling files",
    "frequency": "Counting shingle frequencies",
    "signatures": "MinHash signatures and LSH bands",
    "verify": "Checking candidates, finding passages",
    "align": "Aligning pairs, writing reports",
    "graph": "Index page and corpus graph",
}


class Progress:
    """Rich progress bars on stderr (one per stage); silent when stderr is not a terminal or --quiet."""

    def __init__(self, quiet: bool):
        self.enabled = not quiet and sys.stderr.isatty()
        self._bar = None
        self._tasks: dict[str, int] = {}

    def __enter__(self):
        if self.enabled:
            self._bar = RichProgress(TextColumn("{task.description:<40}"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), console=Console(stderr=True), transient=False)
            self._bar.start()
        return self

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self._bar:
            return
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(STAGES.get(stage, stage), total=max(total, 1))
        self._bar.update(self._tasks[stage], completed=done, total=max(total, 1))

    def __exit__(self, *exc):
        if self._bar:
            self._bar.stop()


def _say(message: str) -> None:
    click.echo(message, err=True)


def _db_option(f):
    return click.option("--db", "db", default=DEFAULT_CATALOG, show_default=True,
                        type=click.Path(dir_okay=False),
                        help="The SQLite catalog file (the one of `provenance catalog`).")(f)


def _engine_options(f):
    f = click.option("--connect-timeout", "connect_timeout", type=float, default=5.0, show_default=True,
                     metavar="SECONDS", help="With --engine dask: give up (exit 3) when the scheduler does not "
                                             "answer within this time.")(f)
    f = click.option("--workers", type=int, default=None,
                     help="Local processes (default: all cores); ignored with --engine dask.")(f)
    f = click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="Dask scheduler address for --engine dask (e.g. tcp://10.0.0.5:8786).")(f)
    f = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where the work runs: local cores, or a Dask distributed cluster.")(f)
    return f


def _quiet_option(f):
    return click.option("-q", "--quiet", is_flag=True, help="No progress bars and no summary line.")(f)


def _engine(engine, scheduler, workers, connect_timeout=5.0):
    return make_engine(engine, scheduler, workers if engine == "local" else None, connect_timeout)


def _run(step, engine, scheduler, workers, quiet, *args, connect_timeout=5.0, **kw) -> dict:
    """Run one corpus step on the chosen engine with progress bars; the engine is closed after."""
    eng = _engine(engine, scheduler, workers, connect_timeout)
    try:
        with Progress(quiet) as prog:
            return step(*args, engine=eng, progress=prog, **kw)
    finally:
        eng.close()


def _say_errors(res: dict) -> None:
    for e in res["errors"]:
        _say(f"Error: {e['message']}")


@click.group()
def corpus():
    """Corpus scale: catalog thousands of documents, find related pairs, audit them in batch.

    `corpus index` catalogs transcriptions and TEI files (incremental by content hash);
    `corpus discover` finds related pairs by MinHash/LSH over word shingles, with the shared
    passages and which document was made from which; `corpus audit` aligns every pair and
    writes a report for each, an index page and a corpus graph. Every step runs on the local
    cores or on a Dask cluster (--engine dask --scheduler ADDRESS) with the same results.

    \b
    Example:
      provenance corpus index tei/source
      provenance corpus discover
      provenance corpus audit -o reports/corpus
    """


@corpus.command("index")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_db_option
@_engine_options
@_quiet_option
@json_option
def index_cmd(paths, db, engine, scheduler, workers, connect_timeout, quiet, as_json):
    """Catalog every transcription (.txt) and TEI file (.xml) under PATH...

    A file already catalogued with the same content (SHA-256) is skipped; a changed file
    is indexed again; a file that cannot be read is reported and skipped (exit 3 at the end);
    a file whose name (the document id, its stem) another file with other content holds is
    reported as a conflict and skipped (exit 1). Each file is one transaction: several runs may
    add to one catalog at once.

    \b
    Example:
      provenance corpus index tei/source --db provenance.sqlite
      provenance corpus index archive/ --json > index.json
    """
    t0 = time.perf_counter()
    res = _run(index_paths, engine, scheduler, workers, quiet, paths, db, connect_timeout=connect_timeout)
    _say_errors(res)
    for c in res["conflicts"]:
        _say(f"Conflict: {c['message']}")
    if as_json:
        emit_json(res)
    s = res["summary"]
    if not quiet:
        _say(f"{s['files']} files: {s['new']} new, {s['updated']} updated, {s['unchanged']} unchanged, "
             f"{s['errors']} errors, {s['conflicts']} conflicts; {s['catalogued']} documents in {db} "
             f"({time.perf_counter() - t0:.1f} s)")
    if s["new"] or s["updated"]:
        wrote(db)
    sys.exit(EXIT_INPUT if res["errors"] else EXIT_FINDINGS if res["conflicts"] else EXIT_OK)


@corpus.command("discover")
@_db_option
@click.option("--min-similarity", type=float, default=0.2, show_default=True,
              help="Keep pairs where at least this share of the smaller document's shingles occurs in the other.")
@click.option("--min-shared", type=int, default=8, show_default=True, help="Keep pairs sharing at least this many shingles.")
@click.option("--lsh-threshold", type=float, default=0.3, show_default=True,
              help="Passage similarity (Jaccard) the LSH bands are tuned for.")
@click.option("--max-df", type=int, default=None,
              help="Shingles in more documents than this are boilerplate (default: 1% of the documents, 5 to 1000).")
@click.option("--no-known-boilerplate", is_flag=True,
              help="Do not drop the archives' known boilerplate texts (rights statement, credits).")
@_engine_options
@_quiet_option
@json_option
def discover_cmd(db, min_similarity, min_shared, lsh_threshold, max_df, no_known_boilerplate, engine, scheduler,
                 workers, connect_timeout, quiet, as_json):
    """Find related documents in the catalog: similarity, shared passages, direction.

    Each pair comes with its similarity (the share of the smaller document found in the
    other, checked exactly), the passages the two share (with offsets), and, where the
    dates or containment tell, which document was made from which and why.

    \b
    Example:
      provenance corpus discover
      provenance corpus discover --min-similarity 0.5 --json > pairs.json
      provenance corpus discover --engine dask --scheduler tcp://127.0.0.1:8786
    """
    t0 = time.perf_counter()
    res = _run(discover, engine, scheduler, workers, quiet, db, connect_timeout=connect_timeout,
               min_similarity=min_similarity,
               min_shared=min_shared, lsh_threshold=lsh_threshold, max_df=max_df,
               known_boilerplate=not no_known_boilerplate)
    if as_json:
        emit_json(res)
    else:
        for p in res["pairs"]:
            d = p["direction"]
            arrow = f"{d['from']} -> {d['to']}" if d else f"{p['a']} ~ {p['b']}"
            click.echo(f"{p['similarity']:.3f}  {arrow}  ({p['shared_words']} shared words)")
            if d:
                click.echo(f"       {d['reason']}")
    for w in res["warnings"]:
        _say(f"Warning: {w}")
    for p in res["pairs"]:
        for w in p["warnings"]:
            _say(f"Warning: {w}")
    s = res["summary"]
    if not quiet:
        _say(f"{s['pairs']} related pairs ({s['directed']} with a direction) among {s['documents']} documents; "
             f"{s['candidates']} candidates checked; {s['boilerplate_shingles']} boilerplate shingles dropped "
             f"({time.perf_counter() - t0:.1f} s)")
    wrote(f"{db} (the related pairs)")
    sys.exit(EXIT_OK)


@corpus.command("audit")
@_db_option
@click.option("-o", "--output", "out", default="reports/corpus", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the pair reports, index.html, graph.html, corpus.graphml and corpus.json.")
@click.option("--min-similarity", type=float, default=None, help="Audit only pairs at least this similar.")
@click.option("--limit", type=int, default=None, help="Audit only the N most similar pairs.")
@fail_on_option(DIVERGENCE_LEVELS, "divergence")
@_engine_options
@_quiet_option
@json_option
def audit_cmd(db, out, min_similarity, limit, fail_on, engine, scheduler, workers, connect_timeout, quiet, as_json):
    """Align every related pair; write one report per pair, an index page and the corpus graph.

    Uses the pairs of the last `corpus discover` (discovers them again if the corpus has
    changed since). Exit 3 when some pair could not be reported, else 1 when a divergence at
    or above --fail-on (default: substantive) is found in any pair, else 0.

    \b
    Example:
      provenance corpus audit -o reports/corpus
      provenance corpus audit --engine dask --scheduler tcp://127.0.0.1:8786 --json
    """
    t0 = time.perf_counter()
    res = _run(audit_corpus, engine, scheduler, workers, quiet, db, out, connect_timeout=connect_timeout,
               min_similarity=min_similarity, limit=limit)
    _say_errors(res)
    for w in res["warnings"]:
        _say(f"Warning: {w}")
    if as_json:
        emit_json(res)
    s = res["summary"]
    if not quiet:
        _say(f"{s['reports']} pair reports ({s['errors']} errors, {s['substantive']} substantive divergences) "
             f"({time.perf_counter() - t0:.1f} s)")
    wrote(f"{out}/index.html, {out}/graph.html and {s['reports']} pair report{'' if s['reports'] == 1 else 's'}")
    if res["errors"]:
        sys.exit(EXIT_INPUT)
    levels = failing_levels(DIVERGENCE_LEVELS, fail_on)
    found = any((p.get("by_category") or {}).get(c) for p in res["pairs"] for c in levels)
    sys.exit(EXIT_FINDINGS if found else EXIT_OK)
