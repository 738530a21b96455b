"""A twenty-fifth set by a reviewer who had not read the converter (tests/data/heldout25): ten
transcriptions in the seeds' manner from regions the others lack (an Udmurt decision, a cipher
telegram from Reykjavik, a Birobidzhan report, Kola minutes, a letter translated from Spanish on the
Welsh of Chubut, a spravka on Northern Bukovina, a Mordovian order, an Adyghe petition, a record of
conversation in Khartoum, a memorandum on Belgium's coal mines). Scored on arrival, written after the
heldout24 rules: h213-h221 (odd) are for tuning, h214-h222 (even) are held out."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set

FOLDER = Path(__file__).resolve().parent / "data" / "heldout25"
TUNE = ["h213", "h215", "h217", "h219", "h221"]
HELD_OUT = ["h214", "h216", "h218", "h220", "h222"]


def test_the_tuning_half_stays_where_it_was_measured():
    """On arrival 96 of its 150 marks and 18 of its 25 copy-chain facts were read as expected."""
    check_set(FOLDER, TUNE, 150, 25, 128, 25)   # 119 marks with more wordings read by what they say, 123 with
    # a signature named otherwise, 124 with a margin note described by its language, 127 with a label
    # glossed in a word English makes with a prefix (retyped), the original's language preferred
    # among word lists (barracas) and a language named beside a word (the Welsh chapels [capeli]);
    # 25 facts with roles after a dash, a note-taker glossed, excerpts under a glossed head with "punkty"


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 123 of its 167 marks and 12 of its 22 copy-chain facts were read as expected."""
    check_set(FOLDER, HELD_OUT, 167, 22, 130, 13)   # 125 with heldout26's hand after a place alone (blind), 129
    # with its blanks, pages and damaged readings (blind)


def test_roles_after_a_dash_a_note_taker_glossed_and_overtyped_words_no_typist():
    from heldout_chain import facts_of
    from provenance.chain import extract_document
    facts = facts_of(extract_document(
        "The district has no seed.\n\n[overtyped: \"from its own funds\"]\n\n"
        "Drafted — agronomist P. Vainer; typed — R. Gurvich.\n", "x"))
    assert facts["roles"].get("drafted") == "Vainer" and facts["roles"].get("typed") == "Gurvich", facts
    facts = facts_of(extract_document("Zapisal [took the notes]: attaché K. Rudnev\n", "x"))
    assert facts["roles"].get("drafted") == "Rudnev", facts


def test_excerpts_under_a_glossed_head_with_the_points_in_transliteration():
    from heldout_chain import facts_of
    from provenance.chain import extract_document
    facts = facts_of(extract_document(
        "Signed.\n\nVypiski [extracts] iz resheniya:\npunkty 1-2 — Pedagogical Institute\npunkt 3 — Gosizdat\n", "x"))
    assert facts["excerpts"] == [("institute", ("1", "2")), ("gosizdat", ("3",))], facts


def test_a_signature_named_otherwise_is_a_gap_for_a_signature():
    from heldout_marks import snippet
    for mark in ("[autograph signature]", "[signature in ink]", "[sgd.]"):
        body, xml, edition = snippet(f"Chairman of the committee {mark} P. Ivanov")
        gaps = body.xpath("//t:gap[@reason='signature']", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
        assert len(gaps) == 1 and mark in edition, xml
