"""A draft and the adopted decision whose points were dropped, added and renumbered: each dropped
or added point is one divergence from its number to its end, the points after it are numbered
anew (accidental), and so are the references to them in the list of excerpts; a value changed
beside a reworded phrase, or two changes on either side of a full stop, stay two divergences."""

from __future__ import annotations

from provenance.align import align_paths
from provenance.align.aligner import gaps, slide


def _divergences(tmp_path, a: str, b: str) -> list[tuple[str, str, str]]:
    (tmp_path / "a.txt").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    res = align_paths([tmp_path / "a.txt", tmp_path / "b.txt"], ids=["a", "b"])
    return [(d["readings"]["a"]["text"], d["readings"]["b"]["text"], d["category"]) for d in res["divergences"]]


DRAFT = """1. Direct the ministry to build the road to the border.

2. Recommend to the government to allot land along the route of the line.

3. Instruct Gosplan to provide rails and timber for the third quarter.

4. Instruct the ministry to prepare a draft agreement on the joint operation.

Excerpts to be sent to: Cdes. Petrov - 1; Ryabushkin - 3; Ministry of Foreign Affairs - 4.
"""

ADOPTED = """1. Direct the ministry to build the road to the border.

2. Instruct Gosplan to provide rails and timber for the third quarter.

3. Instruct the ministry to prepare a draft agreement on the joint operation.

4. Oblige the regional committee to recruit workers for the construction.

Excerpts sent to: Cdes. Petrov - 1; Ryabushkin - 2; Ministry of Foreign Affairs - 3.
"""


def test_a_dropped_point_is_cut_at_its_own_number_and_the_points_after_it_are_renumbered(tmp_path):
    got = _divergences(tmp_path, DRAFT, ADOPTED)
    assert ("2. Recommend to the government to allot land along the route of the line.", "", "substantive") in got
    assert ("3", "2", "accidental") in got and ("4", "3", "accidental") in got
    assert ("", "4. Oblige the regional committee to recruit workers for the construction.", "substantive") in got


def test_the_points_named_in_the_excerpt_list_follow_the_renumbering(tmp_path):
    got = _divergences(tmp_path, DRAFT, ADOPTED)
    excerpts = [g for g in got if g[0] in ("3", "4") and g[1] in ("2", "3")]
    assert len(excerpts) == 4 and all(c == "accidental" for _a, _b, c in excerpts), got
    # a number that is not a point's (a quantity, a copy's) changes a value whatever the points did
    got = _divergences(tmp_path, DRAFT.replace("Ryabushkin - 3", "Ryabushkin, 3 tons"),
                       ADOPTED.replace("Ryabushkin - 2", "Ryabushkin, 2 tons"))
    assert ("3", "2", "substantive") in got
    got = _divergences(tmp_path, DRAFT.replace("Ryabushkin - 3", "Copy 3 - Ryabushkin"),
                       ADOPTED.replace("Ryabushkin - 2", "Copy 2 - Ryabushkin"))
    assert ("3", "2", "substantive") in got


def test_without_a_dropped_point_a_changed_point_number_stays_a_change(tmp_path):
    got = _divergences(tmp_path, "Excerpts to: Cdes. Petrov - 1; Ryabushkin - 3.\n",
                       "Excerpts to: Cdes. Petrov - 1; Ryabushkin - 2.\n")
    assert got == [("3", "2", "substantive")]


def test_a_gap_ending_in_the_numbers_of_two_points_compares_them_on_their_own(tmp_path):
    a = ("3. Organize the guarding of the sites on the territory of the Mongolian People's Republic.\n\n"
         "4. Recommend to the government of the MPR (Cde. Dashdondov) to allot land along the route.\n\n"
         "5. Instruct Gosplan USSR to provide the delivery of rails.\n")
    b = ("3. Organize the guarding of the sites on the territory of the MPR.\n\n"
         "4. Instruct Gosplan USSR to provide the delivery of rails.\n")
    got = _divergences(tmp_path, a, b)
    assert ("5", "4", "accidental") in got, got
    assert ("4. Recommend to the government of the MPR (Cde. Dashdondov) to allot land along the route.", "",
            "substantive") in got
    assert ("Mongolian People's Republic.", "MPR.", "lexical") in got


