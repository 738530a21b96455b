"""The README as a user meets it: every command of its ```sh blocks runs as written and exits
as the README says, and its first command leaves a clean clone clean.

Each `provenance ...` line of a ```sh block runs in a temporary copy of the project, in the
README's order (later commands read what earlier ones wrote; the tei_all validation, which
writes nothing and reads nothing the others write, runs beside the commands after it), through
bash (globs, redirections) with the leading `provenance` replaced by this environment's command. A line's expected exit
status is its `# exit N` comment, 0 without one. The two commands of the first block (install
and audit; install and run this suite) are checked by the clean-clone test below, the first by
running its audit in a fresh `git clone`; the Dask cluster commands (a ```console block) by
tests/test_corpus_dask.py, which starts the same processes.

The commands need nothing from the other tests: when a run includes their test, they start as
soon as the tests are collected, on a thread of their own (their processes use the other core),
and the test waits for them (tests/conftest.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from conftest import ROOT

README = ROOT / "README.md"
EXIT = re.compile(r"#\s*exit (\d+)")
SETUP = ("python3 -m venv .venv && .venv/bin/pip install",)


def sh_blocks(text: str) -> list[list[str]]:
    return [block.strip("\n").splitlines() for block in re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M)]


def commands() -> list[tuple[str, int]]:
    out = []
    for block in sh_blocks(README.read_text(encoding="utf-8")):
        for line in block:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith(SETUP):
                continue
            assert line.startswith("provenance "), f"a README command the test does not know how to run: {line}"
            m = EXIT.search(line)
            out.append((line, int(m.group(1)) if m else 0))
    return out


def _provenance() -> str:
    exe = Path(sys.executable).with_name("provenance")
    return str(exe) if exe.exists() else f"{sys.executable} -m provenance"


def test_the_readme_documents_its_commands_and_their_exit_codes():
    cmds = commands()
    assert len(cmds) >= 25
    assert any(code == 1 for _, code in cmds) and any(code == 2 for _, code in cmds)
    first = sh_blocks(README.read_text(encoding="utf-8"))[0]
    assert [line.split(" && ")[0] for line in first] == ["python3 -m venv .venv"] * 2
    for line, _ in cmds:  # every file a command names exists in the project or is written before
        for word in re.findall(r"\b(?:examples|tests/data|tei/source)/[\w./-]+", line.split("#")[0]):
            if "*" not in word:
                assert (ROOT / word).exists(), f"{word} (in: {line})"


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _Commands:
    """Runs the README's commands in ``project`` (a fresh copy of this one), as real processes
    with the environment they started with; ``stop`` ends the one running."""

    def __init__(self, project: Path):
        self.project = project
        self.env = dict(os.environ)  # what a test changes later (monkeypatch.setenv) does not reach them
        self.running: list[subprocess.Popen] = []

    def start(self, cmd: str) -> subprocess.Popen:
        proc = subprocess.Popen(["bash", "-c", cmd], cwd=self.project, env=self.env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.running.append(proc)
        return proc

    def finish(self, proc: subprocess.Popen, line: str, expected: int) -> None:
        _out, err = proc.communicate(timeout=300)
        self.running.remove(proc)
        assert proc.returncode == expected, f"{line}\nexit {proc.returncode}\n{err[-2000:]}"
        assert "Traceback" not in err, line

    def stop(self) -> None:
        for proc in list(self.running):
            proc.kill()
            proc.communicate()

    def run(self) -> None:
        project = self.project
        shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
            ".git", ".venv", "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis", "provenance.sqlite",
            "out"))
        exe = _provenance()
        beside = []  # (line, expected, process, what it reads as it was when it started)
        for line, expected in commands():
            cmd = exe + line[len("provenance"):]
            if expected == 0 and "--engine jing" in line and shutil.which("jing") is None:
                expected = 2  # the documented answer when jing is not installed
            if "--schema tei_all" in line:
                # compiling tei_all takes several seconds: this command, which only reads tei/ and
                # writes nothing, runs beside the ones after it; tei/ must stay as it found it
                assert ">" not in line.split("#")[0] and " -o " not in line, line
                beside.append((line, expected, self.start(cmd), _tree(project / "tei")))
                continue
            self.finish(self.start(cmd), line, expected)
        for line, expected, proc, read in beside:
            self.finish(proc, line, expected)
            assert _tree(project / "tei") == read, line
        # what the commands wrote is what the README says they write
        assert (project / "draft.xml").read_bytes().startswith(b"<?xml")
        assert (project / "review.html").is_file() and (project / "summary.json").is_file()
        assert (project / "out" / "corpus" / "index.html").is_file()


class _Beside:
    """The README's commands on a thread of their own, started with the test run (see
    tests/conftest.py): real processes on the other core while the other tests run here. They
    need nothing from the other tests (a copy of the project, their own environment)."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="provenance-readme-"))
        self.commands = _Commands(self.folder / "project")
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="readme-commands", daemon=True)
        self.thread.start()

    def _run(self):
        try:
            self.commands.run()
        except BaseException as exc:  # raised again in the test
            self.error = exc

    def result(self, timeout: float = 900) -> None:
        self.thread.join(timeout)
        assert not self.thread.is_alive(), f"the README's commands did not finish within {timeout:g} s"
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        self.commands.stop()
        self.thread.join(60)
        shutil.rmtree(self.folder, ignore_errors=True)


_beside: _Beside | None = None


def start_beside() -> None:
    """Start the README's commands now, on another thread (called once the run's tests are known)."""
    global _beside
    if _beside is None:
        _beside = _Beside()


def stop_beside() -> None:
    global _beside
    if _beside is not None:
        _beside.close()
        _beside = None


def test_every_readme_command_runs_as_written(tmp_path):
    if _beside is not None:
        _beside.result()
    else:
        _Commands(tmp_path / "project").run()


def test_the_first_readme_command_leaves_a_clean_clone_clean(tmp_path):
    """`git clone` of this project, then the README's first command (its install replaced by this
    environment, the clone's own code run): `git status --porcelain` stays empty."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode:
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, capture_output=True)
    first = sh_blocks(README.read_text(encoding="utf-8"))[0][0]
    audit = first.split(" && ")[-1]
    assert audit.startswith(".venv/bin/provenance audit ")
    args = audit.split()[1:]
    # `python -m provenance` from the clone's folder runs the clone's code, as the install would
    r = subprocess.run([sys.executable, "-m", "provenance", *args], cwd=clone, capture_output=True, text=True,
                       timeout=300, env={k: v for k, v in os.environ.items()
                                         if k != "SOURCE_DATE_EPOCH"})
    assert r.returncode == 1, r.stderr  # the seed pair has substantive divergences
    report = clone / "reports" / "004_a2b5a4ae19e8ef0f--002_c4e584884d72af45.html"
    assert f"wrote {report.relative_to(clone)}" in r.stderr.splitlines()
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=clone,
                            capture_output=True, text=True, check=True).stdout
    assert status == "", status
    assert str(clone) not in report.read_text(encoding="utf-8")
