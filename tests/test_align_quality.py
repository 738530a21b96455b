"""Quality of the classification on the central real pair: the April 1945 draft (004) against the
adopted June 1945 decision (002), divergence by divergence, as a documentary editor reads them.

The expected categories come from reading the two texts side by side:

* the adopted decision keeps every measure of the draft; almost all differences inside points 1-7
  are the choices of the translator or the redactor (rebels/insurgents, internal/domestic,
  "consider it expedient to replace"/"recognize it advisable to exchange") or word order
  ("the CC's CP(b)" / "the CP(b) CC's", "by the rebels" moved before "to use aircraft");
* what changed in meaning: the land taken from "landowners and rich peasants [kulaki]" becomes land
  of "Chinese landowners and merchants" (5.a); captured "rifles" become captured "weapons" (3.b);
* the town is "Qoqek" in the draft and "Chuguchak" in the decision: one town under two names (the
  gazetteer lists both for Tacheng, and the decision's own gloss "[Qoqek or Tacheng]" says so),
  so another name for the same place, not another place;
* the two documents' frames differ: the draft opens with its classification, copy number,
  addressee, date and registration number and a situation report, and closes with a request for
  a decision and the copy distribution; the decision opens with its own repository note, minutes
  number and date, "8. Concerning Xinjiang", and closes with the list of excerpts sent.

"the communications of the Chinese troops" / "lines of communication" (point 2): the purpose
clause of the same sentence, "to create intolerable conditions for the Chinese troops", governs
the whole list in both versions ("killing personnel", "destroying equipment" are unqualified in
both), so the adopted text names the same target once instead of twice: lexical, not an entity
change.
"""

from __future__ import annotations

import pytest

from conftest import SEED
from provenance.align import align_paths, align_witnesses
from provenance.align.classify import classify, match_units, units
from provenance.align.lexicon import load_lexicon
from provenance.model import Segment, Witness

#: substantive divergences expected (see the module doc): the opener, the situation report, the
#: closing request and copy distribution, the decision's heading "8. Concerning Xinjiang", the list
#: of excerpts sent, kulaki, rifles/weapons -- seven; one more is tolerated for a borderline case
#: of a future lexicon or aligner change, no more.
MAX_SUBSTANTIVE = 8


@pytest.fixture(scope="module")
def res():
    return align_paths([SEED["004"], SEED["002"]])


@pytest.fixture(scope="module")
def ab(res):
    return [w["id"] for w in res["witnesses"]]


def divs(res, ab, a_text=None, b_text=None, **where):
    a, b = ab
    out = []
    for d in res["divergences"]:
        ra, rb = d["readings"][a]["text"], d["readings"][b]["text"]
        if a_text is not None and a_text not in ra:
            continue
        if b_text is not None and b_text not in rb:
            continue
        if all(d[k] == v for k, v in where.items()):
            out.append(d)
    return out


def one(res, ab, a_text=None, b_text=None, **where):
    hits = divs(res, ab, a_text, b_text, **where)
    assert len(hits) == 1, [(d["readings"], d["category"]) for d in hits]
    return hits[0]


