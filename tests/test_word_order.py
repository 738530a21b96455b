"""Word order that says who does what: two words exchanged across the sentence change the meaning;
a passive, a phrase moved whole and coordinated parts reordered do not."""

from __future__ import annotations

import pytest

from test_judgment import compare


@pytest.mark.parametrize("a,b,names", [
    ("Molotov informed Stalin of the decision.", "Stalin informed Molotov of the decision.", "Molotov / Stalin"),
    ("The Chinese troops attacked the Mongolian border post at dawn.",
     "The Mongolian troops attacked the Chinese border post at dawn.", "Chinese / Mongolian"),
    ("The scheduler process assigns tasks to workers, while the monitor process records their progress.",
     "The monitor process assigns tasks to workers, while the scheduler process records their progress.",
     "scheduler / monitor"),
])
def test_words_that_exchanged_places_change_the_meaning(tmp_path, lexicon, a, b, names):
    divs = compare(tmp_path, lexicon, a, b)
    subst = [d for d in divs if d["category"] == "substantive"]
    assert subst and all("exchanged places" in d["reason"] for d in subst), [(d["category"], d["reason"]) for d in divs]
    assert names in subst[0]["reason"], subst[0]["reason"]


@pytest.mark.parametrize("a,b", [
    ("The committee approved the plan on Monday.", "The plan was approved by the committee on Monday."),
    ("The plan was approved by the committee on Monday.", "The committee approved the plan on Monday."),
    ("The bridge at Santai is to be blown up by the sapper platoon at dawn.",
     "The sapper platoon is to blow up the bridge at Santai at dawn."),
    ("The minister met farmers and traders at the fair.", "The minister met traders and farmers at the fair."),
    ("The north wing and the south wing were closed.", "The south wing and the north wing were closed."),
    ("For best results, wash the cover at 40 degrees before ironing.",
     "Wash the cover at 40 degrees before ironing for best results."),
])
def test_a_passive_a_moved_phrase_and_coordinated_parts_keep_the_meaning(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert divs and all(d["category"] != "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


def test_a_decision_made_is_a_decision_taken_apart_from_its_verb(tmp_path, lexicon):
    """"A decision was made by X to" / "X decided to": the noun stands in another gap as its verb,
    the support verb goes with it; another verb in its place stays a change."""
    divs = compare(tmp_path, lexicon, "A decision was made by the parish council in 2004 to close the square.",
                   "The parish council decided in 2004 to close the square.")
    assert all(d["category"] != "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]
    divs = compare(tmp_path, lexicon, "A decision was made by the parish council in 2004 to close the square.",
                   "The parish council agreed in 2004 to close the square.")
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


def test_a_name_moved_from_one_preposition_to_another_changes_its_role(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon, "The note was handed to Petrov by Wang Shijie on 24 November.",
                   "The note was handed to Wang Shijie by Petrov on 24 November.")
    subst = [d for d in divs if d["category"] == "substantive"]
    assert subst and "to Petrov / by Petrov" in subst[0]["reason"], [(d["category"], d["reason"]) for d in divs]
    for a, b in [("The letter was sent to Molotov by Stalin.", "The letter was sent by Stalin to Molotov."),
                 ("In Moscow, Molotov met the delegation.", "Molotov met the delegation in Moscow.")]:
        divs = compare(tmp_path, lexicon, a, b)
        assert all(d["category"] != "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


def test_two_modals_are_not_one_word_spelt_twice(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon, "Stalin said that the Soviet Union would supply the equipment.",
                   "Stalin said that the Soviet Union could supply the equipment.")
    assert [d["category"] for d in divs] == ["substantive"], divs


@pytest.mark.parametrize("a,b", [
    ("The study concludes by providing discussion of the gaps in current research.",
     "The study concludes by discussing the gaps in current research."),
    ("The Politburo adopted a decision on the grain plan in May.", "The Politburo decided on the grain plan in May."),
    ("Applications where sentiment analysis fails need another method.",
     "Applications in which sentiment analysis fails need another method."),
    # a support verb in any of its forms
    ("Cde. Suleimenov raised an objection to the plan.", "Cde. Suleimenov objected to the plan."),
    # the dimension a number is given in, said by the number
    ("The village lies at a distance of 12 km from the town.", "The village lies 12 km from the town."),
    ("Store the vaccine at a temperature below 8°C and away from light.", "Store the vaccine below 8°C and away from light."),
    # the parts of a hyphenated rank abbreviated one by one
    ("The chief of the group, Lieutenant-Colonel Zhukovsky, reports daily.",
     "The chief of the group, Lt. Col. Zhukovsky, reports daily."),
    # a request made with "please" or "kindly", or with a verb of asking
    ("I request your instructions.", "Please instruct."),
    ("We ask you to expedite the shipment.", "Kindly expedite the shipment."),
    ("The minister expressed regret at the delay.", "The minister regretted the delay."),
])
def test_a_support_verb_a_relative_adverb_and_a_polite_request_keep_the_meaning(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert divs and all(d["category"] == "lexical" for d in divs), [(d["category"], d["reason"]) for d in divs]
    for a, b in [("The Politburo adopted a decision on the grain plan in May.",
                  "The Politburo adopted a report on the grain plan in May."),
                 ("Cde. Suleimenov raised an objection to the plan.", "Cde. Suleimenov approved the plan."),
                 ("Please send the documents.", "I order you to send the documents."),
                 ("The village lies at a distance of 12 km from the town.", "The village lies 14 km from the town."),
                 ("Store the vaccine at a temperature below 8°C and away from light.", "Store the vaccine below 6°C and away from light."),
                 ("The chief of the group, Lieutenant-Colonel Zhukovsky, reports daily.",
                  "The chief of the group, Col. Zhukovsky, reports daily."),
                 ("Please send the documents.", "I ask you not to send the documents.")]:
        divs = compare(tmp_path, lexicon, a, b)
        assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


@pytest.mark.parametrize("a,b,same", [
    ("The committee approved the plan on 3 May.", "They approved the plan on 3 May.", True),
    ("The chairman approved the plan on 3 May.", "He approved the plan on 3 May.", True),
    ("Our model comprises four components.", "It comprises four components.", True),
    ("The committee approved the plan on 3 May.", "He approved the plan on 3 May.", False),   # he: a person
    ("Molotov approved the plan on 3 May.", "He approved the plan on 3 May.", False),         # a name
    ("The committee approved the plan on 3 May.", "They rejected the plan on 3 May.", False),
])
def test_a_pronoun_may_stand_for_a_definite_noun_phrase(tmp_path, lexicon, a, b, same):
    divs = compare(tmp_path, lexicon, a, b)
    subst = [d for d in divs if d["category"] == "substantive"]
    assert bool(subst) is not same, [(d["category"], d["reason"]) for d in divs]


def test_a_name_and_a_pronoun_that_exchanged_places_change_who_does_what(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon, "Answer: Tursunov introduced me to the emissary at the bazaar in March.",
                   "Answer: I introduced Tursunov to the emissary at the bazaar in March.")
    assert any(d["category"] == "substantive" and "me / I" in d["reason"] for d in divs), \
        [(d["category"], d["reason"]) for d in divs]
    divs = compare(tmp_path, lexicon, "Answer: Tursunov introduced me to the emissary at the bazaar in March.",
                   "Answer: I was introduced to the emissary at the bazaar in March by Tursunov.")
    assert all(d["category"] != "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


def test_a_passive_agent_is_found_whatever_its_case(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon, "Party organisations must intensify work among the arats in the west.",
                   "Work among the arats must be intensified by party organisations in the west.")
    assert all(d["category"] != "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


@pytest.mark.parametrize("a,b,same", [
    ("Side effects usually pass within a few days of starting treatment.",
     "Side effects usually go away within a few days of starting treatment.", True),
    ("The governor asked me to convey to Moscow his request for rifles.",
     "The governor asked me to pass on to Moscow his request for rifles.", True),
    ("The governor asked me to convey to Moscow his request for rifles.",
     "The governor asked me to pass to Moscow his request for rifles.", False),
    ("The onions should take somewhere in the region of ten minutes to soften.",
     "The onions should take about ten minutes to soften.", True),
])
def test_a_phrasal_verb_the_thesaurus_lists_and_an_approximation(tmp_path, lexicon, a, b, same):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs) is not same, [(d["category"], d["reason"]) for d in divs]


def test_a_name_moved_from_subject_to_a_preposition_changes_its_role(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon,
                   "The Far Eastern Bureau is to send its proposals to the Mongolian Commission on the new members.",
                   "The Mongolian Commission is to send its proposals to the Far Eastern Bureau on the new members.")
    assert any(d["category"] == "substantive" and "another role" in d["reason"] for d in divs), \
        [(d["category"], d["reason"]) for d in divs]
    divs = compare(tmp_path, lexicon, "The Far Eastern Bureau is to send its proposals to the Mongolian Commission.",
                   "Its proposals are to be sent to the Mongolian Commission by the Far Eastern Bureau.")
    assert all(d["category"] != "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


def test_a_point_numbered_anew_after_one_dropped_is_no_change_of_meaning(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Decision\n\n1. Build the road from Naushki to the border by May.\n\n2. Send 300 workers from Irkutsk.\n\n"
                 "3. Allot 40 trucks to the construction.\n\n4. Report to the CC by 1 June.\n", encoding="utf-8")
    b.write_text("Decision\n\n1. Build the road from Naushki to the border by May.\n\n"
                 "2. Allot 40 trucks to the construction.\n\n3. Report to the CC by 1 June.\n", encoding="utf-8")
    from provenance.align import align_paths
    divs = align_paths([a, b], ids=["a", "b"])["divergences"]
    renumbered = [d for d in divs if "numbered anew" in d["reason"]]
    assert renumbered and all(d["category"] == "accidental" for d in renumbered), [(d["category"], d["reason"]) for d in divs]
    assert any(d["category"] == "substantive" and "Irkutsk" in d["readings"]["a"]["text"] for d in divs)


@pytest.mark.parametrize("a,b,same", [
    ("Entrust the CC of Uzbekistan with selecting, and the CC of Kazakhstan with approving, twelve teachers.",
     "Entrust the CC of Kazakhstan with selecting, and the CC of Uzbekistan with approving, twelve teachers.", False),
    ("The bureau instructed the Komsomol committee to verify the complaints and report to the party committee.",
     "The bureau instructed the party committee to verify the complaints and report to the Komsomol committee.", False),
    ("The plant lacks experienced administrative and economic personnel.",
     "The plant lacks personnel with administrative and economic experience.", True),
])
def test_clauses_joined_by_and_are_not_coordinated_words(tmp_path, lexicon, a, b, same):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs) is not same, [(d["category"], d["reason"]) for d in divs]


def test_pronouns_that_exchanged_places_exchange_the_parties(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon,
                   "As agreed in Harbin, your side will cover the travel costs and our side will provide the interpreters.",
                   "As agreed in Harbin, our side will cover the travel costs and your side will provide the interpreters.")
    assert [d["category"] for d in divs] == ["substantive", "substantive"], [(d["category"], d["reason"]) for d in divs]
    assert all("parties exchanged places" in d["reason"] for d in divs)


@pytest.mark.parametrize("a,b", [
    ("We need specialists in the installation of compressors.", "We need compressor installation specialists."),
    ("The plan for the procurement of wool was not fulfilled.", "The wool procurement plan was not fulfilled."),
    ("Shops will open at the stations of arrival of the volunteers.", "Shops will open at the volunteers' arrival stations."),
    ("The cores were collected by a trained field technician.", "A trained field technician collected the cores."),
])
def test_a_noun_phrase_said_as_a_compound_or_a_long_agent_keeps_the_meaning(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert not any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


@pytest.mark.parametrize("a,b", [
    ("The committee of the party criticized the union.", "The union criticized the party committee."),
    ("Specialists in compressors trained the workers.", "The workers trained compressor specialists."),
])
def test_words_exchanged_across_a_verb_change_the_meaning_with_only_function_words_beside(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


@pytest.mark.parametrize("a,b,same", [
    ("Curator Lena Holm stated in a 1998 letter that the frame was replaced after the fire.",
     "In a 1998 letter, curator Lena Holm said that the frame was replaced after the fire.", True),
    ("Curator Lena Holm stated in a 1998 letter that the frame was replaced after the fire.",
     "In a 1998 letter, curator Lena Holm denied that the frame was replaced after the fire.", False),
])
def test_a_word_moved_and_said_with_a_synonym(tmp_path, lexicon, a, b, same):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs) != same, [(d["category"], d["reason"]) for d in divs]


@pytest.mark.parametrize("a,b,same", [
    ("Employees of the port can pay extra contributions voluntarily into the pension scheme.",
     "Employees of the port can pay extra voluntary contributions into the pension scheme.", True),
    ("Members may donate additional sums voluntarily to the fund.",
     "Members may donate additional sums to the fund.", False),
])
def test_an_adverb_moved_and_said_as_its_adjective(tmp_path, lexicon, a, b, same):
    """"voluntary", added where the other witness dropped "voluntarily", lends its word even when
    the sentence alone explains it: the adverb moved and said as its adjective."""
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" for d in divs) != same, [(d["category"], d["reason"]) for d in divs]


@pytest.mark.parametrize("a,b", [
    ("The species was first described by the naturalist Edith Carrowmore in 1871, on the basis of a specimen.",
     "The species was first described in 1871 by the naturalist Edith Carrowmore, based on a specimen."),
    ("The order was signed by the commander of the district on 12 May at the headquarters.",
     "The order was signed on 12 May by the commander of the district at the headquarters."),
])
def test_a_number_or_a_date_moved_whole_within_its_sentence_keeps_the_meaning(tmp_path, lexicon, a, b):
    divs = compare(tmp_path, lexicon, a, b)
    assert divs and all(d["category"] != "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]


@pytest.mark.parametrize("a,b,why", [
    ("The team scored 5 goals and conceded 7 in the final.", "The team scored 7 goals and conceded 5 in the final.",
     "numbers"),
    ("In 1990 he moved to Paris and in 1995 to Rome.", "In 1995 he moved to Paris and in 1990 to Rome.", "dates"),
    ("He did not say that he would come.", "He said that he would not come.", "negation"),
    ("The treaty was signed by Petrov on 5 March in Moscow.", "The treaty was signed on 6 March by Petrov in Moscow.",
     "dates"),
])
def test_values_exchanged_or_changed_and_a_negation_moved_stay_changes(tmp_path, lexicon, a, b, why):
    divs = compare(tmp_path, lexicon, a, b)
    assert any(d["category"] == "substantive" and why in d["reason"] for d in divs), \
        [(d["category"], d["reason"]) for d in divs]
