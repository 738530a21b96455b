"""The apparatus of `provenance align --format tei` validates against tei_all; six Darwin editions in one run."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from conftest import DARWIN, SEED, TOKENS, apparatus_text, apparatus_tokens, run_cli
from provenance import TEI_NS
from provenance.align import align_paths
from provenance.align.apparatus import to_tei

pytestmark = pytest.mark.slow
NS = {"t": TEI_NS}
EDITIONS = sorted(DARWIN.glob("darwin*.txt"))


@pytest.fixture(scope="module")
def tei_all(tei_all_rng):
    return tei_all_rng


@pytest.fixture(scope="module")
def darwin():
    return align_paths(EDITIONS, plain=True)


def test_six_darwin_editions_collate_and_validate(darwin, tei_all):
    assert len(darwin["witnesses"]) == 6
    ids = [w["id"] for w in darwin["witnesses"]]
    assert ids[0] == "darwin1859"
    root = etree.fromstring(to_tei(darwin))
    assert tei_all.validate(root), tei_all.error_log.last_error
    wits = root.findall(".//t:listWit/t:witness", NS)
    assert [w.get("n") for w in wits] == ids
    apps = root.findall(".//t:app", NS)
    assert len(apps) > 100
    assert {a.get("type") for a in apps} <= {"substantive", "lexical", "orthographic", "accidental", "editorial"}
    # omissions are empty readings
    assert any(r.text is None for r in root.findall(".//t:rdg", NS))
    # every edition reads back from the apparatus, token for token, and word for word: no words
    # run together, no space added (spacing before punctuation is shared with the base edition)
    for w in darwin["witnesses"]:
        assert apparatus_tokens(root, w["id"]) == TOKENS.findall(w["text"]), w["id"]
        assert words(apparatus_text(root, w["id"])) == words(w["text"]), w["id"]


def words(text: str) -> list[str]:
    return re.sub(r"\s+([,.;:!?])", r"\1", text).split()


def test_darwin_rows_and_readings(darwin):
    ids = [w["id"] for w in darwin["witnesses"]]
    # each divergence has a reading for every edition
    assert all(set(d["readings"]) == set(ids) for d in darwin["divergences"]
               if d["kind"] != "transposition" and d.get("layer") != "inner")
    cats = {d["category"] for d in darwin["divergences"]}
    assert {"substantive", "accidental"} <= cats
    assert len(darwin["alignment"]) >= 43


def test_darwin_pair_has_no_block_level_rewrite(darwin_pair):
    assert [EDITIONS[0].stem, EDITIONS[-1].stem] == ["darwin1859", "darwin1872"]
    r = darwin_pair
    a = r["witnesses"][0]["id"]
    longest = max(len(d["readings"][a]["text"]) for d in r["divergences"])
    assert longest < 3000          # no "delete all, insert all"
    assert r["summary"]["matched"]["darwin1872"] > 0.8 * r["summary"]["tokens"]["darwin1859"]


def test_seed_apparatus_validates(tei_all, tmp_path):
    out = tmp_path / "app.xml"
    res = run_cli("align", SEED["004"], SEED["002"], "--format", "tei", "-o", out)
    assert res.returncode == 1, res.stderr
    root = etree.parse(str(out)).getroot()
    assert tei_all.validate(root), tei_all.error_log.last_error
    apps = root.findall(".//t:app", NS)
    assert {"editorial", "substantive", "lexical", "orthographic", "accidental"} <= {a.get("type") for a in apps}
    assert any(a.get("subtype") == "transposition" for a in apps)
    kulaki = [a for a in apps if "kulaki" in (a.findtext("t:lem", namespaces=NS) or "")]
    assert len(kulaki) == 1 and kulaki[0].get("type") == "substantive"


def test_the_apparatus_is_valid_against_the_project_schema_and_rules(tmp_path):
    out = tmp_path / "apparatus.xml"
    r = run_cli("align", SEED["004"], SEED["002"], "--format", "tei", "-o", out)
    assert r.returncode == 1, r.stderr  # the witnesses diverge
    r = run_cli("validate", out, "--strict")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().endswith("1 file checked: 1 valid, 0 invalid; 0 errors, 0 warnings")


def test_text_reads_an_apparatus_as_its_base_witness(tmp_path):
    out = tmp_path / "apparatus.xml"
    run_cli("align", "--plain", DARWIN / "darwin1859.txt", DARWIN / "darwin1872.txt", "--format", "tei", "-o", out)
    r = run_cli("text", out)
    assert r.returncode == 0, r.stderr
    base = (DARWIN / "darwin1859.txt").read_text(encoding="utf-8")
    assert words(r.stdout) == words(base)
