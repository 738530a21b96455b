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
    assert xp(root, "//t:note[@type='editorial']/@rend") == ["[in the original: {}]", "[Stamp: {}]"]
    assert xp(root, "//t:gap[@reason='illegible']/@extent") == ["word"]
    assert xp(root, "//t:choice[t:abbr='PRC']/t:expan/text()") == ["People's Republic of China"]
    assert "Document Information" not in "".join(xp(root, "//t:body//text()"))


def test_letter_review_items_name_the_doubt(letter):
    reasons = {r["bracket"]: r["reason"] for r in letter.review}
    assert "Port Arthur" in reasons["[Lüshun]"]
    assert "Chinese Changchun Railway" in reasons["[KChZhD]"]


def test_minutes_markdown_style(minutes):
    root = etree.fromstring(minutes.tei_bytes())
    assert minutes.style == "markdown"
    assert xp(root, "//t:creation/t:date/@when") == ["1950-02-14"]
    assert xp(root, "//t:msIdentifier/t:repository/text()") == ["APRF"]
    assert xp(root, "//t:publicationStmt/t:idno[@type='URI']/text()") == [
        "https://digitalarchive.wilsoncenter.org/document/999999"]
    assert xp(root, "//t:msItem/t:textLang/@mainLang") == ["ru"]
    # "loan [kredit]": not a word a translator supplies, not a known Russian term: a review item
    assert xp(root, "//t:supplied/text()") == ["kredit"]
    review = {r["bracket"]: r for r in minutes.review}
    assert review["[kredit]"]["alternatives"] == ["foreign"]
    assert xp(root, "//t:persName/t:choice/t:reg/text()") == ["Mao Tse-tung"]
    assert xp(root, "//t:gap[@reason='omitted']/t:desc/text()") == ["word missing in the original"]
    assert xp(root, "//t:note[@type='translator']/text()") == ["the rest of the page is blank"]
    assert xp(root, "//t:note[@type='translator']/@rend") == ["[Translator's Note: {}]"]
    assert xp(root, "//t:sic/text()") == ["dollars"]


def test_unseen_documents_are_valid(tmp_path):
    for res in (ingest_file(UNSEEN / "100_letter.txt"), ingest_file(UNSEEN / "101_minutes.txt")):
        (tmp_path / (res.doc_id + ".xml")).write_bytes(res.tei_bytes())
    result = validate_paths([tmp_path])
    assert result["summary"]["errors"] == 0, result


def test_rules_file_foreign_terms_settle_the_review(tmp_path):
    from provenance.ingest import Rules

    res = ingest_file(UNSEEN / "101_minutes.txt", rules=Rules(foreign_terms=["kredit"]))
    root = etree.fromstring(res.tei_bytes())
    assert xp(root, "//t:foreign[@xml:lang='ru-Latn']/text()") == ["kredit"]
    assert "[kredit]" not in {r["bracket"] for r in res.review}
