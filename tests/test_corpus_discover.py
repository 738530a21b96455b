"""`provenance corpus discover`: related pairs by MinHash/LSH, boilerplate suppressed, exact check."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED, SOURCES, gen_corpus, run_cli, seed_folder
from provenance.corpus import discover, index_paths
from provenance.corpus import minhash, shingle
from provenance.corpus.discover import _keep_mask
from provenance.corpus.passages import MAX_REPEATS, _runs, guess_direction, shared_passages
from provenance.resources import json_errors

DRAFT, ADOPTED = SEED["004"].stem, SEED["002"].stem


def _gen():
    return gen_corpus()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "c.sqlite"
    index_paths([SOURCES], db)
    return db


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A generated archive of 400 documents with planted pairs and four kinds of boilerplate."""
    out = tmp_path_factory.mktemp("synthetic")
    info = _gen().generate(out, 400, seed=11)
    db = out / "c.sqlite"
    res = index_paths([out / "docs"], db)
    assert res["errors"] == []
    return out, db, info


@pytest.fixture(scope="module")
def engine():
    from provenance.corpus import LocalEngine

    with LocalEngine(2) as eng:
        yield eng


def _pairs(res):
    return {(p["a"], p["b"]) for p in res["pairs"]}


def test_seed_corpus_finds_the_draft_and_its_adopted_text(seed_db):
    res = discover(seed_db, store=False)
    assert _pairs(res) == {tuple(sorted((DRAFT, ADOPTED)))}
    (pair,) = res["pairs"]
    assert pair["direction"]["from"] == DRAFT and pair["direction"]["to"] == ADOPTED
    assert pair["direction"]["rule"] == "dates"
    assert "1945-04-29" in pair["direction"]["reason"] and "1945-06-22" in pair["direction"]["reason"]
    assert 0.2 <= pair["similarity"] <= 1 and pair["shared_shingles"] >= 100
    # shared passages point at the same words in both texts
    ta = SEED["002"].read_text(encoding="utf-8") if pair["a"] == ADOPTED else SEED["004"].read_text(encoding="utf-8")
    tb = SEED["004"].read_text(encoding="utf-8") if pair["b"] == DRAFT else SEED["002"].read_text(encoding="utf-8")
    assert pair["shared"]
    for s in pair["shared"]:
        wa = shingle.words(ta[s["a"]["start"]:s["a"]["end"]])
        wb = shingle.words(tb[s["b"]["start"]:s["b"]["end"]])
        assert wa == wb and len(wa) == s["words"] >= 6
    quoted = " ".join(s["text"] for s in pair["shared"])
    assert "organize a defense of the Ili District" in quoted
    # the rights statement is boilerplate: never quoted as shared
    assert "History and Public Policy Program" not in quoted


def test_rights_boilerplate_alone_would_pair_unrelated_seeds(seed_db):
    """Without suppression the archive's rights text pairs 001, 002, 003 and 004 with each other."""
    raw = discover(seed_db, store=False, known_boilerplate=False, max_df=100)
    assert len(_pairs(raw)) >= 4
    texts = " ".join(s["text"] for p in raw["pairs"] for s in p["shared"])
    assert "History and Public Policy Program" in texts
    # the same catalog with suppression: only the real pair
    assert _pairs(discover(seed_db, store=False)) == {tuple(sorted((DRAFT, ADOPTED)))}


def test_document_frequency_drops_boilerplate_the_tool_does_not_know(synthetic, engine):
    out, db, info = synthetic
    truth = {(p["a"], p["b"]): p for p in info["pairs"]}
    res = discover(db, store=False, engine=engine)
    found = _pairs(res)
    tp = found & set(truth)
    assert len(tp) / len(truth) >= 0.95, sorted(set(truth) - found)
    assert len(tp) / max(1, len(found)) >= 0.95, sorted(found - set(truth))
    # every planted type is found
    assert {truth[k]["type"] for k in tp} == {"draft", "excerpt", "retranslation", "copy", "editions"}
    # directions: drafts from the earlier, excerpts from the larger; none wrong
    for k in tp:
        t, p = truth[k], next(x for x in res["pairs"] if (x["a"], x["b"]) == k)
        if t["from"] and p["direction"]:
            assert p["direction"]["from"] == t["from"], (t, p["direction"])
    directed = [k for k in tp if truth[k]["type"] == "draft"]
    assert all(next(x for x in res["pairs"] if (x["a"], x["b"]) == k)["direction"] for k in directed)
    # frequency alone (no shipped list) removes the other archives' notices too
    freq_only = discover(db, store=False, known_boilerplate=False, engine=engine)
    assert len(_pairs(freq_only) - set(truth)) <= 0.05 * len(truth)
    # and without it, the notices make false pairs
    none = discover(db, store=False, known_boilerplate=False, max_df=10_000, passages=False, engine=engine)
    assert len(_pairs(none) - set(truth)) > 0.5 * len(truth)


