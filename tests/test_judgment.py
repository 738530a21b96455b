"""What a change means, on prose the tool was not written from: each kind of edit that keeps the
meaning is explained by the resource that knows it, and changes of meaning stay substantive.

The sentences here are ordinary prose (news, science, law, archival translations); the labelled set
of bench/judgment is scored as a whole at the end, both pair by pair and as one document pair.
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, bench_module
from provenance.align import align_witnesses, load_witnesses


def compare(tmp_path, lexicon, a: str, b: str) -> list[dict]:
    pa, pb = tmp_path / "a.txt", tmp_path / "b.txt"
    pa.write_text(a + "\n", encoding="utf-8")
    pb.write_text(b + "\n", encoding="utf-8")
    return align_witnesses(load_witnesses([pa, pb], ids=["a", "b"]), lexicon)["divergences"]


KEPT = [
    # (original, revised, category, words the reason names)
    # "dated" before a date says what the date says ("of 5 March" / "dated 5 March")
    ("In reply to your letter No. 2/318 of 5 March, I inform you that the question has been settled.",
     "In reply to your letter No. 2/318 dated 5 March, I inform you that the question has been settled.",
     "lexical", ["dated"]),
    # words a neighbour's definition already holds, a noun that only gathers, a verb of not doing, a
    # modal of purpose, a word for its definition, adverbs of synonyms (WordNet's definitions)
    ("Repeat the process again with the second sheet of paper.", "Repeat the process with the second sheet of paper.",
     "lexical", ["again", "perform again"]),
    ("The museum was founded by a group of former students.", "The museum was founded by former students.",
     "lexical", ["group"]),
    # a noun with an adjective's sense before a noun is its modifier ("the past history": "past events")
    ("The past history of the mill is well documented.", "The history of the mill is well documented.",
     "lexical", ["past", "history"]),
    ("Visitors are asked to refrain from touching the carving.", "Visitors are asked not to touch the carving.",
     "lexical", ["refrain"]),
    ("The panel was cut down so that it could fit into a smaller frame.",
     "The panel was cut down to fit into a smaller frame.", "lexical", ["so that"]),
    ("The minister thanked the delegation for its work.",
     "The minister expressed gratitude to the delegation for its work.", "lexical", ["gratitude"]),
    ("She solved the puzzle cleverly.", "She solved the puzzle ingeniously.", "lexical", ["ingenious"]),
    ("The road to the depot was broad and dusty.", "The road to the depot was wide and dusty.",
     "lexical", ["synonyms", "WordNet"]),
    ("Volunteers will help the farmers with the harvest.", "Volunteers will assist the farmers with the harvest.",
     "lexical", []),
    ("Repairs to the bridge will begin next week.", "Repairs to the bridge will commence next week.",
     "lexical", ["WordNet"]),
    ("Inspectors visited the regions along the river.", "Inspectors visited the region along the river.",
     "lexical", []),
    ("The ministry will organise the transport of grain.", "The ministry will organize the transport of grain.",
     "orthographic", []),
    ("The goverment approved the new budget on Friday.", "The government approved the new budget on Friday.",
     "orthographic", []),
    ("Teh council met again in the evening.", "The council met again in the evening.",
     "orthographic", ["typo", "not a word"]),
    ("The USSR signed the protocol in Geneva.", "The Union of Soviet Socialist Republics signed the protocol in Geneva.",
     "lexical", ["abbreviation", "USSR"]),
    ("Dr. Hale examined the samples.", "Doctor Hale examined the samples.", "lexical", ["abbreviation"]),
    ("The brigade sent three battalions north.", "The brigade sent 3 battalions north.",
     "lexical", ["same value"]),
    # digits grouped another way: the labelled sets call a number's format lexical
    ("The garrison numbered 15,000 men.", "The garrison numbered 15 000 men.", "lexical", ["same number"]),
    ("The canal carried 1,248 barges that year.", "The canal carried 1248 barges that year.", "lexical", []),
    # two forms of one word are lexical, two spellings of one word orthographic
    ("The witness said he had dreamt of the fire.", "The witness said he had dreamed of the fire.", "lexical", []),
    ("The inspector travelled to Odessa by train.", "The inspector traveled to Odessa by train.", "orthographic",
     []),
    ("The board asked whether or not the loan had been repaid.", "The board asked whether the loan had been repaid.",
     "lexical", []),
    ("Patrols left the depot at 0600 h and returned by noon.", "Patrols left the depot at 06:00 and returned by noon.",
     "lexical", ["same value"]),
    ("The committee will organise the census.", "The committee will organize the census.", "orthographic", []),
    # one place in two romanizations is a spelling; two names of one place are lexical
    ("The convoy reached Tientsin on Monday.", "The convoy reached Tianjin on Monday.", "orthographic",
     ["same place"]),
    ("The polls close at 10 p.m. tonight.", "The polls close at 22:00 tonight.", "lexical", ["same value"]),
    ("The treaty was signed on 15 October 1945 in Moscow.", "The treaty was signed on October 15, 1945 in Moscow.",
     "lexical", ["same value"]),
    ("The session ended on 3.IV.1947 without a vote.", "The session ended on 3 April 1947 without a vote.",
     "lexical", ["same value"]),
    ("The minister did not agree with the proposal.", "The minister disagreed with the proposal.",
     "lexical", ["negation", "disagreed"]),
    ("Barges carried coal down the Rhone every spring.", "Barges carried coal down the Rhône every spring.",
     "orthographic", ["diacritics"]),
    ("The column reached Qoqek before dawn.", "The column reached Chuguchak before dawn.",
     "lexical", ["same place", "GeoNames", "Tacheng"]),
    ("Prior to the hearing, both parties filed their submissions.",
     "Before the hearing, both parties filed their submissions.", "lexical", []),
    ("Owing to the fact that the pitch was flooded, the match was postponed.",
     "Because the pitch was flooded, the match was postponed.", "lexical", []),
    ("Samples were diluted tenfold before the assay.", "Samples were diluted 10-fold before the assay.",
     "lexical", ["same value"]),
    ("The ferry was rescheduled to 9.15 on Monday.", "The ferry was rescheduled to a quarter past nine on Monday.",
     "lexical", ["same value"]),
    ("The consul's note is dated 3.XI and bears two stamps.",
     "The consul's note is dated 3 November and bears two stamps.", "lexical", ["same value"]),
    ("The tank was completely drained before the inspection.", "The tank was fully drained before the inspection.",
     "lexical", ["synonyms", "WordNet"]),
    ("Once the varnish has dried, the frame can be rehung.", "When the varnish has dried, the frame can be rehung.",
     "lexical", []),
    # one person, place or book that WordNet names two ways
    ("Talks with Colonel Gaddafi resumed in the spring.", "Talks with Colonel Qaddafi resumed in the spring.",
     "orthographic", []),
    ("A copy of the Koran lay open on the desk.", "A copy of the Qur'an lay open on the desk.",
     "orthographic", ["WordNet"]),
    ("Rice exports from Burma fell sharply that year.", "Rice exports from Myanmar fell sharply that year.",
     "lexical", ["WordNet", "another name"]),
    # a letter the editor supplied inside a word, in one copy only
    ("The receipt was countersigned by Cde. [K]ovalenko in May.",
     "The receipt was countersigned by Cde. Kovalenko in May.", "editorial", ["brackets"]),
    # a day whose month the context gives, and the full date
    ("The shipment left Odessa on the 14th and reached Varna two days later.",
     "The shipment left Odessa on 14 March and reached Varna two days later.", "lexical", ["same value"]),
    # a sum in a currency and its hundredths, and the same sum in decimals
    ("The grain was bought at 7 rubles 20 kopecks a pood from the collective farms.",
     "The grain was bought at 7.20 rubles a pood from the collective farms.", "lexical", ["same value"]),
    # a verb in one witness, its noun in the other, in another order
    ("Payments are suspended until the inspection is completed by the commission.",
     "Payments are suspended until the completion of the inspection by the commission.", "lexical", []),
    # a connective set off by commas inside the sentence, or opening it without a comma
    ("Youth unemployment remains above the national average.",
     "Youth unemployment, however, remains above the national average.", "lexical", ["connective"]),
    ("Moreover Mediaset said it would sue the newspaper for these allegations.",
     "Mediaset said it would sue the newspaper for these allegations.", "lexical", ["connective"]),
    # the plural of an initialism
    ("We compare our approach with recurrent neural networks on three test sets.",
     "We compare our approach with RNNs on three test sets.", "lexical", ["abbreviation"]),
    # a time of day with and without its colon, and two signs for "number" before one figure
    ("Sent 1310 3 September 1946. Your N 2291 received.", "Sent 13:10 3 September 1946. Your No. 2291 received.",
     "lexical", ["time of day", "sign for"]),
    # a word the editor supplied in brackets printed as the text's own
    ("The request of the Uighur [troupe] of Alma-Ata to tour the border districts was granted.",
     "The request of the Uighur troupe of Alma-Ata to tour the border districts was granted.", "editorial",
     ["supplied in brackets"]),
    # the one letter of an abbreviation in brackets: CP(b) = Communist Party (Bolsheviks)
    ("Minutes of the Bureau of the CC of the CP(b) of Kirghizia.",
     "Minutes of the Bureau of the CC of the Communist Party (Bolsheviks) of Kirghizia.", "lexical", ["b = Bolsheviks"]),
]

CHANGED = [
    # (original, revised, a flag expected or None)
    # a noun before a noun, no adjective's sense its gloss holds: "the past month" is the month before
    ("The past month was dry in the valley.", "The month was dry in the valley.", None),
    ("Marshal Rybalko arrived in Prague.", "Martial Rybalko arrived in Prague.", None),
    ("The delegation travelled to Kazan by train.", "The delegation travelled to Kazakh by train.", "entity"),
    ("Seed potatoes were sent from Tomsk in April.", "Seed potatoes were sent from Omsk in April.", "entity"),
    ("The Uighur population supported the movement.", "The Uzbek population supported the movement.", "entity"),
    ("The report was sent to Molotov at once.", "The report was sent to Stalin at once.", "entity"),
    ("The land of the kulaks was confiscated.", "The land of the merchants was confiscated.", None),
    ("The army had 15,000 men in the valley.", "The army had 16,000 men in the valley.", "numeric"),
    ("The dose was 2.5 mg per day.", "The dose was 25 mg per day.", "numeric"),
    ("The treaty was signed on 15 October 1945.", "The treaty was signed on 16 October 1945.", "date"),
    ("The polls close at 10 p.m. tonight.", "The polls close at 11 p.m. tonight.", "date"),
    ("The plan was approved by the council.", "The plan was not approved by the council.", "negation"),
    ("Prices will increase next year.", "Prices will decrease next year.", None),
    ("The ferry was rescheduled to 9.15 on Monday.", "The ferry was rescheduled to 9.45 on Monday.", "numeric"),
    ("The tank was partially drained before the inspection.", "The tank was fully drained before the inspection.",
     None),
    ("The permit was granted legally.", "The permit was granted illegally.", None),
    ("The Tenant shall pay all charges.", "The Tenant may pay all charges.", None),
    ("The troops withdrew from the town.", "The troops withdrew from the town and the weapons were confiscated.", None),
    # common words in one WordNet synset are not one name (insure/ensure)
    ("The broker will insure the cargo before it sails.", "The broker will ensure the cargo before it sails.", None),
    ("Rice exports from Burma fell sharply that year.", "Rice exports from Laos fell sharply that year.", "entity"),
    ("The shipment left Odessa on the 14th and reached Varna two days later.",
     "The shipment left Odessa on 15 March and reached Varna two days later.", "date"),
    ("The grain was bought at 7 rubles 20 kopecks a pood from the collective farms.",
     "The grain was bought at 7.25 rubles a pood from the collective farms.", "numeric"),
    # WordNet puts many and some under one head; a quantifier changed says another quantity
    ("Many delegates left before the vote on the second resolution.",
     "Some delegates left before the vote on the second resolution.", None),
    ("The cable was sent at 1310 on 3 September.", "The cable was sent at 13:15 on 3 September.", "date"),
    # a price with a decimal point is no time of day
    ("The tea was sold at 1250 rubles a crate.", "The tea was sold at 12.50 rubles a crate.", "numeric"),
    ("The request of the Uighur [troupe] of Alma-Ata was granted.",
     "The request of the Uighur choir of Alma-Ata was granted.", None),
    # what a neighbour's definition holds is no licence to drop what it does not
    ("Repeat the process again with the second sheet of paper.", "Repeat the process with the second sheet of paper "
     "twice.", None),
    ("The survey was carried out by a small group of former students.",
     "The survey was carried out by former students.", None),
    ("The guards did not refrain from touching the prisoners.", "The guards did not touch the prisoners.", None),
    # the date itself changed is still a change of date
    ("In reply to your letter No. 2/318 of 5 March, I inform you that the question has been settled.",
     "In reply to your letter No. 2/318 dated 7 March, I inform you that the question has been settled.", "date"),
]


@pytest.mark.parametrize("a,b,category,named", KEPT, ids=[k[0][:30] for k in KEPT])
def test_an_edit_that_keeps_the_meaning_is_explained(tmp_path, lexicon, a, b, category, named):
    divs = compare(tmp_path, lexicon, a, b)
    assert divs, "the texts differ"
    assert all(d["category"] != "substantive" for d in divs), [(d["category"], d["reason"]) for d in divs]
    assert category in {d["category"] for d in divs}, [(d["category"], d["reason"]) for d in divs]
    reasons = " ".join(d["reason"] for d in divs)
    for word in named:
        assert word in reasons, reasons


@pytest.mark.parametrize("a,b,flag", CHANGED, ids=[c[0][:30] for c in CHANGED])
def test_a_change_of_meaning_stays_substantive(tmp_path, lexicon, a, b, flag):
    divs = compare(tmp_path, lexicon, a, b)
    subst = [d for d in divs if d["category"] == "substantive"]
    assert subst, [(d["category"], d["reason"]) for d in divs]
    if flag:
        assert any(flag in d["flags"] for d in subst), [(d["flags"], d["reason"]) for d in subst]


def test_knowledge_resources_answer_offline():
    from provenance.knowledge import english, places, russian, values
    from provenance.knowledge.wordnet import wordnet

    wn = wordnet()
    assert wn.synonyms("broad", "wide") and wn.synonyms("purchase", "buy")
    assert wn.antonyms("agree", "disagree") and not wn.synonyms("increase", "decrease")
    assert english.is_word("government") and not english.is_word("goverment")
    assert english.same_lemma("regions", "region") and not english.same_lemma("region", "religion")
    assert places.same_place("Chuguchak", "Qoqek") == "Tacheng"
    assert places.same_place("Yining", "Ghulja") is not None
    assert places.same_place("Tomsk", "Omsk") is None
    assert russian.russian_word("sovkhozy") and russian.russian_word("otryady")
    assert not russian.russian_word("between")
    assert values.values("on 15 October 1945".split()) == values.values("on October 15 , 1945".split())
    assert values.values("3 million".split()) == values.values("3,000,000".split())
    assert values.values("£ 25,000".split()) == values.values("twenty-five thousand pounds".split())
    assert values.values("5 pounds".split()) != values.values("5 dollars".split())
    # a currency sign written on the number, a word of its size after it (not 28 and 1,000,000 read apart)
    assert values.values(["£28", "million"]) == values.values("twenty-eight million pounds".split()) == {"gbp:28000000": 1}
    assert values.values(["$3.5", "billion"]) == {"usd:3500000000": 1}
    assert values.values("at six in the evening".split()) == values.values("at 18 : 00".split())
    assert values.values("by 1945 the war".split()) == values.values("by 1945 the war".split()) == {"n:1945": 1}
    assert values.values("the correlation was 0.47".split()) != values.values("at 0 : 47".split())
    # a range of days takes the month and year of its last day; the day ending a numbered date is no range's
    assert values.values("from 02 / 09 / 2024 to 30 / 09 / 2024".split()) \
        == values.values("from 2 to 30 September 2024".split()) == {"d:2024-09-02": 1, "d:2024-09-30": 1}
    assert values.values("from 2 to 30 September 2024".split()) != values.values("from 2 to 29 September 2024".split())
    assert values.values("between 2019 - 03 - 01 and 31 August 2020".split()) \
        == values.values("between 1 March 2019 and 31 August 2020".split())


def _evaluation():
    return bench_module("judgment/evaluate.py", "judgment_evaluate")


def _score(tmp_path, lexicon, sets, mode):
    """Score (file, split) sets of bench/judgment together; returns the pairs and the summary."""
    ev = _evaluation()
    pairs = [p for f, split in sets for p in ev.load_pairs(ROOT / "bench" / "judgment" / f, split)]
    fn = ev.judge_pairs if mode == "pairs" else ev.judge_document
    _rows, s = ev.table(pairs, fn(pairs, lexicon, tmp_path))
    return pairs, s


def _multi_edit(path) -> bool:
    """Whether a set holds revisions of several edits a pair (its pairs list their ``edits``)."""
    first = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return "edits" in json.loads(first)


def _tuning_split(path) -> str:
    """The part of a dev set used while tuning: its tune split where it keeps one apart, else all of it."""
    splits = {json.loads(line)["split"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return "tune" if "heldout" in splits else "all"


@pytest.mark.parametrize("mode", ["pairs", "document"])
def test_the_labelled_sets_meet_their_targets(tmp_path, lexicon, mode):
    """The pairs used while tuning (the tune split of pairs.jsonl, dev2.jsonl and any later dev
    set): at most 5% of the edits that keep the meaning called substantive, at least 95% of the
    changes of meaning; the same whether each pair is aligned alone or all pairs are lines of one
    document pair (attribution)."""
    dev = [p for p in sorted((ROOT / "bench" / "judgment").glob("dev*.jsonl")) if not _multi_edit(p)]
    sets = [("pairs.jsonl", "tune")] + [(p.name, _tuning_split(p)) for p in dev]
    pairs, s = _score(tmp_path, lexicon, sets, mode)
    assert len(pairs) >= 300 and len({p["genre"] for p in pairs}) >= 3
    assert s["meaning_kept_called_substantive"] <= 0.05 * s["meaning_kept"], s
    assert s["meaning_changed_called_substantive"] >= 0.95 * s["meaning_changed"], s


@pytest.mark.parametrize("mode", ["pairs", "document"])
def test_the_held_out_pairs_stay_where_they_were_measured(tmp_path, lexicon, mode):
    """The held-out split of pairs.jsonl is never used for tuning, only scored: 6 of its 86 edits that
    keep the meaning were called substantive when it was first measured (7.0%; 4 now, 4.7%) and all 65 changes of
    meaning are. This guards against a change that makes it worse."""
    pairs, s = _score(tmp_path, lexicon, [("pairs.jsonl", "heldout")], mode)
    assert len(pairs) >= 150
    assert s["meaning_kept_called_substantive"] <= 0.10 * s["meaning_kept"], s
    assert s["meaning_changed_called_substantive"] >= 0.95 * s["meaning_changed"], s


@pytest.mark.parametrize("mode", ["pairs", "document"])
def test_the_held_out_half_of_dev8_stays_where_it_was_measured(tmp_path, lexicon, mode):
    """dev8.jsonl (200 pairs of modern prose, ten genres) keeps its even-numbered pairs apart,
    scored only: on arrival 4 of their 52 edits that keep the meaning were called substantive
    (7.7%), all 48 changes of meaning were, and 96 of the 100 were given their label's category."""
    pairs, s = _score(tmp_path, lexicon, [("dev8.jsonl", "heldout")], mode)
    assert len(pairs) == 100
    assert s["meaning_kept_called_substantive"] <= 4, s
    assert s["meaning_changed_called_substantive"] == s["meaning_changed"] == 48, s
    assert s["category_as_labelled"] >= 96, s


