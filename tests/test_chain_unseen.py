"""Copy-distribution facts of documents the chain extractor was not written from.

The reviewer's documents in tests/data/unseen/ follow the archive's conventions in wordings
the seeds do not have. Each test checks one convention on the real files; the expected values
come from reading the transcriptions.
"""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import ROOT, assert_evidence_quotes_the_text, run_cli
from provenance.chain import extract_document, extract_paths
from provenance.citation import parse_citation
from provenance.fileio import read_text
from provenance.ingest import ingest_file
from provenance.resources import json_errors
from provenance.validate import validate_paths

UNSEEN = ROOT / "tests" / "data" / "unseen"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
FILES = {p.name[:3]: p for p in sorted(UNSEEN.glob("*.txt"))}


def _doc(key):
    text = read_text(FILES[key])
    return text, extract_document(text, FILES[key].stem)


def _list_copies(doc):
    return {c["number"]: c for c in doc["copies"] if c["source"] == "list"}


@pytest.fixture(scope="module")
def tei():
    cache = {}

    def get(key):
        if key not in cache:
            cache[key] = etree.fromstring(ingest_file(FILES[key]).tei_bytes())
        return cache[key]
    return get


def xp(root, path):
    return root.xpath(path, namespaces=NS)


def test_1_copy_list_on_the_declaration_line():
    # "2 copies printed. 1 - to the addressee, 2 - to file"
    text, d = _doc("201")
    assert_evidence_quotes_the_text(text, d)
    assert d["print_run"]["declared"] == 2 and d["print_run"]["declared_raw"] == "2 copies printed."
    copies = _list_copies(d)
    assert sorted(copies) == [1, 2]
    assert copies[1]["kind"] == "addressee" and copies[1]["evidence"]["quote"] == "1 - to the addressee"
    assert copies[1]["recipient"] == "Stalin"  # the header: "to Cde. I. V. STALIN"
    assert copies[2]["kind"] == "file" and copies[2]["evidence"]["quote"] == "2 - to file"
    assert d["print_run"]["listed"] == 2
    # "Three copies printed 1 - to Cde Molotov, 2 - to Cde. Vyshinsky, 3 - to file"
    text, d = _doc("205")
    assert_evidence_quotes_the_text(text, d)
    assert d["print_run"]["declared"] == 3
    copies = _list_copies(d)
    assert {n: (c["kind"], c["recipient"]) for n, c in copies.items()} == {
        1: ("recipient", "Molotov"), 2: ("recipient", "Vyshinsky"), 3: ("file", None)}
    assert copies[2]["evidence"]["quote"] == "2 - to Cde. Vyshinsky"
    assert "count-mismatch" not in {f["code"] for f in d["findings"]}


