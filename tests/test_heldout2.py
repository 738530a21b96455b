"""A second set of transcriptions written by a reviewer who had not read the converter
(tests/data/heldout2: Czechoslovak, Polish, Mongolian, Chinese, Vietnamese and Soviet documents):
h09, h10, h12 and h13 were used while changing the rules; h11 and h14 are only scored. And the
forms of copy lists, roles and excerpt lists, and the original-language words, they brought."""

from __future__ import annotations

from pathlib import Path

from heldout_chain import score as chain_score
from heldout_marks import score_files
from lxml import etree

from provenance.chain import extract_document
from provenance.ingest import ingest_text

FOLDER = Path(__file__).resolve().parent / "data" / "heldout2"
TUNE = ["h09", "h10", "h12", "h13"]
HELD_OUT = ["h11", "h14"]
TEI = "{http://www.tei-c.org/ns/1.0}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_the_tuning_transcriptions_encode_their_marks_and_chains():
    marks = score_files(TUNE, FOLDER)
    assert len(marks) >= 100 and sum(hit for _e, hit in marks) >= 105, \
        [e["mark"] for e, hit in marks if not hit]
    facts = chain_score(TUNE, FOLDER)
    assert len(facts) >= 30 and all(ok for *_x, ok in facts), [what for _f, what, ok in facts if not ok]


def test_the_held_out_transcriptions_stay_where_they_were_measured():
    """Scored only: 42 of their 48 marks and 4 of their 10 copy-chain facts were read as expected on
    arrival. Their copy-chain facts and their marks have since been used while changing the rules (newer sets
    are held out in their place: tests/data/heldout6 h44-h48, distribution4's even half). All 10 facts are read now ('To Vice Minister Lu:', a list after 'Typed by A.
    Sinitsyna, 3 copies')."""
    marks = score_files(HELD_OUT, FOLDER)
    assert len(marks) >= 45 and sum(hit for _e, hit in marks) >= 42
    facts = chain_score(HELD_OUT, FOLDER)
    assert len(facts) >= 10 and all(ok for *_x, ok in facts), [what for _f, what, ok in facts if not ok]


def _body(text: str):
    res = ingest_text(text, "t")
    return res.tree.getroot()


def test_an_original_language_word_is_foreign_in_its_language():
    root = _body("Report\n\nThe recruitment [nábor] of workers failed, and the settlers [osadnicy] left. "
                 "The herders [somon] stayed.\n")
    foreign = {f.text: f.get(LANG) for f in root.iter(f"{TEI}foreign")}
    assert foreign.get("nábor") == "cs" and foreign.get("osadnicy") == "pl", foreign
    assert foreign.get("somon") in (None, "ru-Latn")   # not Turkish: a short word of plain letters is a word
    # of too many languages to tell one by its word lists
    langs = {x.get("ident"): x.text for x in root.iter(f"{TEI}language")}
    assert langs.get("cs") == "Czech" and langs.get("pl") == "Polish", langs


def test_abbreviations_with_a_slash_or_letters_beyond_ascii_are_expanded():
    root = _body("Report\n\nGrain went through V/O [All-Union Association] Eksportkhleb, as the CC KSČ "
                 "[Central Committee of the Communist Party of Czechoslovakia] had asked.\n")
    abbrs = [c.find(f"{TEI}abbr").text for c in root.iter(f"{TEI}choice") if c.find(f"{TEI}abbr") is not None]
    assert abbrs == ["V/O", "KSČ"], abbrs


def test_a_name_glossed_by_its_last_word_is_the_longer_name():
    root = _body("Report\n\nThe hostels at Moravská Ostrava [Ostrava] are ready.\n")
    orig = [o.text for o in root.iter(f"{TEI}orig")]
    assert orig == ["Moravská Ostrava"], orig


def _facts(text: str) -> dict:
    return extract_document(text, "t")


def test_copy_lists_under_a_head_with_numbers_written_several_ways():
    doc = _facts("Decision\n\n1. The plan is approved.\n\nCopies:\n1. Cde. Vondráček\n2. file\n\n"
                 "Made in 2 copies:\n\nNo. 1 — Cde. Zieliński\n\nNo. 2 — file\n")
    got = {(c["number"], c["recipient"] or c["destination"]) for c in doc["copies"]}
    assert {(1, "Vondráček"), (1, "Zieliński")} <= {(n, (r or "").replace("Cde. ", "")) for n, r in got}, got
    assert sum(1 for c in doc["copies"] if c["kind"] == "file") == 2, doc["copies"]


def test_copy_lines_inline_and_by_ordinal():
    doc = _facts("Letter\n\nText of the letter.\n\nCopies: 1 - to the addressee, 2 - file\n\n"
                 "Third copy: to Cde. Ivanov\n")
    numbers = sorted(c["number"] for c in doc["copies"])
    assert numbers == [1, 2, 3], doc["copies"]


def test_a_role_line_holding_several_roles_names_each_agent():
    doc = _facts("Minutes\n\nText.\n\nDrafted by: Cde. Bednar. Typed by M. Zemanova, 4 copies, 19.IX.1951.\n")
    roles = {r["role"]: r["agent_raw"] for r in doc["roles"]}
    assert roles.get("drafted") == "Cde. Bednar" and roles.get("typed") == "M. Zemanova", roles


def test_an_excerpt_list_with_points_in_parentheses_and_commas():
    doc = _facts("Decision\n\n1. One.\n\n2. Two.\n\nExcerpts sent to: Cde. Zielinski (everything), "
                 "Cde. Marczak (points 1 and 2), Ministry of Transport (point 2, by cipher).\n")
    got = [(e["recipients_raw"], e["points"], e["channel"]) for e in doc["excerpts"]]
    assert len(got) == 3, got
    assert got[0][1] == ["all"] and got[1][1] == ["1", "2"] and got[2][2] == "cipher", got


def test_a_word_of_no_known_language_is_foreign_of_undetermined_language():
    """Not English, and in no word list here: the original's word all the same (a supplied word is
    English), its language left for the editor ("und-Latn", and a review item)."""
    res = ingest_text("Report\n\nThe herders [malchid] joined the associations [negdel], and [the] herds "
                      "grew.\n", "t")
    root = res.tree.getroot()
    foreign = {f.text: f.get(LANG) for f in root.iter(f"{TEI}foreign")}
    assert foreign == {"malchid": "und-Latn", "negdel": "und-Latn"}, foreign
    assert [s.text for s in root.iter(f"{TEI}supplied")] == ["the"]
    assert any(r["bracket"] == "[malchid]" and r["rule"] == "foreign.undetermined" for r in res.review), res.review
