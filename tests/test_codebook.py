"""Tests for the CAMEO code book tables, the CAMEO -> PLOVER map and their loader."""

from __future__ import annotations

import importlib.resources
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.errors import InputError
from tacitus.events.codebook import (
    PLOVER_CONTEXTS,
    PLOVER_EVENTS,
    CameoCode,
    Codebook,
    PloverCode,
    UnknownCodeError,
    quad_class,
)

DATA = importlib.resources.files("tacitus.events") / "data"


def _table(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:]]


@pytest.fixture(scope="module")
def book() -> Codebook:
    return Codebook.load()


@pytest.fixture(scope="module")
def manual(reference_dir: Path) -> str:
    """The PLOVER manual's LaTeX with comment lines removed."""
    tex = (reference_dir / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    return "\n".join(line for line in tex.splitlines() if not line.lstrip().startswith("%"))


# --- the CAMEO table -------------------------------------------------------------------


def test_every_cameo_row_parses_into_three_fields():
    rows = _table("cameo_events.tsv")
    assert len(rows) == 316
    for row in rows:
        assert len(row) == 3, row
        code, name, weight = row
        assert code.isdigit() and 2 <= len(code) <= 4, row
        assert name and name == name.strip(), row
        assert -10.0 <= float(weight) <= 10.0, row


def test_codes_are_unique_and_every_parent_exists(book):
    codes = [c.code for c in book.codes()]
    assert len(codes) == len(set(codes)) == 316
    known = set(codes)
    for code in codes:
        assert code[:2] in known
        if len(code) == 4:
            assert code[:3] in known, code


def test_all_twenty_roots_are_present_with_code_book_names(book):
    roots = [c.code for c in book.codes() if len(c.code) == 2]
    assert roots == [f"{n:02d}" for n in range(1, 21)]
    assert book.root_name("01") == "MAKE PUBLIC STATEMENT"
    assert book.root_name("15") == "EXHIBIT FORCE POSTURE"
    assert book.root_name("20") == "USE UNCONVENTIONAL MASS VIOLENCE"


def test_four_digit_codes_from_the_code_book(book):
    assert book.cameo("0211").name == "Appeal for economic cooperation"
    assert book.cameo("0874").name == "Retreat or surrender militarily"
    assert book.cameo("1041").name == "Demand change in leadership"
    assert book.cameo("1721").name == "Impose restrictions on political freedoms"
    assert book.cameo("1821").name == "Sexually assault"
    assert book.cameo("2042").name == "Detonate nuclear weapons"


@pytest.mark.parametrize(
    ("code", "weight"),
    [
        ("010", 0.0), ("011", -0.1), ("013", 0.4), ("016", -2.0), ("020", 3.0),
        ("022", 3.2), ("036", 4.0), ("042", 1.9), ("043", 2.8), ("046", 7.0),
        ("057", 8.0), ("074", 8.5), ("0874", 10.0), ("130", -4.4), ("138", -7.0),
        ("163", -8.0), ("165", -6.5), ("171", -9.2), ("182", -9.5), ("1823", -10.0),
        ("195", -10.0), ("13", -6.0),
    ],
)
def test_goldstein_weights_match_the_cameo_scale(book, code, weight):
    assert book.cameo(code).goldstein == weight


def test_codes_without_a_published_weight_carry_their_parents(book):
    assert book.cameo("155").goldstein == book.cameo("15").goldstein == -7.2
    assert book.cameo("1834").goldstein == book.cameo("183").goldstein == -10.0
    assert book.cameo("1952").goldstein == book.cameo("195").goldstein == -10.0


def test_quad_class_follows_the_root(book):
    expected = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for quad, roots in expected.items():
        for root in roots:
            assert quad_class(f"{root:02d}") == quad
    assert quad_class("0331") == 1
    assert quad_class("1213") == 3
    assert all(c.quad_class == quad_class(c.code) and c.root == c.code[:2]
               for c in book.codes())


@pytest.mark.parametrize("bad", ["", "7", "00", "21", "2a0", "99"])
def test_quad_class_rejects_codes_outside_the_roots(bad):
    with pytest.raises(UnknownCodeError):
        quad_class(bad)


def test_unknown_code_error_names_the_code_and_is_a_key_error(book):
    with pytest.raises(KeyError) as caught:
        book.cameo("1213")
    assert str(caught.value) == "unknown CAMEO code '1213'"
    with pytest.raises(UnknownCodeError, match="'033'"):
        book.root_name("033")
    with pytest.raises(UnknownCodeError, match="FIGHT"):
        book.plover_type("FIGHT")


# --- the PLOVER map --------------------------------------------------------------------


def test_every_cameo_code_has_its_own_plover_row():
    cameo_codes = [row[0] for row in _table("cameo_events.tsv")]
    plover_codes = [row[0] for row in _table("plover_map.tsv")]
    assert plover_codes == cameo_codes


def test_plover_rows_use_the_vocabularies(book):
    for entry in book.codes():
        plover = book.plover(entry.code)
        if plover.dropped:
            assert plover.mode is None and plover.context == ()
            continue
        assert plover.event in PLOVER_EVENTS
        assert plover.mode is None or plover.mode in book.plover_type(plover.event).modes
        assert set(plover.context) <= set(PLOVER_CONTEXTS)


def test_only_statements_are_dropped(book):
    dropped = [c.code for c in book.codes() if book.plover(c.code).dropped]
    assert dropped == ["01", "010", "011", "012", "013", "014", "015", "017"]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("042", PloverCode("CONSULT", "visit", ())),
        ("0233", PloverCode("REQUEST", "assist", ("human_security",))),
        ("0353", PloverCode("CONCEDE", None, ())),
        ("0831", PloverCode("RETREAT", "resign", ())),
        ("091", PloverCode("ACCUSE", "investigate", ("crime", "corruption"))),
        ("116", PloverCode("SANCTION", "convict", ("legal",))),
        ("175", PloverCode("ASSAULT", "crowd-control", ("repression",))),
        ("176", PloverCode("COERCE", "cyber", ("cyber",))),
        ("2041", PloverCode("ASSAULT", "unconventional", ("cbrn",))),
    ],
)
def test_selected_plover_translations(book, code, expected):
    assert book.plover(code) == expected


