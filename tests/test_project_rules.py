"""Rules that hold for the whole package: a thin CLI over a quiet library, safe XML, atomic
outputs, and a command line where every command explains itself and is documented."""

from __future__ import annotations

import ast

import click
import pytest

from conftest import ROOT, SEED, module_tree, run_cli
from provenance.cli import cli

PACKAGE = ROOT / "provenance"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def library_modules():
    """Every module of the package outside the command-line layer."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "cli" not in p.relative_to(PACKAGE).parts[:1])


def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node


def _name(func) -> str:
    """'print', 'etree.parse', 'path.write_text'... for a call's function."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        inner = _name(func.value)
        return f"{inner}.{func.attr}" if inner else f".{func.attr}"
    return ""


def _parsed():
    for path in library_modules():
        yield path.relative_to(ROOT).as_posix(), module_tree(path)


def test_the_rules_see_the_library():
    names = {p.relative_to(PACKAGE).as_posix() for p in library_modules()}
    assert {"fileio.py", "witness.py", "chain/__init__.py", "corpus/index.py"} <= names
    assert not any(n.startswith("cli/") for n in names)


def output_or_click(rel: str, tree) -> list[str]:
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "click" for a in node.names):
            bad.append(f"{rel}:{node.lineno}: import click")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "click":
            bad.append(f"{rel}:{node.lineno}: from click import")
    for call in _calls(tree):
        if _name(call.func) in ("print", "pprint", "breakpoint"):
            bad.append(f"{rel}:{call.lineno}: {_name(call.func)}()")
    return bad


def non_atomic_writes(rel: str, tree) -> list[str]:
    bad = []
    for call in _calls(tree):
        name = _name(call.func)
        if name.endswith((".write_text", ".write_bytes")):
            bad.append(f"{rel}:{call.lineno}: {name}()")
        elif name in ("open", "io.open", "os.fdopen") or name.endswith(".open"):
            modes = list(call.args[1:2]) + [k.value for k in call.keywords if k.arg == "mode"]
            for m in modes:
                if not isinstance(m, ast.Constant) or set(str(m.value)) & set("wax+"):
                    bad.append(f"{rel}:{call.lineno}: {name}(..., {ast.unparse(m)})")
    return bad


def unsafe_xml(rel: str, tree) -> list[str]:
    bad = []
    for call in _calls(tree):
        name = _name(call.func)
        if name.split(".")[0] in ("etree", "lxml", "ET", "ElementTree") and \
                name.split(".")[-1] in ("parse", "fromstring", "XML", "iterparse", "XMLParser"):
            parser = [k.value for k in call.keywords if k.arg == "parser"] + list(call.args[1:2])
            if name.endswith("XMLParser") or not any(_name(getattr(p, "func", p)).endswith("safe_parser")
                                                    for p in parser):
                bad.append(f"{rel}:{call.lineno}: {name}()")
    return bad


SAMPLE = ast.parse("""
import click
from click import echo
from lxml import etree
def f(p, data):
    print("x")
    p.write_text("x")
    open(p, "w").write(data)
    with open(p, mode="ab") as fh:
        pass
    open(p, "rb").read()
    etree.parse(p)
    etree.fromstring(data, safe_parser())
    etree.fromstring(data)
    etree.XMLParser(resolve_entities=True)
""")


def test_the_checks_find_what_they_look_for():
    assert [b.split(": ", 1)[1] for b in output_or_click("s.py", SAMPLE)] == [
        "import click", "from click import", "print()"]
    assert sorted(int(b.split(":")[1]) for b in non_atomic_writes("s.py", SAMPLE)) == [7, 8, 9]
    assert sorted(int(b.split(":")[1]) for b in unsafe_xml("s.py", SAMPLE)) == [12, 14, 15]


def test_library_code_neither_prints_nor_imports_click():
    bad = [b for rel, tree in _parsed() for b in output_or_click(rel, tree)]
    assert bad == [], "library code must leave output to provenance/cli/:\n" + "\n".join(bad)


def test_library_writes_files_only_atomically():
    """Outputs go through fileio.atomic_write: no open(..., 'w'), write_text or write_bytes elsewhere."""
    bad = [b for rel, tree in _parsed() if rel != "provenance/fileio.py" for b in non_atomic_writes(rel, tree)]
    assert bad == [], "write outputs with provenance.fileio.atomic_write:\n" + "\n".join(bad)