def test_substantive_divergences_are_few_and_the_right_ones(res, ab):
    a, b = ab
    # the two headers date and title two documents (a report of April 29, the minutes of June 22)
    header = {d["reason"].split(" in its header")[0]: d for d in res["divergences"] if d["layer"] == "header"}
    assert sorted(header) == ["the document's date", "the document's title", "the source citation"]
    assert header["the document's date"]["category"] == "substantive"
    # the two are kept in two archives: one editorial divergence, where each citation stands, the
    # credit they share ("Obtained by Jamil Hasanli and translated by Gary Goldberg") left out
    cited = header["the source citation"]
    assert cited["category"] == "editorial" and cited["kind"] == "substitution"
    assert [cited["readings"][w]["text"] for w in (a, b)] == [
        "GARF, Fond R-9401ss, Opis' 2, Delo 95, ll. 334-338", "RGASPI F. 17, Op. 162, D. 37, ll. 145-155"]
    assert res["witnesses"][0]["text"][cited["readings"][a]["start"]:].startswith("GARF, Fond R-9401ss")
    assert [header["the document's date"]["readings"][w]["text"] for w in (a, b)] == ["April 29", "June 22"]
    assert header["the document's title"]["readings"][a]["text"].startswith("Report from L. Beria")
    assert all("section" in d["flags"] and d["severity"] <= 0.6 for d in header.values())
    subst = [d for d in res["divergences"] if d["category"] == "substantive" and d["layer"] != "header"]
    assert len(subst) <= MAX_SUBSTANTIVE, [(d["readings"][a]["text"][:40], d["readings"][b]["text"][:40])
                                            for d in subst]
    # inside the numbered points (rows where both witnesses have a point) only three changes of meaning
    inside = [d for d in subst if "section" not in d["flags"]]
    said = sorted((d["readings"][a]["text"].split()[0].strip(","), d["readings"][b]["text"].split()[0].strip(","))
                  for d in inside)
    assert said == [("landowners", "Chinese"), ("rifles", "weapons")]


def test_kulaki_stays_the_most_severe_change_inside_the_points(res, ab):
    d = one(res, ab, "kulaki")
    assert d["category"] == "substantive" and "entity" in d["flags"]
    inside = [x for x in res["divergences"] if "section" not in x["flags"]]
    assert max(inside, key=lambda x: x["severity"])["id"] == d["id"]


def test_rifles_become_weapons_substantive_without_entity(res, ab):
    d = one(res, ab, "rifles", "weapons")
    assert d["category"] == "substantive" and "entity" not in d["flags"] and "numeric" not in d["flags"]
    assert "rifles" in d["reason"] and "weapons" in d["reason"]


def test_point4_rebels_moved_is_one_lexical_transposition(res, ab):
    a, b = ab
    d = one(res, ab, "by the rebels", "insurgents")
    assert d["kind"] == "transposition" and d["category"] == "lexical"
    assert d["readings"][a]["segment"] == "4" and d["readings"][b]["segment"] == "8.4"
    # nothing substantive is left in point 4
    assert not [x for x in res["divergences"] if x["readings"][a]["segment"] == "4"
                and x["category"] == "substantive"]


def test_point6_cc_word_order_is_not_substantive(res, ab):
    a, b = ab
    hits = [d for d in res["divergences"] if d["readings"][a]["text"] == "CC's" or d["readings"][b]["text"] == "CC's"]
    assert len(hits) == 1
    assert hits[0]["kind"] == "transposition" and hits[0]["category"] == "lexical"
    point6 = [d for d in res["divergences"] if d["readings"][a]["segment"] == "6"]
    assert point6 and all(d["category"] != "substantive" for d in point6)
    # "to Ghulja" and "each" stand elsewhere in the same point of the decision
    assert one(res, ab, "to Ghulja")["category"] == "lexical"
    assert one(res, ab, "identify", "selecting")["category"] == "lexical"


def test_point2_communications_is_lexical_not_an_entity_change(res, ab):
    d = one(res, ab, "communications of the Chinese troops", "lines of communication")
    assert d["category"] == "lexical" and "entity" not in d["flags"]
    assert "Chinese" in d["reason"] or "troops" in d["reason"]
    assert one(res, ab, "infiltrate", "send")["category"] == "lexical"


def test_point1_imperative_and_passive_are_lexical(res, ab):
    a, b = ab
    use = one(res, ab, "Use", kind="omission")
    assert use["category"] == "lexical"
    passive = one(res, ab, "rebels", "are to be used")
    assert passive["category"] == "lexical"
    # "give ... held [help] in spreading" / "Help ... spread": the reworded second paragraph
    for x in divs(res, ab):
        if x["readings"][a]["segment"] == "1/2":
            assert x["category"] != "substantive", x["readings"]


