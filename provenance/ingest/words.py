"""What the words around a bracket are: the words before it, abbreviations in capitals and what
they stand for, names, English words and transliterations (for the bracket classifier)."""

from __future__ import annotations

import re

from provenance.knowledge import english, languages, places, russian
from provenance.knowledge.wordnet import wordnet

WORD_BEFORE = re.compile(r"([\w][\w'’.\-]*[\w.]|[\w])\s*$", re.U)
#: the capital letters of the Latin, Greek and Cyrillic alphabets (KSČ, ČSM, ÖVP as well as VKP)
_UP = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper() and chr(c).isalpha())
#: a word of a name: a capital first, or an Arabic particle before it ("al-Ubaydi", "al'-Ubeidi", "ibn-Saud")
RE_NAMEWORD = re.compile(rf"^(?:(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|ed|ibn|bin|bint|abu)[-'’]{{1,2}})?[{_UP}][\w'’\-]*$")
RE_ALLCAPS = re.compile(r"^[A-ZА-Я0-9][A-ZА-Я0-9\-]*$")
RE_PLAIN_WORD = re.compile(r"^[a-zа-я](?:[a-zа-я'’\-]|\"(?=[a-z]))*$")   # a hard sign written " inside: pod"yomnye


#: an English word rarer than this (Zipf scale) is a loanword the translator kept from the original
#: (qadis, fellahin, beys): the original's word, whatever English's dictionaries say
LOANWORD_ZIPF = 2.0

def _words_before(text: str, pos: int, lo: int, count: int) -> list[tuple[int, int]]:
    """Up to ``count`` word spans immediately before ``pos`` (separated only by spaces), nearest last."""
    spans: list[tuple[int, int]] = []
    i = pos
    while len(spans) < count:
        j = i
        while j > lo and text[j - 1] in " \t":
            j -= 1
        if j == i and spans:
            break  # no space between words: stop
        k = j
        while k > lo and ((text[k - 1].isalnum() or text[k - 1] in "'’-.") and text[k - 1] != "]"
                          or text[k - 1] in ",/" and k - 2 >= lo and text[k - 2].isdigit() and text[k].isdigit()):
            k -= 1   # "1,409 [sic]": a number keeps its thousands separators
        # trim leading hyphens/dots and trailing dots that are punctuation, not part of the word
        while k < j and text[k] in "-.'’":
            k += 1
        if k >= j:
            break
        spans.insert(0, (k, j))
        i = k
        if i > lo and text[i - 1] not in " \t":
            break
    return spans


#: abbreviations in capitals, with the party suffix of "VKP(b)", "CP(b)"
#: an abbreviation in capitals: "VKP(b)", "KSČ", and with a slash "V/O"
_CAPS = rf"[{_UP}](?:[{_UP}0-9]|/(?=[{_UP}])|\([a-zа-я]\)(?=[{_UP}])){{0,6}}(?:\([a-zа-я]\))?(?:(?<=[{_UP}]{{2}})s\b)?"
RE_CAPS_RUN = re.compile(rf"(?<![\w'’.\-])(?:{_CAPS}[ \t]+)*{_CAPS}[ \t]*$")
RE_CAPS_TOKEN = re.compile(_CAPS)


def _token_before(text: str, pos: int, lo: int) -> str:
    """The whitespace-separated token just before ``pos`` (not before ``lo``)."""
    head = text[max(lo, pos - 40):pos].rstrip()
    return head.rsplit(None, 1)[-1] if head.strip() else ""


def _caps_word(word: str) -> bool:
    """A short abbreviation in capitals, of two or three letters or with a slash ("KSČ", "V/O"):
    what a bracket of capitalized words after it spells out, rather than glosses as a name."""
    letters = sum(c.isalpha() for c in word)
    return bool(word) and RE_CAPS_TOKEN.fullmatch(word) is not None and sum(c.isupper() for c in word) >= 2 \
        and ("/" in word or letters <= 3)   # not a name in capitals (OSPAN BATYR [Osman Batur])


