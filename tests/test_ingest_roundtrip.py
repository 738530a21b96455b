"""Reading TEI back accounts for every character of the source body (property tests)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import SEED
from provenance.ingest import ingest_text
from provenance.ingest.layout import detect
from provenance.textback import tei_to_text

WORDS = ["the", "rebels", "District", "seized", "Ghulja", "Molotov", "of", "and", "1,800", "men", "a", "to",
         "Cde.", "Xinjiang", "government", "in", "July", "with", "Chinese", "troops", "(b)", "5,000", "SB",
         "NKO", "said:", "regiment;", "Altai", "N°", "Copy", "copies", "Tarbaghatai", "Yamatu", "-", "“quoted”"]
MARKS = ["[sic]", "[SIC]", "[illegible]", "[illegible initials]", "[their]", "[between]", "[Yining]",
         "[Qoqek or Tachang]", "[Translator's note: possibly \"medium bombers\"]", "\u25a1\u25a1",
         "\u25a1\u25a1\u25a1 \u25a1", "[left blank]", "[kulaki]", "[People's Commissariat of Defense]",
         "[Note at the bottom of the page: One copy made.]", "[handwritten at the top: \"12\" and initials]",
         "[Handwritten:]", "[[by illegible name]]", "[word missing in the original]", "]", "[do the following]",
         "[SIC, perhaps Xiong Shihui was intended]", "[Handwritten in the margin: “Agreed” and a signature]",
         "[signature illegible]", "[stamp: \"Declassified\"]", "[Seal on the last page: round seal of the NKVD]"]

word = st.sampled_from(WORDS)
piece = st.one_of(word, word, word, st.sampled_from(MARKS),
                  st.builds(lambda a, b: a + "[" + b + "]" + "olyakova", st.just(""), st.sampled_from("PQn")))
sentence = st.lists(piece, min_size=1, max_size=14).map(lambda ws: " ".join(ws).replace("] olyakova", "]olyakova"))
paragraph = st.lists(sentence, min_size=1, max_size=3).map(lambda ss: ". ".join(ss) + ".")
point = st.tuples(st.integers(1, 9), paragraph).map(lambda t: f"{t[0]}. {t[1]}")
letter = st.tuples(st.sampled_from("abc"), paragraph).map(lambda t: f"{t[0]}) {t[1]}")
copies = st.lists(st.sampled_from(["to Cde. Molotov", "to the addressee", "to file", "[left blank]"]),
                  min_size=1, max_size=4).map(
    lambda ds: "Three copies printed\n\n" + "\n\n".join(f"{i} - {d}" for i, d in enumerate(ds, 1)))
block = st.one_of(paragraph, paragraph, point, letter, sentence, copies,
                  st.sampled_from(["Top Secret", "29 April 1945", "to Cde. I. V. STALIN", "Drafted by Cde. [left blank]",
                                   "Typed by [P]olyakova", "Request your decision."]))
body = st.lists(block, min_size=1, max_size=12).map(lambda bs: "\n\n\n".join(bs))

HEAD = ("Skip to content\n\nMay 5, 1945\n\nReport from L. Beria to Cde. V. M. Molotov\n\n"
        "This document was made possible with support from MacArthur Foundation\n\n")
TAIL = ("\n\n\nBeria reports on the situation in the district, describing the rebels and their plans.\n\n"
        "Document Information\n\n\nGARF, f. 9401s, op. 2, d. 10004, ll. 62-63. Translated by Gary Goldberg.\n\n\n"
        "The History and Public Policy Program welcomes reuse of Digital Archive materials.\n\n"
        "Original Uploaded Date\n\n\nRecord ID\n\n\nMacArthur Foundation")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def roundtrip(text: str):
    res = ingest_text(text, "doc")
    lay = detect(text)
    tree = etree.fromstring(res.tei_bytes())
    return text[lay.body_start:lay.body_end], tei_to_text(tree, "edition"), res


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body)
def test_ingest_then_text_gives_the_body_back(b):
    src = HEAD + b + TAIL
    src_body, back, _res = roundtrip(src)
    assert squash(src_body) == squash(b)
    assert squash(back) == squash(b)


@settings(max_examples=60, deadline=None)
@given(body)
def test_original_layer_has_no_editorial_brackets(b):
    res = ingest_text(HEAD + b + TAIL, "doc")
    original = tei_to_text(etree.fromstring(res.tei_bytes()), "original")
    assert "[sic]" not in original.lower() and "translator's note" not in original.lower()
    assert "\u25a1" not in original


def test_seeds_round_trip():
    for key, path in SEED.items():
        text = path.read_text(encoding="utf-8")
        src_body, back, _ = roundtrip(text)
        assert squash(src_body) == squash(back), key


def test_original_layer_of_the_draft():
    _src, _back, res = roundtrip(SEED["004"].read_text(encoding="utf-8"))
    original = tei_to_text(etree.fromstring(res.tei_bytes()), "original")
    original = re.sub(r"\s+([;,.])", r"\1", original)
    assert "landowners and rich peasants;" in original
    assert "kulaki" not in original and "Yining" not in original and "[" not in original.replace("1 p. 282]", "")
    assert "Ghulja" in original and "SB and six" in original


def test_quoted_handwriting_keeps_only_the_hands_words_in_add():
    body = ('Beria reports [Handwritten in the margin: “Agreed. V.M.” and an illegible signature] on the '
            'rebels [handwritten at the top: "No 17"] and [Handwritten: Stalin [illegible]] in Xinjiang.')
    source, back, res = roundtrip(HEAD + body + TAIL)
    assert squash(back) == squash(source)
    tree = etree.fromstring(res.tei_bytes())
    adds = tree.xpath("//t:body//t:add", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert ["".join(a.itertext()) for a in adds] == ["Agreed. V.M.", "No 17", "Stalin "]
    assert [a.get("place") for a in adds] == ["margin", "top", "inline"]
    assert adds[0].get("rend") == "[Handwritten in the margin: “{}” and an illegible signature]"
    assert adds[2].xpath("t:gap/@reason", namespaces={"t": "http://www.tei-c.org/ns/1.0"}) == ["illegible"]
