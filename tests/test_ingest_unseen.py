"""Documents of the same archive the converter was not written from: the conventions, not the files."""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import ROOT
from provenance.ingest import ingest_file
from provenance.validate import validate_paths

UNSEEN = ROOT / "tests" / "data" / "unseen"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def xp(root, path):
    return root.xpath(path, namespaces=NS)


@pytest.fixture(scope="module")
def letter():
    return ingest_file(UNSEEN / "100_letter.txt")


@pytest.fixture(scope="module")
def minutes():
    return ingest_file(UNSEEN / "101_minutes.txt")


def test_letter_header(letter):
    root = etree.fromstring(letter.tei_bytes())
    assert xp(root, "//t:titleStmt/t:title/text()") == [
        "Letter from V. Molotov to Cde. A. Vyshinsky on the Treaty Negotiations"]
    assert xp(root, "//t:creation/t:date/@when") == ["1950-03-03"]
    assert xp(root, "//t:respStmt[@xml:id='translator']/t:persName/text()") == ["Sergey Radchenko"]
    assert xp(root, "//t:msIdentifier/t:repository/text()") == ["AVPRF"]
    assert xp(root, "//t:idno[@type='fond']/text()") == ["06"]  # leading zero kept
    assert xp(root, "//t:term[@type='classification']/text()") == ["Secret"]
    assert xp(root, "//t:titleStmt/t:funder/text()") == ["Carnegie Corporation of New York"]


def test_letter_body_structure(letter):
    root = etree.fromstring(letter.tei_bytes())
    assert xp(root, "//t:body/t:list[@type='numbered']/t:item/@n") == ["1", "2", "3"]
    # the closing request and the signature are not part of point 3
    assert len(xp(root, "//t:item[@n='3']/t:p")) == 1
    assert xp(root, "//t:closer/t:signed/text()") == ["V. Molotov"]
    assert xp(root, "//t:postscript/t:list[@type='distribution']/t:item/@n") == ["1", "2"]
    assert xp(root, "//t:note[@type='editorial']/@rend") == ["[in the original: {}]"]
    # a stamp is on the original: its words belong to the document, the label to the editor
    assert xp(root, "//t:stamp/text()") == ["Declassified"] and xp(root, "//t:stamp/@rend") == ['[Stamp: "{}"]']
    assert xp(root, "//t:gap[@reason='illegible']/@extent") == ["word"]
    assert xp(root, "//t:choice[t:abbr='PRC']/t:expan/text()") == ["People's Republic of China"]
    assert "Document Information" not in "".join(xp(root, "//t:body//text()"))


def test_letter_review_items_name_the_doubt(letter):
    reasons = {r["bracket"]: r["reason"] for r in letter.review}
    assert "Chinese Changchun Railway" in reasons["[KChZhD]"]
    # "Port Arthur [Lüshun]": the gazetteer names the place in two words, so there is no doubt left
    # that the name before the gloss is longer than 'Arthur'
    root = etree.fromstring(letter.tei_bytes())
    assert "Port Arthur" in xp(root, "//t:placeName/t:choice[t:reg='Lüshun']/t:orig/text()")
    assert "[Lüshun]" not in reasons


def test_minutes_markdown_style(minutes):
    root = etree.fromstring(minutes.tei_bytes())
    assert minutes.style == "markdown"
    assert xp(root, "//t:creation/t:date/@when") == ["1950-02-14"]
    assert xp(root, "//t:msIdentifier/t:repository/text()") == ["APRF"]
    assert xp(root, "//t:publicationStmt/t:idno[@type='URI']/text()") == [
        "https://digitalarchive.wilsoncenter.org/document/999999"]
    assert xp(root, "//t:msItem/t:textLang/@mainLang") == ["ru"]
    # "loan [kredit]": not an English word, and a Russian word (кредит) per the morphological dictionary
    assert xp(root, "//t:foreign[@xml:lang='ru-Latn']/text()") == ["kredit"]
    assert not xp(root, "//t:supplied[.='kredit']")
    decided = {d["bracket"]: d for d in minutes.decisions}
    assert decided["[kredit]"]["rule"] == "foreign.russian"
    assert "[kredit]" not in {r["bracket"] for r in minutes.review}
    assert xp(root, "//t:persName/t:choice/t:reg/text()") == ["Mao Tse-tung"]
    assert xp(root, "//t:gap[@reason='omitted']/t:desc/text()") == ["word missing in the original"]
    assert xp(root, "//t:note[@type='translator']/text()") == ["the rest of the page is blank"]
    assert xp(root, "//t:note[@type='translator']/@rend") == ["[Translator's Note: {}]"]
    assert xp(root, "//t:sic/text()") == ["dollars"]


@pytest.mark.parametrize("schema", ["project", "tei_all"])
def test_unseen_documents_are_valid(tmp_path, schema):
    for src in sorted(UNSEEN.glob("*.txt")):
        res = ingest_file(src)
        (tmp_path / (res.doc_id + ".xml")).write_bytes(res.tei_bytes())
    result = validate_paths([tmp_path], schema=schema)
    assert result["summary"]["files"] == len(list(UNSEEN.glob("*.txt")))
    assert result["summary"]["errors"] == 0, result


def tei_of(name: str):
    return etree.fromstring(ingest_file(UNSEEN / name).tei_bytes())


def words(el) -> str:
    return " ".join("".join(el.itertext()).split())


