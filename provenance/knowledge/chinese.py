"""Chinese names in two romanizations: Wade-Giles (Chou En-lai, Hsü Chen-pang) and Hanyu Pinyin
(Zhou Enlai, Xu Zhenbang), from ``pypinyin``'s own table of the syllables in both systems; a
Wade-Giles syllable stands for the pinyin syllables it is written for there."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache



def _plain(s: str) -> str:
    """Lower case without tone marks, diaeresis or apostrophes (ch'i -> chi, hsü -> hsu)."""
    s = "".join(c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c))
    return re.sub(r"['’‘ʻ]", "", s).replace("v", "u")


@lru_cache(maxsize=1)
def wade_giles() -> dict[str, frozenset[str]]:
    """Each Wade-Giles syllable (plain) and the pinyin syllables it writes, from ``pypinyin``'s
    conversion table (its whole-syllable table, read directly: a few hundred pairs; when a later
    ``pypinyin`` has no such table, every reading of its dictionary is converted instead)."""
    try:
        from pypinyin.style.wadegiles import _convert_table, _except_table
        pairs = list(_convert_table) + list(_except_table)
    except ImportError:   # pragma: no cover - another layout of the package
        from pypinyin import Style
        from pypinyin.pinyin_dict import pinyin_dict
        from pypinyin.style import convert
        readings = {r for rs in pinyin_dict.values() for r in rs.split(",")}
        pairs = [(convert(r, Style.NORMAL, True), convert(r, Style.WADEGILES, True)) for r in readings]
    out: dict[str, set[str]] = {}
    for py, wg in pairs:
        py = _plain(py)
        if py and wg and re.search(r"[aeiou]", py):
            out.setdefault(_plain(wg), set()).add(py)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _wade_giles_syllables() -> frozenset[str]:
    return frozenset(wade_giles())


@lru_cache(maxsize=1)
def _pinyin() -> frozenset[str]:
    return frozenset(p for ps in wade_giles().values() for p in ps)


def wade_giles_words(words) -> int:
    """How many Wade-Giles syllables romanized words are ("ch'ien-chuang": 2, "fa-pi": 2, "Chien-she
    T'ing": 3), 0 unless each part between hyphens and spaces is a Wade-Giles syllable and the
    words bear the system's marks: a hyphen between syllables or an apostrophe after an initial."""
    text = " ".join(words).strip(".,;:")
    if not re.search(r"\w-\w|\b(?:ch|k|p|t|ts|tz)['’‘ʻ]", text, re.IGNORECASE):
        return 0
    parts = [p for p in re.split(r"[\s-]+", text) if p]
    table = _wade_giles_syllables()
    if not parts or not all(p.replace("'", "").replace("’", "").isalpha() and _plain(p) in table for p in parts):
        return 0
    return len(parts)


def syllable_cut(word: str, syl: frozenset[str]) -> list[str] | None:
    """``word`` cut into the fewest syllables of ``syl`` (of six letters at most), or None."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for i in range(1, len(word) + 1):
        for k in range(max(0, i - 6), i):
            if best[k] is not None and word[k:i] in syl and (best[i] is None or len(best[k]) + 1 < len(best[i])):
                best[i] = best[k] + [word[k:i]]
    return best[-1]


#: letters only Wade-Giles writes (hs, ch, ts, tz, the apostrophe, ü, the hyphen between syllables,
#: an initial k/p/t for pinyin's g/b/d) and letters only pinyin writes: a pair without both is not
#: worth loading the table for
_WG_MARK = re.compile(r"hs|ch|ts|tz|['’ü-]|(?:^|\s)[kpt]", re.IGNORECASE)
_PY_MARK = re.compile(r"[xqzjbdg]|(?:^|\s)r", re.IGNORECASE)


def same_romanized(x: str, y: str) -> bool:
    """Whether two capitalized names are one Chinese name in Wade-Giles and in pinyin (Hsü/Xu,
    Chen-pang/Zhenbang, Mao Tse-tung/Mao Zedong): syllable for syllable, each Wade-Giles syllable
    one that writes the pinyin syllable facing it."""
    if not (x[:1].isupper() and y[:1].isupper()) or x.lower() == y.lower():
        return False
    for wg, py in ((x, y), (y, x)):
        if not (_WG_MARK.search(wg) and _PY_MARK.search(py)):
            continue
        wg_syl = []
        for part in re.split(r"[\s-]+", _plain(wg)):
            # "Chingho": Wade-Giles written without its hyphen, cut into its syllables
            wg_syl += [part] if part in wade_giles() or not part else (syllable_cut(part, _wade_giles_syllables()) or [part])
        py_syl: list[str] = []
        for part in re.split(r"[\s'’-]+", _plain(py)):
            seg = syllable_cut(part, _pinyin()) if part else []
            if seg is None:
                py_syl = []
                break
            py_syl += seg
        table = wade_giles()
        if wg_syl and len(wg_syl) == len(py_syl) and all(
                p == w or p in table.get(w, ()) for w, p in zip(wg_syl, py_syl)):
            return True
    return False
