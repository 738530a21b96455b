"""A twelfth set by a reviewer who had not read the converter (tests/data/heldout12): ten
transcriptions in the seeds' world with marks the table does not list (a doubtful reading, a
hand's medium, a Russian heading in capitals). h85-h89 were used for tuning; h90-h94 are held out
(scored only, never looked at while changing the rules)."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set, facts_of
from heldout_marks import snippet
from provenance.chain import extract_document

FOLDER = Path(__file__).resolve().parent / "data" / "heldout12"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
TUNE = ["h85", "h86", "h87", "h88", "h89"]
HELD_OUT = ["h90", "h91", "h92", "h93", "h94"]


def test_the_tuning_half_encodes_its_marks_and_chains():
    """On arrival 73 of its 100 marks and 25 of its 29 copy-chain facts were read as expected."""
    check_set(FOLDER, TUNE, 100, 29, 93, 29)   # raised to where it stands: 93 with loanwords (rare in English)


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 77 of its 100 marks and 28 of its 28 copy-chain facts were read as expected; 81
    marks since a bare "[signature]" is a gap with reason="signature" (a rule measured on the
    tuning half)."""
    check_set(FOLDER, HELD_OUT, 100, 28, 86, 28)


def _encode(text: str):
    body, xml, edition = snippet(text)
    assert text in edition, (text, edition)   # nothing is lost
    return body, xml


def test_a_reading_offered_with_doubt():
    body, xml = _encode("I gave it to the mullah [Haji?] Ismail, and he burned it.")
    assert body.xpath("//t:unclear/text()", namespaces=NS) == ["Haji"], xml
    body, xml = _encode("you met in Kashgar with the chief of the city police, Ma Te-sheng [Ma Desheng?]. Why?")
    name = body.xpath("//t:persName[@cert='low']", namespaces=NS)
    assert name and name[0].xpath(".//t:reg/text()", namespaces=NS) == ["Ma Desheng"], xml


def test_a_hand_in_pencil_and_a_russian_heading_in_capitals():
    body, xml = _encode("Strictly Secret\n\n[Handwritten in pencil:] Not for the press.")
    assert body.xpath("//t:handShift/@medium", namespaces=NS) == ["pencil"], xml
    body, xml = _encode("RECORD OF INTERROGATION [PROTOKOL DOPROSA]\n\nof the accused YUSUPOV Khalil")
    assert body.xpath("//t:foreign/text()", namespaces=NS) == ["PROTOKOL DOPROSA"], xml
    assert not body.xpath("//t:persName", namespaces=NS), xml


def test_an_abbreviation_whose_expansion_keeps_its_last_word():
    body, xml = _encode("According to the reports of the PP OGPU [Plenipotentiary Representation of the OGPU] in Kazakhstan.")
    assert body.xpath("//t:abbr/text()", namespaces=NS) == ["PP OGPU"], xml


def test_supplied_letters_a_glossed_extract_an_affiliation_and_a_case_file():
    facts = facts_of(extract_document(
        "Vypiska [Extract] of point 3 sent to the PP OGPU in Kazakhstan by cipher.\n\nIsp. Zhunusov\n\nPech. [G]orelova", "x"))
    assert facts["roles"] == {"drafted": "Zhunusov", "typed": "Gorelova"}, facts
    assert [p for _w, p in facts["excerpts"]] == [("3",)], facts
    facts = facts_of(extract_document(
        "Otp. 3 ekz.\n1 - to investigation case N° 4471;\n2 - Cde. Molotov\n"
        "3 - Cde. Gritsenko (NKVT [People's Commissariat of Foreign Trade])", "x"))
    copies = facts["copies"]
    assert copies["1"].endswith("(file)") and copies["2"] == "Molotov" and copies["3"] == "Gritsenko", facts


def test_a_word_of_no_word_list_in_the_language_the_document_names():
    """"qystau" (q: no romanization of Russian writes it) in a decree of the Kazakh ASSR is Kazakh; a
    Russian word the dictionary misses stays Russian; Kirghiz is Kyrgyz by WordNet; a short
    capitalized word ("Ak-Suu") names no language."""
    from provenance.knowledge.languages import named_language
    assert named_language("Kirghiz") == "ky-Latn" and named_language("Uighur") == "ug-Latn"
    assert named_language("Ak") is None
    text = ("Decree of the Council of People's Commissars of the Kazakh ASSR\n\nThe households are to be "
            "settled in their old winter quarters [qystau].\n\nThe migrants [otkochevniki] are to be returned.")
    body, xml = _encode(text)
    langs = {f.text: f.get("{http://www.w3.org/XML/1998/namespace}lang") for f in body.xpath("//t:foreign", namespaces=NS)}
    assert langs["qystau"] == "kk-Latn" and langs["otkochevniki"] != "kk-Latn", xml
