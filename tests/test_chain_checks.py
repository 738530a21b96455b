"""Checks on constructed lists, and bad or partial lists: findings, never crashes."""

from __future__ import annotations

import copy
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.chain import assemble, extract_document
from provenance.chain.authority import NameAuthority
from provenance.fileio import read_text
from provenance.resources import json_errors

from conftest import SEED


def _codes(doc):
    return [f["code"] for f in doc["findings"]]


def _valid(doc):
    """The document, put into a full payload, validates; evidence quotes match the text."""
    payload = assemble([dict(doc, path="x", sha256="0" * 64, kind="transcription")])
    assert json_errors(payload, "chain.schema.json") == []


def test_partial_list_count_mismatch():
    text = "to Cde. V. M. MOLOTOV\n\nBody.\n\nThree copies printed\n\n1 - to Cde Molotov\n"
    d = extract_document(text, "t")
    f = next(f for f in d["findings"] if f["code"] == "count-mismatch")
    assert f["details"] == {"declared": 3, "listed": 1, "missing": [2, 3]}
    _valid(d)


def test_duplicate_and_beyond_run():
    text = "Two copies printed\n1 - to Cde Molotov\n1 - to Cde. Beria\n5 - to file\n"
    d = extract_document(text, "t")
    codes = _codes(d)
    assert "copy-number-duplicate" in codes
    assert "copy-number-beyond-run" in codes
    _valid(d)


def test_header_and_list_disagree():
    text = "to Cde. I. V. STALIN\n\nText.\n\nTwo copies printed\n1 - to Cde. Bulganin\n2 - to file\n"
    d = extract_document(text, "t")
    codes = {f["code"]: f for f in d["findings"]}
    assert codes["recipient-not-in-header"]["severity"] == "warning"
    assert codes["recipient-not-in-header"]["details"]["recipient"] == "Bulganin"
    assert codes["header-recipient-not-in-copies"]["details"]["recipient"] == "Stalin"


def test_excerpt_point_that_does_not_exist():
    text = ("1. Do one thing.\n\n2. Do another, Cde. Mikoyan.\n\n3. And a third.\n\n"
            "Excerpts sent to:\n\nCde. Bulganin - 9; Mikoyan - 2; Beria - everything.\n")
    d = extract_document(text, "t")
    missing = [f for f in d["findings"] if f["code"] == "excerpt-point-missing"]
    assert len(missing) == 1 and missing[0]["details"]["point"] == "9"
    assert [e["status"] for e in d["excerpts"]] == ["missing", "ok", "ok"]
    _valid(d)


def test_unknown_and_illegible_names_are_null():
    text = "Two copies printed\n1 - to Cde. Smirnoff\n2 - to [illegible]\n"
    d = extract_document(text, "t")
    c = {c["number"]: c for c in d["copies"]}
    assert c[1]["recipient"] is None and c[1]["recipient_raw"] == "Cde. Smirnoff"
    assert c[2]["recipient"] is None
    assert "name-unknown" in _codes(d)


def test_user_authority_extends(tmp_path):
    auth = copy.deepcopy(NameAuthority.default())  # the process-wide default stays as packaged
    auth.extend({"people": [{"id": "smirnoff", "surname": "Smirnoff", "forms": ["Smirnov"]}]})
    d = extract_document("Two copies printed\n1 - to Cde. Smirnov\n2 - to file\n", "t", authority=auth)
    assert d["copies"][0]["recipient"] == "Smirnoff"


def test_authority_forms():
    a = NameAuthority.default()
    assert [r.name for r in a.split("Cdes. Molotov and Beria")] == ["Molotov", "Beria"]
    assert a.resolve("Cde. V. M. MOLOTOV").name == "Molotov"
    assert a.resolve("Cde. I.V. Stalin").name == "Stalin"
    assert a.resolve("Ig[n]arov").name == "Ignarov"
    assert a.resolve("[P]olyakova").name == "Polyakova"
    assert a.resolve("Choybalsan").name == "Choibalsan"
    assert a.resolve("[illegible initials]").name is None
    assert a.resolve("[illegible initials]").kind == "illegible"
    assert a.resolve("Cde. [left blank]").kind == "blank"
    assert a.resolve("Cde. Nobody").name is None


# -- mangled lists -------------------------------------------------------------------------

_DEST = st.sampled_from(["to Cde Molotov", "to Cde. Beria", "to the addressee", "to the addressees", "[left blank]",
                         "to file", "MARKUP", "…ZNK", "to Cde. [illegible]", "to the NKVD Secretariat", "", "-",
                         "to Cdes. Molotov and Beria", "to [[by illegible name]]", "to Cde. Ig[n]arov"])
_NUM = st.one_of(st.integers(0, 12).map(str),
                 st.tuples(st.integers(0, 9), st.integers(0, 9)).map(lambda t: f"{t[0]}-{t[1]}"),
                 st.integers(1, 4).map(lambda n: f"[{n} -]"))
_LINE = st.one_of(
    st.tuples(_NUM, st.sampled_from([" - ", " – ", "- ", " [SIC]- ", " "]), _DEST).map("".join),
    st.tuples(st.integers(0, 12), _DEST).map(lambda t: f"Copy N° {t[0]} - {t[1]}"),
    st.sampled_from(["Three copies printed", "Four copies [printed]", "10 copies. vp.", "Excerpts sent to:",
                     "Bulganin - 8; Molotov - everything", "8. Concerning X", "1. a", "2. b", "to Cde. I. V. STALIN",
                     "Drafted by Cde. [left blank]", "Typed by Igritskaya, 15 October 1945",
                     "basis: the 5 October 1945 telegram Nº 00339 of", "Authenticated: [illegible initials]",
                     "At the instruction of Cde. Lyudvigov one copy was made to be sent to Cde. Stalin.",
                     "Beria’s copy was placed in the Special Folder", "sent 27/November 1310", "", "[", "]", "□□□"]),
    st.text(alphabet="abc XYZ-–[]0123456789.;:", max_size=30),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=14))
def test_mangled_lists_never_crash(lines):
    text = "\n".join(lines) + "\n"
    if not text.strip():
        text = "x\n"
    d = extract_document(text, "fuzz")
    _valid(d)
    for f in d["findings"]:
        if f["evidence"]:
            assert text[f["evidence"]["start"]:f["evidence"]["end"]] == f["evidence"]["quote"]
    for c in d["copies"]:
        assert text[c["evidence"]["start"]:c["evidence"]["end"]] == c["evidence"]["quote"]


def test_seed_lists_cut_and_shuffled_never_crash():
    rng = random.Random(1945)
    for key in sorted(SEED):
        text = read_text(SEED[key])
        lines = text.split("\n")
        for _ in range(15):
            mangled = list(lines)
            for _ in range(rng.randint(1, 6)):
                op = rng.random()
                i = rng.randrange(len(mangled))
                if op < 0.4:
                    del mangled[i]
                elif op < 0.7:
                    j = rng.randrange(len(mangled))
                    mangled[i], mangled[j] = mangled[j], mangled[i]
                else:
                    s = mangled[i]
                    k = rng.randrange(len(s) + 1)
                    mangled[i] = s[:k] + rng.choice(["[", "]", "-", "3-2", "[left blank]", ""]) + s[k:]
            t = "\n".join(mangled)
            d = extract_document(t, key)
            _valid(d)