@pytest.mark.parametrize("mode", ["pairs", "document"])
def test_the_held_out_half_of_the_latest_set_stays_where_it_was_measured(tmp_path, lexicon, mode):
    """dev7.jsonl (240 pairs of ordinary prose, twelve genres) keeps every second pair of each
    genre apart, scored only: on arrival 4 of its 68 edits that keep the meaning were called
    substantive (5.9%) and all 52 changes of meaning."""
    pairs, s = _score(tmp_path, lexicon, [("dev7.jsonl", "heldout")], mode)
    assert len(pairs) == 120
    assert s["meaning_kept_called_substantive"] <= 0.10 * s["meaning_kept"], s
    assert s["meaning_changed_called_substantive"] >= 0.95 * s["meaning_changed"], s


@pytest.mark.parametrize("split, kept_max, changed_min, category_min", [
    ("tune", 17, 57, 103),     # on arrival: 24 of 63, 56 of 57, 94 of 120
    ("heldout", 17, 58, 101),  # on arrival: 19 of 62, 58 of 58, 99 of 120 (scored only)
])
def test_revisions_of_several_edits_stay_where_they_were_measured(tmp_path, lexicon, split, kept_max, changed_min,
                                                                   category_min):
    """dev9.jsonl: 240 revisions as writers make them, most with two or three edits at once
    (paraphrases, cuts, reordering beside a typo or a changed fact). A pair is called substantive
    when any of its edits is, so one paraphrase the rules cannot see ("During the course of the
    year" / "During the year") makes a pair that keeps its meaning substantive: 38% of the tune
    half and 31% of the held-out half are, far from the 5% target of the single-edit sets, which
    this set is kept out of. Every change of meaning is found. This guards the figures."""
    pairs, s = _score(tmp_path, lexicon, [("dev9.jsonl", split)], "pairs")
    assert len(pairs) == 120
    assert s["meaning_kept_called_substantive"] <= kept_max, s
    assert s["meaning_changed_called_substantive"] >= changed_min, s
    assert s["category_as_labelled"] >= category_min, s


