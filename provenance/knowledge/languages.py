"""Which language a word in Latin script belongs to, from the word lists wordfreq ships.

A translator puts the original's word in brackets after its translation: "the recruitment
[nábor]", "settlers [osadnicy]". ``language_of(words)`` names the language whose word list
holds every word (the most frequent reading wins), or None. Transliterated Russian is read by
:mod:`.russian`; English is never an answer.

The small lists of all the languages are read first (a few milliseconds each); a word they do
not hold is looked up in the full lists of the languages whose alphabet has all its letters
(the alphabet of a language is the set of letters of its small list), so that a rare inflected
form ("brigádníci") is found without loading every full list.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import lru_cache

import langcodes

from provenance.knowledge.chinese import syllable_cut
from provenance.knowledge.wordnet import wordnet
from provenance.resources import installed_file

#: languages written in Latin script that wordfreq has lists for, besides English
LATIN_LANGUAGES = ("cs", "sk", "pl", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "hu", "ro", "sh",
                   "sl", "lt", "lv", "tr", "ca", "is", "id", "ms", "vi", "fil")
#: how frequent a word must be in a language's list to count as one of its words: a word of plain
#: ASCII letters may be a loan in many languages, and needs more
MIN_ZIPF = 1.0
MIN_ZIPF_ASCII = 1.5
#: shorter words are words of too many languages to tell one (a word of plain ASCII letters alone
#: needs more: "somon" or "arat" are words of several languages)
MIN_LETTERS = 4
MIN_LETTERS_ASCII = 7


def _zipf(word: str, lang: str, wordlist: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang, wordlist=wordlist)


@lru_cache(maxsize=None)
def _alphabet(lang: str) -> frozenset[str]:
    from wordfreq import get_frequency_dict

    # the letters of all its words joined into one string: counted in C, not a word at a time
    return frozenset(c for c in set("".join(get_frequency_dict(lang, wordlist="small"))) if c.isalpha())


@lru_cache(maxsize=4096)
def language_of(words: tuple[str, ...], prefer: str | None = None) -> str | None:
    """The code of the language (ISO 639) whose word lists hold every one of ``words``, or None;
    ``prefer`` (the original's language) whenever its lists hold them ("[barracas]" in a letter
    translated from the Spanish: Spanish, though Portuguese uses the word more)."""
    words = tuple(w.lower() for w in words if w)
    if not words or not all(w.replace("-", "").replace("'", "").isalpha() and len(w) >= MIN_LETTERS for w in words):
        return None
    plain = all(w.isascii() for w in words)
    if plain and len(words) == 1 and len(words[0]) < MIN_LETTERS_ASCII:
        return None
    need = MIN_ZIPF_ASCII if plain else MIN_ZIPF
    best: tuple[float, str] | None = None
    for wordlist in ("small", "best"):
        letters = {c for w in words for c in w if c.isalpha()}
        for lang in LATIN_LANGUAGES:
            if wordlist == "best" and not letters <= _alphabet(lang):
                continue
            z = min(_zipf(w, lang, wordlist) for w in words)
            if z >= need and lang == prefer:
                return standard_tag(lang)
            if z >= need and (best is None or z > best[0]):
                best = (z, lang)
        if best:
            return standard_tag(best[1])
    return None


def standard_tag(tag: str) -> str:
    """A language tag in its standard form (langcodes): "sh", Serbo-Croatian, is "sr-Latn"."""
    try:
        return langcodes.standardize_tag(tag)
    except (LookupError, ValueError):
        return tag


#: a letter is a language's own when it stands for at least this share of the letters of its
#: word list and no other language's list uses it as much (ő: Hungarian, ș: Romanian, ł: Polish)
OWN_LETTER_SHARE = 1e-3
OTHER_LETTER_SHARE = 5e-4


@lru_cache(maxsize=1)
def _own_letters() -> dict[str, str]:
    """Letter -> the one language whose word list uses it (letters beyond ASCII only)."""
    from wordfreq import get_frequency_dict

    share: dict[str, dict[str, float]] = {}
    for lang in LATIN_LANGUAGES:
        counts = Counter("".join(get_frequency_dict(lang, wordlist="small")))
        total = sum(v for c, v in counts.items() if c.isalpha()) or 1
        share[lang] = {c: v / total for c, v in counts.items() if c.isalpha() and not c.isascii()}
    out = {}
    for lang, letters in share.items():
        for c, v in letters.items():
            if v >= OWN_LETTER_SHARE and all(share[o].get(c, 0) < OTHER_LETTER_SHARE for o in share if o != lang):
                out[c] = lang
    return out


#: the letters the McCune-Reischauer romanization of Korean adds to the Latin alphabet (no word list
#: here holds Korean in Latin letters)
_MCCUNE_REISCHAUER = frozenset("ŏŭ")


def language_by_letters(words: tuple[str, ...]) -> str | None:
    """The language whose own letters a word no word list holds is written with ("șlepuri":
    Romanian, "őrsök": Hungarian), when every such letter points to that one language."""
    letters = {c for w in words for c in w.lower() if c.isalpha() and not c.isascii()}
    if not letters:
        return None
    if letters <= _MCCUNE_REISCHAUER:   # "wiwŏnhoe", "Chosŏn": Korean, its vowels marked with a breve
        return "ko-Latn"
    own = _own_letters()
    langs = {own.get(c) for c in letters}
    found = {x for x in langs if x}
    if len(found) != 1:
        return None
    lang = found.pop()
    # every other letter must be one the language writes
    alphabet = _alphabet(lang)
    return lang if all(c in alphabet for w in words for c in w.lower() if c.isalpha()) else None


@lru_cache(maxsize=256)
def romanized_tag(name: str) -> str | None:
    """The tag of a language named in English ("Romanian": ro, "Bulgarian": bg-Latn, "Korean":
    ko-Latn) as its words stand in brackets of an English translation: in Latin letters, so a
    language of another script is tagged as its romanization. None for an unknown name, English,
    or a name of several languages ("Russian and Chinese")."""
    name = (name or "").strip().strip(".")
    if not name or re.search(r"\band\b|,|/|;", name):
        return None
    try:
        lang = langcodes.find(name)
    except (LookupError, ValueError):
        return None
    code = lang.language
    if not code or code == "en":
        return None
    try:
        full = lang.maximize()
        # langcodes' guess for a language it has no data on is Latin letters in the US (Khakas, Kalmyk):
        # no script known, so the bracket's Latin letters are tagged as a romanization
        script = None if (full.script, full.territory) == ("Latn", "US") else full.script
    except Exception:   # the likely-script data is an optional part of langcodes
        script = None
    return standard_tag(code if script == "Latn" else f"{code}-Latn")


@lru_cache(maxsize=None)
def language_name(code: str) -> str:
    """The English name of a language code ("cs": Czech), from langcodes' data."""
    try:
        return langcodes.Language.get(code).display_name()
    except Exception:   # the names are an optional part of langcodes
        return code