def _abbreviation_before(text: str, pos: int, lo: int, expansion: str) -> tuple[int, int] | None:
    """The abbreviation that an expansion in brackets at ``pos`` spells out: the capitals just
    before it ("VKP(b)"), several of them when their letters are the initials of the expansion
    ("CCP CC [Central Committee of the Chinese Communist Party]"), otherwise the nearest one."""
    m = RE_CAPS_RUN.search(text, max(lo, pos - 80), pos)
    if not m or (m.start() > lo and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’-.")):
        return None
    tokens = [t.span() for t in RE_CAPS_TOKEN.finditer(text, m.start(), m.end())]
    tokens = [t for t in tokens if sum(c.isalpha() for c in text[t[0]:t[1]]) >= 2 or len(tokens) == 1]
    if not tokens or sum(c.isupper() for c in text[tokens[-1][0]:tokens[-1][1]]) < 2:
        return None
    initials = sorted(w[0].upper() for w in re.findall(r"[^\W\d_][\w'’-]*", expansion) if w[0].isupper())
    for k in range(len(tokens), 1, -1):
        letters = sorted(c for a, b in tokens[-k:] for c in text[a:b] if c.isupper())
        if letters == initials:
            return tokens[-k][0], tokens[-1][1]
    last = text[tokens[-1][0]:tokens[-1][1]]
    if len(tokens) >= 2 and re.search(r"\b" + re.escape(last) + r"\b", expansion):
        # "PP OGPU [Plenipotentiary Representation of the OGPU]": the expansion keeps the last
        # abbreviation as it is, so it spells out the one before it with it
        return tokens[-2][0], tokens[-1][1]
    if last.isalpha() and len(last) >= 5 and (english.is_word(last.lower())
                                              or not any(w[:1].isupper() for w in expansion.split())):
        # "DECREE [postanovleniye]", "NOTE VERBALE [verbal'naya nota]": a heading's word in capitals
        # (an English word, or spelt out in lower case), not an abbreviation
        return None
    return tokens[-1]


#: Russian prepositions of one or two letters, which no dictionary lookup of three letters or more finds
_RUSSIAN_PREPOSITIONS = frozenset({"v", "vo", "na", "s", "so", "k", "ko", "o", "ob", "u", "iz", "po", "ot", "do", "za"})


def _russian(words) -> bool:
    """Every word is a Russian word in transliteration (pymorphy3's dictionary) and not a common
    English word: [sovkhozy], [otryady], [zagotovki]; a preposition with them too ([v zapas])."""
    content = [w for w in words if w.lower() not in _RUSSIAN_PREPOSITIONS]
    return bool(content) and all(russian.russian_word(w) and english.zipf(w) < english.ENGLISH_ZIPF for w in content)


def _foreign_word(word: str) -> bool:
    """A word of the text that is not English: a transliteration (aimaks, somons, trudodni)."""
    return len(word) >= 3 and not english.is_word(word) and english.zipf(word) < 2.5


def glossed_word(text: str, span: tuple[int, int], lo: int, capitalized_gloss: bool, words: list[str]) -> bool:
    """Whether the word at ``span``, just before a bracket of English ``words``, is the original's
    word that the bracket translates: a transliteration (aimaks [districts], Otp. 8 ekz. [printed in
    8 copies]), or a word of no dictionary after a number (200 liang [silver taels]: a unit, however
    common as a surname). The word stands in running text in lower case, or first on its line;
    ``capitalized_gloss``: the bracket is capitalized (Vypiska [Extract]), so it must be words of
    the dictionary and no place, and the word no place either."""
    # an abbreviation's dot (ekz.) is no part of the word, nor a soft sign's apostrophe (uchitel')
    word = text[span[0]:span[1]].rstrip(".").replace("'", "").replace("’", "")
    before = text[lo:span[0]].split()
    # "the Tupan [military governor of the province]": an office's or a body's foreign name, capitalized
    # after an article, and what it is in lower-case English
    titled = not capitalized_gloss and bool(before) and before[-1].lower() in ("the", "a", "an") \
        and word[:1].isupper() and word[1:].islower() and len(word) >= 3 and not english.is_word(word.lower()) \
        and english.zipf(word) < 3.0
    if not word.replace("-", "").isalpha() or not (word.islower() or not text[lo:span[0]].strip() or titled):
        return False
    foreign = titled or _foreign_word(word.lower()) or len(word) >= 3 and not english.is_word(word.lower()) \
        and bool(before) and before[-1].replace(",", "").replace(".", "").isdigit() \
        or word.islower() and english.zipf(word) < LOANWORD_ZIPF <= min(english.zipf(w) for w in words if w.isalpha()) \
        and len(words) <= 3   # "the qadis [judges]": a loanword English rarely uses, glossed in common words
    if not foreign or not 0 < len(words) <= 10:
        return False
    tokens = [x for w in words for x in w.split("-")]
    strange = [k for k, x in enumerate(tokens) if not (x.isdigit() or x.isalpha() and (english.is_word(x.lower())
                                                                                         or x.lower() in FUNCTION_LIKE
                                                                                         or english.prefixed(x)))]
    # English words, one of a longer gloss aside when it is not the first ("mutasarrif [governor of a liwa]")
    if strange and not (len(strange) == 1 and strange[0] > 0 and len(tokens) >= 3 and tokens[strange[0]].isalpha()) \
            or not any(english.is_word(w.lower()) for w in words):
        return False
    if capitalized_gloss:
        return not places.is_place(word) and len(words) <= 4 and all(
            english.in_dictionary(w.lower()) and not places.is_place(w) for w in words if w.isalpha())
    return True


def _expands(prev_word: str, words: list[str]) -> bool:
    """Whether a capitalized phrase in brackets spells out the word before it, an abbreviation that
    is not English (KChZhD, Gosplan, Glavsevmorput): a word the English dictionaries and the
    gazetteer do not know (in capitals inside, a Russian word, or spelt out in three words or more),
    followed by an English name of two or more capitalized words."""
    w = prev_word.strip(".")
    if not w[:1].isupper() or len(w) < 2 or english.is_word(w) or places.is_place(w):
        return False
    caps = [x for x in words if x[:1].isupper()]
    if len(caps) < 2 or not all(x[:1].isupper() or x.lower() in ("of", "and", "for", "the", "on", "in", "with", "to", "at", "by")
                                for x in words):
        return False
    worded = [re.sub(r"['’]s$", "", x) for x in caps if not x.isupper()]   # People's; the BMASSR aside
    if not worded or 3 * sum(1 for x in worded if english.is_word(x)) < 2 * len(worded):
        return False   # a name spelt another way (Batyr [Osman Batur]), not the words of an institution
    return any(c.isupper() for c in w[1:]) or bool(russian.russian_word(w)) or len(words) >= 3


def _before_spaces(text: str, pos: int, lo: int) -> int:
    """The offset where the spaces and tabs that end at ``pos`` begin (not before ``lo``)."""
    while pos > lo and text[pos - 1] in " \t":
        pos -= 1
    return pos


def _dotted_label(text: str, pos: int, lo: int, words: list[str]) -> tuple[int, int] | None:
    """An abbreviated word with its dot that opens a line or follows a slash, just before a bracket
    of capitalized English words ("Red. [Drafted by]", "/ Dact. [Typed by]"): the span of the
    abbreviation with its dot."""
    if not 1 <= len(words) <= 4 or \
            not all(english.is_word(w.lower().strip(".,")) or w.lower() in FUNCTION_LIKE for w in words):
        return None
    end = _before_spaces(text, pos, lo)
    if end <= lo or text[end - 1] != ".":
        return None
    start = end - 1
    while start > lo and text[start - 1].isalpha():
        start -= 1
    letters = end - 1 - start
    if not 2 <= letters <= 6 or not text[start].isupper():
        return None
    k = _before_spaces(text, start, lo)
    return (start, end) if k <= lo or text[k - 1] in "\n/|" else None


def _sentence_start(text: str, pos: int, lo: int) -> bool:
    """Whether the word at ``pos`` begins a sentence or a line."""
    k = _before_spaces(text, pos, lo) - 1
    return k < lo or text[k] in ".!?\n:;\"“(" or text[k] == "]" and k > lo and text[k - 1] == "."


def some_foreign(words: list[str], common=frozenset()) -> bool:
    """One to three lower-case words, one of which at least is no English word."""
    return 0 < len(words) <= 3 and all(w[:1].islower() and w.replace("'", "").replace("’", "").isalpha()
                                       for w in words) \
        and any(not english.is_word(w) and (english.zipf(w) < 2.5 or not w.isascii()) and not english.prefixed(w)
                for w in words) \
        and " ".join(words).lower() not in common


def no_english(words: list[str], common=frozenset()) -> bool:
    """Whether a bracket holds one to three lower-case words of four letters or more, none of
    them English (neither in WordNet nor among the words English text uses)."""
    return 0 < len(words) <= 3 and all(RE_PLAIN_WORD.match(w) or w.isalpha() and w.islower() for w in words) \
        and all(len(w) >= 4 and not english.is_word(w) and english.zipf(w) < 1.5 for w in words) \
        and " ".join(words).lower() not in common


#: small words an English translation of a name holds that dictionaries of content words lack
FUNCTION_LIKE = frozenset("of the and for to in on at a an".split())
_CLOSING_QUOTES = "\"”»’'"
_OPENING_QUOTES = {"\"": "\"", "”": "“„\"", "»": "«", "’": "‘'", "'": "'"}


def _quoted_foreign_before(text: str, pos: int, lo: int) -> bool:
    """Whether a quoted phrase in words no English dictionary knows ends just before ``pos``
    ("Vörös Csillag" [Red Star], «Zvezda» [Star])."""
    end = _before_spaces(text, pos, lo)
    if end <= lo or text[end - 1] not in _CLOSING_QUOTES:
        return False
    close = text[end - 1]
    start = max(lo, end - 80)
    open_at = max(text.rfind(q, start, end - 1) for q in _OPENING_QUOTES[close])
    if open_at < 0:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text[open_at + 1:end - 1])
    if not 1 <= len(words) <= 5:
        return False
    # rare in English, whatever WordNet lists ("Yana", a Siberian river, in "Yana Yul" [New Road])
    foreign = [w for w in words if english.zipf(w) < 3.0]
    return 2 * len(foreign) > len(words)


