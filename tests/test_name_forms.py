"""Names written another way and names that are other names: Wade-Giles and pinyin, a given name
added beside a surname, a hyphenated name with a part replaced, a surname a syllable longer; and
directives of two forces."""

from __future__ import annotations

import pytest

from provenance.knowledge.chinese import same_romanized, wade_giles
from provenance.vocab import RANK
from test_judgment import compare


def _worst(divs: list[dict]) -> str:
    """The most serious category called on a pair."""
    return max((d["category"] for d in divs), key=RANK.__getitem__)


def test_the_wade_giles_table_comes_from_pypinyin():
    table = wade_giles()
    assert len(table) > 300
    assert "zhou" in table["chou"] and "xu" in table["hsu"] and "zhen" in table["chen"]


@pytest.mark.parametrize("a,b,same", [
    ("Hsü", "Xu", True), ("Chen-pang", "Zhenbang", True), ("Mao Tse-tung", "Mao Zedong", True), ("Chingho", "Jinghe", True),
    ("Teng Hsiao-ping", "Deng Xiaoping", True), ("Lin Piao", "Lin Biao", True), ("Chiang", "Jiang", True),
    ("Chen", "Zhang", False), ("Liu", "Li", False), ("Hsü", "Xi", False), ("Moscow", "Moskva", False),
])
def test_wade_giles_and_pinyin(a, b, same):
    assert same_romanized(a, b) is same


@pytest.mark.parametrize("a,b,category", [
    ("The delegation, headed by Xu Zhenbang, visited the works in Magnitogorsk.",
     "The delegation, headed by Hsü Chen-pang, visited the works in Magnitogorsk.", "orthographic"),
    ("The delegation, headed by Xu Zhenbang, visited the works in Magnitogorsk.",
     "The delegation, headed by Chen Yi, visited the works in Magnitogorsk.", "substantive"),
    ("As Cde. Batochir reported at the plenum, the plant worked at half capacity.",
     "As Cde. Dorjiin Batochir reported at the plenum, the plant worked at half capacity.", "lexical"),
    ("Guo asked that his request be conveyed before his departure for Lanzhou.",
     "Guo Mohua asked that his request be conveyed before his departure for Lanzhou.", "lexical"),
    ("Cde. Petrov will go to Moscow on Monday.", "Cde. Ivan Sidorov will go to Moscow on Monday.", "substantive"),
    ("The new plant will be built in Tsagaan-Nuur rather than in the capital.",
     "The new plant will be built in Tsagaan-Uul rather than in the capital.", "substantive"),
    ("Cde. Ryabtsev is to travel to Kök-Tal at once.", "Cde. Ryabchikov is to travel to Kök-Tal at once.", "substantive"),
    ("The ECCI instructs the Central Committee to convene a plenum.",
     "The ECCI recommends the Central Committee to convene a plenum.", "substantive"),
    ("The Ministry is instructed to submit the plan.", "The Ministry is directed to submit the plan.", "lexical"),
    # a short name romanized with i for y (the passport's Iuliia for Yulia); another name stays another
    ("The claimant, Ms Yulia Orlova, argued the case.", "The claimant, Ms Iuliia Orlova, argued the case.",
     "orthographic"),
    ("The claimant, Ms Yulia Orlova, argued the case.", "The claimant, Ms Yana Orlova, argued the case.",
     "substantive"),
])
def test_names_and_directives(tmp_path, lexicon, a, b, category):
    divs = compare(tmp_path, lexicon, a, b)
    assert _worst(divs) == category, [(d["category"], d["reason"]) for d in divs]


@pytest.mark.parametrize("a,b,category", [
    ("Cde. Vasilev reported on the grain deliveries in March.", "Cde. Vasilchev reported on the grain deliveries in March.",
     "substantive"),
    ("The cargo arrived in Ghulja on 8 April.", "The cargo arrived in Kuldja on 8 April.", "orthographic"),
    ("The plan of Gosplan USSR was approved in May.", "The plan of USSR Gosplan was approved in May.", "lexical"),
])
def test_a_syllable_more_dj_for_j_and_an_abbreviation_that_is_no_given_name(tmp_path, lexicon, a, b, category):
    divs = compare(tmp_path, lexicon, a, b)
    assert _worst(divs) == category, [(d["category"], d["reason"]) for d in divs]


def test_an_initialism_of_the_same_words_in_another_order_and_a_performative_hereby(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon, "The Central Committee of the Chinese Communist Party requests three physicians.",
                   "The Central Committee of the CPC requests three physicians.")
    assert [d["category"] for d in divs] == ["lexical"], [(d["category"], d["reason"]) for d in divs]
    divs = compare(tmp_path, lexicon, "I order the battalion to move at dawn.", "I hereby order the battalion to move at dawn.")
    assert [d["category"] for d in divs] == ["lexical"], [(d["category"], d["reason"]) for d in divs]
    divs = compare(tmp_path, lexicon, "The Central Committee of the Chinese Communist Party requests three physicians.",
                   "The Central Committee of the CPSU requests three physicians.")
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


@pytest.mark.parametrize("a,b,category", [
    ("The resettlement plan of the DASSR was approved in March.",
     "The resettlement plan of the Dagestan ASSR was approved in March.", "lexical"),
    ("The plan of the BSSR Council of Ministers was approved.",
     "The plan of the Byelorussian SSR Council of Ministers was approved.", "lexical"),
    ("The resettlement plan of the DASSR was approved in March.",
     "The resettlement plan of the Kazakh ASSR was approved in March.", "substantive"),
    ("The decree of the ASSR was sent.", "The decree of the SSR was sent.", "substantive"),
    ("The plan of the USSR was approved.", "The plan of the Ukrainian SSR was approved.", "substantive"),
])
def test_an_initialism_with_the_initial_of_a_name_before_another(tmp_path, lexicon, a, b, category):
    """DASSR = Dagestan ASSR (a word in capitals gives all its letters); an initialism with a letter
    more is another thing (ASSR / SSR), and USSR stays the Union."""
    assert _worst(compare(tmp_path, lexicon, a, b)) == category
