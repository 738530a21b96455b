"""What the converter decides a bracket is: the kind, the rule that fired, what it wraps, and the
doubt an editor should review."""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance.ingest.parse import Bracket


#: every kind a bracket may be decided to be (the ``encoded_as`` of ingest's JSON, its schema's enum)
KINDS = ("sic", "sic-corr", "gap-illegible", "gap-omitted", "gap-redacted", "gap-damage", "space", "note-translator",
         "note-original", "note-editorial", "note-gloss", "add", "del", "handshift", "gloss", "abbr", "foreign", "supplied",
         "supplied-letters", "stamp", "pb", "unclear", "unclear-word")


@dataclass
class Decision:
    """What one bracket is, by which rule, and what it attaches to."""

    kind: str  # one of KINDS
    rule: str
    bracket: Bracket
    target: tuple[int, int] | None = None  # preceding words wrapped with the mark
    content: tuple[int, int] | None = None  # the encoded content inside the bracket
    attrs: dict = field(default_factory=dict)
    template: str = ""  # the bracket as written, "{}" standing for the content (when not canonical)
    doubtful: str = ""  # why an editor should review this decision
    alternatives: list[str] = field(default_factory=list)


def doubtful_foreign(b, cs, ce, rule: str, lang: str, why: str) -> Decision:
    """The original's word in ``lang``, with the doubt an editor should review (or supplied words)."""
    d = Decision("foreign", rule, b, content=(cs, ce), attrs={"lang": lang})
    d.doubtful = why
    d.alternatives = ["supplied"]
    return d