#: Capitalized words that begin a sentence rather than a name.
LEADING_WORDS = {"the", "a", "an", "in", "on", "at", "of", "to", "from", "by", "with", "and", "but", "for", "cde.",
                 "cdes.", "comrade", "city", "district", "county"}


def _single_capital(text: str, span: tuple[int, int], lo: int) -> bool:
    """Whether the word at ``span`` is one capitalized word, no sentence's first word and no word
    before it capitalized as well ("the Valpo", not "The Valpo" nor "Vl. Poptomov")."""
    w = text[span[0]:span[1]]
    if not (w[:1].isupper() and w.replace("-", "").isalpha()) or w.lower() in LEADING_WORDS:
        return False
    before = _words_before(text, span[0], lo, 1)
    if not before:
        return False
    prev = text[before[0][0]:before[0][1]]
    return prev.islower() or prev.lower() in ("the", "a", "an", "of", "by", "to", "from", "with")


def _initial_of(text: str, start: int, lo: int, alts: list[str]) -> tuple[int, int] | None:
    """The initial before a name that abbreviates the first word of its gloss: "Vl." of "Vladimir"."""
    before = _words_before(text, start, lo, 1)
    words = alts[0].split() if alts else []
    if not before or len(words) < 2:
        return None
    w = text[before[0][0]:before[0][1]]
    if w.endswith(".") and len(w) >= 2 and w[:-1].isalpha() and w[:1].isupper() \
            and words[0].lower().startswith(w[:-1].lower()):
        return before[0]
    return None