def test_xml_is_parsed_only_with_the_safe_parser():
    bad = [b for rel, tree in _parsed() if rel != "provenance/fileio.py" for b in unsafe_xml(rel, tree)]
    assert bad == [], "parse XML with provenance.fileio.parse_xml / safe_parser:\n" + "\n".join(bad)


# ----------------------------------------------------------------------------- the command tree

def _walk(cmd: click.Command, path: tuple[str, ...]):
    yield path, cmd
    if isinstance(cmd, click.Group):
        ctx = click.Context(cmd, info_name=path[-1] if path else "provenance")
        for name in cmd.list_commands(ctx):
            yield from _walk(cmd.get_command(ctx, name), path + (name,))


COMMANDS = list(_walk(cli, ()))


def _help(path, cmd) -> str:
    return cmd.get_help(click.Context(cmd, info_name=" ".join(("provenance",) + path)))


def test_the_command_tree_is_complete():
    names = {" ".join(p) for p, _c in COMMANDS}
    assert {"ingest", "text", "validate", "align", "audit", "chain", "catalog query", "catalog", "catalog add",
            "catalog list", "corpus", "corpus index", "corpus discover", "corpus audit"} <= names


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) or "provenance" for p, _c in COMMANDS])
def test_every_command_has_an_example_and_is_documented(path, cmd):
    text = _help(path, cmd)
    assert "Example:" in text, f"`provenance {' '.join(path)} --help` has no Example:"
    after = text.split("Example:", 1)[1]
    assert "provenance " + (path[0] if path else "") in after, "the example shows no command line"
    if path and not cmd.hidden:
        assert f"provenance {' '.join(path)}" in README, f"README.md does not mention `provenance {' '.join(path)}`"


@pytest.mark.parametrize("path,cmd", [(p, c) for p, c in COMMANDS if not isinstance(c, click.Group)],
                         ids=[" ".join(p) for p, c in COMMANDS if not isinstance(c, click.Group)])
def test_every_command_has_json_output(path, cmd):
    opts = {o for p in cmd.params for o in getattr(p, "opts", [])}
    assert "--json" in opts, f"`provenance {' '.join(path)}` has no --json option"


# ----------------------------------------------------------------------------- bad input, every command

FILE_COMMANDS = {
    "ingest": lambda bad, tmp: ["ingest", bad, "-o", tmp / "out"],
    "text": lambda bad, tmp: ["text", bad],
    "validate": lambda bad, tmp: ["validate", bad],
    "align": lambda bad, tmp: ["align", SEED["000"], bad],
    "audit": lambda bad, tmp: ["audit", SEED["000"], bad, "-o", tmp / "r.html"],
    "chain": lambda bad, tmp: ["chain", bad],
    "catalog add": lambda bad, tmp: ["catalog", "add", bad, "--db", tmp / "c.sqlite"],
    "corpus index": lambda bad, tmp: ["corpus", "index", bad, "--db", tmp / "c.sqlite", "-q"],
}


@pytest.mark.parametrize("command", sorted(FILE_COMMANDS))
@pytest.mark.parametrize("kind", ["missing", "binary"])
def test_bad_input_gives_one_error_line_and_exit_3(tmp_path, command, kind):
    bad = tmp_path / ("nothing.xml" if kind == "missing" else "garbage.xml")
    if kind == "binary":
        bad.write_bytes(b"\x00\x01\x02\xff\xfe binary \x00" * 64)
    r = run_cli(*FILE_COMMANDS[command](bad, tmp_path))
    assert r.returncode == 3, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and bad.name in errors[0], r.stderr


@pytest.mark.parametrize("args", [("catalog", "list"), ("catalog", "query", "--recipient", "Molotov"),
                                  ("corpus", "discover"), ("corpus", "audit")])
def test_a_file_that_is_not_a_catalog_is_refused(tmp_path, args):
    db = tmp_path / "notes.sqlite"
    db.write_text("not a database\n", encoding="utf-8")
    r = run_cli(*args, "--db", db, *(("-o", tmp_path / "out") if args == ("corpus", "audit") else ()))
    assert r.returncode == 3 and "Traceback" not in r.stderr
    assert r.stderr.splitlines() == [f"Error: {db}: is not an SQLite catalog"]
