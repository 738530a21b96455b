"""The catalog in Datasette: the metadata file the package ships.

``datasette provenance.sqlite -m "$(provenance catalog metadata)"`` opens the catalog with
titles and descriptions for its tables and views, facets, and canned queries ("what did X
receive", "documents of fond F", "drafts and what adopted them"). Datasette names a database
after its file stem, and the metadata describes the database ``provenance``: the default
catalog file, ``provenance.sqlite`` (a catalog under another name opens with the views but
without the titles and canned queries).
"""

from __future__ import annotations

from pathlib import Path

from provenance.resources import data_json, data_path


def metadata_path() -> Path:
    """The shipped metadata file (``provenance/data/datasette.json``)."""
    return data_path("datasette.json")


def metadata() -> dict:
    return data_json("datasette.json")
