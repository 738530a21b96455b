"""The result of a comparison: :class:`Comparison`.

Its JSON (``to_json()``, described by ``schemas/align.schema.json``) is what ``provenance align
--json`` prints; it also reads as that mapping (``comparison["divergences"]``). The aligned
units and the token positions the TEI apparatus is built from are attributes that the JSON
leaves out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: the members of the JSON payload, in its order
JSON_KEYS = ("tool", "settings", "witnesses", "alignment", "divergences", "summary")


@dataclass(eq=False)
class Comparison(Mapping):
    """Two or more witnesses aligned, the first the base: their rows, divergences and summary."""

    tool: dict
    settings: dict
    witnesses: list[dict]
    alignment: list[dict]
    divergences: list[dict]
    summary: dict
    #: the units of a comparison of three or more witnesses (None for a pair)
    units: list | None = field(default=None, repr=False)
    #: one pair result (base against witness k) per witness after the base
    pairs: list = field(default_factory=list, repr=False)
    #: the token positions of each witness, for turning token ranges into character ranges
    positions: list = field(default_factory=list, repr=False)

    def to_json(self) -> dict:
        """The JSON payload (a new dict; its values are the comparison's own)."""
        return {k: getattr(self, k) for k in JSON_KEYS}

    def __getitem__(self, key: str):
        if key in JSON_KEYS:
            return getattr(self, key)
        raise KeyError(key)

    def __iter__(self):
        return iter(JSON_KEYS)

    def __len__(self) -> int:
        return len(JSON_KEYS)
