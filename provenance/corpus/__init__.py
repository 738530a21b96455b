"""Corpus scale: catalog thousands of documents, find the related pairs, audit them in batch.

* :func:`index_paths` (paths, db_path) catalogs transcriptions and TEI files (incremental by
  content hash) in the SQLite catalog;
* :func:`discover` (db_path) finds related pairs by MinHash/LSH over word shingles, with the
  shared passages and a guess of direction;
* :func:`audit_corpus` (db_path, out_dir) aligns every pair, writes one report per pair, an
  index page and the corpus graph;
* :func:`make_engine` ("local" | "dask", scheduler) chooses where the work runs.
"""

from provenance.corpus.audit import audit_corpus
from provenance.corpus.discover import discover
from provenance.corpus.engine import DaskEngine, LocalEngine, make_engine
from provenance.corpus.index import DEFAULT_DB, index_paths

__all__ = ["DEFAULT_DB", "DaskEngine", "LocalEngine", "audit_corpus", "discover", "index_paths", "make_engine"]
