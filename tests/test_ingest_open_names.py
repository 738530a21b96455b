"""Brackets in documents the converter was not written from: decided by open resources (Russian
morphology, English word lists, the gazetteer) and by the context (titles and ranks), not by
lists of the seeds' words."""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import ROOT
from heldout_marks import HELDOUT, TUNE_FILES, score_files
from provenance.ingest import ingest_file
from provenance.textback import tei_to_text

OPEN = ROOT / "tests" / "data" / "open" / "300_report_open_names.txt"
NS = {"t": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}


@pytest.fixture(scope="module")
def doc():
    res = ingest_file(OPEN)
    return res, etree.fromstring(res.tei_bytes())


def xp(root, path):
    return root.xpath(path, namespaces=NS)


def test_russian_words_are_foreign_by_morphology(doc):
    res, root = doc
    assert xp(root, "//t:foreign[@xml:lang='ru-Latn']/text()") == ["raikom", "sovkhozy", "otryady", "zagotovki",
                                                                   "nedoimki"]
    rules = {d["bracket"]: d["rule"] for d in res.decisions}
    assert rules["[sovkhozy]"] == "foreign.russian"


def test_persons_by_title_and_rank_places_by_the_gazetteer(doc):
    _res, root = doc
    persons = xp(root, "//t:persName/t:choice/t:orig/text()")
    places = xp(root, "//t:placeName/t:choice/t:orig/text()")
    assert persons == ["Zhukoff", "Mikoyaan", "Tulebaev"]   # General-Lieutenant X, Cde. A. I. X, X stated
    assert places == ["Semipalatinsk", "Kulja", "Chuguchak", "Kulja"]   # two glosses in one sentence, both read


def test_numbers_stay_whole_before_sic_and_a_nested_illegible_signature_is_a_gap(doc):
    _res, root = doc
    assert xp(root, "//t:sic/text()") == ["1,409"]
    gaps = xp(root, "//t:gap[@reason='illegible']")
    assert len(gaps) == 1 and gaps[0].get("extent") == "signature"
    assert gaps[0].getparent().tag.endswith("p"), "not wrapped in supplied"
    assert not xp(root, "//t:supplied[t:gap]")


def test_gloss_of_a_foreign_word_and_expansion_of_a_foreign_abbreviation(doc):
    _res, root = doc
    assert xp(root, "//t:note[@type='gloss']/text()") == ["provinces"]
    assert xp(root, "//t:choice[t:abbr='Glavsevmorput']/t:expan/text()") == [
        "Chief Directorate of the Northern Sea Route"]


def test_the_edition_layer_gives_back_every_bracket(doc):
    res, _root = doc
    edition = tei_to_text(etree.fromstring(res.tei_bytes()), "edition")
    source = OPEN.read_text(encoding="utf-8")
    for mark in ("[raikom]", "[[illegible signature]]", "[provinces]", "1,409 [sic]",
                 "[Chief Directorate of the Northern Sea Route]", "Zhukoff [Zhukov]"):
        assert mark in edition and mark in source


def test_the_tuning_transcriptions_encode_their_marks():
    """h01-h04 (the markdown style) may be looked at while changing the rules."""
    results = score_files(TUNE_FILES)
    ok = sum(1 for _e, hit in results if hit)
    assert len(results) >= 80 and ok >= 0.95 * len(results), [e["mark"] for e, hit in results if not hit]


def test_the_held_out_transcriptions_encode_their_marks():
    """h05-h08 (the web-page style) were only scored for several rounds (85 of their 88 marks); they
    have since been used while changing the rules (tests/data/heldout6 h44-h48 are held out in their
    place), and all 88 are encoded as expected."""
    results = score_files(("h05", "h06", "h07", "h08"))
    ok = sum(1 for _e, hit in results if hit)
    assert len(results) >= 80 and ok == len(results), [e["mark"] for e, hit in results if not hit]
    assert HELDOUT.is_dir()


