"""The text of a document with the original's glossed words read as their English gloss, and
letters an OCR read as digits read as letters.

Transcriptions keep a local label and give its translation in brackets: "výtisk č. 1 [copy no.
1] - s. Hejduk", "Verteiler [distribution]:", "Ex. 4 - Dosar [file]", "Psala [typed by]:
Koubková". :func:`gloss_view` writes each such gloss over the words it translates (and over
itself), padded with spaces to the same length, so the patterns of the distribution notes, which
know the English wording, read these lines too, and every offset still indexes the original.
A label glossed once is read the same way where the block repeats it without the gloss
("výtisk č. 2 - s. Ryba").

A bracket is a gloss when it holds a few common English words (no editorial mark such as
[sic] or [signature], no name such as [Yining]) and the word just before it is not English.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from provenance.chain.patterns import DRAFTED, ROLE_GLOSS, TYPED
from provenance.knowledge import english, places
from provenance.knowledge.wordnet import wordnet

_BRACKET = re.compile(r"\[([^\[\]\n]{1,60})\]")
_TOKEN = re.compile(r"\S+")
_GLOSS_WORD = re.compile(r"^(?:[A-Za-z]+(?:['’-][A-Za-z]+)*\.?|\d{1,4}(?:st|nd|rd|th)?(?:[-–]\d{1,4})?\.?|&)$")
#: what the editor writes in brackets about the page itself: never a gloss of the words before it
_EDITORIAL = frozenset({
    "sic", "illegible", "signature", "signed", "seal", "stamp", "handwritten", "handwriting", "unclear",
    "unreadable", "blank", "left", "crossed", "deleted", "torn", "damaged", "missing", "omitted",
    "continued", "initials", "translator's", "editor's", "inserted", "underlined", "margin", "unknown",
    "uncertain", "doubtful", "indecipherable",
})
#: English words that may stand right before a gloss without being the original's word
_FUNCTION = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "with", "from"})
#: how far before a bracket the words it translates may begin
LOOK_BACK = 200
_STOP_AFTER = (":", ";", ",", ")", "]", "(", "|")


def _is_gloss(words: list[str]) -> bool:
    """A bracket of one to eight words, English (or numbers), at least one of them a common
    English word, the first no editorial term."""
    if not 0 < len(words) <= 8 or any(w.lower().strip(".,;:") in _EDITORIAL for w in words):
        return False   # "[surname illegible]", "[first name unknown]": the editor's, not the original's
    if not all(_GLOSS_WORD.match(w) for w in words):
        return False
    alpha = [w.strip(".").lower() for w in words if w[:1].isalpha()]
    if not alpha or not all(english.is_word(w) or w in _FUNCTION or w == "no" for w in alpha):
        return False
    capitalized = [w for w in words if w[:1].isupper()]
    if len(capitalized) >= 2 or capitalized and len(capitalized) == len(alpha) and not all(english.in_dictionary(w.lower()) for w in alpha):
        return False   # a name spelt another way or given in full: [1st Far Eastern Department]
    return any(english.in_dictionary(w) for w in alpha)


def _kind_of_place(word: str) -> bool:
    """A noun whose first sense WordNet files under places or groups of people living together
    (town, district, village), or natural objects (river): what a name in front of it is."""
    return wordnet().first_noun_file(word.lower()) in (b"15", b"14", b"17")


def _english(token: str) -> bool:
    """A word of the translation's English, not of the original's language."""
    core = token.strip(".'’\"").lower()
    if core in _FUNCTION:
        return True
    return len(core) >= 3 and core.isascii() and core.isalpha() and english.zipf(core) >= english.ENGLISH_ZIPF


def _covered(text: str, line_start: int, pos: int, has_digit: bool, about_role: bool = False) -> int | None:
    """Where the original's words that the bracket at ``pos`` translates begin: back over the
    words of its line until a punctuation mark, a dash, an English word, (for a gloss without
    a number) a number, or (for a gloss that names no drafting, typing or printing) a drafter's or
    typist's label opening the line. None when the word just before the bracket is English."""
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, line_start, pos)]
    start = None
    taken = 0
    for k in range(len(tokens) - 1, -1, -1):
        at, tok = tokens[k]
        if tok in ("-", "–", "—", "--") or tok.endswith(_STOP_AFTER) or "[" in tok or "]" in tok or "|" in tok:
            break
        if any(c.isdigit() for c in tok) and not has_digit:
            break
        if k == 0 and not about_role and (DRAFTED.fullmatch(tok) or TYPED.fullmatch(tok)):
            break   # "Isp. st. oper. [senior operative] X": the drafter's label opening the line is not glossed
        if _english(tok) and not (start is not None and len(tok.strip(".")) <= 2):
            opening = k == 0 or tokens[k - 1][1].endswith(_STOP_AFTER)
            if opening and taken >= 2 and tok[:1].isupper():
                return at   # the first word of a label in the original's words: "Extras de la punctul 4"
            break
        if tok[-1] in "\"”»" and start is None:
            return None   # a name in quotes ("VOSTOK" [code name]): the gloss says what it is
        if tok[0] in "(\"“«'":
            return at + 1 if len(tok) > 1 else start   # the stretch opens inside the bracket or quote
        start = at
        taken += 1
    return start


