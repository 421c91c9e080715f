"""The actor lexicon: words that name states, their organs, IGOs, named groups, agents -> CAMEO.

Why: the coder must turn "Washington and Pyongyang", "the State Department", "North Korean
officials" or "the Taliban" into CAMEO actor codes. This module owns the word lists (our TSV
files in `data/`, plus the ISO 3166 list of states and their names from pycountry), validates
them, and answers phrase lookups in O(1). It never chooses between readings: "Korea", "Georgia"
or "the South" come back with every reading and its `ambiguous`/`requires` flags, and the coder
decides.

Matching folds diacritics, typographic quotes and dashes, drops periods and commas, treats
hyphens as spaces and splits "'s", so "U.S." == "US", "N. Korea" == "N Korea" and
"Côte d’Ivoire" == "Cote d'Ivoire". Letter case is folded one way only: a capitalised word of
a phrase must be capitalised in the text and an acronym must be upper case ("US" is not "us",
"the North" is not "the north"); lower-case phrases (agents, generic organs) match any case.
A leading "the" in the text is optional ("the State Department" finds "State Department").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tacitus.errors import ConfigError
from tacitus.tables import read_tsv

KINDS = ("country", "demonym", "capital", "organ", "igo", "group", "agent", "contextual", "region")
# Generic international codes: a code that starts with one of these is complete by itself.
INTERNATIONAL = frozenset({"IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS"})
AMBIGUITY_TAGS = frozenset({
    "country", "us-state", "person", "city", "river", "region", "ethnic", "igo-seat",
    "common-noun", "continent", "party", "company", "context", "legislature", "acronym",
    "namesake",
})
_CODE_COLUMNS = ("code", "type", "name", "source")
_COUNTRY_COLUMNS = ("code", "kind", "phrases", "ambiguous", "context")
_ORGAN_COLUMNS = ("country", "sector", "code", "phrases", "ambiguous")
_IGO_COLUMNS = ("code", "sector", "phrases", "ambiguous", "source")
_AGENT_COLUMNS = ("sector", "code", "phrases")
_GROUP_COLUMNS = ("code", "country", "sector", "kind", "phrases", "ambiguous")
_COUNTRY_FILE_KINDS = ("country", "demonym", "capital", "contextual", "region")
_CODE_TYPES = ("country", "region", "role", "international")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One reading of a phrase.

    `code` is the CAMEO code ("PRK", "USAGOV", "IGOUNOIAE") or, for organs and agents whose
    country comes from context, the role suffix ("GOV", "GOVMIL"; see `complete`). `country`
    is the ISO/CAMEO country (or region) code, a named group's home country, None for IGOs,
    international groups and context-dependent entries.
    `ambiguous` names the rival readings (tags listed in docs/lexicons-actors.md); `requires`
    (contextual entries) lists codes of which the document must mention at least one.
    """

    code: str
    country: str | None
    sector: str | None
    name: str
    kind: str
    ambiguous: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """False when the coder must put a country (from context) in front of `code`."""
        return self.country is not None or self.code[:3] in INTERNATIONAL


# --- normalisation ---------------------------------------------------------------------------

_TYPOGRAPHY = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ", "\u2212": " ",
    ".": "", ",": " ", "-": " ",
})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_TRAILING_APOSTROPHE = re.compile(r"(?<=\w)'(?!\w)")
_ANY, _CAPITAL, _UPPER = 0, 1, 2


@functools.lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[str, ...]:
    """Split text into comparable words, keeping case (the case rule needs it)."""
    text = unicodedata.normalize("NFKD", text.translate(_TYPOGRAPHY))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _TRAILING_APOSTROPHE.sub(" '", _POSSESSIVE.sub(" 's", text))
    return tuple(text.split())


def normalise(text: str) -> str:
    """The lookup key of a phrase: folded typography and diacritics, no periods, casefolded."""
    return " ".join(word.casefold() for word in _words(text))


def _case_pattern(words: tuple[str, ...]) -> tuple[int, ...]:
    """What case each word of a lexicon phrase demands of the text."""
    return tuple(
        _UPPER if word.isupper() and sum(ch.isalpha() for ch in word) > 1
        else _CAPITAL if word[:1].isupper() else _ANY
        for word in words)


