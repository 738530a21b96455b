"""A twenty-sixth set by a reviewer who had not read the converter (tests/data/heldout26): ten
transcriptions in the seeds' manner from regions the others lack (a Volga German famine circular,
a cable on the Faroese fisheries, a Komi-Permyak protocol, the handover of the Solotvino salt mines,
a letter of the Russian colony in Uruguay, a spravka on the American Finns of Karelia, an Ossetian
schools instruction, a conversation with the consul on the Åland Islands, a report from Ceylon, a
memorandum on Abkhazian tobacco). Scored on arrival: h223-h231 (odd) are for tuning, h224-h232
(even) are held out."""

from __future__ import annotations

from pathlib import Path

import pytest

from heldout_chain import check_set

FOLDER = Path(__file__).resolve().parent / "data" / "heldout26"
TUNE = ["h223", "h225", "h227", "h229", "h231"]
HELD_OUT = ["h224", "h226", "h228", "h230", "h232"]


def test_the_tuning_half_stays_where_it_was_measured():
    """On arrival 122 of its 173 marks and 12 of its 21 copy-chain facts were read as expected."""
    check_set(FOLDER, TUNE, 173, 21, 160, 21)   # 124 with a hand's words after a place on the page alone,
    # 131 with what "cannot be made out" a gap, 134 with more names of a signature, 140 with sics and
    # corrections worded otherwise, 156 with more wordings of blanks, deletions, pages, notes, gaps and
    # doubted readings, 158 with a hyphenated language name one language (Komi-Permyak), 160 with a soft
    # sign's apostrophe part of a glossed word (uchitel' [teacher]); 21 facts with roles glossed "typed out by" and "drew up", no drafter after a comma in
    # a running sentence, a copy list continued by ordinals alone, excerpts by section signs and arrows


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 108 of its 173 marks and 12 of its 25 copy-chain facts were read as expected."""
    check_set(FOLDER, HELD_OUT, 173, 25, 115, 12)   # 115 with the rules written from the tuning half (blind)


T = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.mark.parametrize("mark,place", [
    ('[in the right-hand margin: "Point 6 - agree with the council. K."]', "margin"),
    ('[alongside paragraph 3, in the margin: "Ask the ministry. R."]', "margin"),
    ('[resolution in blue ink above the address: "To the file. K."]', "top"),
])
def test_a_hands_quoted_words_after_a_place_on_the_page(mark, place):
    """A place on the page is description enough for the quoted words of a hand (no pen or ink named);
    a note "in the margin of the original" stays the original's note."""
    from heldout_marks import snippet
    body, xml, edition = snippet(f"The seed is to be returned. {mark}")
    adds = body.xpath("//t:add", namespaces=T)
    assert [a.get("place") for a in adds] == [place] and mark in edition, xml
    body, xml, _e = snippet('The seed is to be returned. [Note in the margin of the original: "Agreed. V. L."]')
    assert not body.xpath("//t:add", namespaces=T), xml


@pytest.mark.parametrize("mark", ["[name cannot be made out]", "[one word cannot be read]", "[line could not be read]",
                                  "[initials, not deciphered]"])
def test_a_passage_that_cannot_be_read_is_an_illegible_gap(mark):
    from heldout_marks import snippet
    body, xml, edition = snippet(f"The felt boots {mark} were sent back.")
    assert len(body.xpath("//t:gap[@reason='illegible']", namespaces=T)) == 1 and mark in edition, xml


@pytest.mark.parametrize("mark", ["[facsimile signature]", "[hand-signed]", "[his signature]"])
def test_more_names_of_a_signature(mark):
    from heldout_marks import snippet
    body, xml, edition = snippet(f"SECRETARY {mark} P. Ponosov")
    assert len(body.xpath("//t:gap[@reason='signature']", namespaces=T)) == 1 and mark in edition, xml


@pytest.mark.parametrize("text,sic,corr", [
    ("They give 75,000 [sic, as in original] roubles.", "75,000", None),
    ("About 14,000 [as written] families.", "14,000", None),
    ("Sent from Cherdyn' [thus; evidently Solikamsk is meant] by rail.", "Cherdyn'", "Solikamsk"),
    ("The colony founded in 1931 [sic. Read: 1913] by the settlers.", "1931", "1913"),
    ("Decided in December 1936 [error in the original for 1937] by the bureau.", "1936", "1937"),
    ("The port could take 4,000 [sic; the correct figure is 2,400] tons.", "4,000", "2,400"),
])
def test_a_sic_and_a_correction_worded_otherwise(text, sic, corr):
    from heldout_marks import snippet
    body, xml, edition = snippet(text)
    assert [s.text for s in body.xpath("//t:sic", namespaces=T)] == [sic], xml
    assert [c.text for c in body.xpath("//t:corr", namespaces=T)] == ([corr] if corr else []), xml
    assert text in edition


