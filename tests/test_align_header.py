"""The document's own date and title (the lines above a transcription's text, a TEI header) are
compared as divergences of the layer ``header``: a draft and the adopted text dated and titled
apart, each differing stretch classified as the text's readings are."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from provenance.align import align_paths
from provenance.resources import json_errors

BODY = """Top Secret

1. Instruct the Ministry of Transport Construction (Cde. Lapshinov) to complete the railway line from Naushki station to the city of Ulaanbaatar no later than 1 November 1947.

2. Allocate for the construction 310 million rubles from the reserve of the Council of Ministers.
"""

TAIL = """
RGASPI, f. 17, op. 163, d. 1502, ll. 44-49. Translated for the Digital Archive by Martin Ellery.
"""


def page(date: str, title: str) -> str:
    return (f"Skip to content\n\n{date}\n\n{title}\n\n"
            "This document was made possible with support from the Example Foundation\n\n" + BODY + TAIL)


def write(folder, name, date, title):
    p = folder / name
    p.write_text(page(date, title), encoding="utf-8")
    return p


def header(res):
    return [d for d in res["divergences"] if d["layer"] == "header"]


def test_a_draft_and_the_adopted_text_dated_and_titled_apart(tmp_path):
    a = write(tmp_path, "draft.txt", "May 14, 1947", 'Draft Decision of the CC Politburo "Concerning the Railway"')
    b = write(tmp_path, "final.txt", "May 20, 1947", 'Decision of the CC Politburo "Concerning the Railway"')
    res = align_paths([a, b]).to_json()
    assert json_errors(json.loads(json.dumps(res)), "align.schema.json") == []
    found = {d["readings"]["draft"]["text"]: d for d in header(res)}
    assert sorted(found) == ["14", "Draft"]
    date, title = found["14"], found["Draft"]
    assert date["category"] == "substantive" and "date" in date["flags"] and date["readings"]["final"]["text"] == "20"
    assert title["kind"] == "omission" and title["category"] == "substantive" and "draft" in title["reason"]
    for d in (date, title):
        assert "section" in d["flags"] and d["severity"] <= 0.6 and "in its header" in d["reason"]
        for wid, r in d["readings"].items():   # offsets into the lines above the text
            text = next(w["text"] for w in res["witnesses"] if w["id"] == wid)
            assert text[r["start"]:r["end"]] == r["text"] and r["end"] < text.index("Top Secret")
    # the bodies are the same: nothing else differs
    assert [d for d in res["divergences"] if d["layer"] != "header"] == []


def test_the_same_header_or_one_written_alike_is_no_change_of_meaning(tmp_path):
    a = write(tmp_path, "a.txt", "May 14, 1947", "Decision of the Bureau")
    same = write(tmp_path, "b.txt", "May 14, 1947", "Decision  of the Bureau")
    assert header(align_paths([a, same]).to_json()) == []
    cased = write(tmp_path, "c.txt", "May 14, 1947", "DECISION OF THE BUREAU")
    got = header(align_paths([a, cased]).to_json())
    assert got and all(d["category"] == "accidental" for d in got)


def test_a_header_in_tei_is_compared_too(tmp_path):
    a = write(tmp_path, "a.txt", "May 14, 1947", "Draft Decision of the Bureau")
    b = write(tmp_path, "b.txt", "June 2, 1947", "Decision of the Bureau")
    assert run_cli("ingest", a, b, "-o", tmp_path / "tei").returncode == 0
    res = align_paths([tmp_path / "tei" / "a.xml", tmp_path / "tei" / "b.xml"]).to_json()
    got = {d["readings"]["a"]["text"]: d for d in header(res)}
    assert set(got) == {"May 14", "Draft"} and got["May 14"]["readings"]["b"]["text"] == "June 2"
    assert all(r["start"] == r["end"] == 0 for d in got.values() for r in d["readings"].values())


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_command_line_shows_the_header(tmp_path, fmt):
    a = write(tmp_path, "a.txt", "May 14, 1947", "Decision of the Bureau")
    b = write(tmp_path, "b.txt", "May 20, 1947", "Decision of the Bureau")
    r = run_cli("align", a, b, "--format", fmt)
    assert r.returncode == 1, r.stderr   # another date is a change of meaning
    if fmt == "text":
        assert "a @header: 14" in r.stdout and "b @header: 20" in r.stdout
    else:
        assert [d["layer"] for d in json.loads(r.stdout)["divergences"]] == ["header"]
