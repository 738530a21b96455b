"""The TEI written for the seed corpus, read with XPath: every editorial mark where it belongs."""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import SEED, TEI_DIR
from provenance.ingest import ingest_file

NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def tei():
    """Each seed converted now (not read from tei/), parsed back with lxml."""
    return {k: etree.fromstring(ingest_file(p).tei_bytes()) for k, p in SEED.items()}


def xp(root, path):
    return root.xpath(path, namespaces=NS)


def text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def test_004_kulaki_is_foreign_ru_latn(tei):
    f = xp(tei["004"], '//t:body//t:foreign[@xml:lang="ru-Latn"]')
    assert [text(x) for x in f] == ["tovarnyye", "kulaki"]
    assert xp(tei["004"], '//t:langUsage/t:language[@ident="ru-Latn"]')


def test_004_ghulja_is_a_place_with_yining_as_reg(tei):
    places = xp(tei["004"], '//t:placeName[t:choice/t:orig="Ghulja"]')
    assert places and all(xp(p, "t:choice/t:reg/text()") == ["Yining"] for p in places)


def test_004_left_blank_is_space(tei):
    # "4-2 - [left blank]" and "Drafted by Cde. [left blank]"
    assert len(xp(tei["004"], "//t:body//t:space")) == 2
    assert SEED["004"].read_text(encoding="utf-8").count("[left blank]") == 2


def test_004_sic_on_copy_number(tei):
    sics = xp(tei["004"], "//t:list[@type='distribution']//t:sic")
    assert [s.text for s in sics] == ["3-2"]
    assert sics[0].get("rend") == "[SIC]"


def test_004_points_1_to_7_with_letters(tei):
    top = xp(tei["004"], "//t:body/t:list[@type='numbered']")
    assert len(top) == 1
    assert xp(top[0], "t:item/@n") == [str(i) for i in range(1, 8)]
    assert xp(top[0], "t:item[@n='3']/t:list/t:item/@n") == ["a", "b"]
    assert xp(top[0], "t:item[@n='5']/t:list/t:item/@n") == ["a", "b", "c"]
    # point 1 keeps its second paragraph (the reordered clause of the adopted text)
    assert len(xp(top[0], "t:item[@n='1']/t:p")) == 2
    assert text(xp(top[0], "t:item[@n='5']/t:list/t:item[@n='a']")[0]).endswith("rich peasants kulaki;")


def test_000_sic_conjecture_as_choice(tei):
    ch = xp(tei["000"], "//t:choice[t:sic and t:corr]")
    assert len(ch) == 1
    assert xp(ch[0], "t:sic/text()") == ["Xiong Shigui"]
    assert xp(ch[0], "t:corr/text()") == ["Xiong Shihui"]
    assert ch[0].find("t:corr", NS).get("resp") == "#translator"


def test_000_unrendered_glyphs_keep_their_count(tei):
    gaps = xp(tei["000"], "//t:body//t:gap[@reason='unrendered']")
    src = SEED["000"].read_text(encoding="utf-8")
    body = src[src.index("Translation - English") + len("Translation - English"):]
    assert sum(int(g.get("quantity")) for g in gaps) == body.count("\u25a1")
    assert all(g.get("unit") == "chars" for g in gaps)


def test_000_handwritten_note_is_add_with_a_hand(tei):
    adds = xp(tei["000"], "//t:body//t:add[@place='top']")
    # the hand wrote the number; the editor's description of the rest stays in the template
    assert len(adds) == 1 and text(adds[0]) == "2025 N 12236"
    assert adds[0].get("rend") == '[handwritten at the top: "{}" and some illegible letters/initials]'
    hand = adds[0].get("hand")
    assert xp(tei["000"], f"//t:handNotes/t:handNote[@xml:id='{hand[1:]}']")


def test_000_ten_copies(tei):
    items = xp(tei["000"], "//t:list[@type='distribution']/t:item")
    assert [i.get("n") for i in items] == [str(i) for i in range(1, 11)]
    assert text(items[1]) == "Copy N° 2 - to Stalin"
    received = xp(tei["000"], "//t:correspDesc/t:correspAction[@type='received']/t:persName/text()")
    assert {"Stalin", "Molotov", "Vyshinsky", "Dekanozov", "Lozovsky", "Silin"} <= set(received)


