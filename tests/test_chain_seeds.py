"""Copy-distribution facts of each seed document, as a careful reader finds them in the text.

The expected values below come from reading the transcriptions, not from the tool's output.
"""

from __future__ import annotations

import pytest

from provenance.chain import extract_document, extract_paths
from provenance.fileio import read_text
from provenance.resources import json_errors

from conftest import SEED, TEI_DIR, assert_evidence_quotes_the_text


def _doc(key):
    p = SEED[key]
    text = read_text(p)
    return text, extract_document(text, p.stem)


def _list_copies(doc):
    return {c["number"]: c for c in doc["copies"] if c["source"] == "list"}


def _codes(doc, severity=None):
    return sorted(f["code"] for f in doc["findings"] if severity is None or f["severity"] == severity)


def test_000_cable_copies_and_roles():
    text, d = _doc("000")
    assert_evidence_quotes_the_text(text, d)
    assert d["print_run"]["declared"] == 10  # "10 copies. vp."
    copies = _list_copies(d)
    assert sorted(copies) == list(range(1, 11))
    recipients = {n: c["recipient"] for n, c in copies.items()}
    assert recipients == {1: None, 2: "Stalin", 3: "Stalin", 4: "Molotov", 5: "Vyshinsky", 6: "Dekanozov",
                          7: "Lozovsky", 8: "Silin", 9: "10th Department", 10: None}
    assert copies[1]["kind"] == "markup" and copies[10]["kind"] == "file"
    assert copies[4]["evidence"]["quote"] == "Copy N° 4 - to Molotov"
    # "from Chongqing N° 32698 700 27/November 1945 copy N° 3": this exemplar is copy 3, Stalin's
    assert d["exemplar"]["number"] == 3 and d["exemplar"]["listed_recipient"] == "Stalin"
    roles = {r["role"]: r for r in d["roles"]}
    assert roles["sent"]["date"] == "1945-11-27" and roles["sent"]["time"] == "13:10"
    assert roles["issued"]["agent"] == "Plotnikov"  # "vyp. Plotnikov"
    assert roles["signed"]["agent"] == "Petrov" and roles["signed"]["date"] == "1945-11-26"
    auth = roles["authenticated"]
    assert auth["agent"] is None and auth["agent_status"] == "illegible"
    assert auth["agent_raw"] == "[illegible initials]"
    # Bozhanov stands alone below: offered as a possibility, never asserted
    assert [a["agent"] for a in auth["alternatives"]] == ["Bozhanov"]
    receipt = [t for t in d["transfers"] if t["kind"] == "receipt"]
    assert receipt[0]["origin"] == "Chongqing" and receipt[0]["date"] == "1945-11-27"
    assert d["archival_units"][0]["repository"] == "RGASPI" and d["archival_units"][0]["delo"] == "328"
    # ten copies declared, ten listed: nothing to warn about
    assert _codes(d, "warning") == []
    assert _codes(d) == ["agent-illegible"]


def test_001_report_addressee_copies():
    text, d = _doc("001")
    assert_evidence_quotes_the_text(text, d)
    assert d["print_run"]["declared"] == 3  # "Three copies [printed]"
    copies = _list_copies(d)
    assert sorted(copies) == [1, 2, 3]
    # "[1 -] to the addressee": the header names Stalin and Molotov (and the CC VKP(b))
    assert copies[1]["kind"] == "addressee" and copies[1]["recipient"] is None
    assert {"Stalin", "Molotov"} <= set(copies[1]["candidates"])
    assert copies[2]["recipient"] == "NKVD Secretariat"
    assert copies[3]["recipient"] is None and copies[3]["destination"] == "…ZNK"
    header = {p["name"] for p in d["correspondence"]["addressees"] if p["source"] == "header"}
    assert header == {"Stalin", "Molotov", "CC VKP(b)"}
    roles = {r["role"]: r for r in d["roles"]}
    assert roles["drafted"]["agent"] == "Stakhanov" and roles["drafted"]["agent_raw"] == "Cde. Stakhanov"
    assert roles["typed"]["agent"] == "Polyakova" and roles["typed"]["agent_raw"] == "[P]olyakova"
    assert d["exemplar"]["status"] == "blank"  # "Copy Nº [left blank]"
    assert "count-mismatch" not in _codes(d)
    assert _codes(d, "warning") == ["addressee-ambiguous"]
    assert {"exemplar-number-blank", "copy-destination-incomplete"} <= set(_codes(d, "info"))


def test_002_excerpts_and_the_point_8_question():
    text, d = _doc("002")
    assert_evidence_quotes_the_text(text, d)
    ex = [(e["recipients"], e["points"], e["channel"]) for e in d["excerpts"]]
    assert ex == [
        (["Molotov", "Beria"], ["all"], None),
        (["Bulganin"], ["8"], None),
        (["CP(b) CC of Kazakhstan", "CP(b) CC of Uzbekistan"], ["6"], "cipher"),
        (["Mikoyan", "Krutikov"], ["7"], None),
    ]
    # the decision is item 8 with sub-points 1-7
    assert d["decision"]["item"]["n"] == "8"
    assert [p["n"] for p in d["decision"]["points"]] == [str(i) for i in range(1, 8)]
    amb = [f for f in d["findings"] if f["code"] == "excerpt-point-ambiguous"]
    assert len(amb) == 1
    f = amb[0]
    assert f["evidence"]["quote"] == "Bulganin - 8"
    kinds = {r["reading"]: r for r in f["readings"]}
    assert kinds["whole-item"]["points"] == ["all"] and kinds["whole-item"]["exists"] is True
    assert kinds["sub-point"]["exists"] is False
    # the sub-point that concerns Bulganin is 3 ("Hold the NKO ... (Cde. Bulganin) responsible")
    assert [r["point"] for r in f["details"]["related_points"]] == ["3"]
    assert "3" in f["message"]
    bulganin = d["excerpts"][1]
    assert bulganin["status"] == "ambiguous" and bulganin["points"] == ["8"]  # kept as written, not guessed
    assert [e["status"] for e in d["excerpts"]] == ["ok", "ambiguous", "ok", "ok"]
    # "[Handwritten:] Point 8 is in a classified repository"
    pl = d["placements"][0]
    assert pl["scope"] == "point 8" and pl["container"] == "classified repository" and pl["hand"] == "handwritten"
    assert _codes(d, "warning") == ["excerpt-point-ambiguous"]


