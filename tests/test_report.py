"""The HTML divergence report, read as HTML: content, escaping, determinism, the audit command.

The browser side (filtering, selection, keyboard, no network, no dialog) is in test_browser_report.py.
"""

from __future__ import annotations

import json
import re
import shutil

import lxml.html
import pytest

from conftest import ROOT, SEED, run_cli
from provenance import __version__
from provenance.fileio import sha256_file
from provenance.report import audit_paths, embed_json, render_report
from provenance.report.audit import default_report_path
from provenance.resources import json_errors

DRAFT, ADOPTED = SEED["004"], SEED["002"]
DEMO = ROOT / "reports" / f"{DRAFT.stem}--{ADOPTED.stem}.html"
HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</textarea>']
RUN_TIME = "2024-05-01T10:00:00Z"


def hostile_pair(folder):
    """A real transcription (seed 002) and a copy with hostile text in its body, brackets and title."""
    src = ADOPTED.read_text(encoding="utf-8")
    bad = src.replace("Concerning Xinjiang", "Concerning Xinjiang " + HOSTILE[0], 1)
    bad = bad.replace("armed forces of the insurgents",
                      f"armed forces {HOSTILE[1]} of the [{HOSTILE[1]}] insurgents", 1)
    bad = bad.replace("Genera-Major Cde. Yegnarov", f"Genera-Major {HOSTILE[2]} Cde. Yegnarov {HOSTILE[0]}", 1)
    bad = bad.replace("Exceprt on Xinjiang", "Exceprt " + HOSTILE[2] + HOSTILE[0], 1)
    for h in HOSTILE:
        assert h in bad
    a = folder / "clean.txt"
    b = folder / "hostile.txt"
    a.write_text(src, encoding="utf-8")
    b.write_text(bad, encoding="utf-8")
    return a, b


