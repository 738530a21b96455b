"""An eighth set by a reviewer who had not read the converter (tests/data/heldout8), written for
tuning while heldout7 stayed held out: ten transcriptions (seven in the seeds' world, a Hungarian,
a Romanian and a Bulgarian document) whose point is the variety of ways editors write their marks."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set
from heldout_marks import snippet

FOLDER = Path(__file__).resolve().parent / "data" / "heldout8"
TEI = "{http://www.tei-c.org/ns/1.0}"


def test_the_tuning_transcriptions_encode_their_marks_and_chains():
    """On arrival 192 of their 274 marks and 63 of their 73 copy-chain facts were read as expected."""
    # raised to where it stands after this round's words for a hand's addition and languages of places
    check_set(FOLDER, ["h"], 274, 73, 248, 73)   # 248 since loanwords (rare in English) are the original's words


def test_more_ways_of_writing_a_mark():
    cases = [
        ("the official Tokhtasyn [?] came", "<unclear", "Tokhtasyn"),                 # the word read with doubt
        ('he "has 20,000 [!] men"', "<sic", "20,000"),                               # an error flagged with "!"
        ("a further 500 [recte 300] people", "<corr", "300"),                         # a correction without "sic"
        ("grain by 15 October [sic, read: 15 November] was", "<corr", "15 November"),
        ("from the [page torn] district", '<gap reason="damage"', "page torn"),       # lost to damage
        ("had the doors of [2 illegible words] closed", '<gap reason="illegible" quantity="2" unit="words"', None),
        ("the Kazakhs of the [word unclear] aul", '<gap reason="illegible"', None),
        ("Urzhar. [Editor's note: the letter gives 1,400.]", '<note type="editor"', "the letter gives 1,400."),
        ("the Industry [space left blank in the original] will", "<space", None),
        ('the management [deleted in the original: "had already been settled"] was', "<del",
         "had already been settled"),
        ('the incident. [in pencil: "Lkhamsuren - draft"]', "<add", "Lkhamsuren - draft"),
        ("for this purpose the SMTs [machine and tractor stations] will", "<abbr", "SMTs"),
    ]
    for text, tag, content in cases:
        _body, xml, edition = snippet(text)
        assert tag in xml, (text, xml)
        if content is not None:
            assert ">" + content + "<" in xml, (text, xml)
        assert text in edition, (text, edition)   # nothing is lost