#: a measure or a date given again in other terms: "11.5 kg", "9 October 1946", "about 16 km"
RE_VALUE_GLOSS = re.compile(r"^(?:about\s+|approx\.\s+|approximately\s+|c\.\s+|ca\.\s+)?\d[\d.,/]*\s+[^\d\s\-–—][^\-–—]{0,30}$",
                            re.I)


def _designation_before(text: str, pos: int, lo: int) -> bool:
    """Whether a name in quotation marks, or a code with a number ("Object No. 15"), ends at ``pos``."""
    head = text[max(lo, pos - 40):pos].rstrip()
    return bool(re.search(r"[\"”»]$|\b(?:No\.|N[°º]|№)\s*\d+[\w/-]*$|\b[A-Z][\w-]*\s+\d+$", head))


def _fuller_name(text: str, pos: int, lo: int, words: list[str]) -> tuple[int, int] | None:
    """The capitalized words just before ``pos`` when the bracket's ``words`` begin with them and go
    on ("Sveta Trojica [Sveta Trojica v Slovenskih goricah]")."""
    for n in (3, 2, 1):
        before = _words_before(text, pos, lo, n)
        names = [text[s:e] for s, e in before]
        prior = _words_before(text, before[0][0], lo, 1) if before else []
        if prior and text[prior[0][0]:prior[0][1]].lower() in (w.lower() for w in words[n:]):
            continue   # "Kiss József [József Kiss]": the same words in another order
        if len(before) == n and len(words) > n and [w.lower() for w in words[:n]] == [w.lower() for w in names] \
                and all(w[:1].isupper() and w.rstrip(".,").isalpha() for w in names) \
                and not any(w.lower() in LEADING_WORDS for w in names):
            return before[0][0], before[-1][1]
    return None


