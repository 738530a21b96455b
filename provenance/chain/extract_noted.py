"""The addressee an editor's note names when the heading of a document is not transcribed ("[Translator's
note: the addressee named at the head of the letter is the Chief of ..., Major General X.]"): the party
a copy "to the addressee" went to. A part of :class:`provenance.chain.extract.Extractor`."""

from __future__ import annotations

import re

from provenance.chain.model import Party
from provenance.chain.spans import name_after_post

#: an editor's note in brackets that says who the addressee is, or what the heading reads
_NOTED_ADDRESSEE = re.compile(
    r"\[[ \t]*(?:(?:[Tt]ranslator|[Ee]ditor|[Aa]rchivist|[Cc]ompiler)['’]s[ \t]+)?[Nn]ote[ \t]*:"
    r"[^\]]*?(?:\b(?:addressee|heading|addressed)\b[^\]]*?\b(?:is|was|are|were|reads|read)\b[ \t:]*"
    r"|\b(?:is|was|are|were)[ \t]+addressed[ \t]+to\b[ \t]*)"
    r"(?P<who>[^\]]{3,200}?)[ \t]*\.?[ \t]*\]")
#: a person's name at the end of the note's words: initials, then the surname
_INITIALED_NAME = re.compile(r"(?<![\w.])(?:[A-Z][a-z]{0,2}\.[ \t]*){1,3}[A-Z][\w'’-]+$")
#: what opens the part of such a note that names the addressee: an article, "to", a quotation mark
_LEAD = re.compile(r"[\"“'‘]?(?:(?:to|the)[ \t]+)*", re.IGNORECASE)


class NotedPart:
    """Methods of the extractor (``self.text``, ``self.addressees``, ``self.one_name``, ``self.ev``)."""

    def noted_addressees(self) -> None:
        if self.addressees:
            return   # the heading names them itself
        for m in _NOTED_ADDRESSEE.finditer(self.text):
            s, e = m.start("who"), m.end("who")
            while e > s and self.text[e - 1] in "\"”'’ .":
                e -= 1
            s = _LEAD.match(self.text, s, e).end()
            # "the Chief of Border Troops of the ... Okrug, Major General Sukhov": the person after the office
            comma = self.text.rfind(",", s, e)
            p0 = comma + 1 if comma >= 0 else s
            while p0 < e and self.text[p0] in " \t":
                p0 += 1
            p1 = name_after_post(self.text, p0, e)
            initialed = _INITIALED_NAME.search(self.text, p1, e)
            if initialed:   # "Deputy Minister of Foreign Affairs A. Ya. Vyshinsky", "A. Ya. Vyshinsky"
                p1 = initialed.start()
            ref = self.one_name(p1, e, person=True) if re.match(r"[A-Z]", self.text[p1:e]) else None
            if ref is not None and ref.kind in ("person", "unlisted", "unknown") and (comma >= 0 or p1 > p0 or initialed):
                self.addressees.append(Party(ref.name or ref.raw, ref.raw, "person", "note", self.ev(m.start(), m.end()),
                                             0.7, ref.recorded))
            elif comma < 0 and e > s:
                office = self.text[s:e].strip()
                self.addressees.append(Party(None, office, "institution", "note", self.ev(m.start(), m.end()), 0.7, office))
            return