def test_2_unlisted_people_are_recorded_not_dropped(tei):
    # "Copy No. 3 - to Cde. Malenkov": Malenkov is not in the name authority
    text, d = _doc("203")
    assert_evidence_quotes_the_text(text, d)
    copies = _list_copies(d)
    assert sorted(copies) == [1, 2, 3, 4, 5]
    c3 = copies[3]
    assert c3["recipient"] is None  # the authority's form: it has none
    assert c3["recipient_name"] == "Malenkov" and c3["recipient_status"] == "unlisted"
    assert c3["recipient_raw"] == "Cde. Malenkov" and c3["confidence"] < 1
    assert copies[1]["recipient_name"] == "Stalin" and copies[1]["recipient_status"] == "known"
    t3 = [t for t in d["transfers"] if t["kind"] == "copy" and t["copy"] == 3]
    assert len(t3) == 1 and t3[0]["recipient_name"] == "Malenkov"
    root = tei("203")
    assert xp(root, "//t:history/t:provenance/t:p[starts-with(., 'Copy ')]/text()[1]") == [
        "Copy 1 to ", "Copy 2 to ", "Copy 3 to ", "Copy 4 to ", "Copy 5 to file."]
    malenkov = xp(root, "//t:history//t:persName[.='Malenkov']")
    assert malenkov and all(p.get("key") is None for p in malenkov)  # a person, not in the authority
    assert "Malenkov" in xp(root, "//t:correspAction[@type='received'][@subtype='copy']/t:persName/text()")
    # "Undasynov - 3; Kruglov - 5; Zverev - 6": people named "Cde. ..." in the decision itself
    text, d = _doc("202")
    assert_evidence_quotes_the_text(text, d)
    by_point = {e["points"][0]: e for e in d["excerpts"]}
    for point, name in (("3", "Undasynov"), ("5", "Kruglov"), ("6", "Zverev")):
        assert by_point[point]["recipients"] == [None]
        assert by_point[point]["recipients_name"] == [name]
        assert by_point[point]["recipients_status"] == ["unlisted"]
    assert by_point["all"]["recipients_name"] == ["Mikoyan", "Molotov", "Beria"]
    assert {"Undasynov", "Kruglov", "Zverev"} <= set(
        xp(tei("202"), "//t:correspAction[@subtype='excerpt']/t:persName/text()"))
    # "Cde. Saburov (Gosplan) - point 2": the affiliation is not part of the name
    text, d = _doc("204")
    (e,) = d["excerpts"]
    assert e["recipients_name"] == ["Saburov"] and e["recipients_raw"] == ["Cde. Saburov (Gosplan)"]
    assert e["points"] == ["2"]
    assert xp(tei("204"), "//t:history//t:p[starts-with(., 'Excerpt')]/t:persName/text()") == ["Saburov"]
    # an illegible name stays null, and the JSON still validates
    auth = next(r for r in _doc("203")[1]["roles"] if r["role"] == "authenticated")
    assert auth["agent"] is None and auth["agent_name"] is None and auth["agent_status"] == "illegible"
    r = extract_paths(sorted(FILES.values()))
    assert json_errors(r, "chain.schema.json") == []


def test_3_print_run_with_any_typist_initials():
    text, d = _doc("203")
    assert d["print_run"]["declared"] == 5 and d["print_run"]["declared_raw"] == "5 copies. vsh."
    assert d["print_run"]["listed"] == 5  # "Copy No. 1 - ..." to "Copy No. 5 - to file"
    assert "count-mismatch" not in {f["code"] for f in d["findings"]}


def test_4_sent_to_is_a_distribution(tei):
    text, d = _doc("203")
    sent = [t for t in d["transfers"] if t["kind"] == "dispatch" and t["recipient_name"]]
    assert [t["recipient_name"] for t in sent] == ["Molotov", "Beria", "Malenkov", "Mikoyan"]
    assert [t["recipient"] for t in sent] == ["Molotov", "Beria", None, "Mikoyan"]
    assert {t["evidence"]["quote"] for t in sent} == {"Sent to: Cdes. Molotov, Beria, Malenkov, Mikoyan"}
    # copies 2-4 go to people the cable was sent to: worth knowing, not a warning
    assert not [f for f in d["findings"] if f["code"] == "recipient-not-in-header" and f["severity"] == "warning"]
    text, d = _doc("204")
    sent = [t for t in d["transfers"] if t["kind"] == "dispatch"]
    assert [t["recipient_name"] for t in sent] == ["Bulganin", "Khrushchev", "Molotov", "Suslov"]
    assert [t["recipient_status"] for t in sent] == ["known", "unlisted", "known", "unlisted"]
    root = tei("204")
    assert xp(root, "//t:correspAction[@subtype='dispatch']/t:persName/text()") == [
        "Bulganin", "Khrushchev", "Molotov", "Suslov"]
    assert xp(root, "//t:history//t:p[starts-with(., 'Sent to')]/t:persName/text()") == [
        "Bulganin", "Khrushchev", "Molotov", "Suslov"]


