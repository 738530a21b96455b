"""Who drafted, typed, signed and authenticated a document, and on what basis. A part of :class:`provenance.chain.extract.Extractor`."""

from __future__ import annotations

import re

from provenance.chain import patterns as P
from provenance.chain.authority import surname_shaped
from provenance.chain.model import Party, Role, Transfer, to_dict
from provenance.chain.spans import PERSON_IN_PARENS, _in_handwriting, _lines, _name_confidence, _status, head_noun, name_after_post
from provenance.knowledge import english
from provenance.knowledge.wordnet import wordnet


#: the title of minutes: "Protocol No. 7 of the Meeting of ...", "Minutes of ...", "Extract from Protocol ..."
_MINUTES = re.compile(r"\s*(?:(?:extract|excerpt)\s+from\s+)?(?:the\s+)?(?:protocol|minutes)\b", re.I)

#: a date (and a time) after a name: "Jo Myong-hui 17.IV. 2240", "A. Petrov, 3 May 1950"
_TRAILING_DATE = re.compile(r",?\s*(?P<d>" + P.DATE_WRITTEN + r"|\d{1,2}/(?-i:[IVX]{1,4})(?:-\d{2,4})?)(?:\.\d{2,4})?\.?"
                            r"(?:\s+\d{3,4}|\s+\d{1,2}[:.]\d{2})?\s*\.?\s*$", re.IGNORECASE)   # also "27/IV-38"
#: a person named in parentheses after an office


#: an office or post after a name and a comma, two words or more, not initials: ", Propaganda Section"
_OFFICE_AFTER_NAME = re.compile(r",[ \t]*(?![A-Z]\.)[A-Z][\w'’-]+(?:[ \t]+[\w'’()-]+)+[ \t]*\.?[ \t]*$")
#: "(illegible)": the editor's word for a name that cannot be read, in parentheses
_ILLEGIBLE_IN_PARENS = re.compile(r"\(\s*(?:illegible|signature\s+illegible|unreadable)\s*\)", re.IGNORECASE)


#: reference initials alone on a line, the dictating person's then the typist's: "NS/vk", "HT/eb",
#: "Re/Ha", "IK/mp 3 ekz.", a digraph's initial "AKh/lm", a letter with a diacritic "Kr/Bö" (an office symbol
#: in capitals on both sides, "S/P", "EUR/EE", is not)
_REFERENCE_INITIALS = re.compile(r"(?m)^[ \t]*(?P<d>[A-Z]{2,3}|[A-Z]{1,2}[a-z])[ \t]*/[ \t]*"
                                 r"(?P<t>[a-zß-öø-ÿ]{1,3}|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])"
                                 r"(?:[ \t]+\d{1,2}[ \t]*(?:ekz|cop)[^\n]*)?[ \t]*\.?[ \t]*$")


#: a count of copies where a drafter's or typist's label would have a name: "în 4 ex.", "v 4 ekz."
_COUNT_NOT_NAME = re.compile(r"[ \t]*(?:în|in|v|w)[ \t]+\d{1,3}[ \t]+(?:ex|ekz|egz|cop|Ausf|Exempl|v[ýy]t|pld|p[ée]ld)",
                             re.IGNORECASE)


#: the typist's initials after the drafter's name and a slash, as reference initials give them:
#: "kpt. Šindelář/Kr.", "Petrov/vk"
_TYPIST_AFTER_SLASH = re.compile(r"(?<=[^\W\d_]{2})/(?P<t>[A-ZА-ЯÀ-Ž]?[a-zа-яà-ž]{1,3}\.?)[ \t]*$")


#: a running sentence before a label: its line opens with six words or more, one space apart (not
#: columns), the last a noun in lower case ("We enclose the list compiled by the former commander": the
#: drafter of another document; "the dictionary, prepared by the commission": after a comma too)
_IN_A_SENTENCE = re.compile(r"[ \t]*(?:\S+ ){5,}(?!(?:was|were|is|are|been|be|being|and|also|then)\b)[a-z]{3,},? $")
#: a post glossed in brackets before the name, as the reading view writes it: the gloss padded with
#: spaces ("2nd secretary          Orlov-Gradov")
_GLOSSED_POST = re.compile(r"[ \t]*[^\n]*?\S(?=[ \t]{2,}\S)[ \t]{2,}")




