"""A twenty-fourth set by a reviewer who had not read the converter (tests/data/heldout24): ten
transcriptions in the seeds' manner from regions the others lack (a border-incident protocol on the
Paz river, a cable from Accra, a Bashkir decree on the Ishimbaevo oil field, a spravka on Western
Belorussia, a letter translated from Italian, a record of conversation in Phnom Penh, a Khakass census
instruction, a report from Hodeida, a Chuvash petition, a Karakalpak appeal). Scored on arrival:
h203-h211 (odd) are for tuning, h204-h212 (even) are held out."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set

FOLDER = Path(__file__).resolve().parent / "data" / "heldout24"
TUNE = ["h203", "h205", "h207", "h209", "h211"]
HELD_OUT = ["h204", "h206", "h208", "h210", "h212"]


def test_the_tuning_half_stays_where_it_was_measured():
    """On arrival 102 of its 140 marks and 8 of its 20 copy-chain facts were read as expected."""
    check_set(FOLDER, TUNE, 140, 20, 102, 8)


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 116 of its 146 marks and 8 of its 21 copy-chain facts were read as expected."""
    check_set(FOLDER, HELD_OUT, 146, 21, 116, 8)