def test_5_role_agents_and_roman_month_dates():
    roles = lambda d: {r["role"]: r for r in d["roles"] if r["role"] in ("drafted", "typed")}  # noqa: E731
    text, d = _doc("201")
    assert_evidence_quotes_the_text(text, d)
    r = roles(d)
    assert r["typed"]["agent_name"] == "Borisova" and r["typed"]["date"] == "1946-03-12"  # "12.III.46"
    assert r["typed"]["agent_raw"] == "Borisova" and r["typed"]["agent_status"] == "unlisted"
    assert r["typed"]["evidence"]["quote"] == "Typed by Borisova, 12.III.46"
    assert r["drafted"]["agent_name"] == "Kumykin" and r["drafted"]["agent_raw"] == "Cde. Kumykin"
    text, d = _doc("205")
    r = roles(d)
    assert r["typed"]["agent_name"] == "Petrova" and r["typed"]["agent_raw"] == "[P]etrova"
    assert r["typed"]["date"] == "1947-09-19"  # "19.IX.47"
    assert "[P]etrova" in r["typed"]["evidence"]["quote"]
    assert r["drafted"]["agent_name"] == "Savelyev"
    text, d = _doc("204")
    signed = next(x for x in d["roles"] if x["role"] == "signed")
    assert signed["date"] == "1956-04-07"  # "7.IV.56" below the signature
    assert d["excerpts"][0]["recipients_name"] == ["Saburov"]
    # a known name keeps its authority form in both fields
    text, d = _doc("100")
    assert [(x["agent"], x["agent_name"]) for x in d["roles"] if x["role"] == "signed"] == [("Molotov", "Molotov")]


def test_6_papka_in_citation_and_msidentifier(tei):
    text, d = _doc("201")
    (u,) = d["archival_units"]
    assert u["raw"] == "AVPRF, F. 06, Op. 8, Pap. 18, D. 220, L. 5-7"
    assert (u["fond"], u["opis"], u["papka"], u["delo"], u["folios"]) == ("06", "8", "18", "220", "5-7")
    assert text[u["evidence"]["start"]:u["evidence"]["end"]] == u["raw"]
    cit = parse_citation("AVPRF, F. 06, Op. 8, Papka 18, D. 220, L. 5")
    assert (cit["papka"], cit["delo"], cit["folio_from"]) == ("18", "220", "5")
    root = tei("201")
    levels = xp(root, "//t:msIdentifier//t:idno")
    assert [(i.get("type"), i.text) for i in levels] == [("fond", "06"), ("opis", "8"), ("papka", "18"),
                                                         ("delo", "220")]
    assert [i.get("rend") for i in levels] == ["F. 06", "Op. 8", "Pap. 18", "D. 220"]
    assert xp(root, "//t:msItem/t:locus/@from") == ["5"] and xp(root, "//t:msItem/t:locus/@to") == ["7"]
    root = tei("205")
    assert xp(root, "//t:idno[@type='opis']/t:idno[@type='papka']/t:idno[@type='delo']/text()") == ["12"]


@pytest.mark.parametrize("schema", ["project", "tei_all"])
def test_6_tei_with_papka_and_unlisted_names_is_valid(tmp_path, schema):
    for key in ("201", "202", "203", "204", "205"):
        res = ingest_file(FILES[key])
        (tmp_path / (res.doc_id + ".xml")).write_bytes(res.tei_bytes())
    result = validate_paths([tmp_path], schema=schema)
    assert result["summary"]["files"] == 5
    assert result["summary"]["errors"] == 0, result


