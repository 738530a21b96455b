"""Closing blocks of documents (copy lists, excerpt lists, drafters and typists, registry numbers
that are not copies) written by an archivist who had not read the extractor, in sixty forms of
several countries and decades: half were used while changing the rules, half are only scored."""

from __future__ import annotations

from distribution_score import cases, score


def test_the_set_is_what_it_says():
    tune, held = cases("tune"), cases("heldout")
    assert len(tune) == 30 and len(held) == 30
    assert sum(1 for c in tune + held if not c["copies"] and not c["excerpts"]) >= 8   # nothing to find


def test_the_tuning_half_is_read_as_the_archivist_reads_it():
    results = score("tune")
    assert len(results) >= 100
    assert all(ok for *_x, ok in results), [f"{c}: {what}" for c, what, ok in results if not ok]


def test_the_held_out_half_stays_where_it_was_measured():
    """Scored only: 30 of its 90 facts were read before the rules learnt from the other half, 61
    after. This guards against a change that makes it worse."""
    results = score("heldout")
    assert len(results) >= 85
    assert sum(ok for *_x, ok in results) >= 61
