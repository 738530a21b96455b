"""provenance align on a draft and its adopted excerpt that the aligner was not tuned on."""

from __future__ import annotations

import pytest

from conftest import ROOT
from provenance.align import align_paths

UNSEEN = ROOT / "tests" / "data" / "unseen"
DRAFT, ADOPTED = "201_draft_web", "202_adopted_web"


@pytest.fixture(scope="module")
def result():
    return align_paths([UNSEEN / f"{DRAFT}.txt", UNSEEN / f"{ADOPTED}.txt"])


def readings(d):
    return d["readings"][DRAFT]["text"], d["readings"][ADOPTED]["text"]


def where(d):
    return d["readings"][DRAFT]["segment"], d["readings"][ADOPTED]["segment"]


def test_a_point_inserted_before_the_last_is_an_addition_and_the_last_point_is_still_compared(result):
    # the adopted decision (item 112 of the minutes) inserts point 6 (Zverev): the draft's point 6 is its point 7
    added = [d for d in result["divergences"] if d["kind"] == "addition" and "(Cde. Zverev)" in readings(d)[1]]
    assert len(added) == 1 and "section" in added[0]["flags"] and where(added[0])[1] == "112.6"
    assert not any(d["kind"] == "omission" and "Report on the execution" in readings(d)[0]
                   for d in result["divergences"])
    pairs = {readings(d): (d["category"], where(d)) for d in result["divergences"]}
    assert pairs[("execution", "fulfilment")] == ("lexical", ("6", "112.7"))
    assert pairs[("resolution", "decision")] == ("lexical", ("6", "112.7"))


def test_changed_figures_are_substantive_and_variants_are_not(result):
    by_text = {readings(d): d for d in result["divergences"]}
    assert by_text[("800", "600")]["category"] == "substantive" and "numeric" in by_text[("800", "600")]["flags"]
    assert by_text[("Khorgos-Kulja", "Khorgos-Ghulja [Yining]")]["category"] == "orthographic"
    for draft, adopted in (("fabrics", "cloth"), ("send", "ship"), ("allot", "assign")):
        assert by_text[(draft, adopted)]["category"] == "lexical", (draft, adopted)
    # the dropped coordination with Ignarov is a change of people
    ign = [d for d in result["divergences"] if "Ignarov" in readings(d)[0]]
    assert ign and all(d["category"] == "substantive" and "entity" in d["flags"] for d in ign)


def test_opening_lines_of_two_documents_do_not_outrank_changes_of_the_text(result):
    # "Copy No. 1" of the draft against "No. P51/112" of the minutes: registration, not content
    reg = [d for d in result["divergences"] if readings(d) == ("1", "P51/112")]
    assert len(reg) == 1 and reg[0]["severity"] <= 0.6 and "opening lines" in reg[0]["reason"]
    top = sorted(result["divergences"], key=lambda d: -d["severity"])[:3]
    assert reg[0] not in top and all(where(d)[0] not in ("p1", "p2", "p3") for d in top)


def test_a_changed_closing_date_is_not_taken_for_the_opening_lines(tmp_path):
    src = (UNSEEN / "204_report_web.txt").read_text(encoding="utf-8")
    assert src.count("7.IV.56") == 1
    (tmp_path / "a.txt").write_text(src, encoding="utf-8")
    (tmp_path / "b.txt").write_text(src.replace("7.IV.56", "7.IV.57"), encoding="utf-8")
    res = align_paths([tmp_path / "a.txt", tmp_path / "b.txt"])
    [d] = res["divergences"]
    assert (d["readings"]["a"]["text"], d["readings"]["b"]["text"]) == ("56", "57")
    assert d["category"] == "substantive" and "opening lines" not in d["reason"] and d["severity"] > 0.6
