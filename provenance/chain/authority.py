"""The name authority: one normalized name for each person or institution, whatever the form.

Copy lists, excerpts and role lines name people in many ways: "Cde. V. M. MOLOTOV",
"Molotov", "Cdes. Molotov and Beria", "Cde. I.V. Stalin", "Ig[n]arov" (a letter supplied
by the translator), "[illegible initials]". :class:`NameAuthority` strips titles, initials
and editorial brackets, splits lists of names, and looks the rest up in the authority that
ships with the package (``provenance/data/names.json``), extended by users' files (same
format, described by ``schemas/names.schema.json``). A name the authority does not hold has
no normalized value (None): it is "unlisted" when it is still legibly a person's name (a title
such as "Cde." or initials go with it, the caller's context wants a person, the document writes
the same surname with a title elsewhere, or it has the shape of a Russian surname), and
"unknown" otherwise; an illegible or blank one is reported as such. An unlisted name keeps the
surname as written (case normalized: "MALENKOV" -> "Malenkov") in ``NameRef.recorded``, so
that it is recorded, never dropped. Nothing is guessed: there is no fuzzy matching.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass

from provenance.knowledge.wordnet import wordnet
from provenance.resources import data_json, user_json


_TITLE = re.compile(
    r"^(?:Cdes?\b\.?|Comrades?\b|Tov\.|Genera(?:l)?[- ]Major\b|Major[- ]General\b|Lieutenant[- ]General\b|"
    r"Colonel[- ]General\b|Generalissimo\b|Marshal\b|People's Commissar\b|Ambassador\b|Mr\.|Mrs\.|Ms\.|Miss\b|"
    r"Dr\.|Prof\.|Herr\b|Frau\b|Mme\.?(?=\s)|to\b|the\b|by\b|of\b|(?-i:tt?\.)(?=[ \t]*[A-Z]))\s*",   # "t. Molotovu": tovarishch
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.\s*)+(?=[A-Z\[])")
#: initials after a surname, the last one's dot perhaps stripped already ("STALIN I. V", "Ryzhkov A. P.",
#: "Ionescu T")
_INITIALS_END = re.compile(r"(?:\s+(?:[A-Z][a-z]?\.\s*)+(?:[A-Z][a-z]?\.?)?|(?<=[a-z]{3})\s+[A-Z])$")
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_ILLEGIBLE = re.compile(r"\billegible\b|\bindecipherable\b|\bunreadable\b", re.IGNORECASE)
_BLANK = re.compile(r"\bleft blank\b|\bblank\b", re.IGNORECASE)
#: letters supplied inside a word ("Ig[n]arov", "[Ku]znetsov"), or the end of a word the original
#: abbreviates ("t. Mol[otovu]")
_INWORD_BRACKET = re.compile(r"(?<=\w)\[(\w{1,3}|[a-zа-яё'’]{4,12}(?=\](?:[\s,;.)]|$)))\]|\[(\w{1,3})\](?=\w)")
_STANDALONE_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_POSSESSIVE = re.compile(r"[’']s$")
# an office after a name: "Chairman of the Executive Committee", "head of the General Section"
_OFFICE = re.compile(r"^(?:the\s+)?([A-Za-z]+)(?:\s+(?:of|at|in)\b|$)")
# "Cde. Saburov (Gosplan)", "t. Kuprevichu (TsK KP(b) K-FSSR)": an affiliation in parentheses after
# the name, itself holding at most one pair ("KP(b)"); not the "(b)" of "VKP(b)"
_AFFILIATION = re.compile(r"\s+\((?:[^()]|\([^()]*\))*\)")

# -- is a name the authority does not hold still a person's name? --------------------------
# a title that only a person carries (not "to", "the", "by", "of")
_PERSONAL_TITLE = re.compile(
    r"^\s*(?:to\s+)?(?:Cdes?\b\.?|Comrades?\b|Tov\.|Genera(?:l)?[- ]Major\b|Major[- ]General\b|"
    r"Lieutenant[- ]General\b|Colonel[- ]General\b|Generalissimo\b|Marshal\b|Ambassador\b|Mr\.|Mrs\.|Ms\.|"
    r"Miss\b|Dr\.|Prof\.|Herr\b|Frau\b|Mme\.?(?=\s)|(?-i:tt?\.)(?=[ \t]*[A-Z]))",
    re.IGNORECASE,
)
_PLURAL_TITLE = re.compile(r"^\s*(?:to\s+)?(?:Cdes\b\.?|Comrades\b)", re.IGNORECASE)
# an article marks an institution or a thing ("to the Presidium"), not a person
_ARTICLE = re.compile(r"^\s*(?:to\s+)?(?:the|an?)\s", re.IGNORECASE)
# initials with the name: "A. Savelyev", "P. F. Yudin", "Savelyev A."
_WITH_INITIALS = re.compile(
    r"(?:^|[\s.])(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s*)+[A-ZА-ЯЁ\[]|[a-zа-яёA-ZА-ЯЁ]\s+(?:[A-ZА-ЯЁ]\.\s*)+$")
# one word of a name as written: "Malenkov", "MALENKOV", "Ter-Gasparyan", "O'Neil"
_NAME_WORD = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]+(?:[-'’][A-ZА-ЯЁa-zа-яё][a-zа-яё]+)*|[A-ZА-ЯЁ]{2,}(?:[-'’][A-ZА-ЯЁ]{2,})*")


def _name_word(word: str) -> bool:
    """One word of a name as written, in any alphabet with its accents (Ladányi, Mureșan, Dvořák):
    "Malenkov", "MALENKOV", "Ter-Gasparyan", "O'Neil"."""
    if _NAME_WORD.fullmatch(word):
        return True
    if len(word) > 3 and word[-1] in "'’ʹ" and word[-2].isalpha():
        word = word[:-1]   # a soft sign transliterated at the end: "Ryabokon'", "Kovalʹ"
    parts = re.split(r"[-'’ʹ]", word)
    if not all(p.isalpha() for p in parts) or not parts[0][:1].isupper():
        return False
    if word.isupper():
        return all(len(p) >= 2 for p in parts)
    return len(parts[0]) >= 2 and all(p[1:].islower() and len(p) >= 2 for p in parts)
_VOWEL = re.compile(r"[AEIOUYaeiouyАЕЁИОУЫЭЮЯаеёиоуыэюя]")
# the endings of Russian (and Soviet) surnames: Malenkov, Zverev, Kumykin, Vyshinsky, Borisova,
# Mikoyan, Ordzhonikidze, Shevchenko...
_SURNAME_ENDING = re.compile(
    r"(?:ov|ev|yov|in|yn|sky|skiy|skii|skoy|ova|eva|yova|ina|yna|skaya|enko|chuk|yuk|yan|ian|dze|shvili|vich)$",
    re.IGNORECASE,
)


def _case(word: str) -> str:
    """"MALENKOV" -> "Malenkov", "TER-GASPARYAN" -> "Ter-Gasparyan"; other words as written."""
    if not word.isupper():
        return word
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)


@dataclass(frozen=True)
class NameRef:
    """A name as written and what the authority makes of it.

    ``kind`` is person, institution, unlisted (a legible personal name the authority does not
    hold), unknown, illegible or blank; ``name`` the normalized surname (or institution name)
    for person/institution, else None. ``recorded`` is the name to record: ``name`` for
    person/institution, the surname as written (case normalized) for an unlisted person, else
    None. ``confidence`` is below 1 for an unlisted name (how sure it is a person's name).
    ``start``/``end`` are offsets into the string that was resolved; ``supplied`` tells that
    editorial brackets supplied letters or words of the name.
    """

    raw: str
    name: str | None
    id: str | None
    kind: str
    cleaned: str
    start: int = 0
    end: int = 0
    supplied: bool = False
    internal: bool = False
    recorded: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict:
        return {"raw": self.raw, "name": self.name, "id": self.id, "kind": self.kind,
                "cleaned": self.cleaned, "supplied": self.supplied, "recorded": self.recorded}


#: a Russian surname in the dative, as lists of recipients write it ("t. Molotovu", "t. Stalinu", "t. Kuprevichu")
_DATIVE = re.compile(r"(?<=[a-z])(?:ov|ev|yov|in|yn|ich|yan|ian|chuk|yuk)(?P<u>u)$")   # Arutyunyanu, Kovalchuku
#: the dative of a surname declined as an adjective (Lozinsky -> Lozinskomu, Trotsky -> Trotskomu)
_DATIVE_ADJECTIVE = re.compile(r"(?<=[a-z])(?:s|ts|c)komu$")
#: the dative of a surname that ends in another consonant (Reshetnyak -> Reshetnyaku), read only in the
#: second part of a double surname whose first part is a dative
_DATIVE_AFTER_CONSONANT = re.compile(r"(?<=[bcdfgklmnprstvz])(?P<u>u)$")


def _nominative(word: str) -> str:
    """A Russian surname in the dative back in the nominative (Molotovu -> Molotov); else the word.
    A double surname whose first part is in the dative has its second part in it too
    (Obolentsevu-Reshetnyaku -> Obolentsev-Reshetnyak, Shmelevu-Rudenko -> Shmelev-Rudenko)."""
    first, hyphen, second = word.partition("-")
    if hyphen and second and _DATIVE.search(first) and len(first) > 5:
        m = _DATIVE.search(second) or _DATIVE_AFTER_CONSONANT.search(second)
        return first[:-1] + "-" + (second[:m.start("u")] if m and len(second) > 4 else second)
    m = _DATIVE.search(word)
    if m is None and _DATIVE_ADJECTIVE.search(word) and len(word) > 7:
        return word[:-3] + "y"   # "t. Lozinskomu", "t. Zhelezovskomu": -sky
    return word[:m.start("u")] if m and len(word) > 5 else word


@functools.lru_cache(maxsize=8192)
def clean_name(raw: str) -> tuple[str, bool]:
    """The name without titles, initials, editorial brackets and end punctuation.

    Returns (cleaned, supplied): letters supplied inside a word are kept ("Ig[n]arov" ->
    "Ignarov"); bracketed labels standing alone ("[Drafted by]") are dropped.
    """
    s = raw.strip()
    supplied = "[" in s
    s = _INWORD_BRACKET.sub(lambda m: m.group(1) or m.group(2), s)
    s = _STANDALONE_BRACKET.sub(" ", s)
    s = s.replace("[", " ").replace("]", " ")
    s = re.sub(r"[“”\"«»]", " ", s)
    s = _AFFILIATION.sub(" ", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:-–—…")
    for _ in range(6):
        t = _TITLE.sub("", s, count=1)
        t = _INITIALS.sub("", t, count=1)
        if t == s:
            break
        s = t.strip(" .,;:")
    s = _INITIALS_END.sub("", s)
    s = _POSSESSIVE.sub("", s)
    return s.strip(" .,;:-–—…"), supplied


@functools.lru_cache(maxsize=8192)
def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s).casefold().strip()


class NameAuthority:
    """People and institutions with their forms; resolves written names to normalized ones."""

    def __init__(self, data: dict | None = None):
        self.people: dict[str, dict] = {}
        self.institutions: dict[str, dict] = {}
        self._index: dict[str, tuple[str, str]] = {}  # key -> (kind, id)
        if data:
            self.extend(data)

    # -- loading -------------------------------------------------------------------------
    _default: "NameAuthority | None" = None

    @classmethod
    def default(cls) -> "NameAuthority":
        """The packaged authority, read and indexed once per process (do not extend it: use load)."""
        if cls._default is None:
            cls._default = cls(data_json("names.json"))
        return cls._default

    @classmethod
    def load(cls, paths=()) -> "NameAuthority":
        """The packaged authority extended by each file of ``paths`` (UsageError if invalid)."""
        if not paths:
            return cls.default()
        auth = copy.deepcopy(cls.default())
        for p in paths:
            auth.extend(read_names_file(p))
        return auth

    def extend(self, data: dict) -> None:
        for person in data.get("people", []):
            entry = self.people.setdefault(person["id"], {"id": person["id"], "forms": []})
            for k, v in person.items():
                if k == "forms":
                    entry["forms"] = sorted(set(entry["forms"]) | set(v))
                else:
                    entry[k] = v
        for inst in data.get("institutions", []):
            entry = self.institutions.setdefault(inst["id"], {"id": inst["id"], "forms": []})
            for k, v in inst.items():
                if k == "forms":
                    entry["forms"] = sorted(set(entry["forms"]) | set(v))
                else:
                    entry[k] = v
        self._reindex()

    def _reindex(self) -> None:
        idx: dict[str, tuple[str, str]] = {}
        for pid, p in sorted(self.people.items()):
            for form in [p["surname"], *p.get("forms", [])]:
                cleaned, _ = clean_name(form)
                if cleaned:
                    idx.setdefault(_key(cleaned), ("person", pid))
        for iid, inst in sorted(self.institutions.items()):
            for form in [inst["name"], *inst.get("forms", [])]:
                idx.setdefault("@" + _key(form), ("institution", iid))
                cleaned, _ = clean_name(form)
                if cleaned:
                    idx.setdefault("@" + _key(cleaned), ("institution", iid))
        self._index = idx

    # -- resolving -----------------------------------------------------------------------
    def entry(self, kind: str, ident: str) -> dict:
        return (self.people if kind == "person" else self.institutions)[ident]

    def normalized(self, kind: str, ident: str) -> str:
        e = self.entry(kind, ident)
        return e["surname"] if kind == "person" else e["name"]

    def _lookup(self, raw: str) -> tuple[str, str] | None:
        s = re.sub(r"\s+", " ", raw).strip(" .,;:")
        s2 = re.sub(r"^(?:to\s+)?(?:the\s+)?", "", s, flags=re.IGNORECASE)
        s2 = _POSSESSIVE.sub("", s2)
        for cand in (s, s2):
            hit = self._index.get("@" + _key(cand))
            if hit:
                return hit
        cleaned, _ = clean_name(raw)
        if not cleaned:
            return None
        hit = self._index.get(_key(cleaned)) or self._index.get("@" + _key(cleaned))
        if hit:
            return hit
        # "Cde. Ivan Petrov": the last word is the surname
        last = cleaned.split(" ")[-1]
        if last != cleaned:
            hit = self._index.get(_key(last))
            if hit and hit[0] == "person":
                return hit
        nom = _nominative(last)
        if nom != last:   # "t. Stalinu", "t. Molotovu": a Russian list's dative
            hit = self._index.get(_key(nom))
            if hit and hit[0] == "person":
                return hit
        return None

    def resolve(self, raw: str, start: int = 0, person: bool = False, attested=()) -> NameRef:
        """One written name -> NameRef (offsets ``start``.. into the caller's text).

        ``person``: the context wants a person (an agent who drafted or typed, a signature, a
        list under "Cdes."); ``attested``: surnames (casefolded) that the document writes with a
        personal title elsewhere. Both only help to tell an unlisted person from an unknown name.
        """
        end = start + len(raw)
        cleaned, supplied = clean_name(raw)
        if _ILLEGIBLE.search(raw):
            return NameRef(raw, None, None, "illegible", cleaned, start, end, supplied)
        if _BLANK.search(raw) and not cleaned:
            return NameRef(raw, None, None, "blank", "", start, end, supplied)
        if not cleaned:
            return NameRef(raw, None, None, "blank", "", start, end, supplied)
        hit = self._lookup(raw)
        if hit is None:
            # a regularized form given in brackets: "Choybalsan [Choibalsan]"
            for m in _STANDALONE_BRACKET.finditer(raw):
                if raw.count("(", 0, m.start()) > raw.count(")", 0, m.start()):
                    continue   # "Cde. Gritsenko (NKVT [People's Commissariat ...])": the affiliation's gloss
                hit = self._lookup(m.group(1))
                if hit:
                    break
        if hit is None:
            conf = _personal_confidence(raw, cleaned, person, attested)
            if conf:
                words = cleaned.split(" ")
                words[-1] = _nominative(words[-1])
                recorded = " ".join(_case(w) for w in words)
                return NameRef(raw, None, None, "unlisted", cleaned, start, end, supplied,
                               recorded=recorded, confidence=conf)
            return NameRef(raw, None, None, "unknown", cleaned, start, end, supplied)
        kind, ident = hit
        internal = bool(kind == "institution" and self.institutions[ident].get("internal"))
        name = self.normalized(kind, ident)
        return NameRef(raw, name, ident, kind, cleaned, start, end, supplied, internal, recorded=name)

    def split(self, raw: str, start: int = 0, person: bool = False, attested=()) -> list[NameRef]:
        """A list of names ("Cdes. Molotov and Beria") -> one NameRef per name, in order.

        A plural title ("Cdes.") makes every name of the list a person's.
        """
        whole = self._lookup(raw)
        if whole is not None and whole[0] == "institution":
            return [self.resolve(raw, start, person, attested)]
        person = person or bool(_PLURAL_TITLE.match(raw))
        out = []
        pos = 0
        joined_from = None   # where a name begins whose first word was no name ("Agitation and Propaganda ...")
        prev_sep = ""
        for m in list(_SPLIT.finditer(raw)) + [None]:
            seg_end = m.start() if m else len(raw)
            begin = pos if joined_from is None else joined_from
            seg = raw[begin:seg_end]
            lead = len(seg) - len(seg.lstrip())
            seg_s = seg.strip()
            joined_from = None
            office = _OFFICE.match(seg_s)
            if office and out and out[-1].kind in ("person", "unlisted") and prev_sep == "," \
                    and (office.group(1)[:1].islower() or " " in seg_s) \
                    and wordnet().names_an_office(office.group(1).lower()):
                pass   # "Cde. P. Jonaitis, Chairman of the Executive Committee": his office, not another name
            elif seg_s and re.search(r"\w|\[", seg_s):
                ref = self.resolve(seg_s, start + begin + lead, person, attested)
                if m and m.group(0).strip() == "and" and ref.kind == "unknown" and " " not in seg_s \
                        and seg_s[:1].isupper() and raw[m.end():m.end() + 1].isupper():
                    joined_from = begin   # one name of two words joined by "and": read on
                else:
                    out.append(ref)
            if m:
                pos = m.end()
                prev_sep = m.group(0).strip()
        return out

    def mentions(self, text: str, ident: str, kind: str = "person") -> list[tuple[int, int]]:
        """Spans of ``text`` that name the entry ``ident`` by one of its forms (whole words)."""
        e = self.entry(kind, ident)
        forms = {e.get("surname") or e.get("name")} | set(e.get("forms", []))
        words = set()
        for f in forms:
            cleaned, _ = clean_name(f)
            if cleaned:
                words.add(cleaned)
        if not words:
            return []
        pat = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")(?!\w)", re.IGNORECASE)
        return [(m.start(), m.end()) for m in pat.finditer(text)]

    def to_dict(self) -> dict:
        return {"version": 1,
                "people": [self.people[k] for k in sorted(self.people)],
                "institutions": [self.institutions[k] for k in sorted(self.institutions)]}


def surname_shaped(word: str) -> bool:
    """True for one word with the ending of a Russian surname ("Malenkov", "KOVALEV", "Borisova")."""
    return bool(_name_word(word) and len(word) >= 4 and _SURNAME_ENDING.search(word))


_TITLED = re.compile(
    r"(?<!\w)(?:Cdes?\b\.?|Comrades?\b|Tov\.)[ \t]*(?:[A-ZА-ЯЁ][a-zа-яё]?\.[ \t]*)*"
    r"(?P<names>[A-ZА-ЯЁ][\w’'\-\[\]]+(?:[ \t]*(?:,|\band\b)[ \t]*[A-ZА-ЯЁ][\w’'\-\[\]]+)*)"
)


def attested_surnames(text: str, low: str | None = None) -> frozenset:
    """Surnames (casefolded keys) that ``text`` writes after a personal title ("Cde. Zverev",
    "Cdes. Mikoyan, Molotov and Beria"): whoever the authority knows, these are people.
    ``low`` is ``text.lower()`` when the caller has it already."""
    out = set()
    low = text.lower() if low is None else low
    if "cde" not in low and "comrade" not in low and "tov." not in low:
        return frozenset()
    for m in _TITLED.finditer(text):
        for part in re.split(r"[ \t]*(?:,|\band\b)[ \t]*", m.group("names")):
            cleaned, _ = clean_name(part)
            if cleaned:
                out.add(_key(cleaned.split(" ")[-1]))
    return frozenset(out)


def _personal_confidence(raw: str, cleaned: str, person: bool, attested) -> float:
    """How sure a name the authority does not hold is a person's (0 when it is not legibly one).

    0.9 with a personal title, initials, a context that wants a person or a surname the
    document writes with a title elsewhere; 0.7 for a bare word with a Russian surname ending.
    """
    if _ARTICLE.match(raw) or re.search(r"\d", cleaned):
        return 0.0
    words = cleaned.split(" ")
    if not 1 <= len(words) <= 3 or not all(_name_word(w) for w in words):
        return 0.0
    surname = words[-1]
    if not _VOWEL.search(surname) or len(surname) < 2:
        return 0.0  # "ZNK", "MVD": an acronym
    if person or _PERSONAL_TITLE.match(raw) or _WITH_INITIALS.search(raw) or _key(surname) in attested:
        return 0.9
    if len(words) == 1 and len(surname) >= 4 and _SURNAME_ENDING.search(surname):
        return 0.7
    return 0.0


def read_names_file(path) -> dict:
    """Read and validate a user's name-authority file; UsageError (exit 2) when it is bad."""
    return user_json(path, "name authority file", "names.schema.json")
