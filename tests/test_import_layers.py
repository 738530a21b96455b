"""The house has floors: a module imports, at module level, only what stands below it. (Function-
local imports, which load heavy or optional parts when they are needed, are not counted here.)"""

from __future__ import annotations

import ast

from conftest import ROOT

#: the floors, from the bottom up; a name is the package's first-level module or subpackage
FLOORS = [
    {"(root)", "errors", "vocab", "dates", "model", "safetext", "teixml", "textback", "schemas", "fileio",
     "sqlitedb", "citation", "web"},
    {"knowledge"},
    {"witness"},
    {"chain"},
    {"ingest"},
    {"align"},
    {"validate"},
    {"report"},
    {"corpus"},
    {"cli"},
    {"__main__"},
]
FLOOR = {name: k for k, names in enumerate(FLOORS) for name in names}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(root)"


def test_every_module_imports_only_downward_or_within_its_floor():
    wrong = []
    for path in sorted((ROOT / "provenance").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        module = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        src = _part(module)
        assert src in FLOOR, f"{module}: give its package a floor in this test"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                if not name.startswith("provenance"):
                    continue
                dst = _part(name)
                if dst != src and FLOOR.get(dst, 99) > FLOOR[src]:
                    wrong.append(f"{module}:{node.lineno} imports {name} from a floor above")
    assert not wrong, wrong
