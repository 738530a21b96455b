"""Benchmark of the HTML report: size, build time and time to interactive in Chromium.

Darwin, On the Origin of Species, chapter 1, 1859 vs 1872 (about 12,000 words each), and the
seed pair 004 -> 002. Time to interactive is measured in Debian's chromium (headless, driven by
Playwright) from navigation start to the "report-ready" mark the page's script sets once every
control works; median of several fresh page loads. Selection and filtering latencies are
measured inside the page.

Anchor, side by side: the standard library's side-by-side HTML diff (difflib.HtmlDiff, texts
wrapped at 80 columns, as one would diff two files), timed to its load event.

Usage: python bench/bench_report.py [--runs N] [--keep DIR]
Limits from the specification: Darwin report under 5 MB, interactive in under 3 s.
"""

from __future__ import annotations

import argparse
import difflib
import os
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


DARWIN = ROOT / "tests" / "data" / "darwin"
SEEDS = ROOT / "tei" / "source"
CHROMIUM = os.environ.get("PROVENANCE_CHROMIUM") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LIMIT_BYTES = 5 * 1024 * 1024
LIMIT_TTI_MS = 3000


def build_darwin(out: Path) -> dict:
    from provenance.report import audit_paths

    paths = [DARWIN / "darwin1859.txt", DARWIN / "darwin1872.txt"]
    t0 = time.perf_counter()
    summary = audit_paths(paths, output=out, plain=True)
    t1 = time.perf_counter()
    return {"audit_s": t1 - t0, "bytes": out.stat().st_size, "divergences": summary["summary"]["total"],
            "words": sum(len(p.read_text(encoding="utf-8").split()) for p in paths)}


def build_seed(out: Path) -> dict:
    from provenance.report import audit_paths

    t0 = time.perf_counter()
    summary = audit_paths([SEEDS / "004_a2b5a4ae19e8ef0f.txt", SEEDS / "002_c4e584884d72af45.txt"], output=out)
    t1 = time.perf_counter()
    return {"audit_s": t1 - t0, "bytes": out.stat().st_size, "divergences": summary["summary"]["total"]}


def build_htmldiff(out: Path) -> dict:
    def lines(path):
        res = []
        for para in path.read_text(encoding="utf-8").split("\n"):
            res += textwrap.wrap(para, 80) or [""]
        return res

    t0 = time.perf_counter()
    html = difflib.HtmlDiff(wrapcolumn=80).make_file(lines(DARWIN / "darwin1859.txt"), lines(DARWIN / "darwin1872.txt"),
                                                     "darwin1859", "darwin1872")
    t1 = time.perf_counter()
    out.write_text(html, encoding="utf-8")
    return {"render_s": t1 - t0, "bytes": out.stat().st_size}


def measure_browser(browser, path: Path, runs: int, ours: bool) -> dict:
    ready, first_select, filter_ms, requests = [], [], [], []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.resolve().as_uri())
        if ours:
            page.wait_for_selector("html[data-report-ready='1']", timeout=30000)
            ready.append(page.evaluate("performance.getEntriesByName('report-ready')[0].startTime"))
            first_select.append(page.evaluate("""() => { const t = performance.now();
                document.dispatchEvent(new KeyboardEvent('keydown', {key: 'j', bubbles: true}));
                document.body.offsetHeight; return performance.now() - t; }"""))
            filter_ms.append(page.evaluate("""() => { const t = performance.now();
                document.querySelector('.filters input[name="cat"][value="lexical"]').click();
                document.body.offsetHeight; return performance.now() - t; }"""))
        else:
            page.wait_for_load_state("load")
            ready.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
        page.close()
    out = {"tti_ms": statistics.median(ready), "tti_max_ms": max(ready),
           "network": [u for u in requests if not u.startswith(("file:", "data:", "blob:"))]}
    if ours:
        out["select_ms"] = statistics.median(first_select)
        out["filter_ms"] = statistics.median(filter_ms)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", help="folder to keep the reports in")
    args = ap.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-report-"))
    folder.mkdir(parents=True, exist_ok=True)
    ours, seed, anchor = folder / "darwin1859--darwin1872.html", folder / "seed.html", folder / "htmldiff.html"
    d = build_darwin(ours)
    s = build_seed(seed)
    a = build_htmldiff(anchor)
    if not Path(CHROMIUM).exists():
        print(f"chromium not found at {CHROMIUM}: browser figures skipped", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        bd = measure_browser(browser, ours, args.runs, True)
        bs = measure_browser(browser, seed, args.runs, True)
        ba = measure_browser(browser, anchor, args.runs, False)
        browser.close()

    def ratio(x, y):
        return f"{x / y:.2f}x" if y else "-"

    print(f"Darwin chapter 1, 1859 vs 1872 ({d['words']} words, {d['divergences']} divergences); "
          f"median of {args.runs} page loads in {CHROMIUM}\n")
    print("| measure | provenance report | difflib.HtmlDiff (anchor) | ratio | limit | ok |")
    print("|---|---|---|---|---|---|")
    print(f"| file size | {d['bytes'] / 1e6:.2f} MB | {a['bytes'] / 1e6:.2f} MB | {ratio(d['bytes'], a['bytes'])} "
          f"| 5 MB | {'yes' if d['bytes'] < LIMIT_BYTES else 'NO'} |")
    print(f"| time to interactive (median) | {bd['tti_ms']:.0f} ms | {ba['tti_ms']:.0f} ms (load event) "
          f"| {ratio(bd['tti_ms'], ba['tti_ms'])} | 3000 ms | {'yes' if bd['tti_ms'] < LIMIT_TTI_MS else 'NO'} |")
    print(f"| time to interactive (worst) | {bd['tti_max_ms']:.0f} ms | {ba['tti_max_ms']:.0f} ms | "
          f"{ratio(bd['tti_max_ms'], ba['tti_max_ms'])} | 3000 ms | "
          f"{'yes' if bd['tti_max_ms'] < LIMIT_TTI_MS else 'NO'} |")
    print(f"| build (whole audit vs HtmlDiff.make_file) | {d['audit_s']:.2f} s | {a['render_s']:.2f} s "
          f"| {ratio(d['audit_s'], a['render_s'])} | - | - |")
    print(f"| select next divergence (j) | {bd['select_ms']:.1f} ms | - | - | - | - |")
    print(f"| filter out a category | {bd['filter_ms']:.1f} ms | - | - | - | - |")
    print(f"| network requests | {len(bd['network'])} | {len(ba['network'])} | - | 0 | "
          f"{'yes' if not bd['network'] else 'NO'} |")
    print()
    print(f"Seed pair 004 -> 002 ({s['divergences']} divergences): audit {s['audit_s']:.2f} s, "
          f"{s['bytes'] / 1e3:.0f} kB, interactive in {bs['tti_ms']:.0f} ms (median), "
          f"select {bs['select_ms']:.1f} ms, filter {bs['filter_ms']:.1f} ms.")
    if args.keep:
        print(f"\nReports kept in {folder}")
    ok = d["bytes"] < LIMIT_BYTES and bd["tti_max_ms"] < LIMIT_TTI_MS and not bd["network"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
