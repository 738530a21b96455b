"""The parties of a document: the addressees of its header and title, and "Sent to" lists. A part of :class:`provenance.chain.extract.Extractor`."""

from __future__ import annotations

import re

from provenance.chain import patterns as P
from provenance.chain.model import Evidence, Party, Transfer
from provenance.chain.spans import _name_confidence, _status, _strip_span, _sure_unlisted, head_noun, name_after_post
from provenance.chain.titles import title_parties
from provenance.knowledge import english, places
from provenance.knowledge.wordnet import wordnet


_ORG_HEAD = re.compile(r"^(?:the\s+)?(?P<head>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+){0,3})\b(?P<rest>[^,]*?)(?:,\s*[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?\s*\.?$")


#: a line that names a person with a title, alone: "Cde. Rodzevich", "Comrade I. A. Ivanov"
_TITLED_LINE = re.compile(r"[ \t]*(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:[ \t]+(?:of|the))*[ \t]+){0,4}"   # a rank first: "Divisional Commissar", "General of the Army"
                          r"(?:Cdes?\.?|Comrades?|Mr\.?|Mrs\.?|Ms\.?)[ \t]+(?P<who>(?:[A-Z][a-z]?\.[ \t]*){0,3}"
                          r"[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z]\.[ \t]*){1,3})?)[ \t]*[.,]?[ \t]*(?=\n|$)")


def _organization(who: str) -> str | None:
    """The name of an office addressed in the header ("the Secretariat of the South Moravian Regional
    Committee of the KSČ, Brno", "the Central Committee of the Communist Party of China"): capitalized
    words one of which WordNet says names an organization, with what follows them, without the
    article and the town after a comma."""
    m = _ORG_HEAD.match(who.strip())
    if not m or len(who) > 120 or not any(wordnet().names_a_group(w.lower()) for w in re.split(r"[\s-]+", m.group("head"))):
        return None
    return (m.group("head") + m.group("rest")).strip()


#: the people of a body addressed together: "the troops of the 9th Army", "the garrison of the city of Dalny"
_COLLECTIVE = re.compile(r"^(?:the\s+)?(?P<head>[a-z]+)\s+of\s+(?P<rest>[^\n]*[A-Z0-9][^\n]*)$")


def _collective(who: str) -> str | None:
    """An order's or an appeal's addressees, the people of a body ("to the troops of the Osh
    Operational Group of the SAVO [Central Asian Military District]"): a noun WordNet says may name a
    group (troops, garrison, personnel, population) or a plural of persons (soldiers, workers), then
    "of" and a name; the phrase without the article and the editor's brackets, or None."""
    m = _COLLECTIVE.match(who.strip())
    if not m:
        return None
    head = m.group("head")
    wn = wordnet()
    if not (14 in wn.fields(head, "n") or head.endswith("s") and wn.names_a_person(head)):
        return None
    return " ".join(re.sub(r"\s*\[[^\]]*\]", "", f"{head} of {m.group('rest')}").split()).rstrip(" .,;:")


#: a person's initials and surname inside a longer phrase ("Deputy Minister D. Tsogt-Ochir of ...")
_INITIALS_NAME = re.compile(r"(?:\b[A-Z][a-z]?\.\s*){1,3}[A-Z][\w'’-]+")
#: a post of several words, then a surname ("Deputy Minister of Foreign Trade Sokolin")
_POST_THEN_NAME = re.compile(r"^(?P<post>[A-Z][a-z]+(?:[\s-]+(?:[A-Z][a-z]+|of|the|for|and))*\s+of\s+"
                             r"(?:[A-Z][a-z]+\s+)*[A-Z][a-z]+)\s+(?P<name>[A-Z][a-z'’-]+)$")
#: an acronym of a body or office (MGB, ECCI, NKVD, CC MPRP)
_ACRONYM = re.compile(r"\b[A-Z]{2,}[a-z]?\b|\b[A-Z][a-z]?[A-Z]+\b")


def _personal_name(phrase: str) -> bool:
    """Two or three capitalized words, one of them at least no English word, not a place's name."""
    words = phrase.split()
    return 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z'’]+(?:-[A-Za-z'’]+)?", w) for w in words) \
        and not all(english.is_word(w.lower()) for w in words) and not places.is_place(phrase)


