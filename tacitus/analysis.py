"""Analytics over the store: dyad series, actor activity, event networks (GraphML and JSON).

Pure functions over the store's named queries (`event_facts`, `edge_counts`): they read, never
write, and return records with `to_json()` that the CLI, the HTTP API and the dashboard share.

Periods and date precision: period keys are "1997-11-26" (day), "1997-W48" (ISO week, with the
ISO year: 1997-12-29 is "1998-W01"), "1997-11" (month) and "1997" (year). An event is counted in
a period only when its date is at least as precise as the frequency: a month-precise event ("in
November") counts in monthly and yearly series but not in daily or weekly ones, where it is
counted in `excluded` under its precision instead, so no event disappears silently.

`unique=True` counts each event cluster once (the near-duplicate wire copy and the three outlets
reporting one meeting count as one event); unclustered events count as their own cluster.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from tacitus.corpus.clustering import interval
from tacitus.corpus.records import EdgeCount, EventFact
from tacitus.store.filters import EventFilter, FilterError

FREQS = ("day", "week", "month", "year")
# The precisions each frequency can place: a week or a day needs a day.
_PLACEABLE = {"day": ("day",), "week": ("day",), "month": ("day", "month"),
              "year": ("day", "month", "year")}
QUAD_NAMES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
TOP_CODES = 3
ACTOR_KEYS = ("code", "country")


class CorpusReader(Protocol):
    """What the analysis needs from a store (tacitus.store.Store implements it)."""

    def event_facts(self, f: EventFilter | None = None) -> list[EventFact]: ...
    def edge_counts(self, f: EventFilter | None = None, by: str = "code", unique: bool = False) -> list[EdgeCount]: ...


@dataclass(slots=True)
class PeriodStats:
    """Events of one period in one direction of a dyad."""

    period: str
    events: int = 0
    quad_counts: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # quad classes 1..4
    goldstein_sum: float = 0.0
    codes: Counter = field(default_factory=Counter)

    @property
    def goldstein_mean(self) -> float | None:
        return round(self.goldstein_sum / self.events, 3) if self.events else None

    def top_codes(self, n: int = TOP_CODES) -> list[tuple[str, int]]:
        return sorted(self.codes.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    def add(self, fact: EventFact) -> None:
        self.events += 1
        self.quad_counts[fact.quad_class - 1] += 1
        self.goldstein_sum = round(self.goldstein_sum + fact.goldstein, 6)
        self.codes[fact.cameo] += 1

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "events": self.events,
            "quad_classes": dict(zip(QUAD_NAMES, self.quad_counts)),
            "goldstein_sum": round(self.goldstein_sum, 3),
            "goldstein_mean": self.goldstein_mean,
            "top_codes": [{"code": c, "events": n} for c, n in self.top_codes()],
        }


@dataclass(slots=True)
class DyadSeries:
    """Per-period statistics of a dyad: a -> b, b -> a and both together, aligned on `periods`
    (every period from the first to the last with events, empty ones included)."""

    a: str
    b: str
    freq: str
    periods: list[str]
    a_to_b: list[PeriodStats]
    b_to_a: list[PeriodStats]
    combined: list[PeriodStats]
    excluded: dict[str, int]  # events too coarsely dated for `freq`, by precision ("undated" too)
    unique: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "freq": self.freq,
            "unique": self.unique,
            "periods": list(self.periods),
            "a_to_b": [p.to_json() for p in self.a_to_b],
            "b_to_a": [p.to_json() for p in self.b_to_a],
            "combined": [p.to_json() for p in self.combined],
            "excluded": dict(self.excluded),
        }


@dataclass(slots=True)
class ActorActivity:
    """How active one actor is: events on either side, and how many partners in each direction."""

    actor: str
    events: int  # events with the actor on either side (an event with it on both counts once)
    as_source: int
    as_target: int
    out_degree: int  # distinct targets it acted on
    in_degree: int  # distinct sources that acted on it
    goldstein_out: float  # Goldstein sum of its events as source
    goldstein_in: float

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor, "events": self.events, "as_source": self.as_source,
            "as_target": self.as_target, "out_degree": self.out_degree, "in_degree": self.in_degree,
            "goldstein_out": round(self.goldstein_out, 3), "goldstein_in": round(self.goldstein_in, 3),
        }


@dataclass(slots=True)
class NetworkEdge:
    source: str
    target: str
    weight: int  # events from source to target
    goldstein_sum: float
    quad_counts: tuple[int, int, int, int]

    @property
    def goldstein_mean(self) -> float:
        return round(self.goldstein_sum / self.weight, 3) if self.weight else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source, "target": self.target, "weight": self.weight,
            "goldstein_sum": round(self.goldstein_sum, 3), "goldstein_mean": self.goldstein_mean,
            **dict(zip(QUAD_NAMES, self.quad_counts)),
        }


@dataclass(slots=True)
class NetworkNode:
    id: str
    out_weight: int
    in_weight: int
    out_degree: int
    in_degree: int

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "out_weight": self.out_weight, "in_weight": self.in_weight,
                "out_degree": self.out_degree, "in_degree": self.in_degree}


@dataclass(slots=True)
class Network:
    """A weighted directed graph of actors; only events with both actors coded make edges."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    by: str = "code"

    def to_json(self) -> dict[str, Any]:
        return network_json(self)