def _initials_before(text: str, pos: int, lo: int, words: list[str]) -> tuple[int, int] | None:
    """The token before ``pos`` when it is single letters joined by slashes or dots ("a/a", "i.e.")
    and they are the initials of ``words``."""
    head = text[max(lo, pos - 20):pos]
    m = re.search(r"(?<!\S)((?:[^\W\d_][./]){1,4}[^\W\d_]\.?)[ \t]*$", head)
    if not m or len(words) < 2:
        return None
    letters = [c.lower() for c in m.group(1) if c.isalpha()]
    initials = [w[0].lower() for w in words if w[:1].isalpha()]
    if letters != initials:
        return None
    start = pos - len(head) + m.start(1)
    return start, start + len(m.group(1))


def _same_surname(orig: str, reg: str) -> bool:
    a, b = orig.split(), reg.split()
    return bool(a and b) and a[-1].lower().strip(".,") == b[-1].lower().strip(".,")


def _corrected_words(corr: str) -> int:
    """How many words before a conjecture it corrects: as many as it has, less an article it opens
    with ("The duban [sic, should be the governor]": the article is no part of the error)."""
    words = corr.split()
    return max(1, len(words) - (1 if len(words) > 1 and words[0].lower() in ("the", "a", "an") else 0))


#: how far a sentence is looked at around a bracket, at most (characters each way)
SENTENCE_REACH = 300
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n\s*\n")
_BRACKETED = re.compile(r"\[[^\[\]\n]*\]")


