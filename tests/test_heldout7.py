"""A seventh set by a reviewer who had not read the converter (tests/data/heldout7): six
transcriptions in the seeds' world (a cipher cable from Urumqi, an NKVD interrogation, Kirghiz
party minutes, an MGB spravka, a Council of Ministers resolution, an embassy report from Ulan
Bator) and four of other origins (Afghan, Turkish, Japanese, Polish), held out whole: scored only,
never looked at while changing the rules."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set

FOLDER = Path(__file__).resolve().parent / "data" / "heldout7"


def test_the_set_held_out_whole_stays_where_it_was_measured():
    """On arrival 216 of its 259 marks and 65 of its 68 copy-chain facts were read as expected; 226
    marks after the rules learnt from heldout8, written for tuning while this set stayed held out;
    228 after a word of no English and no Russian took the language its sentence names."""
    check_set(FOLDER, ["h"], 259, 68, 228, 65)
