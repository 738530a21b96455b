"""Generated transcriptions with control characters, brackets of any depth (matched or not) and
markdown markers: ingest either refuses the file with one InputError naming it (exactly when it
holds a character XML cannot hold) or converts it, and the edition layer read back from the TEI
gives the body back, modulo whitespace."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from provenance.errors import InputError
from provenance.fileio import RE_NOT_XML_CHAR
from provenance.ingest import ingest_file
from provenance.ingest.layout import detect
from provenance.textback import tei_to_text

WORDS = ["the", "District", "Molotov", "of", "1,800", "Cde.", "sic", "illegible", "note:", "Translator's",
         "Handwritten:", "or", "Yining", "kulaki", "-", "\u25a1", "N\u00b0", "\u00e9t\u00e9", "\u0416\u0443\u043a\u043e\u0432"]
#: characters XML cannot hold
ILLEGAL = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe", "\uffff"]
#: characters it can hold but that are unusual: C1 controls, bidirectional overrides, odd spaces
ODD = ["\x85", "\x9b", "\u202e", "\u2066", "\u00a0", "\t", "\u2028"]
MARKDOWN = ["**", "**Summary:**", "**Citation:**", "**Credits:**", "*", "**May 5, 1945**"]


def bracketed(depth: int, inner: str) -> str:
    return "[" * depth + inner + "]" * depth


word = st.sampled_from(WORDS)
piece = st.one_of(
    word, word, word, word, word, word, word, word, word,
    st.sampled_from(ODD),
    st.sampled_from(MARKDOWN),
    st.sampled_from(["[", "]", "[[", "]]"]),
    st.builds(bracketed, st.integers(1, 80), word),
    st.builds(lambda d, ws: bracketed(d, " ".join(ws)), st.integers(1, 4), st.lists(word, min_size=1, max_size=4)),
)
line = st.lists(piece, min_size=1, max_size=12).map(" ".join)
paragraph = st.lists(line, min_size=1, max_size=3).map("\n".join)
body = st.lists(paragraph, min_size=1, max_size=8).map("\n\n".join)


def _plant(text: str, char: str | None, where: int) -> str:
    if char is None:
        return text
    k = where % (len(text) + 1)
    return text[:k] + char + text[k:]


#: one document in four holds a character XML cannot hold, somewhere
document = st.builds(_plant, body, st.one_of(st.none(), st.none(), st.none(), st.sampled_from(ILLEGAL)),
                     st.integers(0, 10_000))


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(document)
def test_ingest_never_fails_inside_and_round_trips(tmp_path, text):
    src = tmp_path / "fuzz.txt"
    src.write_bytes(text.encode("utf-8"))
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        res = ingest_file(src)
    except InputError as exc:
        assert exc.path == str(src)
        assert RE_NOT_XML_CHAR.search(normalized) or not normalized.strip() or "binary" in exc.message, exc
        event("refused")
        return
    event("converted")
    assert not RE_NOT_XML_CHAR.search(normalized)
    lay = detect(normalized)
    tree = etree.fromstring(res.tei_bytes())  # what every reader parses: no depth beyond libxml2's limit
    back = tei_to_text(tree, "edition")
    assert squash(back) == squash(normalized[lay.body_start:lay.body_end])
