"""The words the tool's outputs share: categories, kinds and flags of divergences, the default
catalog, and the tool header every JSON payload carries."""

from __future__ import annotations

import re
from enum import Enum

from provenance import TEI_NS, __version__

#: the TEI namespace in Clark notation, put before a local name: ``T + "body"``
T = "{%s}" % TEI_NS
#: the TEI namespace under the prefix ``t``, for XPath
NS = {"t": TEI_NS}


def tei_tag(name: str) -> str:
    """The qualified name of TEI element ``name`` (``"{http://www.tei-c.org/ns/1.0}p"``)."""
    return T + name


class Category(str, Enum):
    """What a divergence means, from the least to the most serious."""

    ACCIDENTAL = "accidental"
    EDITORIAL = "editorial"
    ORTHOGRAPHIC = "orthographic"
    LEXICAL = "lexical"
    SUBSTANTIVE = "substantive"


class Kind(str, Enum):
    SUBSTITUTION = "substitution"
    ADDITION = "addition"
    OMISSION = "omission"
    TRANSPOSITION = "transposition"


class Flag(str, Enum):
    """How a substantive divergence changes the meaning (and ``moved`` for a transposition)."""

    CLAUSE = "clause"
    DATE = "date"
    ENTITY = "entity"
    MOVED = "moved"
    NEGATION = "negation"
    NUMERIC = "numeric"
    SECTION = "section"


#: categories as reports and summaries list them: the changes of wording first, then the marks
CATEGORIES: tuple[str, ...] = tuple(c.value for c in (Category.SUBSTANTIVE, Category.LEXICAL, Category.ORTHOGRAPHIC,
                                                      Category.ACCIDENTAL, Category.EDITORIAL))
#: rank of each category (0 the least serious)
RANK: dict[str, int] = {c.value: k for k, c in enumerate(Category)}
KINDS: tuple[str, ...] = tuple(k.value for k in Kind)

#: the catalog file commands read and write unless told otherwise
DEFAULT_CATALOG = "provenance.sqlite"


def tool_header() -> dict:
    """The ``tool`` object of every JSON payload."""
    return {"name": "provenance", "version": __version__}


#: the English ordinals a copy list or a page is numbered by ("Second copy - file", "[second page]")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")

#: how editors say a word was crossed out in the original ("[crossed out: ...]", "[struck through]"),
#: a pattern the converter (for ``del``) and the chain extractor (for a recipient replaced) share
STRUCK_OUT = (r"(?:(?:crossed|struck|scored|lined|ruled|inked|scratched|blotted|blacked|rubbed)\s+(?:out|through)|deleted|erased"
              r"|overtyped|typed\s+over|overwritten)"
              r"(?:\s+in\s+(?:ink|pencil|red|blue|\w+\s+(?:ink|pencil)))?")   # "[lined through in ink: ...]"

#: titles, ranks and offices written before a person's name ("Cde. Yu. X", "General-Colonel X",
#: "Deputy Minister X", "Ms Patel"): a regular expression of one such word
TITLE = (r"(?:Cdes?\.?|Comrades?|Citizens?|Mr\.?|Mrs\.?|Ms\.?|Miss|Mister|Sir|Madame?|Dr\.?|Prof\.?|Academician|"
         r"Engineer|(?:General|Lieutenant|Colonel|Major|Captain|Marshal|Admiral|Commissar|Sergeant)(?:-[A-Z][a-z]+)*|"
         r"Lieutenant-General|Major-General|Minister|Ambassador|Secretary|Chairman|Deputy|Premier|President|"
         r"Consul(?:-General)?|Chief|Director|Commander|Governor|leader|khan)")
_TITLE_WORD = re.compile(TITLE)


def title_word(word: str) -> bool:
    """Whether ``word`` is one title, rank or office of ``TITLE`` ("Cde.", "Marshal", "Ms")."""
    return _TITLE_WORD.fullmatch(word) is not None
