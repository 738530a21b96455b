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
    check_set(FOLDER, TUNE, 137, 23, 123, 23)   # 20 facts with "Kopiya 1-ya — ...", "Podgotovila: sanitary
    # doctor E. Tadysheva" and "Tantōsha [person in charge]: Ōno Kenji"; 23 with "Vypiski iz prikaza [extracts of the order]:"


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 117 of its 141 marks and 15 of its 27 copy-chain facts were read as expected; 118 marks
    with the tuning half's words for a hand and for a blank."""
    check_set(FOLDER, HELD_OUT, 141, 27, 118, 15)
