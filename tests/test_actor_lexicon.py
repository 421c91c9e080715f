"""The actor lexicon: packaged tables parse and validate, lookups and longest matches are exact."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pycountry
import pytest

from tacitus.actors.lexicon import ActorEntry, ActorLexicon, normalise
from tacitus.errors import ConfigError

TABLES = (
    "cameo_codes.tsv", "countries.tsv", "organs.tsv", "igos.tsv", "agents.tsv", "groups.tsv")


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return ActorLexicon.load()


def codes(entries: list[ActorEntry]) -> list[str]:
    return [entry.code for entry in entries]


def scan(lex: ActorLexicon, words: list[str]) -> list[tuple[str, str]]:
    """Greedy left-to-right tagging, as the resolver does it: (matched text, first code)."""
    return [(" ".join(words[i:i + n]), entries[0].code) for i, n, entries in lex.scan(words)]


# --- the packaged tables ---------------------------------------------------------------------

def test_packaged_tables_parse_and_are_cached(lex: ActorLexicon) -> None:
    data = Path(str(resources.files("tacitus.actors") / "data"))
    again = ActorLexicon.from_dir(data)
    assert ActorLexicon.load() is lex
    assert dict(again.items()) == dict(lex.items())
    assert len(dict(lex.items())) > 2000


def test_every_country_code_is_iso_or_a_documented_cameo_code(lex: ActorLexicon) -> None:
    iso = {c.alpha_3 for c in pycountry.countries}
    iso |= {c.alpha_3 for c in pycountry.historic_countries}
    table = (resources.files("tacitus.actors") / "data" / "cameo_codes.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in table.splitlines() if line and not line.startswith("#")]
    documented = {row[0] for row in rows[1:] if row[1] in ("country", "region")}
    assert {"KSV", "USR", "EUR", "MEA", "WST"} <= documented
    seen = set()
    for _, entries in lex.items():
        for entry in entries:
            if entry.country is not None:
                assert entry.country in iso | documented, entry
                assert entry.code.startswith(entry.country), entry
                seen.add(entry.country)
    assert {"PRK", "KSV", "USR", "YUG", "AFR"} <= seen


def test_no_phrase_names_two_countries_unless_flagged(lex: ActorLexicon) -> None:
    clashes = 0
    for key, entries in lex.items():
        placed = [e for e in entries if e.country is not None and e.kind != "region"]
        if len({e.country for e in placed}) > 1:
            clashes += 1
            assert all(e.ambiguous for e in placed), (key, placed)
    assert clashes >= 5  # Korea, Korean, Congo, Congolese, Dominican, the North, the South


def test_demonyms_cover_every_current_state(lex: ActorLexicon) -> None:
    states = {e.country for _, entries in lex.items() for e in entries
              if e.kind == "demonym" and e.country in {c.alpha_3 for c in pycountry.countries}}
    # 193 UN members + Palestine + Taiwan; Kosovo (KSV) is not in ISO 3166.
    assert len(states) == 195
    assert {"PRK", "KOR", "USA", "ISR", "PSE", "TWN", "SSD", "TLS", "MNE"} <= states
    assert lex.lookup("Kosovar")[0].country == "KSV"


# --- exact lookups ---------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, code, kind", [
    ("North Korea", "PRK", "country"),
    ("N. Korea", "PRK", "country"),
    ("N Korea", "PRK", "country"),
    ("DPRK", "PRK", "country"),
    ("Democratic People's Republic of Korea", "PRK", "country"),
    ("North Korean", "PRK", "demonym"),
    ("North Koreans", "PRK", "demonym"),
    ("Pyongyang", "PRK", "capital"),
    ("Washington", "USA", "capital"),
    ("Washington, D.C.", "USA", "capital"),
    ("Peking", "CHN", "capital"),
    ("Beijing", "CHN", "capital"),
    ("Seoul", "KOR", "capital"),
    ("Rangoon", "MMR", "capital"),
    ("U.S.", "USA", "country"),
    ("US", "USA", "country"),
    ("U.S.A.", "USA", "country"),
    ("American", "USA", "demonym"),
    ("Americans", "USA", "demonym"),
    ("Israeli", "ISR", "demonym"),
    ("Palestinian", "PSE", "demonym"),
    ("Britain", "GBR", "country"),
    ("Burma", "MMR", "country"),
    ("Ivory Coast", "CIV", "country"),
    ("Côte d’Ivoire", "CIV", "country"),
    ("Kosovo", "KSV", "country"),
    ("Soviet Union", "USR", "country"),
    ("Gaza Strip", "PSEGZS", "country"),
    ("Middle East", "MEA", "region"),
    ("the State Department", "USAGOV", "organ"),
    ("State Department", "USAGOV", "organ"),
    ("Pentagon", "USAMIL", "organ"),
    ("Kremlin", "RUSGOV", "organ"),
    ("Blue House", "KORGOV", "organ"),
    ("Elysée", "FRAGOV", "organ"),
    ("Downing Street", "GBRGOV", "organ"),
    ("Knesset", "ISRLEG", "organ"),
    ("Korean People's Army", "PRKMIL", "organ"),
    ("KCNA", "PRKMED", "organ"),
    ("Foreign Ministry", "GOV", "organ"),
    ("ministry of foreign affairs", "GOV", "organ"),
    ("Defense Ministry", "GOVMIL", "organ"),
    ("Supreme Court", "JUD", "organ"),
    ("United Nations", "IGOUNO", "igo"),
    ("UN", "IGOUNO", "igo"),
    ("U.N.", "IGOUNO", "igo"),
    ("IAEA", "IGOUNOIAE", "igo"),
    ("European Union", "IGOEUREEC", "igo"),
    ("NATO", "IGOWSTNAT", "igo"),
    ("African Union", "IGOAFRAFU", "igo"),
    ("World Food Programme", "IGOUNOWFP", "igo"),
    ("UNHCR", "IGOUNOREFHCR", "igo"),
    ("UNICEF", "IGOUNOKID", "igo"),
    ("Red Cross", "NGOHLHIRC", "igo"),
    ("World Bank", "IGOUNODEVWBK", "igo"),
    ("Arab League", "IGOMEAARL", "igo"),
    ("OSCE", "IGOEURSCE", "igo"),
    ("IMF", "IGOBUSIMF", "igo"),
    ("World Health Organization", "IGOUNOHLHWHO", "igo"),
    ("officials", "GOV", "agent"),
    ("peacekeepers", "IGOPKO", "agent"),
    ("international inspectors", "IGO", "agent"),
])
def test_exact_lookup(lex: ActorLexicon, phrase: str, code: str, kind: str) -> None:
    entries = lex.lookup(phrase)
    assert codes(entries) == [code]
    assert entries[0].kind == kind


def test_entries_carry_country_sector_and_canonical_name(lex: ActorLexicon) -> None:
    assert lex.lookup("Pyongyang") == [ActorEntry("PRK", "PRK", None, "North Korea", "capital")]
    assert lex.lookup("the State Department") == [
        ActorEntry("USAGOV", "USA", "GOV", "State Department", "organ")]
    assert lex.lookup("IAEA") == [
        ActorEntry("IGOUNOIAE", None, "IGO", "International Atomic Energy Agency", "igo")]
    assert lex.lookup("Foreign Ministry")[0].country is None


def test_completeness_tells_the_coder_when_a_country_is_needed(lex: ActorLexicon) -> None:
    assert lex.lookup("Pentagon")[0].complete
    assert lex.lookup("UN")[0].complete
    assert lex.lookup("peacekeepers")[0].complete
    assert not lex.lookup("troops")[0].complete
    assert not lex.lookup("defence ministry")[0].complete


def test_case_rule_keeps_common_words_out(lex: ActorLexicon) -> None:
    assert lex.lookup("us") == []
    assert lex.lookup("Us") == []
    assert lex.lookup("who") == []
    assert codes(lex.lookup("WHO")) == ["IGOUNOHLHWHO"]
    assert lex.lookup("turkey") == []
    assert lex.lookup("the north") == []
    assert lex.lookup("china") == []
    assert codes(lex.lookup("NORTH KOREA")) == ["PRK"]  # headlines in capitals still match
    assert codes(lex.lookup("POLICE")) == ["COP"]  # lower-case phrases match any case


def test_ambiguity_is_returned_as_data(lex: ActorLexicon) -> None:
    korea = lex.lookup("Korea")
    assert codes(korea) == ["KOR", "PRK"]
    assert [e.ambiguous for e in korea] == [("country:PRK",), ("country:KOR",)]
    assert lex.lookup("Georgia")[0].ambiguous == ("us-state",)
    assert lex.lookup("Jordan")[0].ambiguous == ("person", "river")
    assert lex.lookup("Washington")[0].ambiguous == ("us-state", "person")
    assert lex.lookup("Turkey")[0].ambiguous == ("common-noun",)
    assert codes(lex.lookup("Congolese")) == ["COD", "COG"]
    assert lex.lookup("Pyongyang")[0].ambiguous == ()


def test_contextual_short_forms_name_what_they_need(lex: ActorLexicon) -> None:
    north = lex.lookup("the North")
    assert [(e.code, e.kind, e.requires) for e in north] == [
        ("PRK", "contextual", ("KOR", "PRK")), ("SDN", "contextual", ("SDN", "SSD"))]
    assert [(e.code, e.requires) for e in lex.lookup("the South")] == [
        ("KOR", ("KOR", "PRK")), ("SSD", ("SDN", "SSD"))]
    assert lex.lookup("North") == []  # "the" is part of the contextual phrase
    assert lex.lookup("the mainland")[0].requires == ("TWN", "HKG", "MAC")


def test_library_names_come_from_pycountry(lex: ActorLexicon) -> None:
    assert codes(lex.lookup("Bolivarian Republic of Venezuela")) == ["VEN"]
    assert codes(lex.lookup("Lao People's Democratic Republic")) == ["LAO"]
    assert codes(lex.lookup("Republic of the Niger")) == ["NER"]
    assert codes(lex.lookup("Aruba")) == ["ABW"]
    assert codes(lex.lookup("Falkland Islands")) == ["FLK"]
    assert lex.lookup("Virgin Islands") == []  # two territories share it: left out


# --- longest match ---------------------------------------------------------------------------

def test_longest_match_counts_a_leading_the() -> None:
    lex = ActorLexicon.load()
    words = ["the", "United", "States", "and"]
    assert lex.longest_match(words, 0) == (3, lex.lookup("United States"))
    assert lex.longest_match(words, 1) == (2, lex.lookup("United States"))
    assert lex.longest_match(words, 3) is None
    assert lex.longest_match(words, 4) is None


def test_longest_match_prefers_the_longer_phrase(lex: ActorLexicon) -> None:
    assert scan(lex, ["North", "Korean", "officials", "said"]) == [
        ("North Korean", "PRK"), ("officials", "GOV")]
    assert scan(lex, ["the", "U.N.", "Security", "Council", "met"]) == [
        ("the U.N. Security Council", "IGOUNO")]
    assert scan(lex, ["the", "National", "Security", "Council", "met"]) == [
        ("the National Security Council", "GOV")]
    assert scan(lex, ["the", "West", "Bank"]) == [("the West Bank", "PSEWSB")]
    # a phrase that keeps its "the", and "the" before a word that begins none
    assert scan(lex, ["in", "The", "Hague", "the", "talks", "with", "the", "North"]) == [
        ("The Hague", "NLD"), ("the North", "PRK")]


def test_longest_match_never_ends_on_punctuation(lex: ActorLexicon) -> None:
    assert lex.longest_match(["U.S.", ",", "and"], 0) == (1, lex.lookup("US"))
    assert lex.longest_match([",", "U.S."], 0) is None
    assert lex.longest_match(["Guinea", "-", "Bissau"], 0) == (3, lex.lookup("Guinea-Bissau"))


def test_spacy_tokens_match(lex: ActorLexicon, nlp) -> None:
    text = ("Washington and Pyongyang have talked, the Korean People’s Army said, while U.N. "
            "inspectors and Côte d’Ivoire’s foreign ministry watched talks in Washington, D.C.")
    words = [token.text for token in nlp.make_doc(text)]
    assert scan(lex, words) == [
        ("Washington", "USA"), ("Pyongyang", "PRK"), ("the Korean People ’s Army", "PRKMIL"),
        ("U.N.", "IGOUNO"), ("inspectors", "GOV"), ("Côte d’Ivoire", "CIV"),
        ("foreign ministry", "GOV"), ("Washington , D.C.", "USA")]


def test_seed_article_lead(lex: ActorLexicon, seeds_dir: Path, nlp) -> None:
    path = seeds_dir / "000_360b948eee3ea0f4.txt"
    if not path.is_file():
        pytest.skip("seed article 000 is absent")
    lead = next(p for p in path.read_text(encoding="utf-8").split("\n") if "State Department" in p)
    first = next(s for s in nlp(lead).sents)
    assert scan(lex, [t.text for t in first]) == [
        ("the United States", "USA"), ("North Korea", "PRK"),
        ("the State Department", "USAGOV"), ("diplomats", "GOV")]


# --- agents, names, normalisation --------------------------------------------------------------

@pytest.mark.parametrize("noun, sector", [
    ("troops", "MIL"), ("soldier", "MIL"), ("army", "MIL"), ("officials", "GOV"),
    ("diplomats", "GOV"), ("police", "COP"), ("rebels", "REB"), ("militants", "REB"),
    ("insurgents", "INS"), ("militia", "UAF"), ("protesters", "OPP"), ("opposition", "OPP"),
    ("journalists", "MED"), ("businessmen", "BUS"), ("civilians", "CVL"), ("villagers", "CVL"),
    ("refugees", "REF"), ("students", "EDU"), ("workers", "LAB"), ("judges", "JUD"),
    ("lawmakers", "LEG"), ("MPs", "LEG"), ("peacekeepers", "PKO"), ("riot police", "COP"),
])
def test_agent_sector(lex: ActorLexicon, noun: str, sector: str) -> None:
    assert lex.agent_sector(noun) == sector


def test_agent_sector_takes_lower_case_lemmas(lex: ActorLexicon) -> None:
    assert lex.agent_sector("mp") == "LEG"
    assert lex.agent_sector("Soldiers") == "MIL"


def test_agent_sector_is_none_for_non_agents(lex: ActorLexicon) -> None:
    assert lex.agent_sector("Pyongyang") is None
    assert lex.agent_sector("banana") is None


def test_country_name(lex: ActorLexicon) -> None:
    assert lex.country_name("PRK") == "North Korea"
    assert lex.country_name("USA") == "United States"
    assert lex.country_name("GBR") == "United Kingdom"
    assert lex.country_name("BOL") == "Bolivia"  # pycountry common name
    assert lex.country_name("ABW") == "Aruba"  # pycountry name
    assert lex.country_name("KSV") == "Kosovo"
    assert lex.country_name("EUR") == "Europe"
    with pytest.raises(ConfigError, match="unknown country code 'XYZ'"):
        lex.country_name("XYZ")


def test_normalise() -> None:
    assert normalise("U.S.") == normalise("US") == "us"
    assert normalise("N. Korea") == normalise("N  Korea") == "n korea"
    assert normalise("Côte d’Ivoire") == "cote d'ivoire"
    assert normalise("Guinea–Bissau") == "guinea bissau"
    assert normalise("Korea's") == "korea 's"


# --- named groups ----------------------------------------------------------------------------

def group_entries(lex: ActorLexicon) -> list[ActorEntry]:
    return list({e for _, entries in lex.items() for e in entries if e.kind == "group"})


def test_group_codes_start_with_a_home_country_or_an_international_prefix(
        lex: ActorLexicon) -> None:
    iso = {c.alpha_3 for c in pycountry.countries} | {"KSV"}
    groups = group_entries(lex)
    assert len({e.code for e in groups}) >= 300
    for entry in groups:
        assert len(entry.code) % 3 == 0 and 6 <= len(entry.code) <= 15, entry
        if entry.country is None:
            assert entry.sector in {"IMG", "NGO", "NGM", "MNC"}, entry
            assert entry.code.startswith(entry.sector), entry
        else:
            assert entry.country in iso or entry.country == "SRB", entry
            assert entry.code.startswith(entry.country), entry
            assert entry.sector in entry.code[3:9], entry
        assert entry.complete


@pytest.mark.parametrize("phrase, code", [
    ("the Taliban", "AFGREBTAL"),
    ("Taliban", "AFGREBTAL"),
    ("Taleban", "AFGREBTAL"),
    ("Hezbollah", "LBNREBHEZ"),
    ("Hizbollah", "LBNREBHEZ"),
    ("Hamas", "PSEREBHMS"),
    ("Boko Haram", "NGAINSBKH"),
    ("ISIS", "IMGMOSISI"),
    ("ISIL", "IMGMOSISI"),
    ("the Islamic State", "IMGMOSISI"),
    ("Islamic State group", "IMGMOSISI"),
    ("Daesh", "IMGMOSISI"),
    ("al-Qaeda", "IMGMOSALQ"),
    ("Al Qaeda", "IMGMOSALQ"),
    ("al-Qaida", "IMGMOSALQ"),
    ("al-Shabaab", "SOMINSSHB"),
    ("the PKK", "TURREBPKK"),
    ("Houthi", "YEMINSHTH"),
    ("Houthis", "YEMINSHTH"),
    ("FARC", "COLINSFRC"),
    ("Farc", "COLINSFRC"),
    ("the ELN", "COLINSELN"),
    ("the Muslim Brotherhood", "EGYOPPMBR"),
    ("Fatah", "PSEGOVFTA"),
    ("the PLO", "PSEGOVPLO"),
    ("LTTE", "LKASEPLTE"),
    ("Tamil Tigers", "LKASEPLTE"),
    ("the New People's Army", "PHLINSNPA"),
    ("Wagner Group", "RUSUAFWGR"),
    ("Kosovo Liberation Army", "SRBKSVSEPKLA"),
    ("Pakistani Taliban", "PAKINSTTP"),
    ("Sinn Fein", "GBRPTYSFN"),
    ("Likud", "ISRPTYLKD"),
    ("ANC", "ZAFPTYANC"),
    ("BJP", "INDPTYBJP"),
    ("Reuters", "GBRMEDRTR"),
    ("Agence France-Presse", "FRAMEDAFP"),
    ("Al Jazeera", "QATMEDAJZ"),
    ("the Guardian", "GBRMEDGRD"),
    ("Gazprom", "RUSBUSGAZ"),
    ("Saudi Aramco", "SAUBUSARM"),
    ("Huawei", "CHNBUSHWI"),
    ("Halliburton", "MNCUSAHAL"),
    ("Reporters Without Borders", "NGOMEDRSF"),
])
def test_group_lookup(lex: ActorLexicon, phrase: str, code: str) -> None:
    entries = lex.lookup(phrase)
    assert codes(entries) == [code]
    assert entries[0].kind == "group"


@pytest.mark.parametrize("phrase, code", [
    ("Human Rights Watch", "NGOHRIHRW"),
    ("Amnesty International", "NGOHRIAMN"),
    ("Médecins Sans Frontières", "NGOHLHMSF"),
    ("Doctors Without Borders", "NGOHLHMSF"),
    ("Greenpeace", "NGMENVGRP"),
    ("the Red Crescent", "NGOHLHRCR"),
])
def test_ngos_stay_in_the_igo_table(lex: ActorLexicon, phrase: str, code: str) -> None:
    assert [(e.code, e.kind) for e in lex.lookup(phrase)] == [(code, "igo")]


def test_group_entries_carry_home_country_sector_and_canonical_name(lex: ActorLexicon) -> None:
    assert lex.lookup("Hamas") == [ActorEntry("PSEREBHMS", "PSE", "REB", "Hamas", "group")]
    assert lex.lookup("Qassam Brigades") == lex.lookup("Hamas")  # armed wing: same actor
    assert lex.lookup("al-Qaeda") == [
        ActorEntry("IMGMOSALQ", None, "IMG", "al-Qaeda", "group")]
    assert lex.lookup("Daesh")[0].name == "Islamic State"
    assert lex.lookup("Kosovo Liberation Army")[0].country == "SRB"
    assert lex.lookup("Kosovo")[0].code == "KSV"  # the longer phrase does not change the short
    assert lex.lookup("Halliburton")[0].country is None


def test_group_case_rule(lex: ActorLexicon) -> None:
    assert lex.lookup("is") == [] and lex.lookup("Is") == []
    assert [(e.code, e.ambiguous) for e in lex.lookup("IS")] == [("IMGMOSISI", ("common-noun",))]
    assert lex.lookup("hamas") == []
    assert codes(lex.lookup("HAMAS")) == ["PSEREBHMS"]
    assert lex.lookup("afd") == [] and codes(lex.lookup("AfD")) == ["DEUPTYAFD"]
    assert lex.lookup("Guardian") == [] and lex.lookup("guardian") == []


def test_group_ambiguity_is_returned_as_data(lex: ActorLexicon) -> None:
    maoists = lex.lookup("Maoists")
    assert [(e.code, e.ambiguous) for e in maoists] == [
        ("INDINSCPM", ("country:NPL",)), ("NPLINSCPN", ("country:IND",))]
    assert [(e.code, e.ambiguous) for e in lex.lookup("RSF")] == [
        ("SDNUAFRSF", ("acronym",)), ("NGOMEDRSF", ("acronym",))]
    assert lex.lookup("AP")[0].ambiguous == ("acronym",)
    assert lex.lookup("IRA")[0].ambiguous == ("acronym",)
    assert lex.lookup("Labour Party")[0].ambiguous == ("namesake",)
    assert lex.lookup("British Labour Party")[0].ambiguous == ()
    assert lex.lookup("Wagner")[0].ambiguous == ("person",)
    assert lex.lookup("Wagner Group")[0].ambiguous == ()


def test_spacy_tokens_match_groups(lex: ActorLexicon, nlp) -> None:
    text = ("Al-Qaeda and the Taliban-allied Haqqani Network met Hezb-e-Islami, ISIS-K and "
            "Al-Aqsa Martyrs’ Brigades, AFP reported, while Pakistani Taliban fighters attacked "
            "the New People's Army and Boko Haram jihadists.")
    words = [token.text for token in nlp.make_doc(text)]
    assert scan(lex, words) == [
        ("Al - Qaeda", "IMGMOSALQ"), ("the Taliban", "AFGREBTAL"),
        ("Haqqani Network", "AFGREBHQN"), ("Hezb - e - Islami", "AFGREBHIG"),
        ("ISIS - K", "IMGSASMOSISK"), ("Al - Aqsa Martyrs ’ Brigades", "PSEREBAAM"),
        ("AFP", "FRAMEDAFP"), ("Pakistani Taliban", "PAKINSTTP"), ("fighters", "REB"),
        ("the New People 's Army", "PHLINSNPA"), ("Boko Haram", "NGAINSBKH"),
        ("jihadists", "REB")]


def test_longest_match_prefers_the_group_over_its_country(lex: ActorLexicon) -> None:
    words = ["the", "Free", "Syrian", "Army", "and", "Syrian", "troops"]
    assert scan(lex, words) == [
        ("the Free Syrian Army", "SYRINSFSA"), ("Syrian", "SYR"), ("troops", "MIL")]
    assert lex.longest_match(["Israeli", "Labor", "Party", "leader"], 0) == (
        3, lex.lookup("Israeli Labor Party"))


# --- broken tables fail with the file and line -----------------------------------------------

def broken(tmp_path: Path, table: str, line: str) -> tuple[Path, int]:
    """Copy the packaged tables into tmp_path and append one line to `table`."""
    data = resources.files("tacitus.actors") / "data"
    for name in TABLES:
        (tmp_path / name).write_text((data / name).read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / table
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return path, text.count("\n") + 1


@pytest.mark.parametrize("table, line, problem", [
    ("countries.tsv", "XXQ\tcountry\tXanadu", "code 'XXQ' is not an ISO 3166 alpha-3 code"),
    ("countries.tsv", "PRK\tnation\tHermit Kingdom", "kind 'nation' is not one of"),
    ("countries.tsv", "PRK\tcountry\tA\tB\tC\tD", "6 columns; expected at most 5"),
    ("countries.tsv", "PRK\tcontextual\tthe Hermit Kingdom", "context column is required"),
    ("countries.tsv", "PRK\tcountry\tN Korea", "'N Korea' normalises to 'n korea', already"),
    ("countries.tsv", "USA\tcountry\tJordan", "'Jordan' names USA and also JOR"),
    ("countries.tsv", "PRK\tcountry\tKorea\tcountry:XXQ", "names an unknown country code"),
    ("countries.tsv", "PRK\tcountry\tKorea | | DPRK", "empty phrase"),
    ("organs.tsv", "USA\tGOV\tUSAMIL\tWar Department", "code 'MIL' must start with its sector"),
    ("organs.tsv", "USA\tGOV\tRUSGOV\tWar Department", "must start with its country 'USA'"),
    ("igos.tsv", "UNO\tIGO\tUnited Nations Organisation\t\tT3.4", "must be an international code"),
    ("agents.tsv", "GOV\tGOVXYZ\tclerk | clerks", "not a sequence of CAMEO role codes"),
    ("agents.tsv", "GOV\t\tclerk", "column 'code' is empty"),
    ("groups.tsv", "AFGREBQQQ\tAFG\tREB\tparty\tQuux", "kind 'party' is not one of group"),
    ("groups.tsv", "PAKREBQQQ\tAFG\tREB\tgroup\tQuux", "must start with its country and sector"),
    ("groups.tsv", "AFGXYZQQQ\tAFG\tXYZ\tgroup\tQuux", "sector 'XYZ' is not a CAMEO role code"),
    ("groups.tsv", "XXQREBQQQ\tXXQ\tREB\tgroup\tQuux", "code 'XXQ' is not an ISO 3166"),
    ("groups.tsv", "QQQ\t\tIMG\tgroup\tQuux", "must be two to five three-letter codes"),
    ("groups.tsv", "MOSQQQ\t\tIMG\tgroup\tQuux", "the sector must be an international code"),
    ("groups.tsv", "AFGREBMIL\tAFG\tREB\tgroup\tQuux", "must end with an organisation code"),
    ("groups.tsv", "AFGINSTAL\tAFG\tINS\tgroup\tQuux", "organisation code 'TAL' of 'AFGINSTAL' "
                                                         "already names 'Taliban'"),
    ("groups.tsv", "PSEREBHMS\tPSE\tREB\tgroup\tHAMAS", "'HAMAS' normalises to 'hamas', already"),
    ("groups.tsv", "AFGREBQQQ\tAFG\tREB\tgroup\tQuux\tvague", "ambiguity tag 'vague' is not one"),
])
def test_broken_row_names_file_and_line(tmp_path: Path, table: str, line: str, problem: str) -> None:
    path, number = broken(tmp_path, table, line)
    with pytest.raises(ConfigError) as caught:
        ActorLexicon.from_dir(tmp_path)
    assert f"{path}, line {number}: " in str(caught.value)
    assert problem in str(caught.value)


def test_bad_header_and_missing_table(tmp_path: Path) -> None:
    path, _ = broken(tmp_path, "agents.tsv", "")
    path.write_text("sector\tphrases\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1: header must be the tab-separated columns"):
        ActorLexicon.from_dir(tmp_path)
    path.unlink()
    with pytest.raises(ConfigError, match="agents.tsv: cannot read actor lexicon table"):
        ActorLexicon.from_dir(tmp_path)


def test_extended_lexicon_reads_new_phrases_first_and_names_their_codes():
    base = ActorLexicon.load()
    extra = base.extended([
        ("Freedonia", ActorEntry("FRD", "FRD", None, "Freedonia", "country")),
        ("Georgia", ActorEntry("USA", "USA", None, "Georgia", "country")),  # read before the state
    ])
    assert [e.code for e in extra.lookup("Freedonia")] == ["FRD"]
    assert extra.lookup("Georgia")[0].code == "USA"
    assert extra.country_name("FRD") == "Freedonia"
    assert extra.country_name("GEO") == base.country_name("GEO")
    assert base.lookup("Freedonia") == []  # the packaged lexicon is untouched