@pytest.mark.parametrize("a_text, b_text", [
    ("enlisted men of Central Asian nationalities", "non-commissioned officers and men"),
    ("to grant the Muslim underclass land", "allotting land to poor Muslims"),
    ("taxation", "tax"),
    ("the organization of", "organizing"),
    ("for helping", "to help"),
    ("rebels with", "insurgents for"),
    ("being released", "sent"),
    ("account", "consideration"),
    ("materials", "material being"),
    ("cleared of", "released from"),
    ("an internal", "a domestic"),
    ("People's Commissariat of Foreign Trade", "Narkomvneshtorg"),
])
def test_translation_choices_are_lexical(res, ab, a_text, b_text):
    d = one(res, ab, a_text, b_text)
    assert d["category"] == "lexical", d["reason"]


def test_opener_is_reported_apart_from_the_situation_report(res, ab):
    a, b = ab
    opener = one(res, ab, "Copy. Top Secret")
    text = opener["readings"][a]["text"]
    assert "N 507/b" in text and "Having discussed" not in text
    assert "22 June 1945" in opener["readings"][b]["text"]
    assert opener["category"] == "substantive" and {"date", "section"} <= set(opener["flags"])
    report = one(res, ab, "Having discussed the condition", kind="omission")
    assert report["readings"][a]["text"].startswith("Having discussed") and "Copy" not in report["readings"][a]["text"]
    assert opener["severity"] < report["severity"]


def test_closing_and_heading_sections(res, ab):
    assert one(res, ab, "Request your decision", kind="omission")["category"] == "substantive"
    assert one(res, ab, None, "Excerpts sent to", kind="addition")["category"] == "substantive"
    assert one(res, ab, None, "Concerning Xinjiang", kind="addition")["category"] == "substantive"


# ---- the rules on small texts: generic, not tied to the seeds ----------------------------------
def wit(wid: str, paras: list[str]) -> Witness:
    text, segs = "", []
    for k, line in enumerate(paras, 1):
        segs.append(Segment(f"p{k}", "p", len(text), len(text) + len(line)))
        text += line + "\n"
    return Witness(id=wid, path=f"{wid}.txt", text=text, segments=segs, kind="plain")


def pair(a: str, b: str):
    r = align_witnesses([wit("a", [a]), wit("b", [b])])
    return [(d["kind"], d["category"], d["readings"]["a"]["text"], d["readings"]["b"]["text"], d["flags"])
            for d in r["divergences"]]


def test_moved_group_word_is_a_lexical_transposition():
    got = pair("Considering the need for the use of aircraft by the rebels in operations against the Chinese.",
               "Considering the need for the insurgents to use aircraft in operations against the Chinese.")
    assert ("transposition", "lexical", "by the rebels", "insurgents to", ["moved"]) in got
    assert all(c != "substantive" for _k, c, *_ in got)


def test_another_place_or_group_stays_substantive():
    got = pair("Help the rebels of the Ili District organize groups.",
               "Help the rebels of the Altai District organize groups.")
    assert got == [("substitution", "substantive", "Ili", "Altai", ["entity"])]
    got = pair("Send the rebels to the towns of the south.", "Send the Chinese troops to the towns of the south.")
    assert [(k, c) for k, c, *_ in got] == [("substitution", "substantive")] and "entity" in got[0][4]


def test_a_dropped_word_repeated_elsewhere_is_substantive_unless_it_names_a_group():
    # "quite" stands again later in the sentence, but it is not a group: the author dropped it
    assert pair("It is a quite large and quite old tree in the garden.",
                "It is a large and quite old tree in the garden.") == [("omission", "substantive", "quite", "", [])]
    got = pair("Disrupt the communications of the Chinese troops, to weaken the Chinese troops.",
               "Disrupt lines of communication, to weaken the Chinese troops.")
    assert [(k, c) for k, c, *_ in got] == [("substitution", "lexical")]


