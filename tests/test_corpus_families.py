"""Versions of one text are not boilerplate: six Darwin editions and ten copies of one cable,
inside a generated archive of unrelated documents, are found whole; the archive's rights
statement and credits are still suppressed."""

from __future__ import annotations

import itertools
import sys

import pytest

from conftest import SEED, gen_corpus
from provenance.corpus import LocalEngine, discover, index_paths

cdiscover = sys.modules["provenance.corpus.discover"]  # the module (the package exports its function)

DARWIN = [f"darwin{y}" for y in (1859, 1860, 1861, 1866, 1869, 1872)]
CABLES = [f"cable{k:02d}" for k in range(1, 11)]
RIGHTS = ("History and Public Policy Program", "made possible with support")


def _gen():
    return gen_corpus()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    out = tmp_path_factory.mktemp("families")
    info = _gen().generate(out, 490, seed=5, related=0.0, cables=10)  # 500 with the cables
    db = out / "c.sqlite"
    with LocalEngine(2) as eng:
        assert index_paths([out / "docs"], db, engine=eng)["errors"] == []
    return db, info


def _pairs(res):
    return {(p["a"], p["b"]) for p in res["pairs"]}


def test_editions_and_copies_are_found_whole_and_nothing_else(archive):
    db, info = archive
    truth = {(t["a"], t["b"]) for t in info["pairs"]}
    assert len(truth) == 15 + 1 + 45
    with LocalEngine(2) as eng:
        res = discover(db, store=False, engine=eng)
    assert res["settings"]["max_df"] == 5  # six editions and ten copies are each above it
    found = _pairs(res)
    assert found == truth, (sorted(truth - found), sorted(found - truth))
    assert set(itertools.combinations(DARWIN, 2)) <= found  # 1859-1872 and 1860-1872 included
    assert set(itertools.combinations(CABLES, 2)) <= found
    assert tuple(sorted((SEED["004"].stem, SEED["002"].stem))) in found
    assert res["summary"]["families"] >= 2 and res["summary"]["family_shingles"] > 0
    quoted = " ".join(s["text"] for p in res["pairs"] for s in p["shared"])
    for words in RIGHTS:  # the archive's boilerplate is still suppressed
        assert words not in quoted


def test_without_groups_the_versions_lose_what_they_share(archive, monkeypatch):
    """The same corpus judged by document frequency alone (no group is consulted): the shared
    text of the editions is dropped and the farthest editions are no longer paired."""
    db, _info = archive
    monkeypatch.setattr(cdiscover, "postings_cap", lambda max_df: max_df)
    with LocalEngine(2) as eng:
        res = discover(db, store=False, engine=eng, passages=False)
    found = _pairs(res)
    assert ("darwin1859", "darwin1872") not in found or ("darwin1860", "darwin1872") not in found
    assert res["summary"]["family_shingles"] == 0
