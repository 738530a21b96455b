"""HTML of the corpus audit: the index of pair reports and the corpus graph, rendered from the
Jinja templates in ``corpus/templates`` (autoescape). As in the divergence report, a
Content-Security-Policy admits only the page's own style and script, by hash."""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from provenance.fileio import shown_path
from provenance.resources import template_dir


def href(path: str) -> str:
    """A relative file path as a link target: every character a URL would read otherwise
    ("#", "?", "%", spaces) percent-encoded, the folder separators kept."""
    return quote(path, safe="/")


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@lru_cache(maxsize=1)
def _assets() -> dict:
    folder = template_dir("corpus")
    css = folder.joinpath("corpus.css").read_text(encoding="utf-8")
    js = folder.joinpath("corpus.js").read_text(encoding="utf-8")
    for name, body, end in (("corpus.css", css, "</style"), ("corpus.js", js, "</script")):
        if end in body.lower() or "<!--" in body:
            raise ValueError(f"{name} must not contain {end!r} or '<!--'")
    base = "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
    return {"css": Markup(css), "js": Markup(js),
            "csp_index": base + f"style-src '{_digest(css)}'; script-src '{_digest(js)}'",
            "csp_graph": base + f"style-src '{_digest(css)}'"}


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(template_dir("corpus"))),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["href"] = href
    return env


def render_index(payload: dict, rows: list[dict]) -> str:
    a = _assets()
    return _env().get_template("index.html.j2").render(
        style=a["css"], script=a["js"], csp=a["csp_index"], rows=rows, db=shown_path(payload["db"]),
        summary=payload["summary"], tool=payload["tool"], run_time=payload["run_time"])


def render_graph(drawing: dict) -> str:
    a = _assets()
    return _env().get_template("graph.html.j2").render(style=a["css"], csp=a["csp_graph"], g=drawing)