def test_a_number_or_negation_is_never_explained_away():
    got = pair("Send 500 officers and 2,000 men; the 2,000 men stay.", "Send 500 officers and men; the 2,000 men stay.")
    assert [c for _k, c, *_ in got] == ["substantive"] and "numeric" in got[0][4]
    got = pair("The rebels will not attack; they will not wait.", "The rebels will attack; they will not wait.")
    assert [c for _k, c, *_ in got] == ["substantive"] and "negation" in got[0][4]


def test_units_and_roots():
    lex = load_lexicon()
    # a lexicon phrase is seen across the edge of a reading ("taking into | account")
    ua = units(["account"], lex, ["taking", "into"], ["the"])
    ub = units(["consideration"], lex, ["taking", "into"], ["the"])
    assert match_units(ua, ub, lex) == ([], [])
    # word roots: organization/organizing, use/used, taxation/tax
    for x, y in [("organization", "organizing"), ("Use", "used"), ("taxation", "tax"), ("spreading", "spread")]:
        assert match_units(units([x], lex), units([y], lex), lex) == ([], []), (x, y)
    # different words stay apart
    ra, rb = match_units(units(["rifles"], lex), units(["weapons"], lex), lex)
    assert [u.text for u in ra] == ["rifles"] and [u.text for u in rb] == ["weapons"]
    assert classify(["rifles"], ["weapons"], lex)["category"] == "substantive"
    assert classify(["the", "Muslim", "underclass"], ["poor", "Muslims"], lex)["category"] == "lexical"


def test_darwin_keeps_its_substantive_revisions(darwin_pair):
    """The author's own revisions (1859 -> 1872) are mostly changes of meaning; the rules that
    explain a translator's choices must not explain them away."""
    r = darwin_pair
    assert [w["id"] for w in r["witnesses"]] == ["darwin1859", "darwin1872"]
    by = r["summary"]["by_category"]
    text_divs = [d for d in r["divergences"] if d["category"] not in ("accidental", "editorial")]
    assert by["substantive"] >= 0.6 * len(text_divs)
    ids = [w["id"] for w in r["witnesses"]]
    # a qualifier dropped by the author stays substantive even where the word recurs nearby; an
    # adverb of emphasis only (very, fully) changes the tone, not what is said
    seen = {"qualifier": 0, "emphasis": 0}
    for d in r["divergences"]:
        if d["kind"] != "omission":
            continue
        if d["readings"][ids[0]]["text"] in ("quite", "once", "ever"):
            assert d["category"] == "substantive", d
            seen["qualifier"] += 1
        elif d["readings"][ids[0]]["text"] in ("very", "fully"):
            assert (d["category"], d["reason"]) == ("lexical", f"only emphasis differs ({d['readings'][ids[0]]['text']})")
            seen["emphasis"] += 1
    assert seen["qualifier"] >= 1 and seen["emphasis"] >= 6, seen


def _categories(a: str, b: str) -> list[str]:
    return [c for _k, c, *_ in pair(a, b)]


def test_forms_of_one_wording_are_not_changes_of_meaning():
    # a contraction written out, either way, and its negation kept
    assert _categories("We don't expect the delegation before Monday.",
                       "We do not expect the delegation before Monday.") == ["lexical"]
    assert _categories("The committee cannot meet in May.", "The committee can't meet in May.") == ["lexical"]
    got = pair("The rebels won't attack the town.", "The rebels will attack the town.")
    assert [c for _k, c, *_ in got] == ["substantive"] and "negation" in got[0][4]
    # words run together by the typist, and the same words apart
    assert _categories("The spokesman Peskovsaid tht the talks went well.",
                       "The spokesman Peskov said that the talks went well.") == ["orthographic"]
    # an adverb and the adjective it is formed from (WordNet's pertainym)
    assert _categories("He was allegedly seen at the border post.",
                       "He was alleged seen at the border post.") == ["lexical"]
    # the thousands grouped with a dot, a comma or a space; a decimal point is another number
    assert _categories("About 30.000 refugees crossed the river.",
                       "About 30,000 refugees crossed the river.") == ["lexical"]
    assert _categories("About 30000 refugees crossed the river.",
                       "About 30.000 refugees crossed the river.") == ["substantive"]
    # the possessive written apart from its word
    assert _categories("The company ' s profits fell sharply.", "The company profits fell sharply.") == ["lexical"]
    # a lower-case word is no place: 'wil' is a typo of 'will', not the town of Wil
    assert _categories("The envoy wil arrive on Monday.", "The envoy will arrive on Monday.") == ["orthographic"]


