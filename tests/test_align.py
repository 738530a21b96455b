"""provenance align on the seeds: draft 004 against the adopted decision 002."""

from __future__ import annotations

import json

import pytest

from conftest import SEED, run_cli
from provenance.align import align_paths, align_witnesses, to_json
from provenance.align.lexicon import load_lexicon
from provenance.errors import UsageError
from provenance.resources import json_errors
from provenance.witness import load_witness


@pytest.fixture(scope="module")
def seeds_result():
    return align_paths([SEED["004"], SEED["002"]])


@pytest.fixture(scope="module")
def ids(seeds_result):
    return [w["id"] for w in seeds_result["witnesses"]]


def find(result, wid, needle, **where):
    out = []
    for d in result["divergences"]:
        r = d["readings"][wid]
        if needle in r["text"] and all(d[k] == v for k, v in where.items()):
            out.append(d)
    return out


def test_result_matches_schema_and_offsets(seeds_result):
    payload = json.loads(json.dumps(to_json(seeds_result)))
    assert json_errors(payload, "align.schema.json") == []
    texts = {w["id"]: w["text"] for w in payload["witnesses"]}
    metas = {w["id"]: w["meta"] for w in payload["witnesses"]}
    ids = [w["id"] for w in payload["witnesses"]]
    for d in payload["divergences"]:
        for wid, r in d["readings"].items():
            if d["layer"] == "header":   # words of the date or title, before the compared text, or
                # of the source citation, after it
                w = payload["witnesses"][ids.index(wid)]
                if d["category"] == "editorial":
                    assert r["text"] in metas[wid]["citation"]
                    assert r["start"] >= max(s["end"] for s in w["segments"])
                else:
                    assert r["text"] in metas[wid]["date"] or r["text"] in metas[wid]["title"]
                    assert r["end"] <= min(s["start"] for s in w["segments"])
            assert texts[wid][r["start"]:r["end"]] == r["text"]
            assert (r["text"] == "") == (r["start"] == r["end"])
    assert len({d["id"] for d in payload["divergences"]}) == len(payload["divergences"])


def test_kulaki_change_is_one_substantive_divergence_among_top_three(seeds_result, ids):
    a, b = ids
    hits = find(seeds_result, a, "kulaki")
    assert len(hits) == 1
    d = hits[0]
    assert "rich peasants" in d["readings"][a]["text"]
    assert "Chinese landowners and merchants" in d["readings"][b]["text"]
    assert d["category"] == "substantive" and "entity" in d["flags"]
    # no other divergence touches "Chinese" / "merchants" in that point
    assert [x["id"] for x in find(seeds_result, b, "merchants")] == [d["id"]]
    ranked = sorted(seeds_result["divergences"], key=lambda x: -x["severity"])
    assert d["id"] in [x["id"] for x in ranked[:3]]


def test_situation_report_is_an_omission(seeds_result, ids):
    a, b = ids
    hits = [d for d in find(seeds_result, a, "Having discussed the condition", kind="omission")]
    assert len(hits) == 1
    d = hits[0]
    assert d["readings"][b]["text"] == ""
    assert d["category"] == "substantive" and "section" in d["flags"]
    text = d["readings"][a]["text"]
    # the whole report up to the list of measures, in one divergence
    assert "The Ili District with a population" in text and "the following measures need to be adopted" in text


def test_sb_glosses_are_editorial(seeds_result, ids):
    a, b = ids
    hits = find(seeds_result, a, "high-speed bombers")
    assert len(hits) == 1
    d = hits[0]
    assert d["category"] == "editorial"
    assert "medium bombers" in d["readings"][b]["text"]
    assert "SB" not in d["readings"][a]["text"]


def test_tarbaghatai_is_orthographic(seeds_result, ids):
    a, b = ids
    hits = [d for d in find(seeds_result, a, "Tarbaghatai") if d["kind"] != "transposition"]
    assert hits and all("Tarbaghatay" in d["readings"][b]["text"] for d in hits)
    assert [d["category"] for d in hits] == ["orthographic"]


def test_yegnarov_is_not_substantive(seeds_result, ids):
    a, b = ids
    hits = [d for d in find(seeds_result, b, "Yegnarov")]
    assert len(hits) == 1 and "YEGNAROV" in hits[0]["readings"][a]["text"]
    assert len(hits) == 1 and "Yegnarov" in hits[0]["readings"][b]["text"]
    assert hits[0]["category"] == "accidental"


