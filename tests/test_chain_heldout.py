"""Copy-chain facts of transcriptions written by a reviewer who had not read the extractor: who got
which numbered copy, which excerpt with which points, who drafted and typed."""

from __future__ import annotations

from heldout_chain import score


def test_tuning_transcriptions_give_their_chain_facts():
    """h01-h04 may be looked at while changing the rules."""
    results = score(["h01", "h02", "h03", "h04"])
    assert len(results) >= 30
    assert all(ok for *_x, ok in results), [what for _f, what, ok in results if not ok]


def test_held_out_transcriptions_stay_where_they_were_measured():
    """h05-h08 were only scored: 19 of their 22 facts were read as expected. Their copy-chain facts and their marks have since been used while changing the rules (newer sets
    are held out in their place: tests/data/heldout6 h44-h48, distribution4's even half). All 22 are read
    now ('Cde. Yudin in Peking - everything, by cipher', the addressee in the title)."""
    results = score(["h05", "h06", "h07", "h08"])
    assert len(results) >= 20
    assert all(ok for *_x, ok in results), [what for _f, what, ok in results if not ok]
