"""Both engines give the same pairs and reports: a real Dask LocalCluster on loopback."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEED, SOURCES, gen_corpus, run_cli, run_process
from provenance.corpus import DaskEngine, LocalEngine, audit_corpus, discover, index_paths
from provenance.fileio import dump_json
from provenance.resources import json_errors

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
    gen = gen_corpus()
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


def _dask_cli() -> str:
    import sys
    from pathlib import Path

    exe = Path(sys.executable).with_name("dask")
    if not exe.exists():
        pytest.skip("the dask command line is not installed beside this Python")
    return str(exe)


@pytest.fixture
def processes(tmp_path):
    """`dask scheduler` and `dask worker` as separate processes on 127.0.0.1, as the README starts
    them; the address comes from the scheduler file."""
    import os
    import subprocess
    import time

    dask = _dask_cli()
    sfile = tmp_path / "scheduler.json"
    env = dict(os.environ)
    logs = [open(tmp_path / "scheduler.log", "wb"), open(tmp_path / "worker.log", "wb")]
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                               "--scheduler-file", str(sfile)], stdout=logs[0], stderr=logs[0], env=env,
                              cwd=tmp_path)]
    try:
        deadline = time.monotonic() + 60
        while not sfile.exists() or not sfile.read_text().strip():
            assert time.monotonic() < deadline, (tmp_path / "scheduler.log").read_text()
            assert procs[0].poll() is None, (tmp_path / "scheduler.log").read_text()
            time.sleep(0.2)
        address = json.loads(sfile.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        procs.append(subprocess.Popen([dask, "worker", address, "--host", "127.0.0.1", "--nworkers", "1",
                                       "--nthreads", "2", "--no-dashboard", "--no-nanny"],
                                      stdout=logs[1], stderr=logs[1], env=env, cwd=tmp_path))
        import distributed

        with distributed.Client(address, timeout=30, set_as_default=False) as c:
            c.wait_for_workers(1, timeout=60)
        yield address
    finally:
        for p in reversed(procs):  # the worker first, then its scheduler: a worker stopped while its
            p.terminate()           # scheduler closes can hang in its own shutdown until killed
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        for f in logs:
            f.close()


def test_cli_discovery_on_a_scheduler_and_a_worker_started_from_the_command_line(processes, tmp_path):
    db = tmp_path / "c.sqlite"
    assert run_cli("corpus", "index", SOURCES, "--db", db, "-q").returncode == 0
    on_dask = run_cli("corpus", "discover", "--db", db, "--json", "--engine", "dask", "--scheduler", processes)
    assert on_dask.returncode == 0, on_dask.stderr
    local = run_cli("corpus", "discover", "--db", db, "--json", "--workers", "1")
    pairs = json.loads(on_dask.stdout)
    assert json_errors(pairs, "corpus-discover.schema.json") == []
    assert pairs == json.loads(local.stdout)
    assert [{p["a"], p["b"]} for p in pairs["pairs"]] == [{SEED["004"].stem, SEED["002"].stem}]


def test_unreachable_scheduler_fails_within_the_connect_timeout(tmp_path):
    import socket
    import time

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.monotonic()
    # the real command: what Dask logs on standard error is part of the answer
    r = run_process("corpus", "discover", "--db", tmp_path / "c.sqlite", "--engine", "dask",
                    "--scheduler", f"tcp://127.0.0.1:{port}", "--connect-timeout", "1")
    took = time.monotonic() - t0
    assert r.returncode == 3 and r.stderr.startswith("Error: cannot reach the Dask scheduler"), r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert took < 1 + 5, took  # the timeout, plus the start of Python
    # a server that is not a Dask scheduler is refused just as clearly
    with socket.socket() as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        addr = f"tcp://127.0.0.1:{srv.getsockname()[1]}"
        import threading

        def talk():
            conn, _ = srv.accept()
            with conn:
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n" * 4)
                time.sleep(3)

        threading.Thread(target=talk, daemon=True).start()
        r = run_process("corpus", "discover", "--db", tmp_path / "c.sqlite", "--engine", "dask",
                        "--scheduler", addr, "--connect-timeout", "1")
    assert r.returncode == 3 and r.stderr.startswith("Error: cannot reach the Dask scheduler"), r.stderr
    assert "Traceback" not in r.stderr
