"""The `Place` record and the name key every gazetteer table is indexed by."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# What a Place is: a whole country, a first-level division (only US states, from our file), a
# populated place, a site outside a city (Panmunjom, Camp David), or a building or compound.
FEATURES = ("country", "admin1", "city", "site", "building")


@dataclass(frozen=True, slots=True)
class Place:
    """One resolved place.

    `country` is ISO 3166 alpha-3 (CAMEO's code where they differ: Kosovo is KSV); `admin1` is
    the GeoNames first-level key ("US.DC", "KR.11"), None for countries and for sites we place
    in no province; `lat`/`lon` are decimal degrees (a country's are its capital's); `feature`
    is one of FEATURES.
    """

    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    feature: str


FOLD = str.maketrans({".": "", ",": " ", "-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ",
                      "\u2014": " ", "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def key_of(name: str) -> str:
    """Lookup key: diacritics, periods, hyphens and case folded, a leading "the" dropped, so
    "the U.S. State Department" == "US State Department" and "Kaesong" == "Kaesŏng"."""
    if not name.isascii():
        name = "".join(ch for ch in unicodedata.normalize("NFKD", name)
                       if not unicodedata.combining(ch))
    words = name.translate(FOLD).casefold().split()
    if len(words) > 1 and words[0] == "the":
        del words[0]
    return " ".join(words)


# Heads of the names of open water ("the Gulf of Oman", "the South China Sea"): no state's
WATER_HEADS = frozenset({"bay", "gulf", "sea", "strait", "straits", "ocean", "lake", "channel", "sound"})
