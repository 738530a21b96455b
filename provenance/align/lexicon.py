"""The lexicon: translation equivalents, transliteration rules and names of groups of people.

The default lexicon (``provenance/data/lexicon.json``) covers English translations of Russian
archival documents; a user file with the same shape (``schemas/lexicon.schema.json``) extends it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from provenance.errors import UsageError
from provenance.resources import data_json, user_json

ARTICLES = frozenset({"the", "a", "an"})
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem, enough to join plural and verbal forms of a lexicon term."""
    w = word.lower()
    for suf in ("ing", "ies", "es", "ed", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)] + ("y" if suf == "ies" else "")
    return w


def phrase_key(words) -> tuple[str, ...]:
    return tuple(map(_word_key, words))


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """The key of one word in a phrase (its stem, with typographic apostrophes plain)."""
    return stem(word.replace("’", "'"))


class Lexicon:
    """Equivalence sets of phrases, transliteration rules and group words."""

    def __init__(self, data: dict | None = None, sources: list[str] | None = None):
        self.sources: list[str] = list(sources or [])
        self.rules: list[tuple[re.Pattern, str]] = []
        self.phrases: dict[tuple[str, ...], set[int]] = {}
        self.max_len = 1
        self.groups: set[str] = set()
        self.starts: set[str] = set()      # first words (stemmed) of the phrases
        self.roots_cache: dict = {}            # roots and units of words (classify)
        self._nsets = 0
        self._cache: dict[str, str] = {}
        self.origin: dict[int, str] = {}      # set id -> where a set came from, when not the lexicon
        if data:
            self.extend(data)

    def extend(self, data: dict, origin: str | None = None) -> None:
        """Add the equivalence sets, rules and groups of ``data``; ``origin`` names where the sets
        come from when it is not the lexicon (a reason then names it)."""
        for eq in data.get("equivalents", []):
            gid = self._nsets
            self._nsets += 1
            if origin or eq.get("origin"):
                self.origin[gid] = origin or eq["origin"]
            for term in eq["terms"]:
                key = phrase_key(WORD_RE.findall(term))
                if key:
                    self.phrases.setdefault(key, set()).add(gid)
                    self.max_len = max(self.max_len, len(key))
                    self.starts.add(key[0])
        for rule in data.get("transliteration", []):
            self.rules.append((re.compile(rule["pattern"]), rule["replace"]))
        for g in data.get("groups", []):
            self.groups.add(stem(g))
        self._cache.clear()
        self.roots_cache.clear()

    def transliterate(self, word: str) -> str:
        """The transliteration-neutral form of a lower-case word (Tarbaghatay -> tarbagatai)."""
        r = self._cache.get(word)
        if r is None:
            r = word
            for pat, rep in self.rules:
                r = pat.sub(rep, r)
            self._cache[word] = r
        return r

    def canonical(self, words: list[str]) -> list:
        """Words with lexicon phrases replaced by their equivalence sets (longest match first)."""
        keys = phrase_key(words)
        out: list = []
        i = 0
        n = len(keys)
        starts = self.starts
        while i < n:
            if keys[i] not in starts:   # no phrase begins with this word
                out.append(keys[i])
                i += 1
                continue
            for L in range(min(self.max_len, n - i), 0, -1):
                sets = self.phrases.get(keys[i:i + L])
                if sets:
                    out.append(frozenset(sets))
                    i += L
                    break
            else:
                out.append(keys[i])
                i += 1
        return out

    def equivalent(self, a: list[str], b: list[str]) -> bool:
        """Whether two word lists say the same thing up to lexicon equivalents (articles aside)."""
        ca = [x for x in self.canonical(a) if x not in ARTICLES]
        cb = [x for x in self.canonical(b) if x not in ARTICLES]
        if len(ca) != len(cb) or ca == cb:
            return len(ca) == len(cb)
        for x, y in zip(ca, cb):
            if x == y:
                continue
            if isinstance(x, frozenset) and isinstance(y, frozenset) and x & y:
                continue
            return False
        return True

    def origins(self, keys) -> list[str]:
        """Where the equivalence sets among ``keys`` (unit keys ("L", id), or set ids) came from:
        "the lexicon" for the archive's translation equivalents, else the set's origin (English
        grammar, a gloss of the documents). Empty when no origin-bearing set is among them."""
        gids = sorted(k[1] if isinstance(k, tuple) else k for k in keys if not isinstance(k, tuple) or k[0] == "L")
        out = sorted({self.origin.get(gid, "the lexicon") for gid in gids}, key=lambda o: (o != "the lexicon", o))
        return out if any(o != "the lexicon" for o in out) else []

    def equivalent_sets(self, a: list[str], b: list[str]) -> set[int]:
        """The equivalence sets that make ``a`` and ``b`` equivalent (see ``equivalent``)."""
        out: set[int] = set()
        for x, y in zip(self.canonical(a), self.canonical(b)):
            if isinstance(x, frozenset) and isinstance(y, frozenset):
                out |= x & y
        return out

    def with_witnesses(self, witnesses) -> "Lexicon":
        """This lexicon, extended for one comparison by what the witnesses themselves say is the
        same: a modern name given for a place or person (Chuguchak [Qoqek or Tacheng]), an
        abbreviation's expansion (NKO [People's Commissariat of Defense]), a correction of a
        flagged error ([SIC, perhaps X was intended])."""
        eqs = []
        for w in witnesses:
            for m in getattr(w, "marks", ()):
                if m.type not in ("gloss", "abbr-expansion", "corr") or not m.target or not m.content:
                    continue
                orig = w.text[m.target[0]:m.target[1]].strip()
                alts = [a.strip() for a in re.split(r"\s+or\s+|\s*/\s*", m.content) if a.strip()] \
                    if m.type == "gloss" else [m.content.strip()]
                if orig and alts:
                    eqs.append({"terms": [orig, *alts],
                                "origin": f"the documents' own gloss: {orig} [{m.content.strip()}] in {w.id}"})
        if not eqs:
            return self
        lex = Lexicon.__new__(Lexicon)
        lex.__dict__.update(self.__dict__)
        lex.phrases = {k: set(v) for k, v in self.phrases.items()}
        lex.starts = set(self.starts)
        lex.origin = dict(self.origin)
        lex.roots_cache = {}
        lex._cache = dict(self._cache)
        lex.extend({"equivalents": eqs})
        return lex

    def is_group(self, word: str) -> bool:
        return stem(word) in self.groups