@pytest.mark.parametrize("line,gloss", [
    ("The witness stated that you received 200 liang [silver taels] and a letter.", "silver taels"),
    ("Vypiska [Extract] of point 3 sent to the PP OGPU by cipher.", "Extract"),
    ("Otp. 8 ekz. [printed in 8 copies]", "printed in 8 copies"),
    ("The raion sent forty arba [carts] to the station.", "carts"),
])
def test_the_english_of_the_word_before_is_a_gloss(tmp_path, line, gloss):
    """The original's word and, in brackets, what it means: a unit after a number however common as
    a surname (liang), a capitalized term first on its line (Vypiska), an abbreviation (ekz.)."""
    src = tmp_path / "doc.txt"
    src.write_text("MEMORANDUM\n\n" + line + "\n", encoding="utf-8")
    res = ingest_file(src)
    root = etree.fromstring(res.tei_bytes())
    assert xp(root, "//t:note[@type='gloss']/text()") == [gloss]
    assert not xp(root, "//t:placeName | //t:supplied")
    assert line in tei_to_text(root, "edition")


@pytest.mark.parametrize("line", [
    "Urumchi [Urumqi] was taken on 3 May.",          # a place's other name, not its meaning
    "The meeting in Kulja [Yining] was postponed.",
])
def test_a_place_glossed_by_its_other_name_stays_a_place(tmp_path, line):
    src = tmp_path / "doc.txt"
    src.write_text("MEMORANDUM\n\n" + line + "\n", encoding="utf-8")
    root = etree.fromstring(ingest_file(src).tei_bytes())
    assert xp(root, "//t:placeName") and not xp(root, "//t:note[@type='gloss']")


def test_a_name_of_two_parts_glosses_two_words_and_a_turkic_phrase_takes_the_documents_language(tmp_path):
    """"the Black Irtysh [Kara-Irtysh]": the gloss's two parts name the two words before it; "[üch
    vilayet]": a letter no romanization of Russian uses marks the phrase as the language the
    document names, though "vilayet" is also an English and a Russian word."""
    src = tmp_path / "doc.txt"
    src.write_text("REPORT ON THE UYGHUR DISTRICTS\n\nThe Uyghur delegates of the three districts [üch vilayet] "
                   "came from the Black Irtysh [Kara-Irtysh] by way of Zaisan. The Uyghur herders stayed behind.\n",
                   encoding="utf-8")
    root = etree.fromstring(ingest_file(src).tei_bytes())
    assert xp(root, "//t:placeName/t:choice/t:orig/text()") == ["Black Irtysh"]
    assert xp(root, "//t:foreign[text()='üch vilayet']/@xml:lang") == ["ug-Latn"]


def test_words_of_no_word_list_after_english_are_the_original_s_in_an_undetermined_language():
    """"the three districts [üch vilayet]" where the document names no language: the original's
    words (letters no romanization of Russian uses, one word English has too), not supplied English."""
    from provenance.ingest import ingest_text, serialize

    xml = serialize(ingest_text("Report\n\nThe people of the three districts [üch vilayet] will not give back the land.\n",
                                "x").tree).decode()
    assert '<foreign resp="#translator" xml:lang="und-Latn">üch vilayet</foreign>' in xml, xml


def test_a_russian_compound_of_a_known_prefix_is_russian():
    """A compound the dictionary lists only without its prefix (спец + группа) is read with
    pymorphy3's known prefixes; a short prefix (за, не, ре) is not enough to make a word Russian."""
    from provenance.ingest import ingest_text
    from provenance.knowledge import russian

    assert russian.russian_word("spetsgruppa") == "спецгруппа"
    assert russian.russian_word("spetspereselentsy") == "спецпереселенец"
    assert russian.russian_word("kyshtak") is None and russian.russian_word("otor") is None
    root = etree.fromstring(ingest_text("The consul reports.\n\nA special group [spetsgruppa] was formed.\n",
                                        "doc").tei_bytes())
    assert xp(root, "//t:foreign[@xml:lang='ru-Latn']/text()") == ["spetsgruppa"]


