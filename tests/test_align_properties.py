"""Properties of the alignment: valid blocks, self-comparison is clean, the apparatus rebuilds every witness."""

from __future__ import annotations


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import TOKENS, apparatus_tokens
from provenance.align import align_witnesses
from provenance.align.aligner import cleanup, gaps, matching_blocks
from provenance.align.apparatus import to_tei
from provenance.model import Segment, Witness

VOCAB = ["the", "The", "rebels", "insurgents", "Ili", "District", "of", "and", "400,000", "not", "Yegnarov",
         "YEGNAROV", "Tarbaghatai", "Tarbaghatay", "land", "Chinese", "merchants", ",", ".", ";", "well-known",
         "well", "known", "internal", "domestic", "1945", "June"]


def witness(wid: str, paragraphs: list[list[str]]) -> Witness:
    text, segs = "", []
    for k, words in enumerate(paragraphs, 1):
        line = " ".join(words)
        segs.append(Segment(f"p{k}", "p", len(text), len(text) + len(line)))
        text += line + "\n"
    return Witness(id=wid, path=f"{wid}.txt", text=text, segments=[s for s in segs if s.end > s.start],
                   kind="plain")


paragraph = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=25)
document = st.lists(paragraph, min_size=1, max_size=6)
seq = st.lists(st.integers(0, 6), max_size=80)


@given(seq, seq)
@settings(max_examples=200, deadline=None)
def test_blocks_are_valid_and_monotone(a, b):
    blocks = matching_blocks(a, b)
    ei = ej = 0
    for i, j, k in blocks:
        assert k > 0 and i >= ei and j >= ej
        assert a[i:i + k] == b[j:j + k]
        ei, ej = i + k, j + k
    # gaps and blocks together cover both sequences exactly
    covered_a = sum(k for _i, _j, k in blocks) + sum(i2 - i1 for i1, i2, _j1, _j2 in gaps(blocks, len(a), len(b)))
    assert covered_a == len(a)
    cleaned = cleanup(blocks, len(a), len(b))
    assert set(cleaned) <= set(blocks)


def _lcs_reference(a, b):
    """The exact LCS of a small gap with its whole table, every row computed: the blocks of the
    traceback that prefers dropping from ``a`` when both ways keep the LCS length."""
    n, m = len(a), len(b)
    rows = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            rows[i][j] = rows[i + 1][j + 1] + 1 if a[i] == b[j] else max(rows[i + 1][j], rows[i][j + 1])
    out, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j] and rows[i][j] == rows[i + 1][j + 1] + 1:
            if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
                out[-1] = (out[-1][0], out[-1][1], out[-1][2] + 1)
            else:
                out.append((i, j, 1))
            i, j = i + 1, j + 1
        elif rows[i + 1][j] >= rows[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


@given(st.lists(st.integers(0, 9), max_size=40), st.lists(st.integers(0, 12), max_size=40))
@settings(max_examples=300, deadline=None)
def test_small_gaps_get_the_exact_lcs_of_the_whole_table(a, b):
    """The small-gap LCS shares the row of each token the other side lacks instead of computing
    it: its blocks are those of the whole table."""
    from provenance.align.aligner import _lcs_blocks
    got: list = []
    _lcs_blocks(a, b, 0, len(a), 0, len(b), got)
    assert got == _lcs_reference(a, b)


@given(st.lists(st.integers(0, 12), max_size=300), st.lists(st.integers(0, 12), max_size=300))
@settings(max_examples=150, deadline=None)
def test_large_range_anchors_counted_with_numpy_are_the_same(a, b):
    """The anchors of a large range are counted with numpy: on every range of any size the result
    is the one of the Counter-based search (checked here by lowering the threshold to one token)."""
    import provenance.align.aligner as aligner
    expected = matching_blocks(a, b)
    saved = aligner.VECTOR_TOKENS
    aligner.VECTOR_TOKENS = 1
    try:
        assert matching_blocks(a, b) == expected
    finally:
        aligner.VECTOR_TOKENS = saved


def test_numpy_anchors_on_two_real_editions(monkeypatch):
    """Darwin 1859 / 1872 (12,000 words each), words interned: the same blocks either way."""
    from pathlib import Path
    import provenance.align.aligner as aligner
    ids: dict[str, int] = {}
    data = Path(__file__).parent / "data" / "darwin"
    a, b = ([ids.setdefault(w, len(ids)) for w in (data / f"darwin{y}.txt").read_text(encoding="utf-8").split()]
            for y in (1859, 1872))
    expected = matching_blocks(a, b)
    monkeypatch.setattr(aligner, "VECTOR_TOKENS", 1)
    assert matching_blocks(a, b) == expected
    assert sum(k for _i, _j, k in expected) > 9000


@given(seq)
@settings(max_examples=100, deadline=None)
def test_identical_sequences_match_fully(a):
    assert matching_blocks(a, list(a)) == ([(0, 0, len(a))] if a else [])


def rebuilt(tei: bytes, wid: str, base_id: str) -> list[str]:
    """The tokens of one witness read back from the apparatus: shared text plus its own readings."""
    return apparatus_tokens(etree.fromstring(tei), wid)


@given(document, document)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_alignment_rebuilds_each_witness(pa, pb):
    wa, wb = witness("a", pa), witness("b", pb)
    result = align_witnesses([wa, wb])
    tei = to_tei(result)
    assert rebuilt(tei, "a", "a") == TOKENS.findall(wa.text)
    assert rebuilt(tei, "b", "a") == TOKENS.findall(wb.text)
    for d in result["divergences"]:
        for w, r in d["readings"].items():
            src = wa if w == "a" else wb
            assert src.text[r["start"]:r["end"]] == r["text"]


@given(document, document, document)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_three_witnesses_rebuild(pa, pb, pc):
    ws = [witness("a", pa), witness("b", pb), witness("c", pc)]
    tei = to_tei(align_witnesses(ws))
    for w in ws:
        assert rebuilt(tei, w.id, "a") == TOKENS.findall(w.text)


@given(document)
@settings(max_examples=60, deadline=None)
def test_self_comparison_yields_nothing(pa):
    result = align_witnesses([witness("a", pa), witness("b", pa)])
    assert result["divergences"] == []