def test_a_value_is_not_joined_with_a_reworded_phrase_beside_it(tmp_path):
    got = _divergences(tmp_path, "According to Lu, the troops of the garrison number about 72,000 men.\n",
                       "According to Lu, the garrison troops number about 62,000 men.\n")
    assert ("72,000", "62,000", "substantive") in got
    assert not any("garrison" in a and "72,000" in a for a, _b, _c in got), got


def test_a_full_stop_keeps_two_changes_apart(tmp_path):
    got = _divergences(tmp_path, "[Handwritten:] To Cde. Lavrinenko. Prepare a reply. D.\n",
                       "[Handwritten:] To Cde. Lavrentyev. Draft an answer. D.\n")
    assert ("Lavrinenko", "Lavrentyev", "substantive") in got
    assert any(a == "Prepare a reply" for a, _b, _c in got), got


def test_slide_moves_a_run_to_its_best_cut_and_sets_apart_the_pairs_it_matched_anew():
    # a: x . [y z .] w  /  b: x . w ; the run may stand as [. y z] after "x" or [y z .] before "w"
    ka, kb = ["x", ".", "y", "z", ".", "w"], ["x", ".", "w"]
    cut = {0: 0, 1: 0, 2: 5, 3: 0, 4: 0, 5: 5, 6: 0}
    blocks = slide([(0, 0, 2), (5, 2, 1)], ka, kb, cut.get, lambda k: 0)
    assert gaps(blocks, 6, 3) == [(2, 5, 2, 2)]
    cut = {0: 0, 1: 5, 2: 0, 3: 0, 4: 5, 5: 0, 6: 0}   # the cut before "." is better: the run slides left
    blocks = slide([(0, 0, 2), (5, 2, 1)], ka, kb, cut.get, lambda k: 0)
    assert gaps([b for b in blocks], 6, 3) == [(1, 4, 1, 1)]
    # two numbers alike (two points' numbers): after the slide they form a gap of their own
    ka, kb = ["2", ".", "p", ".", "3", ".", "q"], ["2", ".", "q"]
    cut = {k: 0 for k in range(8)} | {0: 5, 4: 5}
    blocks = slide([(0, 0, 2), (6, 2, 1)], ka, kb, cut.get, lambda k: 0,
                   alike_a=lambda p, q: {ka[p], ka[q]} <= {"2", "3"})
    assert gaps(blocks, 7, 3) == [(0, 4, 0, 0), (4, 5, 0, 1)]
    assert all(ka[i + t] == kb[j + t] for i, j, k in blocks for t in range(k))


def test_a_changed_phrase_and_a_dropped_point_after_it_are_two_changes(tmp_path):
    # the full stop after "MPR" could pair with the one ending the dropped point: it pairs with its
    # own sentence's, and the dropped point is whole
    a = ("3. Organize the guarding of the sites on the territory of the Mongolian People's Republic.\n\n"
         "4. Recommend to the government of the MPR to allot land along the route.\n\n"
         "5. Instruct Gosplan USSR to provide the delivery of rails.\n")
    b = ("3. Organize the guarding of the sites on the territory of the MPR.\n\n"
         "4. Instruct Gosplan USSR to provide the delivery of rails.\n")
    got = _divergences(tmp_path, a, b)
    assert got == [("Mongolian People's Republic", "MPR", "lexical"),
                   ("4. Recommend to the government of the MPR to allot land along the route.", "", "substantive"),
                   ("5", "4", "accidental")]
    # the same in the other direction: an added point
    got = _divergences(tmp_path, b, a)
    assert ("", "4. Recommend to the government of the MPR to allot land along the route.", "substantive") in got
    assert ("4", "5", "accidental") in got