def sentence_around(text: str, start: int, end: int, lo: int, hi: int) -> tuple[str, int]:
    """The sentence of ``text`` that holds ``text[start:end]`` (a bracket), within ``lo:hi`` and at
    most ``SENTENCE_REACH`` characters each way, its brackets blanked out; and where the bracket
    begins in it."""
    first = max(lo, start - SENTENCE_REACH)
    ends = list(_SENTENCE_END.finditer(text, first, start))
    first = ends[-1].end() if ends else first
    after = _SENTENCE_END.search(text, end, min(hi, end + SENTENCE_REACH))
    last = after.start() + 1 if after else min(hi, end + SENTENCE_REACH)
    return _BRACKETED.sub(lambda m: " " * len(m.group()), text[first:last]), start - first


def names_offered(stripped: str) -> list[str] | None:
    """The names of a bracket that lists several, each perhaps after "now" or a language's name
    ("Ürümqi, now Urumqi", "Baitag Bogd, Chinese Beita Shan"); None unless every part is a name."""
    out = []
    for part in stripped.split(","):
        words = part.split()
        if words and words[0].lower() in ("now", "today", "modern", "present-day"):
            words = words[1:]
        elif len(words) > 1 and languages.romanized_tag(words[0]) is not None:
            words = words[1:]   # "Kazakh Köktoghay": the name in that language
        if not words or not all(RE_NAMEWORD.match(w) or w in ("city", "town", "county", "of") for w in words):
            return None
        out.append(" ".join(words))
    return out if len(out) >= 2 else None


#: prepositions of place: after one, capitalized words up to a place's gloss are the place's name
_PLACE_PREPOSITIONS = frozenset({"at", "in", "near", "from", "to", "via", "towards", "toward", "outside", "beyond"})


