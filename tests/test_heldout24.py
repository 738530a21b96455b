"""A twenty-fourth set by a reviewer who had not read the converter (tests/data/heldout24): ten
transcriptions in the seeds' manner from regions the others lack (a border-incident protocol on the
Paz river, a cable from Accra, a Bashkir decree on the Ishimbaevo oil field, a spravka on Western
Belorussia, a letter translated from Italian, a record of conversation in Phnom Penh, a Khakass census
instruction, a report from Hodeida, a Chuvash petition, a Karakalpak appeal). Scored on arrival:
h203-h211 (odd) are for tuning, h204-h212 (even) are held out."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set, facts_of
from provenance.chain import extract_document

FOLDER = Path(__file__).resolve().parent / "data" / "heldout24"
TUNE = ["h203", "h205", "h207", "h209", "h211"]
HELD_OUT = ["h204", "h206", "h208", "h210", "h212"]


def test_the_tuning_half_stays_where_it_was_measured():
    """On arrival 102 of its 140 marks and 8 of its 20 copy-chain facts were read as expected; 20 facts
    with the copy lines, labels and excerpt heads below."""
    check_set(FOLDER, TUNE, 140, 20, 129, 20)   # 109 marks with a hand described in other words, 127 with
    # more wordings for a page, a blank, damage, a footnote of the original, a stamp and a doubted reading


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 116 of its 146 marks and 8 of its 21 copy-chain facts were read as expected; 9 facts
    with the tuning half's rules."""
    check_set(FOLDER, HELD_OUT, 146, 21, 125, 9)   # 122 with heldout25's wordings (blind), 123 with its signatures,
    # 124 with heldout26's corrections ("sic, evidently ... is meant", blind)


def test_copy_lines_with_the_russian_number_sign_and_a_word_on_the_copy():
    facts = facts_of(extract_document(
        "Signed.\n\nEkz. NN 1, 2 (in Finnish) — to the Finnish frontier commissioner\n"
        "Ekz. N 3 — Border Guard Directorate, Leningrad\nEkz. N 4 — file\n\nOtpech. 4 ekz. Lebedeva 12.IX\n", "x"))
    assert facts["copies"] == {"1": "the Finnish frontier commissioner", "2": "the Finnish frontier commissioner",
                               "3": "Border Guard Directorate, Leningrad", "4": "file"}, facts
    assert facts["roles"].get("typed") == "Lebedeva", facts


def test_labels_read_by_their_english_gloss():
    """An original's label of several words glossed in English: a copy list ("In copia a [copies to]:"),
    a typing pool, a scribe who wrote down what others said; a count before the gloss is no label."""
    facts = facts_of(extract_document(
        "Distinti saluti.\n\nIn copia a [copies to]: 1) Camera del Lavoro, Parma; 2) Prefettura di Parma\n\n"
        "Mashbyuro [typing pool]: Kovaleva, 3.IV\n\n"
        "Pisal so slov kolkhoznikov [written down from the words of the collective farmers]: I. Petrov, teacher\n", "x"))
    assert facts["copies"] == {"1": "Camera del Lavoro, Parma", "2": "Prefettura di Parma"}, facts
    assert facts["roles"].get("typed") == "Kovaleva" and facts["roles"].get("drafted") == "Petrov", facts
    facts = facts_of(extract_document("Signed.\n\nThree copies [printed]\n", "x"))
    assert "typed" not in facts["roles"], facts


def test_a_drafter_named_inside_a_running_sentence_drafted_another_document():
    facts = facts_of(extract_document(
        "We send you herewith the list of the fallen partisans compiled by the former commander of the unit, "
        "Mr. Rossi, with their places of birth.\n\nDrafted by: A. Bianchi\n", "x"))
    assert facts["roles"].get("drafted") == "Bianchi", facts


def test_sections_of_an_instruction_sent_are_excerpts_with_their_roman_sections():
    facts = facts_of(extract_document(
        "SECRETARY [signature] A. Orlova\n\nRazdely instruktsii razoslany [sections of the instruction sent]:\n"
        "Okrug statistical bureau — razd. I-III\nvillage soviets — razd. II\n", "x"))
    assert facts["excerpts"] == [("bureau", ("1", "2", "3")), ("soviets", ("2",))], facts


def test_a_language_named_with_a_doubled_last_letter_and_one_langcodes_has_no_script_for():
    """"Khakass" names Khakas; langcodes' guess for a language it has no data on (Latin letters, the
    US) is no script, so a bracketed word in it is tagged as a romanization (kjh-Latn, xal-Latn)."""
    from provenance.knowledge.languages import named_language, romanized_tag
    assert named_language("Khakass") == "kjh-Latn" and romanized_tag("Kalmyk") == "xal-Latn"
    assert romanized_tag("Hungarian") == "hu" and named_language("English") is None


def test_a_side_of_a_letter_is_a_page():
    from heldout_marks import snippet
    body, xml, edition = snippet("We ask you to reply soon. [side 2] The wells are dry.")
    assert len(body.xpath("//t:pb[@n='2']", namespaces={"t": "http://www.tei-c.org/ns/1.0"})) == 1, xml
