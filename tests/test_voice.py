"""Two forms of one clause. The passive made with "get" and with "be" ("gets cut off" / "is cut
off", Darwin's "will get recognised" of 1859 / "will be recognised" of 1872): the same thing said,
when both readings go on with the same participle; "get" with an object, or before another
participle, stays a change. A condition opened by "should", "had" or "were" before its subject is
the condition opened by "if"; "should" inside a sentence, or "unless", is not."""

from __future__ import annotations

import pytest

from test_judgment import compare


@pytest.mark.parametrize("a,b", [
    ("The dropdown menu gets cut off at the bottom of the screen.", "The dropdown menu is cut off at the bottom of the screen."),
    ("The parcel got damaged in transit.", "The parcel was damaged in transit."),
    ("The workers are paid on Fridays.", "The workers get paid on Fridays."),
])
def test_a_passive_with_get_is_the_passive_with_be(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert [(d["category"], "a passive made with get" in d["reason"]) for d in divs] == [("lexical", True)], divs


@pytest.mark.parametrize("a,b", [
    ("The parcel got damaged in transit.", "The parcel was lost in transit."),
    ("He got the letter on Monday.", "He was the letter on Monday."),
    ("The workers get paid on Fridays.", "The workers get a bonus on Fridays."),
])
def test_get_with_an_object_or_another_participle_stays_a_change(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs), divs


def test_darwins_get_recognised_of_1859_is_be_recognised_in_1872(darwin_pair):
    got = [d for d in darwin_pair["divergences"] if "get recognised / be recognised" in d["reason"]]
    assert [d["category"] for d in got] == ["lexical"]


@pytest.mark.parametrize("a,b", [
    ("Should the pump fail, close the outer valve first.", "If the pump fails, close the outer valve first."),
    ("Had the bridge been repaired in time, the convoy would have arrived.",
     "If the bridge had been repaired in time, the convoy would have arrived."),
    ("Were the council to approve the plan, work would begin in May.",
     "If the council were to approve the plan, work would begin in May."),
])
def test_a_condition_opened_by_its_verb_is_the_condition_with_if(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert divs and all(d["category"] == "lexical" for d in divs), [(d["category"], d["reason"]) for d in divs]
    assert any("a condition opened by its verb" in d["reason"] for d in divs)


@pytest.mark.parametrize("a,b", [
    ("Should the pump fail, close the outer valve first.", "Unless the pump fails, close the outer valve first."),
    ("You should call the desk, and help will come.", "If you call the desk, help will come."),
])
def test_should_inside_a_sentence_or_another_conjunction_stays_a_change(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]
