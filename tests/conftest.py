"""Shared paths and helpers for the test suite."""

from __future__ import annotations

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


@pytest.fixture
def seed():
    return SEED