def test_a_hard_sign_in_transliteration_and_korean_by_its_breves():
    """The hard sign written as a double quote inside a word (pod"yomnye, s"ezd) is Russian; the
    letters McCune-Reischauer adds (ŏ, ŭ) mark Korean, which no word list here holds."""
    from provenance.ingest import ingest_text
    from provenance.knowledge import russian

    assert russian.russian_word('s"ezd') == "съезд" and russian.russian_word('pod"yomnye') == "подъёмный"
    root = etree.fromstring(ingest_text('The decree.\n\nEach family gets a resettlement grant [pod"yomnye] of 1,000 rubles.\n'
                                        "The people's committee [inmin wiwŏnhoe] met on Tuesday.\n", "doc").tei_bytes())
    assert xp(root, "//t:foreign[@xml:lang='ru-Latn']/text()") == ['pod"yomnye']
    assert xp(root, "//t:foreign[@xml:lang='ko-Latn']/text()") == ["inmin wiwŏnhoe"]


def test_a_word_of_no_word_list_takes_the_language_of_the_countrys_places():
    """Where the document names no language, a bracketed word no word list holds is read in the
    language of the country its places lie in (GeoNames: Sinuiju and Pyongyang lie in North Korea,
    whose language is Korean); a document whose places say nothing keeps it undetermined."""
    from provenance.ingest import ingest_text
    from provenance.knowledge import places

    assert places.countries("Sinuiju") == {"KP"} and places.country_language("KP") == "ko"
    text = ("Report of the military commandant of North Pyongan province.\n\nIn Sinuiju and in the villages "
            "around Pyongyang the land was given to the tenants [sojagin].\n")
    root = etree.fromstring(ingest_text(text, "doc").tei_bytes())
    assert xp(root, "//t:foreign[@xml:lang='ko-Latn']/text()") == ["sojagin"]
    root = etree.fromstring(ingest_text("Report.\n\nThe land was given to the tenants [sojagin].\n", "doc").tei_bytes())
    assert xp(root, "//t:foreign/@xml:lang") == ["und-Latn"]


def test_a_word_russian_cannot_spell_takes_the_language_of_the_places_of_a_russian_original():
    """A Russian original (the page says so) about Latgale: "the kulaks [budži]" has a letter of the
    scholarly transliteration (ž) and is no Russian word read so (budzhi): Latvian, the language
    of the country its places lie in; the original's name of a body after its English, a word of
    French's word list ([Sûreté]), French; "[kolkhoz]" and a word that is Russian read so
    ([žurnaly], zhurnaly) stay Russian."""
    body = ("In Rezekne and Daugavpils the kulaks [budži] hide grain from the collective farm [kolkhoz], "
            "and the registers [žurnaly] of the village council are not kept. The former agents of the "
            "French security service [Sûreté] are watched.")
    got = _languages_of_a_russian_original("May 2, 1948", "Report on the Grain Collection in Latgale", body)
    assert got == {"budži": "lv", "kolkhoz": "ru-Latn", "žurnaly": "ru-Latn", "Sûreté": "fr"}, got


def _languages_of_a_russian_original(date: str, title: str, body: str) -> dict:
    """The language of each foreign word of a web page whose original the page says is Russian."""
    from provenance.ingest import ingest_text

    text = (f"Skip to content\n\n{date}\n\n{title}\n\n" + body +
            "\n\nA summary of the report.\n\nDocument Information\n\n\nArchive, f. 1, op. 2, d. 3, l. 4.\n\n\n"
            "Original Language\n\nRussian\n\n\nRecord ID\n\n\n")
    root = etree.fromstring(ingest_text(text, "doc").tei_bytes())
    return {f.text: f.get("{http://www.w3.org/XML/1998/namespace}lang") for f in root.iter("{http://www.tei-c.org/ns/1.0}foreign")}