@pytest.mark.parametrize("text,xpath", [
    ("The tax is due on [space for the date] at the office.", "//t:space"),
    ("The Executive Committee for [unfilled space] agreed.", "//t:space"),
    ("Deliveries are expected in [empty in the original] next year.", "//t:space"),
    ('They will stay in Uruguay [inked out: "to the end"] as before.', "//t:del[.='to the end']"),
    ('Burnt [scratched out: "on the spot"] and not sent back.', "//t:del[.='on the spot']"),
    ("Sverdlovsk has refused. [verso] The rest was sent.", "//t:pb"),
    ("The rubber is in the tea. [second page] The tea is sold.", "//t:pb[@n='2']"),
    ("The land will be taxed at [no figure in the original] per cent.", "//t:gap[@reason='omitted']"),
    ("For those who return [text destroyed by damp] the land.", "//t:gap[@reason='damage']"),
    ("Members of the council: P. Shcherbinin [and 17 other signatures]", "//t:gap[@reason='signature'][@quantity='17']"),
    ("Cde. Gabaraev [the reading is conjectural] reported.", "//t:unclear"),
    ('Kegalle and [torn; the word may be "Ratnapura"] districts.', "//t:unclear[@reason='damage'][.='Ratnapura']"),
])
def test_more_wordings_of_the_editors_marks(text, xpath):
    """Blanks, deletions, pages, gaps, signatures and doubted readings worded as another editor words
    them: what each says, not a list of its phrasings, decides the element."""
    from heldout_marks import snippet
    body, xml, edition = snippet(text)
    assert len(body.xpath(xpath, namespaces=T)) == 1 and text in edition, xml


@pytest.mark.parametrize("mark,kind", [
    ("[Author's footnote: The figures are those of the okrug.]", "//t:note[@place='bottom']"),
    ("[Footnote 1 in the document: The list of the families is attached.]", "//t:note[@place='bottom']"),
    ("[Original note, bottom of sheet: The table of letters is attached.]", "//t:note[@place='bottom']"),
    ("[Translation note: the names are given in the Russian form.]", "//t:note[@type='translator']"),
])
def test_notes_of_the_original_and_of_the_translator_labelled_otherwise(mark, kind):
    from heldout_marks import snippet
    body, xml, edition = snippet(f"The schools open in May. {mark}")
    assert len(body.xpath(kind, namespaces=T)) == 1 and mark in edition, xml


def _facts(text: str) -> dict:
    from heldout_chain import facts_of
    from provenance.chain import extract_document
    return facts_of(extract_document(text, "x"))


def test_roles_glossed_with_a_particle_and_no_drafter_after_a_comma_in_a_sentence():
    facts = _facts("The seed is sent.\n\nPerepisala na mashinke [typed out by] E. Kraft\n")
    assert facts["roles"].get("typed") == "Kraft", facts
    facts = _facts("The seed is sent.\n\nOformil [drew up]: secretary of the Presidium P. Kon'shin\n")
    assert (facts["roles"].get("drafted") or "").endswith("P. Kon'shin"), facts
    facts = _facts("The institute is to publish the rules and the dictionary, prepared by the commission of S. Tsomaev.\n\n"
                   "Exec. B. Kaloev, tel. 2-14; typ. Z. Tibilova\n")
    assert facts["roles"].get("drafted") == "Kaloev", facts


def test_a_copy_list_continued_by_ordinals_alone():
    """"Pervyi ekz. [first copy] — X" then "vtoroi [second] — Y": the list goes on by its ordinals."""
    facts = _facts("TRADE REPRESENTATIVE [signature] G. Rybalko\n\nPervyi ekz. [first copy] — Ministry of Foreign Trade\n"
                   "vtoroi [second] — Embassy of the USSR in Ceylon\ntretii [third] — file\n")
    assert facts["copies"] == {"1": "Ministry of Foreign Trade", "2": "Embassy of the USSR in Ceylon", "3": "file"}, facts
    facts = _facts("The plan is approved.\n\nsecond — the harvest is gathered\n")
    assert not facts["copies"], facts


def test_excerpts_by_section_signs_and_arrows():
    facts = _facts("Signed.\n\nIzvlecheniya [excerpts] napravleny [sent]:\n§ 2, § 3 → State Publishing House\n"
                   "§ 3 → NII\n§§ 4-7 → district departments of education\n")
    assert sorted(facts["excerpts"]) == [("education", ("4", "5", "6", "7")), ("house", ("2", "3")), ("nii", ("3",))], facts


def test_a_hyphenated_language_name_is_one_language():
    """"Komi-Permyak" names one language (koi), not Komi (kv) and a word after it; "Russian-Uzbek" still
    names its two."""
    from provenance.knowledge import languages
    assert languages.language_named_most("The schools teach in Komi-Permyak. The Komi-Permyak okrug has 40 schools.") == "koi-Latn"
    assert languages.language_named_near("a Russian-Uzbek dictionary of the", 30) == "uz"   # the nearer part


@pytest.mark.parametrize("line,gloss", [("Written down by the local teacher [by]: uchitel' [teacher] I. Orlov", "teacher"),
                                        ("Mashinopis' [typing]: E. Golubeva", "typing"),
                                        ("Ispolnitel' [executor]: A. Sidorov", "executor")])
def test_a_transliterated_word_with_its_soft_sign_glossed(line, gloss):
    """"uchitel' [teacher]": the apostrophe of the soft sign is part of the transliterated word, which the
    bracket translates (a gloss, not words the translator supplied)."""
    from heldout_marks import snippet
    body, xml, edition = snippet(f"The teachers are to be paid.\n\n{line}")
    assert gloss in [n.text for n in body.xpath("//t:note[@type='gloss']", namespaces=T)], xml