def test_plover_falls_back_to_the_parent_code():
    book = Codebook.from_texts(
        "code\tname\tgoldstein\n03\tEXPRESS INTENT TO COOPERATE\t4.0\n"
        "033\tExpress intent to provide material aid\t5.2\n"
        "0331\tExpress intent to provide economic aid\t5.2\n",
        "cameo\tevent\tmode\tcontext\n03\tAGREE\t\t\n033\tAGREE\t\teconomic\n",
        "event\tmodes\tdefinition\nAGREE\t\tPromise to cooperate.\n",
    )
    assert book.plover("0331") == PloverCode("AGREE", None, ("economic",))
    assert book.plover("0339") == book.plover("033")
    assert book.plover("039") == PloverCode("AGREE", None, ())
    with pytest.raises(UnknownCodeError, match="'041'"):
        book.plover("041")


def test_packaged_map_falls_back_for_codes_of_other_cameo_variants(book):
    assert book.plover("1213") == book.plover("121") == PloverCode("REJECT", "assist", ())


def test_plover_types_cover_the_sixteen_events(book):
    assert [t.event for t in book.plover_types()] == list(PLOVER_EVENTS)
    assert book.plover_type("CONSULT").modes == ("visit", "third-party", "multilateral",
                                                 "phone")
    assert book.plover_type("AID").modes == ()


# --- loading and validation ------------------------------------------------------------


def test_load_is_cached_and_import_does_no_work(book):
    assert Codebook.load() is book
    probe = ("import tacitus.events.codebook as m; "
             "print(m._load_packaged.cache_info().currsize)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout.strip() == "0"


CAMEO_OK = "code\tname\tgoldstein\n04\tCONSULT\t1.0\n042\tMake a visit\t1.9\n"
TYPES_OK = "event\tmodes\tdefinition\nCONSULT\tvisit,phone\tMeetings.\n"


@pytest.mark.parametrize(
    ("cameo", "plover", "message"),
    [
        (CAMEO_OK.replace("1.9", "high"), "cameo\tevent\tmode\tcontext\n04\tCONSULT\t\t\n",
         r"line 3\): goldstein 'high' is not a number"),
        ("code\tname\tgoldstein\n042\tMake a visit\t1.9\n", "", r"line 2\): code 042 comes"),
        (CAMEO_OK, "cameo\tevent\tmode\tcontext\n04\tCONSULT\tboat\t\n",
         r"line 2\): 04: mode 'boat' is not a CONSULT mode; valid: visit, phone"),
        (CAMEO_OK, "cameo\tevent\tmode\tcontext\n04\tCONSULT\t\tweather\n",
         "unknown PLOVER context weather"),
        (CAMEO_OK, "cameo\tevent\tmode\tcontext\n042\tCONSULT\tvisit\t\n",
         "no row for CAMEO roots 04"),
        (CAMEO_OK, "cameo\tevent\n04\tCONSULT\n", "header must be cameo<TAB>event"),
    ],
)
def test_bad_tables_raise_input_errors_that_name_the_line(cameo, plover, message):
    with pytest.raises(InputError, match=message):
        Codebook.from_texts(cameo, plover, TYPES_OK, origin="t")


# --- against the PLOVER manual and the reference conversion table ----------------------


def test_plover_vocabularies_match_the_manual(book, manual):
    events_part = manual.split(r"\chapter{Event Categories}")[1].split(r"\chapter{Contexts}")[0]
    assert re.findall(r"^\\section\{([A-Z]+)\}", events_part, re.M) == list(PLOVER_EVENTS)
    tables = re.finditer(r"\\caption\{(?:\\plcat\{)?([A-Z]+)\}? modes(.*?)\\end\{tabular\}",
                         manual, re.S)
    manual_modes = {m.group(1): re.findall(r"^([a-z][a-z-]*) & ", m.group(2), re.M)
                    for m in tables}
    ours = {t.event: list(t.modes) for t in book.plover_types() if t.modes}
    assert ours == manual_modes
    block = manual.split(r"\label{tab:general-contexts}")[1].split(r"\end{longtable}")[0]
    names = re.findall(r"^(?:\\hyperref\[[^\]]*\]\{([^}]*)\}|([a-z][a-z_\\]*)) *&", block, re.M)
    assert [(a or b).replace("\\_", "_") for a, b in names] == list(PLOVER_CONTEXTS)


def _reference_events(path: Path) -> dict[str, str]:
    events = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" in line:
            code, rest = line.split(":", 1)
            events[code.strip()] = rest.split(",")[0].strip()
    return events


def test_event_types_agree_with_the_reference_conversion_table(book, reference_dir):
    reference = _reference_events(reference_dir / "CAMEO2PLOVER-2021.txt")
    shared = [code for code in reference if code in {c.code for c in book.codes()}]
    agreeing = [code for code in shared if book.plover(code).event == reference[code]]
    assert len(shared) == 272
    assert len(agreeing) / len(shared) >= 0.926  # measured 252/272; see docs/codebook.md


def test_cameo_code_record_is_frozen(book):
    entry = book.cameo("042")
    assert isinstance(entry, CameoCode)
    with pytest.raises(AttributeError):
        entry.goldstein = 0.0  # type: ignore[misc]