def test_a_handwritten_note_on_the_first_line_keeps_the_opener():
    root = tei_of("201_draft_web.txt")
    opener = xp(root, "//t:body/t:opener")[0]
    assert xp(opener, "t:seg[@type='classification']/text()") == ["Top Secret"]
    assert xp(opener, ".//t:add[@place='margin']/text()") == ["To the Politburo members for a vote. I. St."]
    assert [words(d) for d in xp(opener, "t:dateline")] == ["12 March 1946"]
    assert xp(opener, "t:dateline/t:date/@when") == ["1946-03-12"]


def test_an_enumeration_of_clauses_does_not_swallow_the_paragraphs_after_it():
    root = tei_of("201_draft_web.txt")
    top = xp(root, "//t:body/t:list[@type='numbered']")
    # the reasons a)-c), then the resolution's points 1-6 with 2.a-d, each list at the top level
    assert [xp(lst, "t:item/@n") for lst in top] == [["a", "b", "c"], ["1", "2", "3", "4", "5", "6"]]
    assert xp(top[1], "t:item[@n='2']/t:list/t:item/@n") == ["a", "b", "c", "d"]
    assert all(len(xp(it, "t:p")) == 1 for it in xp(top[0], "t:item"))
    root = tei_of("205_conversation_md.txt")
    items = xp(root, "//t:body/t:list[@type='numbered']/t:item")
    assert [it.get("n") for it in items] == ["1", "2", "3"] and all(len(xp(it, "t:p")) == 1 for it in items)
    root = tei_of("203_cable_md.txt")  # "3) Mao Zedong ..." ends the series of clauses 1) and 2)
    assert all(len(xp(it, "t:p")) == 1 for it in xp(root, "//t:body/t:list[@type='numbered']/t:item"))


def test_signatures_titles_and_numeric_datelines_close_the_text():
    closer = xp(tei_of("204_report_web.txt"), "//t:body/t:closer")[0]
    assert [words(s) for s in xp(closer, "t:signed")] == ["A. MIKOYAN", ""]
    assert [(g.get("reason"), g.get("extent")) for g in xp(closer, "t:signed[2]/t:gap")] == [("illegible", "signature")]
    assert xp(closer, "t:dateline/t:date/@when") == ["1956-04-07"]
    closer = xp(tei_of("205_conversation_md.txt"), "//t:body/t:closer")[0]
    assert [words(s) for s in xp(closer, "t:signed")] == ["CONSUL GENERAL OF THE USSR IN URUMQI", "A. SAVELYEV"]
    closer = xp(tei_of("201_draft_web.txt"), "//t:body/t:closer")[0]
    assert [words(s) for s in xp(closer, "t:signed")] == ["A. MIKOYAN", "V. MOLOTOV", ""]


def test_abbreviations_take_the_capitals_their_expansion_spells():
    abbrs = {}
    for name in ("201_draft_web.txt", "203_cable_md.txt"):
        for ch in xp(tei_of(name), "//t:body//t:choice[t:abbr]"):
            abbrs[words(ch.find("t:abbr", NS))] = words(ch.find("t:expan", NS))
    assert abbrs["VKP(b)"] == "All-Union Communist Party (Bolsheviks)"
    assert abbrs["CCP CC"] == "Central Committee of the Chinese Communist Party"


def test_stamps_and_placed_handwriting():
    root = tei_of("203_cable_md.txt")
    assert xp(root, "//t:body//t:stamp/text()") == ["Declassified"]
    root = tei_of("204_report_web.txt")
    assert [(a.get("place"), words(a)) for a in xp(root, "//t:body//t:add")] == [
        ("top", "To be circulated to the members of the Presidium. N. Kh."),
        ("margin", "Cde. Molotov - for information")]


def test_rules_file_foreign_terms_settle_the_review(tmp_path):
    from provenance.ingest import Rules

    res = ingest_file(UNSEEN / "101_minutes.txt", rules=Rules(foreign_terms=["kredit"]))
    root = etree.fromstring(res.tei_bytes())
    assert xp(root, "//t:foreign[@xml:lang='ru-Latn']/text()") == ["kredit"]
    assert "[kredit]" not in {r["bracket"] for r in res.review}


def test_numbers_after_a_lettered_series_are_not_nested_under_its_last_letter():
    root = tei_of("206_letters_then_numbers.txt")
    top = xp(root, "//t:body/t:list[@type='numbered']/t:item/@n")
    assert top == ["a", "b", "1", "2", "3"]
    assert xp(root, "//t:item[@n='2']/t:list/t:item/@n") == ["a", "b"]


def test_an_item_of_the_minutes_numbered_in_hundreds_heads_its_points():
    root = tei_of("202_adopted_web.txt")
    assert xp(root, "//t:body/t:list[@type='numbered']/t:item/@n") == ["112"]
    assert xp(root, "//t:item[@n='112']/t:list/t:item/@n") == ["1", "2", "3", "4", "5", "6", "7"]


def test_a_signature_with_two_letter_initials_closes_the_text(tmp_path):
    src = tmp_path / "note.txt"
    src.write_text("The committee reports on the situation in the region and proposes the following:\n\n"
                   "1. To send the delegation in May.\n\n2. To report on its results by 1 July.\n\n"
                   "Yu. ANDROPOV\n\n5 June 1957\n", encoding="utf-8")
    root = etree.fromstring(ingest_file(src).tei_bytes())
    assert [words(s) for s in xp(root, "//t:closer/t:signed")] == ["Yu. ANDROPOV"]
    assert xp(root, "//t:closer/t:dateline/t:date/@when") == ["1957-06-05"]
    assert all(len(xp(it, "t:p")) == 1 for it in xp(root, "//t:item"))