def test_a_comma_added_beside_a_changed_number_stays_apart_from_it(tmp_path):
    got = _divergences(tmp_path, "the delivery of 12,000 cubic meters of timber and 80 steam-driven excavators.\n",
                       "the delivery of 12,000 cubic metres of timber, and 30 steam-driven excavators.\n")
    assert ("80", "30", "substantive") in got, got
    assert ("", ",", "accidental") in got, got


def test_chinese_names_through_russian_are_spellings_of_the_pinyin(tmp_path):
    # pinyin zh is written "chzh" where a Chinese name comes through the Russian (Сучжоу, Чжоу)
    got = _divergences(tmp_path, "The consulate in Suzhou reported to Cde. Zhou Enlai.\n",
                       "The consulate in Suchzhou reported to Cde. Chzhou Enlai.\n")
    assert {(a, b) for a, b, c in got if c == "orthographic"} == {("Suzhou", "Suchzhou"), ("Zhou", "Chzhou")}, got
    assert all(c == "orthographic" for _a, _b, c in got)


def _telegram(translator: str, body: str) -> str:
    """A telegram as the archive's web page gives it, with its translator in the citation."""
    return ("Skip to content\n\nSeptember 17, 1949\n\nCiphered Telegram from Consul General Sharapin in Urumqi\n\n"
            "This document was made possible with support from the Example Foundation\n\n"
            "CIPHERED TELEGRAM\n\nTop Secret\n\n"
            f"1. {body}\n\n17.IX.49    SHARAPIN\n\n"
            "Consul General Sharapin reports on the garrison.\n\nDocument Information\n\n"
            f"AVP RF, f. 0100, op. 42, p. 288, d. 19, ll. 23-25. Translated for the Digital Archive by {translator}.\n\n"
            "Original Uploaded Date\n\nRecord ID\n")


BODY_A = ("The commander said that his officers had decided to declare the transition of the province to the "
          "side of the People's Liberation Army, and that the question could not be decided without the consent "
          "of the leadership. The garrison numbers about 72,000 men and has wheat for six weeks.")
BODY_B = ("The commander said that his officers had decided to announce the transfer of the province to the "
          "side of the People's Liberation Army, and that the question could not be decided without the agreement "
          "of the leadership. The garrison numbers about 62,000 men and has barley for six weeks.")


def test_two_translators_choices_of_like_words_are_lexical(tmp_path):
    got = _divergences(tmp_path, _telegram("Helen Marsh", BODY_A), _telegram("David Kirwan", BODY_B))
    by_a = {a: (b, c) for a, b, c in got}
    assert by_a["consent"] == ("agreement", "lexical"), got
    assert by_a["declare the transition"] == ("announce the transfer", "lexical"), got
    # a number, and a thing for another thing, are other facts whoever translated
    assert by_a["72,000"] == ("62,000", "substantive") and by_a["wheat"] == ("barley", "substantive")
    (tmp_path / "a.txt").write_text(_telegram("Helen Marsh", BODY_A), encoding="utf-8")
    (tmp_path / "b.txt").write_text(_telegram("David Kirwan", BODY_B), encoding="utf-8")
    res = align_paths([tmp_path / "a.txt", tmp_path / "b.txt"], ids=["a", "b"])
    (why,) = [d["reason"] for d in res["divergences"] if d["readings"]["a"]["text"] == "consent"]
    assert why.startswith("two translations (Helen Marsh / David Kirwan)") and "consent/agreement" in why


def test_one_translators_change_of_word_stays_a_change_of_meaning(tmp_path):
    got = _divergences(tmp_path, _telegram("Helen Marsh", BODY_A), _telegram("Helen Marsh", BODY_B))
    by_a = {a: (b, c) for a, b, c in got}
    assert by_a["consent"] == ("agreement", "substantive"), got


def test_a_transcriptions_witness_names_its_translator(tmp_path):
    from provenance.witness import load_witness
    (tmp_path / "t.txt").write_text(_telegram("David Kirwan", BODY_B), encoding="utf-8")
    assert load_witness(tmp_path / "t.txt").meta["translator"] == "David Kirwan"


