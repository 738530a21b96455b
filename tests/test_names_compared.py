"""Names and pronouns said another way: a title before a name dropped, a country's adjective and its
name (WordNet's pertainyms), a possessive that is no typo, "no one" that is no number."""

from __future__ import annotations

import pytest

from test_judgment import compare


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


@pytest.mark.parametrize("a,b", [
    ("The results were presented by Ramsden to the board.", "The results were presented by Ramsgen to the board."),
    ("The grant was awarded to Harlow and his team.", "The grant was awarded to Harrow and his team."),
    ("The order was signed by Kovalenko in May.", "The order was signed by Kovalevko in May."),
])
def test_a_name_with_one_consonant_for_another_is_another_person(tmp_path, lexicon, a, b):
    """One consonant for another that neither a neighbouring key nor a romanization of one sound
    explains: another name, and a person changed."""
    divs = compare(tmp_path, lexicon, a, b)
    assert [d["category"] for d in divs] == ["substantive"], [(d["category"], d["reason"]) for d in divs]
    assert "entity" in divs[0]["flags"], divs[0]


@pytest.mark.parametrize("a,b", [
    ("The order was signed by Kessler in May.", "The order was signed by Kedsler in May."),      # the key beside it
    ("The column reached Tarbaghatai at dawn.", "The column reached Tarbaghatay at dawn."),      # a vowel
    ("The delegation visited Prachatice in June.", "The delegation visited Prachatize in June."),  # c/z: one sound
    ("The speech of Gaddafi was broadcast.", "The speech of Qaddafi was broadcast."),            # g/q: one sound
    ("The report names Khovd as the centre.", "The report names Khovt as the centre."),            # voiced/voiceless
])
def test_a_name_spelt_another_way_stays_one_person(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert [d["category"] for d in divs] == ["orthographic"], [(d["category"], d["reason"]) for d in divs]