# --- periods ------------------------------------------------------------------------------------

def period_key(date: str | None, precision: str | None, freq: str) -> str | None:
    """The period an event date falls in at `freq`, or None when the date is too coarse."""
    span = interval(date, precision)
    if span is None or _precision(span) not in _PLACEABLE[freq]:
        return None
    return _key(span[0], freq)


def _precision(span: tuple[dt.date, dt.date]) -> str:
    start, end = span
    return "day" if start == end else "month" if start.month == end.month else "year"


def _key(day: dt.date, freq: str) -> str:
    if freq == "day":
        return day.isoformat()
    if freq == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.strftime("%Y-%m") if freq == "month" else f"{day.year:04d}"


def _start_of(key: str, freq: str) -> dt.date:
    if freq == "day":
        return dt.date.fromisoformat(key)
    if freq == "week":
        return dt.date.fromisocalendar(int(key[:4]), int(key[6:]), 1)
    return dt.date(int(key[:4]), int(key[5:7]) if freq == "month" else 1, 1)


def period_range(first: str, last: str, freq: str) -> list[str]:
    """Every period key from `first` to `last` inclusive."""
    keys, day, end = [], _start_of(first, freq), _start_of(last, freq)
    while day <= end:
        keys.append(_key(day, freq))
        if freq == "day":
            day += dt.timedelta(days=1)
        elif freq == "week":
            day += dt.timedelta(days=7)
        elif freq == "month":
            day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        else:
            day = dt.date(day.year + 1, 1, 1)
    return keys


# --- dyad series --------------------------------------------------------------------------------

def dyad_series(
    store: CorpusReader, a: str, b: str, freq: str = "month", f: EventFilter | None = None,
    unique: bool = False,
) -> DyadSeries:
    """Counts by quad class, Goldstein sum and mean, and top codes per period for a -> b,
    b -> a and combined. `a`/`b` are actor or country codes; `f` narrows further (its own dyad
    is replaced by a, b)."""
    if freq not in FREQS:
        raise FilterError(f"unknown frequency {freq!r}; valid: {', '.join(FREQS)}")
    flt = replace(f or EventFilter(), dyad=(a, b), directed=False)
    a, b = flt.dyad  # type: ignore[misc]  # normalised by the filter
    facts = _one_per_cluster(store.event_facts(flt)) if unique else store.event_facts(flt)
    excluded: Counter = Counter()
    cells: dict[tuple[str, str], PeriodStats] = {}
    for fact in facts:
        key = period_key(fact.date, fact.date_precision, freq)
        if key is None:
            excluded[fact.date_precision if fact.date else "undated"] += 1
            continue
        direction = "a_to_b" if _is(a, fact.source_code, fact.source_country) and _is(
            b, fact.target_code, fact.target_country) else "b_to_a"
        for side in (direction, "combined"):
            cells.setdefault((side, key), PeriodStats(key)).add(fact)
    keys = sorted({k for _, k in cells})
    periods = period_range(keys[0], keys[-1], freq) if keys else []

    def column(side: str) -> list[PeriodStats]:
        return [cells.get((side, p)) or PeriodStats(p) for p in periods]

    return DyadSeries(a, b, freq, periods, column("a_to_b"), column("b_to_a"), column("combined"),
                      dict(sorted(excluded.items())), unique)


def _is(key: str, code: str | None, country: str | None) -> bool:
    return key in (code, country)


def _one_per_cluster(facts: list[EventFact]) -> list[EventFact]:
    """One fact per cluster: its representative when the filter let it through, else the
    cluster's first fact in date order; unclustered facts all stay."""
    shown = {f.event_id for f in facts}
    kept: list[EventFact] = []
    seen: set[str] = set()
    for fact in facts:
        cluster = fact.cluster_id
        if cluster is None:
            kept.append(fact)
        elif cluster not in seen and (fact.event_id == fact.representative_id
                                      or fact.representative_id not in shown):
            kept.append(fact)
            seen.add(cluster)
    return kept


