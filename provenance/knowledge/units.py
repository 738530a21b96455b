"""Units of measurement, as Pint's unit definitions (the ``pint`` package's registry, read offline)
name them: "ha" and "hectares", "km²" and "square kilometres", "km/h" and "kilometres per hour",
"kWh" and "kilowatt-hours" are one unit written two ways.

The registry (about 900 definitions with their symbols, plurals and prefixes) is built on the first
question, in about half a second, and never written to a cache on disk. A text is asked about only
where it follows a number, so that "in", "m" or "t" are read as units only there.

``apart`` tells two units of other sizes apart where WordNet lets them share a sense (minutes and
hours are both "a short time"), from WordNet's own hypernyms, without building the registry.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

_lock = threading.Lock()
_registry = None

#: texts never read as a unit even after a number: words of ordinary prose that Pint defines as a
#: unit or reads as a prefix and a unit ("a" the year, "at" the atmosphere, "ac" atto-c)
_NOT_UNITS = frozenset({"a", "at", "ac", "as", "am", "an", "by", "cd", "do", "is", "it", "me", "of", "or",
                        "per", "the", "to", "us", "we"})


def registry():
    """Pint's registry of units (built once per process)."""
    global _registry
    with _lock:
        if _registry is None:
            import pint
            _registry = pint.UnitRegistry(cache_folder=None)
    return _registry


#: a translation's ton, tonne and t: the metric ton (Pint's "ton" is the US short ton)
TONS = frozenset({"ton", "tons", "tonne", "tonnes", "t", "metric ton", "metric tons"})


#: "sq m", "cu ft": the abbreviations of "square" and "cubic" before a unit (Pint reads "cu" as a prefix)
_SQUARE_CUBIC = re.compile(r"\b(sq|cu)\.?\s+(?=[a-zA-Z])", re.I)


@lru_cache(maxsize=8192)
def unit(text: str) -> tuple[str, float] | None:
    """The dimension of the unit ``text`` writes and its size in base units, or None when ``text``
    is no unit of a dimension (an ordinary word, a bare number, a dimensionless count)."""
    t = _SQUARE_CUBIC.sub(lambda m: "square " if m.group(1).lower() == "sq" else "cubic ", text.strip().replace("-", " "))
    if t.lower() in TONS:
        t = "tonne"   # a translation's or British "ton" is the metric one
    if not t or not any(c.isalpha() for c in t) or t.lower() in _NOT_UNITS or t.split()[0].lower() in _NOT_UNITS:
        return None
    reg = registry()
    try:
        try:
            u = reg.parse_units(t)
        except Exception:   # a unit named in two words ("nautical miles": nautical_mile)
            if " " not in t:
                raise
            u = reg.parse_units(t.replace(" ", "_"))
        dim = u.dimensionality
        if not dim:
            return None   # percent, dozen, ppm: a number's scale, which the values compare
        size = reg.Quantity(1.0, u).to_base_units().magnitude
    except Exception:   # Pint's errors of a text that is no unit (undefined, offset arithmetic, syntax)
        return None
    return str(dim), float(f"{size:.9g}")


def same_unit(x: str, y: str) -> bool:
    """Whether two texts are one unit written two ways (ha / hectares, km/h / kilometres per hour)."""
    if x.lower() in TONS and y.lower() in TONS:
        return True
    ux = unit(x)
    return ux is not None and ux == unit(y)


#: the words of time that a value may be written with, by the unit they name ("1400 hours" is the
#: time 2 p.m.; "5 minutes" and "5 hours" are two lengths of time)
TIME_WORDS = {"hours": "hour", "hour": "hour", "hrs": "hour", "hr": "hour", "h": "hour", "minutes": "minute",
              "minute": "minute", "min": "minute", "mins": "minute", "day": "day", "days": "day",
              "century": "century", "centuries": "century", "decade": "decade", "decades": "decade"}


def time_units(words) -> set[str]:
    """The units of time that ``words`` name (hrs, hours -> hour)."""
    return {TIME_WORDS[lw] for w in words if (lw := w.lower().strip(".")) in TIME_WORDS}


#: the lexicographer files of WordNet's nouns that units of measurement are among (noun.quantity, noun.time)
UNIT_FILES = frozenset({23, 28})


def _unit_senses(wn, word: str) -> set[int]:
    """The first noun senses of ``word`` (one per base form) that are units of measurement."""
    return {o for x in wn.base_forms(word, "n") for o in wn.offsets(x, "n")[:1] if _a_unit(wn, o)}


def unit_noun(wn, word: str) -> bool:
    """Whether the first noun sense of ``word`` (of one of its base forms) is a unit of measurement."""
    return bool(_unit_senses(wn, word))


def apart(wn, a: str, b: str) -> bool:
    """Two units of measurement of other sizes (minutes/hours, seconds/minutes), which WordNet lets
    share a sense ("a short time") but which are never put for each other: the first sense of each
    (of one of its base forms) is a unit of measurement that the other word does not name. Asked of
    WordNet ``wn`` alone, without Pint's registry."""
    if not (wn.fields(a, "n", None) & UNIT_FILES and wn.fields(b, "n", None) & UNIT_FILES):
        return False
    first = [_unit_senses(wn, w) for w in (a, b)]
    return bool(first[0] and first[1]) and not (first[0] & {o for p, o in wn.senses(b, None) if p == "n"}
                                                or first[1] & {o for p, o in wn.senses(a, None) if p == "n"})


@lru_cache(maxsize=1 << 10)
def _a_unit(wn, offset: int, depth: int = 8) -> bool:
    """Whether a noun sense is a unit of measurement: a kind of a unit ("time_unit", "linear_unit",
    "unit_of_measurement"), some steps up WordNet's hypernyms."""
    level = {offset}
    for _ in range(depth):
        level = {o for off in level for sym, o, _p, _s, _d in wn.synset("n", off)[1] if sym in ("@", "@i")}
        if not level:
            return False
        if any(w.endswith("_unit") or w.startswith("unit_of_") for o in level for w in wn.synset("n", o)[0]):
            return True
    return False
