"""A twenty-sixth set by a reviewer who had not read the converter (tests/data/heldout26): ten
transcriptions in the seeds' manner from regions the others lack (a Volga German famine circular,
a cable on the Faroese fisheries, a Komi-Permyak protocol, the handover of the Solotvino salt mines,
a letter of the Russian colony in Uruguay, a spravka on the American Finns of Karelia, an Ossetian
schools instruction, a conversation with the consul on the Åland Islands, a report from Ceylon, a
memorandum on Abkhazian tobacco). Scored on arrival: h223-h231 (odd) are for tuning, h224-h232
(even) are held out."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set

FOLDER = Path(__file__).resolve().parent / "data" / "heldout26"
TUNE = ["h223", "h225", "h227", "h229", "h231"]
HELD_OUT = ["h224", "h226", "h228", "h230", "h232"]


def test_the_tuning_half_stays_where_it_was_measured():
    """On arrival 122 of its 173 marks and 12 of its 21 copy-chain facts were read as expected."""
    check_set(FOLDER, TUNE, 173, 21, 122, 12)


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 108 of its 173 marks and 12 of its 25 copy-chain facts were read as expected."""
    check_set(FOLDER, HELD_OUT, 173, 25, 108, 12)