def test_a_translators_name_ends_at_its_sentence(tmp_path):
    from provenance.witness import load_witness
    text = _telegram("Margaret Hulme", BODY_B).replace(
        "Hulme.\n", "Hulme. Wade-Giles romanization as in the translator's text.\n")
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    assert load_witness(tmp_path / "t.txt").meta["translator"] == "Margaret Hulme"
    for credit, who in (("Translated by G. Goldberg.", "G. Goldberg"), ("Translated by J.-P. Smith", "J.-P. Smith")):
        (tmp_path / "t.txt").write_text(text.replace(
            "Translated for the Digital Archive by Margaret Hulme. Wade-Giles romanization as in the translator's text.",
            credit), encoding="utf-8")
        assert load_witness(tmp_path / "t.txt").meta["translator"] == who


def test_two_translators_romanize_names_otherwise(tmp_path):
    a = BODY_A + " Losses are heavy in the Khovd, Uvs and Zavkhan aimags, and the specialists are needed."
    b = BODY_B + " Losses are heavy in the Kobdo, Ubsa and Dzabkhan aimaks, and the experts are needed."
    got = _divergences(tmp_path, _telegram("Helen Marsh", a), _telegram("Owen Pryce", b))
    by_a = {x: (y, c) for x, y, c in got}
    assert by_a["Khovd, Uvs and Zavkhan aimags"] == ("Kobdo, Ubsa and Dzabkhan aimaks", "orthographic"), got
    assert by_a["specialists"] == ("experts", "lexical"), got
    # one translator's text: other names are other places
    got = _divergences(tmp_path, _telegram("Helen Marsh", a), _telegram("Helen Marsh", b))
    assert dict((x, c) for x, _y, c in got)["Khovd, Uvs and Zavkhan aimags"] == "substantive", got


def test_romanizations_of_one_name_and_names_known_apart():
    from provenance.align.spelling import romanized_alike
    for x, y in (("Khovd", "Kobdo"), ("Uvs", "Ubsa"), ("Zavkhan", "Dzabkhan"), ("Uliastai", "Ulyasutai"),
                 ("aimags", "aimaks"), ("Gansu", "Kansu"), ("Urumchi", "Urumqi"), ("Ch'ang-sŏk", "Chan Sok"),
                 ("Sinkiang", "Xinjiang")):
        assert romanized_alike(x, y), (x, y)
    for x, y in (("Tomsk", "Omsk"), ("Kazan", "Kazakh"), ("Ivanov", "Ivanova"), ("Kirov", "Kiev"), ("12", "13"),
                 ("Gombojav", "Tserendash"), ("Malinin", "Malygin"), ("Sorokin", "Sorokov"), ("Belov", "Belyn")):
        assert not romanized_alike(x, y), (x, y)


def test_a_place_added_to_a_list_is_no_given_name(tmp_path):
    got = _divergences(tmp_path, "Oblige the Kustanai and North Kazakhstan Oblast Committees to send workers.\n",
                       "Oblige the Kustanai, North Kazakhstan and Pavlodar Oblast Committees to send workers.\n")
    assert any("Pavlodar" in b and c == "substantive" for _a, b, c in got), got
    # a given name before a surname both readings name is the same person named more fully
    got = _divergences(tmp_path, "There were Mamyrov, Kasymov and Abdurakhmanov at the meeting.\n",
                       "There were Mamyrov, Kasymov and Ismail Abdurakhmanov at the meeting.\n")
    assert got == [("", "Ismail", "lexical")], got


def test_one_negation_word_for_the_other_keeps_the_meaning():
    from provenance.align.classify import classify
    for a, b in (("not later than 1 May", "no later than 1 May"),
                 ("the stocks will last no more than a month", "the stocks will not last more than a month"),
                 ("we did not make any promises", "we made no promises")):
        assert classify(a.split(), b.split(), None)["category"] == "lexical", (a, b)
    for a, b in (("they did not arrive", "they did arrive"), ("no troops were sent", "troops were sent")):
        assert classify(a.split(), b.split(), None)["category"] == "substantive", (a, b)


