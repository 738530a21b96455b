"""One directive of a decision in two constructions: an imperative verb opening the point
("Instruct the Ministry to conclude ...") and a modal of the same force ("The Ministry shall
conclude ..."). Of another force, or negated, it stays a change of meaning."""

from __future__ import annotations

import pytest

from test_judgment import compare


@pytest.mark.parametrize("a,b", [
    ("Direct the NKVD to send two officers to Ghulja.", "The NKVD is to send two officers to Ghulja."),
    ("Oblige the regional committee to recruit 1,500 workers.", "The regional committee must recruit 1,500 workers."),
    ("Instruct Cde. Petrov to report by 1 May.", "Cde. Petrov is to report by 1 May."),
    ("Instruct the Ministry (Cde. Malyutin) to conclude an agreement.", "The Ministry (Cde. Malyutin) shall conclude an agreement."),
    ("Permit the Ministry to conclude an agreement.", "The Ministry may conclude an agreement."),
    ("Forbid the Ministry to conclude an agreement.", "The Ministry shall not conclude an agreement."),
    ("Charge the NKVD with organizing the guard.", "The NKVD is to organize the guard."),
])
def test_an_imperative_and_a_modal_of_one_force_say_the_same(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert divs and all(d["category"] in ("lexical", "accidental") for d in divs), \
        [(d["category"], d["reason"]) for d in divs]
    assert any("the same directive in another construction" in d["reason"] for d in divs)


@pytest.mark.parametrize("a,b", [
    ("Instruct the Ministry to conclude an agreement.", "The Ministry shall not conclude an agreement."),
    ("Instruct the Ministry to conclude an agreement.", "The Ministry is not to conclude an agreement."),
    ("Instruct the Ministry to conclude an agreement.", "The Ministry may conclude an agreement."),
    ("Recommend to the government to allot land.", "The government shall allot land."),
    ("Permit the Ministry to conclude an agreement.", "The Ministry must conclude an agreement."),
])
def test_a_modal_of_another_force_or_negated_is_another_directive(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]