# --- actors and networks ------------------------------------------------------------------------

def actor_activity(
    store: CorpusReader, f: EventFilter | None = None, limit: int = 20, by: str = "code",
    unique: bool = False,
) -> list[ActorActivity]:
    """The most active actors (by events on either side), with in and out degree."""
    if limit < 0:
        raise FilterError(f"limit must be 0 or more, got {limit}")
    stats: dict[str, dict[str, Any]] = {}

    def entry(actor: str) -> dict[str, Any]:
        return stats.setdefault(actor, {"src": 0, "tgt": 0, "self": 0, "outs": set(), "ins": set(),
                                        "g_out": 0.0, "g_in": 0.0})

    for edge in store.edge_counts(f, by, unique):
        if edge.source is not None:
            s = entry(edge.source)
            s["src"] += edge.events
            s["g_out"] += edge.goldstein_sum
            if edge.target is not None:
                s["outs"].add(edge.target)
        if edge.target is not None:
            t = entry(edge.target)
            t["tgt"] += edge.events
            t["g_in"] += edge.goldstein_sum
            if edge.source is not None:
                t["ins"].add(edge.source)
        if edge.source is not None and edge.source == edge.target:
            stats[edge.source]["self"] += edge.events
    out = [
        ActorActivity(actor, s["src"] + s["tgt"] - s["self"], s["src"], s["tgt"], len(s["outs"]),
                      len(s["ins"]), round(s["g_out"], 6), round(s["g_in"], 6))
        for actor, s in stats.items()
    ]
    out.sort(key=lambda x: (-x.events, x.actor))
    return out[:limit]


def event_network(
    store: CorpusReader, f: EventFilter | None = None, by: str = "code", unique: bool = False,
    min_weight: int = 1,
) -> Network:
    """Actors as nodes, one weighted directed edge per (source, target) with events between them."""
    if min_weight < 1:
        raise FilterError(f"min_weight must be 1 or more, got {min_weight}")
    edges = [
        NetworkEdge(e.source, e.target, e.events, round(e.goldstein_sum, 6), e.quad_counts)
        for e in store.edge_counts(f, by, unique)
        if e.source is not None and e.target is not None and e.events >= min_weight
    ]
    nodes: dict[str, NetworkNode] = {}
    for e in edges:
        src = nodes.setdefault(e.source, NetworkNode(e.source, 0, 0, 0, 0))
        tgt = nodes.setdefault(e.target, NetworkNode(e.target, 0, 0, 0, 0))
        src.out_weight += e.weight
        src.out_degree += 1
        tgt.in_weight += e.weight
        tgt.in_degree += 1
    return Network(sorted(nodes.values(), key=lambda n: n.id), edges, by)


def network_json(net: Network) -> dict[str, Any]:
    """Node-link JSON (the layout d3 and networkx's `node_link_graph` read: nodes and links)."""
    return {
        "directed": True,
        "multigraph": False,
        "graph": {"actor_key": net.by},
        "nodes": [n.to_json() for n in net.nodes],
        "links": [e.to_json() for e in net.edges],
    }


_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_NODE_KEYS = (("out_weight", "int"), ("in_weight", "int"), ("out_degree", "int"), ("in_degree", "int"))
_EDGE_KEYS = (("weight", "int"), ("goldstein_sum", "double"), ("goldstein_mean", "double"),
              *((name, "int") for name in QUAD_NAMES))


def network_graphml(net: Network) -> str:
    """GraphML (directed; node and edge attributes declared as keys), readable by Gephi,
    networkx and igraph."""
    ET.register_namespace("", _GRAPHML_NS)
    root = ET.Element(f"{{{_GRAPHML_NS}}}graphml")
    for where, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, f"{{{_GRAPHML_NS}}}key", {"id": name, "for": where,
                                                        "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{_GRAPHML_NS}}}graph", {"id": "tacitus", "edgedefault": "directed"})
    for node in net.nodes:
        _element(graph, "node", {"id": node.id}, node.to_json(), _NODE_KEYS)
    for i, edge in enumerate(net.edges):
        attrs = {"id": f"e{i}", "source": edge.source, "target": edge.target}
        _element(graph, "edge", attrs, edge.to_json(), _EDGE_KEYS)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _element(parent: ET.Element, tag: str, attrs: dict[str, str], data: dict[str, Any],
             keys: tuple[tuple[str, str], ...]) -> None:
    element = ET.SubElement(parent, f"{{{_GRAPHML_NS}}}{tag}", attrs)
    for name, _ in keys:
        ET.SubElement(element, f"{{{_GRAPHML_NS}}}data", {"key": name}).text = str(data[name])
