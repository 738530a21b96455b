"""Archival citations in the forms the corpus uses, and their neighbours."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.citation import find_citations, normalize_repository, parse_citation
from provenance.fileio import read_text

from conftest import SEED

CASES = [
    ("GARF, Fond R-9401ss, Opis' 2, Delo 95, ll. 334-338",
     dict(repository="GARF", fond="R-9401ss", opis="2", delo="95", folios="334-338",
          folio_from="334", folio_to="338", fond_raw="Fond R-9401ss", opis_raw="Opis' 2",
          delo_raw="Delo 95")),
    ("RGASPI F. 17, Op. 162, D. 37, ll. 145-155",
     dict(repository="RGASPI", fond="17", opis="162", delo="37", folios="145-155",
          folio_from="145", folio_to="155", fond_raw="F. 17", opis_raw="Op. 162", delo_raw="D. 37")),
    ("GARF, f. 9401s, op. 2, d. 10004, ll. 62-63",
     dict(repository="GARF", fond="9401s", opis="2", delo="10004", folios="62-63",
          folio_from="62", folio_to="63", fond_raw="f. 9401s")),
    ("RGASPI, f. 558, op. 11, d. 328, ll. 1-3",
     dict(repository="RGASPI", fond="558", opis="11", delo="328", folios="1-3",
          folio_from="1", folio_to="3")),
    ("AVPRF, f. 06, op. 7, p. 34, d. 517, l. 12 ob.",
     dict(repository="AVPRF", fond="06", opis="7", papka="34", delo="517", folios="12 ob.",
          folio_from="12ob", folio_to="12ob")),
    ("AVP RF, f. 0100, op. 034, d. 8, ll. 5ob.-6",
     dict(repository="AVPRF", fond="0100", opis="034", delo="8", folio_from="5ob", folio_to="6")),
    ("APRF, f. 45, op. 1, d. 322, ll. 1, 3-5",
     dict(repository="APRF", fond="45", delo="322", folios="1, 3-5", folio_from="1", folio_to="5")),
    ("RGANI, f. 89, op. 46, d. 1, l. 2",
     dict(repository="RGANI", fond="89", opis="46", delo="1", folios="2")),
    ("TsAMO RF, F. 3, Op. 11556, D. 12, L. 4",
     dict(repository="TsAMO", fond="3", opis="11556", delo="12", folios="4")),
    ("ГАРФ, ф. Р-9401, оп. 2, д. 95, лл. 334–338",
     dict(repository="GARF", fond="Р-9401", opis="2", delo="95", folio_from="334", folio_to="338")),
]


@pytest.mark.parametrize("raw,expected", CASES)
def test_parse_forms(raw, expected):
    cit = parse_citation(raw)
    assert cit is not None
    assert cit["raw"] == raw
    for key, value in expected.items():
        assert cit[key] == value, key
    assert cit["repository_name"]


def test_repository_full_names():
    assert parse_citation("GARF, f. 1, op. 1, d. 1")["repository_name"] == "State Archive of the Russian Federation"
    assert parse_citation("RGASPI F. 17, Op. 162, D. 37")["repository_name"] == \
        "Russian State Archive of Socio-Political History"
    assert normalize_repository("AVP  RF") == "AVPRF"
    assert normalize_repository("Nowhere") is None


def test_full_name_with_acronym():
    raw = "Archive of Foreign Policy of the Russian Federation (AVP RF), f. 06, op. 7, d. 517"
    cit = parse_citation("Source: " + raw + ".")
    assert cit["repository"] == "AVPRF"
    assert cit["raw"] == raw


def test_sentence_period_not_part_of_raw():
    text = "Wilson Center Digital Archive, RGASPI, f. 558, op. 11, d. 328, ll. 1-3. Translated"
    cit = parse_citation(text)
    assert cit["raw"] == "RGASPI, f. 558, op. 11, d. 328, ll. 1-3"
    assert text[cit["start"]:cit["end"]] == cit["raw"]


def test_no_repository_needs_more_than_a_fond():
    assert parse_citation("F. 17 alone") is None
    assert parse_citation("the file d. 5 of f. 12") is None
    cit = parse_citation("f. 17, op. 3, d. 1050")
    assert cit["repository"] is None and cit["delo"] == "1050"
    assert parse_citation("") is None
    assert parse_citation(None) is None


@pytest.mark.parametrize("text,expected", [
    # the Baltic and Ukrainian words for the levels, and an archive the list of repositories does
    # not know, named by its acronym before the fond
    ("Wilson Center Digital Archive, LVA, f. PA-101, apr. 11, l. 45, lp. 12-15. Translated",
     ("LVA, f. PA-101, apr. 11, l. 45, lp. 12-15", "LVA", "PA-101", "11", "45", "12-15")),
    ("TsDAHOU, f. 1, op. 23, spr. 1045, ark. 12-14.",
     ("TsDAHOU, f. 1, op. 23, spr. 1045, ark. 12-14", "TsDAHOU", "1", "23", "1045", "12-14")),
    ("Source: LYA, f. K-1, ap. 3, b. 512, l. 20-24.",
     ("LYA, f. K-1, ap. 3, b. 512, l. 20-24", "LYA", "K-1", "3", "512", "20-24")),
    # a Russian "l." is a folio where no "lp." follows; a capitalized word is no acronym
    ("In March, f. 17, op. 1, d. 2, l. 4", ("f. 17, op. 1, d. 2, l. 4", None, "17", "1", "2", "4")),
])
def test_other_archives_and_their_levels(text, expected):
    cit = parse_citation(text)
    got = (cit["raw"], cit["repository_raw"], cit["fond"], cit["opis"], cit["delo"], cit["folios"])
    assert got == expected
    assert cit["repository"] is None   # not one the list of repositories names


# the citation each seed gives, read from the texts
SEED_CITATIONS = {
    "000": ("RGASPI", "558", "11", "328", "1-3"),
    "001": ("GARF", "R-9401ss", "2", "98", "49-51"),
    "002": ("RGASPI", "17", "162", "37", "145-155"),
    "003": ("GARF", "9401s", "2", "10004", "62-63"),
    "004": ("GARF", "R-9401ss", "2", "95", "334-338"),
}


@pytest.mark.parametrize("key", sorted(SEED_CITATIONS))
def test_seed_citations(key):
    text = read_text(SEED[key])
    found = find_citations(text)
    assert len(found) == 1
    cit = found[0]
    assert (cit["repository"], cit["fond"], cit["opis"], cit["delo"], cit["folios"]) == SEED_CITATIONS[key]
    assert text[cit["start"]:cit["end"]] == cit["raw"]


def test_find_several():
    text = "See GARF, f. 9401s, op. 2, d. 10004, ll. 62-63; and RGASPI F. 17, Op. 162, D. 37, l. 5."
    found = find_citations(text)
    assert [c["repository"] for c in found] == ["GARF", "RGASPI"]
    for c in found:
        assert text[c["start"]:c["end"]] == c["raw"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="GARFSPI fopdl.,'0123456789-–ФфОод ", max_size=80))
def test_never_crashes_and_offsets_hold(text):
    for c in find_citations(text):
        assert text[c["start"]:c["end"]] == c["raw"]
        assert c["fond"]


@pytest.mark.parametrize("text,repo,fond,opis,delo,folios", [
    ("Wilson Center Digital Archive, Statsarkivet i Tromsø, Sysselmannen på Svalbard, serie Da, boks 41, mappe 7, "
     "s. 22-24. Translated from the Norwegian.", "Statsarkivet i Tromsø", "Sysselmannen på Svalbard", "Da", "7", "22-24"),
    ("Digital Archive, Kansallisarkisto, Sotakorvausteollisuuden valtuuskunnan arkisto, sarja Ea, kansio 37, s. 112-115.",
     "Kansallisarkisto", "Sotakorvausteollisuuden valtuuskunnan arkisto", "Ea", "37", "112-115"),
])
def test_a_nordic_citation_names_its_levels_in_words(text, repo, fond, opis, delo, folios):
    c = find_citations(text)[0]
    assert (c["repository_raw"], c["fond"], c["opis"], c["delo"], c["folios"]) == (repo, fond, opis, delo, folios)
    assert text[c["start"]:c["end"]] == c["raw"]


@pytest.mark.parametrize("text,repo,fond,opis,delo", [
    ("Digital Archive, GARF. F. R-5451. Op. 43. D. 1190. L. 15-18. Translated", "GARF", "R-5451", "43", "1190"),
    ("Digital Archive, NA RS(Ya), f. R-50, op. 1, d. 1377, ll. 41-43. Translated", "NA RS(Ya)", "R-50", "1", "1377"),
    ("Digital Archive, NA RT, fond R-732, inventory 1, file 96, sheets 2-4. Translated", "NA RT", "R-732", "1", "96"),
    ("Digital Archive, GARF, F. R-5446, Op. 7, Ed. khr. 215, Ll. 3-5. Translated", "GARF", "R-5446", "7", "215"),
    ("Digital Archive, GU NA RKh, f. R-30, op. 1, d. 56, ll. 9-12. Translated", "GU NA RKh", "R-30", "1", "56"),
    ("Digital Archive, GAPO (Perm), f. R-9, op. 4, d. 12, ll. 1-2. Translated", "GAPO", "R-9", "4", "12"),
    ("Digital Archive, Central State Archive of the Mari Republic (TsGA RMe), fond R-14, opis' 2, delo 77, listy 5-6. Translated",
     "TsGA RMe", "R-14", "2", "77"),
    # a hyphenated part; the acronym's full name in brackets after it
    ("Digital Archive, TsGA RSO-A, f. 51, op. 1, d. 208, ll. 2, 5-7. Done into English", "TsGA RSO-A", "51", "1", "208"),
    ("Digital Archive, EF GASO (Engels Branch of the State Archive of Saratov Oblast), f.1831, op.1, d.153, ll.28-30.",
     "EF GASO", "1831", "1", "153"),
])
def test_levels_parted_by_full_stops_and_an_acronym_with_its_republic(text, repo, fond, opis, delo):
    c = find_citations(text)[0]
    assert (c["repository_raw"], c["fond"], c["opis"], c["delo"]) == (repo, fond, opis, delo)
