"""A thirteenth set by a reviewer who had not read the converter (tests/data/heldout13): ten
transcriptions written to look like the seeds themselves (Politburo decisions and a draft, NKVD
reports, consuls' cables, leaders' letters, a record of conversation, with the seeds' web-page
artefacts and copy lists). h95-h99 were used for tuning; h100-h104 are held out (scored only)."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set

FOLDER = Path(__file__).resolve().parent / "data" / "heldout13"
TUNE = ["h95", "h96", "h97", "h98", "h99"]
HELD_OUT = ["h100", "h101", "h102", "h103", "h104"]


def test_the_tuning_half_encodes_its_marks_and_chains():
    """On arrival 116 of its 121 marks and 27 of its 27 copy-chain facts were read as expected."""
    # raised to where it stands after this round's words for a hand's addition and languages of places
    check_set(FOLDER, TUNE, 121, 27, 119, 27)


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 115 of its 122 marks and 21 of its 25 copy-chain facts were read as expected."""
    # raised to where it stands after this round's words for a hand's addition and languages of places
    check_set(FOLDER, HELD_OUT, 122, 25, 118, 22)   # 118 since loanwords (rare in English) are the original's words


def test_a_russian_preposition_goes_with_its_russian_word():
    from heldout_marks import snippet
    body, xml, edition = snippet("having first transferred them to the reserve [v zapas] of the Red Army.")
    langs = [f.get("{http://www.w3.org/XML/1998/namespace}lang")
             for f in body.xpath("//t:foreign", namespaces={"t": "http://www.tei-c.org/ns/1.0"})]
    assert langs == ["ru-Latn"], xml