#: a surname ending a post written in lower case: "... of the obkom Kudrin"
#: who wrote a petition or a letter for others, and who typed it, said in a sentence about the document
#: itself: "The petition was written at the request of the meeting by the kolkhoz accountant G. Sabirova
#: and typed at the village soviet by Z. Galieva", "Written at the request of the kolkhozniks by the teacher A. Zaitseva"
_WRITTEN_FOR = re.compile(
    r"(?:^[ \t]*|\b(?:[Tt]he|[Tt]his)\s+(?:petition|letter|statement|appeal|complaint|application|declaration|request|document)"
    r"\s+(?:was|has\s+been)\s+|\band\s+)"
    r"(?P<label>(?P<verb>[Ww]ritten|[Dd]rawn\s+up|[Tt]yped)(?:\s+(?:at|on)\s+the\s+(?:request|dictation|instruction)\s+of\s+[^.;\n]{2,60}?)?"
    r"(?:\s+(?:at|in)\s+(?:the\s+)?[a-z][^.;\n]{2,40}?)?\s+by)\s+(?:the\s+)?"
    r"(?P<name>(?:[a-z][\w'’-]*\s+){0,4}(?:[A-Z]\.\s*){0,3}[A-Z][a-z][\w'’-]+)", re.MULTILINE)
_LAST_NAME_AFTER_POST = re.compile(r"\b[a-z][\w'’-]*[ \t]+(?P<n>(?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][a-z][\w'’-]+)[ \t.]*$")


def _a_body(raw: str) -> bool:
    """Whether a party's name is a body's by its head noun ("Dagestan Revolutionary Committee", "Bureau of the
    Obkom"), a noun WordNet files under groups."""
    head = head_noun(raw)
    return bool(head) and wordnet().names_a_group(head)