def _learned(covered: str, gloss: list[str]) -> tuple[str, str] | None:
    """The original's label and its English when a glossed stretch ends in the number its gloss
    ends in ("výtisk č. 1" / "copy no. 1": "výtisk č." / "copy no."), or is one word ("Nüskha" /
    "copy")."""
    words = covered.split()
    if len(words) >= 2 and len(gloss) >= 2 and words[-1].strip(".") == gloss[-1].strip(".") and words[-1][0].isdigit():
        local, eng = " ".join(words[:-1]), " ".join(gloss[:-1])
    elif len(words) == 1 and not words[0][0].isdigit():
        local, eng = words[0], " ".join(gloss)
    else:
        return None
    if len(eng) > len(local) or not local[:1].isalpha():
        return None
    return local, eng


#: a digit an OCR read for a letter inside a word: "de1o" (delo), "Vo1kova", "Sem0nov"
_OCR_ONE = re.compile(r"(?<=[A-Za-zА-Яа-яЁё])1(?=[a-zа-яё])")
_OCR_ZERO = re.compile(r"(?<=[a-zа-яё])0(?=[a-zа-яё])")


#: an entry of a list lettered instead of numbered: "a) tow. Siwicki", "b) WUBP Białystok"
#: a copy's number in a formula of its language, opening a line: Korean "che 1 pu" (the first copy),
#: Mongolian "1-r khuvi", "1 dügeer khuvi"
_LOCAL_COPY_NUMBER = re.compile(r"(?m)(?<=^)(?:che[ \t]*(?P<a>\d{1,2})[ \t]*pu|(?P<b>\d{1,2})(?:-?r|[ \t]+d[üu]g[ae]{2}r)[ \t]+khuvi)(?![\w])")
_LETTERED = re.compile(r"(?m)^([ \t]*)([a-h])\)(?=[ \t]+\S)")


#: a number corrected by hand, as the editor marks it: "Otp. [crossed out: 3] [handwritten: 4] ekz."
_CORRECTED_NUMBER = re.compile(r"\[(?:crossed[ -]out|struck[ -](?:out|through)|deleted)[ \t]*:?[ \t]*\d{1,3}\][ \t]*"
                               r"\[(?:handwritten|inserted|added|written[ \t]+in)[^\]\d\n]{0,20}?:?[ \t]*(?P<n>\d{1,3})\]",
                               re.IGNORECASE)


def _standing_number(m: re.Match) -> str:
    """The number that stands, where the correction begins, the rest of the two brackets as spaces
    (after it: "N° 5      - to ..." reads as an entry, "N°      5 - to ..." would not)."""
    return m.group("n") + " " * (m.end() - m.start() - len(m.group("n")))


#: a small word the editor supplied in brackets inside a label: "Typed [by] X", "Copy [to] the file"
_SUPPLIED_WORD = re.compile(r"\[(by|to|of|for|the|and|in)\]", re.IGNORECASE)


