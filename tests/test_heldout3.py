"""A third set of transcriptions by a reviewer who had not read the converter (tests/data/heldout3:
Hungarian, Bulgarian, North Korean, Romanian, East German, Yugoslav, Albanian and Cuban documents):
h15-h18 were used while changing the rules, h19-h22 are only scored. And the forms they brought:
the original's language named in the header, letters only one language writes, abbreviated labels
translated in brackets, names of places of several words, copy lists after "Made in N copies.",
excerpt lists under "Extracts:", roles on one line between slashes."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set

from provenance.chain import extract_document
from provenance.ingest import ingest_text

FOLDER = Path(__file__).resolve().parent / "data" / "heldout3"
TUNE = ["h15", "h16", "h17", "h18"]
HELD_OUT = ["h19", "h20", "h21", "h22"]
TEI = "{http://www.tei-c.org/ns/1.0}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_the_tuning_transcriptions_encode_their_marks_and_chains():
    check_set(FOLDER, TUNE, 104, 33, 103, 33)


def test_the_held_out_transcriptions_stay_where_they_were_measured():
    """On arrival 77 of their 97 marks and 16 of their 33 copy-chain facts were read as expected;
    83 and 18 after the rules these documents' companions brought, scored only. Their copy-chain facts and their marks have since been used while changing the rules (newer sets
    are held out in their place: tests/data/heldout6 h44-h48, distribution4's even half).
    All 33 facts are read now ('Point 3 sent as an extract to ...', 'Extract (points 2 and 4) to ...',
    'This order is communicated: points 1, 5 and 6 to ...', 'Dostavljeno [Delivered to]:', 'Drawn up:'), and 93 of the 97 marks."""
    check_set(FOLDER, HELD_OUT, 97, 33, 93, 33)


WEB_HEAD = "Skip to content\n\nMay 2, 1952\n\nReport on the Grain Collection\n\n"
WEB_TAIL = ("\n\nA summary of the report.\n\nDocument Information\n\n\nArchive, f. 1, op. 2, d. 3, l. 4.\n\n\n"
            "Original Language\n\n{lang}\n\n\nRecord ID\n\n\n")


def _web(body: str, lang: str):
    return ingest_text(WEB_HEAD + body + WEB_TAIL.format(lang=lang), "t").tree.getroot()


def _foreign(root) -> dict:
    return {f.text: f.get(LANG) for f in root.iter(f"{TEI}foreign")}


def test_the_original_language_the_header_names_tags_its_words():
    body = "The brigades [brigăzi] cut the hay on the dykes [digurile] before the floods [viituri] came.\n"
    got = _foreign(_web(body, "Romanian"))
    assert got == {"brigăzi": "ro", "digurile": "ro", "viituri": "ro"}, got
    # a language of another script: its words stand romanized
    got = _foreign(_web("The cooperatives [zadrugi] bought the threshers [vershachki] in spring.\n", "Bulgarian"))
    assert set(got.values()) == {"bg-Latn"}, got
    # an English word the translator supplied stays supplied whatever the original's language
    root = _web("The chairman signed [the] protocol on Monday.\n", "Hungarian")
    assert [s.text for s in root.iter(f"{TEI}supplied")] == ["the"] and not _foreign(root)


def test_letters_only_one_language_writes_name_it():
    root = ingest_text("Report\n\nThe barges [șalupe] and the guards [őrök] left.\n", "t").tree.getroot()
    assert _foreign(root) == {"șalupe": "ro", "őrök": "hu"}, _foreign(root)


def test_an_abbreviated_label_with_its_translation_is_one_abbreviation():
    root = ingest_text("Minutes\n\nText of the minutes.\n\nIntoc. [Drafted by] P. Stoica / Dactil. [Typed by] "
                       "A. Marin / 2 ex.\n", "t").tree.getroot()
    pairs = [(c.find(f"{TEI}abbr").text, c.find(f"{TEI}expan").text) for c in root.iter(f"{TEI}choice")
             if c.find(f"{TEI}abbr") is not None]
    assert pairs == [("Intoc.", "Drafted by"), ("Dactil.", "Typed by")], pairs


def test_a_place_named_in_several_words_and_glossed_by_its_modern_name():
    root = ingest_text("Report\n\nThe depots of Nova Zagora [Zagora] and of the town of Kolarov [Shumen] "
                       "were full.\n", "t").tree.getroot()
    places = [(p.find(f".//{TEI}orig").text, p.find(f".//{TEI}reg").text) for p in root.iter(f"{TEI}placeName")]
    assert ("Kolarov", "Shumen") in places, places   # a person's name, but a place's modern name
    assert not list(root.iter(f"{TEI}persName"))


def test_copy_lists_excerpts_and_roles_in_more_forms():
    doc = extract_document(
        "Decision\n\n1. One.\n\n2. Two.\n\n3. Three.\n\n"
        "Extracts: pts. 1 and 2 – Ministry of Light Industry; pt. 3 – Agitation and Propaganda Department; "
        "the whole decision – Cde. Varga.\n\n"
        "Made in 3 copies. Receive:\n\n1. Cde. Kovács\n\n2. Cde. Szőke\n\n3. File\n\n"
        "An extract of point 3 was sent to the Ministry of Finance on 4.V.1952.\n\n"
        "Red. [Drafted by] the Economic Section (Cde. I[v]anov) / Dact. [Typed by] Mrs. E. Lőrincz / 3 ex. / 2.V.1952\n\n"
        "Deciphered and typed by Pak Song-chol 3.V. 1130\n", "t")
    copies = {c["number"]: c.get("recipient_name") or c.get("recipient") or c.get("destination") for c in doc["copies"]}
    assert copies.get(1) == "Kovács" and copies.get(2) == "Szőke" and 3 in copies, doc["copies"]
    exc = [(e["recipients_raw"], e["points"]) for e in doc["excerpts"]]
    assert (["Ministry of Light Industry"], ["1", "2"]) in exc, exc
    assert (["Agitation and Propaganda Department"], ["3"]) in exc, exc
    assert (["Cde. Varga"], ["all"]) in exc, exc
    assert (["the Ministry of Finance"], ["3"]) in exc, exc
    roles = {}
    for r in doc["roles"]:
        roles.setdefault(r["role"], []).append(r.get("agent_name") or r.get("agent_raw"))
    assert roles["drafted"] == ["Ivanov"], roles
    assert roles["typed"][0] == "Lőrincz" and "Pak Song-chol" in roles["typed"][1], roles


def test_the_english_of_a_name_quoted_in_the_originals_words_is_a_gloss():
    root = ingest_text('Report\n\nThe chairman of the "Hajnal Csillag" [Morning Star] cooperative resigned, '
                       'and [the] members left.\n', "t").tree.getroot()
    notes = [n.text for n in root.iter(f"{TEI}note") if n.get("type") == "gloss"]
    assert notes == ["Morning Star"], notes
    assert [s.text for s in root.iter(f"{TEI}supplied")] == ["the"]
