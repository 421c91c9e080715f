"""A dated lexicon of senior officials: who held which office, when, and what code they act for.

Why dated: news names officials bare ("Clinton said ...", "Putin warned ..."), and the same
name means a different actor in a different year (Bill Clinton, president, in 1996; Hillary
Clinton, secretary of state, in 2010). The facts - names and dates of office - live in the
packaged table `data/officials.tsv` (format and sources: docs/lexicons-officials.md); this
module parses it, checks every row, and answers "who is <name> on <date>?".

Nothing is read at import time. `load_officials()` parses the packaged table once and caches
the index; `parse_officials()` builds one from any table text (tests, variants).
"""

from __future__ import annotations

import calendar
import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NoReturn

from tacitus.errors import ConfigError

# The offices the table records. A presidential system's president is HOS only (not also HOG).
ROLES: dict[str, str] = {
    "HOS": "head of state (president, monarch; IRN: none, see LEAD)",
    "HOG": "head of government (prime minister, premier, chancellor; IRN: the president)",
    "FM": "foreign minister (secretary of state; EU: the High Representative)",
    "DEF": "defence minister (secretary of defense or war; JPN to 2007: Defense Agency head)",
    "LEAD": "leader outside those offices: party general secretary (CHN, USSR), supreme "
            "leader (IRN, PRK), crown prince (SAU)",
    "IGO_HEAD": "head of an intergovernmental organisation",
}

# CAMEO actor codes of the organisations whose heads the table records.
IGO_CODES: dict[str, str] = {
    "IGOUNO": "United Nations",
    "IGOWSTNAT": "North Atlantic Treaty Organization",
    "IGOEUREEC": "European Union",
    "IGOUNOIAE": "International Atomic Energy Agency",
}

# Former states whose officials the table records (ISO 3166-3 historic alpha-3 code).
HISTORIC_COUNTRIES: dict[str, str] = {"SUN": "USSR"}

HEADER = ("country", "role", "name", "aliases", "start", "end", "code")

_DATA_PACKAGE = "tacitus.actors"
_DATA_FILE = "officials.tsv"
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")


@dataclass(frozen=True, slots=True)
class Official:
    """One person's term in one office; a second term in the same office is a second row."""

    country: str  # ISO 3166 alpha-3 (PSE, SUN for the USSR) or an IGO code from IGO_CODES
    role: str  # a key of ROLES
    name: str  # the usual English form: "Bill Clinton"
    aliases: tuple[str, ...]  # other forms the press uses: ("Clinton", "William Jefferson Clinton")
    start: date  # first day in office; a month-only start means the 1st of that month
    end: date | None  # last day in office (month-only: the month's last day); None = in office
    code: str  # CAMEO actor code to emit: "USAGOV", "IGOUNO"

    def in_office(self, on: date) -> bool:
        """True when `on` falls within the term (both ends included)."""
        return self.start <= on and (self.end is None or on <= self.end)

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by its aliases: every form a lookup matches."""
        return (self.name, *self.aliases)


# Articles that lead Arabic surnames ("al-Sarraj", "el-Sisi", "ad-Dawla")
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})


def name_key(text: str) -> str:
    """Normalise a name for matching: case, accents, hyphens, dots and spacing do not count.

    So "Kim Jong-il", "KIM JONG IL" and "Kim  Jong Il" share a key, as do "Erdoğan" and
    "Erdogan", and "George H. W. Bush" and "George H.W. Bush".
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("\u2019", "'").replace("\u2018", "'").replace("ı", "i")
    bare = re.sub(r"[-\u2010-\u2015.]", " ", bare)
    return " ".join(bare.casefold().split())