def _case_ok(pattern: tuple[int, ...], words: Sequence[str]) -> bool:
    for need, word in zip(pattern, words):
        if need == _UPPER and word != word.upper():
            return False
        if need == _CAPITAL and word[:1].islower():
            return False
    return True


# --- tables ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Row:
    source: str
    line: int
    cells: dict[str, str]

    def fail(self, problem: str) -> ConfigError:
        return ConfigError(f"{self.source}, line {self.line}: {problem}")


def _parse(text: str, source: str, columns: tuple[str, ...], required: set[str]) -> list[_Row]:
    """Read one TSV table (tacitus.tables.read_tsv) and check its required columns."""
    rows: list[_Row] = []
    for number, cells in read_tsv(text, source, columns):
        row = _Row(source, number, cells)
        for name in columns:
            if name in required and not row.cells[name]:
                raise row.fail(f"column '{name}' is empty")
        rows.append(row)
    return rows


def _phrases(row: _Row) -> list[str]:
    phrases = [p.strip() for p in row.cells["phrases"].split("|")]
    for phrase in phrases:
        if not _words(phrase):
            raise row.fail(f"empty phrase in '{row.cells['phrases']}' (phrases are separated by |)")
    return phrases


class _Codes:
    """Which codes exist: ISO 3166 (pycountry, current and historic) plus cameo_codes.tsv."""

    def __init__(self, rows: list[_Row]):
        import pycountry  # deferred: no data work at import time

        self.iso = {c.alpha_3: c for c in pycountry.countries}
        self.historic = {c.alpha_3: c.name for c in pycountry.historic_countries}
        self.by_type: dict[str, dict[str, str]] = {kind: {} for kind in _CODE_TYPES}
        for row in rows:
            code, kind = row.cells["code"], row.cells["type"]
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise row.fail(f"code '{code}' must be three upper-case letters")
            if kind not in _CODE_TYPES:
                raise row.fail(f"type '{kind}' is not one of {', '.join(_CODE_TYPES)}")
            self.by_type[kind][code] = row.cells["name"]
        if set(self.by_type["international"]) != INTERNATIONAL:
            raise ConfigError(f"cameo_codes.tsv: international codes must be "
                              f"{', '.join(sorted(INTERNATIONAL))}")
        self.roles = set(self.by_type["role"])

    def is_country(self, code: str) -> bool:
        return code in self.iso or code in self.historic or code in self.by_type["country"]

    def is_region(self, code: str) -> bool:
        return code in self.by_type["region"]

    def check_place(self, code: str, row: _Row) -> None:
        """A country or region code, optionally followed by CAMEO sub-state codes (PSEGZS)."""
        if not re.fullmatch(r"(?:[A-Z]{3}){1,5}", code) or not (
                self.is_country(code[:3]) or (self.is_region(code) and len(code) == 3)):
            raise row.fail(f"code '{code}' is not an ISO 3166 alpha-3 code, a former state in "
                           "pycountry, or a country/region code in cameo_codes.tsv")

    def check_roles(self, roles: str, sector: str, row: _Row) -> None:
        chunks = re.findall(r"[A-Z]{3}", roles)
        if not chunks or "".join(chunks) != roles or any(c not in self.roles for c in chunks):
            raise row.fail(f"'{roles}' is not a sequence of CAMEO role codes from cameo_codes.tsv")
        if chunks[0] != sector:
            raise row.fail(f"code '{roles}' must start with its sector '{sector}'")


def _flags(row: _Row, codes: _Codes) -> tuple[str, ...]:
    tags = tuple(t.strip() for t in row.cells["ambiguous"].split(",") if t.strip())
    for tag in tags:
        name, _, code = tag.partition(":")
        if name not in AMBIGUITY_TAGS or (name == "country") != bool(code):
            raise row.fail(f"ambiguity tag '{tag}' is not one of "
                           f"{', '.join(sorted(AMBIGUITY_TAGS))} (country takes a code: country:KOR)")
        if code and not codes.is_country(code):
            raise row.fail(f"ambiguity tag '{tag}' names an unknown country code")
    return tags