class RolesPart:
    def _role_name(self, m: re.Match, role: str, name_group: str = "name"):
        s, e = m.start(name_group), m.end(name_group)
        if role in ("drafted", "typed") and _COUNT_NOT_NAME.match(self.text, s, e):
            return None   # "Întocmit în 4 ex.", "Otp. v 4 ekz.": how many copies were made, not by whom
        us = P.US_DRAFTING.match(self.text, s, e) if role == "drafted" else None
        if us:
            return self._us_drafting(m, us)
        glossed = _GLOSSED_POST.match(self.text, s, e)
        if glossed and "]" in getattr(self, "raw", self.text)[s:glossed.end()] and ";" not in self.text[s:glossed.end()]:
            s = glossed.end()   # "Isp. 2-i sekretar' [2nd secretary] Orlov-Gradov": the name after the glossed post
        # columns apart by two spaces or more, as written (the reading view pads glosses with spaces)
        cut = re.search(r"\s{2,}|\s+At\s+the\s+instruction|□|”", getattr(self, "raw", self.text)[s:e])
        if cut and cut.start() > 0:
            e = s + cut.start()
        lower = self.text[s:s + 1].islower()
        titled = [t for t in re.finditer(r",[ \t]*(?=[A-Z])", self.text[s:e])]
        if titled and lower:
            # "the head of the planning department, Cde. Pärtelpoeg", "senior instructor, Battalion
            # Commissar Gubaidullin": the person after the post
            s = s + titled[0].end()
        more = P.ROLE_NAME_END.search(self.text, s, e)
        if more and more.start() > s:
            e = more.start()
        if lower and not titled and (last := _LAST_NAME_AFTER_POST.search(self.text, s, e)) \
                and not english.in_dictionary(last.group("n").split()[-1].lower()):
            s = last.start("n")   # "head of the metallurgical department of the obkom Kudrin", "clerk Choe Sun-hui"
        typist = _TYPIST_AFTER_SLASH.search(self.text, s, e) if role == "drafted" else None
        if typist:   # "Vyřizuje: kpt. Šindelář/Kr.": the drafter, then the typist's initials
            e = typist.start()
        raw = self.text[s:e]
        ev_end = e
        office = _OFFICE_AFTER_NAME.search(raw)   # "Phan Van Tich, Propaganda Section": the name before it
        if office and office.start() > 0:
            e = s + office.start()
            raw = self.text[s:e]
        # "the Agricultural Department of the CC (Cde. Iliev)": the person, not the office
        inner = PERSON_IN_PARENS.search(raw)
        if inner and inner.start() > 0:
            outer = self.one_name(s, s + inner.start())
            if outer is None or outer.kind not in ("person", "unlisted"):
                s, e = s + inner.start("n"), s + inner.end("n")
                raw = self.text[s:e]
        date = None
        dm = _TRAILING_DATE.search(raw)
        if dm and (dm.start() > 0 and raw[:dm.start()].strip(" ,")):
            date = P.parse_date(dm.group("d"), self.year)
            e = s + dm.start()   # the date is no part of the name, read or not ("Sh.K. 14.V")
        s = name_after_post(self.text, s, e)   # "Section chief Zhou Lianbo": the name after the post
        ref = self.one_name(s, e, person=True)
        if ref is not None and _ILLEGIBLE_IN_PARENS.fullmatch(self.text[s:e].strip()):
            ref = self.auth.resolve("[illegible]", s, True, self.attested)   # "Typist: (illegible)"
        evidence = self.ev(m.start(), ev_end)
        hand = "handwritten" if _in_handwriting(self.text, m.start()) else None
        label_supplied = "[" in m.group("label")
        self.roles.append(Role(
            role=role, agent=ref.name if ref else None,
            evidence=evidence, agent_raw=ref.raw if ref else None, agent_status=_status(ref), date=date,
            hand=hand, confidence=min(0.9 if label_supplied else 1.0, _name_confidence(ref)),
            agent_name=ref.recorded if ref else None))
        drafted = self.roles[-1]
        if typist:
            self.roles.append(Role(role="typed", agent=None, evidence=self.ev(m.start(), typist.end()),
                                   agent_raw=typist.group("t"), agent_status="unknown", confidence=0.8))
        return drafted

    def _us_drafting(self, m: re.Match, us: re.Match):
        """"Drafted: EUR/EE:RTDelancey:mb": the drafter by surname, the typist by initials."""
        evidence = self.ev(m.start(), us.end())
        k = "" if us.group("surname") else "2"   # "EUR/EE:RTDelancey:mb" or "LCHargrave/ew"
        ref = self.one_name(us.start("surname" + k), us.end("surname" + k), person=True)
        self.roles.append(Role(role="drafted", agent=ref.name if ref else None, evidence=evidence,
                               agent_raw=us.group("initials" + k) + " " + us.group("surname" + k),
                               agent_status=_status(ref), confidence=min(0.9, _name_confidence(ref)),
                               agent_name=ref.recorded if ref else None))
        drafted = self.roles[-1]
        if us.group("typist" + k):
            self.roles.append(Role(role="typed", agent=None, evidence=evidence, agent_raw=us.group("typist" + k),
                                   agent_status="unknown", confidence=0.8))
        return drafted

    def role_lines(self):
        for pattern, words, role in ((P.DRAFTED, P.DRAFTED_WORDS, "drafted"), (P.TYPED, P.TYPED_WORDS, "typed")):
            for m in P.scan(pattern, self.text, self.low, words, 1):
                if not _IN_A_SENTENCE.match(self.text, self.text.rfind("\n", 0, m.start()) + 1, m.start()):
                    self._role_name(m, role)
        if self.low is None or "[" in self.text or "charge of drafting" in self.low or "copy typed" in self.low:
            for m in P.LINE_ROLE.finditer(self.text):
                self._role_name(m, "drafted" if m.group("d") or m.group("d2") else "typed")
        # the labels as the original writes them, the reading's gloss over them put aside ("Chengbanren [person
        # handling the matter]: X"): the offsets are the same
        local = {m.start(): m for m in P.LOCAL_ROLE.finditer(self.raw)} if self.raw != self.text else {}
        local.update({m.start(): m for m in P.LOCAL_ROLE.finditer(self.text)})
        for m in (local[k] for k in sorted(local)):
            # "Opr. kpt. Nowak", "Schreibkraft: Koch": the original's label, not glossed
            line_start = self.text.rfind("\n", 0, m.start()) + 1
            if self.text[m.start() - 1:m.start()] == ";":
                line_start = m.start()   # "...; dazi [typed]: X": a second role on the line, after the first
            if not any(line_start <= r.evidence.start < m.end() for r in self.roles):
                self._role_name(m, "drafted" if m.group("d") else "typed")
        if not any(r.role in ("drafted", "typed") for r in self.roles):
            for m in _REFERENCE_INITIALS.finditer(self.text):
                # "HT/eb", "Re/Ha" alone on a line: the reference initials of who dictated and who typed
                ev = self.ev(m.start("d"), m.end("t"))
                self.roles.append(Role(role="drafted", agent=None, evidence=ev, agent_raw=m.group("d"),
                                       agent_status="unknown", confidence=0.7))
                self.roles.append(Role(role="typed", agent=None, evidence=ev, agent_raw=m.group("t"),
                                       agent_status="unknown", confidence=0.7))
        for m in _WRITTEN_FOR.finditer(self.text):
            role = "typed" if m.group("verb").lower() == "typed" else "drafted"
            if not any(r.role == role for r in self.roles):
                self._role_name(m, role)
        for m in P.scan(P.AUTHENTICATED, self.text, self.low, ("authenticated", "certified", "true", "verified")):
            role = self._role_name(m, "authenticated")
            if role.agent_status in ("illegible", "absent", "blank"):
                self._authentication_alternative(role, m.end())
        for m in P.SENT.finditer(self.text):
            self.roles.append(Role(
                role="sent", agent=None, evidence=self.ev(m.start(), m.end()), agent_status="absent",
                date=P.parse_date(m.group("date"), self.year), time=P.parse_time(m.group("time")),
                confidence=0.9 if m.group("time") and not re.search(r"\d{4}\s+\d", m.group(0)) else 1.0))
            self.transfers.append(Transfer(
                kind="dispatch", recipient=None, evidence=self.ev(m.start(), m.end()),
                date=P.parse_date(m.group("date"), self.year), time=P.parse_time(m.group("time"))))
        for m in P.ISSUED.finditer(self.text):
            ref = self.one_name(m.start("name"), m.end("name"), person=True)
            self.roles.append(Role(
                role="issued", agent=ref.name if ref else None, evidence=self.ev(m.start(), m.end()),
                agent_raw=ref.raw if ref else None, agent_status=_status(ref),
                confidence=min(0.8, _name_confidence(ref)), agent_name=ref.recorded if ref else None))
        for m in P.SIGNED.finditer(self.text):
            ref = self.one_name(m.start("name"), m.end("name"), person=True)
            date = P.parse_date(m.group("date"), self.year)
            self.roles.append(Role(
                role="signed", agent=ref.name if ref else None, evidence=self.ev(m.start(), m.end()),
                agent_raw=ref.raw if ref else None, agent_status=_status(ref), date=date,
                confidence=_name_confidence(ref), agent_name=ref.recorded if ref else None))
            if ref:
                self.senders.append(Party(ref.name, ref.raw, ref.kind, "signature", self.ev(m.start(), m.end()),
                                          _name_confidence(ref), ref.recorded))

    def signature_lines(self):
        """Signatures on lines of their own below the text: "A. MIKOYAN", "V. Molotov", "KOVALEV"
        over a date, "A. SAVELYEV [illegible signature]". A word alone counts only in capitals,
        over a date or a signature mark, and when it is a known person or has a surname's shape."""
        lines = list(_lines(self.text))
        title_end = (self.meta.get("title_span") or (0, 0))[1]
        content = [i for i, (_s, _e, line) in enumerate(lines) if line.strip() and not P.UNRENDERED_LINE.match(line)]
        sig_at: dict[int, re.Match] = {}
        for i in content:
            s, _e, line = lines[i]
            if s < title_end:
                continue
            m = P.SIGNATURE_LINE.match(line)
            if m and (m.group("initials") or m.group("surname").isupper()) \
                    and not _in_handwriting(self.text, s + m.start("name")):
                sig_at[i] = m

        def below(k: int):
            """The first content line after the signature block that starts at content index k."""
            j = k + 1
            while j < len(content) and (content[j] in sig_at or P.SIGNATURE_MARK_LINE.fullmatch(lines[content[j]][2])):
                j += 1
            return (j, lines[content[j]]) if j < len(content) else (j, None)

        for k, i in enumerate(content):
            m = sig_at.get(i)
            if m is None or k > 0 and re.match(r"[ \t]*(?:To|TO)\b", lines[content[k - 1]][2]):
                continue   # "To the Manager of the Mines / Mr. P. I. Shchetinin": the addressee under the address
            s, _e, line = lines[i]
            surname = m.group("surname")
            start = s + m.start("name")
            end = s + m.end("name")
            ref = self.auth.resolve(self.text[start:end], start, True, self.attested)
            if ref.kind not in ("person", "unlisted"):
                continue
            strong = ref.kind == "person" or surname_shaped(re.sub(r"[\[\]]", "", surname)) \
                or ref.cleaned.split(" ")[-1].casefold() in self.attested
            j, nxt = below(k)
            dated = nxt is not None and P.DATE_LINE.fullmatch(nxt[2]) is not None
            marked = bool(m.group("mark")) or j > k + 1
            if m.group("initials"):
                ok = strong or dated or marked
            else:
                ok = strong and (dated or marked)
            if not ok:
                continue
            self._signed(ref, self.ev(start, s + m.end()), P.parse_date(nxt[2], self.year) if dated else None)
        for m in P.SIGNED_AFTER_MARK.finditer(self.text, title_end):
            # "COMMANDER OF THE ... [signature] NIKOLAYEV": the post, the mark, then who signed
            start, end = m.start("name"), m.end("name")
            if _in_handwriting(self.text, start) or any(r.role == "signed" and r.evidence.start <= start < r.evidence.end
                                                       for r in self.roles):
                continue
            ref = self.auth.resolve(self.text[start:end], start, True, self.attested)
            if ref.kind not in ("person", "unlisted") or not (ref.kind == "person" or m.group("initials")
                                                              or surname_shaped(m.group("surname"))):
                continue
            # the first signs for the sender, those below co-sign
            self._signed(ref, self.ev(m.start("post"), end), sender=not any(p.source == "signature" for p in self.senders))

    def _minutes_of_a_body(self) -> bool:
        """Whether the document is the minutes (protocol) of a body its title names: its chairman and
        secretary sign the record, the body is its sender."""
        return bool(_MINUTES.match(self.meta.get("title") or "")) and any(
            p.source == "title" and (p.kind == "institution" or p.kind == "unlisted" and _a_body(p.raw)) for p in self.senders)

    def _signed(self, ref, ev, date: str | None = None, sender: bool = True) -> None:
        """A signature of ``ref`` (a person) at ``ev``: a ``signed`` role and, if ``sender``, a sender."""
        conf = _name_confidence(ref)
        self.roles.append(Role(role="signed", agent=ref.name, evidence=ev, agent_raw=ref.raw, agent_status=_status(ref),
                               date=date, confidence=conf, agent_name=ref.recorded))
        if sender and not self._minutes_of_a_body():
            self.senders.append(Party(ref.name, ref.raw, ref.kind, "signature", ev, conf, ref.recorded))

    def _authentication_alternative(self, role: Role, pos: int):
        """A name standing alone just after an illegible authentication may be the authenticator's."""
        for s, _e, line in _lines(self.text[pos:]):
            if s == 0:
                continue  # rest of the authentication line
            if P.UNRENDERED_LINE.match(line):
                continue
            word = line.strip().strip("□ ").strip()
            if re.fullmatch(r"[A-Z][a-z\-]+|[A-Z]{3,}", word):
                ref = self.auth.resolve(word, pos + s + line.find(word), attested=self.attested)
                role.alternatives.append({
                    "agent": ref.name, "agent_name": ref.recorded, "agent_raw": word, "confidence": 0.4,
                    "reason": "a name standing alone after the illegible authentication; it may be the "
                              "authenticator's name or another signature",
                    "evidence": to_dict(self.ev(ref.start, ref.end))})
            break

    def basis(self):
        for m in P.scan(P.BASIS, self.text, self.low, ("basis",)):
            ref = self.one_name(m.start("name"), m.end("name"))
            doc = {"kind": m.group("kind"), "number": m.group("number"),
                   "date": P.parse_date(m.group("date"), self.year) if m.group("date") else None}
            self.roles.append(Role(
                role="basis", agent=ref.name if ref else None, evidence=self.ev(m.start(), m.end()),
                agent_raw=ref.raw if ref else None, agent_status=_status(ref), date=doc["date"],
                document=doc, confidence=_name_confidence(ref), agent_name=ref.recorded if ref else None))
            # further references in the same note ("Ind. 54, note of Cdes. Kobulov and Stakhanov of 6 October")
            for r in P.REFERENCE.finditer(self.text, m.end(), min(len(self.text), m.end() + 250)):
                date = P.parse_date(r.group("date"), self.year)
                for ref2 in self.names(r.start("names"), r.end("names")):
                    self.roles.append(Role(
                        role="basis", agent=ref2.name, evidence=self.ev(r.start(), r.end()),
                        agent_raw=ref2.raw, agent_status=_status(ref2), date=date,
                        confidence=min(0.6, _name_confidence(ref2)),
                        document={"kind": r.group("kind"), "number": None, "date": date}, agent_name=ref2.recorded))
