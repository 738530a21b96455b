"""The original's words beside their English. Loanwords (words English's dictionaries list but
English rarely uses: qadis, fellahin): after a common English word in brackets the original's word,
in the language of the country the document's places lie in; before a bracket of common English,
glossed by it. A place named in English words before its name in the original; a heading's words in
capitals with their English in capitals; an abbreviation spelt out in an institution's name."""

from __future__ import annotations

import pytest
from lxml import etree

from provenance.ingest import ingest_text

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
IRAQ = "The delegation is to go to Baghdad and Basra and meet the officials of Mosul and Kirkuk."


def _body(text: str):
    return etree.fromstring(ingest_text(text, "doc").tei_bytes()).find(".//t:body", NS)


def test_a_loanword_after_its_english_is_the_original_word_in_the_places_language():
    body = _body(f"{IRAQ}\n\nThe delegation is to offer tractors to the farmers [fellahin] who receive land.\n")
    assert [(f.text, f.get(XML_LANG)) for f in body.iterfind(".//t:foreign", NS)] == [("fellahin", "ar-Latn")]
    assert body.find(".//t:supplied", NS) is None


def test_a_loanword_glossed_in_common_english_is_a_gloss():
    body = _body(f"{IRAQ}\n\nThe courts are kept, on condition that the qadis [judges] are elected.\n")
    assert [n.text for n in body.iterfind(".//t:note[@type='gloss']", NS)] == ["judges"]
    assert body.find(".//t:supplied", NS) is None


@pytest.mark.parametrize("sentence", [
    "The delegation is to meet [the] officials of the ministry.",
    "The delegation is to offer machinery for [the] farmers who receive land.",
])
def test_a_common_word_the_translator_adds_stays_supplied(sentence):
    body = _body(f"{IRAQ}\n\n{sentence}\n")
    assert [s.text for s in body.iterfind(".//t:supplied", NS)] == ["the"]


NORWAY = ("Oslo, 18 March 1949\n\nTranslated from the Norwegian.\n\n"
          "The trust's ship lay at Advent Bay [Adventfjorden] for a week, then went on to Bergen.\n")


def test_a_place_named_in_english_words_before_its_name_in_the_original_is_glossed():
    """"Advent Bay [Adventfjorden]": English words whose last names a kind of place (WordNet: bay,
    harbour, fjord), then one word of the original: the place's other name, not a foreign term."""
    body = _body(NORWAY)
    names = [(p.findtext("t:choice/t:orig", namespaces=NS), p.findtext("t:choice/t:reg", namespaces=NS))
             for p in body.iterfind(".//t:placeName", NS)]
    assert ("Advent Bay", "Adventfjorden") in names
    assert body.find(".//t:foreign", NS) is None


@pytest.mark.parametrize("line,gloss", [
    ("I. SLUSHALI [HEARD]: Cde. Gadzhiev on the food situation.", "HEARD"),
    ("SYSSELMANNEN PÅ SVALBARD [THE GOVERNOR OF SVALBARD]", "THE GOVERNOR OF SVALBARD"),
])
def test_english_in_capitals_after_the_originals_capitals_is_a_gloss(line, gloss):
    """A heading's words of the original in capitals, and their English in capitals in brackets."""
    body = _body(f"Oslo, 18 March 1949\n\n{line}\n\nThe commission met at noon.\n")
    assert [n.text for n in body.iterfind(".//t:note[@type='gloss']", NS)] == [gloss]
    assert body.find(".//t:persName", NS) is None and body.find(".//t:placeName", NS) is None


def test_an_abbreviation_spelt_out_with_a_possessive_and_an_initialism():
    """"The Burnarkompros [People's Commissariat of Education of the BMASSR]": the name spelt out."""
    body = _body("Ulan-Ude, 3 May 1931\n\nThe Burnarkompros [People's Commissariat of Education of the BMASSR] "
                 "has received no primers.\n")
    assert body.findtext(".//t:choice/t:abbr", namespaces=NS) == "Burnarkompros"