# --- building the index ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Item:
    phrase: str
    entry: ActorEntry
    row: _Row | None  # None for names taken from pycountry


class _Builder:
    """Turns validated rows into entries, keyed by normalised phrase, and checks clashes."""

    def __init__(self, codes: _Codes):
        self.codes = codes
        self.items: list[_Item] = []
        self.names: dict[str, str] = {}

    def add(self, phrases: list[str], entry: ActorEntry, row: _Row | None) -> None:
        self.items.extend(_Item(p, entry, row) for p in phrases)

    def countries(self, rows: list[_Row]) -> None:
        for row in rows:
            code, kind = row.cells["code"], row.cells["kind"]
            if kind not in _COUNTRY_FILE_KINDS:
                raise row.fail(f"kind '{kind}' is not one of {', '.join(_COUNTRY_FILE_KINDS)}")
            self.codes.check_place(code, row)
            if kind == "region" and not self.codes.is_region(code):
                raise row.fail(f"region rows need a region code from cameo_codes.tsv, not '{code}'")
            if kind in ("country", "region"):
                self.names.setdefault(code, _phrases(row)[0])
        for row in rows:
            self._country_row(row)

    def _country_row(self, row: _Row) -> None:
        code, kind = row.cells["code"], row.cells["kind"]
        requires = tuple(row.cells["context"].split())
        if (kind == "contextual") != bool(requires):
            raise row.fail("the context column is required for contextual rows, and only for them")
        for need in requires:
            self.codes.check_place(need, row)
        country = code if self.codes.is_region(code) else code[:3]
        entry = ActorEntry(code, country, None, self.country_name(code) if kind != "region"
                           else self.names[code], kind, _flags(row, self.codes), requires)
        self.add(_phrases(row), entry, row)

    def organs(self, rows: list[_Row]) -> None:
        for row in rows:
            country, sector, code = row.cells["country"], row.cells["sector"], row.cells["code"]
            if country:
                self.codes.check_place(country, row)
                if not code.startswith(country):
                    raise row.fail(f"code '{code}' must start with its country '{country}'")
            self.codes.check_roles(code[len(country):], sector, row)
            phrases = _phrases(row)
            entry = ActorEntry(code, country or None, sector, phrases[0], "organ",
                               _flags(row, self.codes))
            self.add(phrases, entry, row)

    def igos(self, rows: list[_Row]) -> None:
        for row in rows:
            code, sector = row.cells["code"], row.cells["sector"]
            if sector not in INTERNATIONAL or not re.fullmatch(rf"{sector}(?:[A-Z]{{3}}){{1,4}}",
                                                                code):
                raise row.fail(f"code '{code}' must be an international code "
                               f"({', '.join(sorted(INTERNATIONAL))}) followed by organisation "
                               f"codes, starting with its sector '{sector}'")
            phrases = _phrases(row)
            self.add(phrases, ActorEntry(code, None, sector, phrases[0], "igo",
                                         _flags(row, self.codes)), row)

    def groups(self, rows: list[_Row]) -> None:
        """Named groups: one canonical name per code, one group per organisation code."""
        names: dict[str, str] = {}
        owners: dict[tuple[str, str], tuple[str, _Row]] = {}
        for row in rows:
            if row.cells["kind"] != "group":
                raise row.fail(f"kind '{row.cells['kind']}' is not one of group")
            code, place = row.cells["code"], row.cells["country"]
            org = self._group_code(row)
            phrases = _phrases(row)
            name = names.setdefault(code, phrases[0])
            owner, first = owners.setdefault((place or code[:3], org), (name, row))
            if owner != name:
                raise row.fail(f"organisation code '{org}' of '{code}' already names '{owner}' "
                               f"at {first.source} line {first.line}")
            self.add(phrases, ActorEntry(code, place[:3] or None, row.cells["sector"], name,
                                         "group", _flags(row, self.codes)), row)

    def _group_code(self, row: _Row) -> str:
        """Check a group's code (country or international prefix, sector, ..., organisation
        code) and return its organisation code, the last three letters."""
        code, place, sector = row.cells["code"], row.cells["country"], row.cells["sector"]
        if not re.fullmatch(r"(?:[A-Z]{3}){2,5}", code):
            raise row.fail(f"code '{code}' must be two to five three-letter codes (at most 15 "
                           "letters, the CAMEO/TABARI limit)")
        if place:
            self.codes.check_place(place, row)
            if sector not in self.codes.roles:
                raise row.fail(f"sector '{sector}' is not a CAMEO role code from cameo_codes.tsv")
            if not code.startswith(place + sector):
                raise row.fail(f"code '{code}' must start with its country and sector "
                               f"'{place}{sector}'")
            head = len(place) + 3
        else:
            if sector not in INTERNATIONAL or not code.startswith(sector):
                raise row.fail(f"code '{code}': with the country empty, the sector must be an "
                               f"international code ({', '.join(sorted(INTERNATIONAL))}) and "
                               "the code must start with it")
            head = 3
        org = code[-3:]
        if len(code) == head or org in self.codes.roles:
            raise row.fail(f"code '{code}' must end with an organisation code of its own after "
                           f"the roles (not a role code such as '{org}')")
        return org

    def agents(self, rows: list[_Row]) -> None:
        for row in rows:
            sector, code = row.cells["sector"], row.cells["code"]
            if code[:3] in INTERNATIONAL:
                if sector not in re.findall(r"[A-Z]{3}", code):
                    raise row.fail(f"code '{code}' must contain its sector '{sector}'")
            else:
                self.codes.check_roles(code, sector, row)
            phrases = _phrases(row)
            self.add(phrases, ActorEntry(code, None, sector, phrases[0], "agent"), row)

    def country_name(self, code: str) -> str:
        """Canonical name: our first country row, else pycountry's common or short name."""
        if code in self.names:
            return self.names[code]
        found = self.codes.iso.get(code)
        if found is not None:
            return getattr(found, "common_name", None) or _short_name(found.name)
        for kind in ("country", "region"):
            if code in self.codes.by_type[kind]:
                return self.codes.by_type[kind][code]
        if code in self.codes.historic:
            return self.codes.historic[code]
        raise ConfigError(f"unknown country code '{code}': not an ISO 3166 alpha-3 code, a "
                          "former state in pycountry, nor a code in cameo_codes.tsv")

    def library_names(self) -> None:
        """Add pycountry's names, except where they clash with each other or with our files."""
        ours = {normalise(item.phrase) for item in self.items}
        found: dict[str, set[str]] = {}
        names: dict[tuple[str, str], str] = {}
        for code, country in self.codes.iso.items():
            for phrase in _library_phrases(country):
                key = normalise(phrase)
                found.setdefault(key, set()).add(code)
                names.setdefault((key, code), phrase)
        for (key, code), phrase in names.items():
            if key not in ours and len(found[key]) == 1:
                entry = ActorEntry(code, code, None, self.country_name(code), "country")
                self.items.append(_Item(phrase, entry, None))


