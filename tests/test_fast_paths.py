"""The shortcuts taken for speed give the answers of the long way, on real text.

Each shortcut here skips work that cannot change the answer (a pattern that cannot match, a word
that no rule rewrites); these tests run both ways over the Darwin editions and the judgment sets
and compare every answer.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from provenance.knowledge import values as V

ROOT = Path(__file__).resolve().parents[1]
TOKEN = re.compile(r"\w+|[^\w\s]")


def _texts() -> list[str]:
    out = []
    for p in sorted((ROOT / "tests" / "data" / "darwin").glob("darwin*.txt")):
        out.extend(line for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
    for p in sorted((ROOT / "bench" / "judgment").glob("*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.extend((row["original"], row["revised"]))
    return out


@pytest.fixture(scope="module")
def windows() -> list[list[str]]:
    """Windows of 24 tokens (every 9th token a start) over all the texts, every third one kept (the
    texts grow with each labelled set; a third is some 9,000): a reading and its context as the
    classifier reads their values."""
    out = []
    for text in _texts():
        toks = TOKEN.findall(text)
        for i in range(0, max(1, len(toks) - 12), 9):
            out.append(toks[i:i + 24])
    return out[::3]


def test_value_gates_skip_only_patterns_that_cannot_match(windows):
    assert len(windows) > 5000
    with_values = 0
    for w in windows:
        fast = V.value_spans(w)
        assert fast == V._spans(w, False), " ".join(w)
        with_values += bool(fast)
    # the texts state many values: the comparison is not of empty answers
    assert with_values > 1000


def test_value_gates_on_dates_and_times():
    for text in ("On 15 October 1945 at 10.30 p.m. the 1960s ended", "October 15, 1945, at 22:00 hours",
                 "15.X.1945 and 3.1917 and 17.III", "1941-44 and 1945-10-15 at 0900 local time",
                 "a quarter past ten in the evening , half past six , ten minutes past 11",
                 "9 rubles 40 kopecks and 3/4 of the 19th century", "at noon , at midnight , the twenties",
                 "at 1400 hrs and from 2200 until 0600 the ' 60s"):
        toks = TOKEN.findall(text)
        assert V.value_spans(toks) == V._spans(toks, False), text
        assert V.value_spans(toks)


def test_plain_words_are_kept_by_convert(windows):
    """A word ``_plain`` lets through is one the long way keeps too, with whatever neighbours."""
    seen = set()
    for w in windows[:3000]:
        for tok in w:
            if tok in seen or not V._plain(tok):
                continue
            seen.add(tok)
            for ctx in ([tok], ["3", tok, "thousand"], ["a", tok, "half"], ["the", tok, "."]):
                assert V._convert(ctx)[0].split(" ") == _long_convert(ctx), ctx
    assert len(seen) > 1000


def _long_convert(words):
    """``_convert`` with the plain-word shortcut turned off."""
    saved = V._plain
    V._plain = lambda w: False
    try:
        return V._convert(words)[0].split(" ")
    finally:
        V._plain = saved


def test_the_copy_list_gate_skips_only_lines_without_a_list():
    """A line the gate of the sentence copy lists turns away gives no entry the long way either:
    every line of the project's transcriptions and test sets (the Darwin editions aside: their long
    paragraphs hold no copy list)."""
    from provenance.chain.extract_prose import ProsePart

    lines = set()
    for folder in ("tei/source", "tests/data", "bench"):
        for p in sorted((ROOT / folder).rglob("*.txt")):
            if p.parent.name != "darwin":
                lines.update(p.read_text(encoding="utf-8").splitlines())
    skipped = listed = 0
    for line in lines:
        fast = ProsePart._prose_matches(line)
        if fast == ([], []):
            skipped += 1
            assert ProsePart._prose_matches_ungated(line) == ([], []), line
        listed += bool(fast[0] or fast[1])
    assert skipped > 3000 and listed > 50, (skipped, listed)
