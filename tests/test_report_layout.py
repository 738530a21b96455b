"""The report's layout in a real browser (Debian's chromium through Playwright) at phone, tablet
and desktop widths: no horizontal scrolling, nothing cut or overlapping, graph labels readable,
ids broken only at their separators, the top substantive change on the first screen. A
screenshot of each width is saved to a temporary folder (its path is printed) for a person to
look at."""

from __future__ import annotations

import shutil

import lxml.html
import pytest

from conftest import SEED
from provenance.report import audit_paths
from test_browser_report import KULAKI, Page, browser  # noqa: F401  (the browser fixture)

pytestmark = pytest.mark.browser

WIDTHS = [360, 400, 420, 768, 1400]

#: Elements outside their parent's box (when the parent does not scroll), beyond the viewport,
#: or cutting their own content (overflow hidden with more inside).
OVERFLOW_JS = """() => {
  const out = [];
  const W = document.documentElement.clientWidth;
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    if (el.closest("details:not([open])")) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const p = el.parentElement, pr = p.getBoundingClientRect(), ps = getComputedStyle(p);
    const name = el.tagName + "." + (el.getAttribute("class") || "") + " " + (el.textContent || "").slice(0, 40);
    if (r.right > W + 0.5) out.push("beyond the viewport: " + name);
    else if (ps.overflowX === "visible" && ps.display !== "contents" && (r.right > pr.right + 1 || r.left < pr.left - 1))
      out.push("outside its parent: " + name);
    else if (["hidden", "clip"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      out.push("cut: " + name);
  }
  return out;
}"""

#: The rendered size of every SVG label (font size times the drawing's scale).
LABELS_JS = """() => [...document.querySelectorAll("svg text")].map(t => {
  const svg = t.ownerSVGElement, vb = svg.viewBox && svg.viewBox.baseVal, r = svg.getBoundingClientRect();
  const scale = vb && vb.width && r.width ? r.width / vb.width : 1;
  return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale, r.width > 0];
})"""