def test_003_beria_to_molotov():
    text, d = _doc("003")
    assert_evidence_quotes_the_text(text, d)
    assert d["print_run"]["declared"] == 3
    copies = _list_copies(d)
    assert {n: c["recipient"] for n, c in copies.items()} == {1: "Molotov", 2: "Beria", 3: None}
    assert copies[3]["kind"] == "file"
    roles = [(r["role"], r["agent"]) for r in d["roles"]]
    assert ("drafted", "Mamulov") in roles
    assert ("typed", "Igritskaya") in roles
    assert ("basis", "Ignarov") in roles  # "Cde. Ig[n]arov", the n supplied
    typed = next(r for r in d["roles"] if r["role"] == "typed")
    assert typed["date"] == "1945-10-15"
    basis = next(r for r in d["roles"] if r["role"] == "basis" and r["agent"] == "Ignarov")
    assert basis["agent_raw"] == "Cde. Ig[n]arov"
    assert basis["document"] == {"kind": "telegram", "number": "00339", "date": "1945-10-05"}
    auth = next(r for r in d["roles"] if r["role"] == "authenticated")
    assert auth["agent"] is None and auth["agent_status"] == "illegible" and auth["hand"] == "handwritten"
    # "Beria's copy was placed in the Special Folder concerning Xinjiang": Beria's copy is copy 2
    pl = d["placements"][0]
    assert pl["owner"] == "Beria" and pl["copy"] == 2 and pl["container"] == "Special Folder concerning Xinjiang"
    header = [p["name"] for p in d["correspondence"]["addressees"] if p["source"] == "header"]
    assert header == ["Molotov"]
    # Beria gets a copy without being an addressee: he is the sender, so only worth knowing
    rnh = [f for f in d["findings"] if f["code"] == "recipient-not-in-header"]
    assert len(rnh) == 1 and rnh[0]["severity"] == "info" and rnh[0]["details"]["recipient"] == "Beria"
    assert _codes(d, "warning") == []


def test_004_impossible_numbers_blank_and_extra_copies():
    text, d = _doc("004")
    assert_evidence_quotes_the_text(text, d)
    assert d["print_run"]["declared"] == 4
    copies = _list_copies(d)
    assert sorted(copies) == [1, 2, 3, 4]
    assert copies[1]["recipient"] == copies[2]["recipient"] == "Stalin"  # "1-2 - to the addressees"
    assert copies[3]["recipient"] == "NKVD Secretariat" and "sic" in copies[3]["flags"]
    assert copies[4]["kind"] == "blank" and copies[4]["recipient"] is None
    extra = [c for c in d["copies"] if c["source"] == "extra"]
    assert len(extra) == 2
    to_stalin = next(c for c in extra if c["recipient"])
    assert to_stalin["recipient"] == "Stalin" and to_stalin["instructed_by"] == "Lyudvigov"
    assert to_stalin["date"] == "1945-06-02"
    folder = next(c for c in extra if not c["recipient"])
    assert "special folder" in folder["destination"]
    drafted = next(r for r in d["roles"] if r["role"] == "drafted")
    assert drafted["agent"] is None and drafted["agent_status"] == "blank"
    assert d["exemplar"]["number"] == 3 and d["exemplar"]["is_copy"] is True
    codes = _codes(d, "warning")
    assert codes.count("copy-number-impossible") == 2  # 3-2 [SIC] and 4-2
    assert codes.count("copy-outside-print-run") == 2
    assert "copy-no-destination" in codes and "agent-blank" in codes
    imp = next(f for f in d["findings"] if f["code"] == "copy-number-impossible" and "3-2" in f["message"])
    assert {r["reading"] for r in imp["readings"]} == {"first-number", "range", "suffix"}
    suffix = next(r for r in imp["readings"] if r["reading"] == "suffix")
    assert suffix["missing"] == [2]


@pytest.mark.parametrize("key", sorted(SEED))
def test_tei_gives_the_same_facts(key):
    tei = TEI_DIR / (SEED[key].stem + ".xml")
    from_txt = extract_paths([SEED[key]])
    from_tei = extract_paths([tei])

    def essence(r):
        d = r["documents"][0]
        return ([(c["number"], c["recipient"], c["kind"]) for c in d["copies"]],
                [(x["role"], x["agent"], x["agent_raw"]) for x in d["roles"]],
                [(e["recipients"], e["points"]) for e in d["excerpts"]],
                sorted(f["code"] for f in r["findings"]))
    assert essence(from_txt) == essence(from_tei)
    assert json_errors(from_tei, "chain.schema.json") == []


def test_corpus_json_validates_and_links():
    r = extract_paths([SEED[k] for k in sorted(SEED)])
    assert json_errors(r, "chain.schema.json") == []
    assert [d["id"][:3] for d in r["documents"]] == ["000", "001", "002", "003", "004"]
    pairs = {(x["source"][:3], x["target"][:3], x["kind"]) for x in r["links"]}
    # 001 and 004 are both in GARF R-9401ss, opis 2
    assert ("001", "004", "same-inventory") in pairs
    assert r["summary"]["documents"] == 5
