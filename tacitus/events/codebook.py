"""The CAMEO event code book and our CAMEO -> PLOVER mapping, read from packaged tables.

Why tables and not code: the code numbers, names and Goldstein weights are facts from the
CAMEO 1.1b3 code book and the CAMEO Goldstein scale, and the PLOVER mapping is a set of
documented decisions (docs/codebook.md); both are easier to review and diff as TSV rows.

Nothing is read at import time. `Codebook.load()` parses the packaged tables once and caches
the result; `Codebook.from_texts()` builds one from other table texts (tests, variants).
"""

from __future__ import annotations

import functools
import importlib.resources
from dataclasses import dataclass

from tacitus.errors import InputError, TacitusError

# The four quad classes (GDELT "QuadClass" numbering) and the CAMEO roots in each.
QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_QUAD_BY_ROOT = {root: 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
                 for root in range(1, 21)}

# PLOVER's 16 event types, in the manual's order.
PLOVER_EVENTS = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# PLOVER's general contexts (manual, "General contexts" table), usable with any event type.
PLOVER_CONTEXTS = (
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security",
    "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
    "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime",
    "corruption", "illegal_drugs", "trafficking",
)

_DATA_PACKAGE = "tacitus.events"
_FILES = ("cameo_events.tsv", "plover_map.tsv", "plover_types.tsv")


