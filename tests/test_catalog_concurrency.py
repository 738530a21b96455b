"""Several processes on one catalog: writers adding overlapping and same-named files with both
commands while a reader lists; and `corpus index` killed in the middle leaves no worker behind."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time

import psutil
import pytest

from conftest import ROOT, SEED, run_cli

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _cli(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "provenance", *map(str, args)], cwd=ROOT, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _folder(path, names, variant: str):
    """Transcriptions named ``names``, each a seed with a line of its own; ``variant`` changes the
    line, so that two folders made with different variants hold other content under one name."""
    path.mkdir()
    seeds = list(SEED.values())
    for i, name in enumerate(names):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (path / f"{name}.txt").write_text(f"{text}\nFiled as {name}, {variant}.\n", encoding="utf-8")
    return path


def test_writers_and_a_reader_at_once(tmp_path):
    db = tmp_path / "c.sqlite"
    shared = [f"n{i:03d}" for i in range(24)]
    a = _folder(tmp_path / "a", shared, "first")  # catalog add
    b = _folder(tmp_path / "b", shared[:12] + [f"b{i:03d}" for i in range(12)], "first")  # same files as a, and others
    c = _folder(tmp_path / "c", shared[6:18] + [f"c{i:03d}" for i in range(12)], "second")  # same names, other content
    assert run_cli("catalog", "add", SEED["000"], "--db", db).returncode == 0  # the file exists for the reader
    writers = [_cli("catalog", "add", a, "--db", db), _cli("corpus", "index", b, "--db", db, "-q", "--workers", "2"),
               _cli("corpus", "index", c, "--db", db, "-q", "--workers", "1"), _cli("catalog", "add", c, "--db", db)]
    reads = []
    while any(w.poll() is None for w in writers):
        reads.append(run_cli("catalog", "list", "--db", db, "--json"))  # in this process: a process of its own
        time.sleep(0.05)  # listing again at once would only take the writers' processor time
    reads.append(run_cli("catalog", "list", "--db", db, "--json"))
    outs = [(w.returncode, *w.communicate()) for w in writers]
    for code, _out, err in outs:
        assert code in (0, 1), err
        assert "Traceback" not in err and "internal error" not in err and "locked" not in err, err
    for r in reads:
        assert r.returncode == 0, r.stderr
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    rows = con.execute("SELECT id, sha256, chain IS NOT NULL, n IN (SELECT doc FROM shingles), "
                       "n IN (SELECT rowid FROM document_text) FROM documents").fetchall()
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids))  # no id stored twice
    contents = {}  # id -> the content hashes files of that name have
    for folder in (a, b, c):
        for p in folder.iterdir():
            contents.setdefault(p.stem, set()).add(hashlib.sha256(p.read_bytes()).hexdigest())
    contents[SEED["000"].stem] = {hashlib.sha256(SEED["000"].read_bytes()).hexdigest()}
    assert set(ids) == set(contents)  # no lost row: every name is catalogued, from one of its files
    for doc_id, sha, chain, shingled, text in rows:
        assert sha in contents[doc_id]
        assert (chain or shingled) and text  # each row complete for the command that wrote it
    # the reader's listings only ever grew, each one whole
    import json

    counts = [len(json.loads(r.stdout)["documents"]) for r in reads]
    assert counts == sorted(counts) and counts[-1] == len(ids)
    con.close()


def _workers(pid: int, timeout: float = 60) -> list[psutil.Process]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            kids = psutil.Process(pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        if len(kids) >= 2:
            return kids
        time.sleep(0.05)
    return []


def _gone(procs: list[psutil.Process], timeout: float = 10) -> list[psutil.Process]:
    _gone_, alive = psutil.wait_procs(procs, timeout=timeout)
    return alive


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "term"])
def test_a_killed_index_leaves_no_worker_behind(tmp_path, sig):
    src = _folder(tmp_path / "src", [f"d{i:04d}" for i in range(600)], "first")
    db = tmp_path / "c.sqlite"
    proc = _cli("corpus", "index", src, "--db", db, "-q", "--workers", "2")
    workers = _workers(proc.pid)
    assert workers, "the index started no worker processes"
    time.sleep(0.3)
    os.kill(proc.pid, sig)
    proc.communicate(timeout=30)
    alive = _gone(workers)
    for p in alive:  # not ours to leave running
        p.kill()
    assert alive == [], f"orphaned workers: {[p.pid for p in alive]}"
    # the catalog is whole: what was committed is there, and a second run finishes the job
    again = run_cli("corpus", "index", src, "--db", db, "-q", "--json")
    assert again.returncode == 0, again.stderr
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 600
    con.close()