def test_rebels_insurgents_lexical(seeds_result, ids):
    a, b = ids
    hits = [d for d in find(seeds_result, a, "rebel") if "insurgent" in d["readings"][b]["text"]]
    assert any(d["category"] == "lexical" for d in hits)
    lexical = [d for d in hits if d["category"] == "lexical"]
    assert all("lexicon" in d["reason"] for d in lexical)


def test_reordered_clause_of_point_one_is_a_transposition(seeds_result, ids):
    a, b = ids
    moves = [d for d in seeds_result["divergences"] if d["kind"] == "transposition"
             and d["readings"][a]["segment"] == "1/2" and d["readings"][b]["segment"] == "8.1/2"]
    assert len(moves) == 1
    ra, rb = moves[0]["readings"][a]["text"], moves[0]["readings"][b]["text"]
    assert ("same time" in ra and "same time" in rb) or ("Provisional Government" in ra and "Provisional Government" in rb)
    assert "moved" in moves[0]["flags"]
    # in 004 the passage stands before "give"/after, in 002 after "Help": positions differ in order
    assert moves[0]["related"], "changes inside the moved passage are listed and linked"


def test_other_categories(seeds_result, ids):
    a, b = ids
    cats = {d["category"] for d in seeds_result["divergences"]}
    assert cats == {"substantive", "lexical", "orthographic", "accidental", "editorial"}
    assert [d["category"] for d in find(seeds_result, a, "internal")] == ["lexical"]
    # one town under two names, as the adopted minutes' own gloss says (and the gazetteer)
    qoqek = [d for d in find(seeds_result, a, "Qoqek") if d["category"] != "editorial"]
    assert [d["category"] for d in qoqek] == ["lexical"]
    assert "own gloss" in qoqek[0]["reason"] and "Chuguchak [Qoqek or Tacheng]" in qoqek[0]["reason"]
    gm = [d for d in find(seeds_result, b, "Genera-Major")]
    assert [d["category"] for d in gm] == ["orthographic"]


def test_self_comparison_has_no_divergence():
    w1 = load_witness(SEED["004"], "x")
    w2 = load_witness(SEED["004"], "y")
    r = align_witnesses([w1, w2])
    assert r["divergences"] == [] and r["summary"]["total"] == 0
    assert all(row["segments"]["x"] == row["segments"]["y"] for row in r["alignment"])


def test_rows_follow_structure(seeds_result, ids):
    a, b = ids
    pairs = {row["segments"][a]: row["segments"][b] for row in seeds_result["alignment"] if row["segments"][a]}
    assert pairs["5.a"] == "8.5.a"
    assert pairs["3"] == "8.3"
    assert pairs["p10"] is None


def test_ids_are_stable():
    r1 = to_json(align_paths([SEED["004"], SEED["002"]]))
    r2 = to_json(align_paths([SEED["004"], SEED["002"]]))
    assert [d["id"] for d in r1["divergences"]] == [d["id"] for d in r2["divergences"]]


def test_user_lexicon_extends_default(tmp_path):
    base = align_paths([SEED["004"], SEED["002"]])
    assert find(base, base["witnesses"][0]["id"], "rifles")[0]["category"] == "substantive"
    lex = tmp_path / "lex.json"
    lex.write_text(json.dumps({"version": 1, "equivalents": [{"terms": ["rifles", "weapons"], "note": "vintovki"}]}))
    r = align_paths([SEED["004"], SEED["002"]], lexicon_path=lex)
    assert find(r, r["witnesses"][0]["id"], "rifles")[0]["category"] == "lexical"
    assert r["settings"]["lexicon"] == ["default", str(lex)]


@pytest.mark.parametrize("content, message", [
    ('{"equivalents": [{"terms": ["only-one"]}]}', "lexicon does not match schemas/lexicon.schema.json"),
    ('{"transliteration": [{"pattern": "(", "replace": ""}]}', "bad pattern"),
    ('{"equivalents": ', "not JSON"),
])
def test_bad_lexicon_is_usage_error(tmp_path, content, message):
    lex = tmp_path / "bad.json"
    lex.write_text(content)
    with pytest.raises(UsageError) as exc:
        load_lexicon(lex)
    assert message in str(exc.value) and str(lex) in str(exc.value)
    res = run_cli("align", SEED["004"], SEED["002"], "--lexicon", lex)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("Error: ") and str(lex) in res.stderr
    assert "Traceback" not in res.stderr


