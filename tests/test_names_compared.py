"""Names and pronouns said another way: a title before a name dropped, a country's adjective and its
name (WordNet's pertainyms), a possessive that is no typo, "no one" that is no number."""

from __future__ import annotations

import pytest

from provenance.align import load_lexicon
from test_judgment import compare


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize("a,b,named", [
    ("Chinese troops crossed the border.", "China's troops crossed the border.", "Chinese/China"),
    ("The decision of the Soviet government was final.", "The decision of the USSR's government was final.",
     "Soviet/USSR"),
    ("The Mongolian delegation arrived.", "Mongolia's delegation arrived.", "Mongolian/Mongolia"),
])
def test_a_country_s_adjective_and_its_name_are_one_place(tmp_path, lexicon, a, b, named):
    divs = compare(tmp_path, lexicon, a, b)
    assert [d["category"] for d in divs if d["category"] not in ("accidental",)] == ["lexical"], divs
    assert any(named in d["reason"] for d in divs), [d["reason"] for d in divs]   # and no "typo: Mongolia's"


@pytest.mark.parametrize("a,b", [
    ("The Chinese delegation arrived.", "The Mongolian delegation arrived."),
    ("China's troops crossed the border.", "Mongolia's troops crossed the border."),
])
def test_another_country_stays_a_change_of_meaning(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


def test_no_one_is_nobody_and_no_number(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon, "Nobody attended the meeting.", "No one attended the meeting.")
    assert [d["category"] for d in divs] == ["lexical"], divs
    divs = compare(tmp_path, lexicon, "Nobody attended the meeting.", "Everyone attended the meeting.")
    assert [d["category"] for d in divs] == ["substantive"], divs


@pytest.mark.parametrize("a,b", [
    ("The report was sent to Comrade Molotov on 3 May.", "The report was sent to Molotov on 3 May."),
    ("Speaking after the hearing, Ms Patel said she was relieved.", "Speaking after the hearing, Patel said she was relieved."),
    ("Mr. Harriman met the Generalissimo.", "Harriman met the Generalissimo."),
    ("Entrust Cde. Mikoyan and Cde. Krutikov with the proposals.", "Entrust Cde. Mikoyan and Krutikov with the proposals."),
])
def test_a_title_before_a_name_dropped_keeps_the_person(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert [d["category"] for d in divs] == ["lexical"], divs
    assert "only a title before a name differs" in divs[0]["reason"], divs[0]["reason"]


@pytest.mark.parametrize("a,b", [
    ("General Zhukov arrived in Berlin.", "Marshal Zhukov arrived in Berlin."),       # another rank
    ("The report was sent to Molotov on 3 May.", "The report was sent to Comrade Beria on 3 May."),
])
def test_another_rank_or_another_person_stays_a_change_of_meaning(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]
