"""Closing lines read as an archivist reads them: an abbreviated Russian label of the drafter, a typist
whose name begins with a letter beyond ASCII, a titled person of a body as an excerpt's recipient,
several numbered copies on one line under a print run, labels of the drafter and the
typist in more languages, and excerpts whose items come first in Roman figures."""

from __future__ import annotations

from heldout_chain import facts_of

from provenance.chain import extract_document

DECISION = ("DECISION\n\n1. To send grain to the southern districts.\n\n2. To send seed.\n\n"
            "3. To send cattle to the collective farms.\n\n")


def test_an_abbreviated_label_and_a_typist_beyond_ascii():
    text = DECISION + "Razmn. 12 ekz.\n\nPodgot. Pankratov\n\nTypist - É. Szabó\n"
    roles = facts_of(extract_document(text, "x"))["roles"]
    assert roles.get("drafted", "").endswith("Pankratov") and roles.get("typed", "").endswith("Szabó"), roles


def test_a_titled_person_of_a_body_receives_the_excerpt():
    text = DECISION + ("Extracts sent:\nto the Council of Ministers of the MSSR (points 1, 2);\n"
                       "to Cde. Gladky of the Moldavpotrebsoyuz (point 3), by telegraph;\n"
                       "to the Ministry of Health of the MSSR (point 2).\n")
    got = facts_of(extract_document(text, "x"))["excerpts"]
    assert ("gladky", ("3",)) in got, got
    # an office after the title is no person: "Comrade Minister of Trade" stays whole
    text = text.replace("Cde. Gladky of the Moldavpotrebsoyuz", "Comrade Minister of the Trade")
    assert ("minister", ("3",)) not in facts_of(extract_document(text, "x"))["excerpts"]


def test_several_copies_on_one_line_under_a_print_run():
    text = DECISION + ("Otpechatano 3 ekz.\n\nCopy 1 - addressee; copy 2 - Trade Representation of the USSR in "
                       "Hungary; copy 3 - file.\n")
    copies = facts_of(extract_document(text, "x"))["copies"]
    assert sorted(copies) == ["1", "2", "3"] and "Trade Representation" in copies["2"] and "file" in copies["3"], copies


def test_more_labels_of_the_drafter_and_an_excerpt_list_in_bullets():
    text = DECISION + ("Extracts of the protocol to be sent:\n- to the Ministry of Health of the TSSR - on item 1;\n"
                       "- to the Ashkhabad railway - on items 2 and 3.\n\nIspoln. Mirzoeva\n\nOtp. Khabibova 24.III.49\n")
    facts = facts_of(extract_document(text, "x"))
    assert ("tssr", ("1",)) in facts["excerpts"] and ("railway", ("2", "3")) in facts["excerpts"], facts["excerpts"]
    assert facts["roles"].get("drafted", "").endswith("Mirzoeva") and facts["roles"].get("typed", "").endswith("Khabibova")
    roles = facts_of(extract_document(DECISION + "Sostavitel': okrug inspector of culture A. Fedoseeva\n", "x"))["roles"]
    assert roles.get("drafted", "").endswith("Fedoseeva"), roles



def test_labels_of_the_drafter_and_the_typist_in_more_languages():
    for text, role, name in (
            ("Avtor proekta: B. Ochirov\n", "drafted", "Ochirov"),
            ("Razrabotal: Karasev (Eastern Countries Trade Department)\n", "drafted", "Karasev"),
            ("Saksbehandler [official in charge of the case]: first secretary O. Nygaard\n", "drafted", "Nygaard"),
            ("Mashinopis': Sedykh 12.III.31\n", "typed", "Sedykh"),
            ("Perepechatal s chernovika [typed from the draft]: Sultanov\n", "typed", "Sultanov")):
        roles = facts_of(extract_document(DECISION + text, "x"))["roles"]
        assert name in roles.get(role, ""), (text, roles)


def test_excerpts_whose_items_come_first_in_roman_figures():
    text = DECISION + ("Extracts sent:\non item I - to the Narkomprod of the RSFSR, by direct wire;\n"
                       "on items I and III - to the Dagprodkom;\non items I-III - to the Kavbyuro.\n")
    got = facts_of(extract_document(text, "x"))["excerpts"]
    assert ("rsfsr", ("1",)) in got and ("dagprodkom", ("1", "3")) in got and ("kavbyuro", ("1", "2", "3")) in got, got


def test_who_wrote_a_petition_for_others_and_who_typed_it():
    text = DECISION + ("The petition was written at the request of the meeting by the kolkhoz accountant G. Sabirova "
                       "and typed at the village soviet by Z. Galieva.\n")
    roles = facts_of(extract_document(text, "x"))["roles"]
    assert "Sabirova" in roles.get("drafted", "") and "Galieva" in roles.get("typed", ""), roles
    roles = facts_of(extract_document(DECISION + "Written at the request of the kolkhozniks by the teacher A. Zaitseva.\n",
                                      "x"))["roles"]
    assert "Zaitseva" in roles.get("drafted", ""), roles
    # a sentence about another paper names no drafter of this one
    roles = facts_of(extract_document(DECISION + "The report of the raion was written by Cde. Ivanov in May.\n", "x"))["roles"]
    assert "drafted" not in roles, roles


def test_copies_in_transliterated_russian_and_more_labels_of_the_drafter():
    copies = facts_of(extract_document(DECISION + "Kopiya 1-ya — YaTsIK\nKopiya 2-ya — Narkomzem of the RSFSR, Moscow\n"
                                                  "Kopiya 3-ya — file\n", "x"))["copies"]
    assert sorted(copies) == ["1", "2", "3"] and "YaTsIK" in copies["1"] and "file" in copies["3"], copies
    for text, name in (("Podgotovila: sanitary doctor E. Tadysheva\n", "Tadysheva"),
                       ("Tantōsha [person in charge]: Ōno Kenji, secretary of the branch\n", "Ōno")):
        roles = facts_of(extract_document(DECISION + text, "x"))["roles"]
        assert name in roles.get("drafted", ""), (text, roles)


def test_excerpts_under_the_originals_heading_glossed():
    text = DECISION + ("Vypiski iz prikaza [extracts of the order]:\nto the Kosh-Agach district hospital — §§ 1, 3;\n"
                       "to the Ongudai medical station — § 2.\n")
    got = facts_of(extract_document(text, "x"))["excerpts"]
    assert ("hospital", ("1", "3")) in got and ("station", ("2",)) in got, got