def _next_line(text: str, end: int) -> int:
    """Where the line after the one ending at ``end`` begins, one blank line between them skipped
    (an addressee's office, a blank line, then his name)."""
    pos = end + 1
    m = re.match(r"[ \t]*\n", text[pos:pos + 40])
    return pos + m.end() if m else pos


def _body_or_office(phrase: str) -> bool:
    """Whether a title's phrase names a body or an office: an acronym, or a word WordNet says names
    an organization or a kind of person that is an office (ministry, presidium; commandant, consul)."""
    if _ACRONYM.search(phrase):
        return True
    wn = wordnet()
    return any(len(w) > 2 and (wn.names_a_group(w) or wn.names_an_office(w))
               for w in re.findall(r"[a-z][a-z-]+", phrase.lower()))


#: WordNet's lexicographer file of nouns of people
_PERSON_NOUNS = 18


def _people(phrase: str) -> bool:
    """Whether a title's phrase names a group of people by a plural noun of persons ("Believers of the
    Village of X", "Residents of Y"): a collective party, as a body is."""
    head = head_noun(phrase)
    return bool(head) and head.endswith("s") and phrase[:1].isupper() \
        and _PERSON_NOUNS in wordnet().fields(head, "n", top=1)


#: the translator's English of an address on the line below it: "[To the Central Committee of ...]"
_TRANSLATED_BELOW = re.compile(r"[ \t]*\[(?:[Tt]o[ \t]+)?(?P<t>[^\]\n]{3,120})\][ \t]*(?=\n|$)")


#: a line of a rank or a post alone, between an addressee's office and his name
_RANK_LINE = re.compile(r"[ \t]*[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|of|the|for|and|\d(?:st|nd|rd|th)))*[ \t]*(?=\n)")


#: the lines before a document's text are short (classification, copy number, date, heading)
_SHORT_LINE = 60


