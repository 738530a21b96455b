"""Finding and loading the project's schemas (JSON Schema, RELAX NG), wherever it is installed."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import jsonschema

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


def json_validator(name: str) -> jsonschema.protocols.Validator:
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