@pytest.mark.parametrize("mode", ["pairs", "document"])
def test_the_latest_set_held_out_whole_stays_where_it_was_measured(tmp_path, lexicon, mode):
    """dev10.jsonl: 200 revisions in ten more genres (half with one edit, half with two or three),
    held out whole: scored only. On arrival 16 of its 90 pairs that keep the meaning were called
    substantive (1 of the 40 with one edit, 15 of the 50 with several: one paraphrase the rules
    cannot see makes the pair substantive), 108 of its 110 changes of meaning were, and 178 of the
    200 were given their label's category. The Moby thesaurus took the first to 15 and the second
    to 107: one change of meaning is now read as synonyms."""
    pairs, s = _score(tmp_path, lexicon, [("dev10.jsonl", "heldout")], mode)
    assert len(pairs) == 200
    assert s["meaning_kept_called_substantive"] <= 15, s
    assert s["meaning_changed_called_substantive"] >= 107, s
    assert s["category_as_labelled"] >= 178, s


@pytest.mark.parametrize("split, kept_max, changed_min, category_min", [
    ("tune", 15, 51, 103),     # on arrival: 27 of 69, 50 of 51, 90 of 120
    ("heldout", 17, 57, 101),  # on arrival: 23 of 63, 57 of 57, 95 of 120 (scored only)
])
def test_the_eleventh_set_stays_where_it_was_measured(tmp_path, lexicon, split, kept_max, changed_min,
                                                     category_min):
    """dev11.jsonl: 240 revisions in twelve more genres (half with one edit, half with two or three),
    its even-numbered pairs held out, scored only. Adverbs of emphasis (WordNet's glosses), a main
    sense shared with a rarer one (small/minor) and frequency words formed from two nouns
    (daily/weekly) took the tune half from 27 to 21 pairs that keep the meaning called substantive,
    and one more change of meaning found; the held-out half went from 23 to 19. The Moby thesaurus
    (words each listed under the other, less what WordNet tells apart) took them to 17 and 18."""
    pairs, s = _score(tmp_path, lexicon, [("dev11.jsonl", split)], "pairs")
    assert len(pairs) == 120
    assert s["meaning_kept_called_substantive"] <= kept_max, s
    assert s["meaning_changed_called_substantive"] >= changed_min, s
    assert s["category_as_labelled"] >= category_min, s