#: a word that may name a language or a people ("Chinese", "Uyghur", "Kazakh-speaking")
_NAME_WORD = re.compile(r"[A-Z][a-z\u00c0-\u024f]+(?:-[A-Z][a-z\u00c0-\u024f]+)?")


def _named_spans(text: str):
    """(start, end, tag) of each language ``text`` names: a hyphenated word as a whole where it is one
    language's name ("Komi-Permyak": koi, not Komi), else each of its parts where it stands
    ("Russian-Uzbek": Russian, then Uzbek)."""
    for m in _NAME_WORD.finditer(text):
        whole = named_language(m.group())
        if whole or "-" not in m.group():
            if whole:
                yield m.start(), m.end(), whole
            continue
        for p in re.finditer(r"[^-]+", m.group()):
            if tag := named_language(p.group()):
                yield m.start() + p.start(), m.start() + p.end(), tag


@lru_cache(maxsize=1024)
def named_language(word: str) -> str | None:
    """The tag of the language a word names exactly, as ``romanized_tag`` gives it ("Uyghur":
    ug-Latn, "Hungarian": hu), or None: the word must be the language's English name itself, so
    that no place or person is taken for a language by a loose match."""
    if len(word) < 4:
        return None   # "Ak-Suu", "Ga", "Yi": a short capitalized word names a place or a person far more often
    for name in (word, word[:-1] if word[-1] == word[-2] else None):   # "Khakass": the Khakas language
        tag = romanized_tag(name) if name else None
        if tag and language_name(tag.split("-")[0]).lower() == name.lower():
            return tag
    tag = romanized_tag(word)
    if tag is None:
        return None
    # another English name of the language that WordNet lists as one (Kirghiz, Uighur, Kazak)
    return tag if _LANGUAGE_FIELD in wordnet().fields(word.lower(), "n", top=3) else None


