"""The HTML report in a real browser: Debian's chromium driven by Playwright, from file://.

Chromium is never downloaded: the tests use /usr/bin/chromium (installed by .ci/run). Without it
they are skipped locally, and fail when CI is set.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import SEED
from provenance.report import audit_paths

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("PROVENANCE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
DRAFT, ADOPTED = SEED["004"], SEED["002"]
HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</textarea>']
KULAKI = ("landowners and rich peasants [kulaki]", "Chinese landowners and merchants")
LOCAL = ("file:", "data:", "blob:")


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        _missing(f"chromium not found at {CHROMIUM}; install Debian's chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


class Page:
    """A page with every console message, page error, request and dialog recorded."""

    def __init__(self, browser, path: Path, width=1400, height=900):
        self.context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
        self.page = self.context.new_page()
        self.console, self.errors, self.requests, self.dialogs = [], [], [], []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("html[data-report-ready='1']", timeout=10000)

    def _dialog(self, d):
        self.dialogs.append(d.message)
        d.dismiss()

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser") / f"{DRAFT.stem}--{ADOPTED.stem}.html"
    audit_paths([DRAFT, ADOPTED], output=out, run_time="2024-05-01T10:00:00Z")
    return out


@pytest.fixture
def page(browser, seed_report):
    p = Page(browser, seed_report)
    yield p
    p.close()


def visible_rows(pg):
    return pg.eval_on_selector_all("#dtab tbody tr", "rs => rs.filter(r => !r.hidden).map(r => ({"
                                   "d: r.dataset.d, cat: r.dataset.cat, kind: r.dataset.kind, text: r.textContent}))")


def test_opens_from_file_with_no_errors_and_no_network(page):
    pg = page.page
    pg.wait_for_timeout(300)
    assert pg.url.startswith("file://")
    assert page.errors == []
    assert [m for m in page.console if m[0] in ("error", "warning")] == []
    assert page.requests and all(u.startswith(LOCAL) for u in page.requests), page.requests
    assert pg.locator("#dtab tbody tr").count() > 10
    assert pg.locator("#synoptic .cell").count() > 10


def test_filter_substantive_keeps_only_substantive_rows_with_the_kulaki_change(page):
    pg = page.page
    total = pg.locator("#dtab tbody tr").count()
    for cat in ("lexical", "orthographic", "accidental", "editorial"):
        pg.uncheck(f'.filters input[name="cat"][value="{cat}"]')
    rows = visible_rows(pg)
    assert rows and len(rows) < total
    assert {r["cat"] for r in rows} == {"substantive"}
    assert pg.locator("#shown").inner_text() == str(len(rows))
    kulaki = [r for r in rows if "kulaki" in r["text"] and "merchants" in r["text"]]
    assert len(kulaki) == 1, [r["text"][:80] for r in rows]
    # the summary boxes filter the same way
    pg.click("#f-reset")
    assert len(visible_rows(pg)) == total
    pg.click('.catbox[data-only-cat="substantive"]')
    assert [r["d"] for r in visible_rows(pg)] == [r["d"] for r in rows]


def test_clicking_a_row_highlights_the_reading_in_both_columns(page):
    pg = page.page
    pg.fill("#f-q", "kulaki")
    rows = visible_rows(pg)
    target = next(r for r in rows if "merchants" in r["text"])
    pg.click(f'#dtab tr[data-d="{target["d"]}"]')
    sel = pg.eval_on_selector_all(
        "#synoptic .sel", "els => els.map(e => ({w: e.closest('.cell').dataset.w, t: e.textContent}))")
    columns = {s["w"] for s in sel}
    assert columns == {DRAFT.stem, ADOPTED.stem}
    draft_text = " ".join("".join(s["t"] for s in sel if s["w"] == DRAFT.stem).split())
    adopted_text = " ".join("".join(s["t"] for s in sel if s["w"] == ADOPTED.stem).split())
    assert "rich peasants" in draft_text and "merchants" in adopted_text
    assert "merchants" not in draft_text and "rich peasants" not in adopted_text
    assert pg.locator(f'#dtab tr[data-d="{target["d"]}"]').get_attribute("class") == "sel"
    # the highlighted reading was scrolled into the synoptic pane's view
    inside = pg.evaluate("""() => {
        const pane = document.getElementById('synoptic').getBoundingClientRect();
        const r = document.querySelector('#synoptic .sel').getBoundingClientRect();
        return r.top >= pane.top && r.bottom <= pane.bottom; }""")
    assert inside
    assert "substantive" in pg.locator("#cur").inner_text()


def test_keyboard_moves_between_divergences(page):
    pg = page.page
    order = [r["d"] for r in visible_rows(pg)]
    pg.locator("body").press("j")
    assert pg.locator("#dtab tr.sel").get_attribute("data-d") == order[0]
    pg.keyboard.press("j")
    pg.keyboard.press("n")
    assert pg.locator("#dtab tr.sel").get_attribute("data-d") == order[2]
    pg.keyboard.press("k")
    assert pg.locator("#dtab tr.sel").get_attribute("data-d") == order[1]
    pg.keyboard.press("p")
    assert pg.locator("#dtab tr.sel").get_attribute("data-d") == order[0]
    assert pg.locator("#synoptic .sel").count() >= 1
    # "/" goes to the search box; letters typed there do not move the selection
    pg.keyboard.press("/")
    pg.keyboard.type("jjj")
    assert pg.input_value("#f-q") == "jjj"
    assert pg.locator("#dtab tr.sel").get_attribute("data-d") == order[0]
    pg.keyboard.press("Escape")
    pg.keyboard.press("Escape")
    assert pg.locator("#dtab tr.sel").count() == 0


def test_sorting_search_flags_and_severity(page):
    pg = page.page
    # the table opens most severe first; a click on the severity header turns it around
    sev = [float(x) for x in pg.eval_on_selector_all("#dtab tbody tr", "rs => rs.map(r => r.dataset.sev)")]
    assert sev == sorted(sev, reverse=True) and sev[0] > sev[-1]
    pg.click('#dtab th[data-sort="sev"]')
    sev = [float(x) for x in pg.eval_on_selector_all("#dtab tbody tr", "rs => rs.map(r => r.dataset.sev)")]
    assert sev == sorted(sev)
    pg.click('#dtab th[data-sort="n"]')
    n = [int(x) for x in pg.eval_on_selector_all("#dtab tbody tr", "rs => rs.map(r => r.dataset.n)")]
    assert n == sorted(n)
    pg.fill("#f-q", "Tarbaghatay")
    rows = visible_rows(pg)
    assert rows and all("tarbaghatay" in r["text"].lower() for r in rows)
    pg.fill("#f-q", "")
    pg.eval_on_selector("#f-sev", "e => { e.value = '0.5'; e.dispatchEvent(new Event('input', {bubbles: true})); }")
    sevs = [float(x) for x in pg.eval_on_selector_all(
        "#dtab tbody tr", "rs => rs.filter(r => !r.hidden).map(r => r.dataset.sev)")]
    assert all(s >= 0.5 for s in sevs)
    flags = pg.eval_on_selector_all("#f-flag option", "os => os.map(o => o.value)")
    if "entity" in flags:
        pg.select_option("#f-flag", "entity")
        assert all("entity" in pg.get_attribute(f'#dtab tr[data-d="{r["d"]}"]', "data-flags").split()
                   for r in visible_rows(pg))
    # filtered-out divergences fade in the synoptic view and the overview strip
    assert pg.locator("#synoptic .r.off").count() > 0
    assert pg.locator("#overview .hm.off").count() > 0


def test_overview_marks_are_clickable(page):
    pg = page.page
    did = pg.evaluate("""() => [...document.querySelectorAll('#overview .hm.c-substantive')].map(m => m.dataset.d)
                         .find(d => document.querySelector('#synoptic [data-d~="' + d + '"]'))""")
    pg.locator(f'#overview .hm[data-d="{did}"]').first.click(force=True)
    assert pg.locator("#dtab tr.sel").get_attribute("data-d") == did
    assert pg.locator(f'#synoptic .sel[data-d~="{did}"]').count() >= 1


def test_downloads_give_the_json_result_and_the_tei_apparatus(page, tmp_path):
    from lxml import etree

    from provenance.fileio import safe_parser

    pg = page.page
    with pg.expect_download() as dl:
        pg.click('button[data-download="json"]')
    path = tmp_path / "r.json"
    dl.value.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [w["id"] for w in data["witnesses"]] == [DRAFT.stem, ADOPTED.stem]
    assert len(data["divergences"]) == pg.locator("#dtab tbody tr").count()
    if pg.locator('button[data-download="tei"]').is_enabled():
        with pg.expect_download() as dl:
            pg.click('button[data-download="tei"]')
        tei = tmp_path / "a.xml"
        dl.value.save_as(tei)
        root = etree.fromstring(tei.read_bytes(), safe_parser())
        assert root.tag.endswith("TEI")
        assert root.findall(".//{http://www.tei-c.org/ns/1.0}app")
    assert all(u.startswith(LOCAL) for u in page.requests)
    assert page.errors == []


def test_print_layout_and_pdf(page):
    pg = page.page
    pg.emulate_media(media="print")
    assert pg.locator(".actions").is_hidden() and pg.locator(".filters").is_hidden()
    overflow = pg.eval_on_selector("#synoptic", "e => getComputedStyle(e).overflowY")
    assert overflow == "visible"
    pdf = pg.pdf(format="A4", landscape=True)
    assert pdf[:5] == b"%PDF-" and len(pdf) > 10_000


def test_text_contrast_is_readable(page):
    """WCAG AA (4.5:1) for the coloured labels, highlighted readings and editorial marks."""
    pg = page.page
    ratios = pg.evaluate("""() => {
      const rgb = s => (s.match(/[\\d.]+/g) || []).slice(0, 4).map(Number);
      const lum = c => { const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                         return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
      const bg = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
                           if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c; } return [255, 255, 255]; };
      const out = [];
      for (const sel of ['.badge', '#synoptic .r', '#synoptic .ed', '.catbox .lab', '.catbox .num', '.why', '.where',
                         '.kind', 'td.n', '.rdg .nothing', '.absent-note', '.status', '.chk']) {
        const el = document.querySelector(sel); if (!el) continue;
        const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
        out.push([sel, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]);
      }
      return out; }""")
    assert len(ratios) >= 8
    low = [(s, round(r, 2)) for s, r in ratios if r < 4.5]
    assert low == []


def test_hostile_text_shows_as_text_and_fires_no_dialog(browser, tmp_path):
    src = ADOPTED.read_text(encoding="utf-8")
    bad = src.replace("Concerning Xinjiang", "Concerning Xinjiang " + HOSTILE[0], 1)
    bad = bad.replace("armed forces of the insurgents", f"armed forces {HOSTILE[1]} of the [{HOSTILE[1]}] insurgents", 1)
    bad = bad.replace("Genera-Major Cde. Yegnarov", f"Genera-Major {HOSTILE[2]} Cde. Yegnarov {HOSTILE[0]}", 1)
    bad = bad.replace("Exceprt on Xinjiang", "Exceprt " + HOSTILE[2] + HOSTILE[0], 1)
    a, b = tmp_path / "clean.txt", tmp_path / "hostile.txt"
    a.write_text(src, encoding="utf-8")
    b.write_text(bad, encoding="utf-8")
    out = tmp_path / "hostile.html"
    audit_paths([a, b], output=out, run_time="2024-05-01T10:00:00Z", ids=["clean", HOSTILE[1]])
    p = Page(browser, out)
    try:
        pg = p.page
        # select every divergence in turn, download the data: nothing may run
        n = pg.locator("#dtab tbody tr").count()
        for _ in range(n):
            pg.keyboard.press("j")
        with pg.expect_download():
            pg.click('button[data-download="json"]')
        pg.wait_for_timeout(300)
        assert p.dialogs == []
        assert p.errors == []
        text = pg.inner_text("body")
        for h in HOSTILE:
            assert h in text
        assert pg.locator("img").count() == 0 and pg.locator("textarea").count() == 0
        assert pg.locator("script").count() == 2
        assert pg.evaluate("window.__x === undefined")
        assert all(u.startswith(LOCAL) for u in p.requests)
    finally:
        p.close()


def test_darwin_report_opens_and_navigates(browser, tmp_path):
    """The Darwin 1859 vs 1872 report (the size and speed figures are in bench/bench_report.py)."""
    from conftest import DARWIN

    out = tmp_path / "darwin.html"
    summary = audit_paths([DARWIN / "darwin1859.txt", DARWIN / "darwin1872.txt"], output=out, plain=True)
    assert out.stat().st_size < 5 * 1024 * 1024
    p = Page(browser, out)
    try:
        pg = p.page
        assert pg.locator("#dtab tbody tr").count() == summary["summary"]["total"]
        for _ in range(5):
            pg.keyboard.press("n")
        fifth = pg.eval_on_selector_all("#dtab tbody tr", "rs => rs[4].dataset.d")
        assert pg.locator("#dtab tr.sel").get_attribute("data-d") == fifth
        assert pg.locator("#synoptic .sel").count() >= 1
        assert p.errors == [] and [m for m in p.console if m[0] == "error"] == []
        assert all(u.startswith(LOCAL) for u in p.requests)
    finally:
        p.close()


def test_transposed_passages_are_linked(page):
    pg = page.page
    moved = pg.eval_on_selector_all('#dtab tr[data-kind="transposition"]',
                                    "rs => rs.map(r => ({d: r.dataset.d, rel: r.dataset.rel || ''}))")
    assert moved, "the seed pair has a reordered clause in point 1"
    linked = next((m for m in moved if m["rel"]), None)
    assert linked is not None
    pg.click(f'#dtab tr[data-d="{linked["d"]}"]')
    cols = pg.eval_on_selector_all("#synoptic .sel", "els => [...new Set(els.map(e => e.closest('.cell').dataset.w))]")
    assert sorted(cols) == sorted([DRAFT.stem, ADOPTED.stem])
    for rid in linked["rel"].split():
        assert pg.locator(f'#synoptic .relsel[data-d~="{rid}"]').count() >= 1
    # the link in the table row jumps to the linked divergence
    first = linked["rel"].split()[0]
    pg.click(f'#dtab tr[data-d="{linked["d"]}"] a[data-go="{first}"]')
    assert pg.locator("#dtab tr.sel").get_attribute("data-d") == first