def _short_name(name: str) -> str:
    """'Iran, Islamic Republic of' -> 'Iran'; 'Cocos (Keeling) Islands' -> 'Cocos Islands'."""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    return name.split(",")[0].strip()


def _library_phrases(country: object) -> list[str]:
    phrases = [_short_name(country.name)]
    for attr in ("name", "official_name", "common_name"):
        value = getattr(country, attr, None)
        if value and "," not in value and "(" not in value:
            phrases.append(re.sub(r"^the\s+", "", value))
    return phrases


def _check_clashes(index: dict[str, list[tuple[ActorEntry, tuple[int, ...], _Item]]]) -> None:
    """Same phrase twice for the same code, or for different countries without a flag: error."""
    for key, hits in index.items():
        seen: dict[tuple[str, str], _Item] = {}
        for entry, _, item in hits:
            earlier = seen.setdefault((entry.code, entry.kind), item)
            if earlier is not item and item.row is not None:
                raise item.row.fail(f"'{item.phrase}' normalises to '{key}', already listed for "
                                    f"{entry.code} at {earlier.row.source} line {earlier.row.line}")
        placed = [(entry, item) for entry, _, item in hits
                  if entry.country is not None and entry.kind != "region"]
        if len({entry.country for entry, _ in placed}) > 1:
            for entry, item in placed:
                if not entry.ambiguous and item.row is not None:
                    raise item.row.fail(
                        f"'{item.phrase}' names {entry.country} and also "
                        f"{', '.join(sorted({e.country for e, _ in placed} - {entry.country}))}; "
                        "flag it in the ambiguous column")