def cls(name: str) -> str:
    """XPath test for an element carrying the class ``name``."""
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def embedded(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="report-data"[^>]*>(.*?)</script>', html, re.S)
    assert m, "no embedded data"
    return json.loads(m.group(1)), m.group(1)


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    from provenance.align import align_paths

    out = tmp_path_factory.mktemp("audit") / "seed.html"
    summary = audit_paths([DRAFT, ADOPTED], output=out, run_time=RUN_TIME)
    result = align_paths([str(DRAFT), str(ADOPTED)])
    html = out.read_text(encoding="utf-8")
    return {"summary": summary, "result": result, "html": html, "tree": lxml.html.fromstring(html), "path": out}


def test_demo_report_is_regenerated_and_deterministic(tmp_path, monkeypatch):
    """reports/ holds the seed pair's report as the README's first command writes it (relative
    paths, from the project folder): no run time and no absolute path in it, so regenerating it
    leaves it byte for byte as committed; a run time appears only when asked for."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    rel = [str(p.relative_to(ROOT)) for p in (DRAFT, ADOPTED)]
    first = audit_paths(rel, fail_on="substantive")  # as the command line runs it
    assert first["report"] == str(DEMO.relative_to(ROOT)) and DEMO.is_file()
    assert json_errors(first, "audit.schema.json") == []
    assert first["run_time"] is None
    one = DEMO.read_text(encoding="utf-8")
    assert str(ROOT) not in one and "run-time" not in one
    again = tmp_path / "again.html"
    audit_paths([DRAFT, ADOPTED], output=again)  # absolute paths: only the file names are shown
    absolute = again.read_text(encoding="utf-8")
    assert str(ROOT) not in absolute
    paths = [c.text_content() for c in lxml.html.fromstring(absolute).xpath('//code[@class="path"]')]
    assert paths == [DRAFT.name, ADOPTED.name]
    stamped = audit_paths(rel, output=tmp_path / "stamped.html", run_time="1999-12-31T23:59:59Z")
    two = (tmp_path / "stamped.html").read_text(encoding="utf-8")
    assert stamped["run_time"] == "1999-12-31T23:59:59Z" and "1999-12-31T23:59:59Z" in two and one != two
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684799")
    fixed = audit_paths(rel, output=tmp_path / "fixed.html")
    assert fixed["run_time"] == "1999-12-31T23:59:59Z"
    assert (tmp_path / "fixed.html").read_bytes() == (tmp_path / "stamped.html").read_bytes()
    assert DEMO.stat().st_size < 1_000_000


def test_head_shows_witnesses_hashes_tool_and_run_time(seed_run):
    tree = seed_run["tree"]
    meta = tree.get_element_by_id("witnesses").text_content()
    for w, src in zip(seed_run["result"]["witnesses"], (DRAFT, ADOPTED)):
        assert w["id"] in meta
        assert sha256_file(src) in meta
    # titles, dates and citations come from the transcriptions themselves
    assert "Report from L. Beria and A. Vyshinsky to Cde. I.V. Stalin" in meta
    assert "1945-04-29" in meta and "1945-06-22" in meta
    assert "GARF, Fond R-9401ss, Opis' 2, Delo 95, ll. 334-338" in meta
    assert "RGASPI F. 17, Op. 162, D. 37, ll. 145-155" in meta
    assert "Top Secret" in meta
    assert f"provenance {__version__}" in tree.get_element_by_id("top").text_content()
    assert RUN_TIME in tree.get_element_by_id("run-time").text_content()
    settings = tree.get_element_by_id("settings").text_content()
    assert "base" in settings and DRAFT.stem in settings
    csp = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert csp and "default-src 'none'" in csp[0] and "unsafe-inline" not in csp[0]


def test_summary_counts_match_the_result(seed_run):
    result, tree = seed_run["result"], seed_run["tree"]
    divs = result["divergences"]
    for box in tree.xpath(f'//*[{cls("catbox")}][@data-only-cat]'):
        cat = box.get("data-only-cat")
        shown = int(box.xpath(f'.//*[{cls("num")}]')[0].text_content())
        assert shown == sum(1 for d in divs if d["category"] == cat), cat
    total = tree.xpath(f'//*[{cls("catbox")}][{cls("total")}]//*[{cls("num")}]')[0].text_content()
    assert int(total) == len(divs) == seed_run["summary"]["summary"]["total"]
    by_kind = seed_run["summary"]["summary"]["by_kind"]
    for k, n in by_kind.items():
        assert n == sum(1 for d in divs if d["kind"] == k)
    # the cross table's last row holds the counts by kind
    last = [int(td.text_content()) for td in tree.xpath(f'//table[{cls("cross")}]//tr[{cls("sum")}]/td')]
    assert last[:4] == [by_kind[k] for k in ("substitution", "addition", "omission", "transposition")]


def test_every_divergence_has_a_row_a_mark_and_its_readings_in_place(seed_run):
    result, tree = seed_run["result"], seed_run["tree"]
    rows = {tr.get("data-d"): tr for tr in tree.xpath('//table[@id="dtab"]/tbody/tr')}
    assert set(rows) == {d["id"] for d in result["divergences"]}
    marks = {el.get("data-d") for el in tree.xpath('//*[@id="overview"]//*[@data-d]')}
    assert marks == set(rows)
    texts = {w["id"]: w["text"] for w in result["witnesses"]}
    aligned = {}
    for w in result["witnesses"]:
        segs = {s["n"]: s for s in w["segments"]}
        names = {row["segments"].get(w["id"]) for row in result["alignment"]}
        aligned[w["id"]] = [(segs[n]["start"], segs[n]["end"]) for n in names if n in segs]
    shown_count = 0
    for d in result["divergences"]:
        tr = rows[d["id"]]
        assert tr.get("data-cat") == d["category"] and tr.get("data-kind") == d["kind"]
        for wid, r in d["readings"].items():
            if not r["text"].strip():
                continue
            cell_spans = tree.xpath(f'//div[@id="synoptic"]//div[@data-w="{wid}"]'
                                    f'//*[contains(concat(" ", @data-d, " "), " {d["id"]} ")]')
            shown = "".join("".join(el.text_content() for el in cell_spans).split())
            # every character shown for the reading is the witness's own text at those offsets
            assert shown in "".join(texts[wid][r["start"]:r["end"]].split())
            visible = any(a < r["end"] and r["start"] < b and texts[wid][max(a, r["start"]):min(b, r["end"])].strip()
                          for a, b in aligned[wid])
            assert bool(shown) == visible, (d["id"], wid)
            shown_count += bool(shown)
    assert shown_count >= len(result["divergences"]) // 2


def test_synoptic_columns_rebuild_each_witness(seed_run):
    """Each column shows its witness's aligned segments, in order, each exactly once."""
    result, tree = seed_run["result"], seed_run["tree"]
    for w in result["witnesses"]:
        segs = {s["n"]: s for s in w["segments"]}
        order = [row["segments"].get(w["id"]) for row in result["alignment"]]
        expected = "".join("".join(w["text"][segs[n]["start"]:segs[n]["end"]].split())
                           for n in order if n is not None)
        cells = tree.xpath(f'//div[@id="synoptic"]//div[contains(@class,"cell")][@data-w="{w["id"]}"]')
        assert len(cells) == len(result["alignment"])
        shown = "".join("".join(c.text_content().split()) for c in cells if "absent" not in c.get("class"))
        assert shown == expected


def test_editorial_marks_are_set_apart_from_the_words(seed_run):
    result, tree = seed_run["result"], seed_run["tree"]
    draft = next(w for w in result["witnesses"] if w["id"] == DRAFT.stem)
    ed_text = "".join(el.text_content() for el in
                      tree.xpath(f'//div[@data-w="{DRAFT.stem}"]//span[contains(concat(" ", @class, " "), " ed ")]'))
    in_segments = 0
    for m in draft["marks"]:
        inside = any(s["start"] <= m["start"] and m["end"] <= s["end"] for s in draft["segments"])
        if inside:
            in_segments += 1
            assert draft["text"][m["start"]:m["end"]] in ed_text, m
    assert in_segments >= 5
    assert "[kulaki]" in ed_text and "[high-speed bombers]" in ed_text
    # the document's own words are never in the editorial style
    assert "landowners" not in ed_text


def test_omissions_and_additions_are_marked(seed_run):
    result, tree = seed_run["result"], seed_run["tree"]
    for d in result["divergences"]:
        for wid, r in d["readings"].items():
            if r["text"] == "":
                holes = tree.xpath(f'//div[@data-w="{wid}"]//span[contains(@class,"gap-here")]'
                                   f'[contains(concat(" ", @data-d, " "), " {d["id"]} ")]')
                rows = tree.xpath(f'//tr[@data-d="{d["id"]}"]//span[@class="nothing"]')
                assert rows, d["id"]
                if holes:
                    assert holes[0].text_content() == ""  # the mark is drawn by CSS, not text


def test_provenance_panel_has_a_clear_place_when_chains_are_absent(seed_run):
    html = render_report(seed_run["result"], None, {}, RUN_TIME)
    tree = lxml.html.fromstring(html)
    cards = tree.xpath(f'//*[@id="provenance"]//*[{cls("pcard")}]')
    assert len(cards) == len(seed_run["result"]["witnesses"])
    for c in cards:
        assert c.xpath(f'.//*[{cls("placeholder")}]')


def test_provenance_panel_draws_the_chain(seed_run):
    from provenance.chain import extract_paths

    facts = extract_paths([str(DRAFT), str(ADOPTED)])
    html = render_report(seed_run["result"], facts, {}, RUN_TIME)
    tree = lxml.html.fromstring(html)
    prov = tree.get_element_by_id("provenance")
    svgs = prov.xpath(f'.//svg[{cls("pgraph")}]')
    assert svgs
    drawn = " ".join(t.text_content() for t in prov.xpath(f'.//svg[{cls("pgraph")}]//text'))
    for doc in facts["documents"]:
        for c in doc.get("copies") or []:
            if c.get("recipient"):
                assert c["recipient"] in drawn
        for r in doc.get("roles") or []:
            if r.get("agent"):
                assert r["agent"] in drawn


def test_embedded_json_cannot_break_out_and_round_trips():
    value = {"t": "</script><script>alert(1)</script><!-- \u2028 & </SCRIPT >", "k": ["<", ">", "&"]}
    text = str(embed_json(value))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


def test_hostile_text_is_escaped_everywhere(tmp_path):
    a, b = hostile_pair(tmp_path)
    out = tmp_path / "hostile.html"
    audit_paths([a, b], output=out, run_time=RUN_TIME, ids=["clean", HOSTILE[1]])
    html = out.read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    # the only script elements are the page's own two
    scripts = tree.xpath("//script")
    assert len(scripts) == 2 and scripts[0].get("type") == "application/json"
    assert not tree.xpath("//img") and not tree.xpath("//textarea")
    assert not tree.xpath("//@onerror")
    assert "alert(1)</script>" not in html.replace("\\u003c", "")
    body_text = tree.text_content()
    for h in HOSTILE:
        assert h in body_text
    data, raw = embedded(html)
    assert "<" not in raw
    texts = [w["text"] for w in data["result"]["witnesses"]]
    assert all(h in texts[1] for h in HOSTILE)


def test_cli_audit_writes_report_and_json(tmp_path):
    out = tmp_path / "r.html"
    js = tmp_path / "s.json"
    p = run_cli("audit", DRAFT, ADOPTED, "-o", out, "--json-out", js, "--fail-on", "substantive")
    summary = json.loads(js.read_text(encoding="utf-8"))
    assert json_errors(summary, "audit.schema.json") == []
    assert summary["report"] == out.name and out.is_file()  # an absolute path is shown by its name
    assert summary["report_sha256"] == sha256_file(out)
    assert [w["sha256"] for w in summary["witnesses"]] == [sha256_file(DRAFT), sha256_file(ADOPTED)]
    substantive = summary["summary"]["by_category"]["substantive"]
    assert substantive > 0
    assert p.returncode == 1 and summary["failed"] is True and summary["failing"] == substantive
    assert f"wrote {out}" in p.stderr.splitlines() and f"wrote {js}" in p.stderr.splitlines()


def test_cli_fail_on_passes_when_the_category_is_absent(tmp_path):
    twin = tmp_path / "twin.txt"
    shutil.copy(DRAFT, twin)
    out = tmp_path / "same.html"
    p = run_cli("audit", DRAFT, twin, "-o", out, "--json", "--fail-on", "any")
    assert p.returncode == 0, p.stderr
    summary = json.loads(p.stdout)
    assert json_errors(summary, "audit.schema.json") == []
    assert summary["summary"]["total"] == 0 and summary["failed"] is False


def test_cli_default_path_and_errors(tmp_path):
    p = run_cli("audit", DRAFT, ADOPTED, cwd=tmp_path)
    assert p.returncode == 1, p.stderr  # the seed pair has substantive divergences (the default --fail-on)
    assert (tmp_path / default_report_path([DRAFT.stem, ADOPTED.stem])).is_file()

    p = run_cli("audit", DRAFT)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    p = run_cli("audit", DRAFT, ADOPTED, "--fail-on", "nonsense")
    assert p.returncode == 2 and "Traceback" not in p.stderr


def test_failed_run_leaves_the_earlier_report_intact(tmp_path):
    out = tmp_path / "keep.html"
    assert run_cli("audit", DRAFT, ADOPTED, "-o", out, "--fail-on", "none").returncode == 0
    before = out.read_bytes()
    missing = tmp_path / "nope.txt"
    p = run_cli("audit", DRAFT, missing, "-o", out)
    assert p.returncode == 3
    err = p.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Error: ") and str(missing) in err[0]
    assert out.read_bytes() == before
    assert not [q for q in tmp_path.iterdir() if q.name.endswith(".tmp")]


def test_cli_help_has_an_example():
    p = run_cli("audit", "--help")
    assert p.returncode == 0 and "Example:" in p.stdout and "--fail-on" in p.stdout


def test_three_plain_witnesses_side_by_side(tmp_path):
    """Darwin 1859, 1866, 1872: one column each, each column rebuilds its witness's paragraphs."""
    from conftest import DARWIN

    paths = [DARWIN / f"darwin{y}.txt" for y in (1859, 1866, 1872)]
    out = tmp_path / "darwin3.html"
    summary = audit_paths(paths, output=out, plain=True, run_time=RUN_TIME)
    assert json_errors(summary, "audit.schema.json") == []
    assert [w["kind"] for w in summary["witnesses"]] == ["plain"] * 3
    tree = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    assert len(tree.xpath(f'//*[{cls("colhead")}]')) == 3
    for p in paths:
        cells = tree.xpath(f'//div[@id="synoptic"]//div[{cls("cell")}][@data-w="{p.stem}"]')
        shown = "".join("".join(c.text_content().split()) for c in cells if "absent" not in c.get("class"))
        assert shown == "".join(p.read_text(encoding="utf-8").split())
    assert len(tree.xpath('//table[@id="dtab"]/tbody/tr')) == summary["summary"]["total"] > 100
    # no copy chains for printed books: the panel says so instead of staying blank
    assert len(tree.xpath(f'//*[{cls("placeholder")}]')) == 3


def test_report_embeds_the_tei_apparatus(seed_run):
    from lxml import etree

    from provenance.fileio import parse_xml_bytes

    data, _ = embedded(seed_run["html"])
    assert seed_run["summary"]["apparatus"] is True and data["tei"]
    root = parse_xml_bytes(data["tei"].encode("utf-8"), "apparatus").getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.xpath("//t:app", namespaces=ns)
    wits = {w.get("{http://www.w3.org/XML/1998/namespace}id") for w in root.xpath("//t:listWit/t:witness", namespaces=ns)}
    assert len(wits) == 2
    assert etree.QName(root).localname == "TEI"
    # the JSON result offered for download is the align result itself
    assert data["result"]["divergences"] == seed_run["result"]["divergences"]


def test_audit_of_tei_witnesses(tmp_path):
    """TEI files converted by `provenance ingest` audit like their transcriptions."""
    from provenance.ingest import ingest_paths

    ingest_paths([DRAFT, ADOPTED], tmp_path / "tei", None, None)
    tei = [tmp_path / "tei" / f"{p.stem}.xml" for p in (DRAFT, ADOPTED)]
    summary = audit_paths(tei, output=tmp_path / "tei.html", run_time=RUN_TIME)
    assert json_errors(summary, "audit.schema.json") == []
    assert [w["kind"] for w in summary["witnesses"]] == ["tei", "tei"]
    assert summary["summary"]["by_category"]["substantive"] > 0
    html = (tmp_path / "tei.html").read_text(encoding="utf-8")
    assert "Chinese landowners and merchants" in html
