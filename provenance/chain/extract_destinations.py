"""Where a copy went: a destination as written read as the file, the addressee, a body or a person
(and the copy recorded): a part of the copies' reading (``extract_copies.CopiesPart``)."""

from __future__ import annotations

import re

from provenance.chain.model import Copy
from provenance.chain.spans import PERSON_IN_PARENS, _status, name_after_post
from provenance.knowledge import places
from provenance.knowledge.wordnet import wordnet
from provenance.vocab import STRUCK_OUT

#: a note after a copy's recipient on what became of it: returned, to be returned, destroyed (by act or
#: protocol), in English and in the Russian, Polish, Czech and German of the lists
_RETURN_NOTE = re.compile(
    r"[ \t]*(?:[-–—,;(][ \t]*|\[)(?:(?:to[ \t]+be[ \t]+)?(?:returned|destroyed|burnt|burned)|return(?:ed)?[ \t]+(?:to|within|by)"
    r"|vern(?:ut['’]?|ut[ay]?|ul[ia]?)|vozvra(?:shch|t)\w*|unichtozh\w*|sozhzh\w*|zwr[óo]c\w*|zniszcz\w*|vr[áa]ceno|vr[áa]tit"
    r"|zni[čc]en\w*|zur[üu]ck\w*|vernichtet)\b[^\n]*$", re.IGNORECASE)
#: a reserve copy, which went to no one: "rezerv", "reserve", "reserve copy"
_RESERVE = re.compile(r"(?:the[ \t]+)?(?:rezerv\w*|reserve(?:[ \t]+cop(?:y|ies))?|Reserve\w*)", re.IGNORECASE)
#: a personal title before a name: Cde., Comrade, t. (tovarishch), Tov.
_TITLE_FIRST = re.compile(r"\s*(?:to\s+)?(?:Cdes?\.|Comrades?\b|(?-i:tt?\.)(?=\s*[A-Z])|Tov\.)", re.IGNORECASE)
_STRUCK = re.compile(r"\[" + STRUCK_OUT + r"\b[^\]]*\]", re.IGNORECASE)
#: a copy kept in the file or the archive, in the words of the lists' languages and their inflections:
#: file, filing, delo (дело, в дело), dossier, dosar, archive (arkhiv, arhiva, Archiv, archiwum,
#: архив, arkhivt), registry, Ablage, ad acta and z.d.A. (zu den Akten), spis and spisovna (Czech and
#: Slovak), irattár (Hungarian), hikae
#: (Japanese), pogwan (Korean), ts'un-chüan and cun (Chinese), retained, kept
_FILE_WORD = re.compile(
    r"\bfil(?:es?|ing)\b|\bdelo\b|(?<!\w)(?:в\s+)?дел[оау](?!\w)|\bdossiers?\b|\bdosar(?:ul)?\b"
    r"|\bar(?:c|k)?hiv(?:e|es|a|o|um|t)?\b|\barchiwum\b|(?<!\w)архив\w*|\bregistry\b|\bablage\b"
    r"|\bad\s+acta\b|^a/a\b|\b(?:do\s+)?spis(?:u)?\b|\bspisovn\w*|\birat+[áa]r\w*|\bhikae\b|\bpogwan\b|\bts['’]un(?:-ch[üu]an|-tang)?\b|^cun(?:dang)?\b|\bz\.\s?d\.\s?A\.?(?!\w)|\bretained\b|^(?:to\s+be\s+)?kept\b|\bremains?\s+(?:in|with)\b|^office\s+copy\b"
    r"|\b(?:investigation|criminal|personal|archival)\s+case\b|\bcase\s+(?:N[°º]|No\.?|#)\s*\d", re.IGNORECASE)


def _a_body(part: str) -> bool:
    """Whether a part of a destination names a body or an office, not a person: "the Soviet
    Consulate-General in Dihua", "Border Defence Corps", "the Commander of the Kashgar Garrison"."""
    words = re.findall(r"[A-Za-z]+", part)
    return bool(words) and (words[0].lower() == "the" or any(
        wordnet().names_a_group(w.lower()) or wordnet().names_an_office(w.lower()) for w in words if len(w) > 3))


