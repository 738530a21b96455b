"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tei" / "source"
TEI_DIR = ROOT / "tei"
SCHEMAS = ROOT / "schemas"
DARWIN = ROOT / "tests" / "data" / "darwin"
SEED = {p.name[:3]: p for p in sorted(SOURCES.glob("*.txt"))}


def run_cli(*args, input: str | bytes | None = None, cwd=None, timeout=600) -> subprocess.CompletedProcess:
    """Run the real `provenance` command line in a subprocess (text mode)."""
    return subprocess.run(
        [sys.executable, "-m", "provenance", *map(str, args)],
        input=input,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
    )


def seed_folder(tmp_path: Path, *keys: str, name: str = "src") -> Path:
    """A folder ``tmp_path/name`` holding copies of the seed transcriptions ``keys`` ("002", ...)."""
    src = tmp_path / name
    src.mkdir()
    for k in keys:
        shutil.copyfile(SEED[k], src / SEED[k].name)
    return src


def same_name_sources(tmp_path: Path) -> tuple[Path, Path]:
    """Two different seed transcriptions with one file name: ``tmp_path/a/x.txt`` (003) and
    ``tmp_path/b/x.txt`` (002)."""
    out = []
    for sub, key in (("a", "003"), ("b", "002")):
        (tmp_path / sub).mkdir()
        shutil.copyfile(SEED[key], tmp_path / sub / "x.txt")
        out.append(tmp_path / sub / "x.txt")
    return out[0], out[1]


def gen_corpus():
    """bench/gen_corpus.py as a module: the generator of synthetic archives."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def seed():
    return SEED


#: Words, numbers and punctuation marks: the tokens an apparatus must give back for each witness.
TOKENS = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]")


def apparatus_text(root, wid: str) -> str:
    """The text of witness ``wid`` read back from a TEI parallel-segmentation apparatus: the
    shared text plus the readings whose @wit names it, nothing added between them."""
    from provenance import TEI_NS
    from provenance.align.apparatus import xml_id

    ab = root.find(f".//{{{TEI_NS}}}ab")
    ref = "#" + xml_id(wid)
    parts = [ab.text or ""]
    for el in ab:
        if el.tag == f"{{{TEI_NS}}}app":
            for r in el:
                if ref in (r.get("wit") or "").split():
                    parts.append(r.text or "")
        parts.append(el.tail or "")
    return "".join(parts)


def apparatus_tokens(root, wid: str) -> list[str]:
    """The tokens of witness ``wid`` read back from an apparatus (see :func:`apparatus_text`)."""
    return TOKENS.findall(apparatus_text(root, wid))


def assert_evidence_quotes_the_text(text: str, doc) -> None:
    """Every evidence quote in a copy-chain result is the text at its offsets."""
    def walk(x):
        if isinstance(x, dict):
            if set(x) >= {"quote", "start", "end"} and isinstance(x.get("start"), int) and x["start"] >= 0:
                assert text[x["start"]:x["end"]] == x["quote"]
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(doc)