def test_000_points_inside_the_quoted_resolution(tei):
    lst = xp(tei["000"], "//t:body/t:list[@type='numbered']")
    assert len(lst) == 1
    assert xp(lst[0], "t:item/@n") == ["1", "2", "3", "4", "5", "6"]
    assert xp(lst[0], "t:item[@n='4']/t:list/t:item/@n") == list("abcde")
    # the paragraph after the closing quotation mark is not part of point 6
    assert text(xp(tei["000"], "//t:body/t:p[last()]")[0]).startswith("A special resolution")


def test_001_supplied_letter_and_word(tei):
    sup = [s.text for s in xp(tei["001"], "//t:body//t:supplied")]
    assert "P" in sup and "between" in sup
    p = xp(tei["001"], "//t:supplied[.='P']/parent::*")[0]
    assert "".join(p.itertext()).strip().endswith("Polyakova")


def test_001_copies_with_supplied_labels(tei):
    items = xp(tei["001"], "//t:postscript/t:list[@type='distribution']/t:item")
    assert [i.get("n") for i in items] == ["1", "2", "3"]
    assert xp(tei["001"], "//t:postscript/t:list/t:head/t:supplied/text()") == ["printed"]


def test_002_translator_note(tei):
    notes = xp(tei["002"], "//t:note[@type='translator']")
    assert len(notes) == 1 and text(notes[0]) == 'possibly "medium bombers"'
    assert notes[0].get("resp") == "#translator"


def test_002_decision_is_item_8_with_points_1_to_7(tei):
    item8 = xp(tei["002"], "//t:body/t:list/t:item[@n='8']")
    assert len(item8) == 1
    assert xp(item8[0], "t:list/t:item/@n") == [str(i) for i in range(1, 8)]


def test_002_several_regs_for_one_place(tei):
    ch = xp(tei["002"], "//t:placeName/t:choice[t:orig='Tarbaghatay']")[0]
    assert xp(ch, "t:reg/text()") == ["Qoqek", "Tachang"]


def test_003_nested_brackets_keep_the_inner_mark(tei):
    gap = xp(tei["003"], "//t:add//t:supplied/t:gap[@reason='illegible']")
    assert len(gap) == 1 and xp(gap[0], "t:desc/text()") == ["by illegible name"]


def test_abbreviation_expansion(tei):
    ch = xp(tei["004"], "//t:choice[t:abbr='NKO']")
    assert xp(ch[0], "t:expan/text()") == ["People's Commissariat of Defense"]


def test_web_debris_never_reaches_the_body(tei):
    for k, root in tei.items():
        body = text(xp(root, "//t:body")[0])
        for debris in ("Skip to content", "email protected", "welcomes reuse", "Document Information",
                       "Record ID", "made possible with support"):
            assert debris not in body, (k, debris)


CITATIONS = {
    "000": ("RGASPI", "558", "11", "328", "1", "3"),
    "001": ("GARF", "R-9401ss", "2", "98", "49", "51"),
    "002": ("RGASPI", "17", "162", "37", "145", "155"),
    "003": ("GARF", "9401s", "2", "10004", "62", "63"),
    "004": ("GARF", "R-9401ss", "2", "95", "334", "338"),
}


@pytest.mark.parametrize("key", sorted(CITATIONS))
def test_header_archival_citation(tei, key):
    root = tei[key]
    repo, fond, opis, delo, f0, f1 = CITATIONS[key]
    mi = xp(root, "//t:sourceDesc/t:msDesc/t:msIdentifier")[0]
    assert etree.QName(mi[0]).localname == "repository" and mi[0].text == repo
    assert xp(mi, "t:idno[@type='fond']/text()") == [fond]
    assert xp(mi, "t:idno[@type='fond']/t:idno[@type='opis']/text()") == [opis]
    assert xp(mi, "t:idno/t:idno/t:idno[@type='delo']/text()") == [delo]
    loc = xp(root, "//t:msItem/t:locus")[0]
    assert (loc.get("from"), loc.get("to")) == (f0, f1)
    bibl = text(xp(root, "//t:sourceDesc/t:bibl")[0])
    assert repo in bibl


@pytest.mark.parametrize("key,when", [("000", "1945-11-26"), ("001", "1945-08-07"), ("002", "1945-06-22"),
                                      ("003", "1945-10-05"), ("004", "1945-04-29")])
