"""Event locations: the gazetteer (GeoNames + pycountry + our places.tsv) and the resolver that
finds an event's "where" in its sentence. See docs/places.md."""

from .gazetteer import Gazetteer
from .place import FEATURES, Place
from .resolver import Located, PlaceResolver

__all__ = ["FEATURES", "Gazetteer", "Located", "Place", "PlaceResolver"]
