"""A sixth set by a reviewer who had not read the converter (tests/data/heldout6): five transcriptions
in the seeds' world (Soviet, Xinjiang, Mongolian affairs of 1943-1949) and five of origins the seeds
lack (a Bulgarian Politburo resolution, an Allied Control Commission protocol in Finland, an Iranian
Azerbaijan memorandum, a North Korean telegram, an East German note), with marks in forms the seeds
do not show. h39-h43 were used while changing the rules, h44-h48 are only scored."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import check_set
from heldout_marks import snippet

from provenance.ingest import ingest_text

FOLDER = Path(__file__).resolve().parent / "data" / "heldout6"
TUNE = ["h39", "h40", "h41", "h42", "h43"]
HELD_OUT = ["h44", "h45", "h46", "h47", "h48"]
TEI = "{http://www.tei-c.org/ns/1.0}"


def test_the_tuning_transcriptions_encode_their_marks_and_chains():
    """On arrival 105 of their 129 marks and 26 of their 38 copy-chain facts were read as expected."""
    check_set(FOLDER, TUNE, 129, 38, 126, 38)


def test_the_held_out_transcriptions_stay_where_they_were_measured():
    """Scored only: on arrival 98 of their 130 marks and 24 of their 32 copy-chain facts were read as
    expected; 117 and 27 after the rules the other five, the earlier sets' held-out halves and heldout8 brought;
    119 marks since the seventeenth set's rules and Mongolian's doubled long vowels."""
    check_set(FOLDER, HELD_OUT, 130, 32, 121, 27)   # raised to where it stands: 121 with quoted names rare in English


def test_marks_in_the_forms_this_set_brought():
    cases = [
        # words the author crossed out: the original's, not its final text
        ('He asked [crossed out: "in great haste"] for a reply.', 'del', 'in great haste'),
        # a count of words that could not be read
        ("It reads Burkhan [two words illegible] the oil field.", 'gap reason="illegible" quantity="2" unit="words"', None),
        ("Authenticated: [illeg.] on the same day.", 'gap reason="illegible"', None),
        # words the editor left out
        ("the brotherly [...] peoples of the Balkans.", 'gap reason="omitted"', None),
        # a literal translation is a gloss
        ('The troops stood at Tsagaan-Tolgoi [literally "White Hill"] all day.', 'note type="gloss"', 'literally "White Hill"'),
        # a conjecture after a dash
        ("The number so far was 290 [sic – probably 209 is meant] men.", "corr", "209"),
        # handwriting placed by the editor's own words
        ('Less than 50. [handwritten in the margin next to § 3: "Ask the Ministry"]', 'add place="margin"',
         "Ask the Ministry"),
    ]
    for text, tag, content in cases:
        _body, xml, edition = snippet(text)
        assert "<" + tag in xml, (text, xml)
        if content is not None:
            assert ">" + content + "<" in xml, (text, xml)
        # nothing is lost: the edition reads back as it was written
        assert text in edition, (text, edition)
    body, _xml, _edition = snippet("It was the 1947/46 [sic] school year.")
    assert [s.text for s in body.iter(f"{TEI}sic")] == ["1947/46"]


def test_a_short_name_glossed_by_an_office_is_an_abbreviation_and_a_name_written_out_a_person():
    body, xml, _edition = snippet("The Valpo [State Police] arrested him in Vaasa.")
    assert [(c.find(f"{TEI}abbr").text, c.find(f"{TEI}expan").text) for c in body.iter(f"{TEI}choice")] == \
        [("Valpo", "State Police")], xml
    body, xml, _edition = snippet("The protocol was signed by Vl. Poptomov [Vladimir Poptomov] on Monday.")
    names = [(p.find(f".//{TEI}orig").text, p.find(f".//{TEI}reg").text) for p in body.iter(f"{TEI}persName")]
    assert names == [("Vl. Poptomov", "Vladimir Poptomov")], xml
    # an abbreviation after a long heading in capitals
    body, xml, _edition = snippet("RESOLUTION OF THE POLITBURO OF THE CC OF THE BRP(k) "
                                  "[Bulgarian Workers' Party (Communists)] ON THE SCHOOLS")
    assert [c.find(f"{TEI}abbr").text for c in body.iter(f"{TEI}choice")] == ["BRP(k)"], xml


def test_forms_the_earlier_held_out_halves_brought():
    """The marks of the earlier sets' held-out halves, once opened for tuning."""
    def el(text, xpath):
        body, xml, _edition = snippet(text)
        return body.xpath(xpath, namespaces={"t": TEI[1:-1]}), xml

    got, xml = el("The factory in Kostrzyn [Kostrzyn nad Odrą] stopped work.", "//t:placeName//t:reg/text()")
    assert got == ["Kostrzyn nad Odrą"], xml          # the name the text shortens, in full
    got, xml = el("The harvest in the Oriente [Holguín, Las Tunas or Granma] was late.", "//t:placeName//t:reg/text()")
    assert got == ["Holguín", "Las Tunas", "Granma"], xml
    got, xml = el("Copy 4: a/a [ad acta] in the office.", "//t:choice/t:abbr/text()")
    assert got == ["a/a"], xml                          # letters that are the initials of the words
    got, xml = el("The price of the arroba [11.5 kg] rose.", "//t:note[@type='gloss']/text()")
    assert got == ["11.5 kg"], xml                      # a measure in the reader's terms
    got, xml = el("Work began at Object No. 15 [the naval fuel depot] in May.", "//t:note[@type='gloss']/text()")
    assert got == ["the naval fuel depot"], xml         # what a code of the original stands for
    got, xml = el("The term was extended to 31 October [SIC, 31 December seems to be intended] 1948.",
                  "//t:corr/text()")
    assert got == ["31 December"], xml
    got, xml = el("Dostavljeno [Delivered to]: the Ministry.", "//t:note[@type='gloss']/text()")
    assert got == ["Delivered to"], xml                 # the English of the original's label


def test_the_original_language_the_header_names_reads_its_capitalized_words():
    head = (FOLDER.parent / "heldout3" / "h19_memo_md.txt").read_text(encoding="utf-8").split("Translation - English")[0]
    text = head + ("Translation - English\n\nThe raising of the work norms [Normerhöhung] angered the builders "
                   "of Residential Complex I [Wohnkomplex I].\n")
    root = ingest_text(text, "t.txt").tree.getroot()
    got = {f.text: f.get("{http://www.w3.org/XML/1998/namespace}lang") for f in root.iter(f"{TEI}foreign")}
    assert got == {"Normerhöhung": "de", "Wohnkomplex I": "de"}, got
    # a Slavic word of a Serbo-Croatian original is that language's, tagged in its standard form
    page = FOLDER.parent / "heldout3" / "h20_letter_web.txt"
    root = ingest_text(page.read_text(encoding="utf-8"), page.name).tree.getroot()
    got = {f.text: f.get("{http://www.w3.org/XML/1998/namespace}lang") for f in root.iter(f"{TEI}foreign")}
    assert got.get("karaula") == "sr-Latn" and got.get("jataci") == "sr-Latn", got