def test_the_witnesses_teach_the_comparison(tmp_path, lexicon):
    """A gloss in one witness makes its forms one for the comparison, and the reason says so."""
    a = "The detachment was sent to Kuldja in March."
    b = "The detachment was sent to Ningyuan [Kuldja] in March."
    divs = compare(tmp_path, lexicon, a, b)
    text = [d for d in divs if d["category"] != "editorial"]
    assert [d["category"] for d in text] == ["lexical"], [(d["category"], d["reason"]) for d in divs]
    assert "own gloss" in text[0]["reason"] and "Ningyuan [Kuldja]" in text[0]["reason"]
    # without the gloss, two names the gazetteer does not join are another place
    divs = compare(tmp_path, lexicon, a, "The detachment was sent to Ningyuan in March.")
    assert any(d["category"] == "substantive" for d in divs)


def test_a_gazetteer_name_needs_no_gloss(tmp_path, lexicon):
    divs = compare(tmp_path, lexicon, "Supplies reached Dihua by road.", "Supplies reached Urumqi by road.")
    assert [d["category"] for d in divs] == ["lexical"] and "GeoNames" in divs[0]["reason"]


@pytest.mark.parametrize("split, kept_max, changed_min, category_min", [
    ("tune", 18, 55, 81),      # on arrival: 20 of 45, 54 of 55, 78 of 100
    ("heldout", 15, 54, 82),   # on arrival: 18 of 45, 54 of 55, 79 of 100 (scored only)
])
def test_the_twelfth_set_stays_where_it_was_measured(tmp_path, lexicon, split, kept_max, changed_min,
                                                     category_min):
    """dev12.jsonl: 200 revisions of ordinary prose in ten genres (encyclopedia articles, abstracts,
    news, essays, e-mail, contracts, documentation, catalogue entries, biographies, product pages),
    rewordings that keep the meaning made hard on purpose (voice, nominalization, reordering,
    redundancy, connectives, forms of address), its even-numbered pairs held out, scored only."""
    pairs, s = _score(tmp_path, lexicon, [("dev12.jsonl", split)], "pairs")
    assert len(pairs) == 100
    assert s["meaning_kept_called_substantive"] <= kept_max, s
    assert s["meaning_changed_called_substantive"] >= changed_min, s
    assert s["category_as_labelled"] >= category_min, s


