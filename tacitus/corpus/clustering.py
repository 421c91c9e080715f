"""Event clusters: the mentions (coded events) that report one real-world event.

Two mentions belong together when they have
  * the same dyad: the same source and target, or the two swapped when both codes are
    order-insensitive (SYMMETRIC_ROOTS / SYMMETRIC_CODES: a meeting of A with B is a meeting of
    B with A); actors compare by country, except in a domestic dyad (both sides one country),
    where the full codes tell government from protesters;
  * the same CAMEO root (a 042 visit and a 043 hosting are one 04 consultation);
  * compatible dates: two day-precise dates at most `window_days` apart; a month or year
    must contain every day-precise date of the cluster and overlap every other coarse date;
  * the same location country, or no location on either side.

Mentions whose source or target is not identified (missing, or a bare sector such as "GOV"
with no country) are only clustered with mentions of the same document family (the document
and its near-duplicates): "officials said" in two unrelated stories is not one event.

Membership is complete-linkage (every pair of members is compatible) built greedily in a fixed
order: most precise dates first, then the earliest, then by family, document, sentence and event
id; each mention joins the first compatible cluster, else opens a new one. The order makes the
result deterministic, and cluster ids are hashes of the sorted member ids.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tacitus.corpus.records import EventCluster

WINDOW_DAYS = 1
# CAMEO categories whose acts are mutual (codebook: "consult", "engage in material cooperation")
# and single codes that are mutual inside a directed root: 036 express intent to meet or
# negotiate, 046 engage in negotiation, 057 sign formal agreement.
SYMMETRIC_ROOTS = frozenset({"04", "06"})
SYMMETRIC_CODES = frozenset({"036", "046", "057"})
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
UNDATED_RANK = 3


@dataclass(slots=True)
class Mention:
    """The fields of one stored event that clustering needs, plus its document's facts."""

    event_id: str
    doc_id: str
    family: str  # canonical document of the near-duplicate group (the doc itself if none)
    outlet: str | None  # source name of the family's canonical document
    doc_date: dt.date | None
    sentence_index: int
    source_code: str | None
    source_country: str | None
    source_sector: str | None
    target_code: str | None
    target_country: str | None
    target_sector: str | None
    cameo: str
    goldstein: float
    date: str | None
    date_precision: str | None
    location_country: str | None
    # derived once here, because clustering consults them many times per mention
    span: tuple[dt.date, dt.date] | None = field(init=False)
    direction: tuple[str, str] = field(init=False)
    symmetric: bool = field(init=False)
    block: str = field(init=False)

    def __post_init__(self) -> None:
        self.span = interval(self.date, self.date_precision)
        self.direction = dyad_keys(self)
        self.symmetric = is_symmetric(self.cameo)
        self.block = block_of(self)

    @property
    def root(self) -> str:
        return self.cameo[:2]


def is_symmetric(cameo: str) -> bool:
    """Whether an act of A towards B is equally an act of B towards A."""
    return cameo[:2] in SYMMETRIC_ROOTS or cameo[:3] in SYMMETRIC_CODES


def identified(code: str | None, country: str | None, sector: str | None) -> bool:
    """An actor we can match across stories: it has a country, or a code beyond a bare sector."""
    return code is not None and (country is not None or code != sector)


def dyad_keys(m: Mention) -> tuple[str, str]:
    """(source key, target key): countries, or full codes in a domestic dyad; "" for no actor."""
    domestic = m.source_country is not None and m.source_country == m.target_country
    def key(code: str | None, country: str | None) -> str:
        if code is None:
            return ""
        return code if domestic or country is None else country
    return key(m.source_code, m.source_country), key(m.target_code, m.target_country)


def cross_document(m: Mention) -> bool:
    return identified(m.source_code, m.source_country, m.source_sector) and identified(
        m.target_code, m.target_country, m.target_sector
    )


def block_of(m: Mention) -> str:
    """The comparison block: root and unordered dyad (plus the family when family-scoped).

    Only mentions of one block are ever compared, so a block can be recomputed on its own.
    """
    low, high = sorted(m.direction)
    key = f"{m.root}|{low}|{high}"
    return key if cross_document(m) else f"{key}|{m.family}"


