"""Who sent a document and to whom, as its catalogue title says.

Titles of translated archival documents follow a small grammar: a kind of document, then its
author ("Report of the Commandant of ...", "Minutes No. 27 of the Presidium of ...", "Decree of
the Council of People's Commissars ...") or its sender ("Cable from Consul Fedoseyev in Hailar",
"Telegram from the Xinjiang Sub-Bureau"), its addressees ("to Stalin, Molotov and Beria"), and what
it is about ("on the Barga Mongols"). An excerpt names the document it is taken from ("Excerpt on
Mongolia from Minutes No. 53 of the VKP(b) CC Politburo Meetings"), whose author is the
excerpt's; an interrogation record names who was questioned and, after "by", who questioned.

``title_parties(title)`` returns the phrases of the senders and of the addressees, each as
written without a leading article; what they name (a person, an office, a body) is the caller's
to decide.
"""

from __future__ import annotations

import re

from provenance.knowledge import english

#: a web page's trail of links on one line, not a title: "Home > Collections > Sino-Soviet Relations > ..."
BREADCRUMB = re.compile(r"^\s*(?:Home|Main page|Start)\s*[>›»]\s*\S[^\n]*$")

#: kinds of document whose "of X" names the author (a report of the commandant, minutes of the
#: presidium); a record, an interrogation or a conversation "of X" names its subject instead
DOCUMENT_NOUNS = (
    "decree|order|orders|resolution|decision|directive|instructions?|report|information|minutes|protocol|"
    "statement|appeal|letter|note|memorandum|memo|telegram|cable|communication|communiqué|communique|proposal|"
    "draft|diary|journal|plan|request|petition|message|circular|notification|spravka|summary|survey|"
    "declaration|agreement|list|certificate|reply|answer|protest|address|bulletin|digest|review|overview|"
    "announcement|notice|dispatch|regulations|guidelines|assessment|account|conclusion|opinion")
#: a kind of document, with the words before it ("Special Communication") and one after ("Note Verbale")
_DOC = r"(?:(?:[A-Z][\w-]*\s+){0,3})(?i:" + DOCUMENT_NOUNS + r")\b(?:\s+[A-Z][a-z]+(?=\s+(?:No\b|of\b)))?" \
       r"(?:\s+No\.?\s*[\w/.-]+)?"

#: words that begin what the document is about, or where a party is, and so end a party's phrase
_END = (r"(?=\s+(?:on|about|concerning|regarding|re:?|to|in|at|with|by|from|and\s+the\s+(?:draft|text))\s"
        r"|\s+for\s+(?:the|Cdes?\.?|Comrades?|[A-Z]\.)\s|\s*[,;]\s*(?:[a-z]|$)|\s+\(|\s*[\"“«]|\s*$)")
_OF_AUTHOR = re.compile(r"^\s*(?:(?:Excerpt|Extract)s?\s+(?:\w+\s+){0,6}?(?:from|of)\s+(?:the\s+)?)?"
                        + _DOC + r"\s+of\s+(?:the\s+)?(?:(?:Meeting|Session|Sitting|Plenum)s?\s+of\s+(?:the\s+)?)?"
                        r"(?P<who>.+?)" + _END)
_FROM_DOC = re.compile(r"\bfrom\s+(?:the\s+)?" + _DOC + r"\s+of\s+(?:the\s+)?(?:(?:Meeting|Session|Sitting|Plenum)s?\s+"
                       r"of\s+(?:the\s+)?)?(?P<who>.+?)" + _END)
_FROM = re.compile(r"\bfrom\s+(?P<who>.+?)" + _END)
_BY = re.compile(r"\b(?:interrogation|questioning|conversation|record|signed|compiled|drawn\s+up|prepared)\b[^,;]*?"
                 r"\bby\s+(?P<who>.+?)" + _END, re.I)
_TO = re.compile(r"\b(?:to|for(?=\s+(?:the|Cdes?\.?|Comrades?|[A-Z]\.)\s))\s+(?P<who>(?:(?!\b(?:on|about|concerning|regarding)\b).)+?)"
                 r"(?=\s+(?:on|about|concerning|regarding|re:?)\s|\s*$)")
