"""Brackets whose reading turns on how a word is written: Chinese in Wade-Giles, a heading's word in
capitals before its original, a feature doubled inside a quoted note, a place of several words
after a preposition."""

from __future__ import annotations

import pytest
from lxml import etree

from provenance.ingest import ingest_text
from provenance.knowledge.chinese import wade_giles_words

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def _tei(text: str):
    return etree.fromstring(ingest_text(text, "doc").tei_bytes())


@pytest.mark.parametrize("words,n", [
    (["hsien-chang"], 2), (["k'o-chang"], 2), (["Kung-an", "Chü"], 3), (["t'ing"], 1),
    (["well-known"], 0), (["so-called"], 0), (["kolkhoz"], 0), (["hsien"], 0),
])
def test_wade_giles_is_told_by_its_syllables_and_its_marks(words, n):
    assert wade_giles_words(words) == n


@pytest.mark.parametrize("sentence,term", [
    ("The county heads [hsien-chang] were summoned to Tihwa.", "hsien-chang"),
    ("The section chief [k'o-chang] refused to sign.", "k'o-chang"),
    ("The Public Security Bureau [Kung-an Chü] detained them.", "Kung-an Chü"),
])
def test_chinese_in_wade_giles_after_its_english_is_the_original_word(sentence, term):
    root = _tei(f"The consul reports.\n\n{sentence}\n")
    found = [(f.text, f.get("{http://www.w3.org/XML/1998/namespace}lang"))
             for f in root.iterfind(".//t:body//t:foreign", NS)]
    assert (term, "zh-Latn") in found


def test_a_heading_word_in_capitals_before_its_original_is_no_abbreviation():
    root = _tei("PROTOCOL [protokol] No. 4\n\nThe meeting opened at ten.\n\nRESOLUTION [postanovlenie]\n\nTo approve the plan.\n")
    assert not root.findall(".//t:body//t:abbr", NS)
    assert [f.text for f in root.iterfind(".//t:body//t:foreign", NS)] == ["protokol", "postanovlenie"]


def test_a_true_abbreviation_before_its_expansion_still_is_one():
    root = _tei("The plan of the GOSPLAN [State Planning Committee] was approved.\n")
    assert [a.text for a in root.iterfind(".//t:body//t:abbr", NS)] == ["GOSPLAN"]


def test_a_signature_doubled_inside_a_quoted_note_is_one_gap_in_the_note():
    root = _tei('The grain was sent. [handwritten in the margin: "Check the figures. [[signature]]"]\n')
    add = root.find(".//t:body//t:add", NS)
    assert add is not None and add.text.strip() == "Check the figures."
    gaps = add.findall("t:gap", NS)
    assert [g.get("reason") for g in gaps] == ["signature"] and not add.findall("t:supplied", NS)


def test_a_place_of_several_words_after_a_preposition_is_glossed_whole():
    root = _tei("The lorries were held at Bor Tala Khure [Bole] for a week.\n")
    orig = root.find(".//t:body//t:placeName/t:choice/t:orig", NS)
    assert orig is not None and orig.text == "Bor Tala Khure"


@pytest.mark.parametrize("sentence,word,gloss", [
    ("The Amban [governor of the district] received the consul.", "Amban", "governor of the district"),
    ("He was sent to the Yamen [office of the magistrate] at noon.", "Yamen", "office of the magistrate"),
])
def test_an_office_named_in_the_original_after_an_article_is_glossed_in_english(sentence, word, gloss):
    root = _tei(f"The consul reports.\n\n{sentence}\n")
    notes = [n.text for n in root.iterfind(".//t:body//t:note[@type='gloss']", NS)]
    assert gloss in notes and not root.findall(".//t:body//t:supplied", NS)


@pytest.mark.parametrize("sentence,term,lang", [
    ("The herdsmen lost half their horses [aduu] in the snow.", "aduu", "mn-Latn"),
    ("The aimak cooperative [khorshoo] bought the wool.", "khorshoo", "mn-Latn"),
    ("The assembly [khuraldaan] met twice.", "khuraldaan", "mn-Latn"),
])
def test_mongolian_romanized_is_told_by_its_doubled_long_vowels(sentence, term, lang):
    root = _tei(f"The consul reports.\n\n{sentence}\n")
    found = [(f.text, f.get("{http://www.w3.org/XML/1998/namespace}lang"))
             for f in root.iterfind(".//t:body//t:foreign", NS)]
    assert (term, lang) in found


def test_a_doubled_vowel_inside_a_word_of_another_language_is_no_mongolian():
    from provenance.ingest.brackets import _mongolian_long_vowels
    assert not _mongolian_long_vowels(["odnoosibni"]) and not _mongolian_long_vowels(["cooperative"])
    assert _mongolian_long_vowels(["khoshuu"])