def reading_view(text: str) -> str:
    """The text as the patterns of distribution notes read it, with the same offsets: a letter an
    OCR misread as a digit inside a word read as the letter, a list lettered a), b), c)... on lines
    of their own read as numbered 1), 2), 3)..., a number corrected by hand as the one that stands,
    and glosses as in :func:`gloss_view`."""
    if "[" in text:
        text = _CORRECTED_NUMBER.sub(_standing_number, text)
        text = _SUPPLIED_WORD.sub(lambda m: f" {m.group(1)} ", text)   # the word read, the brackets as spaces
    if any(c in text for c in "10"):
        text = _OCR_ZERO.sub("o", _OCR_ONE.sub("l", text))
    if "a)" in text and "b)" in text:
        text = _numbered_letters(text)
    if "pu" in text or "khuvi" in text:
        text = _LOCAL_COPY_NUMBER.sub(_as_copy_number, text)
    return gloss_view(text)


def _as_copy_number(m: re.Match) -> str:
    """"che 1 pu", "1-r khuvi" as "copy 1", padded with spaces to the same length."""
    out = f"copy {m.group('a') or m.group('b')}"
    return out + " " * (len(m.group(0)) - len(out))


def _numbered_letters(text: str) -> str:
    """Lines lettered a), b), c)... in a row (two or more, from a) on) with their letters as digits."""
    marks = list(_LETTERED.finditer(text))
    out = None
    k = 0
    while k < len(marks):
        if marks[k].group(2) != "a":
            k += 1
            continue
        j = k + 1
        while j < len(marks) and ord(marks[j].group(2)) == ord(marks[j - 1].group(2)) + 1 \
                and text.count("\n", marks[j - 1].end(), marks[j].start()) <= 2:
            j += 1
        if j - k >= 2:
            out = out or list(text)
            for m in marks[k:j]:
                out[m.start(2)] = str(ord(m.group(2)) - ord("a") + 1)
        k = j
    return "".join(out) if out else text


def gloss_view(text: str) -> str:
    """``text`` with each glossed stretch of the original replaced by its gloss, padded with spaces
    to the same length (so offsets hold); ``text`` itself when it has no gloss."""
    if "[" not in text:
        return text
    out: list[str] | None = None
    labels: dict[str, str] = {}
    spans: list[tuple[int, int]] = []
    for m in _BRACKET.finditer(text):
        words = m.group(1).split()
        if not text[m.start() - 1:m.start()].isspace() or text[m.end():m.end() + 1].isalnum():
            continue   # a letter supplied inside a word: Kru[g]lova
        if not _is_gloss(words) or ROLE_GLOSS.fullmatch(m.group(1).strip()):
            continue   # the drafter's and typist's labels are read with their gloss (LINE_ROLE)
        # the words a gloss translates stand just before it: look back at most LOOK_BACK characters
        line_start = max(text.rfind("\n", max(0, m.start() - LOOK_BACK), m.start()) + 1, m.start() - LOOK_BACK)
        start = _covered(text, line_start, m.start(), any(c.isdigit() for c in m.group(1)),
                         bool(ROLE_GLOSS.search(m.group(1))))
        if start is None:
            continue
        covered = text[start:m.start()].strip()
        if not covered or not any(c.isalpha() for c in covered):
            continue
        last = covered.split()[-1].strip(".,")
        if last[:1].isupper() and (places.is_place(last) or len(words) == 1 and _kind_of_place(words[0])):
            continue   # "Kuldja [town]": what a place is, not the English of a label
        if words[0][:1].isupper() and covered.split()[-1][:1].isupper() and any(
                w[:1].isalpha() and (english.zipf(w.strip(".")) < 3.0 or places.is_place(w.strip("."))) for w in words):
            continue   # a name given another way (Ulan-Bator [Ulaanbaatar]), not a label's English
        if out is None:
            out = list(text)
        gloss = " ".join(words)
        out[start:m.end()] = gloss.ljust(m.end() - start)
        spans.append((start, m.end()))
        pair = _learned(covered, words)
        if pair:
            labels.setdefault(pair[0], pair[1])
    if out is None:
        return text
    starts = [a for a, _b in spans]
    for local, eng in labels.items():
        for m in re.finditer(r"(?<![\w.])" + re.escape(local) + r"(?!\w)", text):
            k = bisect_right(starts, m.start()) - 1
            if k < 0 or not spans[k][0] <= m.start() < spans[k][1]:   # not inside a gloss written over already
                out[m.start():m.end()] = eng.ljust(m.end() - m.start())
    return "".join(out)
