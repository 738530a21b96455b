"""The project schema is a strict subset of tei_all, and every file in tei/ is valid.

tei_all takes several seconds to compile: provenance.validate compiles it once per process, so
once per test run (tests/conftest.py's tei_all_rng is the same compilation).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, TEI_ALL_FILES, TEI_DIR, run_cli
from provenance import TEI_NS, XML_NS
from provenance.resources import json_errors
from provenance.validate import grammar, validate_paths, validate_tree
from provenance.validate.rules import check_rules

pytestmark = pytest.mark.slow

FIXTURES = ROOT / "tests" / "fixtures" / "validate"
R = "{http://relaxng.org/ns/structure/1.0}"


@pytest.fixture(scope="module")
def tei_all(tei_all_rng):
    g = grammar.load_grammar("tei_all")
    assert g.rng is tei_all_rng
    return g


@pytest.fixture(scope="module")
def project():
    return grammar.load_grammar("project")


def tei_files() -> list[Path]:
    return sorted(TEI_DIR.glob("*.xml"))


def parse(path):
    from provenance.fileio import parse_xml
    return parse_xml(path)


def test_tei_all_comes_from_the_installed_package_and_is_compiled_once(tei_all):
    path = grammar.tei_all_path()
    assert path.name == "tei_all.rng" and ("site-packages" in str(path) or "dist-packages" in str(path))
    assert re.search(r"TEI Edition: Version\s4\.", path.read_text(encoding="utf-8")[:2000])
    assert grammar.load_grammar("tei_all") is tei_all
    assert grammar.load_grammar(str(path)) is tei_all  # the same file by path: no second compile


def test_the_files_that_compile_tei_all_run_on_one_worker():
    """Every test file that validates against tei_all in its own process (the fixture, the grammar
    or the CLI's ``--schema tei_all``) is one scheduling unit (tests/conftest.py), so that the
    grammar is compiled once per run; the README's commands run it in a process of their own."""
    users = {p.name for p in (ROOT / "tests").glob("test_*.py")
             if re.search(r"tei_all_rng|[\"']tei_all[\"']|--schema tei_all", p.read_text(encoding="utf-8"))}
    assert users - {"test_readme.py"} == TEI_ALL_FILES


def test_passing_fixtures_are_valid_against_tei_all(tei_all, project):
    passing = sorted(FIXTURES.glob("pass_*.xml")) + [FIXTURES / "warn_copy_number.xml"]
    assert len(passing) >= 4
    for path in passing:
        tree = parse(path)
        assert project.validate(tree) == [], path.name
        assert tei_all.validate(tree) == [], path.name


def test_grammar_failures_of_the_project_are_failures_of_tei_all_too(tei_all):
    # the project grammar is narrower, so these may be stricter there; each of these faults is
    # also a fault for TEI itself
    for name in ("fail_grammar_attribute.xml", "fail_grammar_element.xml", "fail_grammar_text.xml",
                 "fail_grammar_order.xml", "fail_grammar_value.xml", "fail_grammar_unknown.xml"):
        assert tei_all.validate(parse(FIXTURES / name)), name


@pytest.mark.skipif(not tei_files(), reason="tei/ holds no TEI yet")
def test_every_file_in_tei_is_valid_against_project_tei_all_and_rules(tei_all, project):
    files = tei_files()
    assert len(files) >= 5
    for path in files:
        tree = parse(path)
        assert project.validate(tree) == [], (path.name, project.validate(tree)[:3])
        assert tei_all.validate(tree) == [], (path.name, tei_all.validate(tree)[:3])
        assert check_rules(tree) == [], (path.name, [f["message"] for f in check_rules(tree)])
        assert validate_tree(tree, str(path), "tei_all") == []
    res = validate_paths([TEI_DIR], schema="tei_all")
    assert res["exit_code"] == 0 and res["summary"]["files"] == len(files)


@pytest.mark.skipif(not tei_files(), reason="tei/ holds no TEI yet")
def test_cli_tei_all_on_the_tei_folder(tei_all):
    r = run_cli("validate", "--schema", "tei_all", "--json", TEI_DIR)
    assert r.returncode == 0, r.stdout[-2000:]
    payload = json.loads(r.stdout)
    assert json_errors(payload, "validate.schema.json") == []
    assert payload["settings"]["schema"] == "tei_all"
    assert {f["status"] for f in payload["files"]} == {"valid"}


# --------------------------------------------------------------------------- random documents
# Documents drawn at random from the project grammar must all be valid against tei_all: the
# grammar-level proof that the project schema is a subset of TEI.

SAMPLES = {
    "ID": None, "string": "s", "language": ["en", "ru", "ru-Latn"], "anyURI": ["#translator", "https://x.org/a"],
    "date": "1945-04-29", "gYear": "1945", "gYearMonth": "1945-04", "dateTime": "1945-04-29T13:10:00",
    "nonNegativeInteger": "3", "decimal": "2.5", "Name": "abc", "token": None,
}


class Generator:
    _shared: dict = {}

    def __init__(self, rng_path: Path, seed: int, max_depth: int = 7):
        key = str(rng_path)
        if key not in self._shared:
            doc = etree.parse(key)
            self.defines = {d.get("name"): d for d in doc.iter(R + "define")}
            self._shared[key] = (self.defines, doc.find(R + "start"), self._costs())
        self.defines, self.start, self.cost = self._shared[key]
        self.rand = random.Random(seed)
        self.max_depth = max_depth
        self.ids = 0

    # minimal number of elements a pattern needs, by fixed-point iteration over the defines
    def _costs(self):
        cost = {name: 10 ** 6 for name in self.defines}
        for _ in range(60):
            changed = False
            for name, d in self.defines.items():
                c = self._cost_seq(list(d), cost)
                if c < cost[name]:
                    cost[name], changed = c, True
            if not changed:
                break
        return cost

    def _cost(self, p, cost):
        tag = p.tag[len(R):] if isinstance(p.tag, str) and p.tag.startswith(R) else None
        if tag is None or tag in ("optional", "zeroOrMore", "attribute", "text", "empty", "data", "value",
                                  "list", "param"):
            return 0
        if tag == "ref":
            return cost[p.get("name")]
        if tag == "element":
            return 1 + self._cost_seq(list(p), cost)
        if tag == "choice":
            return min(self._cost(c, cost) for c in p if isinstance(c.tag, str))
        return self._cost_seq(list(p), cost)  # group, oneOrMore, define

    def _cost_seq(self, items, cost):
        return sum(self._cost(c, cost) for c in items if isinstance(c.tag, str))

    def document(self):
        out = []
        self._gen(list(self.start), None, out, 0)
        [root] = [x for x in out if isinstance(x, etree._Element)]
        return root.getroottree()

    def _value(self, p):
        tag = p.tag[len(R):]
        if tag == "value":
            return p.text or ""
        if tag == "choice":
            return self._value(self.rand.choice([c for c in p if isinstance(c.tag, str)]))
        if tag == "ref":
            return self._value(next(c for c in self.defines[p.get("name")] if isinstance(c.tag, str)))
        if tag == "list":
            return " ".join(self._list_values(p))
        if tag == "data":
            t = p.get("type")
            if t == "ID":
                self.ids += 1
                return f"id{self.ids}"
            if t == "token":
                pat = p.findtext(R + "param") or ""
                return "1.0" if "\\d" in pat else self.rand.choice(["top", "x1", "bottom"])
            sample = SAMPLES[t]
            return self.rand.choice(sample) if isinstance(sample, list) else sample
        if tag == "text":
            return "t"
        raise AssertionError(tag)

    def _list_values(self, p):
        vals = []
        for c in p:
            if not isinstance(c.tag, str):
                continue
            tag = c.tag[len(R):]
            if tag in ("oneOrMore", "zeroOrMore"):
                inner = next(x for x in c if isinstance(x.tag, str))
                k = self.rand.randint(1 if tag == "oneOrMore" else 0, 2)
                vals += [self._value(inner) for _ in range(k)]
            else:
                vals.append(self._value(c))
        return vals

    def _gen(self, items, el, out, depth):
        for p in items:
            if isinstance(p.tag, str):
                self._one(p, el, out, depth)

    def _one(self, p, el, out, depth):
        tag = p.tag[len(R):]
        deep = depth >= self.max_depth
        if tag == "element":
            name = p.get("name")
            child = etree.Element("{%s}%s" % (TEI_NS, name))
            out.append(child)
            kids = []
            self._gen(list(p), child, kids, depth + 1)
            for k in kids:
                if isinstance(k, str):
                    if len(child):
                        child[-1].tail = (child[-1].tail or "") + k
                    else:
                        child.text = (child.text or "") + k
                else:
                    child.append(k)
        elif tag == "attribute":
            name = p.get("name")
            inner = next(c for c in p if isinstance(c.tag, str))
            key = "{%s}%s" % (XML_NS, name[4:]) if name.startswith("xml:") else name
            el.set(key, self._value(inner))
        elif tag == "optional":
            if not deep and self.rand.random() < 0.5:
                self._gen(list(p), el, out, depth)
        elif tag in ("zeroOrMore", "oneOrMore"):
            lo = 1 if tag == "oneOrMore" else 0
            n = lo if deep else self.rand.randint(lo, lo + 2)
            for _ in range(n):
                self._gen(list(p), el, out, depth)
        elif tag == "choice":
            options = [c for c in p if isinstance(c.tag, str)]
            if deep:
                best = min(self._cost(c, self.cost) for c in options)
                options = [c for c in options if self._cost(c, self.cost) == best]
            self._one(self.rand.choice(options), el, out, depth)
        elif tag in ("group", "define"):
            self._gen(list(p), el, out, depth)
        elif tag == "ref":
            self._gen(list(self.defines[p.get("name")]), el, out, depth)
        elif tag == "text":
            if self.rand.random() < 0.5:
                out.append("w")
        elif tag in ("empty", "notAllowed"):
            pass
        else:
            raise AssertionError(tag)


def test_random_documents_of_the_project_grammar_are_valid_tei(tei_all, project):
    n, sizes = 60, []
    for seed in range(n):
        gen = Generator(grammar.project_path(), seed, max_depth=5 + seed % 3)
        tree = gen.document()
        tree = etree.fromstring(etree.tostring(tree)).getroottree()  # fresh ids and line numbers
        sizes.append(sum(1 for _ in tree.iter()))
        assert project.validate(tree) == [], (seed, project.validate(tree)[:2])
        assert tei_all.validate(tree) == [], (seed, tei_all.validate(tree)[:2],
                                              etree.tostring(tree)[:3000])
    # the documents are varied and use most of the grammar
    assert max(sizes) > 100
    used = set()
    for seed in range(0, n, 3):
        used |= {etree.QName(e).localname for e in Generator(grammar.project_path(), seed).document().iter()}
    assert len(used) >= 0.8 * len(project.models), sorted(set(project.models) - used)