class PartiesPart:
    def bare_addressees(self):
        """"TOP SECRET / Comrade STALIN I. V. / I report that ...": a line of a titled name alone,
        among the short lines above the text (the Russian dative of the address, "To Comrade"), is
        the addressee; not in the last third of the page, where signatures and lists stand."""
        lines = self.text.split("\n")
        pos, limit = 0, len(self.text) * 2 // 3
        prev = ""
        for line in lines:
            start, pos = pos, pos + len(line) + 1
            if start > limit:
                break
            if not line.strip():
                continue
            m = _TITLED_LINE.fullmatch(line)
            if m and len(prev) < _SHORT_LINE and not any(p.raw == m.group("who") for p in self.addressees):
                ref = self.one_name(start + m.start("who"), start + m.end("who"), person=True)
                if ref is not None and ref.kind in ("person", "unlisted", "unknown"):
                    self.addressees.append(Party(ref.name or ref.raw, ref.raw, "person", "header",
                                                 self.ev(start, start + len(line)), 0.7, ref.recorded))
            prev = line.strip()

    def header_addressees(self):
        for m in P.ADDRESSEE.finditer(self.text):
            who = m.group("who")
            if re.match(r"^(?:the\s+)?addressees?\b", who, re.IGNORECASE):
                continue
            nxt = _next_line(self.text, m.end())   # the next line that is not blank
            below = _TITLED_LINE.match(self.text, nxt) if nxt < len(self.text) \
                and not P.ADDRESSEE.match(self.text, nxt) else None   # not the next "To ..." line
            rank = _RANK_LINE.match(self.text, nxt) if below is None and nxt < len(self.text) else None
            if rank:   # "To the People's Commissar ..." / "General Commissar of State Security" / "Cde. L. P. BERIA"
                below = _TITLED_LINE.match(self.text, _next_line(self.text, rank.end()))
            title = self.meta.get("title_span")
            org = _organization(who) if title is None or m.start() < title[1] + 400 else None
            if org is None and (title is None or m.start() < title[1] + 400):
                # "An das Zentralkomitee der KP Chinas" / "[To the Central Committee of the CP of China]": an
                # office in the original's words, as its translation on the line below says
                tr = _TRANSLATED_BELOW.match(self.text, m.end() + 1)
                org = who.strip() if tr and _organization(tr.group("t")) else None
            if org is None and not below:
                # "ORDER No. 014 / to the troops of the 9th Army": those an order is given to, on a
                # line of their own under its heading, however long the page above it
                org = _collective(who)
            if org and not below:
                # "To the Secretariat of the Regional Committee, Brno": an office the authority does not hold
                self.addressees.append(Party(None, who, "institution", "header", self.ev(m.start(), m.end()), 0.8, org))
                continue
            if below and not any(p.raw == below.group("who") for p in self.addressees):
                # "To the Head of the Personnel Department" / "Cde. Rodzevich": the person on the line below
                ref = self.one_name(below.start("who"), below.end("who"), person=True)
                if ref is not None and ref.kind in ("person", "unlisted", "unknown"):
                    self.addressees.append(Party(ref.name or ref.raw, ref.raw, "person", "header",
                                                 self.ev(m.start(), below.end()), 0.8, ref.recorded))
                    continue
            if org:
                self.addressees.append(Party(None, who, "institution", "header", self.ev(m.start(), m.end()), 0.8, org))
                continue
            s = name_after_post(self.text, m.start("who"), m.end("who"))   # "Vice Minister Lu": the person after the post
            if s > m.start("who"):
                ref = self.one_name(s, m.end("who"), person=True)
                if ref is not None and ref.kind in ("person", "unlisted", "unknown"):
                    self.addressees.append(Party(ref.name or ref.raw, ref.raw, "person", "header",
                                                 self.ev(m.start(), m.end()), 0.8, ref.recorded))
                    continue
            refs = self.names(m.start("who"), m.end("who"))
            if not refs:
                continue
            has_cde = bool(re.search(r"\b(?:Cdes?|Comrades?)\b", who))
            if not has_cde and not all(r.kind in ("person", "institution") or _sure_unlisted(r) for r in refs):
                continue
            titled = [r for r in refs if re.match(r"(?:Cdes?|Comrades?)\b", r.raw)]
            for r in refs:
                if titled and r not in titled and r.kind == "unknown":
                    continue   # "To Comrade Rodzevich, Head of the Personnel Department": his post, not a party
                if titled and r not in titled and r.kind != "person" and places.is_place(r.raw.strip(" .")):
                    continue   # "To Comrade Gerasimenko, Khabarovsk": where he is
                self.addressees.append(Party(r.name, r.raw, r.kind, "header", self.ev(m.start(), m.end()),
                                             _name_confidence(r), r.recorded))

    def title_parties(self):
        """The senders and addressees the title names (``titles.title_parties``): people by their
        names, offices and bodies as written ("MGB of the USSR", "Commandant of the Murgab Border
        Commandant's Office")."""
        title = self.meta.get("title")
        span = self.meta.get("title_span")
        if not title:
            return
        base = span[0] if span else 0
        seg = self.text[span[0]:span[1]] if span else title
        senders, addressees = title_parties(title)
        for phrase in senders:
            self._title_party(phrase, seg, base, span, self.senders)
        for phrase in addressees:
            self._title_party(phrase, seg, base, span, self.addressees)

    def _title_party(self, part: str, seg: str, base: int, span, out: list) -> None:
        k = seg.find(part)
        start = base + k if k >= 0 and span else None
        evid = (lambda a, b: self.ev(a, b)) if start is not None else (lambda a, b: Evidence(part, -1, -1))
        post = _POST_THEN_NAME.match(part)
        if post and _body_or_office(post.group("post")) and not english.is_word(post.group("name").lower()) \
                and not _ACRONYM.fullmatch(post.group("name")):
            # "Deputy Minister of Foreign Trade Sokolin": the post, then the man who holds it
            out.append(Party(None, part, "unlisted", "title", evid(start, start + len(part)) if start is not None
                             else evid(0, 0), 0.7, post.group("name")))
            return
        person = _INITIALS_NAME.search(part)
        if person and _body_or_office(part[person.end():]):
            # "Deputy Minister D. Tsogt-Ochir of the MPR Ministry of Internal Affairs": the person
            part, start = person.group(0), (start + person.start() if start is not None else None)
        found = [r for r in self.auth.split(part, start or 0, attested=self.attested)
                 if r.kind in ("person", "institution") or _sure_unlisted(r)]
        s = name_after_post(part, 0, len(part))
        if not found and s > 0 and re.fullmatch(r"(?:[A-Z][a-z]?\.\s*){0,3}[A-Z][\w'’-]+", part[s:]):
            # "Consul General Savelyev", "Marshal Choibalsan": a post, then the person's name
            name = part[s:].split()[-1].split(".")[-1]
            out.append(Party(None, part, "unlisted", "title", evid(start, start + len(part)) if start is not None
                             else evid(0, 0), 0.7, name))
            return
        if out is self.addressees and (not found and _body_or_office(part) or found and all(
                r.kind == "institution" for r in found)) and self._post_of_addressee(part):
            return   # "to the Minister of X" in the title, "To the Minister of X / Cde. Lomako" above the text
        for r in found:
            out.append(Party(r.name, r.raw, r.kind, "title", evid(r.start, r.end), 0.7, r.recorded))
        if not found and (_body_or_office(part) or _people(part)):
            end = start + len(part) if start is not None else None
            out.append(Party(None, part, "institution", "title", evid(start, end), 0.7, part))
        elif not found and _personal_name(part):
            # "to Mao Zedong": a name of two or three capitalized words, none of them English or a place
            end = start + len(part) if start is not None else None
            out.append(Party(None, part, "unlisted", "title", evid(start, end), 0.7, part))

    def _post_of_addressee(self, office: str) -> bool:
        """Whether an office the title names is the post of a person the address block names: written
        on his address or the lines just above it ("To the Minister of ... / Cde. P. F. Lomako")."""
        low = " ".join(office.lower().split())
        for p in self.addressees:
            if p.source != "title" and p.kind in ("person", "unlisted") and p.evidence.start > 0:
                span = self.meta.get("title_span") or (0, 0)
                lo = max(0, p.evidence.start - 300, span[1] if span[1] <= p.evidence.start else 0)
                above = [ln for ln in self.text[lo:p.evidence.start].split("\n") if ln.strip()]
                near = " ".join(above[-1:]) + " " + self.text[p.evidence.start:p.evidence.end]
                if low in " ".join(near.lower().split()):
                    return True
        return False

    def sent_to(self):
        """"Sent to: Cdes. Molotov, Beria, Malenkov, Mikoyan": the document went to each of them."""
        if self.low is not None and not any(k in self.low for k in ("sent", "dispatched", "distributed",
                                                                      "forwarded", "copies to")):
            return
        for m in P.SENT_TO.finditer(self.text):
            s, e = m.start("who"), m.end("who")
            line_end = e
            if s == e:
                # the names on the next lines: "Sent to:\n\nCdes. ..."
                nb = re.compile(r"\S").search(self.text, m.end())
                if not nb:
                    continue
                s = nb.start()
                para_end = self.text.find("\n\n", s)
                e = line_end = _strip_span(self.text, s, len(self.text) if para_end < 0 else para_end, " \t\n")[1]
            if any(m.start() <= c.evidence.start < line_end for c in self.copies):
                continue   # read as a list of copies ("Sent to Comrades X, Y - one copy each; copy 3 - to the file")
            if m.group("sentence"):   # a sentence of the letter: its people end with it, or at a semicolon
                stop = re.search(r";|(?<!\bCde)(?<!\bCdes)(?<![A-Z])\.(?:\s|$)", self.text[s:e])
                e = line_end = s + stop.start() if stop else e
            who = self.text[s:e]
            date, channel = None, None
            dm = re.search(r"[,;]?\s*(?P<d>" + P.DATE_WRITTEN + r")\s*\.?\s*$", who, re.IGNORECASE)
            if dm and dm.start() > 0:
                date = P.parse_date(dm.group("d"), self.year)
                if date:
                    e = s + dm.start()
            ch = P.CHANNEL.search(self.text, s, e)
            if ch:
                channel = ch.group("ch").lower()
                e = ch.start()
            refs = [r for r in self.names(s, e) if r.kind != "blank"]
            # "Sent to: the Presidium" is a note whatever it names; without the colon, the line
            # must name someone ("Sent to Cde. Stalin"), not be the start of a sentence
            if not refs or not m.group("colon") and not any(
                    r.kind in ("person", "institution", "unlisted", "illegible") for r in refs):
                continue
            ev = self.ev(m.start(), line_end)
            for r in refs:
                self.transfers.append(Transfer(
                    kind="dispatch", recipient=r.name, evidence=ev, recipient_raw=r.raw, channel=channel, date=date,
                    confidence=_name_confidence(r), recipient_name=r.recorded, recipient_status=_status(r)))
