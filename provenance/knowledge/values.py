"""Numbers, dates and times compared by value, whatever way they are written.

``values(words)`` reads a sequence of tokens (words and punctuation, as the aligner has them) and
returns the values it states, as canonical strings: ``n:15000`` (three/3, 15,000/15 000),
``n:2.5`` (two and a half), ``pct:50`` (50%, fifty per cent), ``d:1945-10-15`` (15 October 1945,
October 15, 1945, 15.X.1945, 15.10.1945), ``d:1945-10`` (October 1945), ``dm:10-15`` (15 October),
``t:22:00`` (10 p.m., 22:00, ten o'clock in the evening). Number words are read by ``text2num``;
month names are the standard library's (``provenance.dates.MONTHS``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from provenance.dates import MONTHS, ROMAN_MONTHS
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_ROMAN_RE = "XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I"

_ORD = r"(?:\s*(?:st|nd|rd|th))?(?:\s+day)?"
_DAY = rf"(?P<d>[0-3]?\d){_ORD}"
_YEAR = r"(?P<y>1[5-9]\d\d|20\d\d)"
_MON = rf"(?P<m>{_MONTH_RE})\.?"
#: each pattern comes with a gate: a pattern the text must contain for it to match at all (a
#: month name, a dot, a colon, ...), searched first because it is cheaper; None: no gate. Every
#: pattern with a gate also needs a digit.
_MONTH_GATE = rf"(?i)\b(?:{_MONTH_RE})"

_RANGE_TO = r"\s*(?:-|–|—|to|until|till|through|and)\s*"
_NOT_IN_DATE = r"(?<![-./:\d])(?<![-./:]\s)"

_PATTERNS = [
    # 2 to 30 September 2024, 2-30 September: a range of days, the first of the month and year of the last
    # (never the day that ends a date written with numbers: 2019-03-01 and 31 August)
    ("dr", re.compile(rf"{_NOT_IN_DATE}\b(?P<d0>[0-3]?\d){_ORD}{_RANGE_TO}{_DAY}\s+(?:of\s+)?{_MON}\s*,?\s*{_YEAR}\b",
                      re.I), _MONTH_GATE),
    ("dmr", re.compile(rf"{_NOT_IN_DATE}\b(?P<d0>[0-3]?\d){_ORD}{_RANGE_TO}{_DAY}\s+(?:of\s+)?{_MON}(?!\w)", re.I),
     _MONTH_GATE),
    # 15 October 1945, 15th of October, 1945, the 15th of October 1945
    ("d", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\s*,?\s*{_YEAR}\b", re.I), _MONTH_GATE),
    # October 15, 1945 / Oct. 15 1945
    ("d", re.compile(rf"\b{_MON}\s+{_DAY}\s*,?\s*{_YEAR}\b", re.I), _MONTH_GATE),
    # 15.X.1945, 15 . X . 1945, 15.10.1945, 15/10/1945
    ("dn", re.compile(rf"\b(?P<d>[0-3]?\d)\s*[./]\s*(?P<m>{_ROMAN_RE}|[01]?\d)\s*[./]\s*(?P<y>1[5-9]\d\d|20\d\d|\d\d)\b"), r"\d\s*[./]"),
    # 1945-10-15
    ("iso", re.compile(r"\b(?P<y>1[5-9]\d\d|20\d\d)\s*-\s*(?P<m>[01]\d)\s*-\s*(?P<d>[0-3]\d)\b"), "-"),
    # October 1945
    ("my", re.compile(rf"\b{_MON}\s*,?\s*{_YEAR}\b", re.I), _MONTH_GATE),
    # 3.1917, X.1917: a month and a year
    ("my", re.compile(rf"(?<![\d.])(?P<m>{_ROMAN_RE}|1[0-2]|0?[1-9])\s*\.\s*{_YEAR}\b"), r"\."),
    # 17.III: a day and a month in Roman numerals, without a year
    ("dm", re.compile(rf"\b(?P<d>[0-3]?\d)\s*\.\s*(?P<m>{_ROMAN_RE})\b(?!\s*[./]\s*\d)"), r"\."),
    # 15 October / October 15 / the 15th of October
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?!\w)", re.I), _MONTH_GATE),
    ("dm", re.compile(rf"\b{_MON}\s+{_DAY}\b(?!\s*[:.]\s*\d)", re.I), _MONTH_GATE),
]

#: "in the evening" after a time
_PART = r"(?:\s+(?:in\s+the\s+)?(?P<part>morning|afternoon|evening|night))?"

_TIME_PATTERNS = [
    # 22:00, 22 : 00, 22.00 hours
    ("hm", re.compile(r"\b(?P<h>[0-2]?\d)\s*:\s*(?P<mi>[0-5]\d)\b(?:\s*(?P<ap>[ap])\s*\.?\s*m\b\s*\.?)?", re.I), ":"),
    # 7.15 pm, 22.00 hours, 14.30 local time, at 6.45: with a dot only where it is said to be a time
    # (the correlation was 0.47 is a number)
    ("hm", re.compile(r"\b(?P<h>[0-2]?\d)\s*\.\s*(?P<mi>[0-5]\d)\b(?:\s*(?P<ap>[ap])\s*\.?\s*m\b\s*\.?|"
                      r"(?=\s+(?:hours|hrs|h|local|GMT|UTC)\b))", re.I), r"\."),
    ("hm", re.compile(r"(?:(?<=\bat )|(?<=\buntil )|(?<=\bfrom )|(?<=\bafter )|(?<=\bbefore ))"
                      r"(?P<h>[0-2]?\d)\s*\.\s*(?P<mi>[0-5]\d)\b"
                      # not a price: "at 9.40 rubles"
                      r"(?!\s*(?:roubles?|rubles?|dollars?|euros?|pounds?|yen|cents?|kopecks?|per\s*cent|percent|%))",
                      re.I), r"\."),
    # 10 p.m., 10 pm, 10 o'clock in the evening
    ("hap", re.compile(r"\b(?P<h>[01]?\d)\s*(?P<ap>[ap])\s*\.?\s*m\b\s*\.?", re.I), r"(?i)[ap]\s*\.?\s*m\b"),
    ("oc", re.compile(r"\b(?P<h>[01]?\d)\s*o\s*'?\s*clock(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening|night))?", re.I), "(?i)clock"),
    ("half", re.compile(r"\bhalf\s+past\s+(?P<h>[01]?\d)\b" + _PART, re.I), "(?i)past"),
    ("mil", re.compile(r"\b(?P<h>[0-2]\d)(?P<mi>[0-5]\d)(?=\s+(?:local\s+time|GMT|UTC|Z)\b)", re.I), r"\d\d\d\d"),
    # ten past eleven (ten minutes past eleven)
    ("mp", re.compile(r"\b(?P<mi>[0-5]?\d)\s+(?:minutes\s+)?past\s+(?P<h>[01]?\d)\b" + _PART, re.I), "(?i)past"),
    ("qp", re.compile(r"\b(?:a\s+)?quarter\s+past\s+(?P<h>[01]?\d)\b" + _PART, re.I), "(?i)quarter"),
    ("qt", re.compile(r"\b(?:a\s+)?quarter\s+to\s+(?P<h>[01]?\d)\b" + _PART, re.I), "(?i)quarter"),
    # six in the evening, five thirty in the evening, 2215 local time, 1430 GMT
    ("part", re.compile(r"\b(?P<h>[01]?\d)(?:\s*[- ]\s*(?P<mi>[0-5]\d))?\s+in\s+the\s+"
                        r"(?P<part>morning|afternoon|evening|night)\b", re.I), "(?i)morning|afternoon|evening|night"),
    ("noon", re.compile(r"\b(?:12\s+)?(?P<w>noon|midday|midnight)\b", re.I), None),
    # 1400 hours, 0930 hrs (military time)
    ("mil", re.compile(r"\b(?P<h>[0-2]\d)(?P<mi>[0-5]\d)\s*(?:hours|hrs|h)\b", re.I), r"\d\d\d\d"),
    # at 0900, from 2200 until ...: four digits after a preposition of time, not a year
    ("milp", re.compile(r"(?:(?<=\bat )|(?<=\bto )|(?<=\bby )|(?<=\bfrom )|(?<=\buntil )|(?<=\btill )|(?<=\bafter )"
                        r"|(?<=\bbefore )|(?<=\bsince ))(?P<h>[0-2]\d)(?P<mi>[0-5]\d)\b"
                        r"(?=\s+(?:local|GMT|UTC|Moscow|hours|hrs|and|until|till|to|on|that|the|when|,|\.|;))",
                        re.I), r"\d\d\d\d"),
]

_DECADES = {w: f"{k}0" for k, w in enumerate(
    "x x twenties thirties forties fifties sixties seventies eighties nineties".split()) if k >= 2}
DECADE_WORDS = frozenset(_DECADES)
_OTHER_PATTERNS = [
    # the 1960s, the '60s, 1960's
    ("decade", re.compile(r"(?<![\d.,])(?:['’]\s*)?(?P<d>(?:1[5-9]|20)?[1-9]0)\s*['’]?\s*s\b"), r"0\s*['’]?\s*s"),
    ("decade-cw", re.compile(r"\b(?P<c>1[5-9]|20)\s+(?P<w>twenties|thirties|forties|fifties|sixties|seventies|"
                             r"eighties|nineties)\b", re.I), "(?i)ties"),
    ("decade-word", re.compile(r"\b(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
                               re.I), None),
    # the 19th century, 19th-century
    ("century", re.compile(r"\b(?P<n>\d{1,2})\s*(?:st|nd|rd|th)\s*-?\s*centur(?:y|ies)\b", re.I), "(?i)centur"),
    # 1/2, 3/4: a fraction (a date with three parts is read before)
    ("fraction", re.compile(r"(?<![\d/.])(?P<a>[1-9])\s*/\s*(?P<b>[2-9]|10)(?![\d/])"), "/"),
    # 1941-44, 1941-1944: two years
    ("range", re.compile(r"\b(?P<a>1[5-9]\d\d|20\d\d)\s*[-–]\s*(?P<b>\d\d|1[5-9]\d\d|20\d\d)\b"), "[-–]"),
    # 9 rubles 40 kopecks, 3 dollars 25 cents: a sum in a currency and its hundredths
    ("money", re.compile(r"(?<![\d.,])(?P<a>\d+)\s+(?P<cur>roubles?|rubles?|dollars?|euros?)\s*,?\s+"
                         r"(?P<b>\d{1,2})\s+(?P<sub>kopecks?|kopeks?|copecks?|cents?)\b", re.I), "(?i)kope|copeck|cent"),
]

_NUMBER = re.compile(r"(?<![\w.])(?P<n>\d{1,3}(?:(?:,|\s)\d{3})+|\d+(?:[.,]\d+)?|(?<![\d])\.\d+)(?:\s*(?P<ord>st|nd|rd|th)\b)?"
                     r"(?:\s+(?P<half>and\s+a\s+half))?"
                     r"(?:\s+(?P<mult>million|billion|thousand|hundred))?"
                     r"(?:\s*(?P<pct>%|per\s*cent|percent))?", re.I)


_FOLD = re.compile(r"\b([a-z]+)fold\b", re.I)


def unfold(text: str) -> str:
    """tenfold -> ten fold, read as 10-fold is."""
    return _FOLD.sub(r"\1 fold", text)


def _num(s: str) -> float | None:
    s = s.strip()
    if re.fullmatch(r"\d{1,3}(?:(?:,|\s)\d{3})+", s):
        return float(re.sub(r"[,\s]", "", s))
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else repr(round(x, 6))


def _month(m: str) -> int:
    m = m.strip(".").lower()
    if m.upper() in ROMAN_MONTHS:
        return ROMAN_MONTHS[m.upper()]
    if m.isdigit():
        return int(m)
    return MONTHS.get(m, 0)


_MULT = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s+(million|billion|thousand)\b", re.I)
_FACTOR = {"million": 10 ** 6, "billion": 10 ** 9, "thousand": 10 ** 3, "hundred": 10 ** 2}


def _times(m) -> str:
    x = float(m.group(1)) * _FACTOR[m.group(2).lower()]
    return _fmt(x)


#: plurals that text2num reads as numbers but that are the pronoun or a count of kinds ("the remaining
#: ones", "in twos and threes", "several firsts"): no number is stated; tens, hundreds and thousands are
_NOT_NUMBERS = frozenset("ones twos threes fours fives sixes sevens eights nines firsts seconds thirds".split())
_ORDINAL_ADVERB = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)ly\b", re.I)
_NOT_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(sorted(_NOT_NUMBERS)) + r")\b", re.I)


@lru_cache(maxsize=1 << 14)
def digits(text: str) -> str:
    """Number words turned into digits (three -> 3, fifteen thousand -> 15000)."""
    text = _MULT.sub(_times, text)
    if not re.search(r"[a-z]", text, re.I):
        return text
    from text_to_num import alpha2digit

    text = _ORDINAL_ADVERB.sub(r"\1", text)   # "firstly" is "first", as an enumeration says it
    held: list[str] = []   # "the remaining ones": the pronoun, not 1
    masked = _NOT_NUMBER_WORD.sub(lambda m: held.append(m.group(0)) or f"\u241f{len(held) - 1}\u241f", text)
    try:
        out = alpha2digit(masked, "en", threshold=0)
    except Exception:   # the library refuses odd input: keep the words
        return text
    out = re.sub("\u241f(\\d+)\u241f", lambda m: held[int(m.group(1))], out)
    # "a 100" (a hundred) is one hundred; "one" alone is often a pronoun, but as a value it is 1
    return re.sub(r"\ba (100|1000)\b", r"\1", out)


def _number_word(tok: str) -> bool:
    t = tok.lower()
    return t.replace("-", "").isalpha() and (digits(t) != t or t in _FACTOR or t in ("and", "a", "half"))


@lru_cache(maxsize=1 << 14)
def is_number_word(tok: str) -> bool:
    """Whether a word states a number (three, forty-seven, first, hundred), per text2num."""
    t = tok.lower()
    return t.replace("-", "").isalpha() and t not in _NOT_NUMBERS and (t in _FACTOR or bool(re.search(r"\d", digits(t))))


VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_NUMERATOR = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_DENOMINATOR = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                "fifths": 5}


def _fraction(words, i: int) -> tuple[str, int] | None:
    """A fraction at token ``i`` ("three-quarters", "a third", "two thirds") as a percentage, and the
    index of its last token; not "a quarter past" (a time)."""
    w = words[i].lower()
    parts = w.split("-")
    if len(parts) == 2 and parts[0] in _NUMERATOR and parts[1] in _DENOMINATOR:
        num, den, j = _NUMERATOR[parts[0]], _DENOMINATOR[parts[1]], i
    elif (w in _NUMERATOR or w.isdigit() and len(w) == 1) and i + 1 < len(words) \
            and words[i + 1].lower() in _DENOMINATOR:
        num = _NUMERATOR.get(w) or int(w)
        den, j = _DENOMINATOR[words[i + 1].lower()], i + 1
    else:
        return None
    if j + 1 < len(words) and words[j + 1].lower() in ("past", "to"):
        return None
    return _fmt(round(100 * num / den, 4)) + " %", j


@lru_cache(maxsize=1 << 15)
def _plain(w: str) -> bool:
    """Whether ``_convert`` keeps the token as it is, whatever its neighbours: no digit, no part
    of a number, a fraction or a decimal."""
    t = w.lower()
    if any(c.isdigit() for c in w) or w in VULGAR_FRACTIONS or w == "." or t == "half" or t in _NUMERATOR:
        return False
    if t != "and" and _number_word(w) or unfold(w) != w or _fraction([w, "x"], 0):
        return False
    return not ("-" in w.strip("-") and any(_number_word(x) for x in w.split("-")))


#: the power of ten of a number in scientific notation, as the tokenizer leaves it after the digits: "e-3"
E_POWER = re.compile(r"[eE][-+]?\d{1,3}")


def _convert(words) -> tuple[str, list[int]]:
    """The tokens joined with spaces, number words turned into digits (a run of them at once:
    fifteen thousand -> 15000), and for each character the index of the token it comes from."""
    text_parts: list[str] = []
    owner: list[int] = []
    n = len(words)
    i = 0
    while i < n:
        j = i
        if _plain(words[i]):
            piece = words[i]
            if text_parts:
                text_parts.append(" ")
                owner.append(i)
            text_parts.append(piece)
            owner.extend([i] * len(piece))
            i += 1
            continue
        numeric_start = bool(re.fullmatch(r"[£$€¥₽]?\d+(?:\.\d+)?", words[i])) and i + 1 < n and words[i + 1].lower() in _FACTOR
        frac = _fraction(words, i)
        if frac:
            piece, j = frac
        elif words[i] in VULGAR_FRACTIONS and i and words[i - 1].isdigit() and text_parts:
            old = len(text_parts[-1])
            text_parts[-1] = _fmt(int(words[i - 1]) + VULGAR_FRACTIONS[words[i]])   # 4½
            del owner[len(owner) - old:]
            owner.extend([i - 1] * len(text_parts[-1]))
            i += 1
            continue
        elif words[i] in VULGAR_FRACTIONS:
            piece = _fmt(VULGAR_FRACTIONS[words[i]])
        elif i + 1 < n and E_POWER.fullmatch(words[i + 1]) and re.fullmatch(r"\d+(?:\.\d+)?", words[i]):
            piece, j = _fmt(float(words[i] + words[i + 1])), i + 1   # 1e-3, 2.5E+6: the figure it writes
        elif words[i].lower() == "half" and i + 1 < n and words[i + 1].lower() in ("a", "an"):
            piece, j = "0.5", i + 1   # half a gram
        elif words[i] == "." and i + 1 < n and words[i + 1].isdigit() and len(words[i + 1]) <= 3 \
                and not (i and (words[i - 1][-1:].isdigit() or words[i - 1].isupper())):
            piece, j = "0." + words[i + 1], i + 1   # .47
        elif words[i].lower() == "one" and i and words[i - 1].lower() == "no":
            piece = words[i]   # "no one": nobody, not a number
        elif numeric_start or _number_word(words[i]) and words[i].lower() not in ("and", "a"):
            while j + 1 < n and (_number_word(words[j + 1]) or words[j + 1] == "-"):
                j += 1
            while j > i and words[j].lower() in ("and", "a", "-"):
                j -= 1
            piece = " ".join(words[i:j + 1])
            piece = _MULT.sub(_times, piece) if numeric_start else digits(unfold(piece))
        else:
            piece = unfold(words[i])
            if "-" in piece.strip("-") and any(_number_word(x) for x in piece.split("-")):
                piece = digits(piece.replace("-", " "))   # nineteenth-century, forty-odd
            elif piece != words[i]:
                piece = digits(piece)
        if text_parts:
            text_parts.append(" ")
            owner.append(i)
        text_parts.append(piece)
        parts = piece.split(" ")
        if j > i and len(parts) == j + 1 - i:
            # each word turned into its own figure (three and five -> 3 and 5): each keeps its token
            for k, part in enumerate(parts):
                owner.extend([i + k] * (len(part) + (k > 0)))
        elif j > i:
            # one figure of several words (one hundred and five -> 105): it spans them all
            owner.extend([i] * (len(piece) - 1) + [j])
        else:
            owner.extend([i] * len(piece))
        i = j + 1
    return "".join(text_parts), owner


def _date_values(kind: str, g: dict, text: str, m) -> list[str]:
    mon = _month(g["m"]) if g.get("m") else 0
    if not 1 <= mon <= 12:
        return []
    if kind in ("dr", "dmr"):   # the range's first day, then its last: each a date of its own
        first = _date_values(kind[:-1], {**g, "d": g["d0"]}, text, m)
        return first + _date_values(kind[:-1], g, text, m) if first else []
    if kind == "my":
        return [f"d:{int(g['y']):04d}-{mon:02d}"]
    d = int(g["d"])
    if not 1 <= d <= 31:
        return []
    if kind in ("d", "dn", "iso"):
        y = int(g["y"])
        if y < 100:
            y += 1900
        return [f"d:{y:04d}-{mon:02d}-{d:02d}"]
    return [f"dm:{mon:02d}-{d:02d}"]


def _time_values(kind: str, g: dict, text: str, m) -> list[str]:
    if kind == "milp":
        prev = text[:m.start()].split()[-1].lower()
        if int(g["h"]) > 23 or prev != "at" and 1500 <= int(g["h"] + g["mi"]) <= 2099:
            return []   # "by 1945": a year
    if kind == "noon":
        hh, mm = (0, 0) if g["w"].lower() == "midnight" else (12, 0)
    else:
        hh = int(g["h"])
        mm = {"half": 30, "qp": 15}.get(kind, int(g.get("mi") or 0))
        if kind == "qt":
            hh, mm = hh - 1, 45
        ap = (g.get("ap") or "").lower()
        part = (g.get("part") or "").lower()
        if (ap == "p" or part in ("afternoon", "evening") or part == "night" and hh >= 6) and hh < 12:
            hh += 12
        elif (ap == "a" or part == "night" and hh == 12) and hh == 12:
            hh = 0
        if kind == "hm" and not ap and hh > 24:
            return []
    return [f"t:{hh % 24:02d}:{mm:02d}"]


def _other_values(kind: str, g: dict, text: str, m) -> list[str]:
    if kind == "decade":
        return [f"dec:{int(g['d']) % 100:02d}"]
    if kind in ("decade-cw", "decade-word"):
        return [f"dec:{_DECADES[g['w'].lower()]}"]
    if kind == "fraction":
        return ["pct:" + _fmt(round(100 * int(g["a"]) / int(g["b"]), 4))]
    if kind == "century":
        return [f"cent:{int(g['n'])}"]
    if kind == "money":
        return [f"{_CURRENCY_WORDS[g['cur'].lower()]}:{_fmt(int(g['a']) + int(g['b']) / 100)}"]
    a = int(g["a"])   # a range of years: both
    return [f"n:{a}", f"n:{int(str(a)[:4 - len(g['b'])] + g['b'])}"]


def _gates(patterns) -> list:
    return [(kind, pat, re.compile(gate) if gate else None) for kind, pat, gate in patterns]


_FAMILIES = ((_gates(_PATTERNS), _date_values), (_gates(_TIME_PATTERNS), _time_values),
             (_gates(_OTHER_PATTERNS), _other_values))
_DIGIT = re.compile(r"\d")


def value_spans(words) -> list[tuple[str, int, int]]:
    """The numbers, dates and times stated by ``words`` (tokens): (canonical value, first token,
    end token) for each."""
    return _spans(words, True)


def _spans(words, gated: bool) -> list[tuple[str, int, int]]:
    """``value_spans``; without ``gated``, every pattern is tried (the gates skip only those that
    cannot match: the two give the same spans)."""
    words = list(words)
    text, owner = _convert(words)
    owner.append(len(words))
    out: list[tuple[str, int, int]] = []
    taken = [False] * (len(text) + 1)

    def free(m) -> bool:
        return not any(taken[m.start():m.end()])

    def take(m, value: str, end: int | None = None):
        end = m.end() if end is None else end
        for k in range(m.start(), end):
            taken[k] = True
        while end > m.start() and text[end - 1] == " ":
            end -= 1
        out.append((value, owner[m.start()], owner[end - 1] + 1))

    has_digit = _DIGIT.search(text) is not None
    opened: dict = {}   # gate -> whether the text passes it (several patterns share a gate)
    for patterns, read in _FAMILIES:
        for kind, pat, gate in patterns:
            if gated and gate is not None:
                ok = opened.get(gate)
                if ok is None:
                    ok = opened[gate] = has_digit and gate.search(text) is not None
                if not ok:
                    continue   # the pattern cannot match
            for m in pat.finditer(text):
                if not free(m):
                    continue
                found = read(kind, m.groupdict(), text, m)
                if found:
                    take(m, found[0])
                    out.extend((v, out[-1][1], out[-1][2]) for v in found[1:])
    for m in _NUMBER.finditer(text) if has_digit or not gated else ():
        if not free(m):
            continue
        x = _num(m.group("n"))
        if x is None:
            continue
        if m.group("half"):
            x += 0.5
        mult = (m.group("mult") or "").lower()
        x *= _FACTOR.get(mult, 1)
        cur = _currency(text, m)
        value = ("pct:" if m.group("pct") else f"{cur}:" if cur else "n:") + _fmt(x)
        unit = _AFTER_WORD.match(text, m.end()) if cur and not m.group("pct") else None
        unit_end = unit.end() if unit and unit.group(1).lower() in _CURRENCY_WORDS else None   # 9.40 rubles
        hm = _DOTTED_TIME.fullmatch(m.group("n"))
        if hm and value.startswith("n:") and not (m.group("ord") or m.group("half") or mult):
            value += f"{AMBIGUOUS}t:{int(hm.group(1)):02d}:{hm.group(2)}"   # 12.30: a number, or half past twelve
        elif m.group("ord") and value.startswith("n:") and 1 <= x <= 31 and x == int(x) \
                and _THE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            value += f"{AMBIGUOUS}{DAY}{int(x):02d}"   # the 9th: a day of a month the context gives
        take(m, value, unit_end)
    return out


#: between the two readings of a value that reads two ways (``n:12.3~t:12:30``)
AMBIGUOUS = "~"
#: a day without its month (the 9th): the same as any date of that day the other reading states
DAY = "day:"
#: "the" just before a number: the tokens are joined with one space, so the few characters before
#: the number are enough to look at (the text before them is not searched)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_DOTTED_TIME = re.compile(r"([01]?\d|2[0-3])\.([0-5]\d)")


def resolve(va: Counter, vb: Counter) -> tuple[Counter, Counter]:
    """Two readings' values with each value that reads two ways (12.30: a number, or a time) taken
    in the reading the other side states, else in its first."""
    def plain(c: Counter) -> set[str]:
        return {k.split(AMBIGUOUS, 1)[0] for k in c}

    def fix(c: Counter, other: set[str]) -> Counter:
        if not any(AMBIGUOUS in k for k in c):
            return c
        out: Counter = Counter()
        for k, n in c.items():
            first, _sep, alt = k.partition(AMBIGUOUS)
            if alt.startswith(DAY):   # the day of a date the other side states in full
                alt = next((o for o in sorted(other) if o.startswith("dm:") and o.endswith("-" + alt[len(DAY):])), "")
            out[alt if alt and alt in other and first not in other else first] += n
        return out

    pa, pb = plain(va), plain(vb)
    return fix(va, pb), fix(vb, pa)


_SYMBOLS = {"£": "gbp", "$": "usd", "€": "eur", "¥": "jpy", "₽": "rub"}
_CURRENCY_WORDS = {"pound": "gbp", "pounds": "gbp", "sterling": "gbp", "dollar": "usd", "dollars": "usd",
                   "euro": "eur", "euros": "eur", "yen": "jpy", "rouble": "rub", "roubles": "rub", "ruble": "rub",
                   "rubles": "rub"}
_AFTER_WORD = re.compile(r"\s+([a-z]+)", re.I)


def _currency(text: str, m) -> str | None:
    """The currency of a number: a symbol just before it (£25,000) or a currency word after it."""
    before = text[:m.start()].rstrip()[-1:]
    if before in _SYMBOLS:
        return _SYMBOLS[before]
    after = _AFTER_WORD.match(text, m.end())
    return _CURRENCY_WORDS.get(after.group(1).lower()) if after else None


def values(words) -> Counter:
    """The numbers, dates and times stated by ``words`` (tokens), as a multiset of canonical values."""
    return Counter(v for v, _i, _j in value_spans(words))