def place_run(text: str, pos: int, lo: int, tgt: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words of a place's name that ends with ``tgt`` (word spans before ``pos``): all of its
    capitalized words that are no English words ("Gorna Dzhumaya [Blagoevgrad]", "Yangi Hissar
    [today Yengisar]"), not the last one only; or the gazetteer's longer name ("Port Arthur")."""
    run = _words_before(text, pos, lo, len(tgt) + 3)
    k = len(run) - len(tgt)
    common = None   # where a word common in English (a given name: "Kara") ended the run
    while k > 0:
        w = text[run[k - 1][0]:run[k - 1][1]]
        if not RE_NAMEWORD.match(w) or w.lower() in LEADING_WORDS or _sentence_start(text, run[k - 1][0], lo):
            break
        zipf = english.zipf(w)
        if english.is_word(w.lower()) and zipf >= 3.0:
            break
        if (zipf >= 3.0 or english.is_word(w.lower())) and common is None:
            common = k   # a word common in English, or a rare one of the dictionary ("Tala")
        k -= 1
    if common is not None and not (k > 0 and text[run[k - 1][0]:run[k - 1][1]] in _PLACE_PREPOSITIONS):
        k = common   # "Kur Kara Usu [Wusu]" after "at" is one name; elsewhere the common word ends it
    if k < len(run) - len(tgt):
        tgt = run[k:]
    for k in range(max(0, len(run) - len(tgt) - 2), len(run) - len(tgt)):
        if all(RE_NAMEWORD.match(text[s:e]) for s, e in run[k:]) \
                and text[run[k][0]:run[k][1]].lower() not in LEADING_WORDS and places.is_place(text[run[k][0]:run[-1][1]]):
            return run[k:]   # "Port Arthur [Lüshun]": the gazetteer's name
    return tgt


def original_after_english(text: str, start: int, lo: int, words: list[str], doc_language: str | None,
                           persons) -> bool:
    """Whether a bracket holds the original's words after their English: the header names the
    original's language; the bracket opens with a capital (German nouns, names); its words are
    no English (one of four letters or more at least), no place and no person known here; the
    two words before it are English."""
    if not doc_language or not 0 < len(words) <= 4 or not words[0][:1].isupper():
        return False   # words in lower case are read by the rules for the original's words below
    letters = [w.strip(".,;:") for w in words if any(c.isalpha() for c in w)]
    if not letters or not all(w.replace("-", "").isalpha() or w.isdigit() or w in "IVX" for w in letters):
        return False
    strange = [w for w in letters if len(w) >= 4 and not english.is_word(w.lower()) and english.zipf(w) < 2.5]
    said = text[max(lo, start - 60):start]
    if not strange or any(places.is_place(w) and w not in said or w.lower() in persons for w in letters):
        return False   # a place the English before names too is no place of its own ("Code for Svalbard [...for Svalbard]")
    if any(english.is_word(w.lower()) and len(w) >= 4 for w in letters if w not in strange and w not in said):
        return False   # English words in the bracket: a gloss or a name, not the original's words
    before = _words_before(text, start, lo, 2)
    # two English words before it, or one opening the line ("Respectfully [Ærbødigst]": a closing formula)
    return len(before) >= 1 and all(english.is_word(text[s:e].lower().strip(".,")) for s, e in before) \
        and (len(before) == 2 or english.zipf(text[before[0][0]:before[0][1]]) >= 3.0)


def occurs_alone(text: str, word: str, b_start: int, b_end: int, scope: tuple[int, int] | None) -> bool:
    """Whether ``word`` occurs in the body outside this bracket, not itself in brackets."""
    lo, hi = scope or (0, len(text))
    i = text.find(word, lo, hi)
    while i != -1:
        j = i + len(word)
        if not (b_start <= i < b_end):
            before = text[i - 1] if i > 0 else " "
            after = text[j] if j < len(text) else " "
            if not (before.isalnum() or before == "[") and not (after.isalnum() or after == "]"):
                return True
        i = text.find(word, j, hi)
    return False


#: WordNet's lexicographer files of the nouns that name a kind of place: noun.location (harbour,
#: district), noun.object (bay, fjord, island, river)
_PLACE_FILES = frozenset({15, 17})


def feature_name_before(text: str, start: int, lo: int) -> tuple[int, int] | None:
    """The span of a place named in English words just before ``start`` ("Green Harbour", "Advent
    Bay"): up to three capitalized words, the last a noun whose first sense is a kind of place."""
    run = _words_before(text, start, lo, 3)
    k = len(run)
    while k > 0 and re.fullmatch(r"[A-Z][a-z'’-]+", text[run[k - 1][0]:run[k - 1][1]]):
        k -= 1
    run = run[k:]
    while run and text[run[0][0]:run[0][1]].lower() in LEADING_WORDS:
        run = run[1:]   # "In Advent Bay": the sentence's first word is no part of the name
    head = text[run[-1][0]:run[-1][1]].lower() if run else ""
    # the head a common noun of a kind of place (bay, harbour), not itself a place's name (Borneo, Breslau)
    if len(run) < 2 or not wordnet().fields(head, "n", top=1) & _PLACE_FILES or wordnet().pointed(head, "@i", 1):
        return None
    return run[0][0], run[-1][1]


def _caps_gloss(before: str, prev_word: str, words: list[str]) -> bool:
    """Whether English words in capitals translate the capitals before them: words of the original
    (no English among the last few before the bracket), Russian or with an English article or "of"
    in the bracket; the bracket's words English or already written before it (SVALBARD)."""
    if not (words and " ".join(words).isupper() and prev_word.isupper() and len(prev_word) >= 2):
        return False
    foreign = [w for w in re.findall(r"[^\W\d_]{3,}", before)[-4:] if w.isupper() and not english.in_dictionary(w.lower())]
    if not foreign or not all(english.in_dictionary(w.lower()) or w in before for w in words):
        return False
    return bool(russian.russian_word(foreign[-1].lower())) or any(w in ("THE", "OF", "A", "AN") for w in words)
