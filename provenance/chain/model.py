"""The copy-distribution model: what a document says about its own copies and travels.

Every fact carries its evidence: the quoted text and its character offsets in the text the
facts were extracted from, and a confidence (1.0 when the wording is plain, lower where the
text allows several readings; the readings are then listed, never chosen silently).

Facts of one document:

- ``PrintRun``: the declared number of copies ("Three copies printed", "10 copies. vp.").
- ``Copy``: one numbered copy of the print run (or one made outside it), with its number as
  written and parsed, its kind (recipient, addressee, file, markup, blank, extra...), its
  destination as written and the normalized recipient.
- ``Transfer``: a movement of a copy, an excerpt or the document: recipient, channel ("by
  cipher"), date, origin, who instructed it.
- ``Role``: drafted, typed, authenticated, sent, issued, signed, instructed, basis; the agent
  is the normalized name or None (not in the name authority, illegible, blank).

Names: ``recipient``/``agent``/``recipients`` hold the name-authority form only (None when the
authority does not hold the name). A legible personal name the authority does not hold is
still recorded, in ``recipient_name``/``agent_name``/``recipients_name``/``recorded_name``,
with the status "unlisted" (``recipient_status``, ``agent_status``, ``recipients_status``,
``Party.kind``) and a confidence below 1; those fields hold the authority form when there is
one, so that they always name whom the text names.
- ``Placement``: a copy (or a point) placed in a container ("Special Folder concerning
  Xinjiang").
- ``Excerpt``: points of a decision sent to recipients ("Bulganin - 8").
- ``ArchivalUnit``: an archival citation (repository, fond, opis, delo, folios).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields


@dataclass
class Evidence:
    quote: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Evidence":
        return cls(text[start:end], start, end)


@dataclass
class PrintRun:
    declared: int | None
    declared_raw: str
    evidence: Evidence
    listed: int = 0


@dataclass
class Copy:
    number: int | None
    number_raw: str
    kind: str  # recipient | addressee | file | markup | blank | extra | unknown
    destination: str | None
    recipient: str | None
    evidence: Evidence
    recipient_kind: str | None = None  # person | institution | None
    recipient_raw: str | None = None
    candidates: list[str] = field(default_factory=list)
    source: str = "list"  # list | extra
    flags: list[str] = field(default_factory=list)
    confidence: float = 1.0
    date: str | None = None
    instructed_by: str | None = None
    recipient_name: str | None = None  # the authority form, or an unlisted person's surname as written
    recipient_status: str | None = None  # known | institution | unlisted | unknown | illegible | blank | None


@dataclass
class Transfer:
    kind: str  # copy | excerpt | dispatch | receipt | extra-copy
    recipient: str | None
    evidence: Evidence
    copy: int | None = None
    recipient_raw: str | None = None
    channel: str | None = None
    date: str | None = None
    time: str | None = None
    origin: str | None = None
    number: str | None = None
    instructed_by: str | None = None
    confidence: float = 1.0
    recipient_name: str | None = None
    recipient_status: str | None = None


@dataclass
class Role:
    role: str  # drafted | typed | authenticated | sent | issued | signed | instructed | basis
    agent: str | None
    evidence: Evidence
    agent_raw: str | None = None
    agent_status: str = "known"  # known | unlisted | unknown | illegible | blank | absent | institution
    date: str | None = None
    time: str | None = None
    hand: str | None = None  # "handwritten" when the line is in another hand
    confidence: float = 1.0
    alternatives: list[dict] = field(default_factory=list)
    document: dict | None = None  # for basis: {"kind", "number", "date"}
    agent_name: str | None = None  # the authority form, or an unlisted person's surname as written


@dataclass
class Placement:
    container: str
    evidence: Evidence
    copy: int | None = None
    owner: str | None = None
    scope: str | None = None  # e.g. "point 8"
    hand: str | None = None
    confidence: float = 1.0
    owner_name: str | None = None  # the authority form, or an unlisted person's surname as written


@dataclass
class Excerpt:
    recipients: list[str | None]
    recipients_raw: list[str]
    points: list[str]
    points_raw: str
    evidence: Evidence
    channel: str | None = None
    status: str = "ok"  # ok | ambiguous | missing
    readings: list[dict] = field(default_factory=list)
    confidence: float = 1.0
    recipients_name: list[str | None] = field(default_factory=list)
    recipients_status: list[str] = field(default_factory=list)


@dataclass
class Party:
    """An addressee or sender named in the header or the title."""

    name: str | None
    raw: str
    kind: str  # person | institution | unlisted | unknown | illegible | blank
    source: str  # header | title | signature
    evidence: Evidence
    confidence: float = 1.0
    recorded_name: str | None = None  # the authority form, or an unlisted person's surname as written


_FIELDS: dict[type, tuple[str, ...]] = {}
_ATOMS = (str, int, float, bool, type(None))


def _plain(value):
    """A deep copy of ``value`` with dataclasses turned into dicts (as ``dataclasses.asdict``)."""
    if isinstance(value, _ATOMS):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if type(value) in _FIELDS or hasattr(type(value), "__dataclass_fields__"):
        return to_dict(value)

    return copy.deepcopy(value)


def to_dict(obj) -> dict:
    """The fields of a model dataclass as a dict, nested values copied (``dataclasses.asdict``)."""
    names = _FIELDS.get(type(obj))
    if names is None:
        names = _FIELDS[type(obj)] = tuple(f.name for f in fields(obj))
    d = obj.__dict__
    return {n: (v if isinstance(v, _ATOMS) else _plain(v)) for n in names for v in (d[n],)}


# ---------------------------------------------------------------- names as recorded (JSON facts)
# The authority's form of a name, or the surname as written of a person the authority does not
# hold (status "unlisted"); facts from before those fields existed have only the first.

def party_name(p: dict) -> str | None:
    """An addressee or sender."""
    return p.get("recorded_name") or p["name"]


def recipient_name(c: dict) -> str | None:
    """The recipient of a copy or transfer."""
    return c.get("recipient_name") or c["recipient"]


def agent_name(r: dict) -> str | None:
    """Who drafted, typed, signed... (a role)."""
    return r.get("agent_name") or r["agent"]


def excerpt_names(e: dict) -> list:
    """The recipients of an excerpt, one per recipient as written."""
    names = e.get("recipients_name") or []
    return list(names) if len(names) == len(e["recipients"]) else list(e["recipients"])
