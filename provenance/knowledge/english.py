"""English words: whether a string is one (WordNet, word frequencies), its lemmas (WordNet's own
morphology: its exception lists of irregular forms and its detachment rules), how common it is
(``wordfreq``)."""

from __future__ import annotations

import gzip
import math
from functools import lru_cache

import msgpack

from provenance.knowledge.wordnet import wordnet
from provenance.resources import installed_file

#: a word WordNet does not hold (an article, a pronoun, a preposition) is still English when it is
#: this common (Zipf scale: 4.5 = about 30 per million words); misspellings seen in the wild
#: ("goverment" 2.7, "teh" 3.0) stay far below
COMMON_ZIPF = 4.5
#: how common an English word must be for a word of a transcription to be read as English rather
#: than as a transliteration that happens to be spelt like a rare English word
ENGLISH_ZIPF = 3.5


#: English words WordNet leaves out by design (it holds nouns, verbs, adjectives and adverbs)
CLOSED_CLASS = frozenset("""
a an the of to in on at for by with from and or but nor as is are was were be been being that this these those
it its their them they which who whom whose what there here so such into than then his her our your we he she
i you me him us my mine yours ours theirs do does did has have had not no will would shall should may might must
can could if because although though while whether unless until upon onto among between through during
when where why how what whatever whoever whenever wherever anything something nothing everything anyone someone
everyone nobody somebody anybody either neither both some any many much more most few less least own than too
very just even ever never always often once thus hence yet again within without across along around behind
below beneath beside besides beyond despite except inside outside toward towards under unlike whilst amongst
itself himself herself themselves ourselves yourself myself whom whose whether shall
""".split())


#: the modal verbs: one in place of another is another obligation or possibility (must/should,
#: may/will), whatever a thesaurus lists
MODALS = frozenset("can could may might must shall should will would ought".split())

#: the force of a directive, a closed scale like the modals': what binds, what advises, what
#: permits, what forbids. Two verbs of two degrees are never one thing said two ways
#: (instructs/recommends, requires/allows), however a thesaurus lists them.
DIRECTIVE_FORCE = (
    frozenset("order instruct direct oblige require demand command compel charge enjoin bind obligate".split()),
    frozenset("recommend advise suggest propose urge ask request invite encourage counsel".split()),
    frozenset("permit allow authorize authorise entitle sanction".split()),
    frozenset("forbid prohibit ban bar".split()),
)


def other_force(a: str, b: str) -> bool:
    """Whether two verbs are directives of two degrees of force (``DIRECTIVE_FORCE``)."""
    ga = {k for k, g in enumerate(DIRECTIVE_FORCE) if lemmas(a) & g}
    gb = {k for k, g in enumerate(DIRECTIVE_FORCE) if lemmas(b) & g}
    return bool(ga and gb) and not ga & gb


@lru_cache(maxsize=1)
def _english_centibels() -> dict[str, int]:
    """wordfreq's English list (its "best": the large one) as word -> band, minus its frequency
    in centibels (band i: a frequency of 10 ** (-i / 100)). The file is read as the package
    ships it (gzipped msgpack, "cBpack"), without importing ``wordfreq``, whose import and float
    dictionary take several times as long."""
    path = installed_file("wordfreq", "data", "large_en.msgpack.gz") \
        or installed_file("wordfreq", "data", "small_en.msgpack.gz")
    if path is None:
        raise FileNotFoundError("wordfreq's English word list is not installed")
    with gzip.open(path, "rb") as f:
        data = msgpack.load(f, raw=False)
    if not isinstance(data[0], dict) or data[0].get("format") != "cB":
        raise ValueError(f"{path}: not a wordfreq frequency list")
    bands: dict[str, int] = {}
    for i, words in enumerate(data[1:]):
        bands.update(dict.fromkeys(words, i))
    return bands


@lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")``: looked up in the list directly for a word of ASCII
    letters (one token, lower case), asked of wordfreq for anything its tokenizer must see."""
    if word.isascii() and word.isalpha():
        band = _english_centibels().get(word.lower())
        if band is None:
            return 0.0
        freq = 10 ** (-band / 100)
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)   # wordfreq keeps 3 significant digits
        return round(math.log(freq, 10) + 9, 2)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=1 << 16)
def is_word(word: str) -> bool:
    """Whether ``word`` is an English word (in WordNet under one of its base forms, or common)."""
    w = word.lower().strip("'’")
    if not w.isalpha():
        return False
    return w in CLOSED_CLASS or wordnet().is_word(w) or zipf(w) >= COMMON_ZIPF


@lru_cache(maxsize=1 << 16)
def in_dictionary(word: str) -> bool:
    """Whether WordNet or the closed classes hold ``word`` (no frequency list asked)."""
    w = word.lower().strip("'’")
    return w.isalpha() and (w in CLOSED_CLASS or wordnet().is_word(w))


#: prefixes that English forms new words with, the stem keeping its own meaning ("re-" again,
#: "over-" over or too much, "co-" together, "counter-" against ...)
PREFIXES = ("re", "mis", "over", "under", "out", "co", "pre", "post", "sub", "inter", "counter")
#: the shortest stem read as a word of its own after a prefix (re-typed; not co-al, re-d)
PREFIXED_STEM = 4


def after_prefix(word: str, prefix: str, shortest: int) -> str | None:
    """What follows ``prefix`` in ``word`` (in lower case, a hyphen after the prefix dropped), when it
    is a word of letters at least ``shortest`` long: re-typed -> "typed"; else None."""
    w = word.lower()
    stem = w[len(prefix):].removeprefix("-") if w.startswith(prefix) else ""
    return stem if len(stem) >= shortest and stem.isalpha() else None


def prefixed(word: str) -> bool:
    """Whether ``word`` is one of ``PREFIXES`` before a dictionary word, with or without a hyphen:
    words English makes as it needs them, which no dictionary lists whole (retyped, overtyped,
    countersigned, co-signed, reissued)."""
    return any((stem := after_prefix(word, prefix, PREFIXED_STEM)) and in_dictionary(stem) for prefix in PREFIXES)


@lru_cache(maxsize=1 << 16)
def lemmas(word: str) -> frozenset[str]:
    """The dictionary forms of ``word`` by WordNet's morphology (went -> go, regions -> region)."""
    w = word.lower()
    out = set(wordnet().lemmas(w))
    out.add(w)
    return frozenset(out)


def same_lemma(a: str, b: str) -> bool:
    """Two forms of one word (regions/region, organised/organising); not two words."""
    la, lb = lemmas(a), lemmas(b)
    return bool(la & lb)


def emphasis(word: str) -> bool:
    """Whether ``word`` is an adverb that only adds emphasis (very, completely, really, clearly),
    per WordNet (``WordNet.emphasis``)."""
    return wordnet().emphasis(word)