def test_an_ascii_word_of_no_russian_word_nor_compound_takes_the_language_of_the_places():
    """A Russian original about Moldavia: "flatbread [turte]" is no Russian word read any way and no
    Russian compound, so Romanian, the language of the country its places lie in; "[skotobazy]"
    (ското-базы) and "[bandgruppy]" (банд-группы) are Russian compounds the dictionary lists only in
    their parts, and stay Russian, as "[kolkhoz]" does."""
    body = ("In Kishinev and Beltsy the speculators sell flatbread [turte] at the markets, the cattle bases "
            "[skotobazy] of the collective farms [kolkhoz] stand empty and the armed bands [bandgruppy] are "
            "active near Soroki.")
    got = _languages_of_a_russian_original("February 14, 1947", "Report on the Drought in Moldavia", body)
    assert got == {"turte": "ro", "skotobazy": "ru-Latn", "kolkhoz": "ru-Latn", "bandgruppy": "ru-Latn"}, got


@pytest.mark.parametrize("mark,element,place", [
    ('[added by hand above the line: "and 30 for the aged"]', "add", "above"),
    ('[resolution in the upper right corner: "To the department. Prepare a reply."]', "add", "top"),
    ('[registration stamp: "Balkan Countries Department. 3 IX 49. N° 6518"]', "stamp", None),
    ("[In another hand:]", "handShift", None),
    ('[stamp of the Allied Control Commission: "Received 9 V 1946. Inc. N° 1744"]', "stamp", None),
    ('[stamp with the arms of the republic: "NKZ. Out. N° 3306, 30.VIII.27"]', "stamp", None),
    ('[round seal bearing a five-pointed star: "Village soviet of Ufa"]', "stamp", None),
    ("[Continued by hand:]", "handShift", None),
    ("[In pencil, in another hand:]", "handShift", None),
    ('[inserted between the lines: "and the hay"]', "add", "above"),
    ('[handwritten on the back of the last sheet: "Sent 11.IX.46"]', "add", "overleaf"),
    ('[in the margin, in pencil: "Agreed with the Kavbyuro. S."]', "add", "margin"),
    ('[on the reverse, in pencil: "Answered 12.VIII.55"]', "add", "overleaf"),
    ('[added in pencil below the copy list: "Answered 2.IV.49"]', "add", "below"),
    ("[Further in another hand:]", "handShift", None),
    ("[The following in another hand:]", "handShift", None),
    ('[pencilled in the margin beside point 3: "No vaccine. Wire Irkutsk."]', "add", "margin"),
    ('[in Russian, in pencil, in the left margin of the last page: "Not to be included. G."]', "add", "margin"),
    ('[in the left margin beside § 5, in red pencil: "And soap?"]', "add", "margin"),
    ('[at the foot of the last page, in pencil: "Sent with the mail of 16.III. Sh."]', "add", "bottom"),
    ('[written slantwise across the upper right corner: "To Cde. Orlov. Answer by Friday."]', "add", "top"),
    ('[marginal note in green ink, left of point 2: "Agreed. P."]', "add", "margin"),
    ('[German note in pencil beside the last paragraph: "Ask Berlin."]', "add", "margin"),
    ('[scribbled at the foot of the page: "Filed 3.V."]', "add", "bottom"),
    ("[Below, in blue ink, in another hand:]", "handShift", None),
    ('[stamp in violet ink: "Received 3.V.46"]', "stamp", None),
    ('[impression of a rubber stamp: "Secretariat. 4 IV 1947"]', "stamp", None),
    ("[thus in the original]", "sic", None),
    ("[f. 12]", "pb", None),
    ("[leaf 4]", "pb", None),
    ("[sheet 2 of the letter]", "pb", None),
    ("[p. 3 of the typescript]", "pb", None),
    ("[overleaf]", "pb", None),
    ("[a space has been left for the date]", "space", None),
    ("[not filled in]", "space", None),
    ("[paper worn through at the fold]", "gap", None),
    ('[crossed through: "in all the villages"]', "del", None),
    ("[Typed footnote in the original: The figures are for May.]", "note", None),
    ("[In the original, a footnote: The figures are for May.]", "note", None),
    ("[Translator's remark: the okrug was abolished in 1930.]", "note", None),
    ('[possibly "Kuvatov"; partly illegible]', "unclear", None),
    ('[name partly illegible, perhaps "Fontanesi"]', "unclear", None),
    ("[sic in original]", "sic", None),
    ("[name uncertain]", "unclear", None),
    ("[obscured by an ink blot]", "gap", None),
    ("[left unfilled]", "space", None),
    ("[a blank has been left]", "space", None),
    ('[lined through in ink: "in all the villages"]', "del", None),
    ('[overtyped: "from its own funds"]', "del", None),
    ("[Original footnote: The figures are for May.]", "note", None),
    ("[Asterisked note at the foot of the page: The figures are for May.]", "note", None),
    ("[Tr. note: the okrug was abolished in 1930.]", "note", None),
    ("[Note from the translator: the okrug was abolished in 1930.]", "note", None),
    ("[autograph signature]", "gap", None),
    ("[signature in ink]", "gap", None),
    ('[marginal annotation opposite point 4: "Removed by the obkom. F."]', "add", "margin"),
    ("[Added in ink by another hand:]", "handShift", None),
    ("[Postscript in the consul's hand:]", "handShift", None),
    ('[in the left margin beside point 2, in German: "Ask Berlin."]', "add", "margin"),
    ('[Note in the margin: "Ask Moscow."]', "note", None),
    ("[the original gives no number]", "gap", None),
    ("[date left blank]", "space", None),
    ("[number left blank]", "space", None),
    ("[sum not stated in the original]", "gap", None),
    ("[page 2 of the Japanese original]", "pb", None),
])
def test_more_words_for_a_hand_and_a_stamp(mark, element, place):
    from heldout_marks import snippet
    body, xml, edition = snippet(f"The canteens will open with 40 places each {mark} from 20 February.")
    els = body.xpath(f"//t:{element}", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert len(els) == 1, xml
    assert place is None or els[0].get("place") == place, xml
    assert mark in edition, edition


def test_signatures_counted_are_one_gap_with_their_number():
    from heldout_marks import snippet
    body, xml, edition = snippet("Kosykh [signature] [14 more signatures] and the others.")
    gaps = body.xpath("//t:gap[@reason='signature']", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert [g.get("quantity") for g in gaps] == [None, "14"], xml
    assert "[14 more signatures]" in edition
    for mark, n in (("[signatures of 37 more persons follow]", "37"), ("[followed by 12 signatures]", "12"),
                    ("[followed by 40 signatures, some of them crosses]", "40"),
                    ("[and 11 more signatures]", "11")):
        body, xml, edition = snippet(f"Kosykh [signature] {mark} and the others.")
        gaps = body.xpath("//t:gap[@reason='signature']", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
        assert [g.get("quantity") for g in gaps] == [None, n], xml
        assert mark in edition


def test_a_word_of_no_list_takes_the_original_s_language_before_its_places():
    """A letter the page says is translated from Swedish, about Finnish yards: "[träskonare]" is in no
    word list, and takes the original's language, Swedish, not Finnish, the language of its places."""
    from provenance.ingest import ingest_text

    body = "Of the ninety wooden schooners [träskonare] due from the yards of Turku and Rauma, sixty have been delivered."
    text = ("Skip to content\n\nMay 8, 1946\n\nLetter from the Reparations Delegation in Helsinki\n\n" + body +
            "\n\nA summary of the letter.\n\nDocument Information\n\n\nArchive, f. 1, op. 2, d. 3, l. 4.\n\n\n"
            "Original Language\n\nSwedish\n\n\nRecord ID\n\n\n")
    root = etree.fromstring(ingest_text(text, "doc").tei_bytes())
    got = {f.text: f.get("{http://www.w3.org/XML/1998/namespace}lang") for f in root.iter("{http://www.tei-c.org/ns/1.0}foreign")}
    assert got == {"träskonare": "sv"}, got
