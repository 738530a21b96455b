"""The corpus index page in a real browser (Debian's chromium through Playwright): sorting."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from provenance.corpus import LocalEngine, audit_corpus, discover, index_paths

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("PROVENANCE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the browser tests must run)")
    pytest.skip(reason)


def _pairs(folder: Path) -> None:
    """Three related pairs with different similarity and different numbers of changes."""
    templates = [
        "Point {i}. The district committee shall deliver {n} tons of grain to depot {i} and report to the secretariat.",
        "Item {i}: instruct comrade Orlov to inspect {n} wagons of timber at station {i} before the spring floods.",
        "Paragraph {i}, the embassy requests {n} copies of the treaty text for delegation {i} by special courier.",
    ]
    for k, (keep, edits) in enumerate([(12, 0), (9, 2), (6, 4)]):
        base = [templates[k].format(i=i, n=i * 11 + k) for i in range(1, 13)]
        a = base[:12]
        b = list(base[:keep])
        for j in range(edits):
            b[j] = b[j].replace(f" {(j + 1) * 11 + k} ", " 7 ")
        (folder / f"p{k}a.txt").write_text(f"March {k + 1}, 1946\n\nDraft {k}\n\n" + "\n\n".join(a), encoding="utf-8")
        (folder / f"p{k}b.txt").write_text(f"April {k + 1}, 1946\n\nFinal {k}\n\n" + "\n\n".join(b), encoding="utf-8")


def test_index_sorts_by_similarity_and_by_substantive(tmp_path):
    if not Path(CHROMIUM).exists():
        _missing(f"chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    src = tmp_path / "src"
    src.mkdir()
    _pairs(src)
    db = tmp_path / "c.sqlite"
    index_paths([src], db)
    discover(db, engine=LocalEngine(1), min_similarity=0.0, min_shared=8)
    res = audit_corpus(db, tmp_path / "out", engine=LocalEngine(2), run_time="2026-01-01T00:00:00Z")
    assert len(res["pairs"]) == 3
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page()
        errors, requests = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto((tmp_path / "out" / "index.html").resolve().as_uri())

        def column(n):
            return [float(x) for x in page.eval_on_selector_all(
                f"#pairs tbody tr td:nth-child({n})", "els => els.map(e => e.getAttribute('data-value'))")]

        sims = column(5)
        assert sims == sorted(sims, reverse=True)  # as written: most similar first
        page.click("#sort-similarity")
        assert column(5) == sorted(sims)
        page.click("#sort-substantive")
        subs = column(8)
        assert subs == sorted(subs, reverse=True) and subs[0] > subs[-1]
        page.click("#sort-substantive")
        assert column(8) == sorted(subs)
        assert errors == [] and all(u.startswith("file:") for u in requests)
        # the sorting ran under a policy that admits only the page's own script and style, by hash
        for name in ("index.html", "graph.html"):
            csp = page.goto((tmp_path / "out" / name).resolve().as_uri()) and page.eval_on_selector(
                "meta[http-equiv=Content-Security-Policy]", "e => e.content")
            assert "unsafe-inline" not in csp and "'sha256-" in csp and "default-src 'none'" in csp
            # the hashed style applies: the page's heading has its own size, not the browser's 2em
            assert page.eval_on_selector("h1", "e => getComputedStyle(e).fontSize") == "24px", name
        browser.close()