@pytest.mark.parametrize("split, kept_max, changed_min, category_min", [
    ("tune", 8, 44, 72),       # on arrival: 10 of 36, 42 of 44, 68 of 80
    # on arrival: 10 of 36, 39 of 44, 64 of 80 (scored only); 9 of 36 after this round's name rule,
    # one more than before it: "Ospan Batyr" / "Osman Batur" (one Kazakh name written two ways, p for m)
    # is now called another person
    ("heldout", 9, 40, 66),
])
def test_the_thirteenth_set_stays_where_it_was_measured(tmp_path, lexicon, split, kept_max, changed_min,
                                                        category_min):
    """dev13.jsonl: 160 pairs in the tool's own world (two translators' versions of a sentence, a
    draft and the adopted text, two copies of one telegram: decisions, cables, reports, minutes,
    letters, orders, economic reports, records of conversation), its even-numbered pairs held out,
    scored only. Its tuning half brought: two modals are never one word spelt twice (would/could),
    a name moved from one preposition to another changes its role ("handed to Petrov by Wang" /
    "to Wang by Petrov"), and "Cde." dropped before a name that stays is only a title."""
    pairs, s = _score(tmp_path, lexicon, [("dev13.jsonl", split)], "pairs")
    assert len(pairs) == 80
    assert s["meaning_kept_called_substantive"] <= kept_max, s
    assert s["meaning_changed_called_substantive"] >= changed_min, s
    assert s["category_as_labelled"] >= category_min, s