def test_band_join_equals_datasketch_minhashlsh(synthetic):
    """The partitioned band join finds exactly the candidates datasketch's MinHashLSH finds."""
    _out, db, _info = synthetic
    from provenance.corpus import index as cindex
    from provenance.corpus.discover import _load

    con = cindex.connect(db)
    docs = cindex.load_documents(con)[:150]
    con.close()
    loaded = _load(str(db), [d["n"] for d in docs])
    boiler = shingle.boilerplate_hashes()
    psigs = []
    for d in docs:
        seq, spans = loaded[d["n"]]
        psigs.append(minhash.passage_signatures(seq, _keep_mask(seq, boiler), spans)[0])
    for threshold in (0.2, 0.5):
        b, r = minhash.lsh_params(threshold)
        keys = np.concatenate([minhash.band_keys(s, b, r).ravel() for s in psigs])
        owners = np.concatenate([np.full(len(s) * b, i, dtype=np.uint32) for i, s in enumerate(psigs)])
        # split the keys over 3 reducers, as a cluster would
        codes = np.unique(np.concatenate([minhash.pairs_from_keys(keys[keys % 3 == j], owners[keys % 3 == j])
                                          for j in range(3)]))
        ours = {(int(c >> 32), int(c & 0xFFFFFFFF)) for c in codes}
        assert ours == minhash.reference_candidates(psigs, threshold)
        assert ours  # the planted pairs among these documents collide


def test_signature_is_datasketch_minhash():
    from datasketch import MinHash

    vals = np.array([5, 17, 2**31 + 3, 99], dtype=np.uint32)
    m = MinHash(num_perm=minhash.NUM_PERM, seed=minhash.SEED, hashfunc=lambda x: x)
    m.update_batch(vals.tolist())
    assert np.array_equal(minhash.signature(vals), m.hashvalues)
    a = minhash.signature(np.arange(1000, dtype=np.uint32))
    b = minhash.signature(np.arange(500, 1500, dtype=np.uint32))
    assert abs(minhash.estimate_jaccard(a, b) - 1 / 3) < 0.15


def test_passages_cover_every_shingle():
    text = SEED["004"].read_text(encoding="utf-8")
    seq, spans, n = shingle.document_shingles(text)
    covered = np.zeros(len(seq), dtype=bool)
    for s, e in spans:
        assert 0 <= s < e <= len(seq) and e - s <= shingle.PASSAGE_MAX
        covered[s:e] = True
    assert covered.all() and n == len(shingle.words(text))


def test_shared_passages_are_the_longest_common_runs():
    a = "Alpha beta gamma delta epsilon zeta eta theta.\nSomething else entirely here now.\n" \
        "One two three four five six seven eight nine ten."
    b = "Preface words go first.\nONE two three four five six seven eight nine ten!\n" \
        "and later alpha beta gamma delta epsilon zeta eta theta"
    res = shared_passages(a, b)
    assert [p["words"] for p in res["passages"]] == [8, 10]
    first, second = res["passages"]
    assert a[first["a"]["start"]:first["a"]["end"]] == "Alpha beta gamma delta epsilon zeta eta theta"
    assert b[first["b"]["start"]:first["b"]["end"]] == "alpha beta gamma delta epsilon zeta eta theta"
    assert b[second["b"]["start"]:second["b"]["end"]] == "ONE two three four five six seven eight nine ten"
    assert res["words"] == 18
    # boilerplate shingles anchor nothing
    boiler = np.unique(shingle.shingle_hashes(shingle.words(a)))
    assert shared_passages(a, b, boiler)["passages"] == []


