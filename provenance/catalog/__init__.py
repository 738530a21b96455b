"""The catalog: one SQLite file (default ``provenance.sqlite``) for a collection's documents.

It holds what ``catalog add`` and ``corpus index`` read of each document: its text (searched
in full), its copy-chain facts and findings, and the shingles that ``corpus discover`` compares.

- :mod:`.store`: the schema, connections, transactions and migrations;
- :mod:`.chains`: adding documents with their facts, queries by recipient, agent or document,
  listing and full-text search;
- :mod:`.datasette`: the metadata file for browsing the catalog in Datasette.
"""

from __future__ import annotations

from provenance.catalog.chains import add_paths, fact_rows, list_documents, query, search
from provenance.catalog.datasette import metadata, metadata_path

__all__ = ["add_paths", "fact_rows", "list_documents", "query", "search", "metadata", "metadata_path"]
