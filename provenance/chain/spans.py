"""Helpers of the extractor shared by its parts: lines and spans of the text, handwriting, and
how sure a name's reading is."""

from __future__ import annotations

import re

from provenance.chain import patterns as P
from provenance.chain.authority import NameRef
from provenance.knowledge.wordnet import wordnet


#: a post written before a name: words ending in one in lower case ("Section chief Zhou Lianbo",
#: "comrade Trinh"; the particles of names, van/de/von/al, are not such words), or capitalized words
#: ending in an office WordNet knows ("Vice Minister Lu", "Ambassador A. Smith")
_NAME_TO_END = r"(?=(?:[A-Z][a-z]?\.[ \t]*)*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}[ \t]*$)"
_LOWER_POST = re.compile(r"[ \t]*(?:[A-Z][a-z]+[ \t]+)?(?:(?!(?:van|von|de|der|den|du|da|al|el|ibn|bin|ter|la|le|the|of|and|for|to|"
                         r"by|in|on|at|via)\b)[a-z]{3,}[ \t]+){1,3}" + _NAME_TO_END)   # "chief inspector Bērziņš"
_CAPITALIZED = re.compile(r"[ \t]*([A-Z][a-z]+)[ \t]+")
_NAME_LEFT = re.compile(_NAME_TO_END)
#: a given name romanized as two syllables joined by a hyphen, ending the text: "Pao-t'ing", "Ying-chieh",
#: "Myong-hui"
_GIVEN_NAME = re.compile(r"[A-Z][a-z'’]{0,6}-[a-z'’]{1,7}[ \t]*$")


#: a person named in brackets after a body or an office, at the end: "the Agricultural Department of
#: the CC (Cde. Iliev)", "to the Ministry of Finance (Cde. Zverev)"
PERSON_IN_PARENS = re.compile(r"\(\s*(?P<n>(?:Cdes?\.?|Comrades?|Mr\.|Mrs\.|Ms\.|Dr\.)\s*[^()]+?)\s*\)\s*\.?\s*$")

def head_noun(phrase: str) -> str | None:
    """The head noun of a party's name, lower case: the word before "of", or the last ("Executive
    Committee of ...": committee; "Dagestan Revolutionary Committee": committee)."""
    head = re.match(r"(?:[A-Za-z'’-]+\s+){0,3}?([A-Za-z-]+)(?=\s+of\b|\s*$)", phrase or "")   # "People's Commissar of ..."
    return head.group(1).lower() if head else None


def name_after_post(text: str, start: int, end: int) -> int:
    """Where the name begins in ``text[start:end]`` when a post is written before it; ``start`` otherwise."""
    m = _LOWER_POST.match(text, start, end)
    if m:
        return m.end()
    # the last office word of up to three capitalized words, a name after it ("Vice Minister Lu")
    found, pos = start, start
    for k in range(3):
        m = _CAPITALIZED.match(text, pos, end)
        if not m:
            break
        if _GIVEN_NAME.match(text, m.end(), end):
            break   # "Adjutant Sun Pao-t'ing": a family name before a romanized given name, not an office
        pos = m.end()
        word = m.group(1).lower()
        # after another capitalized word, an office in one of its senses ("Section Head Tan Fuyuan")
        if _NAME_LEFT.match(text, pos, end) and len(word) > 2 and (
                wordnet().names_an_office(word) or k > 0 and wordnet().may_name_an_office(word)):
            found = pos
    return found


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _strip_span(text: str, start: int, end: int, chars: str = " \t.,;:") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _in_handwriting(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside a "[Handwritten: ...]" bracket or after "[Handwritten:]" on its line."""
    line_start = text.rfind("\n", 0, pos) + 1
    line = text[line_start:pos]
    if re.match(r"\s*\[Handwritten:?\]", line, re.IGNORECASE):
        return True
    for m in P.HANDWRITTEN.finditer(text, max(0, pos - 600), pos):
        depth = 0
        for ch in text[m.start():pos]:
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
        if depth > 0:
            return True
    return False


def _status(ref: NameRef | None) -> str:
    """known | institution | unlisted | unknown | illegible | blank | absent."""
    if ref is None:
        return "absent"
    return {"person": "known", "institution": "institution"}.get(ref.kind, ref.kind)


def _name_confidence(ref: NameRef | None) -> float:
    """How sure the reading of a name is a person's: below 1 only for an unlisted name."""
    return ref.confidence if ref is not None and ref.kind == "unlisted" else 1.0


def _sure_unlisted(ref: NameRef) -> bool:
    """An unlisted name with a title, initials or the same surname titled elsewhere in the document."""
    return ref.kind == "unlisted" and ref.confidence >= 0.9


def _clean_container(raw: str) -> str:
    s = re.sub(r"\s+", " ", raw).strip(" .,;:”\"]")
    s = re.sub(r"^(?:the|a)\s+", "", s)
    return s


#: two recipients joined by the Russian "i" (and): "Vitse-konsul'stvu v Ardebile i Konsul'stvu v Reshte"
_JOINED_BY_I = re.compile(r"\s+i\s+(?=[A-ZА-Я]|tt?\.\s)")


def _respectively(dest: str, copies: int) -> list[tuple[int, str]]:
    """The recipients of an entry of several copies, one a copy ("Ekz. No. 3, 4 - Vitse-konsul'stvu v
    Ardebile i Konsul'stvu v Reshte"), when its destination joins exactly that many, each capitalized
    or titled, with the Russian "i" (and): (offset into ``dest``, recipient) each; else empty."""
    if copies < 2:
        return []
    cuts = list(_JOINED_BY_I.finditer(dest))
    if len(cuts) != copies - 1:
        return []
    bounds = [0] + [x for c in cuts for x in (c.start(), c.end())] + [len(dest)]
    out = [(bounds[k], dest[bounds[k]:bounds[k + 1]]) for k in range(0, len(bounds), 2)]
    return out if all(part.strip()[:1].isupper() or part.startswith("t.") for _at, part in out) else []


def _named_each(text: str, pos: int, names: str) -> list[tuple[str, int]]:
    """The people of "Nazirov, Khodzhibaev and Ferapontov" (written at ``pos`` in ``text``), each
    with its offset."""
    out = []
    for name in re.split(r"\s*,\s*|\s+and\s+", names):
        at = text.find(name, pos) if name else pos
        out.append((name, at))
        pos = at + len(name)
    return out