class UnknownCodeError(TacitusError, KeyError):
    """A CAMEO code, root or PLOVER type is not in the code book (also a KeyError)."""

    def __init__(self, code: str, what: str = "CAMEO code"):
        self.code = code
        super().__init__(f"unknown {what} {code!r}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its Goldstein weight and quad class."""

    code: str  # "0331": string with leading zeros, 2 to 4 digits
    name: str  # short name as in the code book
    goldstein: float  # -10 (most conflictual) .. +10 (most cooperative)
    root: str  # the 2-digit cue category, "03"
    quad_class: int  # 1..4, see QUAD_CLASS_NAMES


@dataclass(frozen=True, slots=True)
class PloverCode:
    """The PLOVER event, mode and contexts that a CAMEO code translates to."""

    event: str  # one of PLOVER_EVENTS, or "" where PLOVER drops the CAMEO category
    mode: str | None
    context: tuple[str, ...]

    @property
    def dropped(self) -> bool:
        """True where PLOVER has no event type for the CAMEO code (e.g. 010 statements)."""
        return not self.event


@dataclass(frozen=True, slots=True)
class PloverType:
    """One PLOVER event type and the modes the manual allows for it."""

    event: str
    modes: tuple[str, ...]
    definition: str


def quad_class(code: str) -> int:
    """Quad class (1..4) of any CAMEO code, from its root: 01-05, 06-08, 09-13, 14-20."""
    root = code[:2]
    if len(code) < 2 or not code.isdigit() or int(root) not in _QUAD_BY_ROOT:
        raise UnknownCodeError(code, "CAMEO code (roots are 01..20)")
    return _QUAD_BY_ROOT[int(root)]


class Codebook:
    """Look-ups over the CAMEO code table, the PLOVER map and the PLOVER type vocabulary."""

    def __init__(self, cameo: dict[str, CameoCode], plover: dict[str, PloverCode],
                 types: dict[str, PloverType]):
        self._cameo = cameo
        self._plover = plover
        self._types = types

    @classmethod
    def load(cls) -> Codebook:
        """The packaged code book, parsed on first use and shared afterwards."""
        return _load_packaged()

    @classmethod
    def from_texts(cls, cameo: str, plover: str, types: str,
                   origin: str = "<text>") -> Codebook:
        """Build a code book from table texts in the packaged formats, validating them."""
        cameo_codes = _parse_cameo(cameo, f"{origin}:cameo_events.tsv")
        type_map = _parse_types(types, f"{origin}:plover_types.tsv")
        plover_map = _parse_plover(plover, f"{origin}:plover_map.tsv", cameo_codes, type_map)
        return cls(cameo_codes, plover_map, type_map)

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO entry for exactly this code; UnknownCodeError if the book lacks it."""
        try:
            return self._cameo[code]
        except KeyError:
            raise UnknownCodeError(code) from None

    def plover(self, code: str) -> PloverCode:
        """PLOVER translation of a code, falling back to its parents (0331 -> 033 -> 03).

        The fallback lets codes from CAMEO variants (e.g. ICEWS's 1213) translate as their
        nearest parent that the map knows.
        """
        for prefix in (code, code[:3], code[:2]):
            if prefix in self._plover:
                return self._plover[prefix]
        raise UnknownCodeError(code, "CAMEO code for PLOVER")

    def codes(self) -> list[CameoCode]:
        """Every CAMEO code, in code-book order (roots before their sub-codes)."""
        return list(self._cameo.values())

    def root_name(self, root: str) -> str:
        """Name of a 2-digit cue category, e.g. "04" -> "CONSULT"."""
        if len(root) != 2:
            raise UnknownCodeError(root, "CAMEO root")
        return self.cameo(root).name

    def plover_type(self, event: str) -> PloverType:
        """The PLOVER type entry (with its modes) for an event name such as "ASSAULT"."""
        try:
            return self._types[event]
        except KeyError:
            raise UnknownCodeError(event, "PLOVER event type") from None

    def plover_types(self) -> list[PloverType]:
        """All PLOVER event types, in table order."""
        return list(self._types.values())


@functools.cache
def _load_packaged() -> Codebook:
    folder = importlib.resources.files(_DATA_PACKAGE) / "data"
    texts = [(folder / name).read_text(encoding="utf-8") for name in _FILES]
    return Codebook.from_texts(*texts, origin=f"{_DATA_PACKAGE}/data")


def _rows(text: str, origin: str, header: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """Split a TSV text into (line number, fields) rows, padding missing trailing fields."""
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != header:
        raise InputError(origin, f"header must be {'<TAB>'.join(header)}", "line 1")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) > len(header):
            raise InputError(origin, f"{len(fields)} fields, expected {len(header)}",
                             f"line {number}")
        rows.append((number, fields + [""] * (len(header) - len(fields))))
    return rows


def _parse_cameo(text: str, origin: str) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for number, (code, name, weight) in _rows(text, origin, ("code", "name", "goldstein")):
        where = f"line {number}"
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise InputError(origin, f"code {code!r} is not 2-4 digits", where)
        if code in codes:
            raise InputError(origin, f"code {code} appears twice", where)
        if len(code) > 2 and code[:-1] not in codes:
            raise InputError(origin, f"code {code} comes before its parent", where)
        try:
            goldstein = float(weight)
        except ValueError:
            raise InputError(origin, f"goldstein {weight!r} is not a number", where) from None
        if not -10.0 <= goldstein <= 10.0 or not name:
            raise InputError(origin, f"code {code}: empty name or weight outside -10..10",
                             where)
        try:
            quad = quad_class(code)
        except UnknownCodeError as exc:
            raise InputError(origin, str(exc), where) from None
        codes[code] = CameoCode(code, name, goldstein, code[:2], quad)
    return codes


def _parse_types(text: str, origin: str) -> dict[str, PloverType]:
    types: dict[str, PloverType] = {}
    for number, (event, modes, definition) in _rows(text, origin,
                                                    ("event", "modes", "definition")):
        if event not in PLOVER_EVENTS or event in types:
            raise InputError(origin, f"event {event!r} is unknown or repeated; valid: "
                             f"{', '.join(PLOVER_EVENTS)}", f"line {number}")
        types[event] = PloverType(event, _split(modes), definition)
    return types


def _parse_plover(text: str, origin: str, cameo: dict[str, CameoCode],
                  types: dict[str, PloverType]) -> dict[str, PloverCode]:
    mapping: dict[str, PloverCode] = {}
    header = ("cameo", "event", "mode", "context")
    for number, (code, event, mode, context) in _rows(text, origin, header):
        entry = PloverCode(event, mode or None, _split(context))
        problem = _plover_problem(code, entry, cameo, types, mapping)
        if problem:
            raise InputError(origin, problem, f"line {number}")
        mapping[code] = entry
    missing = sorted({c.root for c in cameo.values()} - mapping.keys())
    if missing:
        raise InputError(origin, f"no row for CAMEO roots {', '.join(missing)}")
    return mapping


def _plover_problem(code: str, entry: PloverCode, cameo: dict[str, CameoCode],
                    types: dict[str, PloverType], seen: dict[str, PloverCode]) -> str | None:
    """What is wrong with one PLOVER map row, or None when it is valid."""
    if code not in cameo or code in seen:
        return f"CAMEO code {code!r} is unknown or repeated"
    if entry.dropped:
        return f"{code}: a dropped code takes no mode or context" if (
            entry.mode or entry.context) else None
    if entry.event not in types:
        return f"{code}: event {entry.event!r} not in plover_types.tsv"
    allowed = types[entry.event].modes
    if entry.mode is not None and entry.mode not in allowed:
        return (f"{code}: mode {entry.mode!r} is not a {entry.event} mode; valid: "
                f"{', '.join(allowed) or '(none)'}")
    unknown = [c for c in entry.context if c not in PLOVER_CONTEXTS]
    return f"{code}: unknown PLOVER context {', '.join(unknown)}" if unknown else None


def _split(field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split(",") if part.strip())