def test_cli_json_validates_and_ids(tmp_path):
    out = tmp_path / "r.json"
    res = run_cli("align", SEED["004"], SEED["002"], "--format", "json", "-o", out, "--id", "draft", "--id", "adopted")
    assert res.returncode == 1, res.stderr
    data = json.loads(out.read_text())
    assert json_errors(data, "align.schema.json") == []
    assert [w["id"] for w in data["witnesses"]] == ["draft", "adopted"]
    assert data["settings"]["base"] == "draft"


def test_cli_text_ranked_and_self_clean():
    res = run_cli("align", SEED["004"], SEED["002"], "--ids", "draft,adopted")
    assert res.returncode == 1
    sev = [float(line.split()[0]) for line in res.stdout.splitlines() if line[:1].isdigit() and "." in line.split()[0]]
    assert sev and sev == sorted(sev, reverse=True)
    assert "kulaki" in res.stdout
    same = run_cli("align", SEED["002"], SEED["002"], "--ids", "a,b")
    assert same.returncode == 0 and "0 divergences" in same.stdout


def test_cli_usage_errors(tmp_path):
    res = run_cli("align", SEED["004"])
    assert res.returncode == 2 and "Traceback" not in res.stderr
    res = run_cli("align", SEED["004"], SEED["002"], "--ids", "a")
    assert res.returncode == 2 and res.stderr.startswith("Error: ")
    missing = tmp_path / "nope.txt"
    res = run_cli("align", SEED["004"], missing)
    assert res.returncode in (2, 3) and "Traceback" not in res.stderr


def test_help_has_example():
    res = run_cli("align", "--help")
    assert res.returncode == 0 and "Example:" in res.stdout


def test_default_lexicon_is_valid_and_works():
    from provenance.align.lexicon import default_lexicon_data, grammar_data

    assert json_errors(default_lexicon_data(), "lexicon.schema.json") == []
    assert json_errors(grammar_data(), "lexicon.schema.json") == []
    lex = load_lexicon()
    assert lex.transliterate("tarbaghatai") == lex.transliterate("tarbaghatay")
    assert lex.equivalent(["rebels"], ["insurgents"])
    assert lex.equivalent(["enlisted", "men"], ["non-commissioned", "officers", "and", "men"])
    assert lex.equivalent(["People's", "Commissariat", "of", "Foreign", "Trade"], ["Narkomvneshtorg"])
    assert not lex.equivalent(["landowners"], ["merchants"])
    # modal paraphrases of English grammar: an obligation said with "necessary" or "need"
    assert lex.equivalent(["it", "is", "necessary", "to"], ["must"]) and lex.equivalent(["need", "to"], ["must"])
    assert not lex.equivalent(["may"], ["must"])


def test_the_objects_of_a_comparison_are_not_scanned_by_the_cycle_collector_when_it_resumes():
    """The collector is paused during a comparison and resumed after it, without a collection
    that would scan every object the comparison allocated (0.4 s after a million-word pair)."""
    import gc
    from pathlib import Path
    from provenance.align import load_witnesses
    darwin = Path(__file__).parent / "data" / "darwin"
    witnesses = load_witnesses([darwin / "darwin1859.txt", darwin / "darwin1872.txt"], plain=True)
    lexicon = load_lexicon()
    started = []

    def seen(phase, info):
        if phase == "start":
            started.append(info["generation"])

    was = gc.isenabled()
    gc.enable()
    gc.callbacks.append(seen)
    try:
        result = align_witnesses(witnesses, lexicon)
        assert gc.isenabled() and gc.get_freeze_count() == 0
        assert started == []
        gc.disable()
        align_witnesses(witnesses, lexicon)
        assert not gc.isenabled()   # a caller's choice is kept
    finally:
        gc.callbacks.remove(seen)
        if was:
            gc.enable()
    assert result["summary"]["total"] > 400