def default_lexicon_data() -> dict:
    """The archive's translation equivalents and transliteration rules (``data/lexicon.json``)."""
    return data_json("lexicon.json")


#: where the closed-class paraphrases come from, as a reason names it
GRAMMAR = "English grammar (closed-class paraphrases)"


def grammar_data() -> dict:
    """The closed-class paraphrases of English grammar (``data/grammar.json``: prior to = before),
    in the lexicon's shape."""
    return data_json("grammar.json")


#: What a lexicon file looks like, for the message that refuses one.
LEXICON_SHAPE = ('a lexicon looks like {"equivalents": [{"terms": ["rebels", "insurgents"]}], '
                 '"transliteration": [{"pattern": "ai$", "replace": "ay"}], "groups": ["kulaks"]} '
                 '(schemas/lexicon.schema.json; examples/lexicon.json)')


def check_lexicon(data, path: str) -> None:
    """Raise a UsageError (one line, naming the file) when a pattern of ``data`` (a lexicon that
    matches its schema) is not a regular expression."""
    for rule in data.get("transliteration", []):
        try:
            re.compile(rule["pattern"])
        except re.error as exc:
            raise UsageError(f"not a valid lexicon: bad pattern {rule['pattern']!r}: {exc}", path) from None


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The default lexicon, extended by the user file at ``path`` if given."""
    lex = Lexicon(default_lexicon_data(), ["default"])
    lex.extend(grammar_data(), origin=GRAMMAR)
    if path is not None:
        p = Path(path)
        data = user_json(p, "lexicon", "lexicon.schema.json", LEXICON_SHAPE)
        check_lexicon(data, str(p))
        lex.extend(data)
        lex.sources.append(str(p))
    return lex