def _reserve() -> dict:
    """What :meth:`DestinationPart._classify_destination` says of a reserve copy, which went to no one."""
    return {"kind": "reserve", "destination": None, "recipient": None, "recipient_kind": None, "recipient_raw": None,
            "candidates": [], "flags": ["reserve"], "confidence": 1.0, "recipient_name": None, "recipient_status": None}


class DestinationPart:
    """Methods of the extractor (``self.text``, ``self.auth``, ``self.attested``, ``self.copies``)."""

    def _classify_destination(self, dest: str, start: int) -> dict:
        """Kind, recipient and candidates of a copy's destination as written."""
        # a recipient crossed out and replaced: the one that stands ("[crossed out: "Kobulov"] Abakumov"),
        # the mark blanked so that offsets stay those of the text
        dest = _STRUCK.sub(lambda m: " " * len(m.group(0)), dest)
        # "Original - to the addressee, by courier": the copy's own label before where it went
        dest = re.sub(r"^\s*(?:the\s+)?original\s*[-–—:]\s*", lambda m: " " * len(m.group(0)), dest, flags=re.IGNORECASE)
        note = _RETURN_NOTE.search(dest)
        if note and note.start() > 0 and dest[:note.start()].strip():
            # "t. Petrovu - vernut' v 48 chasov", "Cde. X (returned 4.V)": the copy's fate, not where it went
            if _RESERVE.fullmatch(dest[:note.start()].strip()):
                return _reserve()
            dest = dest[:note.start()] + " " * (len(dest) - note.start())
        d = dest.strip()
        if _RESERVE.fullmatch(d.rstrip(".")):
            return _reserve()   # "Copy No. 5 - reserve": kept against need, sent to no one
        info = {"kind": "recipient", "destination": d or None, "recipient": None, "recipient_kind": None,
                "recipient_raw": None, "candidates": [], "flags": [], "confidence": 1.0,
                "recipient_name": None, "recipient_status": None}
        if not d or re.fullmatch(r"\[?left blank\]?|\[?blank\]?|[-–—]+", d, re.IGNORECASE):
            info.update(kind="blank", destination=None)
            info["flags"].append("blank")
            return info
        if re.search(r"\bmark-?up\b|\brazmetka\b", d, re.IGNORECASE):
            info["kind"] = "markup"
            return info
        if _FILE_WORD.search(d):
            info["kind"] = "file"
            return info
        # "adresatu", "adresatam": the transliterated Russian, to the addressee(s); Polish "Adresat", Bulgarian
        # "na adresata", Hungarian "Címzett", Romanian "destinatar(ului)", German "Empfänger"
        m = re.match(r"^(?:to\s+|na\s+|an\s+den\s+|dem\s+)?(?:the\s+)?(?:addressee(?P<pl>s)?\b|you\W*$|as\s+above\b"
                     r"|adresat(?:u|y|a|owi)?\b|adresat(?P<pl2>am|om)\b|adr\b\.?|c[íi]mzett(?:nek)?\b|destinatar(?:ul|ului)?\b"
                     r"|empf[äa]nger\b)", d, re.IGNORECASE)
        if m:
            info["kind"] = "addressee"
            info["flags"].append("plural" if m.group("pl") or m.group("pl2") else "singular")
            return info  # resolved against the header later
        if d.startswith(("…", "...")):
            info["flags"].append("incomplete")
            info["confidence"] = 0.5
        inner = PERSON_IN_PARENS.search(dest)
        if inner and dest[:inner.start()].strip():   # "to the Ministry of Finance (Cde. Zverev)": the person, not the body
            alone = self._classify_destination(" " * inner.start("n") + inner.group("n")
                                               + " " * (len(dest) - inner.end("n")), start)
            if alone["recipient_name"] and alone["kind"] == "recipient":
                alone["destination"] = d
                return alone
        lead = re.match(r"^(?:to\s+)?", d, re.IGNORECASE).end()
        refs = self.auth.split(d[lead:], start + lead, attested=self.attested)
        known = [r for r in refs if r.kind in ("person", "institution", "unlisted")]
        info["recipient_raw"] = d[lead:].strip() or None
        if len(refs) == 1:
            r = refs[0]
            info["recipient"] = r.name
            info["recipient_name"] = r.recorded
            info["recipient_status"] = _status(r)
            info["recipient_kind"] = r.kind if r.kind in ("person", "institution") else None
            if r.kind in ("unknown", "unlisted"):
                info["flags"].append("unknown-name")
            if r.kind == "unlisted":
                info["confidence"] = min(info["confidence"], r.confidence)
            if r.kind == "illegible":
                info["flags"].append("illegible")
            if r.supplied:
                info["flags"].append("supplied")
            if r.internal:
                info["flags"].append("internal")
        elif len(refs) > 1 and (person := self._person_after_body(refs) or self._titled_person(refs)) is not None:
            # "the Commander of the Kashgar Garrison, Liu Bin": the person, not the office
            info["recipient"] = person.name
            info["recipient_name"] = person.recorded
            info["recipient_status"] = _status(person)
            info["recipient_kind"] = "person"
            if person.kind == "unlisted":
                info["flags"].append("unknown-name")
                info["confidence"] = min(info["confidence"], person.confidence)
        elif len(refs) > 1:
            info["candidates"] = [r.recorded for r in known]
            info["flags"].append("several-recipients")
        return info

    @staticmethod
    def _titled_person(refs: list):
        """The one person a destination names with a personal title beside bodies or places ("MVD SSSR,
        t. Obolentsevu-Reshetnyaku", "t. Khrulevu-Sotnikovu, TsK KP(b)K"): a named person before an
        institution; None when none or several parts name a person."""
        named = [r for r in refs if r.kind in ("person", "unlisted")]
        if len(named) != 1 or not _TITLE_FIRST.match(named[0].raw):
            return None
        return named[0]

    def _person_after_body(self, refs: list):
        """The person named last, after a body or an office ("the Soviet Consulate-General in Dihua,
        for Consul Bogdanov-Pavlov"; "Border Defence Corps, Capt. Rudzki"): the recipient the copy
        went to; None when a part names a person already, or the last part is a place."""
        named = [r for r in refs if r.kind in ("person", "unlisted")]
        if named:
            return None   # a person named already: read as before (the first part, or several)
        if not all(_a_body(r.raw) for r in refs[:-1]):
            return None   # "s. Ryba, KV KSČ Brno": the person may come first, in words unknown
        last = refs[-1]
        lead = re.match(r"(?:for|attn\.?|attention(?:\s+of)?|c/o)\s+", last.raw, re.IGNORECASE)
        k = lead.end() if lead else 0
        k = name_after_post(last.raw, k, len(last.raw))
        name = last.raw[k:].strip(" .,;")
        if not name or places.is_place(name) or not re.search(r"\b[A-Z][a-z]", name) or k == 0 and name.isupper():
            return None   # a place, or an office's abbreviation (MID USSR, INR)
        ref = self.auth.resolve(name, last.start + k, True, self.attested)
        return ref if ref.kind in ("person", "unlisted") else None

    def _add_copy(self, info: dict, number: int | None, number_raw: str, evidence, *, source: str | None = None,
                  flags=None, confidence: float | None = None) -> None:
        """A numbered copy sent where ``info`` (see :meth:`_classify_destination`) says; none for a
        reserve copy destroyed without going to anyone."""
        if info["kind"] == "reserve":
            return
        extra = {"source": source} if source else {}
        self.copies.append(Copy(
            number=number, number_raw=number_raw, kind=info["kind"], destination=info["destination"],
            recipient=info["recipient"], evidence=evidence, recipient_kind=info["recipient_kind"],
            recipient_raw=info["recipient_raw"], candidates=list(info["candidates"]),
            flags=sorted(set(info["flags"] if flags is None else flags)),
            confidence=info["confidence"] if confidence is None else confidence,
            recipient_name=info["recipient_name"], recipient_status=info["recipient_status"], **extra))