_SUBMITTED = re.compile(r"\b(?:submitted|proposed|presented|introduced|drafted|prepared)\s+by\s+(?P<who>.+?)" + _END, re.I)
_DRAFT = re.compile(r"^(?:the\s+)?(?:draft|proposed|project)\b", re.I)
_RECORD_OF = re.compile(r"(?i)(?:record|protocol|minutes)\s+of\s+(?:the\s+)?(?:interrogation|questioning|conversation|talks?)\b")
_LEAD = re.compile(r"^(?P<who>(?:[A-Z]\.\s*)+[A-Z][\w'’-]+(?:\s*(?:,|and)\s*(?:[A-Z]\.\s*)+[A-Z][\w'’-]+)*)\s+to\s+")
#: where what the document is about begins
_TOPIC = re.compile(r"\s(?:on|about|concerning|regarding)\s|,?\s*[\"“«]")
#: a meeting's trailing word ("VKP(b) CC Politburo Meetings" is the Politburo)
_MEETINGS = re.compile(r"\s+(?:Meetings?|Sessions?|Sittings?|Decisions|Resolutions)$")
_DOC_START = re.compile(r"^(?:the\s+)?" + _DOC + r"(?:\s+(?:of|No)\b|$)")   # "Minutes No. 5", not "Information Bureau"


#: a part of a document, not a party ("..., Point III")
_PART = re.compile(r"^(?:Point|Item|Paragraph|Section|Part|Article|No\.?)\b")
#: an administrative unit after a party, in apposition: "Chuvash ASSR", "Orenburg Oblast"
_PLACE_AFTER = re.compile(r"^(?:[A-Z][\w'’-]*\s+){1,3}(?:A?SSR|Oblast|Krai|Kray|Okrug|Raion|Region|Province|Autonomous\s+Republic)$")
#: a person's name: initials, then a surname
_INITIALED = re.compile(r"^(?:[A-Z][a-z]?\.\s*){1,3}[A-Z][\w'’-]+$")


def _a_name(piece: str) -> bool:
    """Whether a party is a person's name: initials and a surname ("I. Zubarev"), or a given name and a
    surname that is no word of the dictionary ("Ivan Petrov"; not "Foreign Ministry")."""
    words = piece.split()
    return bool(_INITIALED.match(piece)) or len(words) == 2 and all(w[:1].isupper() for w in words) \
        and not english.in_dictionary(words[-1].lower())


def _split(phrase: str) -> list[str]:
    """A list of parties ("Stalin, Molotov and Beria") as its members, articles dropped; a post in
    apposition after a person's name ("I. Zubarev, Chairman of the ...") is his, not another party."""
    out: list[str] = []
    for piece in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+)?[A-Z])", phrase):
        piece = re.sub(r"^(?:the|a|an)\s+", "", piece.strip(" .;:"), flags=re.I)
        piece = _MEETINGS.sub("", piece)
        if not piece or not piece[:1].isupper() or _DOC_START.match(piece) or _PART.match(piece):
            continue
        if out and _PLACE_AFTER.match(piece) and not _PLACE_AFTER.match(out[-1]):
            continue   # "the Believers of the Village of X, Chuvash ASSR": where the party is, no party
        if out and _a_name(out[-1]) and re.match(r"^(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*\s+of\b", piece):
            continue   # "I. Zubarev, Chairman of the ...", "G. Shelekhov, Soviet Deputy Director-General of ..."
        if out and _INITIALED.match(piece) and not _a_name(out[-1]) \
                and re.match(r"^(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*\s+of\b", out[-1]):
            out[-1] = piece   # "the Governor of Svalbard, H. Eikrem": the man who holds the post
            continue
        out.append(piece)
    return out


def title_parties(title: str | None) -> tuple[list[str], list[str]]:
    """(senders, addressees) as the title names them: phrases as written, articles dropped."""
    if not title:
        return [], []
    t = " ".join(title.strip().strip('"“”*').split())
    topic = _TOPIC.search(t)
    head = t[:topic.start()] if topic else t
    # the readings of the sender, the surest first: "Submitted by" on a draft; the body of the minutes
    # an excerpt is from; "from" before the topic; the author "of" a report, an order, minutes (not
    # of a draft, which its body is to adopt, nor of a record, whose "of" is its subject); "by"
    # after a record; names before "to"
    of_author = None if _DRAFT.match(t) or _RECORD_OF.match(t) else _OF_AUTHOR.match(t)
    readings = (_SUBMITTED.search(t), _FROM_DOC.search(t), _FROM.search(head), of_author, _BY.search(t), _LEAD.match(t))
    senders: list[str] = next((found for found in (_split(m.group("who")) for m in readings if m) if found), [])
    addressees: list[str] = []
    m = _TO.search(head if topic else t)
    if m:
        addressees = _split(m.group("who"))
    return senders, addressees