def test_7_signatories_salutations_and_glossed_pseudonyms(tei):
    # "A. MIKOYAN" / "V. MOLOTOV" below the draft: its senders
    text, d = _doc("201")
    senders = [(p["name"], p["source"]) for p in d["correspondence"]["senders"]]
    assert senders == [("Mikoyan", "signature"), ("Molotov", "signature")]
    assert [r["agent"] for r in d["roles"] if r["role"] == "signed"] == ["Mikoyan", "Molotov"]
    assert xp(tei("201"), "//t:correspAction[@type='sent']/t:persName/@key") == ["mikoyan", "molotov"]
    # "To Cdes. Mikoyan, Molotov, Beria, Undasynov, Kruglov.": the addressees, known or not
    text, d = _doc("202")
    header = [p for p in d["correspondence"]["addressees"] if p["source"] == "header"]
    assert [p["recorded_name"] for p in header] == ["Mikoyan", "Molotov", "Beria", "Undasynov", "Kruglov"]
    assert [p["kind"] for p in header] == ["person", "person", "person", "unlisted", "unlisted"]
    assert xp(tei("202"), "//t:correspAction[@subtype='header']/t:persName/text()") == [
        "Mikoyan", "Molotov", "Beria", "Undasynov", "Kruglov"]
    # "TO FILIPPOV [Stalin].": the pseudonym glossed with the real name
    text, d = _doc("203")
    header = [p for p in d["correspondence"]["addressees"] if p["source"] == "header"]
    assert [(p["name"], p["raw"]) for p in header] == [("Stalin", "FILIPPOV [Stalin]")]
    # "KOVALEV" over "28 December 1948": the signature of a sender the authority does not hold
    signed = next(r for r in d["roles"] if r["role"] == "signed")
    assert (signed["agent"], signed["agent_name"], signed["date"]) == (None, "Kovalev", "1948-12-28")
    root = tei("203")
    assert xp(root, "//t:correspAction[@subtype='header']/t:persName/@key") == ["stalin"]
    assert xp(root, "//t:correspAction[@type='sent']/t:persName/text()") == ["Kovalev"]
    # "A. SAVELYEV [illegible signature]" below "CONSUL GENERAL OF THE USSR IN URUMQI"
    text, d = _doc("205")
    assert [p["recorded_name"] for p in d["correspondence"]["senders"]] == ["Savelyev"]
    # a word alone in capitals is no signature ("SECRET", "CIPHERED TELEGRAM")
    for key in FILES:
        for r in _doc(key)[1]["roles"]:
            if r["role"] == "signed":
                assert r["agent_name"] not in (None, "Secret", "Telegram")


def test_the_table_names_people_the_authority_does_not_hold():
    r = run_cli("chain", FILES["202"], FILES["203"])
    assert "excerpt       Undasynov (not in the name authority): 3" in r.stdout
    assert "copy   3  recipient Malenkov (not in the name authority)" in r.stdout
    assert "?" not in "".join(line for line in r.stdout.splitlines() if line.startswith("  excerpt"))


@pytest.mark.parametrize("declaration", ["3 copies Printed", "3 copies PRINTED", "3 copies [Printed]",
                                         "Three copies were printed", "3 copies. vsh."])
def test_the_print_run_is_read_whatever_the_case_of_its_words(declaration):
    text = (f"Report on the situation.\n\n{declaration}\n\n1 - to Cde. Molotov\n\n2 - to Cde. Beria\n\n"
            "3 - to file\n")
    doc = extract_document(text, "d")
    assert doc["print_run"]["declared"] == 3 and [c["number"] for c in doc["copies"]] == [1, 2, 3]


def test_a_day_the_month_does_not_have_is_no_date(tmp_path):
    from provenance.chain.patterns import parse_date

    assert parse_date("31.II.46") is None and parse_date("31 February 1946") is None
    assert parse_date("29.II.48") == "1948-02-29" and parse_date("12.III.46") == "1946-03-12"
    src = tmp_path / "doc.txt"
    src.write_text("Report on the situation in the district, written for the Politburo members.\n\n"
                   "KOVALEV\n\n31.II.46\n", encoding="utf-8")
    res = ingest_file(src)
    (tmp_path / "doc.xml").write_bytes(res.tei_bytes())
    assert validate_paths([tmp_path / "doc.xml"])["summary"]["errors"] == 0


def test_a_signer_named_after_the_mark_on_his_posts_line_sends_the_document():
    """"COMMANDER OF THE ... [signature] NIKOLAYEV": the name after the mark signed, and the first such
    signer is the sender; a co-signer below signs without becoming a sender; a post alone is no one."""
    text = ("Order No. 14 of the Commander of the Osh Operational Group\n\n1. The regiment is to advance.\n\n"
            "COMMANDER OF THE OSH OPERATIONAL GROUP [signature] NIKOLAYEV\n\n"
            "CHIEF OF STAFF [signature] (N. Khudyakov)\n\nMILITARY COMMISSAR [illegible signature]\n")
    doc = extract_document(text, "x")
    signed = [r["agent_raw"] for r in doc["roles"] if r["role"] == "signed"]
    assert signed == ["NIKOLAYEV", "N. Khudyakov"]
    senders = [p["raw"] for p in doc["correspondence"]["senders"]]
    assert senders == ["NIKOLAYEV"], senders
