"""A twenty-third set by a reviewer who had not read the converter (tests/data/heldout23): ten
transcriptions in the seeds' manner from regions the others lack (a Yakut circular, a cipher
telegram from Cairo, a letter translated from Japanese, minutes, a spravka, a memorandum, a
complaint, a record of conversation, an order, a report from Mali). Scored on arrival, written after
this round's rules: h193-h201 (odd) are for tuning, h194-h202 (even) are held out."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set

FOLDER = Path(__file__).resolve().parent / "data" / "heldout23"
TUNE = ["h193", "h195", "h197", "h199", "h201"]
HELD_OUT = ["h194", "h196", "h198", "h200", "h202"]


def test_the_tuning_half_stays_where_it_was_measured():
    """On arrival 113 of its 137 marks and 15 of its 23 copy-chain facts were read as expected."""
    check_set(FOLDER, TUNE, 137, 23, 113, 15)


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 117 of its 141 marks and 15 of its 27 copy-chain facts were read as expected."""
    check_set(FOLDER, HELD_OUT, 141, 27, 117, 15)