# --- the lexicon -----------------------------------------------------------------------------

_FILES = {
    "cameo_codes.tsv": (_CODE_COLUMNS, {"code", "type", "name", "source"}),
    "countries.tsv": (_COUNTRY_COLUMNS, {"code", "kind", "phrases"}),
    "organs.tsv": (_ORGAN_COLUMNS, {"sector", "code", "phrases"}),
    "igos.tsv": (_IGO_COLUMNS, {"code", "sector", "phrases", "source"}),
    "agents.tsv": (_AGENT_COLUMNS, {"sector", "code", "phrases"}),
    "groups.tsv": (_GROUP_COLUMNS, {"code", "sector", "kind", "phrases"}),
}


class ActorLexicon:
    """Phrase -> readings, built once from the packaged tables and pycountry, then read-only."""

    def __init__(self, index: dict[str, list[tuple[ActorEntry, tuple[int, ...]]]],
                 names: Callable[[str], str]):
        self._index = index
        self._name_of = names
        self._first: dict[str, int] = {}  # first word of a key -> most words of such a key
        for key in index:
            words = key.split(" ")
            self._first[words[0]] = max(self._first.get(words[0], 0), len(words))
        self._longest = max(self._first.values(), default=0)
        # the role codes generic agent nouns give ("GOV", "GOVMIL", "CVL"), not a named group's
        self.roles = frozenset(entry.code for hits in index.values() for entry, _ in hits if entry.kind == "agent")

    @classmethod
    def load(cls) -> ActorLexicon:
        """The lexicon from the packaged data files; built on first call, then cached."""
        return _packaged()

    @classmethod
    def from_dir(cls, directory: Path) -> ActorLexicon:
        """A lexicon from another directory holding the six tables (tests, user overrides)."""
        def read(name: str) -> str:
            path = Path(directory) / name
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{path}: cannot read actor lexicon table: {exc}") from exc
        return cls._build(read, lambda name: str(Path(directory) / name))

    @classmethod
    def _build(cls, read: Callable[[str], str], label: Callable[[str], str]) -> ActorLexicon:
        rows = {name: _parse(read(name), label(name), columns, required)
                for name, (columns, required) in _FILES.items()}
        builder = _Builder(_Codes(rows["cameo_codes.tsv"]))
        builder.countries(rows["countries.tsv"])
        builder.organs(rows["organs.tsv"])
        builder.igos(rows["igos.tsv"])
        builder.groups(rows["groups.tsv"])
        builder.agents(rows["agents.tsv"])
        builder.library_names()
        index: dict[str, list[tuple[ActorEntry, tuple[int, ...], _Item]]] = {}
        for item in builder.items:
            words = _words(item.phrase)
            key = " ".join(w.casefold() for w in words)
            index.setdefault(key, []).append((item.entry, _case_pattern(words), item))
        _check_clashes(index)
        slim = {key: [(entry, pattern) for entry, pattern, _ in hits]
                for key, hits in index.items()}
        return cls(slim, builder.country_name)

    def lookup(self, phrase: str) -> list[ActorEntry]:
        """Every reading of exactly this phrase, in file order (first = preferred); [] if none."""
        words = _words(phrase)
        return self._match(words) if words else []

    def longest_match(self, words: Sequence[str],
                      start: int) -> tuple[int, list[ActorEntry]] | None:
        """Greedy longest phrase that begins at words[start]: (number of words used, readings).

        `words` are tokens as the parser gave them ("U.S.", "N.", "Korea", "'s", "-"). A span
        never ends on a punctuation token, and a leading "the" is counted in the span.
        """
        if not 0 <= start < len(words):
            return None
        head = _words(words[start])
        if not head or (head[0].casefold() != "the" and head[0].casefold() not in self._first):
            return None  # most words begin no phrase: the common case, answered at once
        spans: list[tuple[int, tuple[str, ...]]] = []
        acc: tuple[str, ...] = ()
        for end in range(start, len(words)):
            acc += _words(words[end])
            if not acc:
                return None
            first = acc[0].casefold()
            if first != "the":
                budget = self._first.get(first, 0)
            elif len(acc) == 1:
                budget = 1 + self._longest
            else:  # a phrase that keeps its "the", or "the" and a phrase read without it
                budget = max(self._first.get("the", 0), 1 + self._first.get(acc[1].casefold(), 0))
            if len(acc) > budget:
                break
            if _words(words[end]):
                spans.append((end + 1, acc))
        for end, span in reversed(spans):
            found = self._match(span)
            if found:
                return end - start, found
        return None

    def scan(self, words: Sequence[str]) -> Iterator[tuple[int, int, list[ActorEntry]]]:
        """Every phrase in the words, left to right, each the longest one at its start and
        none overlapping: (start, number of words, readings)."""
        first, i = self._first, 0
        while i < len(words):
            head = _words(words[i])
            if not head or (head[0].casefold() not in first and head[0].casefold() != "the"):
                i += 1  # most words begin no phrase: skipped without a lookup
                continue
            hit = self.longest_match(words, i)
            if hit is None:
                i += 1
                continue
            yield i, hit[0], hit[1]
            i += max(hit[0], 1)

    def agent_sector(self, noun: str) -> str | None:
        """The CAMEO sector of a generic agent noun, singular or plural ("troops" -> "MIL").

        The caller already knows the word is a noun, so case is not checked here: a lemma in
        lower case ("mp") finds "MP".
        """
        for entry, _ in self._index.get(normalise(noun), ()):
            if entry.kind == "agent":
                return entry.sector
        return None

    def country_name(self, code: str) -> str:
        """Canonical name of a country or region code ("PRK" -> "North Korea")."""
        return self._name_of(code)

    def extended(self, entries: Iterable[tuple[str, ActorEntry]]) -> ActorLexicon:
        """A copy with more phrases, read before this lexicon's own readings of the same
        words; codes are taken as given, not checked against the code tables (the evaluation
        harness loads a gold set's own actor dictionary this way, fictional states included).
        A country entry's name is the name of its code."""
        index = {key: list(hits) for key, hits in self._index.items()}
        names: dict[str, str] = {}
        for phrase, entry in entries:
            words = _words(phrase)
            if not words:
                continue
            key = " ".join(w.casefold() for w in words)
            index[key] = [(entry, tuple(_ANY for _ in words))] + [h for h in index.get(key, []) if h[0] != entry]
            if entry.country is not None:
                names.setdefault(entry.country, entry.name)

        def name_of(code: str) -> str:
            try:
                return self._name_of(code)
            except ConfigError:
                if code in names:
                    return names[code]
                raise

        return ActorLexicon(index, name_of)

    def items(self) -> Iterator[tuple[str, tuple[ActorEntry, ...]]]:
        """Every normalised phrase with all its readings (for audits and tests)."""
        for key, hits in self._index.items():
            yield key, tuple(entry for entry, _ in hits)

    def _match(self, words: tuple[str, ...]) -> list[ActorEntry]:
        key = " ".join(w.casefold() for w in words)
        found = self._hits(key, words)
        if not found and len(words) > 1 and words[0].casefold() == "the":
            found = self._hits(key[4:], words[1:])
        return found

    def _hits(self, key: str, words: Sequence[str]) -> list[ActorEntry]:
        hits = self._index.get(key, ())
        return list(dict.fromkeys(entry for entry, pattern in hits if _case_ok(pattern, words)))


@functools.cache
def _packaged() -> ActorLexicon:
    base = resources.files("tacitus.actors") / "data"

    def read(name: str) -> str:
        try:
            return (base / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"packaged actor lexicon table {name}: {exc}") from exc
    return ActorLexicon._build(read, lambda name: name)