@pytest.mark.parametrize("line,term", [
    ('The kolkhoz "Yana Yul" [New Road] of the village of Kiyamovo sent a petition.', None),
    ("Under the Mining Code for Svalbard [Bergverksordningen for Svalbard] every accident is reported.",
     "Bergverksordningen for Svalbard"),
    ("Respectfully [Ærbødigst]", "Ærbødigst"),
])
def test_the_english_before_the_originals_words(line, term):
    """A quoted name in words rare in English glossed in English ("Yana Yul" [New Road]); the
    original's words after their English, a place both name too ("Code for Svalbard"), or after
    one English word opening the line (a closing formula)."""
    text = ("Skip to content\n\nMarch 21, 1949\n\nLetter from the Governor of Svalbard\n\n" + line +
            "\n\nA summary of the letter.\n\nDocument Information\n\n\nArchive, f. 1, op. 2, d. 3, l. 4.\n\n\n"
            "Original Language\n\nNorwegian\n\n\nRecord ID\n\n\n")
    body = _body(text)
    if term is None:
        assert [n.text for n in body.iterfind(".//t:note[@type='gloss']", NS)] == ["New Road"]
    else:
        assert [f.text for f in body.iterfind(".//t:foreign", NS)] == [term]


def test_an_arabic_name_with_its_particle_glossed_by_another_romanization():
    body = _body(f"{IRAQ}\n\nThe delegation will be headed by Mr. Khashim Nuri al'-Ubeidi [Hashim Nuri al-Ubaydi], "
                 "who favours the trade.\n")
    names = [(p.findtext("t:choice/t:orig", namespaces=NS), p.findtext("t:choice/t:reg", namespaces=NS))
             for p in body.iterfind(".//t:persName", NS)]
    assert ("Khashim Nuri al'-Ubeidi", "Hashim Nuri al-Ubaydi") in names, names


def test_a_gloss_that_keeps_one_word_of_the_original():
    """"the mutasarrif [governor of a liwa]": English words, and one term of the original not the first."""
    body = _body(f"{IRAQ}\n\nLetters from the mutasarrif [governor of a liwa] of Basra are to be answered.\n")
    assert [n.text for n in body.iterfind(".//t:note[@type='gloss']", NS)] == ["governor of a liwa"]


def _translated_from(language: str, line: str):
    text = ("Skip to content\n\nMarch 8, 1955\n\nLetter from a Cooperative of Settlers\n\n" + line +
            "\n\nA summary of the letter.\n\nDocument Information\n\n\nArchive, f. 1, op. 2, d. 3, l. 4.\n\n\n"
            f"Original Language\n\n{language}\n\n\nRecord ID\n\n\n")
    return _body(text)


@pytest.mark.parametrize("line,expected", [
    # a word the original's language and another both use: the original's (Portuguese uses it more)
    ("The wool is kept in our warehouses [barracas] at the port until the ship comes.", ("barracas", "es")),
    # a word of no word list, with another language named right before it: that language's
    ("Our members are Protestants of the Welsh chapels [capeli], and some of them fear the sale.", ("capeli", "cy")),
    # a word of no word list, no language named beside it: the original's
    ("Our members meet in the chapels [capeli] of the valley every week.", ("capeli", "es")),
])
def test_the_originals_language_and_a_language_named_beside_the_word(line, expected):
    body = _translated_from("Spanish", line)
    assert [(f.text, f.get(XML_LANG)) for f in body.iterfind(".//t:foreign", NS)] == [expected]


def test_a_language_named_further_back_in_the_sentence_is_not_the_words():
    """"a Macedonian theatre ..., and in the community centres [chitalishta]": the people named four
    words back and more is no word's language; the original's stands."""
    body = _translated_from("Bulgarian", "To open a Macedonian theatre in the town, and evening classes in the "
                                         "community cultural centres [chitalishta] before November.")
    assert [(f.text, f.get(XML_LANG)) for f in body.iterfind(".//t:foreign", NS)] == [("chitalishta", "bg-Latn")]


@pytest.mark.parametrize("label,gloss", [("Perepechatala", "retyped by"), ("Perepechatala", "re-typed by"),
                                         ("Zaverila", "countersigned by")])
def test_a_label_glossed_with_a_word_english_makes_with_a_prefix(label, gloss):
    """"Perepechatala [retyped by]": a word no dictionary lists whole (re- before "typed") is English all
    the same, and the bracket the label's gloss, not the original's word."""
    body = _body(f"{IRAQ}\n\n{label} [{gloss}] Ivanova\n")
    assert [n.text for n in body.iterfind(".//t:note[@type='gloss']", NS)] == [gloss]
    assert body.find(".//t:foreign", NS) is None


@pytest.mark.parametrize("word,made", [("retyped", True), ("overtyped", True), ("co-signed", True),
                                       ("countersigned", True), ("remont", False), ("pereselentsy", False),
                                       ("coal", False), ("subbotnik", False)])
def test_words_made_with_a_prefix(word, made):
    from provenance.knowledge import english

    assert english.prefixed(word) is made
