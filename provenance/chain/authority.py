"""The name authority: one normalized name for each person or institution, whatever the form.

Copy lists, excerpts and role lines name people in many ways: "Cde. V. M. MOLOTOV",
"Molotov", "Cdes. Molotov and Beria", "Cde. I.V. Stalin", "Ig[n]arov" (a letter supplied
by the translator), "[illegible initials]". :class:`NameAuthority` strips titles, initials
and editorial brackets, splits lists of names, and looks the rest up in the authority that
ships with the package (``provenance/data/names.json``), extended by users' files (same
format, described by ``schemas/names.schema.json``). A name the authority does not hold is
reported as unknown (normalized value None); an illegible or blank one as such. Nothing is
guessed: there is no fuzzy matching.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from provenance.errors import UsageError
from provenance.schemas import json_errors

DEFAULT_NAMES = Path(__file__).resolve().parent.parent / "data" / "names.json"

_TITLE = re.compile(
    r"^(?:Cdes?\b\.?|Comrades?\b|Tov\.|Genera(?:l)?[- ]Major\b|Major[- ]General\b|Lieutenant[- ]General\b|"
    r"Colonel[- ]General\b|Generalissimo\b|Marshal\b|People's Commissar\b|Ambassador\b|Mr\.|"
    r"to\b|the\b|by\b|of\b)\s*",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.\s*)+(?=[A-Z\[])")
_INITIALS_END = re.compile(r"(?:\s+(?:[A-Z][a-z]?\.\s*)+)$")
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_ILLEGIBLE = re.compile(r"\billegible\b|\bindecipherable\b|\bunreadable\b", re.IGNORECASE)
_BLANK = re.compile(r"\bleft blank\b|\bblank\b", re.IGNORECASE)
_INWORD_BRACKET = re.compile(r"(?<=\w)\[(\w{1,3})\]|\[(\w{1,3})\](?=\w)")
_STANDALONE_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True)
class NameRef:
    """A name as written and what the authority makes of it.

    ``kind`` is person, institution, unknown, illegible or blank; ``name`` the normalized
    surname (or institution name) for person/institution, else None. ``start``/``end`` are
    offsets into the string that was resolved; ``supplied`` tells that editorial brackets
    supplied letters or words of the name.
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

    def to_dict(self) -> dict:
        return {"raw": self.raw, "name": self.name, "id": self.id, "kind": self.kind,
                "cleaned": self.cleaned, "supplied": self.supplied}


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
            with open(DEFAULT_NAMES, encoding="utf-8") as fh:
                cls._default = cls(json.load(fh))
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
        return None

    def resolve(self, raw: str, start: int = 0) -> NameRef:
        """One written name -> NameRef (offsets ``start``.. into the caller's text)."""
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
                hit = self._lookup(m.group(1))
                if hit:
                    break
        if hit is None:
            return NameRef(raw, None, None, "unknown", cleaned, start, end, supplied)
        kind, ident = hit
        internal = bool(kind == "institution" and self.institutions[ident].get("internal"))
        return NameRef(raw, self.normalized(kind, ident), ident, kind, cleaned, start, end, supplied, internal)

    def split(self, raw: str, start: int = 0) -> list[NameRef]:
        """A list of names ("Cdes. Molotov and Beria") -> one NameRef per name, in order."""
        whole = self._lookup(raw)
        if whole is not None and whole[0] == "institution":
            return [self.resolve(raw, start)]
        out = []
        pos = 0
        for m in list(_SPLIT.finditer(raw)) + [None]:
            seg_end = m.start() if m else len(raw)
            seg = raw[pos:seg_end]
            lead = len(seg) - len(seg.lstrip())
            seg_s = seg.strip()
            if seg_s and re.search(r"\w|\[", seg_s):
                out.append(self.resolve(seg_s, start + pos + lead))
            if m:
                pos = m.end()
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


def read_names_file(path) -> dict:
    """Read and validate a user's name-authority file; UsageError (exit 2) when it is bad."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError("name authority file not found", str(p)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"name authority file cannot be read ({exc})", str(p)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"name authority file is not JSON: {exc.msg}", str(p), exc.lineno) from None
    errors = json_errors(data, "names.schema.json")
    if errors:
        raise UsageError("name authority file does not match schemas/names.schema.json: " + errors[0], str(p))
    return data
