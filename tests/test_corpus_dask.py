"""Both engines give the same pairs and reports: a real Dask LocalCluster on loopback."""

from __future__ import annotations

import importlib.util
import json
import shutil

import pytest

from conftest import ROOT, SEED, SOURCES, run_cli
from provenance.corpus import DaskEngine, LocalEngine, audit_corpus, discover, index_paths
from provenance.fileio import dump_json
from provenance.schemas import json_errors

RUN_TIME = "2026-01-01T00:00:00Z"


@pytest.fixture(scope="module")
def cluster():
    import distributed

    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://",
                                  host="127.0.0.1", dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    """The seeds plus a small generated archive with planted pairs."""
    out = tmp_path_factory.mktemp("dask")
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    gen.generate(out, 150, seed=5)
    db = out / "c.sqlite"
    index_paths([out / "docs"], db)
    return db


def test_dask_and_local_find_identical_pairs(cluster, corpus_db):
    with DaskEngine(cluster.scheduler_address) as eng:
        assert eng.workers == 2
        on_dask = discover(corpus_db, engine=eng, store=False, batch_size=20)
    with LocalEngine(2) as eng:
        local = discover(corpus_db, engine=eng, store=False)
    local_one = discover(corpus_db, engine=LocalEngine(1), store=False, batch_size=7)
    assert on_dask["summary"]["pairs"] >= 20
    assert dump_json(on_dask) == dump_json(local) == dump_json(local_one)


def test_dask_and_local_write_identical_reports(cluster, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for p in SEED.values():
        shutil.copyfile(p, src / p.name)
    db = tmp_path / "c.sqlite"
    index_paths([src], db)
    with DaskEngine(cluster.scheduler_address) as eng:
        discover(db, engine=eng)
        d = audit_corpus(db, tmp_path / "dask", engine=eng, run_time=RUN_TIME)
    loc = audit_corpus(db, tmp_path / "local", engine=LocalEngine(1), run_time=RUN_TIME)
    assert json_errors(d, "corpus-audit.schema.json") == []
    assert [p["report"] for p in d["pairs"]] == [p["report"] for p in loc["pairs"]] != []
    for name in ["index.html", "graph.html", "corpus.graphml"] + [p["report"] for p in d["pairs"]]:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    strip = lambda x: {k: v for k, v in x.items() if k != "out"}  # noqa: E731
    assert strip(d) == strip(loc)


def test_cli_engine_dask(cluster, tmp_path):
    db = tmp_path / "c.sqlite"
    assert run_cli("corpus", "index", SOURCES, "--db", db, "-q").returncode == 0
    on_dask = run_cli("corpus", "discover", "--db", db, "--json", "--engine", "dask",
                      "--scheduler", cluster.scheduler_address)
    assert on_dask.returncode == 0, on_dask.stderr
    local = run_cli("corpus", "discover", "--db", db, "--json")
    assert json.loads(on_dask.stdout) == json.loads(local.stdout)
    no_address = run_cli("corpus", "discover", "--db", db, "--engine", "dask")
    assert no_address.returncode == 2 and no_address.stderr.startswith("Error: --engine dask needs --scheduler")


def test_unreachable_scheduler_is_an_input_error():
    from provenance.errors import InputError

    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        DaskEngine("tcp://127.0.0.1:9", timeout=1)