#: WordNet's lexicographer file of nouns of communication, where languages stand
_LANGUAGE_FIELD = 10


def language_named_most(text: str, leave_out=("ru", "zh", "en")) -> str | None:
    """The language a text names most often ("the Kazakh ASSR", "Kirghiz volunteers"), those in
    ``leave_out`` aside (Russian and Chinese name the troops and the state as often as the
    language); None when it names none, or two as often."""
    counts = Counter(tag for _s, _e, tag in _named_spans(text) if tag.split("-")[0] not in leave_out)
    top = counts.most_common(2)
    if not top or len(top) == 2 and top[0][1] == top[1][1]:
        return None
    return top[0][0]


def language_named_near(sentence: str, at: int) -> str | None:
    """The language named in ``sentence`` nearest to offset ``at`` (the place of a bracket): "the
    Uyghur cultural society [uyushma]", "the herders [malchilar] of the Uyghur districts". A word
    before the place wins a tie; None when the sentence names no language, or names two at the
    same distance."""
    found: list[tuple[int, int, str]] = []
    for start, end, tag in _named_spans(sentence):
        before = end <= at
        found.append((at - end if before else start - at, 0 if before else 1, tag))
    if not found:
        return None
    found.sort()
    if len(found) > 1 and found[0][:2] == found[1][:2] and found[0][2] != found[1][2]:
        return None
    return found[0][2]


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """The syllables of Mandarin in Hanyu Pinyin, without tones: every reading of every character
    in ``pypinyin``'s dictionary (about 400; those without a vowel, such as "m" and "ng", left out).

    The dictionary's JSON file is read as the package ships it, without importing ``pypinyin``
    (whose import loads its phrase dictionary too, three times as long)."""
    path = installed_file("pypinyin", "pinyin_dict.json")
    if path is None:
        raise FileNotFoundError("pypinyin's dictionary is not installed")
    readings = set(json.loads(path.read_text(encoding="utf-8")).values())
    out = set()
    for r in {x for rs in readings for x in rs.split(",")}:
        bare = "".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c)).lower()
        if re.search(r"[aeiouv]", bare):
            out.add(bare)
    return frozenset(out)


def _syllables(word: str) -> int:
    """How many pinyin syllables ``word`` is made of, 0 if it is not made of them."""
    return len(syllable_cut(word, pinyin_syllables()) or ())


def pinyin(words: tuple[str, ...]) -> int:
    """How many syllables of Mandarin in Hanyu Pinyin romanized words are made of ("weiyuanhui": 3,
    "xingzheng zhuanyuan": 4, "tufei", "xi'an": 2), 0 when a word is not made of them or there is
    too little to tell: one syllable of fewer than four letters, two short ones without a letter
    pinyin favours ("dada", "ata" are as likely Turkic)."""
    total = 0
    for w in words:
        for part in re.split(r"['’-]", w.lower().strip(".,;:")):
            if not part:
                continue
            if not part.isascii() or not part.isalpha():
                return 0
            n = _syllables(part)
            if not n:
                return 0
            total += n
    letters = "".join(words).lower()
    if total == 1 and len(letters) < 4 or total == 2 and len(letters) <= 4 and not re.search(r"[qxz]|[cs]h|ng", letters):
        return 0
    return total