def test_header_date_translator_summary(tei, key, when):
    root = tei[key]
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == [when]
    assert xp(root, "//t:respStmt[@xml:id='translator']/t:persName/text()") == ["Gary Goldberg"]
    assert xp(root, "//t:msContents/t:summary/text()")
    assert xp(root, "//t:titleStmt/t:funder")
    # every @resp points to an xml:id of the file
    ids = set(xp(root, "//@xml:id"))
    for ptr in xp(root, "//@resp | //@hand | //@new"):
        assert ptr.startswith("#") and ptr[1:] in ids


def test_004_sender_and_recipients():
    root = etree.fromstring(ingest_file(SEED["004"]).tei_bytes())
    sent = xp(root, "//t:correspAction[@type='sent']/t:persName/@key")
    assert sent == ["beria", "vyshinsky"]
    assert xp(root, "//t:correspAction[@type='received'][@subtype='header']/t:persName/@key") == ["stalin"]
    # the copy list: copies 1-2 to the addressee (Stalin), 3 to the NKVD Secretariat
    assert xp(root, "//t:correspAction[@type='received'][@subtype='copy']/*/text()") == ["Stalin", "NKVD Secretariat"]


def test_history_records_the_copy_chain():
    root = etree.fromstring(ingest_file(SEED["003"]).tei_bytes())
    hist = " ".join("".join(p.itertext()) for p in xp(root, "//t:msDesc/t:history//t:p"))
    assert "Special Folder" in hist and "Mamulov" in hist and "Igritskaya" in hist


def test_original_classification_in_header(tei):
    assert xp(tei["001"], "//t:term[@type='classification']/text()") == ["Top Secret"]
    assert xp(tei["000"], "//t:term[@type='classification']/text()") == ["STRICTLY SECRET"]


def test_tei_dir_matches_fresh_conversion_byte_for_byte():
    """tei/ holds the conversions of tei/source/, regenerated and compared byte for byte."""
    import os

    for key, src in SEED.items():
        fresh = ingest_file(src).tei_bytes()
        target = TEI_DIR / (src.stem + ".xml")
        if os.environ.get("PROVENANCE_UPDATE_GOLDEN"):
            target.write_bytes(fresh)
        assert target.read_bytes() == fresh, f"{target} is stale: run PROVENANCE_UPDATE_GOLDEN=1 pytest"
        # and deterministic
        assert ingest_file(src).tei_bytes() == fresh


def _ingested(tmp_path, body: str):
    src = tmp_path / "report.txt"
    src.write_text(body, encoding="utf-8")
    return etree.fromstring(ingest_file(src).tei_bytes())


def test_a_dateline_names_its_place_before_its_date(tmp_path):
    """"Ploeshti [Ploiești], 14 September 1950": the place as written (its gloss a mark), then the date;
    the document's own date in the header. "Pech. Ostapenko, 17.III.47" says who typed it, no place."""
    root = _ingested(tmp_path, "SECRET\n\nTo Cde. Merkulov\n\nPloeshti [Ploiești], 14 September 1950\n\n"
                               "In eight months the enterprises drilled 168,000 metres against the plan.\n\n"
                               "Pech. Ostapenko, 17.III.47\n")
    dl = xp(root, "//t:opener/t:dateline")
    assert len(dl) == 1 and xp(dl[0], "t:placeName//t:orig/text()") == ["Ploeshti"]
    assert xp(dl[0], "t:date/@when") == ["1950-09-14"] and xp(dl[0], "t:date/text()") == ["14 September 1950"]
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1950-09-14"]
    assert not [d for d in xp(root, "//t:dateline") if "Ostapenko" in "".join(d.itertext())]


def test_a_dateline_below_a_subtitle_is_the_documents_own_date(tmp_path):
    """REPORT / on the drilling plan (a subtitle: the opener ends before it) / the place and date:
    the date the document bears, not the catalogue's."""
    root = _ingested(tmp_path, "REPORT\n\non the fulfilment of the drilling plan of Sovrompetrol in eight months "
                               "of 1950\n\nPloeshti, 14 September 1950\n\nIn eight months the enterprises drilled "
                               "168,000 metres against the plan of 215,000 metres.\n")
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1950-09-14"]