def test_a_place_named_after_its_noun_or_as_an_adjective_before_it_is_one_name():
    # "of China" after the noun, "Chinese" before it: the same party, word order only
    got = _categories("Delegates of the Communist Party of China arrived in Moscow.",
                      "Delegates of the Chinese Communist Party arrived in Moscow.")
    assert got and "substantive" not in got, got
    # another country's adjective is another party
    assert "substantive" in _categories("Delegates of the Communist Party of China arrived in Moscow.",
                                        "Delegates of the Mongolian Communist Party arrived in Moscow.")


def test_two_colours_are_not_synonyms():
    # WordNet hangs every colour on the head 'chromatic': sisters under so wide a head differ
    got = pair("The delegates wore brown armbands.", "The delegates wore red armbands.")
    assert [c for _k, c, *_ in got] == ["substantive"]
    assert _categories("It was a huge crowd.", "It was a massive crowd.") == ["lexical"]


def test_an_adverb_of_emphasis_only_keeps_the_meaning():
    """WordNet's gloss of an adverb's first sense says whether it only adds emphasis (very,
    completely, really, clearly); hedges, small degrees, "only" and a negated emphasis do not."""
    got = pair("She was completely exhausted after the long journey home.",
               "She was exhausted after the long journey home.")
    assert got == [("omission", "lexical", "completely", "", [])]
    assert _categories("The results clearly show a fall in demand.", "The results show a fall in demand.") \
        == ["lexical"]
    for a, b in (("The claim is not entirely true.", "The claim is not true."),       # negated: another claim
                 ("Prices were slightly higher in May.", "Prices were higher in May."),  # a small degree
                 ("Only three delegates voted.", "Three delegates voted."),             # "and nothing more"
                 ("The plan will probably fail.", "The plan will fail.")):              # a hedge
        assert "substantive" in _categories(a, b), (a, b)


def test_frequency_words_are_no_synonyms_though_wordnet_groups_them():
    """daily/weekly are satellites of one head (periodic) but formed from two nouns (day, week)."""
    assert _categories("The towels were changed daily.", "The towels were changed weekly.") == ["substantive"]
    assert _categories("It was a huge building.", "It was a massive building.") == ["lexical"]


def test_up_to_before_a_figure_makes_it_a_limit():
    """"reduced by 5" / "reduced by up to 5": the figure becomes the most there may be (a change of
    meaning), whatever the two function words; "walked up to the gate" / "walked to the gate" stays one."""
    r = align_witnesses([wit("a", ["The mark is reduced by 5 points for each day late."]),
                         wit("b", ["The mark is reduced by up to 5 points for each day late."])])
    assert [(d["category"], d["reason"]) for d in r["divergences"]] == [
        ("substantive", "meaning changed: a limit set on the figure (up to 5)")]
    assert "substantive" in _categories("Up to twelve boats may land at the pier.", "Twelve boats may land at the pier.")
    assert _categories("They walked up to the gate.", "They walked to the gate.") == ["lexical"]


def test_an_initialism_of_a_compound_counts_a_letter_for_each_part():
    """MTS = machine-and-tractor station: the parts of the hyphenated word each give a letter ("and"
    skipped, as in an initialism of separate words)."""
    r = align_witnesses([wit("a", ["The machine-and-tractor station will send nine tractors."]),
                         wit("b", ["The MTS will send nine tractors."])])
    assert [(d["category"], d["reason"]) for d in r["divergences"]] == [
        ("lexical", "abbreviation: MTS = machine-and-tractor station")]
