"""A fourth set by a reviewer who had not read the converter (tests/data/heldout4: Ukrainian,
Lithuanian, Kazakh, Czechoslovak, Polish, Vietnamese, Mongolian and Slovene documents): h23-h26
were used while changing the rules, h27-h30 are only scored. And the forms they brought: copy
numbers in Roman numerals and in words, numbered lists on one line, the office addressed in the
header, an office after a name, "Author:", "Typed 4 copies. X", excerpt lists that open with
"Extract of points ...", [SIC, X was probably meant]."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set

from provenance.chain import extract_document
from provenance.ingest import ingest_text

FOLDER = Path(__file__).resolve().parent / "data" / "heldout4"
TUNE = ["h23", "h24", "h25", "h26"]
HELD_OUT = ["h27", "h28", "h29", "h30"]
TEI = "{http://www.tei-c.org/ns/1.0}"


def test_the_tuning_transcriptions_encode_their_marks_and_chains():
    check_set(FOLDER, TUNE, 107, 31, 105, 31)


def test_the_held_out_transcriptions_stay_where_they_were_measured():
    """On arrival 95 of their 107 marks and 7 of their 26 copy-chain facts were read as expected (97
    marks after the rules the other four brought), scored only. Their copy-chain facts and their marks have since been used while changing the rules (newer sets
    are held out in their place: tests/data/heldout6 h44-h48, distribution4's even half). 24 of the 26 facts are read
    now (copy lists set as tables of pipes or tabs, 'Delivered:', 'a/a [ad acta]', 'Typist B. Oyuun',
    an office after a drafter's name); 'Ref.: St. Baran' and 'SB/hl' are not; 101 of the 107 marks are."""
    check_set(FOLDER, HELD_OUT, 107, 26, 101, 24)


def _copies(doc) -> dict:
    return {c["number"]: c.get("recipient_name") or c.get("recipient") or c.get("destination") for c in doc["copies"]}


def test_copy_numbers_in_roman_numerals_and_in_words():
    doc = extract_document("Report\n\nCopies made:\n\nI – Cde. A. Hrytsenko\n\nII – Cde. B. Melnyk\n\nIII – to file\n\n"
                           "Text of the report.\n", "t")
    assert _copies(doc) == {1: "Hrytsenko", 2: "Melnyk", 3: "to file"} or \
        {k: v for k, v in _copies(doc).items() if k < 3} == {1: "Hrytsenko", 2: "Melnyk"}, doc["copies"]
    doc = extract_document("To the Presidium of the District Council, Tábor\n\nCopy two\n\nText.\n\n"
                           "Copy one – to the addressee\n\nCopy two – Cde. J. Novák, chairman\n", "t")
    copies = _copies(doc)
    assert copies.get(2) == "Novák", doc["copies"]
    assert copies.get(1) == "Presidium of the District Council", doc["copies"]


def test_a_numbered_list_on_one_line_and_an_office_after_a_name():
    doc = extract_document("Decision\n\nSent: 1. Cde. V. Kairys, Secretary of the Uezd Committee; 2. Planning Department; "
                           "3. to the archive.\n\n1. The plan is approved.\n", "t")
    copies = _copies(doc)
    assert copies.get(1) == "Kairys" and copies.get(2) == "Planning Department" and 3 in copies, doc["copies"]
    doc = extract_document("Decision\n\n1. One.\n\n2. Two.\n\nExtracts sent: point 1 – Cde. V. Kairys, Secretary of the "
                           "Uezd Committee; point 2 – Cde. Rimkus, Ministry of Trade.\n", "t")
    got = [e["recipients_raw"] for e in doc["excerpts"]]
    assert got == [["Cde. V. Kairys"], ["Cde. Rimkus", "Ministry of Trade"]], got


def test_roles_written_as_author_and_as_a_count_of_copies():
    doc = extract_document("Report\n\nText.\n\nAuthor: K. Vaitkus, instructor of the Agricultural Department\n\n"
                           "Typed 3 copies. L. Bo[h]dan\n", "t")
    roles = {r["role"]: r.get("agent_name") or r.get("agent_raw") for r in doc["roles"]}
    assert roles.get("drafted") == "Vaitkus" and roles.get("typed") == "Bohdan", roles


def test_an_excerpt_list_that_opens_with_its_first_points():
    doc = extract_document("Minutes\n\n1. One.\n\n2. Two.\n\n3. Three.\n\nExtract of points 1 and 2 – to the Regional "
                           "Committee; § 3 – to the editors of the newspaper; an extract of point 2 was sent in cipher "
                           "to the Ministry of the Interior.\n", "t")
    got = [(e["recipients_raw"], e["points"], e["channel"]) for e in doc["excerpts"]]
    assert (["the Regional Committee"], ["1", "2"], None) in got, got
    assert (["the editors of the newspaper"], ["3"], None) in got, got
    assert (["the Ministry of the Interior"], ["2"], "cipher") in got, got


def test_marks_in_more_forms():
    root = ingest_text("Report\n\nThe CC CP(b)B [Communist Party (Bolsheviks) of Belorussia] met before 3 May "
                       "[SIC, 13 May was evidently meant] in the seniūnija [rural district] of Lida, and the "
                       "chairman Wojciechowski [Vaitsekhovsky] spoke.\n", "t").tree.getroot()
    abbrs = [c.find(f"{TEI}abbr").text for c in root.iter(f"{TEI}choice") if c.find(f"{TEI}abbr") is not None]
    assert "CP(b)B" in abbrs, abbrs
    assert [c.text for c in root.iter(f"{TEI}corr")] == ["13 May"]
    assert [n.text for n in root.iter(f"{TEI}note") if n.get("type") == "gloss"] == ["rural district"]
    assert [p.find(f".//{TEI}reg").text for p in root.iter(f"{TEI}persName")] == ["Vaitsekhovsky"]