def test_two_translators_titles_may_romanize_otherwise(tmp_path):
    a = _telegram("Helen Marsh", BODY_A).replace("Sharapin in Urumqi", "Sharapin in Xinjiang")
    b = _telegram("David Kirwan", BODY_A).replace("Sharapin in Urumqi", "Sharapin in Sinkiang")
    got = _divergences(tmp_path, a, b)
    assert [c for x, y, c in got if "inkiang" in y] == ["orthographic"], got
    got = _divergences(tmp_path, a, b.replace("David Kirwan", "Helen Marsh"))
    assert [c for x, y, c in got if "inkiang" in y] != ["orthographic"], got


def test_per_is_a_function_word():
    from provenance.align.classify import classify
    assert classify("80,000 tons of oil per year".split(), "80,000 tons of oil a year".split(), None)["category"] \
        == "lexical"
    assert classify("deliveries per year".split(), "deliveries a year".split(), None)["category"] == "lexical"


def test_a_stamp_on_one_copy_only_is_another_copy(tmp_path):
    body = "1. Instruct the Ministry of Foreign Trade to deliver 60 tons of wool to Krakow."
    a = _telegram("Helen Marsh", body)
    b = a.replace("CIPHERED TELEGRAM\n", "CIPHERED TELEGRAM\n\n[Stamp: Ministry of Foreign Trade of the USSR. "
                  "Incoming No. 0412s. 11 April 1949]\n")
    got = _divergences(tmp_path, a, b)
    assert [c for x, y, c in got if "Incoming No. 0412s" in y] == ["substantive"], got
    # a translator's note on one only is the editor's work, not the copy's
    b = a.replace("wool to Krakow.", "wool [Translator's note: raw wool] to Krakow.")
    got = _divergences(tmp_path, a, b)
    assert [c for x, y, c in got] == ["editorial"], got


def test_two_translators_write_one_name_as_one_word_and_as_two(tmp_path):
    a = BODY_A + " The director, Ri Ch'ang-sŏk, asks for compressors."
    b = BODY_B + " The director, Ri Chan Sok, asks for compressors."
    got = _divergences(tmp_path, _telegram("Helen Marsh", a), _telegram("Owen Pryce", b))
    assert ("Ch'ang-sŏk", "Chan Sok", "orthographic") in got, got
    got = _divergences(tmp_path, _telegram("Helen Marsh", a),
                       _telegram("Owen Pryce", b.replace("Ri Chan Sok", "Ri Man Sik")))
    assert ("Ch'ang-sŏk", "Man Sik", "substantive") in got, got


def test_a_romanizations_apostrophes_and_diacritics_are_another_spelling(tmp_path):
    got = _divergences(tmp_path, "The plant at Ch'ŏngjin and the port of P'yŏngyang were rebuilt in T'a-ch'eng.\n",
                       "The plant at Chongjin and the port of Pyongyang were rebuilt in Tacheng.\n")
    assert {(a, c) for a, b, c in got} == {("Ch'ŏngjin", "orthographic"), ("P'yŏngyang", "orthographic"),
                                           ("T'a-ch'eng", "orthographic")}, got
    # a possessive's or a contraction's apostrophe is punctuation
    got = _divergences(tmp_path, "The childrens books and its cover were torn.\n",
                       "The children's books and it's cover were torn.\n")
    assert {c for _a, _b, c in got} == {"accidental"}, got


def test_letters_no_diacritic_makes_are_written_as_latin_letters(tmp_path):
    """Þ, ð, æ, ø, ł are letters of their own, not letters with a mark: Þórðarson / Thordarson,
    Łódź / Lodz, œsophagus / oesophagus are one word spelt another way."""
    from provenance.align.tokenize import fold
    assert fold("Þórðarson") == "thordarson" and fold("Łódź") == "lodz" and fold("œsophagus") == "oesophagus"
    got = _divergences(tmp_path, "Gudmundur Thordarson met the trawler captains at Siglufjordur.\n",
                       "Guðmundur Þórðarson met the trawler captains at Siglufjörður.\n")
    assert got and all(c == "orthographic" for _a, _b, c in got), got
