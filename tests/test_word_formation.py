"""Words formed from others: one prefix before two synonyms (re-released / reissued), and "make"
with an adjective beside the verb formed from it (make sure / ensure, made legal / legalized)."""

from __future__ import annotations

import pytest

from provenance.align.affixes import made_so, prefixed_synonym
from test_judgment import compare


@pytest.mark.parametrize("a,b,same", [
    ("re-released", "reissued", True), ("co-founded", "co-established", True),
    ("re-elected", "re-appointed", False),   # elect / appoint: two ways of coming to an office
    ("re-opened", "re-closed", False), ("reform", "remake", False),   # both WordNet's words: its own verdict
    ("re-launched", "relaunched", False),   # one word, hyphenated or not: not this rule's matter
])
def test_one_prefix_before_two_synonyms(a, b, same):
    assert bool(prefixed_synonym(a, b)) is same


def test_a_prefixed_synonym_keeps_the_meaning_in_a_sentence(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon, "The single was re-released in 1997 and reached number eleven.",
                   "The single was reissued in 1997 and reached number eleven.")
    assert [(d["category"], "re- before released/issued" in d["reason"]) for d in divs] == [("lexical", True)]


@pytest.mark.parametrize("phrase,word,same", [
    ("make_sure", "ensure", True), ("made_sure", "ensured", True), ("making_sure", "ensuring", True),
    ("make_legal", "legalize", True), ("make_wide", "widen", True), ("make_rich", "enrich", True),
    ("make_sure", "enrich", False),   # the verb of another adjective
    ("take_sure", "ensure", False),   # no "make"
    ("make_door", "endoor", False),   # no adjective
])
def test_make_and_an_adjective_is_the_verb_formed_from_it(phrase, word, same):
    assert bool(made_so(phrase, word)) is same


@pytest.mark.parametrize("a,b", [
    ("Make sure that the appliance is disconnected before you replace the lamp.",
     "Ensure that the appliance is disconnected before you replace the lamp."),
    ("The council made sure the road was open.", "The council ensured the road was open."),
])
def test_make_sure_and_ensure_keep_the_meaning(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert [(d["category"], "formed from the adjective" in d["reason"]) for d in divs] == [("lexical", True)], divs
