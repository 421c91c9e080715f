"""The dated officials lexicon: the packaged table is sound, and lookups give exact answers."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import combinations

import pycountry
import pytest

from tacitus.actors.officials import (
    HISTORIC_COUNTRIES,
    IGO_CODES,
    ROLES,
    Official,
    load_officials,
    name_key,
    parse_officials,
)
from tacitus.errors import ConfigError

HEADER = "country\trole\tname\taliases\tstart\tend\tcode\n"
COVERED = ("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA "
           "PRK IRN SYR ISR PSE UKR").split()
# Overlaps in one office that are facts, not typos (docs/lexicons-officials.md, "Overlaps").
OVERLAP_EXCEPTIONS = {
    ("IGOEUREEC", "IGO_HEAD"),  # the Commission and the European Council each have a president
}
ACTING_DURING_SUSPENSION = {("KOR", "HOS", "Han Duck-soo"), ("KOR", "HOS", "Choi Sang-mok")}


@pytest.fixture(scope="module")
def index():
    return load_officials()


@pytest.fixture(scope="module")
def raw_rows(repo_dir):
    """(fields) of every data row, in file order, to see which dates were written month-only."""
    text = (repo_dir / "tacitus" / "actors" / "data" / "officials.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


def _one(found: list[Official]) -> Official:
    assert len(found) == 1, found
    return found[0]


# --- the packaged table --------------------------------------------------------------------

def test_every_row_of_the_packaged_table_parses(index, raw_rows):
    assert len(index) == len(raw_rows)
    assert 3300 <= len(index) <= 4200


def test_start_is_not_after_end(index):
    for o in index.all():
        assert o.end is None or o.start <= o.end, o


def test_roles_are_from_the_vocabulary(index):
    assert {o.role for o in index.all()} <= set(ROLES)
    assert {o.role for o in index.all() if o.country in IGO_CODES} <= {"IGO_HEAD", "FM"}


def test_country_codes_are_iso_or_igo(index):
    iso = {c.alpha_3 for c in pycountry.countries}
    for o in index.all():
        assert o.country in iso or o.country in IGO_CODES or o.country in HISTORIC_COUNTRIES, o


def test_codes_are_the_country_government_or_the_igo(index):
    for o in index.all():
        if o.country in IGO_CODES:
            assert o.code == o.country, o
        elif o.country == "SUN":
            assert o.code == "USRGOV", o
        else:
            assert o.code == f"{o.country}GOV", o


def test_every_covered_state_has_a_leader_and_a_foreign_minister_in_2026(index):
    on = date(2026, 1, 1)
    for country in COVERED:
        roles = {o.role for o in index.all() if o.country == country and o.in_office(on)}
        assert roles & {"HOS", "HOG"}, country
        assert "FM" in roles, country


def _overlap_days(a: Official, b: Official) -> int:
    far = date(9999, 12, 31)
    return (min(a.end or far, b.end or far) - max(a.start, b.start)).days


def _month_only(fields: list[str]) -> bool:
    return any(re.fullmatch(r"\d{4}-\d{2}", f) for f in fields[4:6])


# heads of state and government only (docs/lexicons-officials.md, second coverage table)
LEADERS_ONLY = ("AFG PAK BGD LKA NPL MMR THA VNM MYS PHL KHM SGP LAO KAZ UZB KGZ TJK TKM MNG IRQ "
                "EGY JOR LBN QAT ARE KWT BHR OMN YEM LBY TUN DZA MAR SDN SSD SOM ETH ERI DJI "
                "NGA KEN UGA RWA COD COG GHA SEN MLI NER TCD BFA ZWE TZA CMR CIV AGO MOZ ZMB BDI CAF GIN "
                "POL HUN CZE SVK GRC ESP NLD BEL SWE NOR DNK FIN AUT IRL PRT ROU BGR SRB HRV BIH BLR GEO "
                "ARM AZE MDA LTU LVA EST VEN COL CHL PER BOL ECU CUB NIC HND GTM SLV PAN CRI DOM HTI URY PRY").split()


# Years with no national government in the table: Iraq under the occupation authority
# (2003-05 to 2004-06) and Somalia between the collapse of its 1990s claimants and the 2000
# transitional government.
NO_GOVERNMENT = {("IRQ", 2004), ("SOM", 1998), ("SOM", 1999), ("SOM", 2000)}


def test_every_further_state_has_a_leader_on_every_first_of_january(index):
    """No year-long hole in a state's leadership from 1991, or from its first row (South Sudan
    from independence in 2011); vacancies are shorter than a year, except NO_GOVERNMENT."""
    for country in LEADERS_ONLY:
        terms = [o for o in index.all() if o.country == country]
        assert terms and {o.role for o in terms} <= {"HOS", "HOG", "LEAD", "FM"}, country
        first = min(o.start for o in terms).year + 1
        for year in range(max(1991, first), 2026):
            if (country, year) not in NO_GOVERNMENT:
                assert any(o.in_office(date(year, 1, 1)) for o in terms), (country, year)


@pytest.mark.parametrize("name, on, code", [
    ("Uhuru Kenyatta", date(2017, 6, 1), "KENGOV"),
    ("Duterte", date(2018, 6, 1), "PHLGOV"),
    ("Hun Sen", date(2010, 6, 1), "KHMGOV"),
    ("Maduro", date(2019, 1, 10), "VENGOV"),
    ("Orbán", date(2015, 1, 1), "HUNGOV"),
    ("Salva Kiir", date(2017, 1, 1), "SSDGOV"),
])
def test_further_states_leaders_code_their_state(index, name, on, code):
    assert {o.code for o in index.lookup(name, on)} == {code}


def test_no_two_holders_of_one_office_at_once(index, raw_rows):
    """A month-only date may overlap its neighbour within that month; touching ends are fine."""
    rows = list(zip(index.all(), raw_rows))
    by_office: dict[tuple[str, str], list] = {}
    for o, raw in rows:
        if (o.country, o.role) in OVERLAP_EXCEPTIONS:
            continue
        if (o.country, o.role, o.name) in ACTING_DURING_SUSPENSION:
            continue
        by_office.setdefault((o.country, o.role), []).append((o, raw))
    clashes = []
    for terms in by_office.values():
        for (a, raw_a), (b, raw_b) in combinations(terms, 2):
            days = _overlap_days(a, b)
            tolerance = 31 if _month_only(raw_a) or _month_only(raw_b) else 0
            if days > tolerance:
                clashes.append((a.country, a.role, a.name, b.name, days))
    assert clashes == []


def test_one_word_aliases_do_not_name_two_people_at_once(index):
    """'Bush' may mean father or son, but never two office-holders on the same day."""
    holders: dict[str, list[Official]] = {}
    for o in index.all():
        for n in o.names:
            if " " not in name_key(n):
                holders.setdefault(name_key(n), []).append(o)
    clashes = {(word, a.name, b.name)
               for word, terms in holders.items()
               for a, b in combinations(terms, 2)
               if a.name != b.name and _overlap_days(a, b) > 0}
    assert clashes == set()


def test_common_korean_surnames_are_never_an_alias(index):
    surnames = {"kim", "lee", "park", "choi", "han", "chung", "cho", "kang", "ri", "pak"}
    aliases = {name_key(a) for o in index.all() if o.country in ("KOR", "PRK") for a in o.aliases}
    assert aliases & surnames == set()


# --- exact lookups -------------------------------------------------------------------------

def test_clinton_in_1996_is_the_us_president(index):
    o = _one(index.lookup("Clinton", date(1996, 6, 1)))
    assert (o.name, o.role, o.code) == ("Bill Clinton", "HOS", "USAGOV")


def test_clinton_in_2010_is_the_secretary_of_state(index):
    o = _one(index.lookup("Clinton", date(2010, 6, 1)))
    assert (o.name, o.role, o.code) == ("Hillary Clinton", "FM", "USAGOV")


def test_albright_in_1997_is_the_us_foreign_minister(index):
    o = _one(index.lookup("Albright", date(1997, 11, 27)))
    assert (o.country, o.role, o.code) == ("USA", "FM", "USAGOV")


def test_kim_jong_il_in_1997_is_the_north_korean_leader(index):
    o = _one(index.lookup("Kim Jong Il", date(1997, 6, 1)))
    assert (o.country, o.role, o.code) == ("PRK", "LEAD", "PRKGOV")
    assert index.lookup("kim jong-il", date(1997, 6, 1)) == [o]


def test_putin_is_prime_minister_in_1999_and_president_in_2001(index):
    o = _one(index.lookup("Putin", date(1999, 9, 1)))
    assert (o.country, o.role, o.code) == ("RUS", "HOG", "RUSGOV")
    o = _one(index.lookup("Putin", date(2001, 6, 1)))
    assert (o.country, o.role, o.code) == ("RUS", "HOS", "RUSGOV")


def test_koizumi_in_2004_is_japanese_government(index):
    o = _one(index.lookup("Koizumi", date(2004, 3, 1)))
    assert (o.name, o.role, o.code) == ("Junichiro Koizumi", "HOG", "JPNGOV")


def test_roh_moo_hyun_in_2004_is_south_korean_government(index):
    o = _one(index.lookup("Roh Moo-hyun", date(2004, 6, 1)))
    assert (o.country, o.role, o.code) == ("KOR", "HOS", "KORGOV")


def test_blair_in_2001_is_the_british_prime_minister(index):
    o = _one(index.lookup("Blair", date(2001, 6, 1)))
    assert (o.name, o.country, o.role, o.code) == ("Tony Blair", "GBR", "HOG", "GBRGOV")


def test_a_name_out_of_office_finds_nobody(index):
    assert index.lookup("Thatcher", date(2000, 1, 1)) == []
    assert index.lookup("Clinton", date(2005, 6, 1)) == []
    assert index.lookup("Nobody Atall", date(2000, 1, 1)) == []


def test_without_a_date_every_term_comes_back(index):
    putin = index.lookup("Putin")
    assert [(o.role, o.start) for o in putin] == [
        ("HOS", date(1999, 12, 31)), ("HOS", date(2012, 5, 7)),
        ("HOG", date(1999, 8, 9)), ("HOG", date(2008, 5, 8))]


def test_lookup_ignores_case_accents_and_hyphens(index):
    on = date(2020, 1, 1)
    assert _one(index.lookup("ERDOĞAN", on)) == _one(index.lookup("erdogan", on))
    assert _one(index.lookup("Moon Jae In", on)).name == "Moon Jae-in"


def test_current_holders_have_no_end(index):
    o = _one(index.lookup("Guterres", date(2026, 6, 1)))
    assert (o.code, o.role, o.end) == ("IGOUNO", "IGO_HEAD", None)


def test_igo_heads_carry_the_igo_code(index):
    o = _one(index.lookup("Stoltenberg", date(2020, 1, 1)))
    assert (o.country, o.code) == ("IGOWSTNAT", "IGOWSTNAT")
    o = _one(index.lookup("ElBaradei", date(2003, 1, 1)))
    assert o.code == "IGOUNOIAE"
    o = _one(index.lookup("Solana", date(2005, 1, 1)))
    assert (o.code, o.role) == ("IGOEUREEC", "FM")


def test_name_key_normalises_spelling_variants():
    assert name_key("Kim Jong-il") == name_key("KIM  JONG IL") == "kim jong il"
    assert name_key("George H. W. Bush") == name_key("George H.W. Bush")
    assert name_key("Yıldırım") == "yildirim"
    assert name_key("D\u2019Alema") == "d'alema"


# --- partial dates and malformed rows ------------------------------------------------------

def test_month_only_dates_cover_the_whole_month():
    ix = parse_officials(HEADER + "USA\tFM\tA Person\tPerson\t2001-02\t2003-02\tUSAGOV\n")
    assert [o.start for o in ix.all()] == [date(2001, 2, 1)]
    assert [o.end for o in ix.all()] == [date(2003, 2, 28)]
    assert ix.lookup("person", date(2001, 1, 31)) == []
    assert len(ix.lookup("person", date(2001, 2, 1))) == 1
    assert len(ix.lookup("person", date(2003, 2, 28))) == 1
    assert ix.lookup("person", date(2003, 3, 1)) == []


@pytest.mark.parametrize("row, problem", [
    ("USA\tPOTUS\tA B\t\t2001-01-01\t\tUSAGOV", "role 'POTUS' is not one of HOS"),
    ("USA\tHOS\tA B\t\t2001-13-01\t\tUSAGOV", "start date '2001-13-01' is not a real date"),
    ("USA\tHOS\tA B\t\t1 May 2001\t\tUSAGOV", "start date '1 May 2001' is not YYYY-MM-DD"),
    ("USA\tHOS\tA B\t\t2001-05-01\t2000-01-01\tUSAGOV", "end 2000-01-01 is before start"),
    ("USA\tHOS\tA B\t\t\t\tUSAGOV", "empty start date"),
    ("XXX\tHOS\tA B\t\t2001-05-01\t\tXXXGOV", "country 'XXX' is not an ISO 3166 alpha-3"),
    ("USA\tHOS\t\t\t2001-05-01\t\tUSAGOV", "empty name"),
    ("USA\tHOS\tA B\t\t2001-05-01\t\tusa gov", "code 'usa gov' is not a CAMEO code"),
    ("USA\tHOS\tA B\t2001-05-01\tUSAGOV", "5 tab-separated fields, expected 7"),
])
def test_a_malformed_row_names_the_file_line_and_problem(tmp_path, row, problem):
    path = tmp_path / "bad.tsv"
    path.write_text("# comment\n" + HEADER + "USA\tHOS\tOk Row\t\t2000-01-01\t\tUSAGOV\n"
                    + row + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_officials(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line 4: ")
    assert problem in message


def test_a_wrong_or_missing_header_is_refused():
    with pytest.raises(ConfigError, match=r"<t>, line 1: header must be country<TAB>role"):
        parse_officials("name\tcountry\n", origin="<t>")
    with pytest.raises(ConfigError, match="no header line"):
        parse_officials("# only a comment\n", origin="<t>")


def test_an_unreadable_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read the officials table"):
        load_officials(tmp_path / "missing.tsv")


# --- the docs ------------------------------------------------------------------------------

def test_the_docs_coverage_table_matches_the_table(index, repo_dir):
    doc = (repo_dir / "docs" / "lexicons-officials.md").read_text("utf-8")
    documented = {m[1]: int(m[2]) for m in re.finditer(r"^\| `(\w+)` \|[^|]*\| (\d+) \|", doc,
                                                       flags=re.M)}
    assert documented == dict(Counter(o.country for o in index.all()))
    for role in ROLES:
        assert f"`{role}`" in doc


def test_a_surname_with_its_arabic_article_is_the_surname(index):
    # the table lists "Sarraj" as an alias; the press writes "al-Sarraj" and "el-Sisi"
    assert [o.code for o in index.lookup("al-Sarraj", date(2018, 1, 1))] == ["LBYGOV", "LBYGOV"]
    assert [o.code for o in index.lookup("el-Sisi", date(2018, 1, 1))] == ["EGYGOV"]
    assert index.lookup("al-Nobody", date(2018, 1, 1)) == []