class OfficialsIndex:
    """Officials by normalised name and alias, with date filtering."""

    def __init__(self, officials: Iterable[Official]):
        self._officials = list(officials)
        self._by_key: dict[str, list[Official]] = {}
        for official in self._officials:
            for key in dict.fromkeys(name_key(n) for n in official.names):
                self._by_key.setdefault(key, []).append(official)

    def lookup(self, name: str, on: date | None = None) -> list[Official]:
        """Officials called `name` (name or alias, any case); with `on`, only those in office.

        Without a date every term of everyone with that name comes back, in table order.
        """
        key = name_key(name)
        found = self._by_key.get(key, [])
        if not found and key.split(" ", 1)[0] in ARTICLES and " " in key:
            # "al-Sarraj", "el-Sisi": a surname with its article is the surname
            found = self._by_key.get(key.split(" ", 1)[1], [])
        if on is None:
            return list(found)
        return [o for o in found if o.in_office(on)]

    def all(self) -> list[Official]:
        """Every row, in table order."""
        return list(self._officials)

    def __len__(self) -> int:
        return len(self._officials)


def load_officials(path: Path | None = None) -> OfficialsIndex:
    """The index of the packaged table (or of the table at `path`), parsed once and cached."""
    return _load_cached(str(path) if path is not None else None)


@functools.cache
def _load_cached(path: str | None) -> OfficialsIndex:
    if path is None:
        resource = importlib.resources.files(_DATA_PACKAGE) / "data" / _DATA_FILE
        return parse_officials(resource.read_text(encoding="utf-8"),
                               origin=f"{_DATA_PACKAGE}/data/{_DATA_FILE}")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the officials table ({exc})") from exc
    return parse_officials(text, origin=path)


def parse_officials(text: str, origin: str = "<officials>") -> OfficialsIndex:
    """Parse a whole table; the first malformed row raises ConfigError naming file and line."""
    rows: list[Official] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(f.strip() for f in fields) != HEADER:
                _fail(origin, number, f"header must be {'<TAB>'.join(HEADER)}")
            header_seen = True
            continue
        rows.append(parse_row(fields, origin, number))
    if not header_seen:
        raise ConfigError(f"{origin}: no header line; expected {'<TAB>'.join(HEADER)}")
    return OfficialsIndex(rows)


def parse_row(fields: list[str], origin: str, number: int) -> Official:
    """One data row -> Official, or ConfigError saying which field is wrong and what is valid."""
    if len(fields) != len(HEADER):
        _fail(origin, number, f"{len(fields)} tab-separated fields, expected {len(HEADER)}")
    country, role, name, aliases, start, end, code = (f.strip() for f in fields)
    _check_country(country, origin, number)
    if role not in ROLES:
        _fail(origin, number, f"role {role!r} is not one of {', '.join(ROLES)}")
    if not name:
        _fail(origin, number, "empty name")
    if not _CODE.match(code):
        _fail(origin, number, f"code {code!r} is not a CAMEO code (upper-case 3-letter groups)")
    alias_list = tuple(a.strip() for a in aliases.split(";") if a.strip())
    first = _parse_date(start, origin, number, "start", last_day=False)
    if first is None:
        _fail(origin, number, "empty start date")
    last = _parse_date(end, origin, number, "end", last_day=True)
    if last is not None and last < first:
        _fail(origin, number, f"end {end} is before start {start}")
    return Official(country, role, name, alias_list, first, last, code)


def _check_country(country: str, origin: str, number: int) -> None:
    if country in IGO_CODES or country in HISTORIC_COUNTRIES:
        return
    if not re.fullmatch(r"[A-Z]{3}", country) or country not in _iso_alpha3():
        _fail(origin, number, f"country {country!r} is not an ISO 3166 alpha-3 code "
                              f"or one of {', '.join(IGO_CODES)}")


@functools.cache
def _iso_alpha3() -> frozenset[str]:
    import pycountry  # loaded on first use, not at import time

    return frozenset(c.alpha_3 for c in pycountry.countries)


def _parse_date(text: str, origin: str, number: int, what: str, *, last_day: bool) -> date | None:
    """YYYY-MM-DD, or YYYY-MM (the 1st for a start, the month's last day for an end)."""
    if not text:
        return None
    try:
        if m := _DAY.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            day = calendar.monthrange(year, month)[1] if last_day else 1
            return date(year, month, day)
    except ValueError as exc:
        _fail(origin, number, f"{what} date {text!r} is not a real date ({exc})")
    _fail(origin, number, f"{what} date {text!r} is not YYYY-MM-DD or YYYY-MM")


def _fail(origin: str, number: int, problem: str) -> NoReturn:
    raise ConfigError(f"{origin}, line {number}: {problem}")
