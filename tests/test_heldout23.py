"""A twenty-third set by a reviewer who had not read the converter (tests/data/heldout23): ten
transcriptions in the seeds' manner from regions the others lack (a Yakut circular, a cipher
telegram from Cairo, a letter translated from Japanese, Chechen-Ingush minutes, a Kalmyk spravka, a
memorandum from Jáchymov, a Komi complaint, a record of conversation in Kathmandu, an Oirot order,
a report from Mali). Scored on arrival, written after
this round's rules: h193-h201 (odd) are for tuning, h194-h202 (even) are held out."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set

FOLDER = Path(__file__).resolve().parent / "data" / "heldout23"
TUNE = ["h193", "h195", "h197", "h199", "h201"]
HELD_OUT = ["h194", "h196", "h198", "h200", "h202"]


def test_the_tuning_half_stays_where_it_was_measured():
    """On arrival 113 of its 137 marks and 15 of its 23 copy-chain facts were read as expected; 123
    marks with more words for a hand ("[pencilled in the margin beside point 3: ...]", "[in Russian, in
    pencil, in the left margin of the last page: ...]", "[at the foot of the last page, in pencil: ...]",
    "[The following in another hand:]"), blanks and gaps named by what is missing ("[date left blank]",
    "[sum not stated in the original]"), "[page 2 of the Japanese original]" and "[and 11 more signatures]"."""
    check_set(FOLDER, TUNE, 137, 23, 126, 23)   # 20 facts with "Kopiya 1-ya — ...", "Podgotovila: sanitary
    # doctor E. Tadysheva" and "Tantōsha [person in charge]: Ōno Kenji"; 23 with "Vypiski iz prikaza [extracts of the order]:"


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 117 of its 141 marks and 15 of its 27 copy-chain facts were read as expected; 118 marks
    with the tuning half's words for a hand and for a blank."""
    check_set(FOLDER, HELD_OUT, 141, 27, 122, 15)


def test_a_word_of_a_russian_original_that_is_not_russian_takes_the_language_the_document_names():
    """In a Russian original whose places lie in Russia, a bracketed word that is no Russian word
    ("[alaas]", the lake hollows of Yakutia, in a sentence that names no language) is in the language
    the document names most (Yakut), not in Russian; a Russian word beside it stays Russian."""
    from lxml import etree

    from provenance.ingest import ingest_text
    text = ("**Circular of the People's Commissariat of Agriculture of the Yakut ASSR**\n\n"
            "**Original Language:**\n\nRussian\n\n**Contents:**\n\nTranslation - English\n\n"
            "The summer was dry in the Yakut republic.\n\nIn the Megino-Kangalasskii ulus the meadows in the lake "
            "hollows [alaas] have dried out, and the hay stocks [senozagotovki] are short in Yakutsk and Olekminsk.\n")
    tree = ingest_text(text, "c.txt").tree
    langs = {f.text: f.get("{http://www.w3.org/XML/1998/namespace}lang")
             for f in tree.iter("{http://www.tei-c.org/ns/1.0}foreign")}
    assert langs == {"alaas": "sah-Latn", "senozagotovki": "ru-Latn"}, etree.tostring(tree, encoding=str)