@pytest.mark.parametrize("name, split, kept_max, changed_min, category_min", [
    # dev14: the tool's own world, subtle changes of meaning
    ("dev14.jsonl", "tune", 6, 55, 93),
    ("dev14.jsonl", "heldout", 11, 54, 87),   # 11 and 87 since a noun phrase said as a compound ("the wool procurement plan")
    # dev15: ordinary prose, rewordings that keep the meaning made hard on purpose
    ("dev15.jsonl", "tune", 24, 53, 95),
    ("dev15.jsonl", "heldout", 26, 52, 91),   # 26 and 91 since "making sure" / "ensuring"
    # dev16: two translators' versions, several rewordings in every pair that keeps its meaning
    ("dev16.jsonl", "tune", 23, 50, 71),
    ("dev16.jsonl", "heldout", 30, 48, 63),   # 30 since "as" / "since" opening a clause of cause
    # dev17: revisions as writers make them (encyclopedia, abstracts, news updates, essays, blogs,
    # documentation, press releases, columns); on arrival tune 16 of 45, 53 of 55, 82 of 100 and
    # held out 18 of 45, 54 of 55, 78 of 100
    ("dev17.jsonl", "tune", 12, 53, 86),   # 12 and 86 since "The reason why ... is" is a frame
    ("dev17.jsonl", "heldout", 16, 54, 80),
    # dev18: drafts and adopted texts, two copies, two translations, retyped and published versions,
    # in the seeds' world; on arrival tune 11 of 46, 54 of 54, 87 of 100 and held out 12 of 44, 56 of
    # 56, 87 of 100
    ("dev18.jsonl", "tune", 8, 54, 90),
    ("dev18.jsonl", "heldout", 11, 56, 88),
    # dev19: revisions of ordinary prose (encyclopedia, paper introductions, news corrections,
    # essays, annual reports, how-to guides, museum labels, reviews); on arrival tune 11 of 37, 62
    # of 63, 86 of 100 and held out 11 of 53, 47 of 47, 89 of 100
    ("dev19.jsonl", "tune", 4, 62, 93),   # 4 and 93 since a frame that adds nothing ("It is important that")
    ("dev19.jsonl", "heldout", 10, 47, 90),
    # dev20: revisions of ordinary prose in ten more genres (travel guides, book reviews, contracts,
    # parliamentary records, newsletters, lab protocols, textbooks, customer emails, podcast summaries,
    # charity appeals); first scored after the linking words: tune 15 of 41, 52 of 59, 78 of 100 and
    # held out 12 of 49, 47 of 51, 84 of 100
    ("dev20.jsonl", "tune", 13, 52, 80),   # 13 and 80 since frames ("It is worth noting", "The reason why ... was that")
    ("dev20.jsonl", "heldout", 10, 47, 86),   # 11 and 85 since a frame ("It is worth noting"), 10 and 86 "make sure"
    # dev21: revisions of ordinary prose in ten more genres (paper methods and results, city and river
    # articles, workplace emails, cover letters, health notices, READMEs, court summaries, restaurant
    # reviews, local news, course handbooks): on arrival tune 13 of 52, 46 of 48, 85 of 100 and held out
    # 5 of 38, 58 of 62, 91 of 100; tune 12 and 86 since a short name romanized with i for y, 11 and
    # 87 since a range of days takes the month and year of its last day, 10 and 88 since the dimension a
    # number is given in is said by the number ("at a distance of 12 km" / "12 km"), 9 and 89 since one
    # unit written two ways after the same number (hectares / ha); 47 and 90 since a name with one
    # consonant for another that no neighbouring key or romanization explains is another person
    ("dev21.jsonl", "tune", 8, 47, 91),   # 8 and 91 since a frame that adds nothing; held out 4 and 92
    ("dev21.jsonl", "heldout", 4, 58, 92),
    # dev22: revisions of ordinary prose in ten more genres (company, species and film articles, Stack
    # Exchange answers, related-work paragraphs, government FAQs, nonprofit letters, forum posts, bug
    # reports, tutorials); on arrival tune 15 of 48, 45 of 52, 76 of 100 and held out 18 of 42, 56 of 58,
    # 80 of 100; tune 14 and 77 since one unit written two ways after the same number, 48 and 80 since a
    # name with one consonant for another is another person (Felton / Fenton, Sood / Sook), 13 and 81
    # since a pronoun's contracted verb is the verb written out (we'll / we will; held out 17 and 81)
    ("dev22.jsonl", "tune", 6, 50, 90),   # 11 and 83 frames, 50 and 85 and/or, 10 and 86 "The reason that", 9 and 87 stated / said moved;
    # 7 and 89 a date moved whole, re-released / reissued; 6 and 90 gets cut off / is cut off
    ("dev22.jsonl", "heldout", 14, 56, 84),   # 14 and 84 since "because" / "as" / "since"
    # dev23: revisions as revision corpora hold them (Wikipedia articles on events, scientists, buildings,
    # diseases and software, Wikinews, paper methods and introductions, argumentative essays, economics
    # entries), 110 keeping the meaning; on arrival tune 17 of 60, 40 of 40, 81 of 100 and held out 10 of
    # 50, 50 of 50, 90 of 100; tune 10 and 88 since a figure in scientific notation, "firstly", "by means
    # of" / "using", "has been able to" / "can", "others", "over time" and "The reason for this is"
    ("dev23.jsonl", "tune", 8, 40, 89),   # 9 since who's / whose, 8 and 89 "as" / "since"
    ("dev23.jsonl", "heldout", 10, 50, 90),
    # dev24: revisions in ten more genres (patient leaflets, HR policies, insurance policies, letters to
    # the editor, exhibition catalogues, agricultural advice, transport notices, code reviews, appliance
    # manuals, theatre programmes), 100 keeping the meaning; on arrival tune 12 of 50, 47 of 50, 84 of
    # 100 and held out 12 of 50, 47 of 50, 85 of 100; tune 10 and 86 since "make sure" / "ensure"
    ("dev24.jsonl", "tune", 8, 47, 88),   # 9 "at a temperature below", 8 and 88 a polite suggestion and "because" / "as"
    ("dev24.jsonl", "heldout", 12, 47, 85),
    # dev25: revisions in ten more genres (privacy policies, tax guidance, field guides, incident
    # postmortems, diplomatic communiqués, tasting notes, sports rulebooks, book jackets, peer reviews,
    # UI help text), 100 keeping the meaning; on arrival tune 26 of 50, 48 of 50, 72 of 100 and held out
    # 25 of 50, 47 of 50, 71 of 100; tune 22 and 76 since "it is not possible to" / "cannot", "are not
    # allowed to" / "may not", "will have to" / "must", "while" / "whereas" and "did not have" / "lacked"
    ("dev25.jsonl", "tune", 21, 48, 77),   # 21 and 77 "via" / "through" and an adverb moved as its adjective
    ("dev25.jsonl", "heldout", 25, 47, 71),
])
def test_the_later_sets_stay_where_they_were_measured(tmp_path, lexicon, name, split, kept_max, changed_min,
                                                      category_min):
    """The fourteenth to twenty-fifth sets, by reviewers who had not read the classifier; their
    even-numbered pairs held out (scored only). The counts are of pairs: meaning kept but called
    substantive (at most), meaning changed and called substantive, category as labelled (at least)."""
    pairs, s = _score(tmp_path, lexicon, [(name, split)], "pairs")
    assert len(pairs) == 100 or name == "dev15.jsonl" and len(pairs) == 120
    assert s["meaning_kept_called_substantive"] <= kept_max, s
    assert s["meaning_changed_called_substantive"] >= changed_min, s
    assert s["category_as_labelled"] >= category_min, s