#: For every id on the page, the characters after which its text wraps to a new line.
WRAPS_JS = """() => {
  const out = [];
  for (const el of document.querySelectorAll(".wid, code.stem, code.path")) {
    const text = el.textContent, node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let prevTop = null, prevChar = null, t;
    while ((t = node.nextNode())) {
      for (let i = 0; i < t.data.length; i++) {
        const range = document.createRange(); range.setStart(t, i); range.setEnd(t, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (prevTop !== null && rect.top > prevTop + 2) out.push([text, prevChar]);
        prevTop = rect.top; prevChar = t.data[i];
      }
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("layout") / f"{SEED['004'].stem}--{SEED['002'].stem}.html"
    audit_paths([SEED["004"], SEED["002"]], output=out)
    return out


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nreport screenshots: {folder}")
    return folder


@pytest.mark.parametrize("width", WIDTHS)
def test_layout_at_each_width(browser, report, shots, width):  # noqa: F811
    p = Page(browser, report, width=width, height=900)
    try:
        pg = p.page
        pg.wait_for_timeout(200)
        pg.screenshot(path=str(shots / f"report-{width}.png"), full_page=True)
        assert (shots / f"report-{width}.png").stat().st_size > 10_000
        assert pg.evaluate("document.scrollingElement.scrollWidth <= innerWidth"), \
            pg.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
        assert pg.evaluate(OVERFLOW_JS) == []
        labels = [x for x in pg.evaluate(LABELS_JS) if x[2]]
        assert labels and all(size >= 11 for _t, size, _v in labels), [x for x in labels if x[1] < 11]
        assert [w for w in pg.evaluate(WRAPS_JS) if w[1] not in "_-./"] == []
        assert p.errors == []
    finally:
        p.close()


def test_the_top_substantive_change_is_on_the_first_screen(browser, report):  # noqa: F811
    p = Page(browser, report, width=1400, height=900)
    try:
        pg = p.page
        item = pg.locator("#matters .tc", has_text=KULAKI[0])
        assert item.count() == 1 and KULAKI[1] in item.inner_text()
        box = item.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 900, box
        assert "entity" in item.inner_text()  # its flags and reason come with it
        # the first thing on the page: the witnesses' titles and dates
        head = pg.locator("h1").inner_text()
        assert "Report from L. Beria and A. Vyshinsky" in head and "April 29, 1945" in head
        # the link goes to the divergence in the synoptic view
        item.locator("a.tc-go").click()
        assert pg.locator("#dtab tr.sel").get_attribute("data-d") == item.get_attribute("data-d")
        assert "rich peasants" in " ".join(pg.locator("#synoptic .sel").all_inner_texts())
        assert pg.evaluate("""() => { const s = document.querySelector('#synoptic .sel'), pane = document.getElementById('synoptic');
            const a = s.getBoundingClientRect(), b = pane.getBoundingClientRect(); return a.top >= b.top && a.bottom <= b.bottom; }""")
    finally:
        p.close()


def test_the_synoptic_view_opens_at_the_first_substantive_change(browser, report):  # noqa: F811
    p = Page(browser, report, width=1400, height=900)
    try:
        shown = p.page.evaluate("""() => { const pane = document.getElementById('synoptic');
            const id = pane.dataset.first; const el = pane.querySelector('[data-d~="' + id + '"]');
            const a = el.getBoundingClientRect(), b = pane.getBoundingClientRect();
            return [document.querySelector('#dtab tr[data-d="' + id + '"]').dataset.cat, a.top >= b.top && a.bottom <= b.bottom]; }""")
        assert shown == ["substantive", True]
    finally:
        p.close()


def test_differing_characters_are_marked_inside_substitutions(report):
    tree = lxml.html.fromstring(report.read_text(encoding="utf-8"))
    rows = [tr for tr in tree.xpath('//table[@id="dtab"]//tr[@data-kind="substitution"]')
            if "Tarbaghatai" in tr.text_content() and "Tarbaghatay" in tr.text_content()]
    assert rows
    marks = [m.text_content() for m in rows[0].xpath(".//mark")]
    assert marks == ["i", "y"]
    syn = [m.text_content() for m in tree.xpath('//div[@id="synoptic"]//mark')]
    assert "i" in syn and "y" in syn
    # the table opens most severe first
    sev = [float(x) for x in tree.xpath('//table[@id="dtab"]/tbody/tr/@data-sev')]
    assert sev == sorted(sev, reverse=True)
    top = tree.xpath('//section[@id="matters"]//li[@class="tc"]')
    assert 1 <= len(top) <= 10


def test_the_provenance_panel_links_the_witnesses_and_lists_each_copy_once(report):
    tree = lxml.html.fromstring(report.read_text(encoding="utf-8"))
    prov = tree.get_element_by_id("provenance")
    links = prov.xpath('.//svg[@class="lgraph"]')
    assert links and "draft \u2192 adopted (1945-04-29 \u2192 1945-06-22)" in links[0].text_content()
    labels = [" ".join(t.text_content().split()) for t in prov.xpath('.//svg[@class="pgraph"]//text[@class="pn-t"]')]
    labels = [lbl.split(";")[0] for lbl in labels]
    copies = [lbl for lbl in labels if "copy" in lbl.lower() or "copies" in lbl.lower()]
    assert len(copies) == len(set(copies))
    assert any(lbl.startswith("copies 1-2 \u2192 Stalin") for lbl in copies)
    assert not [lbl for lbl in copies if lbl.startswith(("One copy", "one copy"))]
    assert any("copy 3 \u2192 NKVD Secretariat (this exemplar)" in lbl for lbl in copies)
    assert "this exemplar is copy 3" in prov.text_content()


def test_corpus_pages_show_titles_and_draw_what_their_legend_promises(browser, tmp_path, shots):  # noqa: F811
    from provenance.corpus import audit_corpus, index_paths
    from provenance.corpus.engine import LocalEngine

    src = tmp_path / "src"
    src.mkdir()
    for p in SEED.values():
        shutil.copyfile(p, src / p.name)
    db = tmp_path / "c.sqlite"
    index_paths([src], db, engine=LocalEngine(1))
    audit_corpus(db, tmp_path / "out", engine=LocalEngine(1))
    index = lxml.html.fromstring((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    assert "Report from L. Beria and A. Vyshinsky to Cde. I.V. Stalin" in index.text_content()
    graph_html = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    graph = lxml.html.fromstring(graph_html)
    legend = graph.xpath('//p[@class="legend"]')[0].text_content()
    drawn = {e.get("class").split()[1] for e in graph.xpath("//line")}
    if "copy chain" in legend:
        assert drawn - {"derivation", "related"}
    if "derivation" in legend:
        assert "derivation" in drawn
    assert "Excerpt" in graph.text_content() or "Exceprt on Xinjiang" in graph.text_content()
    for name in ("index", "graph"):
        for width in (360, 1400):
            ctx = browser.new_context(viewport={"width": width, "height": 900})
            pg = ctx.new_page()
            pg.goto((tmp_path / "out" / f"{name}.html").as_uri())
            pg.screenshot(path=str(shots / f"corpus-{name}-{width}.png"), full_page=True)
            assert pg.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
            labels = [x for x in pg.evaluate(LABELS_JS) if x[2]]
            assert all(size >= 11 for _t, size, _v in labels), labels
            ctx.close()
