"""A twenty-first set by a reviewer who had not read the converter (tests/data/heldout21): ten
transcriptions in the seeds' manner from regions and institutions the others lack (a Tajik party
decision on resettling Garm families, a cipher telegram from Valencia on Basque children, a letter
translated from Swedish by the Finnish reparations delegation, a record of conversation in Jakarta,
an instruction on Chukotka's "red yarangas", an order of the Soviet oil administration in Austria, a
petition of resettled kolkhozniks in the Crimea, a report from the Kuril Islands, a protocol of the
Ashkhabad earthquake commission, an information note from Bratislava). Scored on arrival, no rule
written for it: h173-h181 (odd) are for tuning, h174-h182 (even) are held out."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set

FOLDER = Path(__file__).resolve().parent / "data" / "heldout21"
TUNE = ["h173", "h175", "h177", "h179", "h181"]
HELD_OUT = ["h174", "h176", "h178", "h180", "h182"]


def test_the_tuning_half_stays_where_it_was_measured():
    """On arrival 111 of its 129 marks and 10 of its 17 copy-chain facts were read as expected; then 118
    marks with more words for a stamp and a hand ("stamp of the Allied Control Commission:", "[Continued
    by hand:]", "[In pencil, in another hand:]", "inserted between the lines", "on the back") and
    signatures counted ("[14 more signatures]"), and 16 facts with "Ispoln." and "Sostavitel'" for the
    drafter and "Extracts of the protocol to be sent:" over a bulleted list; 119 marks with a word of no
    list in the language the header names for the original before its places' ("[träskonare]": Swedish)."""
    check_set(FOLDER, TUNE, 129, 17, 119, 16)


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 117 of its 130 marks and 20 of its 32 copy-chain facts were read as expected."""
    check_set(FOLDER, HELD_OUT, 130, 32, 118, 26)   # 118 since a gloss may keep one term of the original;
    # 26 facts since copies in transliterated Russian ("Ekzemplyar 2 — ...", a rule written on heldout23's tuning half)
