"""`provenance corpus audit`: a report per pair, the index page, the corpus graph."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import networkx as nx
import pytest

from conftest import SEED, run_cli, seed_folder
from provenance.corpus import LocalEngine, audit_corpus, discover, index_paths
from provenance.resources import json_errors

DRAFT, ADOPTED = SEED["004"].stem, SEED["002"].stem
HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)> </textarea>'
RUN_TIME = "2026-01-01T00:00:00Z"


def _hostile_pair(folder: Path) -> None:
    """Two related documents whose title and shared text carry markup."""
    body = " ".join(f"Point {i}: the committee shall deliver {i * 7} tons of grain to the district of Ghulja "
                    f"before the {i} of May, and report {HOSTILE} to the secretariat." for i in range(1, 9))
    (folder / "h1_draft.txt").write_text(f"April 2, 1946\n\n{HOSTILE} Draft decision\n\n{body}\n", encoding="utf-8")
    (folder / "h2_final.txt").write_text(f"May 9, 1946\n\n{HOSTILE} Decision\n\n{body}\nAdopted.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    root = tmp_path_factory.mktemp("audit")
    src = root / "src"
    src.mkdir()
    for p in SEED.values():
        shutil.copyfile(p, src / p.name)
    _hostile_pair(src)
    db = root / "c.sqlite"
    index_paths([src], db)
    with LocalEngine(2) as eng:
        discover(db, engine=eng)
        res = audit_corpus(db, root / "out", engine=eng, run_time=RUN_TIME)
    return root, res


def test_every_pair_has_a_report_and_counts(audited):
    root, res = audited
    assert json_errors(res, "corpus-audit.schema.json") == []
    assert res["errors"] == [] and res["rediscovered"] is False
    pairs = {(p["first"], p["second"]): p for p in res["pairs"]}
    assert set(pairs) == {(DRAFT, ADOPTED), ("h1_draft", "h2_final")}
    seed = pairs[(DRAFT, ADOPTED)]
    assert seed["report"] == f"pairs/{DRAFT}--{ADOPTED}.html"
    html = (root / "out" / seed["report"]).read_text(encoding="utf-8")
    assert "kulaki" in html  # the draft's wording, in the aligned report
    assert seed["substantive"] >= 1 and seed["divergences"] >= seed["substantive"]
    summary = json.loads((root / "out" / seed["json"]).read_text(encoding="utf-8"))
    assert summary["summary"]["by_category"]["substantive"] == seed["substantive"]
    assert summary["witnesses"][0]["id"] == DRAFT  # the draft is the base of the alignment
    assert json.loads((root / "out" / "corpus.json").read_text(encoding="utf-8")) == res


def test_index_page_is_sortable_and_escapes_document_text(audited):
    root, _res = audited
    page = (root / "out" / "index.html").read_text(encoding="utf-8")
    assert 'id="sort-similarity"' in page and 'id="sort-substantive"' in page
    assert f'href="pairs/{DRAFT}--{ADOPTED}.html"' in page
    for text in (page, (root / "out" / "graph.html").read_text(encoding="utf-8")):
        assert "<script>alert(1)</script>" not in text and "<img src=x" not in text
        assert "</textarea>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title, shown as text
    pair_report = (root / "out" / "pairs" / "h1_draft--h2_final.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in pair_report


def test_corpus_graph_links_derivation_and_copy_chains(audited):
    root, res = audited
    g = nx.read_graphml(root / "out" / "corpus.graphml", force_multigraph=True)
    kinds = {(u, v, d["kind"]) for u, v, d in g.edges(data=True)}
    assert (DRAFT, ADOPTED, "derivation") in kinds
    assert ("h1_draft", "h2_final", "derivation") in kinds
    assert g.nodes[DRAFT]["date"] == "1945-04-29"
    assert res["graph"]["derivation"] == 2 and res["graph"]["nodes"] == 4
    svg = (root / "out" / "graph.html").read_text(encoding="utf-8")
    assert svg.count('class="edge derivation"') == 2 and 'marker-end="url(#arrow)"' in svg


def test_audit_rediscovers_when_the_corpus_changed(tmp_path):
    src = seed_folder(tmp_path, "002", "004")
    db = tmp_path / "c.sqlite"
    index_paths([src], db)
    discover(db, engine=LocalEngine(1))
    shutil.copyfile(SEED["003"], src / SEED["003"].name)
    index_paths([src], db)
    res = audit_corpus(db, tmp_path / "out", engine=LocalEngine(1), run_time=RUN_TIME, limit=0)
    assert res["rediscovered"] is True and res["pairs"] == []


def test_audit_cli_json_and_exit_code(tmp_path):
    src = seed_folder(tmp_path, "002", "004", "000")
    db = tmp_path / "c.sqlite"
    assert run_cli("corpus", "index", src, "--db", db, "-q").returncode == 0
    res = run_cli("corpus", "audit", "--db", db, "-o", tmp_path / "out", "--json", "--workers", "1")
    assert res.returncode == 1, res.stderr  # substantive divergences: the default --fail-on
    assert f"wrote {tmp_path / 'out'}/index.html" in res.stderr
    out = json.loads(res.stdout)
    assert json_errors(out, "corpus-audit.schema.json") == []
    assert out["rediscovered"] is True and out["summary"]["reports"] == 1
    assert "1 pair reports" in res.stderr
    # a source that disappears makes that pair fail, reported, exit 3
    os.remove(src / SEED["002"].name)
    gone = run_cli("corpus", "audit", "--db", db, "-o", tmp_path / "out2", "--json", "--workers", "1")
    assert gone.returncode == 3 and "Traceback" not in gone.stderr
    assert json.loads(gone.stdout)["summary"]["errors"] == 1


def test_help_has_examples():
    for sub in ("index", "discover", "audit"):
        res = run_cli("corpus", sub, "--help")
        assert res.returncode == 0 and "Example:" in res.stdout
