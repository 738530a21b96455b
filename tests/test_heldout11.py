"""An eleventh set by a reviewer who had not read the converter (tests/data/heldout11): ten
transcriptions in the seeds' world, their copy lists laid out in ways not seen before. h75-h79 were
used for tuning; h80-h84 are held out (scored only, never looked at while changing the rules)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from heldout_chain import check_set
from heldout_marks import snippet
from provenance.chain import extract_paths

FOLDER = Path(__file__).resolve().parent / "data" / "heldout11"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
TUNE = ["h75", "h76", "h77", "h78", "h79"]
HELD_OUT = ["h80", "h81", "h82", "h83", "h84"]


def test_the_tuning_half_encodes_its_marks_and_chains():
    """On arrival 90 of its 107 marks and 13 of its 27 copy-chain facts were read as expected; all
    107 marks since Mongolian romanized is told by its doubled long vowels ("[aduu]", "[khorshoo]")."""
    check_set(FOLDER, TUNE, 107, 27, 107, 27)


def test_the_held_out_half_stays_where_it_was_measured():
    """On arrival 76 of its 95 marks and 24 of its 33 copy-chain facts were read as expected; 86
    marks since a bare "[signature]" is a gap with reason="signature" (heldout12 encodes it so too),
    88 since a word in no word list and with a letter Russian romanizations lack is read in the
    language the document names most."""
    check_set(FOLDER, HELD_OUT, 95, 33, 91, 24)


def _encode(text: str) -> tuple[etree._Element, str]:
    body, xml, edition = snippet(text)
    assert text in edition, (text, edition)   # nothing is lost
    return body, xml


def test_what_the_page_shows_and_the_text_does_not():
    """A page's beginning is a pb, a signature not reproduced a gap saying what it is, a stamp
    without its words an empty stamp: none of them words the translator supplied."""
    body, xml = _encode("until 15 October.\n\n[page 2]\n\nThe next day")
    assert body.xpath("//t:pb/@n", namespaces=NS) == ["2"], xml
    body, xml = _encode("the end.\n\n[page break]\n\nThen")
    assert len(body.xpath("//t:pb", namespaces=NS)) == 1 and not body.xpath("//t:supplied", namespaces=NS), xml
    body, xml = _encode("MINISTER OF STATE SECURITY OF THE USSR [signature] V. ABAKUMOV")
    assert body.xpath("//t:gap[@reason='signature']/t:desc/text()", namespaces=NS) == ["signature"], xml
    assert not body.xpath("//t:abbr|//t:expan", namespaces=NS), xml   # "USSR" is not expanded to "signature"
    body, xml = _encode("OF THE CC\n\n[stamp]\n\nText")
    assert len(body.xpath("//t:stamp", namespaces=NS)) == 1 and not body.xpath("//t:supplied", namespaces=NS), xml


def test_a_handwritten_comment_named_by_its_writer_is_an_addition_in_its_place():
    body, xml = _encode('No. 0417\n\n[Mao Zedong\'s handwritten comment in the margin: "Agree. Zhou to handle it."]\n\nText')
    assert body.xpath("//t:add[@place='margin']/text()", namespaces=NS) == ["Agree. Zhou to handle it."], xml


def test_names_glossed_in_the_heading_and_after_a_title():
    # the title on the line above belongs to another paragraph: the place is no person
    body, xml = _encode("To the Ambassador of the USSR, Cde. I. A. Ivanov\n\nUlan-Bator [Ulaanbaatar], 18 May 1945")
    assert body.xpath("//t:placeName//t:orig/text()", namespaces=NS) == ["Ulan-Bator"], xml
    # a rank before the name is no part of it
    body, xml = _encode("the leaders of the MNR, Marshal Choybalsan [Khorloogiin Choibalsan], and")
    assert body.xpath("//t:persName//t:orig/text()", namespaces=NS) == ["Choybalsan"], xml
    # one name glossed by a given name and a surname is a person's
    body, xml = _encode("the command has passed to Saifuddin [Saypidin Azizi], who has declared")
    assert body.xpath("//t:persName//t:reg/text()", namespaces=NS) == ["Saypidin Azizi"], xml
    # "today X" glosses the whole of a place's name, not its last word
    body, xml = _encode("in Kashgar and in Yangi Hissar [today Yengisar] the garrisons")
    assert body.xpath("//t:placeName//t:orig/text()", namespaces=NS) == ["Yangi Hissar"], xml


def _copies(tmp_path, text: str) -> dict[int, str]:
    p = tmp_path / "doc.txt"
    p.write_text("Cable\n\n" + text + "\n", encoding="utf-8")
    doc = extract_paths([p])["documents"][0]
    return {c["number"]: (c.get("recipient_raw") if c["kind"] == "recipient" else c["kind"]) for c in doc["copies"]}


def test_a_list_of_recipients_first_with_blank_lines_between(tmp_path):
    got = _copies(tmp_path, "vyp. Orlova\n\nCde. Stalin - copy N° 1\n\nCde. Molotov - copy N° 2\n\n"
                            "Cde. Beria - copy N° 3\n\nFile - copy N° 4")
    assert [got.get(n) for n in (1, 2, 3, 4)] == ["Cde. Stalin", "Cde. Molotov", "Cde. Beria", "file"], got


def test_copies_named_in_a_sentence_with_their_numbers_in_brackets_and_ranges(tmp_path):
    got = _copies(tmp_path, "This telegram has been sent to Chairman Mao (copy 1), Cde. Zhou Enlai (copy 2) and "
                            "Cde. Peng Dehuai (copy 3); copies 4-6 to the Northwest Bureau; copy 7 to file.")
    assert sorted(got) == [1, 2, 3, 4, 5, 6, 7], got
    assert [got[n] for n in range(1, 8)] == ["Chairman Mao", "Cde. Zhou Enlai", "Cde. Peng Dehuai", "the Northwest Bureau",
                                             "the Northwest Bureau", "the Northwest Bureau", "file"], got


def test_words_made_of_pinyin_syllables_are_chinese():
    """A bracketed word that no English or Russian word list holds and that is made of the syllables
    of pinyin (read from pypinyin's dictionary) is Chinese; Turkic and Mongolian words are not."""
    from provenance.knowledge.languages import pinyin

    for words in ["weiyuanhui", "xingzheng zhuanyuan", "tufei", "muqu", "Waijiao tepaiyuan gongshu", "xi'an"]:
        assert pinyin(tuple(words.split())) >= 2, words
    for words in ["aqsaqal", "khorshoo", "aduu", "uyushma", "malchilar", "dehqanlar", "dada", "ata", "bai", "qystau"]:
        assert pinyin(tuple(words.split())) == 0, words
    cases = [
        ("the bandit [tufei] Wu-ssu-man has gathered armed men.", "zh-Latn"),
        ("wages are paid by the county [xian] government.", "zh-Latn"),      # a rare English word too
        ("The elders [aqsaqal] met.", "und-Latn"),
    ]
    for text, lang in cases:
        body, xml = _encode(text)
        assert body.xpath("//t:foreign/@xml:lang", namespaces=NS) == [lang], (text, xml)
    body, xml = _encode("the officials took the best [long] horses.")     # a common English word: supplied
    assert not body.xpath("//t:foreign", namespaces=NS), xml


def test_an_excerpt_on_a_point_and_one_entry_read_once(tmp_path):
    from provenance.chain import extract_document

    for text in ("Protocol No. 31\n\nExtract on point 4 to Cde. Nyamjav.\n",
                 "Protocol No. 31\n\nExtract of point 4 - to Cde. Nyamjav.\n"):
        doc = extract_document(text, "t")
        assert [(e["recipients_raw"], e["points"]) for e in doc["excerpts"]] == [(["Cde. Nyamjav"], ["4"])], doc["excerpts"]


def test_the_addressee_on_the_line_below_the_post_resolves_adresatu():
    from provenance.chain import extract_document

    doc = extract_document("To the Head of the Personnel Department\nCde. Rodzevich\n\nPlease issue a pass.\n\n"
                           "Otp. 2 ekz.\n1 - adresatu\n2 - v delo\n", "t")
    assert [a["raw"] for a in doc["correspondence"]["addressees"]] == ["Rodzevich"], doc["correspondence"]
    assert [(c["number"], c["kind"], c.get("recipient_name")) for c in doc["copies"]] == [
        (1, "addressee", "Rodzevich"), (2, "file", None)]
    doc = extract_document("To Comrade Rodzevich, Head of the Personnel Department\n\nPlease issue a pass.\n", "t")
    assert [a["raw"] for a in doc["correspondence"]["addressees"]] == ["Comrade Rodzevich"], doc["correspondence"]