def _plain_runs(ha, hb, ka, kb, k):
    """The shared runs written plainly: every pair of places (i, j) holding the same kept shingle
    (one repeated more than MAX_REPEATS times in b anchors nothing), then each diagonal's
    consecutive places joined."""
    where_b = {}
    for j, h in enumerate(hb.tolist()):
        if kb[j]:
            where_b.setdefault(h, []).append(j)
    pairs = sorted((i - j, i) for i, h in enumerate(ha.tolist()) if ka[i]
                   for j in (where_b.get(h, []) if len(where_b.get(h, [])) <= MAX_REPEATS else []))
    runs = []
    for d, i in pairs:
        if runs and runs[-1][2] == d and runs[-1][1] + runs[-1][0] - k + 1 == i:
            runs[-1][0] += 1
        else:
            runs.append([k, i, d])
    return [(n, i, i - d) for n, i, d in runs]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 4), max_size=60), st.lists(st.integers(0, 4), max_size=60),
       st.integers(1, 4), st.data())
def test_shared_runs_are_every_common_diagonal_run(a, b, k, data):
    ha, hb = shingle.shingle_hashes([f"w{x}" for x in a], k), shingle.shingle_hashes([f"w{x}" for x in b], k)
    ka = np.array(data.draw(st.lists(st.booleans(), min_size=len(ha), max_size=len(ha))), dtype=bool)
    kb = np.array(data.draw(st.lists(st.booleans(), min_size=len(hb), max_size=len(hb))), dtype=bool)
    assert _runs(ha, hb, ka, kb, k) == _plain_runs(ha, hb, ka, kb, k)


@pytest.mark.parametrize("repeats", [MAX_REPEATS - 1, MAX_REPEATS, MAX_REPEATS + 1])
def test_a_shingle_repeated_too_often_anchors_nothing(repeats):
    a, b = ["x", "y"], ["x", "y", "z"] * repeats
    ha, hb = shingle.shingle_hashes(a, 1), shingle.shingle_hashes(b, 1)
    runs = _runs(ha, hb, np.ones(len(ha), bool), np.ones(len(hb), bool), 1)
    assert runs == _plain_runs(ha, hb, np.ones(len(ha), bool), np.ones(len(hb), bool), 1)
    assert runs == ([(2, 0, 3 * t) for t in reversed(range(repeats))] if repeats <= MAX_REPEATS else [])


def test_guess_direction_rules():
    d = guess_direction({"id": "x", "date": "1945-06-22", "size": 100}, {"id": "y", "date": "1945-04-29", "size": 300}, 90)
    assert (d["from"], d["to"], d["rule"]) == ("y", "x", "dates")
    e = guess_direction({"id": "full", "date": None, "size": 1000}, {"id": "part", "date": None, "size": 200}, 190)
    assert (e["from"], e["to"], e["rule"]) == ("full", "part", "containment") and "95%" in e["reason"]
    assert guess_direction({"id": "a", "date": "1945-01-01", "size": 500}, {"id": "b", "date": "1945-01-01", "size": 480}, 300) is None
    assert guess_direction({"id": "a", "date": None, "size": 1000}, {"id": "b", "date": None, "size": 200}, 50) is None


def test_discover_cli_json_validates_and_pairs_are_stored(tmp_path):
    db = tmp_path / "c.sqlite"
    assert run_cli("corpus", "index", SOURCES, "--db", db, "-q").returncode == 0
    res = run_cli("corpus", "discover", "--db", db, "--json", "--workers", "2")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert json_errors(out, "corpus-discover.schema.json") == []
    assert [(p["direction"]["from"], p["direction"]["to"]) for p in out["pairs"]] == [(DRAFT, ADOPTED)]
    assert set(out["documents"]) == {DRAFT, ADOPTED}
    assert "1 related pairs" in res.stderr  # the summary
    text = run_cli("corpus", "discover", "--db", db)
    assert re.search(rf"0\.\d+\s+{DRAFT} -> {ADOPTED}", text.stdout)
    bad = run_cli("corpus", "discover", "--db", db, "--min-similarity", "1.5")
    assert bad.returncode == 2 and bad.stderr.startswith("Error: --min-similarity")
    missing = run_cli("corpus", "discover", "--db", tmp_path / "none.sqlite")
    assert missing.returncode == 3 and "no such catalog" in missing.stderr and "Traceback" not in missing.stderr


def test_changed_file_after_index_is_reported_not_crashed(tmp_path):
    src = seed_folder(tmp_path, "002", "004")
    db = tmp_path / "c.sqlite"
    index_paths([src], db)
    p = src / SEED["002"].name
    p.write_text(p.read_text(encoding="utf-8") + "\nlater note\n", encoding="utf-8")
    res = discover(db, store=False)
    (pair,) = res["pairs"]
    assert pair["shared"] == [] and "changed since it was indexed" in pair["warnings"][0]