def interval(date: str | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an event date allows ("1997-11" -> Nov 1 .. Nov 30)."""
    if not date:
        return None
    try:
        if precision == "day" or len(date) == 10:
            day = dt.date.fromisoformat(date[:10])
            return day, day
        year = int(date[:4])
        if precision == "month" or len(date) == 7:
            month = int(date[5:7])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def cluster_id(event_ids: Iterable[str]) -> str:
    """Deterministic id from the members: the same members always give the same id."""
    joined = "\n".join(sorted(event_ids)).encode("utf-8")
    return "c" + hashlib.sha1(joined, usedforsecurity=False).hexdigest()[:15]


def order_key(m: Mention) -> tuple:
    """Most precisely dated first, then earliest, then by family, document, sentence, id."""
    span = m.span
    return (_rank(span), span[0] if span else dt.date.max, m.family, m.doc_id, m.sentence_index,
            m.event_id)


def _rank(span: tuple[dt.date, dt.date] | None) -> int:
    if span is None:
        return UNDATED_RANK
    start, end = span
    if start == end:
        return PRECISION_RANK["day"]
    return PRECISION_RANK["month" if (start.year, start.month) == (end.year, end.month) else "year"]


@dataclass(slots=True)
class _Open:
    """A cluster being built, with the summaries that decide who else may join."""

    members: list[Mention] = field(default_factory=list)
    directions: set[tuple[str, str]] = field(default_factory=set)
    directed: set[tuple[str, str]] = field(default_factory=set)  # of non-symmetric members
    min_day: dt.date | None = None
    max_day: dt.date | None = None
    max_coarse_start: dt.date | None = None
    min_coarse_end: dt.date | None = None
    country: str | None = None
    undated_family: str | None = None  # set for a cluster of undated mentions

    def accepts(self, m: Mention, window: int) -> bool:
        others = self.directed if m.symmetric else self.directions
        if others and (len(others) > 1 or m.direction not in others):
            return False
        if m.location_country and self.country and m.location_country != self.country:
            return False
        span = m.span
        if span is None or self.undated_family is not None:
            return span is None and self.undated_family == m.family
        return self._dates_fit(span, span[0] == span[1], window)

    def _dates_fit(self, span: tuple[dt.date, dt.date], day: bool, window: int) -> bool:
        start, end = span
        if day:
            if self.min_day is not None and (abs((start - self.min_day).days) > window
                                             or abs((self.max_day - start).days) > window):
                return False
            return self.max_coarse_start is None or self.max_coarse_start <= start <= self.min_coarse_end
        if self.min_day is not None and not (start <= self.min_day and self.max_day <= end):
            return False
        return self.max_coarse_start is None or (start <= self.min_coarse_end and end >= self.max_coarse_start)

    def add(self, m: Mention) -> None:
        self.members.append(m)
        self.directions.add(m.direction)
        if not m.symmetric:
            self.directed.add(m.direction)
        self.country = self.country or m.location_country
        span = m.span
        if span is None:
            self.undated_family = m.family
        elif span[0] == span[1]:
            self.min_day = min(self.min_day or span[0], span[0])
            self.max_day = max(self.max_day or span[0], span[0])
        else:
            self.max_coarse_start = max(self.max_coarse_start or span[0], span[0])
            self.min_coarse_end = min(self.min_coarse_end or span[1], span[1])


def cluster_mentions(mentions: Sequence[Mention], window_days: int = WINDOW_DAYS) -> list[list[Mention]]:
    """Group the mentions of ONE block into clusters (see the module docstring)."""
    if window_days < 0:
        raise ValueError(f"window_days must be 0 or more, got {window_days}")
    day_clusters: list[_Open] = []  # created in date order, so sorted by min_day
    day_starts: list[dt.date] = []
    coarse_clusters: list[_Open] = []
    undated: dict[str, list[_Open]] = {}
    active: list[_Open] = []
    for m in sorted(mentions, key=order_key):
        span = m.span
        if span is None:
            candidates = undated.setdefault(m.family, [])
        elif span[0] == span[1]:
            active = [c for c in active if (span[0] - c.max_day).days <= window_days]
            candidates = active
        else:
            first = bisect.bisect_left(day_starts, span[0])
            last = bisect.bisect_right(day_starts, span[1])
            candidates = day_clusters[first:last] + coarse_clusters
        chosen = next((c for c in candidates if c.accepts(m, window_days)), None)
        if chosen is None:
            chosen = _Open()
            if span is None:
                undated[m.family].append(chosen)
            elif span[0] == span[1]:
                day_clusters.append(chosen)
                day_starts.append(span[0])
                active.append(chosen)
            else:
                coarse_clusters.append(chosen)
        chosen.add(m)
    groups = day_clusters + coarse_clusters + [c for fam in sorted(undated) for c in undated[fam]]
    return [c.members for c in groups]


def summarize(members: Sequence[Mention], block: str) -> EventCluster:
    """The stored summary of one cluster; `members` in clustering order (representative first)."""
    first = members[0]
    cameo = first.cameo
    if len(members) > 1:
        counts = Counter(m.cameo for m in members)
        cameo = min(counts, key=lambda code: (-counts[code], code))
    spans = [m.span for m in members if m.span]
    reports = [m.doc_date for m in members if m.doc_date]
    families = {m.family: m.outlet for m in members}
    outlets = {outlet or f"(unnamed) {family}" for family, outlet in families.items()}
    ids = [m.event_id for m in members]
    return EventCluster(
        cluster_id=cluster_id(ids),
        cameo=cameo,
        cameo_root=first.root,
        quad_class=_QUAD[first.root],
        goldstein=first.goldstein if cameo == first.cameo else next(m.goldstein for m in members if m.cameo == cameo),
        source=first.source_code,
        target=first.target_code,
        symmetric=all(m.symmetric for m in members),
        date=first.date,
        date_precision=first.date_precision,
        date_start=min(s[0] for s in spans) if spans else None,
        date_end=max(s[1] for s in spans) if spans else None,
        first_report=min(reports) if reports else None,
        last_report=max(reports) if reports else None,
        location_country=next((m.location_country for m in members if m.location_country), None),
        num_mentions=len(members),
        num_documents=len(families),
        num_sources=len(outlets),
        representative_id=first.event_id,
        event_ids=ids,
        doc_ids=list(dict.fromkeys(m.doc_id for m in members)),
        block=block,
    )


# Quad class by CAMEO root (codebook: 01-05, 06-08, 09-13, 14-20).
_QUAD = {f"{r:02d}": 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 for r in range(1, 21)}


Built = tuple[EventCluster, list[Mention]]


def build_clusters(mentions: Iterable[Mention], window_days: int = WINDOW_DAYS) -> list[Built]:
    """Block the mentions, cluster each block, summarize each cluster (blocks in sorted order);
    each cluster comes with its members in clustering order."""
    blocks: dict[str, list[Mention]] = {}
    for m in mentions:
        blocks.setdefault(m.block, []).append(m)
    out = []
    for key in sorted(blocks):
        for members in cluster_mentions(blocks[key], window_days):
            out.append((summarize(members, key), members))
    return out
