"""The catalog in Datasette with the metadata the package ships: a real server on loopback,
its JSON API for a canned query, and a document's page in a real browser."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SEED, SOURCES, run_cli
from provenance.catalog.datasette import metadata, metadata_path
from test_browser_report import browser  # noqa: F401 (the fixture: Debian's chromium through Playwright)

DATASETTE = shutil.which("datasette") or str(Path(sys.executable).with_name("datasette"))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=timeout) as r:  # loopback only
        return r.status, r.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(DATASETTE).exists():
        if os.environ.get("CI"):
            pytest.fail("datasette is not installed (it is in the test extra)")
        pytest.skip("datasette is not installed (pip install '.[web]')")
    folder = tmp_path_factory.mktemp("web")
    db = folder / "provenance.sqlite"  # Datasette names the database after the stem: "provenance"
    assert run_cli("catalog", "add", SOURCES, "--db", db).returncode == 0
    assert run_cli("corpus", "discover", "--db", db, "-q").returncode == 0
    meta = run_cli("catalog", "metadata").stdout.strip()
    assert Path(meta) == metadata_path() and Path(meta).is_file()
    port = _free_port()
    proc = subprocess.Popen([DATASETTE, str(db), "-m", meta, "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(base + "/-/versions.json", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read() if proc.poll() is not None else ""
                pytest.fail(f"datasette did not start: {out}")
            time.sleep(0.2)
        yield base, db
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_the_shipped_metadata_describes_every_view_and_table():
    meta = metadata()
    db = meta["databases"]["provenance"]
    assert set(db["queries"]) == {"what_did_x_receive", "documents_of_fond", "drafts_and_what_adopted_them"}
    import sqlite3

    from provenance.catalog.store import DDL

    con = sqlite3.connect(":memory:")
    for stmt in DDL:
        con.execute(stmt)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                       "AND name NOT LIKE 'document_text%'")}
    assert set(db["tables"]) == names
    for q in db["queries"].values():  # every canned query is valid SQL over the schema
        con.execute("EXPLAIN " + q["sql"], {"recipient": "x", "fond": "1"})


def test_canned_query_over_the_json_api(server):
    base, _db = server
    status, body = _get(base + "/provenance/what_did_x_receive.json?recipient=Molotov&_shape=array")
    assert status == 200
    rows = json.loads(body)
    assert {r["document"][:3] for r in rows} == {"000", "001", "002", "003"}
    assert any(r["quote"] == "Copy N° 4 - to Molotov" and r["copy"] == 4 for r in rows)
    status, body = _get(base + "/provenance/drafts_and_what_adopted_them.json?_shape=array")
    drafts = [r for r in json.loads(body) if r["adopted"] == SEED["002"].stem]
    assert drafts and drafts[0]["draft"] == SEED["004"].stem
    units = json.loads(_get(base + "/provenance/archival_units.json?_shape=array")[1])
    fond = units[0]["fond"]
    status, body = _get(base + f"/provenance/documents_of_fond.json?fond={fond}&_shape=array")
    assert {r["document"] for r in json.loads(body)} == {u["document"] for u in units if u["fond"] == fond}
    # the full-text search of the documents table
    status, body = _get(base + "/provenance/documents.json?_search=Xinjiang&_shape=array")
    assert {r["id"][:3] for r in json.loads(body)} >= {"002", "004"}


@pytest.mark.browser
def test_a_documents_page_in_the_browser(server, browser):
    base, db = server
    import sqlite3

    con = sqlite3.connect(db)
    n, doc_id, facts = con.execute("SELECT d.n, d.id, (SELECT COUNT(*) FROM facts f WHERE f.doc = d.n) "
                                   "FROM documents d WHERE d.id LIKE '000%'").fetchone()
    con.close()
    page = browser.new_page()
    try:
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{base}/provenance/documents/{n}")
        if os.environ.get("PROVENANCE_SCREENSHOTS"):
            page.screenshot(path=os.environ["PROVENANCE_SCREENSHOTS"] + "/datasette-document.png", full_page=True)
        body = page.inner_text("body")
        assert doc_id in body and "Copy N° 4 - to Molotov" in body  # its id and its copy-chain JSON
        # the page links to the document's facts by foreign key
        item = page.locator("li", has_text="from doc in facts")
        assert item.count() == 1 and item.inner_text().startswith(f"{facts:,} rows")
        item.locator("a").click()
        page.wait_for_load_state()
        assert f"{facts:,} row" in page.inner_text("body")
        assert errors == []
    finally:
        page.close()
